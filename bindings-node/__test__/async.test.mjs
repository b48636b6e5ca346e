// Work on the libuv thread pool: Promises that resolve to the same results
// as the synchronous calls, without blocking the JavaScript thread.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Redactor, redact, redactAsync, redactManyAsync } from '../index.js'

const VISA = '4111 1111 1111 1111'

/** `n` short chat messages, some with card numbers, some without. */
function messages(n) {
  const out = []
  for (let i = 0; i < n; i++) {
    out.push(
      i % 3 === 0
        ? `msg ${i}: card ${VISA} exp 12/27 😀`
        : i % 3 === 1
          ? `msg ${i}: ssn 123-45-6789, order ${i}`
          : `msg ${i}: nothing to see here é`,
    )
  }
  return out
}

test('redactAsync resolves a string for a string', async () => {
  const p = redactAsync(`card ${VISA}`)
  assert.ok(p instanceof Promise)
  assert.equal(await p, 'card **** **** **** 1111')
})

test('redactAsync resolves a Buffer for a Buffer, from a copy of the input', async () => {
  const buf = Buffer.from(`card ${VISA}`)
  const p = redactAsync(buf)
  // Changing the Buffer after the call does not change the result.
  buf.fill(0x41)
  const out = await p
  assert.ok(Buffer.isBuffer(out))
  assert.equal(out.toString(), 'card **** **** **** 1111')
})

test('redactManyAsync equals redact on every message, in order', async () => {
  const batch = messages(5000)
  const out = await redactManyAsync(batch)
  assert.equal(out.length, batch.length)
  assert.deepEqual(out, batch.map((m) => redact(m)))
  assert.deepEqual(await redactManyAsync([]), [])
})

test('many concurrent batches all resolve correctly', async () => {
  const batches = Array.from({ length: 16 }, (_, i) => messages(200 + i))
  const outs = await Promise.all(batches.map((b) => redactManyAsync(b)))
  outs.forEach((out, i) => assert.deepEqual(out, batches[i].map((m) => redact(m))))
})

test('the JavaScript thread keeps running while a big job computes', async () => {
  const big = `card ${VISA} ${'lorem ipsum 12 '.repeat(400000)}`
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  const started = performance.now()
  const out = await redactAsync(big)
  const elapsed = performance.now() - started
  clearInterval(timer)
  assert.equal(out, redact(big))
  // Only meaningful when the job took a while; the timer must have run.
  if (elapsed > 20) assert.ok(ticks > 0, `${ticks} ticks in ${elapsed} ms`)
})

test('Redactor async methods apply the policy', async () => {
  const r = new Redactor({ maskChar: '#', kinds: ['card'] })
  assert.equal(await r.redactAsync(`card ${VISA} ssn 123-45-6789`), 'card #### #### #### 1111 ssn 123-45-6789')
  assert.deepEqual(await r.redactManyAsync([`a ${VISA}`, 'b']), ['a #### #### #### 1111', 'b'])
  const buf = await r.redactAsync(Buffer.from(`c ${VISA}`))
  assert.equal(buf.toString(), 'c #### #### #### 1111')
})

test('bad arguments reject or throw, and do not crash', async () => {
  assert.throws(() => redactManyAsync('not an array'))
  assert.throws(() => redactAsync(42))
})
