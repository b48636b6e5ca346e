// The string API: outputs, findings, UTF-16 offsets and options.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  Redactor,
  find,
  findConversation,
  redact,
  redactConversation,
} from '../index.js'
import { utf16At } from './helpers.mjs'

const VISA = '4111 1111 1111 1111'

test('redact masks a card and keeps its shape', () => {
  assert.equal(redact(`card ${VISA} ok`), 'card **** **** **** 1111 ok')
  assert.equal(redact('cvv 123'), 'cvv ***')
})

test('redact hands back the same string when nothing is found', () => {
  const s = 'order 12345 shipped, thanks! 😀'
  assert.equal(redact(s), s)
  assert.equal(redact(''), '')
  assert.deepEqual(find(s), [])
})

test('a Luhn-invalid near miss is left alone', () => {
  const s = 'ref 4012-8888-8888-1882'
  assert.equal(redact(s), s)
  assert.deepEqual(find(s), [])
})

test('finding objects have the documented shape and no digits', () => {
  const [f, ...rest] = find(`my card is ${VISA}`)
  assert.equal(rest.length, 0)
  assert.deepEqual(Object.keys(f).sort(), [
    'brand', 'confidence', 'end', 'kind', 'last4', 'spoken', 'start',
  ])
  assert.equal(f.kind, 'card')
  assert.equal(f.brand, 'visa')
  assert.equal(f.last4, '1111')
  assert.equal(f.confidence, 0.99)
  assert.equal(f.spoken, false)
  assert.ok(!JSON.stringify(f).includes('4111'))
})

test('brand and last4 are null where they do not apply', () => {
  const found = find('my SSN is 123-45-6789')
  assert.equal(found.length, 1)
  assert.equal(found[0].kind, 'ssn')
  assert.equal(found[0].brand, null)
  assert.equal(found[0].last4, null)
})

test('offsets are UTF-16 code units: emoji (surrogate pairs) before a number', () => {
  for (const prefix of ['😀', '😀😀 ', 'é€ 😀\u{10348} ', '\u00a0日本語 ', '👩‍👩‍👧 ']) {
    const text = `${prefix}card ${VISA} ok`
    const [f] = find(text)
    assert.ok(f, prefix)
    assert.equal(text.slice(f.start, f.end), VISA, prefix)
    const byte = Buffer.byteLength(text.slice(0, text.indexOf('4111')))
    assert.equal(f.start, utf16At(text, byte))
    assert.equal(redact(text), `${prefix}card **** **** **** 1111 ok`)
  }
})

test('several findings after astral characters all slice correctly', () => {
  const text = `😀 ${VISA} 🎉 ssn 123-45-6789 💳 5555 5555 5555 4444 end`
  const found = find(text)
  assert.deepEqual(found.map((f) => f.kind), ['card', 'ssn', 'card'])
  assert.deepEqual(
    found.map((f) => text.slice(f.start, f.end)),
    [VISA, '123-45-6789', '5555 5555 5555 4444'],
  )
  assert.deepEqual(found.map((f) => f.brand), ['visa', null, 'mastercard'])
})

test('spoken numbers are found and can be turned off', () => {
  const t = "it's four one one one one one one one one one one one one one one one"
  const [f] = find(t)
  assert.equal(f.kind, 'card')
  assert.equal(f.spoken, true)
  assert.ok(!redact(t).includes('one'))
  assert.deepEqual(new Redactor({ spoken: false }).find(t), [])
})

test('mask styles per kind', () => {
  const r = new Redactor({ mask: { card: 'first6last4' }, spoken: false })
  assert.equal(r.redact(`card ${VISA}`), 'card 4111 11** **** 1111')
  const full = new Redactor({ mask: { card: 'full' } })
  assert.equal(full.redact(`card ${VISA}`), 'card **** **** **** ****')
  const gone = new Redactor({ mask: { card: 'remove' } })
  assert.ok(!gone.redact(`card ${VISA} ok`).includes('1111'))
})

test('maskChar replaces the digits with another character', () => {
  const r = new Redactor({ maskChar: '#' })
  assert.equal(r.redact(`card ${VISA}`), 'card #### #### #### 1111')
  const wide = new Redactor({ maskChar: '•' })
  assert.equal(wide.redact(`card ${VISA}`), 'card •••• •••• •••• 1111')
})

