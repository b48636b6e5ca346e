// One npm tool run over one corpus, in its own process (the Node twin of
// runners.py; same protocol and output files):
//
//     node runner.mjs TOOL CORPUS OUT_PREFIX
//     node runner.mjs TOOL --startup
//
// Every tool is called once per line with its own redaction API, and the
// timed pass is repeated until it has run for two seconds or 50 times; the
// fastest pass counts. redact-pii and @redactpii/node return only text, so
// their spans come from an untimed replay of the same regular expressions,
// in the same order, over the same line (`replay`), and the replayed output
// is checked against what the tool itself returned.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "package.json"));
const MIN_SECONDS = 2.0;
const MAX_REPS = 50;

function pkgVersion(name) {
  return JSON.parse(
    readFileSync(join(here, "node_modules", name, "package.json"), "utf8"),
  ).version;
}

// Applies rules [{ re, kind, token(match) }] in order the way both libraries
// do (String.prototype.replace over the output of the previous rule) and
// maps every match back to the original line. Returns [output, spans].
function replay(line, rules) {
  let cur = line;
  // map[i]: the original index of position i of cur (length cur.length+1).
  let map = Array.from({ length: line.length + 1 }, (_, i) => i);
  const spans = [];
  for (const { re, kind, token } of rules) {
    const pieces = [];
    const nmap = [];
    let pos = 0;
    for (const m of cur.matchAll(new RegExp(re.source, re.flags))) {
      const s = m.index;
      const e = s + m[0].length;
      pieces.push(cur.slice(pos, s));
      for (let i = pos; i < s; i++) nmap.push(map[i]);
      const t = token(m[0]);
      const os = map[s];
      const oe = map[e];
      spans.push([os, oe, kind]);
      pieces.push(t);
      for (let i = 0; i < t.length; i++) nmap.push(os);
      pos = e;
    }
    pieces.push(cur.slice(pos));
    for (let i = pos; i <= cur.length; i++) nmap.push(map[i]);
    cur = pieces.join("");
    map = nmap;
  }
  return [cur, spans];
}

const TOOLS = {
  // redact-pii's SyncRedactor with only its credit-card and US SSN
  // patterns enabled (all other built-ins and the name redactor off).
  "redact-pii": () => {
    const { SyncRedactor } = require("redact-pii");
    const patterns = require("redact-pii/lib/built-ins/simple-regexp-patterns");
    const off = {};
    for (const name of Object.keys(patterns).concat(["names"])) {
      if (name !== "creditCardNumber" && name !== "usSocialSecurityNumber") {
        off[name] = { enabled: false };
      }
    }
    const r = new SyncRedactor({ builtInRedactors: off });
    const rules = r.childRedactors.map((c) => ({
      re: c.regexpMatcher,
      kind:
        c.regexpMatcher === patterns.creditCardNumber
          ? "card"
          : c.regexpMatcher === patterns.usSocialSecurityNumber
            ? "ssn"
            : "other:" + c.replaceWith,
      token: () => c.replaceWith,
    }));
    return {
      version: `redact-pii ${pkgVersion("redact-pii")}`,
      redact: (line) => [r.redact(line), null],
      replay: (line) => replay(line, rules),
    };
  },
  // @redactpii/node's Redactor with rules CREDIT_CARD and SSN only.
  "redactpii-node": () => {
    const { Redactor } = require("@redactpii/node");
    const r = new Redactor({ rules: { CREDIT_CARD: true, SSN: true } });
    const tokens = {
      CREDIT_CARD: ["card", "CREDIT_CARD_NUMBER"],
      US_SOCIAL_SECURITY_NUMBER: ["ssn", "US_SOCIAL_SECURITY_NUMBER"],
    };
    const rules = r.activeRules.map(({ pattern, name }) => ({
      re: pattern,
      kind: tokens[name] ? tokens[name][0] : "other:" + name,
      token: () => (tokens[name] ? tokens[name][1] : "DIGITS"),
    }));
    return {
      version: `@redactpii/node ${pkgVersion("@redactpii/node")}`,
      redact: (line) => [r.redact(line), null],
      replay: (line) => replay(line, rules),
    };
  },
  // openredaction's detection engine (@openredaction/core, which the
  // openredaction package re-exports) with its card, SSN, CVV and expiry
  // patterns; detect() returns the redacted text and the detections.
  openredaction: () => {
    const { OpenRedaction } = require("@openredaction/core");
    const d = new OpenRedaction({
      patterns: ["CREDIT_CARD", "SSN", "CVV", "CVV_CODE", "CARD_EXPIRY"],
    });
    const kinds = {
      CREDIT_CARD: "card",
      SSN: "ssn",
      CVV: "cvv",
      CVV_CODE: "cvv",
      CARD_EXPIRY: "expiry",
    };
    return {
      version: `@openredaction/core ${pkgVersion("@openredaction/core")}`,
      async: true,
      redact: async (line) => {
        const r = await d.detect(line);
        return [
          r.redacted,
          r.detections.map((x) => [
            x.position[0],
            x.position[1],
            kinds[x.type] ?? "other:" + x.type,
          ]),
        ];
      },
    };
  },
};

