"""Side-by-side benchmark of pci-redact against the redaction tools people
use today, in one reproducible run (see README.md beside this file).

    python3 benches/compare/compare.py            # full run -> results/
    python3 benches/compare/compare.py --smoke    # 1 MB corpora, pci-redact
                                                  # and the regex baseline

Everything it installs goes under benches/compare/.work/ (git-ignored): a
Python virtual environment with pci-redact built from bindings-python/ and
the Python peers at pinned versions, the npm peers at the versions locked in
node/package-lock.json, the Rust timing program, the C floor program and
the generated corpora. A peer that cannot be installed is skipped and the
reason is written into the results.

Every tool runs in its own process per corpus; the driver reads its peak
RSS through measure.c (wait4), and each run writes its timing and the spans it found
(byte offsets) for scoring against the corpus's ground truth.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import corpora

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORK = HERE / ".work"
VENV = WORK / "venv"
VPY = VENV / "bin" / "python"
CARGO_TARGET = Path(os.environ.get("CARGO_TARGET_DIR", WORK / "target"))
RUST_BIN = CARGO_TARGET / "release" / "pci-redact-compare"
FLOOR_BIN = WORK / "floor"
MEASURE_BIN = WORK / "measure"
CLI_BIN = CARGO_TARGET / "release" / "pci-redact"
KINDS = corpora.KINDS

#: Python peers, pinned; python-peers.lock.txt pins their dependencies.
PY_PEERS = {
    "presidio": ["presidio-analyzer==2.2.366", "presidio-anonymizer==2.2.366"],
    "scrubadub": ["scrubadub==2.0.1"],
    "datafog": ["datafog==4.9.0"],
}
#: npm peers are pinned in node/package.json and node/package-lock.json.
NODE_PEERS = ("redact-pii", "redactpii-node", "openredaction")


class Tool:
    """One tool as the benchmark runs it."""

    def __init__(self, name, label, lang, kinds, what, group, quick=False):
        self.name = name
        self.label = label
        self.lang = lang  # "py", "node" or "rust"
        self.kinds = kinds  # the kinds it detects
        self.what = what  # what exactly ran
        self.group = group  # install group
        self.quick = quick  # part of --smoke
        self.skip: str | None = None  # why it did not run at all
        self.version = "?"

    def command(self, corpus: Path | None, out: Path | None) -> list[str]:
        tail = ["--startup"] if corpus is None else [str(corpus), str(out)]
        if self.lang == "py":
            return [str(VPY), str(HERE / "runners.py"), self.name] + tail
        if self.lang == "node":
            return ["node", str(WORK / "runner.mjs"), self.name] + tail
        if self.lang == "cli":
            if corpus is None:
                return [str(CLI_BIN), "--version"]
            return [str(CLI_BIN), "scrub", "--quiet", "-j", self.name[-1],
                    "--out", str(out), str(corpus)]
        mode = self.name.rsplit("-", 1)[1]
        return [str(RUST_BIN), mode] + tail


ALL4 = KINDS
CARD_SSN = ("card", "ssn")

TOOLS = [
    Tool("pci-redact-rs-file", "pci-redact (Rust, whole file)", "rust", ALL4,
         "Redactor::new().redact_bytes() over the whole file in one call "
         "(default policy: every kind, spoken forms on); spans from "
         "find_bytes()", "pci-redact", quick=True),
    Tool("pci-redact-rs-line", "pci-redact (Rust, per line)", "rust", ALL4,
         "Redactor::new().redact_bytes() once per line", "pci-redact",
         quick=True),
    Tool("pci-redact-py-file", "pci-redact (Python, whole file)", "py", ALL4,
         "pci_redact.Redactor().redact_bytes() over the whole file in one "
         "call; spans from find_bytes()", "pci-redact", quick=True),
    Tool("pci-redact-py", "pci-redact (Python, per line)", "py", ALL4,
         "pci_redact.Redactor().redact() once per line; spans from find()",
         "pci-redact", quick=True),
    Tool("pci-redact-cli-j1", "pci-redact CLI (scrub, -j 1)", "cli", (),
         "`pci-redact scrub --quiet -j 1 --out DIR FILE` from cli/: end to end, "
         "process start-up and file I/O included; not scored (same core as "
         "above)", "cli"),
    Tool("pci-redact-cli-j2", "pci-redact CLI (scrub, -j 2)", "cli", (),
         "the same with -j 2 (both cores)", "cli"),
    Tool("regex-baseline", "regex baseline (Python re)", "py", ALL4,
         "hand-written Python re: 13-19 digits with optional single "
         "spaces/dashes + Luhn; 3-2-4 SSN without never-issued areas; CVV "
         "and expiry after their usual keywords; once per line",
         "baseline", quick=True),
    Tool("presidio", "presidio (pattern recognizers)", "py", CARD_SSN,
         "presidio-analyzer AnalyzerEngine with CreditCardRecognizer + "
         "UsSsnRecognizer only on a spaCy blank('en') tokenizer (no trained "
         "model can be downloaded here: no NER, no lemma-based context), then "
         "presidio-anonymizer AnonymizerEngine; once per line", "presidio"),
    Tool("scrubadub", "scrubadub", "py", CARD_SSN,
         "scrubadub.Scrubber with CreditCardDetector and the en_US "
         "SocialSecurityNumberDetector only; clean() once per line, spans "
         "from iter_filth()", "scrubadub"),
    Tool("datafog", "datafog (regex engine)", "py", CARD_SSN,
         "datafog.scan_and_redact(engine='regex', entity_types=['CREDIT_CARD',"
         " 'SSN']) once per line, Python backend (no spaCy/GLiNER model)",
         "datafog"),
    Tool("redact-pii", "redact-pii (npm)", "node", CARD_SSN,
         "SyncRedactor with only its creditCardNumber and "
         "usSocialSecurityNumber built-ins; redact() once per line; spans from "
         "an untimed replay of the same regexes, checked against its output",
         "npm"),
    Tool("redactpii-node", "@redactpii/node (npm)", "node", CARD_SSN,
         "Redactor({rules: {CREDIT_CARD, SSN}}); redact() once per line; "
         "spans from an untimed replay, checked against its output", "npm"),
    Tool("openredaction", "openredaction (npm)", "node", ALL4,
         "@openredaction/core OpenRedaction({patterns: [CREDIT_CARD, SSN, "
         "CVV, CVV_CODE, CARD_EXPIRY]}); await detect() once per line",
         "npm"),
]


# --- small helpers -----------------------------------------------------


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sh(cmd, timeout=1800, env=None, cwd=None) -> tuple[int, str, float]:
    """Runs cmd; returns (exit code, last lines of output, seconds)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run(
            cmd, cwd=cwd, env=env, timeout=timeout, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        out, rc = p.stdout, p.returncode
    except subprocess.TimeoutExpired:
        out, rc = f"timed out after {timeout} s", 124
    except OSError as e:
        out, rc = str(e), 127
    tail = "\n".join(out.strip().splitlines()[-8:])
    return rc, tail, time.monotonic() - t0


def measured(cmd, timeout, env=None) -> dict:
    """Runs cmd through the measure program (measure.c); returns wall
    seconds, peak RSS and exit code. The driver's own memory would count in
    a child's peak RSS if it spawned the tool directly."""
    report = WORK / "last-measure.json"
    report.unlink(missing_ok=True)
    err = open(WORK / "last-stderr.txt", "w")
    p = subprocess.Popen([str(MEASURE_BIN), str(report)] + cmd,
                         stdout=subprocess.PIPE, stderr=err, env=env,
                         start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        out, _ = p.communicate()
        timed_out = True
    err.close()
    stderr = (WORK / "last-stderr.txt").read_text(errors="replace")
    try:
        r = json.loads(report.read_text())
    except (OSError, ValueError):
        r = {"wall": float("nan"), "rss_kb": 0, "status": p.returncode or 1}
    return {
        "wall": r["wall"],
        "rss_mb": r["rss_kb"] / 1024,
        "rc": 124 if timed_out else r["status"],
        "timed_out": timed_out,
        "stdout": out.decode(errors="replace"),
        "stderr": "\n".join(stderr.strip().splitlines()[-6:]),
    }


def last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1][:150] if lines else "(no output)"


def runner_env() -> dict:
    env = dict(os.environ)
    env.update(
        DATAFOG_NO_TELEMETRY="1", DO_NOT_TRACK="1", PYTHONHASHSEED="0",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


# --- setup -------------------------------------------------------------


def pip(*args, timeout=1800):
    return sh([str(VPY), "-m", "pip", "--disable-pip-version-check",
               "--no-input", *args], timeout=timeout)


def setup(tools: list[Tool]) -> list[dict]:
    """Installs what the chosen tools need; returns one row per step."""
    steps = []
    WORK.mkdir(exist_ok=True)
    groups = {t.group for t in tools}

    def step(name, rc, tail, secs, fatal):
        steps.append({"step": name, "ok": rc == 0, "seconds": round(secs, 1),
                      "detail": "" if rc == 0 else tail})
        log(f"setup {name}: {'ok' if rc == 0 else 'FAILED'} ({secs:.1f} s)")
        if rc != 0:
            print(tail, file=sys.stderr)
            if fatal:
                sys.exit(f"compare: {name} failed; cannot go on")
        return rc == 0

    if not VPY.exists():
        rc, tail, secs = sh([sys.executable, "-m", "venv", str(VENV)])
        step("python venv", rc, tail, secs, True)

    env = dict(os.environ, CARGO_TARGET_DIR=str(CARGO_TARGET))
    # pci-redact's own Python package, built by maturin through pip as users
    # install it (bindings-python/test.sh does the same).
    t0 = time.monotonic()
    p = subprocess.run(
        [str(VPY), "-m", "pip", "--disable-pip-version-check", "install",
         "--quiet", "--force-reinstall", "--no-deps",
         str(ROOT / "bindings-python")],
        env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    step("pci-redact Python package (pip install ./bindings-python)",
         p.returncode, p.stdout[-2000:], time.monotonic() - t0, True)

    t0 = time.monotonic()
    p = subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--manifest-path",
         str(HERE / "rust" / "Cargo.toml")],
        env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    step("pci-redact Rust timing program (cargo build --release)",
         p.returncode, p.stdout[-2000:], time.monotonic() - t0, True)

    if "cli" in groups:
        t0 = time.monotonic()
        p = subprocess.run(
            ["cargo", "build", "--release", "--quiet", "--manifest-path",
             str(ROOT / "Cargo.toml"), "-p", "pci-redact-cli"],
            env=env, text=True, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        if not step("pci-redact CLI (cargo build --release -p pci-redact-cli)",
                    p.returncode, p.stdout[-2000:], time.monotonic() - t0,
                    False):
            for t in tools:
                if t.group == "cli":
                    t.skip = "the CLI did not build"

    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if cc is None:
        step("C compiler", 1, "no C compiler (cc, gcc or clang) found", 0,
             True)
    rc, tail, secs = sh([cc, "-O2", "-o", str(MEASURE_BIN),
                         str(HERE / "measure.c")])
    step("measure program (cc -O2 measure.c)", rc, tail, secs, True)
    rc, tail, secs = sh([cc, "-O3", "-march=native", "-o", str(FLOOR_BIN),
                         str(HERE / "floor.c")])
    step("C floor program (cc -O3 -march=native floor.c)", rc, tail, secs,
         False)

    lock = HERE / "python-peers.lock.txt"
    for group, reqs in PY_PEERS.items():
        if group not in groups:
            continue
        args = ["install", "--quiet", *reqs]
        if lock.exists():
            args[1:1] = ["-c", str(lock)]
        rc, tail, secs = pip(*args)
        if not step(f"{group} (pip install {' '.join(reqs)})", rc, tail, secs,
                    False):
            for t in tools:
                if t.group == group:
                    t.skip = f"pip install failed: {last_line(tail)}"
    if "npm" in groups:
        for f in ("package.json", "package-lock.json", ".npmrc"):
            shutil.copy(HERE / "node" / f, WORK / f)
        if shutil.which("npm") is None or shutil.which("node") is None:
            rc, tail, secs = 1, "node/npm not found", 0.0
        else:
            # npm install with the committed lock installs exactly the locked
            # versions (npm ci rejects some lock files npm 11 writes itself).
            rc, tail, secs = sh(["npm", "install", "--no-audit", "--no-fund",
                                 "--loglevel=error"], cwd=WORK)
        if not step("npm peers (npm install, node/package-lock.json)", rc, tail,
                    secs, False):
            for t in tools:
                if t.group == "npm":
                    t.skip = f"npm install failed: {last_line(tail)}"
    shutil.copy(HERE / "node" / "runner.mjs", WORK / "runner.mjs")
    return steps


# --- scoring -----------------------------------------------------------


def load_spans(path: Path) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    with open(path) as f:
        for line in f:
            s, e, k = line.rstrip("\n").split("\t")
            out.setdefault(k, []).append((int(s), int(e)))
    for v in out.values():
        v.sort()
    return out


class Spans:
    """Sorted spans with a prefix maximum of their ends, for overlap
    queries in O(log n)."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end = []
        m = -1
        for _, e in self.spans:
            m = max(m, e)
            self.max_end.append(m)

    def __len__(self) -> int:
        return len(self.spans)

    def overlaps(self, span) -> bool:
        """Whether span [s, e) overlaps any of the spans."""
        s, e = span
        i = bisect.bisect_left(self.starts, e)  # spans starting before e
        return i > 0 and self.max_end[i - 1] > s


def score(truth: list[dict], pred: dict, kinds) -> dict:
    """Precision and recall per kind: a predicted span is a hit if it
    overlaps a ground-truth span of the same kind; a ground-truth span is
    found if a predicted span of its kind overlaps it."""
    res = {}
    for k in KINDS:
        gt = Spans((t["start"], t["end"]) for t in truth if t["kind"] == k)
        if k not in kinds:
            res[k] = None
            continue
        pr = Spans(pred.get(k, []))
        tp = sum(1 for p in pr.spans if gt.overlaps(p))
        found = sum(1 for g in gt.spans if pr.overlaps(g))
        res[k] = {
            "gt": len(gt), "pred": len(pr), "tp": tp, "found": found,
            "precision": tp / len(pr) if pr else None,
            "recall": found / len(gt) if gt else None,
        }
    return res


# --- the run -----------------------------------------------------------


def machine() -> dict:
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass

    def ver(cmd):
        rc, out, _ = sh(cmd, timeout=60)
        return out.splitlines()[0].strip() if rc == 0 and out else "?"

    rc, sha, _ = sh(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    rc2, dirty, _ = sh(["git", "-C", str(ROOT), "status", "--porcelain",
                        "--", "core"])
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": model,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "node": ver(["node", "--version"]),
        "rustc": ver(["rustc", "--version"]),
        "cc": ver(["cc", "--version"]),
        "pci-redact": f"0.1.0 @ {sha.strip() if rc == 0 else '?'}"
        + (" (core modified)" if rc2 == 0 and dirty.strip() else ""),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smoke", action="store_true",
                    help="1 MB corpora, pci-redact and the regex baseline only")
    ap.add_argument("--sizes", default=None,
                    help="comma list of 1MB,10MB,100MB (default all)")
    ap.add_argument("--tools", default=None, help="comma list of tool names")
    ap.add_argument("--corpora", default=None, help="comma list of corpora")
    ap.add_argument("--budget", type=float, default=150.0,
                    help="skip a run whose projected time exceeds this (s)")
    ap.add_argument("--out", default=None, help="results folder")
    args = ap.parse_args()

    started = time.monotonic()
    load_start = os.getloadavg()
    sizes = (args.sizes.split(",") if args.sizes
             else ["1MB"] if args.smoke else list(corpora.SIZES))
    names = args.corpora.split(",") if args.corpora else list(corpora.CORPORA)
    tools = [t for t in TOOLS if (not args.smoke or t.quick)]
    if args.tools:
        wanted = args.tools.split(",")
        tools = [t for t in tools if t.name in wanted]
    out_dir = Path(args.out) if args.out else (
        WORK / "smoke-results" if args.smoke else HERE / "results")
    out_dir.mkdir(parents=True, exist_ok=True)
    runs_dir = WORK / "runs"
    runs_dir.mkdir(parents=True, exist_ok=True)

    meta = machine()
    steps = setup(tools)
    setup_secs = time.monotonic() - started
    env = runner_env()

    # Corpora.
    t0 = time.monotonic()
    files = {}
    for size in sizes:
        for n in names:
            files[(n, size)] = corpora.generate(n, size, WORK / "corpora")
    log(f"corpora ready ({time.monotonic() - t0:.1f} s)")

    # Start-up: import + build + one short call, best of three.
    startup = {}
    for t in tools:
        if t.skip:
            continue
        best = None
        for _ in range(3):
            if t.lang == "cli":
                tiny = WORK / "tiny.txt"
                tiny.write_text("hello, my card is on its way\n")
                shutil.rmtree(runs_dir / "cli-out", ignore_errors=True)
                cmd = t.command(tiny, runs_dir / "cli-out")
            else:
                cmd = t.command(None, None)
            m = measured(cmd, timeout=300, env=env)
            if m["rc"] != 0:
                t.skip = f"failed at start-up: {m['stderr'][-200:]}"
                break
            if best is None or m["wall"] < best["wall"]:
                best = m
        if t.skip:
            log(f"{t.name}: {t.skip}")
            continue
        startup[t.name] = {"seconds": best["wall"], "rss_mb": best["rss_mb"]}
        try:
            t.version = json.loads(best["stdout"].strip().splitlines()[-1])[
                "version"]
        except (ValueError, IndexError, KeyError):
            pass
        if t.group in ("pci-redact", "cli"):
            t.version = f"pci-redact {meta['pci-redact']}"
        log(f"start-up {t.name}: {best['wall'] * 1000:.0f} ms")

    # Throughput, memory and accuracy.
    rows = []
    floors = {}
    speed: dict[str, float] = {}  # slowest MB/s seen per tool
    for size in sizes:
        for n in names:
            corpus, truth_path = files[(n, size)]
            nbytes = corpus.stat().st_size
            truth = corpora.load_truth(truth_path)
            if FLOOR_BIN.exists():
                m = measured([str(FLOOR_BIN), str(corpus),
                              str(runs_dir / f"floor-{n}-{size}")], 600)
                if m["rc"] == 0:
                    fj = json.loads((runs_dir / f"floor-{n}-{size}.json")
                                    .read_text())
                    floors[(n, size)] = {
                        "memcpy": nbytes / fj["memcpy_seconds"] / 1e6,
                        "digits": nbytes / fj["digits_seconds"] / 1e6,
                    }
            for t in tools:
                row = {"corpus": n, "size": size, "bytes": nbytes,
                       "tool": t.name, "label": t.label}
                rows.append(row)
                if t.skip:
                    row["skipped"] = t.skip
                    continue
                if t.name in speed:
                    # Timed pass plus, for some tools, an untimed span pass.
                    projected = 2 * nbytes / 1e6 / speed[t.name]
                    if projected > args.budget:
                        row["skipped"] = (
                            f"too slow for this size: projected {projected:.0f} s"
                            f" > {args.budget:.0f} s budget")
                        log(f"{t.name} {n} {size}: skipped ({row['skipped']})")
                        continue
                if t.lang == "cli":
                    run_cli(t, corpus, runs_dir / "cli-out", row, env)
                    continue
                prefix = runs_dir / f"{t.name}-{n}-{size}"
                for suffix in (".json", ".spans.tsv"):
                    Path(str(prefix) + suffix).unlink(missing_ok=True)
                m = measured(t.command(corpus, prefix), timeout=3600, env=env)
                if m["rc"] != 0:
                    row["skipped"] = (
                        f"failed (exit {m['rc']}): {m['stderr'][-300:]}")
                    log(f"{t.name} {n} {size}: FAILED\n{m['stderr']}")
                    continue
                r = json.loads(Path(str(prefix) + ".json").read_text())
                mbs = nbytes / r["seconds"] / 1e6
                speed[t.name] = min(speed.get(t.name, mbs), mbs)
                acc = score(truth, load_spans(Path(str(prefix) + ".spans.tsv")),
                            t.kinds)
                row.update(
                    mb_s=mbs, seconds=r["seconds"], reps=r["reps"],
                    rss_mb=m["rss_mb"], wall=m["wall"], accuracy=acc,
                    version=t.version,
                    replay_mismatches=r.get("replay_mismatches"),
                )
                log(f"{t.name:20} {n:12} {size:6} {mbs:9.2f} MB/s "
                    f"rss {m['rss_mb']:7.1f} MB  wall {m['wall']:6.1f} s  "
                    + " ".join(
                        f"{k}={fmt_pr(acc[k])}" for k in KINDS))

    total_secs = time.monotonic() - started
    meta.update(setup_seconds=round(setup_secs, 1),
                total_seconds=round(total_secs, 1),
                mode="smoke" if args.smoke else "full",
                load="%.1f at start, %.1f at end (1-minute load average)"
                % (load_start[0], os.getloadavg()[0]),
                sizes=sizes, budget=args.budget)
    write_results(out_dir, meta, steps, tools, startup, rows, floors, names,
                  sizes)
    log(f"done in {total_secs:.0f} s; results in {out_dir}")
    if args.smoke:
        sys.exit(smoke_checks(rows))


def run_cli(t: Tool, corpus: Path, out: Path, row: dict, env) -> None:
    """Times the CLI end to end: the fastest of repeated runs (two seconds
    or ten runs), wall clock, start-up and file I/O included."""
    best, total, reps = None, 0.0, 0
    while reps < 10 and (reps == 0 or total < 2.0):
        shutil.rmtree(out, ignore_errors=True)
        m = measured(t.command(corpus, out), timeout=3600, env=env)
        if m["rc"] != 0:
            row["skipped"] = f"failed (exit {m['rc']}): {m['stderr'][-300:]}"
            log(f"{t.name} {corpus.name}: FAILED\n{m['stderr']}")
            return
        if best is None or m["wall"] < best["wall"]:
            best = m
        total += m["wall"]
        reps += 1
    shutil.rmtree(out, ignore_errors=True)
    nbytes = row["bytes"]
    row.update(mb_s=nbytes / best["wall"] / 1e6, seconds=best["wall"],
               reps=reps, rss_mb=best["rss_mb"], wall=best["wall"],
               version=t.version)
    log(f"{t.name:20} {corpus.name:20} {row['mb_s']:9.2f} MB/s "
        f"rss {best['rss_mb']:7.1f} MB (end to end)")


def fmt_pr(a) -> str:
    if a is None:
        return "n/a"
    p = "-" if a["precision"] is None else f"{a['precision']:.2f}"
    r = "-" if a["recall"] is None else f"{a['recall']:.2f}"
    return f"{p}/{r}"


def smoke_checks(rows) -> int:
    """Checks a smoke run produced sane figures; prints a closing line."""
    passed = failed = 0

    def check(ok: bool, what: str) -> None:
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"smoke check failed: {what}", file=sys.stderr)

    by = {(r["tool"], r["corpus"]): r for r in rows}
    for r in rows:
        check("skipped" not in r, f"{r['tool']} on {r['corpus']} ran "
              f"({r.get('skipped', '')})")
        if "skipped" not in r:
            check(r["mb_s"] > 0 and r["rss_mb"] > 0,
                  f"{r['tool']} on {r['corpus']} has figures")
    # The binding and the core must find the same spans.
    for n in {r["corpus"] for r in rows}:
        for a, b in (("pci-redact-py-file", "pci-redact-rs-file"),
                     ("pci-redact-py", "pci-redact-rs-line")):
            fa = WORK / "runs" / f"{a}-{n}-1MB.spans.tsv"
            fb = WORK / "runs" / f"{b}-{n}-1MB.spans.tsv"
            if fa.exists() and fb.exists():
                check(fa.read_text() == fb.read_text(),
                      f"{a} and {b} find the same spans on {n}")
    w = by.get(("pci-redact-rs-file", "webchat"))
    if w and "accuracy" in w:
        card = w["accuracy"]["card"]
        check(card["recall"] is not None and card["recall"] >= 0.9,
              "pci-redact finds at least 90% of the webchat card numbers")
    print(f"compare smoke: {passed} passed, {failed} failed")
    return 1 if failed else 0


# --- output ------------------------------------------------------------


def pct(x) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


def write_results(out_dir, meta, steps, tools, startup, rows, floors, names,
                  sizes) -> None:
    # CSV: one row per tool, corpus and size, and one per floor.
    with open(out_dir / "results.csv", "w", newline="") as f:
        w = csv.writer(f)
        head = ["date", "corpus", "size", "bytes", "tool", "version", "mb_s",
                "peak_rss_mb", "reps", "startup_ms", "skipped"]
        for k in KINDS:
            head += [f"{k}_precision", f"{k}_recall", f"{k}_pred", f"{k}_gt"]
        head += ["fraction_of_digit_scan", "fraction_of_memcpy"]
        w.writerow(head)
        for r in rows:
            fl = floors.get((r["corpus"], r["size"]))
            line = [meta["date"], r["corpus"], r["size"], r["bytes"], r["tool"],
                    r.get("version", ""),
                    f"{r['mb_s']:.3f}" if "mb_s" in r else "",
                    f"{r['rss_mb']:.1f}" if "rss_mb" in r else "",
                    r.get("reps", ""),
                    f"{startup[r['tool']]['seconds'] * 1000:.0f}"
                    if r["tool"] in startup else "",
                    r.get("skipped", "")]
            acc = r.get("accuracy") or {}
            for k in KINDS:
                a = acc.get(k)
                if a is None:
                    line += ["n/a"] * 4 if "accuracy" in r else [""] * 4
                else:
                    line += [
                        "" if a["precision"] is None else f"{a['precision']:.4f}",
                        "" if a["recall"] is None else f"{a['recall']:.4f}",
                        a["pred"], a["gt"]]
            if fl and "mb_s" in r:
                line += [f"{r['mb_s'] / fl['digits']:.4f}",
                         f"{r['mb_s'] / fl['memcpy']:.4f}"]
            else:
                line += ["", ""]
            w.writerow(line)
        for (n, size), fl in floors.items():
            for what in ("digits", "memcpy"):
                w.writerow([meta["date"], n, size, "",
                            f"floor-{what}", "C -O3 -march=native",
                            f"{fl[what]:.3f}"] + [""] * (len(head) - 7))

    md = []
    mode = "smoke run (1 MB corpora, pci-redact and the regex baseline)" \
        if meta["mode"] == "smoke" else "full run"
    md.append("# pci-redact side by side\n")
    md.append(f"Produced by `bash benches/compare/run.sh` ({mode}); see "
              "benches/compare/README.md for the method.\n")
    md.append("| | |\n|---|---|")
    for k in ("date", "cpu", "cores", "memory", "load", "os", "python", "node",
              "rustc", "cc", "pci-redact"):
        md.append(f"| {k} | {meta[k]} |")
    md.append(f"| set-up time (installs and builds) | {meta['setup_seconds']} s |")
    md.append(f"| total run time | {meta['total_seconds']} s |")
    md.append("")

    md.append("## Tools\n")
    md.append("| tool | version | start-up | kinds | what ran |")
    md.append("|---|---|---|---|---|")
    for t in tools:
        st = startup.get(t.name)
        stt = f"{st['seconds'] * 1000:.0f} ms" if st else "-"
        ver = t.version if not t.skip else "-"
        what = t.what + (f" **Not run: {t.skip}**" if t.skip else "")
        md.append(f"| {t.label} | {ver} | {stt} | {', '.join(t.kinds)} | "
                  f"{what} |")
    md.append("")
    md.append("Start-up: a fresh process that imports the tool, builds it and "
              "redacts one short line (best of three), as a short-lived "
              "command pays it.\n")

    md.append("## Throughput (MB/s, higher is better) and peak RSS\n")
    md.append("One process per tool and corpus; the corpus is read and split "
              "into lines before the clock starts, so peak RSS includes the "
              "corpus held in memory. Fastest of the timed passes (repeated "
              "until two seconds or 50 passes).\n")
    for size in sizes:
        md.append(f"### {size} corpora\n")
        md.append("| tool | " + " | ".join(names) + " | peak RSS |")
        md.append("|---|" + "---|" * len(names) + "---|")
        for t in tools:
            cells, rss = [], []
            for n in names:
                r = next((x for x in rows if x["tool"] == t.name
                          and x["corpus"] == n and x["size"] == size), None)
                if r is None:
                    cells.append("-")
                elif "mb_s" in r:
                    cells.append(f"{r['mb_s']:.1f}" if r["mb_s"] >= 10
                                 else f"{r['mb_s']:.2f}")
                    rss.append(r["rss_mb"])
                else:
                    cells.append("skipped" if "too slow" in r["skipped"]
                                 else "failed")
            rs = f"{max(rss):.0f} MB" if rss else "-"
            md.append(f"| {t.label} | " + " | ".join(cells) + f" | {rs} |")
        fl_rows = [("floor: digit count (C)", "digits"),
                   ("floor: memcpy (C)", "memcpy")]
        for label, what in fl_rows:
            cells = [f"{floors[(n, size)][what]:.0f}" if (n, size) in floors
                     else "-" for n in names]
            md.append(f"| {label} | " + " | ".join(cells) + " | |")
        md.append("")
        skipped = sorted({(r["label"], r["skipped"]) for r in rows
                          if r["size"] == size and "skipped" in r
                          and "too slow" in r["skipped"]})
        for label, why in skipped:
            md.append(f"- {label}: {why}")
        if skipped:
            md.append("")

    md.append("## pci-redact as a fraction of the floor\n")
    md.append("pci-redact (Rust, whole file) throughput divided by a plain "
              "digit count and by memcpy of the same corpus, same machine, "
              "same run.\n")
    md.append("| corpus | size | pci-redact MB/s | digit count MB/s | fraction "
              "| memcpy MB/s | fraction |")
    md.append("|---|---|---|---|---|---|---|")
    for size in sizes:
        for n in names:
            r = next((x for x in rows if x["tool"] == "pci-redact-rs-file"
                      and x["corpus"] == n and x["size"] == size), None)
            fl = floors.get((n, size))
            if r and "mb_s" in r and fl:
                md.append(
                    f"| {n} | {size} | {r['mb_s']:.0f} | {fl['digits']:.0f} | "
                    f"{r['mb_s'] / fl['digits']:.3f} | {fl['memcpy']:.0f} | "
                    f"{r['mb_s'] / fl['memcpy']:.4f} |")
    md.append("")

    # Accuracy: on the largest size every tool ran on (for every corpus).
    acc_size = sizes[0]
    for size in sizes:
        ran = [r for r in rows if r["size"] == size and "accuracy" in r]
        tools_ran = {r["tool"] for r in ran}
        if all(t.name in tools_ran for t in tools if not t.skip and t.kinds):
            acc_size = size
    md.append(f"## Precision / recall per kind ({acc_size} corpora)\n")
    md.append("A predicted span is a hit if it overlaps a ground-truth span of "
              "the same kind; a ground-truth span is found if a predicted span "
              "of its kind overlaps it. Cells are precision / recall; n/a: the "
              "tool does not detect that kind. The look-alike corpus also "
              "shows false positives per MB (all kinds). Kinds pci-redact "
              "reports that are not scored here (PIN, track data) are left "
              "out.\n")
    for n in names:
        files_truth = corpora.load_truth(
            WORK / "corpora" / f"{n}-{acc_size}.truth.jsonl")
        counts = {k: sum(1 for t in files_truth if t["kind"] == k)
                  for k in KINDS}
        md.append(f"### {n} ({', '.join(f'{counts[k]} {k}' for k in KINDS)})\n")
        extra = " FP/MB |" if n == "lookalike" else ""
        md.append("| tool | card | ssn | cvv | expiry |" + extra)
        md.append("|---|---|---|---|---|" + ("---|" if extra else ""))
        for t in tools:
            r = next((x for x in rows if x["tool"] == t.name
                      and x["corpus"] == n and x["size"] == acc_size), None)
            if r is None or "accuracy" not in r:
                continue
            cells = []
            fp = 0
            for k in KINDS:
                a = r["accuracy"][k]
                if a is None:
                    cells.append("n/a")
                else:
                    cells.append(f"{pct(a['precision'])} / {pct(a['recall'])}")
                    fp += a["pred"] - a["tp"]
            line = f"| {t.label} | " + " | ".join(cells) + " |"
            if extra:
                line += f" {fp / (r['bytes'] / 1e6):.1f} |"
            md.append(line)
        md.append("")

    md.append("## Set-up steps\n")
    md.append("| step | result | seconds |")
    md.append("|---|---|---|")
    for s in steps:
        res = "ok" if s["ok"] else "failed: " + last_line(s["detail"])
        md.append(f"| {s['step']} | {res} | {s['seconds']} |")
    md.append("")
    (out_dir / "results.md").write_text("\n".join(md))
    (out_dir / "results.json").write_text(json.dumps(
        {"meta": meta, "steps": steps, "startup": startup, "rows": rows,
         "floors": {f"{n}-{s}": v for (n, s), v in floors.items()}},
        indent=1, default=str))


if __name__ == "__main__":
    main()
