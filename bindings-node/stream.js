'use strict'
// A node:stream Transform over the native StreamRedactor: strings or
// Buffers in, redacted Buffers out. The native side keeps all state and
// guarantees the output equals redact() on the whole input however the
// chunks are cut, even inside a multi-byte character; this file only moves
// chunks between the stream machinery and `push`/`finish`.

const { Transform } = require('node:stream')
const { Redactor, StreamRedactor } = require('./index.js')

class RedactStream extends Transform {
  /**
   * @param {import('./index').RedactorOptions | Redactor | null} [options]
   *   a policy: options for a new redactor, or an existing `Redactor`.
   */
  constructor(options) {
    // Strings are taken as they are (not decoded by the Writable side) so
    // that an emoji whose surrogate pair is split between two string
    // chunks is joined again before it becomes UTF-8.
    super({ decodeStrings: false })
    this._native =
      options instanceof Redactor ? options.stream() : new StreamRedactor(options)
    // A high surrogate that ended the last string chunk, or ''.
    this._pending = ''
  }

  _transform(chunk, encoding, callback) {
    let out
    try {
      out = this._native.push(this._input(chunk, encoding))
    } catch (err) {
      callback(err)
      return
    }
    if (out.length > 0) this.push(out)
    callback()
  }

  _flush(callback) {
    let out
    try {
      const rest = this._withPending(Buffer.alloc(0))
      out = Buffer.concat([this._native.push(rest), this._native.finish()])
    } catch (err) {
      callback(err)
      return
    }
    if (out.length > 0) this.push(out)
    callback()
  }

  // What to push for a written chunk: a string whose trailing high
  // surrogate is held back until its pair arrives, or bytes.
  _input(chunk, encoding) {
    if (typeof chunk !== 'string') return this._withPending(chunk)
    if (encoding !== 'utf8' && encoding !== 'utf-8') {
      return this._withPending(Buffer.from(chunk, encoding))
    }
    let text = this._pending + chunk
    this._pending = ''
    const last = text.charCodeAt(text.length - 1)
    if (last >= 0xd800 && last <= 0xdbff) {
      this._pending = text.slice(-1)
      text = text.slice(0, -1)
    }
    return text
  }

  // `bytes` preceded by a held-back surrogate, if any. A surrogate that is
  // not followed by its pair becomes U+FFFD, as Buffer.from makes it.
  _withPending(bytes) {
    if (this._pending === '') return bytes
    const head = Buffer.from(this._pending, 'utf8')
    this._pending = ''
    return Buffer.concat([head, bytes])
  }
}

/**
 * A Transform stream that redacts what is written to it.
 * Throws an Error with code 'ERR_PCI_REDACT_CONFIG' for a bad option.
 */
function createRedactStream(options) {
  return new RedactStream(options)
}

module.exports = { RedactStream, createRedactStream }
