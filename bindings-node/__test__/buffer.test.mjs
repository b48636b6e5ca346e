// The Buffer API: byte offsets, new Buffers out, invalid UTF-8 kept.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Redactor, find, findBuffer, redact, redactBuffer } from '../index.js'

const VISA = '4111 1111 1111 1111'

test('findBuffer reports byte offsets', () => {
  const text = `😀 é card ${VISA} ok`
  const buf = Buffer.from(text)
  const [f] = findBuffer(buf)
  assert.equal(buf.subarray(f.start, f.end).toString(), VISA)
  assert.equal(f.start, Buffer.byteLength('😀 é card '))
  // The string API counts UTF-16 units for the same text.
  const [g] = find(text)
  assert.equal(g.start, '😀 é card '.length)
  assert.notEqual(f.start, g.start)
  assert.deepEqual({ ...f, start: 0, end: 0 }, { ...g, start: 0, end: 0 })
})

test('redactBuffer returns a new Buffer and leaves the input alone', () => {
  const buf = Buffer.from(`card ${VISA}`)
  const copy = Buffer.from(buf)
  const out = redactBuffer(buf)
  assert.ok(Buffer.isBuffer(out))
  assert.equal(out.toString(), 'card **** **** **** 1111')
  assert.deepEqual(buf, copy)
  const clean = Buffer.from('nothing here')
  const same = redactBuffer(clean)
  assert.deepEqual(same, clean)
  same[0] = 0x4e
  assert.equal(clean[0], 0x6e, 'output does not alias the input')
})

test('redactBuffer agrees with redact on UTF-8 text', () => {
  const texts = [
    `😀😀 ${VISA}, cvv 123, exp 12/27`,
    'ssn 123-45-6789 and 5555-5555-5555-4444',
    '',
    'ok',
  ]
  for (const t of texts) {
    assert.equal(redactBuffer(Buffer.from(t)).toString(), redact(t))
  }
})

test('invalid UTF-8 bytes pass through unchanged around a finding', () => {
  const bad = Buffer.from([0xff, 0xfe, 0x20])
  const buf = Buffer.concat([bad, Buffer.from(`card ${VISA} `), Buffer.from([0xc3])])
  const out = redactBuffer(buf)
  assert.equal(out.length, buf.length)
  assert.deepEqual(out.subarray(0, 3), bad)
  assert.equal(out[out.length - 1], 0xc3)
  assert.equal(out.subarray(3, out.length - 1).toString('latin1'), 'card **** **** **** 1111 ')
  const [f] = findBuffer(buf)
  assert.equal(f.start, 3 + 'card '.length)
})

test('a Buffer slice (a view with an offset) is read at its own start', () => {
  const big = Buffer.from(`xxxxxxxx card ${VISA} yyyy`)
  const view = big.subarray(9)
  const [f] = findBuffer(view)
  assert.equal(view.subarray(f.start, f.end).toString(), VISA)
  assert.equal(redactBuffer(view).toString(), 'card **** **** **** 1111 yyyy')
})

test('Redactor Buffer methods use the policy', () => {
  const r = new Redactor({ maskChar: '#', kinds: ['card'] })
  const buf = Buffer.from(`card ${VISA} cvv 123`)
  assert.equal(r.redactBuffer(buf).toString(), 'card #### #### #### 1111 cvv 123')
  assert.deepEqual(r.findBuffer(buf).map((f) => f.kind), ['card'])
})
