// Bad options throw an Error with code ERR_PCI_REDACT_CONFIG whose message
// names the option; an argument of the wrong type throws an Error whose
// message names the parameter and the type it got. Nothing that was scanned,
// or passed to be scanned, ever appears in a message.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  Redactor,
  StreamRedactor,
  find,
  findConversation,
  findField,
  redact,
  redactAsync,
  redactConversation,
  redactField,
  redactManyAsync,
} from '../index.js'
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

// A card number passed where text belongs must not come back in the error:
// napi-rs' own conversion errors quote the value ("Failed to convert
// JavaScript value `Number 4111111111111111 ` into rust type `String`") and
// JSON-stringify objects and arrays.
const PAN = 4111111111111111
const r = new Redactor()

/**
 * The error a call throws or its Promise rejects with; fails the test when
 * the call succeeds.
 */
async function failure(call) {
  try {
    await call()
  } catch (err) {
    return err
  }
  assert.fail('expected the call to throw or reject')
}

/** Checks an argument error: it names `what` and `type` and no digits. */
function assertArgumentError(err, what, type) {
  assert.ok(err instanceof Error)
  assert.notEqual(err.code, CODE)
  assert.doesNotMatch(err.message, /\d{4}/, 'the message quotes no number')
  assert.ok(err.message.startsWith(`${what} must be `), `"${err.message}" names ${what}`)
  assert.ok(err.message.endsWith(`, not ${type}`), `"${err.message}" names ${type}`)
}

/** [call name, call with `v` where a string belongs, the argument named] */
const STRING_ARGS = [
  ['find', (v) => find(v), 'text'],
  ['Redactor#find', (v) => r.find(v), 'text'],
  ['redact', (v) => redact(v), 'text'],
  ['Redactor#redact', (v) => r.redact(v), 'text'],
  ['redactField name', (v) => redactField(v, 'x'), 'name'],
  ['redactField text', (v) => redactField('cvv', v), 'text'],
  ['Redactor#redactField name', (v) => r.redactField(v, 'x'), 'name'],
  ['Redactor#redactField text', (v) => r.redactField('cvv', v), 'text'],
  ['findField name', (v) => findField(v, 'x'), 'name'],
  ['findField text', (v) => findField('cvv', v), 'text'],
  ['Redactor#findField name', (v) => r.findField(v, 'x'), 'name'],
  ['Redactor#findField text', (v) => r.findField('cvv', v), 'text'],
  ['redactAsync', (v) => redactAsync(v), 'input'],
  ['Redactor#redactAsync', (v) => r.redactAsync(v), 'input'],
  ['StreamRedactor#push', (v) => new StreamRedactor().push(v), 'chunk'],
  ['redactManyAsync', (v) => redactManyAsync(['ok', v]), 'texts[1]'],
  ['Redactor#redactManyAsync', (v) => r.redactManyAsync(['ok', v]), 'texts[1]'],
  ...[
    ['redactConversation', redactConversation],
    ['findConversation', findConversation],
    ['Redactor#redactConversation', (m) => r.redactConversation(m)],
    ['Redactor#findConversation', (m) => r.findConversation(m)],
  ].flatMap(([name, call]) => [
    [`${name} text`, (v) => call([['agent', 'hi'], ['customer', v]]), 'messages[1][1]'],
    [`${name} speaker`, (v) => call([[v, 'hi']]), 'messages[0][0]'],
  ]),
]

/** [bad value where a string belongs, the type the message must name] */
const NOT_STRINGS = [
  [PAN, 'a number'],
  [[PAN], 'an array'],
  [[String(PAN)], 'an array'],
  [{ card: PAN }, 'an object'],
  [null, 'null'],
  [undefined, 'undefined'],
  [true, 'a boolean'],
]

for (const [name, call, what] of STRING_ARGS) {
  test(`${name} with a non-string names ${what}, not the value`, async () => {
    for (const [bad, type] of NOT_STRINGS) {
      assertArgumentError(await failure(() => call(bad)), what, type)
    }
  })
}

/** [call name, call with `v` where an array belongs, the argument named] */
const ARRAY_ARGS = [
  ['redactManyAsync', (v) => redactManyAsync(v), 'texts'],
  ['Redactor#redactManyAsync', (v) => r.redactManyAsync(v), 'texts'],
  ['redactConversation', (v) => redactConversation(v), 'messages'],
  ['Redactor#redactConversation', (v) => r.redactConversation(v), 'messages'],
  ['findConversation', (v) => findConversation(v), 'messages'],
  ['Redactor#findConversation', (v) => r.findConversation(v), 'messages'],
  ['redactConversation pair', (v) => redactConversation([v]), 'messages[0]'],
  ['Redactor#redactConversation pair', (v) => r.redactConversation([v]), 'messages[0]'],
  ['findConversation pair', (v) => findConversation([v]), 'messages[0]'],
  ['Redactor#findConversation pair', (v) => r.findConversation([v]), 'messages[0]'],
]

/** [bad value where an array belongs, the type the message must name] */
const NOT_ARRAYS = [
  [PAN, 'a number'],
  [String(PAN), 'a string'],
  [{ 0: PAN, length: 1 }, 'an object'],
  [null, 'null'],
]

for (const [name, call, what] of ARRAY_ARGS) {
  test(`${name} with a non-array names ${what}, not the value`, async () => {
    for (const [bad, type] of NOT_ARRAYS) {
      assertArgumentError(await failure(() => call(bad)), what, type)
    }
  })
}

test('a conversation message shorter than a pair names the message', async () => {
  for (const call of [redactConversation, findConversation, (m) => r.redactConversation(m)]) {
    const err = await failure(() => call([['agent', 'hi'], [String(PAN)]]))
    assertArgumentError(err, 'messages[1]', 'an array of length 1')
  }
})

test('a bad argument is never read, only its type', async () => {
  // napi-rs' own errors JSON-stringify an object (calling its toJSON and
  // reading every key); a proxy counts any such access.
  let reads = 0
  const spy = new Proxy(
    { toJSON: () => String(PAN) },
    Object.fromEntries(
      ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'].map((trap) => [
        trap,
        (...args) => {
          reads++
          return Reflect[trap](...args)
        },
      ]),
    ),
  )
  for (const [name, call] of [...STRING_ARGS, ...ARRAY_ARGS]) {
    await failure(() => call(spy))
    assert.equal(reads, 0, `${name} read the value`)
  }
})

test('good arguments still work after the checks', async () => {
  const card = String(PAN)
  assert.equal(find(card).length, 1)
  assert.equal(r.find(card)[0].last4, '1111')
  assert.deepEqual(await redactManyAsync(['ok', card]), ['ok', '************1111'])
  assert.equal(await redactAsync(card), '************1111')
  assert.deepEqual(redactConversation([['customer', card, 'extra']]), ['************1111'])
  assert.equal(findConversation([['customer', card]])[0][0].kind, 'card')
  const s = new StreamRedactor()
  assert.equal(Buffer.concat([s.push(`${card} `), s.finish()]).toString(), '************1111 ')
})
