"""Benchmarks of the pci_redact Python binding.

1. Per-call cost of `redact` on an 80-byte chat message, next to the same
   call made from Rust in a loop (`_core_seconds_per_call`, no Python in
   between), so the difference is what the binding adds.
2. Throughput of `redact_many` over one million chat messages with
   threads=1 and threads=2, next to a Python loop over `redact`.

Every measurement checks its answer first (the outputs must agree and hold
no card number), as the Rust benches do.

Run from the repository root after building the package into .venv
(`bash bindings-python/test.sh` does that):

    .venv/bin/python benches/python/bench.py
    .venv/bin/python benches/python/bench.py --messages 200000   # quicker
"""

from __future__ import annotations

import argparse
import platform
import random
import time
import timeit

import pci_redact

#: 80 bytes each: a clean message and one with a (published test) card.
CLEAN = "hi, I ordered the blue jacket last week and it still has not arrived, any news?!"
CARD = "sure, my card number is 4111 1111 1111 1111 and it expires next year, thanks!!!!"

WORDS = (
    "hi hello thanks return delivery address please "
    "help still not arrived week yesterday jacket size blue the a is my "
    "your we can you 😀 👍 café naïve 你好"
).split()
CARDS = ["4111 1111 1111 1111", "5555555555554444", "3782-822463-10005", "4012888888881881"]


def chat_messages(n: int, seed: int = 1) -> list[str]:
    """n synthetic chat messages of 3 to 20 words; one in 50 holds a card
    number and one in 20 an order number. Words that make the core read a
    nearby digit run as an order, parcel, account or reference number
    ("order", "parcel", "account", "ref...") appear only with those."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = rng.choices(WORDS, k=rng.randint(3, 20))
        if i % 50 == 0:
            words.insert(rng.randint(0, len(words)), rng.choice(CARDS))
        elif i % 20 == 0:
            words.insert(rng.randint(0, len(words)), f"order {rng.randint(10**5, 10**8)}")
        out.append(" ".join(words))
    return out


def per_call(r: pci_redact.Redactor, text: str, n: int) -> tuple[float, float]:
    """(binding µs/call, core µs/call), best of 5 runs each."""
    best = min(timeit.repeat(lambda: r.redact(text), number=n, repeat=5)) / n
    core = min(pci_redact._pci_redact._core_seconds_per_call(text, n) for _ in range(5))
    return best * 1e6, core * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--calls", type=int, default=200_000)
    args = ap.parse_args()

    print(f"pci_redact {pci_redact.__version__}, Python {platform.python_version()}, {platform.machine()}")
    r = pci_redact.Redactor()
    assert len(CLEAN.encode()) == 80 and len(CARD.encode()) == 80
    assert r.redact(CLEAN) is CLEAN
    assert r.redact(CARD) == "sure, my card number is **** **** **** 1111 and it expires next year, thanks!!!!"

    print("\nper call, 80-byte message (best of 5)")
    floor = min(timeit.repeat(lambda: CLEAN.isdigit(), number=args.calls, repeat=5)) / args.calls * 1e6
    print(f"  {'Python method-call floor (str.isdigit)':44} {floor:7.3f} µs/call")
    for label, text in (("clean", CLEAN), ("with a card", CARD)):
        py_us, core_us = per_call(r, text, args.calls)
        print(f"  {'redact, ' + label:44} {py_us:7.3f} µs/call")
        print(f"  {'core Redactor::redact, ' + label:44} {core_us:7.3f} µs/call")
        print(f"  {'binding overhead, ' + label:44} {py_us - core_us:7.3f} µs/call")
    mod_us = min(timeit.repeat(lambda: pci_redact.redact(CLEAN), number=args.calls, repeat=5)) / args.calls * 1e6
    print(f"  {'pci_redact.redact (module function), clean':44} {mod_us:7.3f} µs/call")

    t0 = time.perf_counter()
    msgs = chat_messages(args.messages)
    mb = sum(len(m.encode()) for m in msgs) / 1e6
    print(f"\n{len(msgs):,} chat messages, {mb:.1f} MB (generated in {time.perf_counter() - t0:.1f} s)")

    t0 = time.perf_counter()
    want = [r.redact(m) for m in msgs]
    loop_s = time.perf_counter() - t0
    assert not any("4111 1111 1111 1111" in m or "5555555555554444" in m for m in want)
    rows = [("[r.redact(m) for m in msgs]", loop_s)]
    for threads in (1, 2):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            got = r.redact_many(msgs, threads=threads)
            best = min(best, time.perf_counter() - t0)
            assert got == want
        rows.append((f"redact_many(msgs, threads={threads}) (best of 3)", best))
    for label, s in rows:
        print(f"  {label:44} {s:6.2f} s  {len(msgs) / s / 1e6:5.2f} M msg/s  {mb / s:6.1f} MB/s")


if __name__ == "__main__":
    main()
