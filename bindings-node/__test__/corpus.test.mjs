// The shared corpus (../testdata/*.toml, also run by the Rust core and the
// Python binding): the same findings and outputs through every Node entry
// point. Byte spans in the corpus are converted to UTF-16 offsets for the
// string API and used as they are for the Buffer API.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  Redactor,
  StreamRedactor,
  find,
  findBuffer,
  findConversation,
  redact,
  redactBuffer,
  redactConversation,
} from '../index.js'
import { createRedactStream } from '../stream.js'
import { loadCorpus, randomChunks, rng, streamAll, utf16At } from './helpers.mjs'

const { files, cases } = loadCorpus()

// Keys of a case this runner understands. A case with another key is
// skipped with its name, so a new corpus feature shows up in the test
// report instead of being checked wrongly.
const KNOWN = new Set([
  'file', 'name', 'input', 'findings', 'output', 'spoken', 'conversation',
  'outputs', 'unescape', 'comment', 'notes', 'description',
])

/** Redactor options a case asks for (only `spoken` so far). */
function optionsOf(c) {
  return c.spoken === undefined ? undefined : { spoken: c.spoken }
}

/** The actual findings reduced to what a corpus entry states. */
function shape(found, expected) {
  return found.map((f, i) => {
    const e = expected[i] ?? {}
    const s = { kind: f.kind, span: [f.start, f.end] }
    if (e.brand !== undefined) s.brand = f.brand
    return s
  })
}

/** The corpus findings with spans converted by `conv`. */
function expect(expected, conv) {
  return expected.map((e) => {
    const s = { kind: e.kind, span: [conv(e.span[0]), conv(e.span[1])] }
    if (e.brand !== undefined) s.brand = e.brand
    return s
  })
}

test('corpus names are unique', () => {
  const seen = new Set()
  for (const c of cases) {
    assert.ok(!seen.has(c.name), `duplicate test name ${c.name}`)
    seen.add(c.name)
  }
})

test('corpus is present', { skip: files.length === 0 && 'no testdata/*.toml yet' }, () => {
  assert.ok(cases.length > 0, `${files.length} files but no [[test]] entries`)
})

for (const c of cases) {
  const unknown = Object.keys(c).filter((k) => !KNOWN.has(k))
  const skip =
    c.unescape !== undefined
      ? 'uses unescape (bytes that are not valid UTF-8)'
      : unknown.length > 0
        ? `unsupported keys: ${unknown.join(', ')}`
        : false

  test(`${c.file}: ${c.name}`, { skip }, async () => {
    const opts = optionsOf(c)
    const r = opts ? new Redactor(opts) : null

    if (c.conversation !== undefined) {
      const msgs = c.conversation
      const outs = r ? r.redactConversation(msgs) : redactConversation(msgs)
      if (c.outputs !== undefined) assert.deepEqual(outs, c.outputs)
      if (Array.isArray(c.findings) && c.findings.every(Array.isArray)) {
        const found = r ? r.findConversation(msgs) : findConversation(msgs)
        assert.equal(found.length, msgs.length)
        found.forEach((f, i) => {
          const text = msgs[i][1]
          assert.deepEqual(
            shape(f, c.findings[i]),
            expect(c.findings[i], (b) => utf16At(text, b)),
            `message ${i}`,
          )
        })
      }
      return
    }

    const input = c.input
    const bytes = Buffer.from(input, 'utf8')
    const expected = c.findings ?? []

    // Strings: UTF-16 offsets, and slicing with them gives the finding.
    const found = r ? r.find(input) : find(input)
    assert.deepEqual(shape(found, expected), expect(expected, (b) => utf16At(input, b)))
    for (const [i, f] of found.entries()) {
      const [bs, be] = expected[i].span
      assert.equal(input.slice(f.start, f.end), bytes.subarray(bs, be).toString('utf8'))
    }

    // Buffers: byte offsets, exactly as in the corpus.
    const foundB = r ? r.findBuffer(bytes) : findBuffer(bytes)
    assert.deepEqual(shape(foundB, expected), expect(expected, (b) => b))

    // Outputs: one-shot string, Buffer, async, native stream, Transform.
    const want = c.output ?? (r ? r.redact(input) : redact(input))
    assert.equal(r ? r.redact(input) : redact(input), want)
    assert.equal((r ? r.redactBuffer(bytes) : redactBuffer(bytes)).toString('utf8'), want)
    const red = r ?? new Redactor()
    assert.equal(await red.redactAsync(input), want)

    const seed = hash(c.name)
    for (const max of [1, 3, 7, 64]) {
      const chunks = randomChunks(bytes, rng(seed + max), max)
      const s = r ? r.stream() : new StreamRedactor()
      assert.equal(streamAll(s, chunks).toString('utf8'), want, `stream, chunks <= ${max}, seed ${seed}`)
    }
    const t = createRedactStream(opts)
    const pieces = []
    t.on('data', (d) => pieces.push(d))
    for (const ch of randomChunks(bytes, rng(seed), 5)) t.write(ch)
    t.end()
    await new Promise((ok, fail) => { t.on('end', ok); t.on('error', fail) })
    assert.equal(Buffer.concat(pieces).toString('utf8'), want)
  })
}

/** A stable 32-bit seed from a case name. */
function hash(s) {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}
