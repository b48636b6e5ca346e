#!/usr/bin/env bash
# Side-by-side benchmark of pci-redact against other redaction tools, from
# a fresh clone (see benches/compare/README.md):
#
#     bash benches/compare/run.sh            # full run, writes results/
#     bash benches/compare/run.sh --smoke    # 1 MB corpora, pci-redact and
#                                            # the regex baseline (for CI)
#
# Needs python3 (3.10+), cargo, a C compiler, and for the npm peers node and
# npm. Installs everything else under benches/compare/.work/ (git-ignored).
# Other options: --sizes 1MB,10MB  --tools NAME,...  --corpora NAME,...
# --budget SECONDS  --out DIR.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "${PYTHON:-python3}" "$here/compare.py" "$@"
