#!/usr/bin/env python3
"""Generate the bundled sample archive data/samples/.

A few hundred synthetic webchat and call-center transcripts, spread over
plain text, JSONL (one call per line, with a messages[] list of
speaker/text), CSV and one gzipped JSONL file. The only card numbers in it
are processors' published test numbers and the only SSNs are the
publicised sample SSNs; around them sit many look-alikes that must NOT be
masked: order and invoice numbers, phone numbers, prices, timestamps,
tracking numbers, IMEIs, Luhn-invalid near misses.

The generator also writes data/samples.manifest.json: for every file, the
sensitive strings planted in it ("positives", which a scrub must leave
nowhere in the output) and the look-alikes ("negatives", which must come
through unchanged), with how often each occurs. The CLI tests use it.

Deterministic: the same script writes the same bytes. Run from anywhere:

    python3 data/gen_samples.py

For throughput checks it can also write a large archive of the same kind
of records (never commit those):

    python3 data/gen_samples.py --big-jsonl /tmp/big.jsonl --mb 200
    python3 data/gen_samples.py --big-text /tmp/big.txt --mb 1024
"""

import csv
import gzip
import io
import json
import os
import random
import shutil
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "samples")
MANIFEST = os.path.join(HERE, "samples.manifest.json")

rng = random.Random(20240314)

# Published test card numbers (Visa, Mastercard incl. 2-series, Amex,
# Discover, JCB, Diners, UnionPay), in the groupings people type.
CARDS = [
    ("4111111111111111", [4, 4, 4, 4]),
    ("5555555555554444", [4, 4, 4, 4]),
    ("378282246310005", [4, 6, 5]),
    ("6011111111111117", [4, 4, 4, 4]),
    ("4012888888881881", [4, 4, 4, 4]),
    ("5105105105105100", [4, 4, 4, 4]),
    ("371449635398431", [4, 6, 5]),
    ("6011000990139424", [4, 4, 4, 4]),
    ("3530111333300000", [4, 4, 4, 4]),
    ("2223003122003222", [4, 4, 4, 4]),
    ("4000056655665556", [4, 4, 4, 4]),
    ("5200828282828210", [4, 4, 4, 4]),
]
SSNS = ["078-05-1120", "219-09-9999", "457-55-5462"]
WORDS = "zero one two three four five six seven eight nine".split()

AGENTS = ["Maya", "Tom", "Priya", "Jonas", "Aiko", "Luis", "Grace", "Omar"]
CUSTOMERS = ["Sam", "Alex", "Jordan", "Casey", "Riley", "Morgan", "Jamie"]
QUEUES = ["billing", "orders", "returns", "accounts", "technical"]


class File:
    """Text of one sample file plus what was planted in it."""

    def __init__(self):
        self.pos = Counter()
        self.neg = Counter()

    def p(self, s):
        self.pos[s] += 1
        return s

    def n(self, s):
        self.neg[s] += 1
        return s


def card_text(num, groups, sep):
    parts, i = [], 0
    for g in groups:
        parts.append(num[i : i + g])
        i += g
    return sep.join(parts)


def spoken(num):
    return " ".join(WORDS[int(d)] for d in num)


def expiry():
    return f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}"


def clock(h, m, s):
    return f"{h:02d}:{m:02d}:{s:02d}"


