#!/usr/bin/env bash
# Fuzz smoke run: builds every fuzz target and runs each for a bounded time.
#
#   fuzz/smoke.sh            20 seconds per target
#   FUZZ_SECONDS=600 fuzz/smoke.sh
#
# Installs cargo-fuzz when it is missing, seeds the corpus from
# testdata/*.toml (seed.sh) and replays fuzz/regressions/<target>/ before
# fuzzing. Runs on the stable toolchain without sanitizers (`-s none`; the
# core's only unsafe code is its bounds-checked vector filter) and with
# debug assertions on. Exits non-zero
# when any target finds a crash; the input is left in
# fuzz/artifacts/<target>/ (see fuzz/README.md for what to do with it).
set -euo pipefail
cd "$(dirname "$0")"
secs="${FUZZ_SECONDS:-20}"
start=$(date +%s)

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz smoke: installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi
./seed.sh
cargo fuzz build -s none -a

mkdir -p artifacts
status=0
for t in $(cargo fuzz list); do
    dirs=("corpus/$t")
    if [ -d "regressions/$t" ]; then
        dirs+=("regressions/$t")
    fi
    log="artifacts/$t.log"
    if cargo fuzz run -s none -a "$t" "${dirs[@]}" -- \
        -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
        >"$log" 2>&1; then
        runs=$(grep -o 'number_of_executed_units: [0-9]*' "$log" \
            | grep -o '[0-9]*$' || echo '?')
        echo "fuzz smoke: $t ok, $runs runs in ${secs}s"
    else
        echo "fuzz smoke: $t FAILED; last lines of $log:"
        tail -n 30 "$log"
        status=1
    fi
done
echo "fuzz smoke: done in $(( $(date +%s) - start ))s"
exit "$status"
