// Streaming: the native StreamRedactor and the Transform in stream.js give
// the one-shot output however the input is cut, including cuts inside
// multi-byte UTF-8 characters and between the halves of a surrogate pair.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { MAX_HOLDBACK, Redactor, StreamRedactor, redact } from '../index.js'
import { RedactStream, createRedactStream } from '../stream.js'
import { randomChunks, rng, streamAll } from './helpers.mjs'

const LINES = [
  'agent: hi, how can I help? 😀',
  'customer: my card is 4111 1111 1111 1111 exp 12/27 cvv 123',
  'customer: é€ 日本語 👩‍👩‍👧 5555-5555-5555-4444 thanks',
  'customer: ssn 123-45-6789, order 12345',
  "customer: it's four one one one one one one one one one one one one one one one",
  'agent: 💳 4012 8888 8888 1881\u00a0ok, and 4012-8888-8888-1882 is not one',
  'customer: 4111\u00a01111\u20021111 1111\n',
]

/** A transcript of `n` lines drawn from LINES with a seeded PRNG. */
function transcript(n, next) {
  const out = []
  for (let i = 0; i < n; i++) out.push(LINES[Math.floor(next() * LINES.length)])
  return out.join('\n')
}

/** Runs a Transform over `chunks`; resolves to its whole output. */
async function runTransform(t, chunks) {
  const out = []
  await pipeline(
    Readable.from(chunks, { objectMode: false }),
    t,
    new Writable({
      write(chunk, _enc, cb) {
        assert.ok(Buffer.isBuffer(chunk), 'output chunks are Buffers')
        out.push(chunk)
        cb()
      },
    }),
  )
  return Buffer.concat(out)
}

test('native stream equals one-shot for random byte cuts', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const next = rng(seed)
    const text = transcript(12, next)
    const want = redact(text)
    assert.notEqual(want, text)
    const chunks = randomChunks(Buffer.from(text), next, 1 + (seed % 9) * 7)
    const got = streamAll(new StreamRedactor(), chunks)
    assert.equal(got.toString('utf8'), want, `seed ${seed}`)
  }
})

test('every single cut point, including inside characters', () => {
  const text = '😀é card 4111 1111 1111 1111 ok 日本 cvv 123'
  const buf = Buffer.from(text)
  const want = redact(text)
  for (let i = 0; i <= buf.length; i++) {
    const got = streamAll(new StreamRedactor(), [buf.subarray(0, i), buf.subarray(i)])
    assert.equal(got.toString('utf8'), want, `cut at byte ${i}`)
  }
})

test('output is released at UTF-8 boundaries only', () => {
  const buf = Buffer.from('😀é日 plain text without numbers 😀é日 '.repeat(20))
  const s = new StreamRedactor()
  for (const piece of randomChunks(buf, rng(7), 5)) {
    const out = s.push(piece)
    // A chunk that decodes without U+FFFD was cut at a character boundary.
    assert.ok(!out.toString('utf8').includes('\ufffd'))
  }
  assert.ok(!s.finish().toString('utf8').includes('\ufffd'))
})

test('string chunks work as well as Buffers', () => {
  const text = transcript(10, rng(3))
  const s = new StreamRedactor()
  const out = []
  for (let i = 0; i < text.length; i += 11) {
    // Cut at code points (never between the halves of a surrogate pair).
    const piece = Array.from(text).slice(i, i + 11).join('')
    if (piece) out.push(s.push(piece))
  }
  out.push(s.finish())
  assert.equal(Buffer.concat(out).toString(), redact(text))
})

test('held bytes stay bounded on a long run of digits and spaces', () => {
  const s = new StreamRedactor()
  let maxHeld = 0
  for (let i = 0; i < 2000; i++) {
    s.push('1234 5678 ')
    maxHeld = Math.max(maxHeld, s.held)
  }
  s.finish()
  assert.equal(s.position, 20000)
  assert.ok(MAX_HOLDBACK > 0 && MAX_HOLDBACK < 64 * 1024)
  assert.ok(maxHeld <= MAX_HOLDBACK, `held ${maxHeld} bytes`)
})