# Look-alikes. Each is recorded with enough context to be unique in its
# file, so "it came through unchanged" can be checked by counting.
def negative_line(f):
    k = rng.randrange(14)
    if k == 0:
        return f.n(f"my order number is {rng.randint(100000000, 999999999)}")
    if k == 1:
        return "you can call me back at " + f.n(
            "(555) %03d-%04d" % (rng.randint(200, 999), rng.randint(0, 9999))
        )
    if k == 2:
        return "the total was " + f.n(
            "$%d,%03d.%02d" % (rng.randint(1, 9), rng.randint(0, 999), rng.randint(0, 99))
        ) + " including tax"
    if k == 3:
        return "the parcel tracking number is " + f.n("1Z999AA1%010d" % rng.randint(0, 10**10 - 1))
    if k == 4:
        return "my phone's " + f.n("IMEI is 490154203237518")
    if k == 5:
        return f.n("is it 4111 1111 1111 1112?") + " no wait, that's a typo on the form"
    if k == 6:
        return "invoice " + f.n("INV-2024-%05d" % rng.randint(0, 99999)) + " from " + f.n(
            "2024-03-%02d" % rng.randint(1, 28)
        )
    if k == 7:
        return f.n("the old card ending 4012-8888-8888-1882") + " was declined (typo)"
    if k == 8:
        return f"I ordered {rng.randint(2, 9)} items, " + f.n(f"ticket {rng.randint(10000, 99999)}")
    if k == 9:
        return f.n(f"my zip is {rng.randint(10000, 99999)}") + " and " + f.n(
            f"I'm in room {rng.randint(100, 999)}"
        )
    if k == 10:
        return "call " + f.n("+1 415 555 %04d" % rng.randint(0, 9999)) + " after 5:30 pm"
    if k == 11:
        return "the transaction " + f.n("TX%012d" % rng.randint(0, 10**12 - 1)) + " shows as pending"
    if k == 12:
        return "reference " + f.n("ORD-%d-%07d" % (rng.randint(2019, 2024), rng.randint(0, 10**7 - 1)))
    return "app " + f.n(
        "version %d.%d.%d on build %d"
        % (rng.randint(1, 9), rng.randint(0, 30), rng.randint(0, 99), rng.randint(1000, 9999))
    )


