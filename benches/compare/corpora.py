"""Seeded corpora with ground truth for the side-by-side benchmark.

Four corpora, each a UTF-8 text file of one record a line, written with a
JSONL file of ground truth beside it (one object a line:
``{"start": 123, "end": 142, "kind": "card", "form": "typed"}``, byte
offsets into the whole file, end exclusive):

* ``webchat``: customer-service chat, about one finding per 2 KB, with the
  order numbers, prices, dates, phone numbers and emoji real chat has.
* ``transcripts``: call-centre speech-to-text output; card numbers, SSNs,
  CVVs and expiry dates mostly spoken ("four one one one, double five ..."),
  sometimes written as digits the way speech engines do.
* ``logs``: digit-heavy application logs (ids, epoch timestamps,
  amounts, 16-digit transaction ids) with an occasional leaked card, SSN,
  CVV or expiry date.
* ``lookalike``: numbers that look like card data and are not (IMEIs,
  parcel tracking numbers, order numbers, IBANs, phone numbers, timestamps,
  plain dates), with a few real findings mixed in so precision can be
  measured.

Only published test card numbers and the well-known sample SSNs are
planted. Everything comes from ``random.Random(seed)``, so a corpus is the
same bytes on every machine and Python version (3.2+ string seeding).
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

#: Cached corpora are rebuilt when this file changes.
SOURCE_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]

#: Published test card numbers (card networks' and payment processors'
#: documentation, e.g. Stripe, Braintree, Adyen), all Luhn-valid.
TEST_CARDS = [
    ("4111111111111111", "visa"),
    ("4012888888881881", "visa"),
    ("4242424242424242", "visa"),
    ("4000056655665556", "visa"),
    ("4222222222222", "visa"),
    ("5555555555554444", "mastercard"),
    ("5105105105105100", "mastercard"),
    ("2223003122003222", "mastercard"),
    ("378282246310005", "american-express"),
    ("371449635398431", "american-express"),
    ("6011111111111117", "discover"),
    ("6011000990139424", "discover"),
    ("3530111333300000", "jcb"),
    ("3566002020360505", "jcb"),
    ("30569309025904", "diners-club"),
    ("6200000000000005", "unionpay"),
    ("6759649826438453", "maestro"),
]

#: Sample SSNs: 078-05-1120 (the Woolworth wallet card) and 219-09-9999
#: (the Social Security Administration's own pamphlet example).
SAMPLE_SSNS = ["078051120", "219099999"]

KINDS = ("card", "ssn", "cvv", "expiry")

SIZES = {"1MB": 1 << 20, "10MB": 10 << 20, "100MB": 100 << 20}

CORPORA = ("webchat", "transcripts", "logs", "lookalike")

DIGIT_WORDS = "zero one two three four five six seven eight nine".split()


class Builder:
    """Accumulates lines and ground truth with byte offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.truth: list[dict] = []
        self.pos = 0  # bytes written so far

    def line(self, segments: list) -> None:
        """Adds one line from segments: a str, or (text, kind, form)."""
        if all(isinstance(s, str) for s in segments):
            text = "".join(segments) + "\n"
            self.parts.append(text)
            self.pos += len(text.encode())
            return
        out = []
        pos = self.pos
        for s in segments:
            if isinstance(s, str):
                out.append(s)
                pos += len(s.encode())
            else:
                text, kind, form = s
                n = len(text.encode())
                self.truth.append(
                    {"start": pos, "end": pos + n, "kind": kind, "form": form}
                )
                out.append(text)
                pos += n
        out.append("\n")
        self.parts.append("".join(out))
        self.pos = pos + 1


# --- formatting of planted values -------------------------------------


def fmt_card(rng: random.Random, number: str) -> str:
    """A card number as people type it: plain, spaced or dashed."""
    style = rng.random()
    if style < 0.35:
        return number
    sep = " " if style < 0.8 else "-"
    if len(number) == 15:
        groups = [number[:4], number[4:10], number[10:]]
    elif len(number) == 14:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    return sep.join(groups)


def fmt_ssn(rng: random.Random, ssn: str) -> str:
    r = rng.random()
    if r < 0.55:
        return f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}"
    if r < 0.8:
        return f"{ssn[:3]} {ssn[3:5]} {ssn[5:]}"
    return ssn


