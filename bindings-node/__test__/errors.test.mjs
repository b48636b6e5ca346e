// Bad options throw an Error with code ERR_PCI_REDACT_CONFIG whose message
// names the option; nothing that was scanned ever appears in a message.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Redactor, StreamRedactor } from '../index.js'
import { createRedactStream } from '../stream.js'

const CODE = 'ERR_PCI_REDACT_CONFIG'

/** [options, the option the message must name] */
const BAD = [
  [{ kinds: ['cards'] }, 'kinds'],
  [{ kinds: 'card' }, 'kinds'],
  [{ kinds: [1] }, 'kinds'],
  [{ mask: { card: 'sparkles' } }, 'mask'],
  [{ mask: { card: 'last7' } }, 'mask'],
  [{ mask: { ssn: 'first6last4' } }, 'mask'],
  [{ mask: { cards: 'full' } }, 'mask'],
  [{ mask: { card: 4 } }, 'mask'],
  [{ mask: 'full' }, 'mask'],
  [{ mask: ['full'] }, 'mask'],
  [{ mask: { card: 'label:[{nope}]' } }, 'mask'],
  [{ maskChar: '1' }, 'maskChar'],
  [{ maskChar: ' ' }, 'maskChar'],
  [{ maskChar: '**' }, 'maskChar'],
  [{ maskChar: '' }, 'maskChar'],
  [{ maskChar: 42 }, 'maskChar'],
  [{ label: '[{KIND' }, 'label'],
  [{ label: 7 }, 'label'],
  [{ mask: { card: 'token' } }, 'tokenKey'],
  [{ mask: { card: 'token' }, tokenKey: '' }, 'tokenKey'],
  [{ tokenKey: 12 }, 'tokenKey'],
  [{ spoken: 'yes' }, 'spoken'],
  [{ allowTestCards: 1 }, 'allowTestCards'],
  [{ maskchar: '#' }, 'maskchar'],
  [{ spoken: false, colour: 'red' }, 'colour'],
]

for (const [opts, option] of BAD) {
  test(`bad option ${JSON.stringify(opts)} names ${option}`, () => {
    for (const make of [
      (o) => new Redactor(o),
      (o) => new StreamRedactor(o),
      (o) => createRedactStream(o),
    ]) {
      assert.throws(
        () => make(opts),
        (err) => {
          assert.ok(err instanceof Error)
          assert.equal(err.code, CODE)
          assert.ok(err.message.includes(option), `"${err.message}" names ${option}`)
          return true
        },
      )
    }
  })
}

test('options that are not an object are rejected', () => {
  for (const bad of ['card', 42, true, ['card']]) {
    assert.throws(() => new Redactor(bad), { code: CODE, message: /options must be an object/ })
  }
})

test('an unknown option lists the known ones', () => {
  assert.throws(() => new Redactor({ kind: ['card'] }), {
    code: CODE,
    message: /unknown option "kind": expected one of kinds, mask, maskChar, label, tokenKey, spoken, allowTestCards/,
  })
})

test('a bad call is a TypeError-like napi error, not a config error', () => {
  const r = new Redactor()
  assert.throws(() => r.redact(42), (err) => err instanceof Error && err.code !== CODE)
  assert.throws(() => r.redactBuffer('not a buffer'), (err) => err instanceof Error)
})

test('scanning never throws, whatever the input', () => {
  // Errors come only from configuration, so scanned text can never end up
  // in an error message.
  const r = new Redactor()
  for (const s of ['4111111111111111', '\u0000\uffff\ud800', '9'.repeat(10000)]) {
    assert.doesNotThrow(() => r.redact(s))
    assert.doesNotThrow(() => r.find(s))
  }
})