function isAscii(s) {
  return /^[\x00-\x7f]*$/.test(s);
}

async function run(name, corpus, outPrefix) {
  const tool = TOOLS[name]();
  const data = readFileSync(corpus);
  const lines = data.toString("utf8").split("\n");
  let best = Infinity;
  let total = 0;
  let reps = 0;
  let outLen = 0;
  let captured = null;
  while (reps < MAX_REPS && (reps === 0 || total < MIN_SECONDS)) {
    const first = reps === 0;
    const got = first ? [] : null;
    let length = 0;
    const t0 = process.hrtime.bigint();
    if (tool.async) {
      for (const line of lines) {
        const [o, s] = await tool.redact(line);
        length += o.length;
        if (first) got.push(s);
      }
    } else {
      for (const line of lines) {
        const [o, s] = tool.redact(line);
        length += o.length;
        if (first) got.push(s);
      }
    }
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (first) {
      captured = got;
      outLen = length;
    }
    best = Math.min(best, dt);
    total += dt;
    reps += 1;
  }
  // Spans, converted from UTF-16 indices in a line to byte offsets in the
  // file; for the replayed tools, check the replay reproduces the output.
  const rows = [];
  let base = 0;
  let replayMismatches = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let spans = captured[i];
    if (spans === null) {
      const [o, s] = tool.replay(line);
      if (o !== tool.redact(line)[0]) replayMismatches += 1;
      spans = s;
    }
    const ascii = isAscii(line);
    for (const [s, e, k] of spans) {
      const bs = ascii ? s : Buffer.byteLength(line.slice(0, s));
      const be = ascii ? e : Buffer.byteLength(line.slice(0, e));
      rows.push(`${base + bs}\t${base + be}\t${k}\n`);
    }
    base += (ascii ? line.length : Buffer.byteLength(line)) + 1;
  }
  writeFileSync(outPrefix + ".spans.tsv", rows.join(""));
  writeFileSync(
    outPrefix + ".json",
    JSON.stringify({
      tool: name,
      version: tool.version,
      bytes: data.length,
      seconds: best,
      reps,
      output_chars: outLen,
      spans: rows.length,
      replay_mismatches: replayMismatches,
    }),
  );
}

async function startup(name) {
  const tool = TOOLS[name]();
  await tool.redact("hello, my card is on its way");
  console.log(JSON.stringify({ version: tool.version }));
}

const args = process.argv.slice(2);
if (args.length === 2 && args[1] === "--startup") {
  await startup(args[0]);
} else if (args.length === 3) {
  await run(args[0], args[1], args[2]);
} else {
  console.error("usage: node runner.mjs TOOL CORPUS OUT_PREFIX | TOOL --startup");
  process.exit(2);
}
