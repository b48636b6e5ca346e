#!/usr/bin/env bash
# Sets up and runs every test: the Rust workspace (core, CLI, benches
# checked as tests), the Python package and the Node package. Works from a
# fresh clone with only the Rust, Python 3 and Node toolchains installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

echo "== Rust"
cargo test --workspace --exclude pci-redact-python --exclude pci-redact-node

echo "== Python"
bash bindings-python/test.sh

echo "== Node"
bash bindings-node/test.sh