def positive_lines(f, voice):
    """One customer turn (or two lines: a card split over a line break)
    holding sensitive data. Each planted item is recorded with the context
    that makes it unique; masking must leave none of them in the output."""
    num, groups = rng.choice(CARDS)
    cvv = rng.randint(100, 999)
    k = rng.randrange(9 if not voice else 7)
    if k == 0:
        return ["sure, my card number is " + f.p(card_text(num, groups, " "))]
    if k == 1:
        return [
            "it's " + f.p(card_text(num, groups, "-")) + ", " + f.p(f"expires {expiry()}")
            + ", " + f.p(f"cvv {cvv}")
        ]
    if k == 2:
        return [f.p(f"card {num}") + " " + f.p(f"exp {expiry()}")]
    if k == 3:
        return ["my social security number is " + f.p(rng.choice(SSNS))]
    if k == 4:
        return ["the security code on the " + f.p(f"back is {cvv}")]
    if k == 5:
        return ["ok it's " + f.p(spoken(num))]
    if k == 6:
        w = spoken(num).split()
        half = len(w) // 2
        return [f.p(f"my card is {' '.join(w[:4])} uh {' '.join(w[4:half])} um {' '.join(w[half:])}")]
    if k == 7:
        # Split over a line break inside one message.
        t = card_text(num, groups, " ")
        cut = t.rfind(" ", 0, len(t) // 2 + 2)
        f.p(f"card is {t[:cut]}\n{t[cut + 1:]}")
        return [f"card is {t[:cut]}", t[cut + 1 :]]
    return ["my " + f.p(f"pin is {rng.randint(1000, 9999)}") + " by the way"]


def chat_transcript(i):
    f = File()
    agent, cust = rng.choice(AGENTS), rng.choice(CUSTOMERS)
    h, m, s = rng.randint(8, 19), rng.randint(0, 59), rng.randint(0, 59)
    lines = [
        f"# webchat transcript {i:04d}",
        f"# started {f.n('2024-03-%02d' % (i % 28 + 1))} {f.n(clock(h, m, s))} UTC, queue {rng.choice(QUEUES)}",
    ]

    def say(who, text):
        nonlocal m, s
        s += rng.randint(5, 50)
        m += s // 60
        s %= 60
        lines.append(f"[{clock(h, m % 60, s)}] {who}: {text}")

    say(f"agent ({agent})", "Hi, thanks for contacting Acme support. How can I help?")
    say("customer", f"Hi, I'm {cust}. " + negative_line(f))
    for _ in range(rng.randint(3, 9)):
        if rng.random() < 0.35:
            turn = positive_lines(f, voice=False)
            say("customer", turn[0])
            lines.extend(turn[1:])
        else:
            say("customer", negative_line(f))
        say(f"agent ({agent})", rng.choice([
            "Thanks, one moment please.",
            "Got it. Anything else?",
            "Please don't share full card numbers in chat.",
            "I've updated the ticket.",
        ]))
    say(f"agent ({agent})", "Have a great day!")
    return "\n".join(lines) + "\n", f


def call_record(i, prefix, f):
    msgs = []
    agent = rng.choice(AGENTS)

    def add(speaker, text):
        msgs.append({"speaker": speaker, "text": text})

    add("agent", f"thank you for calling acme this is {agent.lower()} how can i help")
    add("customer", negative_line(f))
    for _ in range(rng.randint(2, 7)):
        r = rng.random()
        if r < 0.25:
            for t in positive_lines(f, voice=True):
                add("customer", t)
        elif r < 0.35:
            # A card typed over two messages, the agent in between.
            num, groups = rng.choice(CARDS)
            t = card_text(num, groups, " ")
            cut = t.rfind(" ", 0, len(t) // 2 + 2)
            f.p(f'"text": "{t[:cut]}"')
            f.p(f'"text": "{t[cut + 1:]}"')
            add("customer", t[:cut])
            add("agent", "go on")
            add("customer", t[cut + 1 :])
        elif r < 0.42:
            add("agent", "and what's the security code on the back")
            cvv = rng.randint(100, 999)
            f.p(f'"text": "{cvv}"')
            add("customer", str(cvv))
        else:
            add("customer", negative_line(f))
        add("agent", rng.choice(["okay", "thank you", "one moment", "let me check that"]))
    return {
        "id": f.n(f"{prefix}-{i:06d}"),
        "channel": "voice",
        "started_at": f.n(f"2024-03-{i % 28 + 1:02d}T{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:00Z"),
        "duration_s": rng.randint(60, 1800),
        "agent_id": f"A-{rng.randint(1000, 9999)}",
        "messages": msgs,
    }


def jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def tickets(n):
    f = File()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["ticket_id", "created_at", "channel", "customer_message", "agent_note", "amount"])
    for i in range(n):
        if rng.random() < 0.4:
            turn = positive_lines(f, voice=False)
            msg = "\n".join(turn) if len(turn) > 1 else turn[0]
        else:
            msg = negative_line(f)
        note = negative_line(f) if rng.random() < 0.5 else "customer called back, resolved"
        w.writerow([
            f.n(f"T-{100000 + i}"),
            f.n(f"2024-0{rng.randint(1, 3)}-{rng.randint(1, 28):02d} {clock(rng.randint(8, 19), rng.randint(0, 59), rng.randint(0, 59))}"),
            rng.choice(["web", "email", "phone"]),
            msg,
            note,
            f"{rng.randint(5, 900)}.{rng.randint(0, 99):02d}",
        ])
    return buf.getvalue(), f


def pos_log(n):
    f = File()
    lines = []
    for i in range(n):
        ts = f.n(f"2024-03-14T{9 + i // 60:02d}:{i % 60:02d}:{rng.randint(0, 59):02d}Z")
        k = rng.randrange(6)
        if k == 0:
            num = rng.choice(["4111111111111111", "5555555555554444"])
            lines.append(f"{ts} terminal=7 event=swipe raw={f.p('%B' + num + '^DOE/JOHN^2712101000000000?')}")
        elif k == 1:
            lines.append(f"{ts} terminal=7 event=swipe track2={f.p(';4012888888881881=27121010000000000?')}")
        else:
            lines.append(f"{ts} terminal=7 event=sale amount={rng.randint(1, 500)}.{rng.randint(0, 99):02d} "
                         + f.n(f"batch={rng.randint(100000, 999999)}") + f" status=200 bytes={rng.randint(100, 9000)}")
    return "\n".join(lines) + "\n", f


def payments_csv(n):
    """A payment processor's export: the card number, expiry month and
    year and CVV each in a column of its own, so only the header says what
    a short number is (field mode). Cells that are positives are written
    with their delimiters (",737,"), which no other cell of the file
    matches."""
    f = File()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["order_id", "created_at", "card_number", "exp_month", "exp_year", "cvv", "amount", "status"])
    rows = []
    for i in range(n):
        num, _ = rng.choice(CARDS)
        cvv = f"{rng.randint(0, 9999):04d}" if num.startswith("3") else f"{rng.randint(100, 999)}"
        rows.append([
            f"ORD-{200000 + i}",
            f"2024-03-{rng.randint(1, 28):02d} {clock(rng.randint(8, 19), rng.randint(0, 59), rng.randint(0, 59))}",
            num,
            f"{rng.randint(1, 12):02d}",
            f"{rng.randint(2026, 2031)}",
            cvv,
            f"{rng.randint(1, 900)}.{rng.randint(0, 99):02d}",
            rng.choice(["approved", "declined", "refunded"]),
        ])
    for r in rows:
        w.writerow(r)
    text = buf.getvalue()
    for r in rows:
        f.n(r[0])
        f.n(r[1])
        f.n(r[6])
        f.p(r[2])
        f.p(f",{r[3]},{r[4]},{r[5]},")
    # (Counts of the planted strings as they stand in the file.)
    f.pos = Counter({k: text.count(k) for k in f.pos})
    f.neg = Counter({k: text.count(k) for k in f.neg})
    return text, f


