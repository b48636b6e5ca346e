// The webchat middleware example (examples/middleware.js), called the way
// Express calls it, with fake req/res objects: express is not installed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { redactChatMessages } = require('../examples/middleware.js')

/** Runs `handlers` in order like an Express router; resolves to the error passed to next, if any. */
function run(handlers, req, res) {
  return new Promise((resolve) => {
    let i = 0
    const next = (err) => {
      if (err !== undefined || i === handlers.length) return resolve(err)
      const h = handlers[i++]
      h(req, res, next)
    }
    next()
  })
}

test('the message is redacted before later handlers log or store it', async () => {
  const logged = []
  const stored = []
  const req = { method: 'POST', body: { user: 'u1', message: 'my card is 4111 1111 1111 1111, cvv 123' } }
  const res = { locals: {} }
  const err = await run(
    [
      redactChatMessages(),
      (rq, _rs, next) => { logged.push(`${rq.body.user}: ${rq.body.message}`); next() },
      (rq, _rs, next) => { stored.push({ ...rq.body }); next() },
    ],
    req,
    res,
  )
  assert.equal(err, undefined)
  assert.deepEqual(logged, ['u1: my card is **** **** **** 1111, cvv ***'])
  assert.equal(stored[0].message, 'my card is **** **** **** 1111, cvv ***')
  assert.equal(stored[0].user, 'u1')
  assert.equal(res.locals.pciRedacted, true)
})

test('clean messages, missing bodies and non-string fields pass through', async () => {
  const h = redactChatMessages()
  for (const body of [{ message: 'hello, order 12345' }, undefined, null, { message: 42 }, 'raw text']) {
    const req = { body }
    const res = { locals: {} }
    const before = JSON.stringify(body)
    assert.equal(await run([h], req, res), undefined)
    assert.equal(JSON.stringify(req.body), before)
    assert.equal(res.locals.pciRedacted, undefined)
  }
})

test('configured fields and policy', async () => {
  const h = redactChatMessages({ fields: ['message', 'note'], policy: { label: '[{KIND}]' } })
  const req = { body: { message: 'ssn 123-45-6789', note: 'card 5555 5555 5555 4444', other: '4111111111111111' } }
  await run([h], req, {})
  assert.deepEqual(req.body, { message: 'ssn [SSN]', note: 'card [CARD]', other: '4111111111111111' })
})

test('a bad policy fails when the middleware is created', () => {
  assert.throws(() => redactChatMessages({ policy: { maskChar: '9' } }), { code: 'ERR_PCI_REDACT_CONFIG' })
})

test('an error inside the handler goes to next(err)', async () => {
  const h = redactChatMessages()
  const body = {}
  Object.defineProperty(body, 'message', { get() { throw new Error('boom') }, enumerable: true })
  const err = await run([h, () => assert.fail('must not run')], { body }, {})
  assert.equal(err?.message, 'boom')
})

test('the README shows the example handler as it is in examples/middleware.js', async () => {
  const { readFile } = await import('node:fs/promises')
  const ex = await readFile(new URL('../examples/middleware.js', import.meta.url), 'utf8')
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  const fn = ex.slice(ex.indexOf('function redactChatMessages'), ex.indexOf('\nmodule.exports')).trimEnd()
  assert.ok(fn.length > 200)
  assert.ok(readme.includes(fn), 'README middleware code differs from examples/middleware.js')
})