test('a stream can be reused after finish, and recorded findings are absolute', () => {
  const s = new StreamRedactor()
  s.recordFindings(true)
  const text = 'xx 😀 card 4111 1111 1111 1111 and 5555 5555 5555 4444'
  const bytes = Buffer.from(text)
  const out = streamAll(s, randomChunks(bytes, rng(5), 4))
  assert.equal(out.toString(), redact(text))
  const found = s.takeFindings()
  assert.deepEqual(
    found.map((f) => bytes.subarray(f.start, f.end).toString()),
    ['4111 1111 1111 1111', '5555 5555 5555 4444'],
  )
  assert.deepEqual(s.takeFindings(), [])
  assert.equal(streamAll(s, [Buffer.from('cvv 123')]).toString(), 'cvv ***')
})

test('Redactor.stream() carries the policy', () => {
  const r = new Redactor({ maskChar: '#' })
  const s = r.stream()
  assert.equal(
    streamAll(s, [Buffer.from('card 4111 11'), Buffer.from('11 1111 1111')]).toString(),
    'card #### #### #### 1111',
  )
})

test('Transform: random chunking of Buffers, splits inside multi-byte characters', async () => {
  for (let seed = 100; seed < 120; seed++) {
    const next = rng(seed)
    const text = transcript(30, next)
    const chunks = randomChunks(Buffer.from(text), next, 1 + Math.floor(next() * 40))
    const got = await runTransform(createRedactStream(), chunks)
    assert.equal(got.toString('utf8'), redact(text), `seed ${seed}`)
  }
})

test('Transform: string chunks split between surrogate halves', async () => {
  const text = '😀😀 card 4111 1111 1111 1111 💳 ok 👩‍👩‍👧'
  const want = redact(text)
  for (let i = 0; i <= text.length; i++) {
    // Slicing a JS string by UTF-16 index can cut an emoji in half.
    const t = createRedactStream()
    const out = []
    t.on('data', (d) => out.push(d))
    t.write(text.slice(0, i))
    t.end(text.slice(i))
    await new Promise((ok, fail) => t.on('end', ok).on('error', fail))
    assert.equal(Buffer.concat(out).toString('utf8'), want, `cut at unit ${i}`)
  }
})

test('Transform: mixed strings, Buffers and Uint8Arrays; a Redactor as policy', async () => {
  const r = new Redactor({ maskChar: 'x' })
  const t = new RedactStream(r)
  const out = []
  t.on('data', (d) => out.push(d))
  t.write('card 4111 ')
  t.write(Buffer.from('1111 11'))
  t.write(new Uint8Array(Buffer.from('11 1111')))
  t.write('20636f6f6c', 'hex')
  t.end(' 😀')
  await new Promise((ok, fail) => t.on('end', ok).on('error', fail))
  assert.equal(Buffer.concat(out).toString(), 'card xxxx xxxx xxxx 1111 cool 😀')
})

test('Transform: a lone high surrogate at the very end becomes U+FFFD', async () => {
  const t = createRedactStream()
  const out = []
  t.on('data', (d) => out.push(d))
  t.write('ok \ud83d')
  t.end()
  await new Promise((ok, fail) => t.on('end', ok).on('error', fail))
  assert.equal(Buffer.concat(out).toString(), 'ok \ufffd')
})

test('Transform: pipes a large generated transcript with flat memory', async () => {
  const line = Buffer.from(LINES.join('\n') + '\n')
  const n = 4000
  async function* source() {
    for (let i = 0; i < n; i++) yield line
  }
  let bytes = 0
  let cards = 0
  await pipeline(
    Readable.from(source()),
    createRedactStream(),
    new Writable({
      write(chunk, _e, cb) {
        bytes += chunk.length
        cards += chunk.toString('latin1').split('**** **** **** 1111').length - 1
        cb()
      },
    }),
  )
  const one = redact(LINES.join('\n') + '\n')
  assert.ok(bytes > 0)
  assert.equal(bytes, Buffer.byteLength(one) * n)
  assert.equal(cards, (one.split('**** **** **** 1111').length - 1) * n)
})