def cvv_for(rng: random.Random, card: str) -> str:
    n = 4 if card[:2] in ("34", "37") else 3
    return "".join(rng.choice("0123456789") for _ in range(n))


def expiry(rng: random.Random) -> str:
    mm = rng.randint(1, 12)
    yy = rng.randint(26, 33)
    r = rng.random()
    if r < 0.55:
        return f"{mm:02d}/{yy}"
    if r < 0.75:
        return f"{mm:02d}/20{yy}"
    if r < 0.9:
        return f"{mm:02d}-{yy}"
    return f"{mm}/{yy}"


def luhn_digit(body: str) -> str:
    """The check digit that makes body + digit Luhn-valid."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(10 ** (n - 1), 10**n - 1))


# --- spoken forms ------------------------------------------------------


def spoken_digits(rng: random.Random, ds: str, allow_double: bool = True) -> str:
    """Digits as a speech engine writes them: "four one one one", with
    "oh" for zero now and then and "double five" for a repeated digit."""
    words = []
    i = 0
    oh = rng.random() < 0.3
    while i < len(ds):
        d = ds[i]
        w = "oh" if (d == "0" and oh) else DIGIT_WORDS[int(d)]
        if (
            allow_double
            and i + 1 < len(ds)
            and ds[i + 1] == d
            and rng.random() < 0.2
        ):
            words.append("double " + w)
            i += 2
            continue
        words.append(w)
        i += 1
    return " ".join(words)


def spoken_card(rng: random.Random, number: str) -> str:
    if len(number) in (14, 15):
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    r = rng.random()
    sep = ", " if r < 0.45 else (" " if r < 0.8 else "... ")
    parts = []
    for j, g in enumerate(groups):
        parts.append(spoken_digits(rng, g))
        if j + 1 < len(groups) and rng.random() < 0.12:
            parts[-1] += rng.choice([" uh", " um", " sorry"])
    return sep.join(parts)


MONTHS = (
    "january february march april may june july august september october "
    "november december"
).split()
TENS = dict(
    zip(range(2, 10), "twenty thirty forty fifty sixty seventy eighty ninety".split())
)


def spoken_two(n: int) -> str:
    """26 -> "twenty six", 30 -> "thirty"."""
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else " " + DIGIT_WORDS[u])


def spoken_expiry(rng: random.Random) -> str:
    mm = rng.randint(1, 12)
    yy = rng.randint(26, 33)
    r = rng.random()
    if r < 0.4:
        m = (
            "oh " + DIGIT_WORDS[mm]
            if mm < 10
            else ["ten", "eleven", "twelve"][mm - 10]
        )
        return f"{m} {spoken_two(yy)}"
    if r < 0.8:
        return f"{MONTHS[mm - 1]} twenty {spoken_two(yy)}"
    return f"{mm:02d}/{yy}"


# --- filler text -------------------------------------------------------

CHAT_CUSTOMER = [
    "hi, I ordered the blue jacket last week and it still has not arrived",
    "can you check where my parcel is please",
    "the tracking page says delivered but nothing is here",
    "I want to return the shoes, they are a size too small",
    "thanks, that was quick!",
    "is there a discount for students?",
    "my payment keeps failing at checkout",
    "ok, one moment while I find my card",
    "I was charged twice for the same order 😕",
    "can I change the delivery address to my office",
    "the coupon code does not work",
    "how long does a refund usually take?",
    "great, thank you so much 👍",
    "no that's all, have a nice day",
    "je voudrais annuler ma commande, merci",
    "the app crashed when I tried to pay",
    "I'd like to update the card on my subscription",
    "do you ship to Canada?",
    "the item arrived damaged, the box was crushed",
    "can I pay in three instalments?",
]
CHAT_AGENT = [
    "Hello! Thanks for contacting support, how can I help you today?",
    "I'm sorry to hear that. Let me look into it for you.",
    "Could you confirm the email address on the account?",
    "I can see the order here, it was shipped yesterday.",
    "I've issued a refund, it should appear within 5-7 business days.",
    "Is there anything else I can help you with?",
    "For security, please don't share your full card number in chat.",
    "I've updated the delivery address for you.",
    "Thanks for waiting, I'm checking with our warehouse now.",
    "Your subscription renews on the 1st of each month.",
    "I have applied a 10% discount to your next order.",
    "Bitte haben Sie einen Moment Geduld.",
]
CHAT_NUMBERS = [
    lambda r: f"my order number is {digits(r, 8)}",
    lambda r: f"order #{r.choice('ABCDEFGH')}{digits(r, 6)}",
    lambda r: f"it cost ${r.randint(5, 400)}.{r.randint(0, 99):02d}",
    lambda r: f"I ordered it on {r.randint(1, 28)}/{r.randint(1, 12)}/2026",
    lambda r: f"you can call me on (555) 01{r.randint(0, 9)}-{digits(r, 4)}",
    lambda r: f"the zip code is {digits(r, 5)}",
    lambda r: f"I bought {r.randint(2, 6)} of them at {r.randint(1, 12)}pm",
    lambda r: f"reference {digits(r, 10)}",
]


def card_phrase(rng: random.Random, typed: str) -> list:
    pre, post = rng.choice(
        [
            ("my card number is ", ""),
            ("card: ", ""),
            ("here you go ", ""),
            ("", " is the card"),
            ("use ", " please"),
            ("the long number is ", ""),
            ("cc ", ""),
            ("it's ", " thanks"),
            ("", ""),
            ("ok the new card is ", " 🙂"),
        ]
    )
    return [pre, (typed, "card", "typed"), post]


def ssn_phrase(rng: random.Random, typed: str) -> list:
    pre, post = rng.choice(
        [
            ("my ssn is ", ""),
            ("social security number ", ""),
            ("SSN: ", ""),
            ("ss# ", ""),
            ("", " (ssn)"),
            ("the last one was my social, ", ""),
        ]
    )
    return [pre, (typed, "ssn", "typed"), post]


def cvv_phrase(rng: random.Random, cvv: str) -> list:
    pre, post = rng.choice(
        [
            ("cvv ", ""),
            ("CVV: ", ""),
            ("the security code is ", ""),
            ("cvc ", ""),
            ("the code on the back is ", ""),
            ("3 digits on the back: ", ""),
        ]
    )
    return [pre, (cvv, "cvv", "typed"), post]


def expiry_phrase(rng: random.Random, exp: str) -> list:
    pre = rng.choice(
        ["exp ", "expires ", "expiry ", "valid thru ", "expiration date "]
    )
    return [pre, (exp, "expiry", "typed")]


def chat_finding(rng: random.Random) -> list:
    """A chat message with one to three findings."""
    card, _ = rng.choice(TEST_CARDS)
    r = rng.random()
    if r < 0.45:
        return card_phrase(rng, fmt_card(rng, card))
    if r < 0.6:
        return ssn_phrase(rng, fmt_ssn(rng, rng.choice(SAMPLE_SSNS)))
    if r < 0.7:
        return cvv_phrase(rng, cvv_for(rng, card))
    if r < 0.8:
        return expiry_phrase(rng, expiry(rng))
    segs = card_phrase(rng, fmt_card(rng, card))
    segs.append(", ")
    segs += expiry_phrase(rng, expiry(rng))
    if rng.random() < 0.7:
        segs.append(rng.choice([", ", " and "]))
        segs += cvv_phrase(rng, cvv_for(rng, card))
    return segs


def gen_webchat(rng: random.Random, size: int) -> Builder:
    b = Builder()
    chat = 0
    h, m, s = 9, 0, 0
    while b.pos < size:
        if rng.random() < 0.04:
            chat += 1
            b.line([f"--- chat {48000 + chat} started 2026-11-23 ---"])
        s += rng.randint(3, 90)
        m, s = m + s // 60, s % 60
        h, m = (h + m // 60) % 24, m % 60
        ts = f"[{h:02d}:{m:02d}:{s:02d}] "
        if rng.random() < 0.4:
            b.line([ts, "agent: ", rng.choice(CHAT_AGENT)])
            continue
        r = rng.random()
        if r < 0.04:
            b.line([ts, "customer: "] + chat_finding(rng))
        elif r < 0.19:
            b.line([ts, "customer: ", rng.choice(CHAT_NUMBERS)(rng)])
        else:
            text = rng.choice(CHAT_CUSTOMER)
            if rng.random() < 0.3:
                text += " " + rng.choice(CHAT_CUSTOMER)
            b.line([ts, "customer: ", text])
    return b


# --- transcripts -------------------------------------------------------

CALL_AGENT = [
    "let me just put you on hold for a moment",
    "i'm just pulling up your account now",
    "okay i can see that here",
    "i'm sorry about that let me see what i can do",
    "that should be sorted for you now",
    "bear with me the system is a little slow today",
    "i can offer you a credit on the account",
    "that's been updated for you",
]
CALL_CUSTOMER = [
    "yeah hi i'm calling about my bill",
    "sure give me one second",
    "sorry can you repeat that",
    "okay yeah that's fine",
    "um i think it was last tuesday",
    "hang on let me get my wallet",
    "i've been a customer for like ten years",
    "it was around three thirty in the afternoon",
    "the parcel never turned up and nobody called me",
    "i was charged twice this month and i want it fixed",
    "yeah that's right",
    "no no it was the other account",
]


def spoken_number(rng: random.Random, n: int) -> str:
    return spoken_digits(rng, digits(rng, n), allow_double=True)


def spoken_amount(rng: random.Random) -> str:
    """An amount as said: "forty nine ninety nine"."""
    return f"{spoken_two(rng.randint(20, 99))} {spoken_two(rng.randint(20, 99))}"


def card_answer(rng: random.Random, card: str) -> list:
    if rng.random() < 0.8:
        text, form = spoken_card(rng, card), "spoken"
    else:
        text, form = fmt_card(rng, card), "typed"
    pre = rng.choice(["yeah it's ", "okay the number is ", "", "it is ", "sure "])
    return [pre, (text, "card", form)]


def ssn_answer(rng: random.Random) -> list:
    ssn = rng.choice(SAMPLE_SSNS)
    if rng.random() < 0.8:
        parts = [ssn[:3], ssn[3:5], ssn[5:]]
        sep = rng.choice([" ", ", "])
        text = sep.join(spoken_digits(rng, p, allow_double=False) for p in parts)
        form = "spoken"
    else:
        text, form = fmt_ssn(rng, ssn), "typed"
    pre = rng.choice(["it's ", "sure it's ", "", "yep "])
    return [pre, (text, "ssn", form)]


def cvv_answer(rng: random.Random, card: str) -> list:
    cvv = cvv_for(rng, card)
    if rng.random() < 0.8:
        text, form = spoken_digits(rng, cvv, allow_double=False), "spoken"
    else:
        text, form = cvv, "typed"
    pre = rng.choice(["it's ", "", "the code is ", "uh "])
    return [pre, (text, "cvv", form)]


def expiry_answer(rng: random.Random) -> list:
    text = spoken_expiry(rng)
    form = "typed" if "/" in text else "spoken"
    pre = rng.choice(["it expires ", "", "it's ", "expiry is "])
    return [pre, (text, "expiry", form)]


def gen_transcripts(rng: random.Random, size: int) -> Builder:
    """Whole calls: greeting, small talk, and in some calls the agent asks
    for the card, expiry date, security code or SSN and the customer
    answers on the next line, as a payment call goes. Spoken numbers that
    are not card data (order numbers, zip codes, callback numbers, amounts)
    come with their own questions."""
    b = Builder()
    call = 0
    while b.pos < size:
        call += 1
        b.line([f"# call {730000 + call} 2026-11-23"])
        b.line(["agent: thank you for calling how can i help you today"])
        b.line(["customer: ", rng.choice(CALL_CUSTOMER)])
        steps = []
        for _ in range(rng.randint(4, 16)):
            steps.append("talk")
        if rng.random() < 0.5:
            steps.append("order")
        if rng.random() < 0.3:
            steps.append("zip")
        if rng.random() < 0.25:
            steps.append("phone")
        if rng.random() < 0.12:
            steps.append("ssn")
        rng.shuffle(steps)
        if rng.random() < 0.25:
            steps.insert(rng.randint(0, len(steps)), "pay")
        for st in steps:
            if st == "talk":
                who = rng.random() < 0.5
                b.line(["agent: " + rng.choice(CALL_AGENT)] if who
                       else ["customer: " + rng.choice(CALL_CUSTOMER)])
            elif st == "order":
                b.line(["agent: can i have the order number please"])
                b.line([f"customer: yeah it's {spoken_number(rng, rng.randint(6, 10))}"])
            elif st == "zip":
                b.line(["agent: and the zip code on the account"])
                b.line([f"customer: {spoken_number(rng, 5)}"])
            elif st == "phone":
                b.line(["agent: what's the best number to call you back on"])
                b.line([f"customer: it's {spoken_number(rng, 10)}"])
            elif st == "ssn":
                b.line(["agent: can you confirm your social security number for verification"])
                b.line(["customer: "] + ssn_answer(rng))
            else:
                card, _ = rng.choice(TEST_CARDS)
                b.line(["agent: can i take the card number please"])
                if rng.random() < 0.3:
                    b.line(["customer: hang on let me get my wallet"])
                b.line(["customer: "] + card_answer(rng, card))
                b.line(["agent: and the expiry date"])
                b.line(["customer: "] + expiry_answer(rng))
                b.line(["agent: and the security code on the back"])
                b.line(["customer: "] + cvv_answer(rng, card))
                b.line([f"agent: thanks that's {spoken_amount(rng)} taken today"])
        b.line(["agent: is there anything else i can help with"])
        b.line(["customer: no that's everything thanks"])
    return b


# --- logs --------------------------------------------------------------


def gen_logs(rng: random.Random, size: int) -> Builder:
    b = Builder()
    epoch = 1_763_910_000_000
    while b.pos < size:
        epoch += rng.randint(1, 900)
        sec, ms = divmod(epoch, 1000)
        hh, mm, ss = (sec // 3600) % 24, (sec // 60) % 60, sec % 60
        ts = f"2026-11-23T{hh:02d}:{mm:02d}:{ss:02d}.{ms:03d}Z"
        r = rng.random()
        if r < 0.022:
            card, _ = rng.choice(TEST_CARDS)
            k = rng.random()
            head = f"{ts} WARN  [payments-{rng.randint(1, 8)}] "
            if k < 0.4:
                exp = expiry(rng)
                cvv = cvv_for(rng, card)
                b.line(
                    [
                        head + 'request body={"pan":"',
                        (card, "card", "typed"),
                        '","exp":"',
                        (exp, "expiry", "typed"),
                        '","cvv":"',
                        (cvv, "cvv", "typed"),
                        f'","amount":{rng.randint(100, 99999)}}}',
                    ]
                )
            elif k < 0.7:
                b.line(
                    [
                        head + "card_number=",
                        (fmt_card(rng, card), "card", "typed"),
                        f" status=declined code={rng.randint(1, 99)}",
                    ]
                )
            else:
                b.line(
                    [
                        head + f"kyc user_id={digits(rng, 7)} ssn=",
                        (fmt_ssn(rng, rng.choice(SAMPLE_SSNS)), "ssn", "typed"),
                        " result=ok",
                    ]
                )
            continue
        level = "INFO " if r < 0.9 else "DEBUG"
        svc = rng.choice(["api", "orders", "auth", "search", "billing"])
        tail = rng.choice(
            [
                lambda: f"GET /v1/orders/{digits(rng, 8)} status=200 bytes={rng.randint(100, 99999)} latency_ms={rng.randint(1, 999)}",
                lambda: f"txn_id={digits(rng, 16)} amount={rng.randint(1, 99999)} currency=USD",
                lambda: f"user_id={digits(rng, 7)} session={rng.getrandbits(64):016x} ip=10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                lambda: f"ts={epoch} job={digits(rng, 6)} took={rng.randint(1, 9999)}ms retries={rng.randint(0, 3)}",
                lambda: f"trace={rng.getrandbits(128):032x} span={rng.getrandbits(64):016x} parent={digits(rng, 12)}",
                lambda: f"cache hit ratio={rng.random():.4f} keys={rng.randint(1000, 9999999)} evicted={rng.randint(0, 999)}",
            ]
        )()
        b.line([f"{ts} {level} [{svc}-{rng.randint(1, 8)}] {tail}"])
    return b


# --- look-alikes -------------------------------------------------------


def imei(rng: random.Random) -> str:
    body = rng.choice(["35", "49", "01", "86"]) + digits(rng, 12)
    return body + luhn_digit(body)


def iban(rng: random.Random) -> str:
    if rng.random() < 0.5:
        country, bban = "GB", rng.choice(["WEST", "NWBK", "BARC"]) + digits(rng, 14)
    else:
        country, bban = "DE", digits(rng, 18)
    # ISO 13616 check digits: move the country code and "00" to the end,
    # letters to numbers, 98 minus the remainder mod 97.
    raw = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in raw))
    check = f"{98 - num % 97:02d}"
    s = country + check + bban
    if rng.random() < 0.6:
        s = " ".join(s[i : i + 4] for i in range(0, len(s), 4))
    return s


LOOKALIKES = [
    lambda r: f"IMEI {imei(r)}",
    lambda r: f"imei: {imei(r)}",
    lambda r: f"device {imei(r)} registered",
    lambda r: f"tracking 1Z{digits(r, 3)}AA{digits(r, 10)}",
    lambda r: f"USPS tracking number 9400 {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 2)}",
    lambda r: f"fedex {digits(r, 12)}",
    lambda r: f"order #{digits(r, 16)}",
    lambda r: f"order number {digits(r, 12)}",
    lambda r: (lambda b: f"invoice {b}{luhn_digit(b)}")(r.choice("45") + digits(r, 14)),
    lambda r: f"IBAN {iban(r)}",
    lambda r: f"call +1 (555) 01{r.randint(0, 9)}-{digits(r, 4)}",
    lambda r: f"phone +44 20 7946 0{digits(r, 3)}",
    lambda r: f"tel 0207 946 0{digits(r, 3)}",
    lambda r: f"ts={1_763_910_000_000 + r.randint(0, 10**9)}",
    lambda r: f"at {1_763_910_000 + r.randint(0, 10**7)}",
    lambda r: f"2026-11-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{digits(r, 3)}Z",
    lambda r: f"meeting on {r.randint(1, 12)}/{r.randint(1, 28)}",
    lambda r: f"room {r.randint(100, 999)}",
    lambda r: f"ext {r.randint(100, 9999)}",
    lambda r: f"ISBN 978-{r.randint(0, 9)}-{digits(r, 2)}-{digits(r, 6)}-{r.randint(0, 9)}",
    lambda r: f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}/2026",
    lambda r: f"serial {digits(r, 16)}",
    lambda r: f"account {digits(r, 12)}",
    lambda r: f"{imei(r)}",
    lambda r: f"{digits(r, 3)}-{digits(r, 3)}-{digits(r, 4)}",
]
LOOKALIKE_WORDS = "see the for and on was with new old from logged device note".split()


def gen_lookalike(rng: random.Random, size: int) -> Builder:
    b = Builder()
    while b.pos < size:
        segs: list = []
        for _ in range(rng.randint(1, 3)):
            segs.append(rng.choice(LOOKALIKE_WORDS) + " ")
            segs.append(rng.choice(LOOKALIKES)(rng))
            segs.append(rng.choice([", ", "; ", " ", " - "]))
        if rng.random() < 0.012:
            segs += chat_finding(rng)
        b.line(segs)
    return b


GENERATORS = {
    "webchat": gen_webchat,
    "transcripts": gen_transcripts,
    "logs": gen_logs,
    "lookalike": gen_lookalike,
}

SEEDS = {"webchat": 1101, "transcripts": 2202, "logs": 3303, "lookalike": 4404}


def generate(name: str, size_label: str, outdir: Path) -> tuple[Path, Path]:
    """Writes corpus `name` at `size_label` into outdir (cached by
    generator version); returns (text path, truth path)."""
    outdir.mkdir(parents=True, exist_ok=True)
    text_path = outdir / f"{name}-{size_label}.txt"
    truth_path = outdir / f"{name}-{size_label}.truth.jsonl"
    meta_path = outdir / f"{name}-{size_label}.meta.json"
    size = SIZES[size_label]
    meta = {"source": SOURCE_HASH, "seed": SEEDS[name], "size": size}
    if (
        text_path.exists()
        and truth_path.exists()
        and meta_path.exists()
        and json.loads(meta_path.read_text()) == meta
    ):
        return text_path, truth_path
    rng = random.Random(f"{SEEDS[name]}-{size_label}")
    b = GENERATORS[name](rng, size)
    with open(text_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(b.parts))
    with open(truth_path, "w", encoding="utf-8") as f:
        for t in b.truth:
            f.write(json.dumps(t) + "\n")
    meta_path.write_text(json.dumps(meta))
    return text_path, truth_path


def load_truth(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]
