// Compiled (not run) by types.test.mjs: uses of the API that must type-check,
// and misuses marked @ts-expect-error that must not.
import {
  Redactor,
  StreamRedactor,
  find,
  findBuffer,
  findConversation,
  findField,
  redact,
  redactAsync,
  redactBuffer,
  redactConversation,
  redactField,
  redactManyAsync,
  MAX_HOLDBACK,
  type Finding,
  type FindingKind,
  type RedactorOptions,
} from '../index.js'
import { RedactStream, createRedactStream } from '../stream.js'

const s: string = redact('card 4111 1111 1111 1111')
const found: Finding[] = find(s)
const kind: FindingKind | undefined = found[0]?.kind
const brand: string | null = found[0]?.brand ?? null
const b: Buffer = redactBuffer(Buffer.from(s))
const fb: Finding[] = findBuffer(b)
const conv: string[] = redactConversation([['customer', '4111 1111'], ['customer', '1111 1111']])
const fc: Finding[][] = findConversation([['agent', 'hi']])
const rf: string = redactField('cvv', '123')
const ff: Finding[] = findField('exp_month', '08')

const opts: RedactorOptions = {
  kinds: ['card', 'ssn'],
  mask: { card: 'first6last4', ssn: 'last4' },
  maskChar: '#',
  label: '[{KIND}]',
  tokenKey: Buffer.from('k'),
  spoken: false,
  allowTestCards: false,
}
const r = new Redactor(opts)
const r2 = new Redactor()
const rrf: string = r.redactField('ssn', '078051120')
const rff: Finding[] = r.findField('pin', '4821')
const st: StreamRedactor = r.stream()
const out: Buffer = Buffer.concat([st.push('x'), st.push(Buffer.from('y')), st.finish()])
const held: number = st.held + st.position + MAX_HOLDBACK

async function asyncUses(): Promise<void> {
  const a: string = await redactAsync('text')
  const c: Buffer = await redactAsync(Buffer.from('text'))
  const many: string[] = await redactManyAsync(['a', 'b'])
  const viaR: string = await r.redactAsync('x')
  void [a, c, many, viaR]
}

const t1: RedactStream = createRedactStream({ maskChar: 'x' })
const t2: RedactStream = createRedactStream(r)
const t3 = new RedactStream()

// @ts-expect-error unknown kind name
const badKind: RedactorOptions = { kinds: ['cards'] }
// @ts-expect-error redact takes a string
redact(Buffer.from('x'))
// @ts-expect-error redactField takes the field's name and its value
redactField('123')
// @ts-expect-error findField takes strings
r.findField('cvv', 123)
// @ts-expect-error spoken is a boolean
new Redactor({ spoken: 'yes' })

void [kind, brand, fb, conv, fc, rf, ff, rrf, rff, r2, out, held, asyncUses, t1, t2, t3, badKind]
