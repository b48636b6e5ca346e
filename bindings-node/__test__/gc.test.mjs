// Leak smoke test: native objects created and dropped in bulk are freed
// when JavaScript collects them (their Rust memory included, which only
// the process RSS shows).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Redactor, StreamRedactor, find, redact, redactBuffer } from '../index.js'

// `node --expose-gc` gives `gc`; without the flag, turn it on at run time.
let gc = globalThis.gc
if (typeof gc !== 'function') {
  setFlagsFromString('--expose-gc')
  gc = runInNewContext('gc')
}

/** Collects garbage until finalizers (which napi may defer) have run. */
async function collect() {
  for (let i = 0; i < 6; i++) {
    gc()
    await new Promise((ok) => setImmediate(ok))
  }
}

const TEXT = '😀 card 4111 1111 1111 1111 exp 12/27 cvv 123 ssn 123-45-6789 '

/** One round of churn: `n` redactors and streams used once and dropped. */
function churn(n) {
  let masked = 0
  for (let i = 0; i < n; i++) {
    const r = new Redactor({ maskChar: i % 2 ? '#' : 'x', mask: { card: 'first6last4' } })
    masked += r.redact(TEXT).length > 0 ? 1 : 0
    const s = i % 4 === 0 ? r.stream() : new StreamRedactor()
    s.push(Buffer.from(TEXT.repeat(8)))
    s.push('4111 1111 ') // leave a candidate held inside the stream
    if (i % 3 === 0) s.finish()
    find(TEXT)
    redactBuffer(Buffer.from(TEXT))
  }
  return masked
}

test('thousands of Redactors and StreamRedactors do not leak', async () => {
  // Warm up allocator pools and lazy statics before measuring.
  assert.equal(churn(5000), 5000)
  await collect()
  const before = process.memoryUsage().rss
  for (let round = 0; round < 4; round++) {
    assert.equal(churn(10000), 10000)
    await collect()
  }
  const grown = process.memoryUsage().rss - before
  // 40 000 streams each holding a few KiB would be well over 100 MB if
  // they were never freed; allow generous noise below that.
  assert.ok(grown < 48 * 1024 * 1024, `RSS grew by ${(grown / 1048576).toFixed(1)} MB`)
})

test('redact on many distinct strings does not leak', async () => {
  for (let i = 0; i < 20000; i++) redact(`${TEXT}${i}`)
  await collect()
  const before = process.memoryUsage().rss
  for (let i = 0; i < 200000; i++) redact(`${TEXT}${i}`)
  await collect()
  const grown = process.memoryUsage().rss - before
  assert.ok(grown < 48 * 1024 * 1024, `RSS grew by ${(grown / 1048576).toFixed(1)} MB`)
})
