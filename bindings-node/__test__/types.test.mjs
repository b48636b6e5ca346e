// index.d.ts and stream.d.ts type-check, and describe the API as used.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

test('TypeScript accepts the declarations and a typed usage file', () => {
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc')
  let out = ''
  try {
    out = execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { encoding: 'utf8' })
  } catch (err) {
    assert.fail(`tsc failed:\n${err.stdout}${err.stderr}`)
  }
  assert.equal(out.trim(), '')
})
