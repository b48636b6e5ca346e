#!/usr/bin/env python3
"""Generate the sample Parquet dataset data/parquet-sample/chats/.

A few hundred synthetic support-chat messages in one Parquet file, for the
Spark and Arrow examples and tests of the Python package:

    conversation_id  string   "c0001" ...
    message_id       int64    unique, increasing
    speaker          string   "customer" or "agent"
    text             string   the message; some null, some empty
    notes            string   an agent's note on the message, mostly null

The only card numbers in it are processors' published test numbers and the
only SSNs are publicised sample SSNs, typed in the groupings people use,
spoken as words, or next to CVVs and expiry dates; around them sit
look-alikes that stay unmasked (order numbers, phone numbers, prices,
Luhn-invalid near misses) and text in several scripts (accents, CJK,
emoji). Nothing in it is real data.

Deterministic: the same script and pyarrow version write the same bytes.
Needs pyarrow (bindings-python/requirements-arrow.txt). Run from anywhere:

    python3 data/parquet-sample/gen.py
    python3 data/parquet-sample/gen.py --rows 100000 --out /tmp/chats   # bigger, for benchmarks
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent

#: Published test card numbers and how people group them when typing.
CARDS = [
    ("4111111111111111", [4, 4, 4, 4]),
    ("5555555555554444", [4, 4, 4, 4]),
    ("378282246310005", [4, 6, 5]),
    ("6011111111111117", [4, 4, 4, 4]),
    ("4012888888881881", [4, 4, 4, 4]),
    ("5105105105105100", [4, 4, 4, 4]),
    ("3530111333300000", [4, 4, 4, 4]),
    ("2223003122003222", [4, 4, 4, 4]),
]
#: Publicised sample SSNs (never issued to a person).
SSNS = ["078-05-1120", "219-09-9999", "457-55-5462"]
DIGIT_WORDS = "zero one two three four five six seven eight nine".split()

CLEAN_CUSTOMER = [
    "hi, I was charged twice for my order",
    "my parcel still has not arrived 😕",
    "can you change the delivery address please?",
    "merci beaucoup, c'est réglé ✅",
    "谢谢，我的订单什么时候到？",
    "Danke schön, das hat geholfen",
    "ok",
    "is there a discount for students?",
    "I'd like to cancel my subscription",
    "the app crashes when I open the basket",
]
CLEAN_AGENT = [
    "Thanks for waiting, let me check that for you.",
    "Could you confirm the email on the account?",
    "Please never send your full card number in the chat 🙏",
    "I have refunded the second charge; it shows in 3-5 days.",
    "Is there anything else I can help with?",
    "Un instant, je vérifie votre commande.",
]
NOTES = [
    "customer verified by email",
    "escalated to billing",
    "refund issued",
    "asked customer not to share card details",
]


def grouped(number: str, groups: list[int], sep: str) -> str:
    """number cut into groups joined by sep."""
    out, i = [], 0
    for g in groups:
        out.append(number[i : i + g])
        i += g
    return sep.join(out)


def spoken(digits: str) -> str:
    """digits as words, as a caller reads them out."""
    return " ".join(DIGIT_WORDS[int(d)] for d in digits)


def sensitive(rng: random.Random) -> str:
    """A customer message with card data or an SSN in it."""
    number, groups = rng.choice(CARDS)
    typed = grouped(number, groups, rng.choice([" ", "-", ""]))
    month, year = rng.randint(1, 12), rng.randint(26, 31)
    cvv = f"{rng.randint(0, 999):03d}"
    return rng.choice(
        [
            f"my card is {typed}",
            f"card: {typed} exp {month:02d}/{year} cvv {cvv}",
            f"ok here it is {typed}, expiry {month:02d}/{year}",
            f"number is {spoken(number)}",
            f"it's {typed} 😀 and the security code is {cvv}",
            f"my ssn is {rng.choice(SSNS)}",
            f"Kartennummer {typed}, gültig bis {month:02d}/{year}",
            f"卡号 {typed}",
        ]
    )


def look_alike(rng: random.Random) -> str:
    """A message with digits that are not card data."""
    return rng.choice(
        [
            f"order #{rng.randint(10**8, 10**9 - 1)} was late",
            f"call me on (555) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
            f"the total was ${rng.randint(10, 999)}.{rng.randint(0, 99):02d}",
            "I typed 4012-8888-8888-1882 but it was rejected",
            f"tracking 1Z{rng.randint(10**9, 10**10 - 1)}",
        ]
    )


def rows(n: int, seed: int = 20260601) -> dict[str, list[object]]:
    """n messages over conversations of 3 to 10 messages."""
    rng = random.Random(seed)
    cols: dict[str, list[object]] = {
        k: [] for k in ("conversation_id", "message_id", "speaker", "text", "notes")
    }
    conv = 0
    while len(cols["message_id"]) < n:
        conv += 1
        for j in range(rng.randint(3, 10)):
            if len(cols["message_id"]) >= n:
                break
            speaker = "customer" if j % 2 == 0 else "agent"
            roll = rng.random()
            text: str | None
            if roll < 0.03:
                text = None
            elif roll < 0.05:
                text = ""
            elif speaker == "agent":
                text = rng.choice(CLEAN_AGENT)
            elif roll < 0.35:
                text = sensitive(rng)
            elif roll < 0.5:
                text = look_alike(rng)
            else:
                text = rng.choice(CLEAN_CUSTOMER)
            note: str | None = None
            if speaker == "agent" and rng.random() < 0.2:
                note = rng.choice(NOTES)
                if rng.random() < 0.3:
                    note += f"; customer pasted {grouped(*rng.choice(CARDS), ' ')}"
            cols["conversation_id"].append(f"c{conv:04d}")
            cols["message_id"].append(len(cols["message_id"]) + 1)
            cols["speaker"].append(speaker)
            cols["text"].append(text)
            cols["notes"].append(note)
    return cols


SCHEMA = pa.schema(
    [
        pa.field("conversation_id", pa.string(), False),
        pa.field("message_id", pa.int64(), False),
        pa.field("speaker", pa.string(), False),
        pa.field("text", pa.string()),
        pa.field("notes", pa.string()),
    ]
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=400)
    ap.add_argument("--out", type=Path, default=HERE / "chats", help="the dataset folder")
    ap.add_argument("--files", type=int, default=1, help="Parquet files to split the rows into")
    args = ap.parse_args()
    table = pa.table(rows(args.rows), schema=SCHEMA)
    args.out.mkdir(parents=True, exist_ok=True)
    per_file = -(-table.num_rows // args.files)
    for i in range(args.files):
        part = table.slice(i * per_file, per_file)
        pq.write_table(part, args.out / f"part-{i:05d}.parquet", row_group_size=100_000)
    print(f"wrote {table.num_rows} rows to {args.out} in {args.files} file(s)")


if __name__ == "__main__":
    main()
