#!/usr/bin/env bash
# Builds the Node addon and runs its tests, from a fresh clone:
#   bash bindings-node/test.sh
# Steps: install the locked npm dev dependencies, build the release addon
# (which regenerates index.js and index.d.ts), check that the committed
# index.js and index.d.ts match what the build generated, run node --test.
set -euo pipefail
cd "$(dirname "$0")"

# `npm install` (not `npm ci`) with the committed package-lock.json: it
# installs the locked versions and leaves the lock file as it is.
npm install --no-audit --no-fund
npx --no-install napi build --platform --release

# The generated loader and type declarations are committed; a build that
# changes them means the committed copies are stale.
git diff --exit-code -- index.d.ts index.js

node --test --expose-gc __test__/*.test.mjs
