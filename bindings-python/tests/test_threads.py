"""redact_many / find_many and one Redactor shared by many threads."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import pci_redact
from conftest import AMEX, MASTERCARD, VISA, VISA_SPACED


def messages(n: int, seed: int = 7) -> list[str]:
    """n chat-like messages, about one in five holding card data."""
    rng = random.Random(seed)
    words = ["hello", "order", "thanks", "😀", "中文", "ünï", "my", "card", "is", "ok"]
    out = []
    for i in range(n):
        msg = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        if i % 5 == 0:
            msg += f" {rng.choice([VISA, VISA_SPACED, MASTERCARD, AMEX])} cvv 123"
        out.append(msg)
    return out


def test_redact_many_equals_redact(r: pci_redact.Redactor) -> None:
    texts = messages(3000)
    want = [r.redact(t) for t in texts]
    for threads in (1, 2, 3, None):
        assert r.redact_many(texts, threads=threads) == want, threads


def test_find_many_equals_find(r: pci_redact.Redactor) -> None:
    texts = messages(1500)
    want = [r.find(t) for t in texts]
    assert any(want)
    for threads in (1, 2, None):
        assert r.find_many(texts, threads=threads) == want


def test_none_passes_through(r: pci_redact.Redactor) -> None:
    texts: list[str | None] = [None, f"card {VISA}", None, "clean", None]
    assert r.redact_many(texts) == [None, "card ************1111", None, "clean", None]
    found = r.find_many(texts)
    assert found[0] is None and found[2] is None and found[4] is None
    assert [f.kind for f in found[1] or []] == ["card"]
    assert found[3] == []
    assert r.redact_many([None] * 1000, threads=2) == [None] * 1000
    assert r.redact_many([]) == []
    assert r.find_many([]) == []


def test_clean_items_are_the_same_objects(r: pci_redact.Redactor) -> None:
    texts = [f"clean {i}x" for i in range(600)]
    out = r.redact_many(texts, threads=2)
    assert all(a is b for a, b in zip(out, texts, strict=True))


def test_any_iterable(r: pci_redact.Redactor) -> None:
    texts = messages(50)
    want = [r.redact(t) for t in texts]
    assert r.redact_many(tuple(texts)) == want
    assert r.redact_many(t for t in texts) == want
    assert r.redact_many(iter(texts), threads=1) == want


def test_bad_items(r: pci_redact.Redactor) -> None:
    with pytest.raises(TypeError, match=r"texts\[2\]: expected str or None, got bytes"):
        r.redact_many(["a", "b", b"c"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"texts\[0\].*float"):
        r.find_many([float("nan")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="single str"):
        r.redact_many("not a list")


def test_one_redactor_shared_by_threads() -> None:
    r = pci_redact.Redactor(mask={"card": "first6last4"})
    texts = messages(400, seed=11)
    want = [r.redact(t) for t in texts]
    want_found = [r.find(t) for t in texts]
    barrier = threading.Barrier(8)

    def work(k: int) -> tuple[list[str], list[list[pci_redact.Finding]]]:
        barrier.wait()
        order = list(range(len(texts)))
        random.Random(k).shuffle(order)
        got = [""] * len(texts)
        found: list[list[pci_redact.Finding]] = [[] for _ in texts]
        for i in order:
            got[i] = r.redact(texts[i])
            found[i] = r.find(texts[i])
        return got, found

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    for got, found in results:
        assert got == want
        assert found == want_found


def test_redact_many_from_several_threads() -> None:
    r = pci_redact.Redactor()
    texts = messages(2000, seed=3)
    want = [r.redact(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        outs = list(pool.map(lambda n: r.redact_many(texts, threads=n), [1, 2, 2, None]))
    assert all(o == want for o in outs)


@pytest.mark.parametrize("method", ["redact", "find", "redact_many", "redact_bytes"])
def test_gil_is_released_during_a_call(method: str) -> None:
    """Python code in another thread keeps running while a long call is in
    Rust. A call that held the GIL would leave one gap in the other
    thread's ticks nearly as long as the call itself (a regex search over
    the same text shows a gap of about 90% of the call)."""
    r = pci_redact.Redactor()
    # Luhn-invalid digit groups: slow to scan, nothing found, so the time
    # goes to the scan and not to building Python results. The text grows
    # until one call takes long enough to tell, however fast the scan.
    reps = 100_000
    while True:
        text = "hello 4111 1111 1111 1112 " * reps
        t0 = time.perf_counter()
        r.find(text)
        if time.perf_counter() - t0 > 0.1 or reps >= 3_200_000:
            break
        reps *= 2
    arg: object = {
        "redact": text,
        "find": text,
        "redact_many": [text[i : i + 1300] for i in range(0, len(text), 1300)],
        "redact_bytes": text.encode(),
    }[method]
    window: list[float] = []
    started = threading.Event()

    def call() -> None:
        started.set()
        window.append(time.perf_counter())
        getattr(r, method)(arg)
        window.append(time.perf_counter())

    t = threading.Thread(target=call)
    ticks = []
    t.start()
    started.wait()
    while t.is_alive():
        ticks.append(time.perf_counter())
    t.join()
    start, end = window
    inside = [start, *(x for x in ticks if start < x < end), end]
    longest_gap = max(b - a for a, b in zip(inside, inside[1:]))
    assert end - start > 0.02, "the call was too short to tell"
    assert longest_gap < 0.5 * (end - start)