def payment_events(n):
    """API log lines (JSONL) of a checkout service: the card's fields as
    JSON keys, its expiry as numbers."""
    f = File()
    recs = []
    for i in range(n):
        num, _ = rng.choice(CARDS)
        cvc = f"{rng.randint(100, 999)}"
        recs.append({
            "event": "checkout.payment",
            "request_id": f.n(f"req-{rng.randint(10**8, 10**9 - 1)}"),
            "order_id": f.n(f"{rng.randint(10**7, 10**8 - 1)}"),
            "card": {"number": f.p(num), "exp_month": rng.randint(1, 12), "exp_year": rng.randint(2026, 2031), "cvc": cvc},
            "amount_cents": rng.randint(100, 90000),
        })
    text = jsonl(recs)
    for r in recs:
        c = r["card"]
        f.p(f'"exp_month": {c["exp_month"]}, "exp_year": {c["exp_year"]}, "cvc": "{c["cvc"]}"')
    f.pos = Counter({k: text.count(k) for k in f.pos})
    f.neg = Counter({k: text.count(k) for k in f.neg})
    return text, f


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    manifest = {}

    def write(rel, text, f, gz=False):
        path = os.path.join(OUT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        if gz:
            with open(path, "wb") as fh:
                with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as z:
                    z.write(data)
        else:
            with open(path, "wb") as fh:
                fh.write(data)
        manifest[rel] = {
            "positives": dict(sorted(f.pos.items())),
            "negatives": dict(sorted(f.neg.items())),
        }

    for i in range(1, 121):
        text, f = chat_transcript(i)
        write(f"webchat/2024-03/chat-{i:04d}.txt", text, f)

    f = File()
    write("voice/calls-2024-03.jsonl", jsonl(call_record(i, "call", f) for i in range(1, 101)), f)
    f = File()
    write("archive/calls-2023-12.jsonl.gz", jsonl(call_record(i, "old", f) for i in range(1, 41)), f, gz=True)
    text, f = tickets(100)
    write("tickets/tickets-2024-q1.csv", text, f)
    text, f = pos_log(90)
    write("pos/terminal-7.log", text, f)
    text, f = payments_csv(60)
    write("pos/payments-2024-03.csv", text, f)
    text, f = payment_events(40)
    write("pos/checkout-events-2024-03.jsonl", text, f)

    with open(MANIFEST, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    total = sum(os.path.getsize(os.path.join(d, x)) for d, _, xs in os.walk(OUT) for x in xs)
    print(f"wrote {len(manifest)} files, {total} bytes under {OUT}")


def big(path, mb, text):
    """Writes about `mb` MiB of call records (JSONL) or chat transcripts
    (text) to `path`. A pool of generated records is repeated with fresh
    ids, which keeps this fast enough for a gigabyte."""
    f = File()
    if text:
        pool = [chat_transcript(i)[0] for i in range(1, 401)]
    else:
        pool = [call_record(i, "call", f) for i in range(1, 401)]
    want = mb << 20
    done = 0
    i = 0
    with open(path, "w", encoding="utf-8") as fh:
        while done < want:
            if text:
                chunk = pool[i % len(pool)].replace("webchat transcript", f"webchat transcript {i} /", 1)
            else:
                r = dict(pool[i % len(pool)])
                r["id"] = f"call-{i:09d}"
                chunk = json.dumps(r, ensure_ascii=False) + "\n"
            fh.write(chunk)
            done += len(chunk.encode("utf-8"))
            i += 1
    print(f"wrote {i} {'transcripts' if text else 'records'}, {done} bytes to {path}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] in (["--big-jsonl"], ["--big-text"]):
        mb = int(args[3]) if args[2:3] == ["--mb"] else 200
        big(args[1], mb, args[0] == "--big-text")
    else:
        main()
