// Field mode: the value of a named field (a JSON key, a CSV column) read
// with the name as context; UTF-16 offsets into the value.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Redactor, find, findField, redact, redactField } from '../index.js'
import { utf16At } from './helpers.mjs'

const VISA = '4111111111111111'
const CONFIG = 'ERR_PCI_REDACT_CONFIG'

/** [field name, value, kind found in the value, masked value] */
const NAMED = [
  ['cvv', '123', 'cvv', '***'],
  ['card.cvc', '1234', 'cvv', '****'],
  ['securityCode', '737', 'cvv', '***'],
  ['exp_month', '08', 'expiry', '**'],
  ['expYear', '2029', 'expiry', '****'],
  ['ssn', '078051120', 'ssn', '*********'],
  ['pin', '4821', 'pin', '****'],
]

for (const [name, value, kind, masked] of NAMED) {
  test(`a ${name} field's ${value} is a ${kind}`, () => {
    // Alone, the value is a number of no kind.
    assert.deepEqual(find(value), [])
    assert.equal(redact(value), value)
    const found = findField(name, value)
    assert.deepEqual(found.map((f) => [f.kind, f.start, f.end]), [[kind, 0, value.length]])
    assert.equal(found[0].brand, null)
    assert.equal(found[0].last4, null)
    assert.equal(redactField(name, value), masked)
    // A Redactor with the default policy agrees with the module functions.
    const r = new Redactor()
    assert.deepEqual(r.findField(name, value), found)
    assert.equal(r.redactField(name, value), masked)
  })
}

test('names of other things add nothing', () => {
  for (const [name, value] of [
    ['quantity', '123'],
    ['order_id', '12345678'],
    ['zip', '94107'],
    ['month', '08'],
    ['amount', '12.27'],
    ['', '123'],
  ]) {
    assert.deepEqual(findField(name, value), [], name)
    assert.equal(redactField(name, value), value, name)
    assert.deepEqual(new Redactor().findField(name, value), [], name)
  }
})

test('a card under any name is still masked', () => {
  for (const name of ['order_id', 'quantity', 'note', '']) {
    const [f, ...rest] = findField(name, VISA)
    assert.equal(rest.length, 0, name)
    assert.deepEqual([f.kind, f.brand, f.last4], ['card', 'visa', '1111'], name)
    assert.equal(redactField(name, VISA), '************1111', name)
  }
})

test('findings of the value alone and with the name come in order', () => {
  const text = '123 or card 5555 5555 5555 4444'
  const found = findField('cvv', text)
  assert.deepEqual(found.map((f) => f.kind), ['cvv', 'card'])
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['123', '5555 5555 5555 4444'])
  assert.equal(redactField('cvv', text), '*** or card **** **** **** 4444')
  assert.deepEqual(find(text).map((f) => f.kind), ['card'])
})

test('nothing in the name is read as a number', () => {
  for (const name of ['cvv2', '4111 1111 1111', 'field_41111111']) {
    for (const f of findField(name, '0 1234')) {
      assert.ok(f.start >= 2, name)
    }
  }
  assert.deepEqual(findField('4111 1111 1111', '1111'), [])
  assert.deepEqual(findField('x.'.repeat(500) + 'cvv', '123').map((f) => f.kind), ['cvv'])
})

test('offsets are UTF-16 code units: emoji (surrogate pairs) before the value', () => {
  for (const prefix of ['é ', '😀 ', '😀😀 ', '中文 ', '👩‍💻 ', '\u{10348} ']) {
    const text = `${prefix}123`
    const [f, ...rest] = findField('cvv', text)
    assert.equal(rest.length, 0, prefix)
    assert.equal(f.kind, 'cvv', prefix)
    assert.equal(f.start, prefix.length, prefix)
    assert.equal(f.start, utf16At(text, Buffer.byteLength(prefix)), prefix)
    assert.equal(text.slice(f.start, f.end), '123', prefix)
    assert.equal(redactField('cvv', text), `${prefix}***`, prefix)
  }
})

test('options apply in field mode', () => {
  const labels = new Redactor({ mask: { cvv: 'label:[CVV]', expiry: 'label:[EXP]' }, maskChar: '#' })
  assert.equal(labels.redactField('cvv', '123'), '[CVV]')
  assert.equal(labels.redactField('exp_month', '08'), '[EXP]')
  assert.equal(labels.redactField('pin', '4821'), '####')
  const noCvv = new Redactor({ kinds: ['card', 'ssn'] })
  assert.deepEqual(noCvv.findField('cvv', '123'), [])
  assert.equal(noCvv.redactField('cvv', '123'), '123')
  assert.deepEqual(noCvv.findField('ssn', '078051120').map((f) => f.kind), ['ssn'])
})

test('a JSON record, field by field', () => {
  const record = { order_id: VISA, cvv: '737', exp_month: '08', quantity: '2', note: 'thanks' }
  const clean = Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, redactField(k, v)]),
  )
  assert.deepEqual(clean, {
    order_id: '************1111',
    cvv: '***',
    exp_month: '**',
    quantity: '2',
    note: 'thanks',
  })
})

test('arguments that are not strings throw, and the message quotes nothing', () => {
  const r = new Redactor()
  const calls = [
    redactField,
    findField,
    (name, text) => r.redactField(name, text),
    (name, text) => r.findField(name, text),
  ]
  for (const call of calls) {
    for (const args of [
      [1, '123'],
      ['cvv', 4111111111111111],
      ['cvv'],
      [null, '123'],
      ['cvv', Buffer.from(VISA)],
    ]) {
      assert.throws(
        () => call(...args),
        (err) => {
          assert.ok(err instanceof Error)
          assert.notEqual(err.code, CONFIG)
          assert.ok(!err.message.includes('4111'), err.message)
          return true
        },
      )
    }
  }
})
