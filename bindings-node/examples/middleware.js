'use strict'
// Webchat middleware: mask card numbers, CVVs, SSNs and the like in the
// chat message of each request before any later handler logs or stores it.
//
//   const express = require('express')
//   const { redactChatMessages } = require('./middleware')
//   const app = express()
//   app.use(express.json())
//   app.use(redactChatMessages())            // before logging and storage
//   app.post('/chat', (req, res) => { log(req.body.message); ... })
//
// It works with any framework that calls `(req, res, next)` handlers with
// a parsed `req.body`.

const { Redactor } = require('pci-redact')

/**
 * @param {object} [config]
 * @param {string[]} [config.fields] body fields to redact (default ['message'])
 * @param {import('pci-redact').RedactorOptions} [config.policy] redactor options
 * @returns {(req: any, res: any, next: (err?: unknown) => void) => void}
 */
function redactChatMessages(config = {}) {
  const fields = config.fields ?? ['message']
  // Built once: a bad policy fails at start-up, not on the first message.
  const redactor = new Redactor(config.policy)

  return function redactChatMessage(req, res, next) {
    try {
      const body = req.body
      if (body !== null && typeof body === 'object') {
        for (const field of fields) {
          const text = body[field]
          if (typeof text !== 'string') continue
          const clean = redactor.redact(text)
          if (clean !== text) {
            body[field] = clean
            // Let later handlers know (for audit counters); never keep the
            // original text around.
            if (res.locals) res.locals.pciRedacted = true
          }
        }
      }
    } catch (err) {
      next(err)
      return
    }
    next()
  }
}

module.exports = { redactChatMessages }
