#!/usr/bin/env bash
# Builds the Python package into a virtual environment at the repository
# root (.venv, git-ignored) and runs its tests, from a fresh clone:
#
#     bash bindings-python/test.sh
#
# Set PYTHON to choose the interpreter (default python3, 3.10 or newer).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$root/.venv"

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
py="$venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check \
    -r "$here/requirements-dev.txt" -r "$here/requirements-arrow.txt"

# Build the abi3 wheel with maturin through pip, as users install it.
# --force-reinstall: the version does not change between edits.
"$py" -m pip install --quiet --disable-pip-version-check \
    --force-reinstall --no-deps "$here"

# Run from the tests folder so `import pci_redact` is the installed wheel,
# not the python/ source tree (which lacks the compiled module). The Spark
# tests (local mode, about a minute) need Java 17+; PCI_REDACT_SPARK=0
# skips them.
export PCI_REDACT_SPARK="${PCI_REDACT_SPARK:-1}"
(cd "$here/tests" && "$py" -m pytest -q -c "$here/pyproject.toml" "$here/tests")

# The hand-written stub must match the compiled module, and the tests and
# the pure-Python modules must type-check against it.
(cd "$here/tests" && "$py" -m mypy.stubtest pci_redact._pci_redact \
    --allowlist "$here/stubtest-allowlist.txt")
(cd "$here/tests" && "$py" -m mypy --strict --no-incremental .)
(cd "$here" && "$py" -m mypy --strict --no-incremental python/pci_redact)
