#!/usr/bin/env bash
# Compares two builds of benches/examples/hot.rs on one bench corpus. Both run
# at the same time, each pinned to its own core (swapped every round), so a
# change of CPU speed during the run slows both alike; the median of the
# per-round throughput ratios is printed. On a shared machine this resolves
# differences of a few percent that runs one after the other do not.
#
#   cargo build --release -p pci-redact-bench --example hot
#   cp target/release/examples/hot /tmp/hot-old    # then change, rebuild
#   benches/ab.sh /tmp/hot-old target/release/examples/hot chat 15
#
# Usage: benches/ab.sh OLD NEW [chat|chat-messages|chat-unicode|logs|prose|
#                       prose-number-words|transcripts|rows|syslog]
#                       [ROUNDS] [ITERS]
# Run it against OLD itself first: the median should be within 1 % of 1.
set -euo pipefail

if [ $# -lt 2 ]; then
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
old=$1 new=$2 corpus=${3:-chat} rounds=${4:-15} iters=${5:-20}
for bin in "$old" "$new"; do
    [ -x "$bin" ] || { echo "ab.sh: $bin: not an executable" >&2; exit 2; }
done
command -v taskset >/dev/null || { echo "ab.sh: needs taskset (util-linux)" >&2; exit 2; }
[ "$(nproc)" -ge 2 ] || { echo "ab.sh: needs two cores" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The MB/s a run of hot prints ("…, 452.7 MB/s; digit-count floor …").
rate() { sed -nE 's/.* ([0-9.]+) MB\/s; digit-count floor.*/\1/p' "$1"; }

for i in $(seq "$rounds"); do
    a=$((i % 2)) b=$(((i + 1) % 2))
    HOT_ITERS=$iters taskset -c $a "$old" "$corpus" 2>"$tmp/old" &
    HOT_ITERS=$iters taskset -c $b "$new" "$corpus" 2>"$tmp/new" &
    wait
    ro=$(rate "$tmp/old") rn=$(rate "$tmp/new")
    [ -n "$ro" ] && [ -n "$rn" ] || { echo "ab.sh: no rate in the output of round $i" >&2; exit 1; }
    echo "$ro $rn"
done | awk -v c="$corpus" '
    { r[NR] = $2 / $1; o[NR] = $1; n[NR] = $2 }
    function median(x, k,   i, j, t) {
        for (i = 2; i <= k; i++)
            for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
        return k % 2 ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2
    }
    END {
        k = NR
        printf "%s: old %.1f MB/s, new %.1f MB/s (medians); new/old %.3f, median of %d rounds\n",
            c, median(o, k), median(n, k), median(r, k), k
    }'
