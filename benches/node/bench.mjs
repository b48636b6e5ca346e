// Node binding benchmarks: the per-call cost of redact() on a short chat
// message, and stream throughput on a generated transcript. Each figure is
// checked against the expected output before it is reported, so a fast
// wrong answer fails instead of looking good.
//
// Build the addon first (in bindings-node: npm install && npx napi build
// --platform --release), then:
//
//   node benches/node/bench.mjs            # 100 MB transcript
//   BENCH_MB=10 node benches/node/bench.mjs
import assert from 'node:assert/strict'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const pkg = join(here, '..', '..', 'bindings-node')
const { Redactor, StreamRedactor, find, redact, redactManyAsync } = require(join(pkg, 'index.js'))
const { createRedactStream } = require(join(pkg, 'stream.js'))

const MB = Number(process.env.BENCH_MB ?? 100)

/** Pads or trims `s` to exactly `n` ASCII bytes. */
function exactly(n, s) {
  return (s + ' '.repeat(n)).slice(0, n)
}

// 80-byte webchat messages: one with a card number, one without.
const WITH_CARD = exactly(80, 'customer: sure, my card number is 4111 1111 1111 1111 and it expires soon, thx')
const CLEAN = exactly(80, 'customer: hi, I ordered the blue jacket on monday and it still has not arrived')
assert.equal(Buffer.byteLength(WITH_CARD), 80)
assert.equal(Buffer.byteLength(CLEAN), 80)
assert.equal(redact(WITH_CARD), WITH_CARD.replace('4111 1111 1111 1111', '**** **** **** 1111'))
assert.equal(redact(CLEAN), CLEAN)

/** Mean µs per call of `fn` over `iters` calls, best of `rounds`. */
function perCall(fn, iters = 200_000, rounds = 5) {
  for (let i = 0; i < 20_000; i++) fn()
  let best = Infinity
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < iters; i++) fn()
    const ns = Number(process.hrtime.bigint() - t0)
    best = Math.min(best, ns / iters / 1000)
  }
  return best
}

/** A seeded PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A 64 KiB block of call-center transcript lines: mostly prose with the
 * usual order numbers, times and prices, and a card number, CVV, expiry
 * or SSN on about one line in twelve (published test numbers only).
 */
function transcriptBlock() {
  const next = rng(42)
  const prose = [
    'agent: thank you for calling, how can I help you today?',
    'customer: hi, I am calling about order 88412 that I placed on the 3rd.',
    'agent: let me pull that up, one moment please.',
    'customer: it was supposed to arrive by 5 pm yesterday but nothing came.',
    'agent: I see it shipped on 11/02, the tracking shows it in transit.',
    'customer: ok. the total was $149.99 and I was charged twice.',
    'agent: I can see two charges, I will refund one of them right away.',
    'customer: great, thanks. my account number ends in 2231 if that helps.',
    'agent: é café 日本語 — sorry, the notes field has odd characters 😀',
    'agent: is there anything else I can help you with today?',
    'customer: um, no, that is everything, have a nice day',
  ]
  const sensitive = [
    'customer: the card is 4111 1111 1111 1111, expiry 12/27, cvv 123',
    'customer: use 5555-5555-5555-4444 please',
    'customer: my social is 123-45-6789',
    "customer: it's four one one one one one one one one one one one one one one one",
    'customer: amex 3782 822463 10005, security code 1234',
  ]
  const lines = []
  let size = 0
  while (size < 64 * 1024) {
    const pool = next() < 1 / 12 ? sensitive : prose
    const line = pool[Math.floor(next() * pool.length)] + '\n'
    lines.push(line)
    size += Buffer.byteLength(line)
  }
  return Buffer.from(lines.join(''))
}

/**
 * Checks output chunks against `expected` repeated, as they arrive, without
 * keeping the output.
 */
function checker(expected) {
  let offset = 0
  return {
    check(chunk) {
      let i = 0
      while (i < chunk.length) {
        const at = offset % expected.length
        const n = Math.min(chunk.length - i, expected.length - at)
        if (chunk.compare(expected, at, at + n, i, i + n) !== 0) {
          throw new Error(`stream output differs near byte ${offset}`)
        }
        i += n
        offset += n
      }
    },
    get bytes() {
      return offset
    },
  }
}

const results = []
function report(name, value, unit) {
  results.push({ name, value: Number(value.toFixed(3)), unit })
  console.log(`${name.padEnd(52)} ${value.toFixed(value < 10 ? 3 : 1).padStart(9)} ${unit}`)
}

console.log(`node ${process.version}, ${process.platform}-${process.arch}`)

// --- per call ------------------------------------------------------------
const r = new Redactor()
report('redact(), 80 B message with a card', perCall(() => redact(WITH_CARD)), 'µs/call')
report('redact(), 80 B message without', perCall(() => redact(CLEAN)), 'µs/call')
report('Redactor#redact(), 80 B message with a card', perCall(() => r.redact(WITH_CARD)), 'µs/call')
report('find(), 80 B message with a card', perCall(() => find(WITH_CARD)), 'µs/call')
const buf80 = Buffer.from(WITH_CARD)
report('Redactor#redactBuffer(), 80 B with a card', perCall(() => r.redactBuffer(buf80)), 'µs/call')

// --- batch on the libuv pool ---------------------------------------------
{
  const batch = Array.from({ length: 100_000 }, (_, i) => (i % 4 === 0 ? WITH_CARD : CLEAN))
  const want = batch.map((m) => redact(m))
  await redactManyAsync(batch.slice(0, 1000))
  const t0 = process.hrtime.bigint()
  const out = await redactManyAsync(batch)
  const ns = Number(process.hrtime.bigint() - t0)
  assert.deepEqual(out, want)
  report('redactManyAsync(), 100k x 80 B, per message', ns / batch.length / 1000, 'µs/msg')
}

// --- stream throughput ---------------------------------------------------
const block = transcriptBlock()
const expectedBlock = Buffer.from(redact(block.toString('utf8')))
assert.notDeepEqual(expectedBlock, block)
const blocks = Math.ceil((MB * 1024 * 1024) / block.length)
const total = blocks * block.length

{
  const s = new StreamRedactor()
  const c = checker(expectedBlock)
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < blocks; i++) c.check(s.push(block))
  c.check(s.finish())
  const sec = Number(process.hrtime.bigint() - t0) / 1e9
  assert.equal(c.bytes, expectedBlock.length * blocks)
  report(`StreamRedactor#push, ${(total / 1048576).toFixed(0)} MB in 64 KiB chunks`, total / 1048576 / sec, 'MB/s')
}

{
  const c = checker(expectedBlock)
  async function* source() {
    for (let i = 0; i < blocks; i++) yield block
  }
  const t0 = process.hrtime.bigint()
  await pipeline(
    Readable.from(source()),
    createRedactStream(),
    new Writable({
      write(chunk, _e, cb) {
        c.check(chunk)
        cb()
      },
    }),
  )
  const sec = Number(process.hrtime.bigint() - t0) / 1e9
  assert.equal(c.bytes, expectedBlock.length * blocks)
  report(`createRedactStream() pipeline, ${(total / 1048576).toFixed(0)} MB`, total / 1048576 / sec, 'MB/s')
}

if (process.env.BENCH_JSON) console.log(JSON.stringify(results))
