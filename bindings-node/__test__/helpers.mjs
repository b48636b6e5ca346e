// Shared helpers for the tests (not a test file itself).
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'smol-toml'

const here = dirname(fileURLToPath(import.meta.url))

/** The repository's shared corpus directory (or PCI_REDACT_TESTDATA). */
export const testdataDir =
  process.env.PCI_REDACT_TESTDATA ?? join(here, '..', '..', 'testdata')

/**
 * Every `[[test]]` of every `*.toml` in the corpus, as
 * `{ file, ...case }`, filtered by PCI_REDACT_TEST (a substring of the
 * name) when set.
 */
export function loadCorpus() {
  let files = []
  try {
    files = readdirSync(testdataDir).filter((f) => f.endsWith('.toml')).sort()
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
  }
  const filter = process.env.PCI_REDACT_TEST
  const cases = []
  for (const file of files) {
    const doc = parse(readFileSync(join(testdataDir, file), 'utf8'))
    for (const c of doc.test ?? []) {
      if (filter && !c.name.includes(filter)) continue
      cases.push({ file, ...c })
    }
  }
  return { files, cases }
}

/**
 * The UTF-16 offset of byte offset `byte` in `text`, computed the slow,
 * independent way: decode the bytes before it.
 */
export function utf16At(text, byte) {
  return Buffer.from(text, 'utf8').subarray(0, byte).toString('utf8').length
}

/** A small seeded PRNG (mulberry32): the same seed gives the same cuts. */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Cuts `buf` into pieces of 1 to `max` bytes at random byte positions,
 * which land inside multi-byte characters too.
 */
export function randomChunks(buf, next, max = 16) {
  const out = []
  let i = 0
  while (i < buf.length) {
    const n = 1 + Math.floor(next() * max)
    out.push(buf.subarray(i, i + n))
    i += n
  }
  return out
}

/** Runs `chunks` through a native StreamRedactor; returns the output. */
export function streamAll(stream, chunks) {
  const out = chunks.map((c) => stream.push(c))
  out.push(stream.finish())
  return Buffer.concat(out)
}