test('label applies to every kind; mask overrides it per kind', () => {
  const r = new Redactor({ label: '[{KIND}]' })
  assert.equal(r.redact(`card ${VISA}, ssn 123-45-6789`), 'card [CARD], ssn [SSN]')
  const mixed = new Redactor({ label: '[{KIND}]', mask: { card: 'last4' } })
  assert.equal(
    mixed.redact(`card ${VISA}, ssn 123-45-6789`),
    'card **** **** **** 1111, ssn [SSN]',
  )
  const brand = new Redactor({ mask: { card: 'label:[CARD {brand} ending {last4}]' } })
  assert.equal(brand.redact('use 5555555555554444'), 'use [CARD mastercard ending 4444]')
})

test('tokens are keyed and deterministic; string and Buffer keys agree', () => {
  const a = new Redactor({ mask: { card: 'token' }, tokenKey: 'k1' })
  const b = new Redactor({ mask: { card: 'token' }, tokenKey: Buffer.from('k1') })
  const c = new Redactor({ mask: { card: 'token' }, tokenKey: 'k2' })
  const ta = a.redact(`card ${VISA}`)
  assert.match(ta, /^card tok_[0-9a-f]{16}$/)
  assert.equal(a.redact(`card ${VISA}`), ta)
  assert.equal(b.redact(`card ${VISA}`), ta)
  assert.notEqual(c.redact(`card ${VISA}`), ta)
  assert.notEqual(a.redact('card 5555 5555 5555 4444'), ta)
})

test('kinds limits detection', () => {
  const r = new Redactor({ kinds: ['ssn'] })
  const t = `card ${VISA}, ssn 123-45-6789`
  assert.equal(r.redact(t), `card ${VISA}, ssn ***-**-****`)
  assert.deepEqual(r.find(t).map((f) => f.kind), ['ssn'])
})

test('allowTestCards leaves published test cards alone', () => {
  const t = `card ${VISA}`
  assert.equal(new Redactor({ allowTestCards: true }).redact(t), t)
  assert.notEqual(new Redactor({ allowTestCards: false }).redact(t), t)
})

test('undefined and null options give the default policy', () => {
  const t = `card ${VISA}, cvv 123`
  for (const o of [undefined, null, {}, { kinds: undefined }]) {
    assert.equal(new Redactor(o).redact(t), redact(t))
  }
  assert.equal(new Redactor().redact(t), redact(t))
})

test('a conversation: a card typed over two messages is masked in both', () => {
  const msgs = [['customer', '4111 1111'], ['customer', '1111 1111']]
  assert.deepEqual(redactConversation(msgs), ['**** ****', '**** 1111'])
  const found = findConversation(msgs)
  assert.equal(found.length, 2)
  assert.deepEqual(found.map((f) => f.map((x) => [x.kind, x.start, x.end])), [
    [['card', 0, 9]],
    [['card', 0, 9]],
  ])
  assert.deepEqual(new Redactor().redactConversation(msgs), ['**** ****', '**** 1111'])
})

test('conversation offsets are UTF-16 within each message', () => {
  const msgs = [['agent', 'hi 😀'], ['customer', `😀😀 ${VISA}`]]
  const found = findConversation(msgs)
  assert.deepEqual(found[0], [])
  const [f] = found[1]
  assert.equal(msgs[1][1].slice(f.start, f.end), VISA)
})

test('a redactor is reusable and independent of others', () => {
  const a = new Redactor({ maskChar: 'x' })
  const b = new Redactor({ maskChar: '#' })
  for (let i = 0; i < 100; i++) {
    assert.equal(a.redact(`c ${VISA}`), 'c xxxx xxxx xxxx 1111')
    assert.equal(b.redact(`c ${VISA}`), 'c #### #### #### 1111')
  }
})

test('a lone surrogate counts as one unit; offsets stay right', () => {
  const text = `\ud83d card ${VISA} \udc00 ok`
  const [f] = find(text)
  assert.equal(f.start, text.indexOf('4111'))
  assert.equal(text.slice(f.start, f.end), VISA)
  // Strings cross into Rust as UTF-8, where a lone surrogate is U+FFFD.
  assert.equal(redact(text), `\ufffd card **** **** **** 1111 \ufffd ok`)
})
