// Types for stream.js (written by hand: stream.js is not generated).
import { Transform } from 'node:stream'
import type { Redactor, RedactorOptions } from './index'

/**
 * A `Transform` that redacts the text written to it: strings or Buffers of
 * UTF-8 in, redacted Buffers out. The output equals `redact()` on the whole
 * input however it is cut into chunks, a card number or a multi-byte
 * character split between chunks included. Memory stays bounded: output
 * lags input by a few dozen bytes at most.
 */
export declare class RedactStream extends Transform {
  /**
   * @param options a policy: options for a new redactor, or an existing
   *   `Redactor`. Throws an `Error` with `code` `'ERR_PCI_REDACT_CONFIG'`
   *   for a bad option.
   */
  constructor(options?: RedactorOptions | Redactor | null)
}

/**
 * A new `RedactStream`.
 *
 * ```js
 * const { pipeline } = require('node:stream/promises')
 * const { createRedactStream } = require('pci-redact/stream')
 * await pipeline(fs.createReadStream('chat.log'), createRedactStream(),
 *   fs.createWriteStream('chat.redacted.log'))
 * ```
 */
export declare function createRedactStream(
  options?: RedactorOptions | Redactor | null,
): RedactStream
