#!/usr/bin/env python3
"""Generates the shared test vectors in this folder.

Cases are written below with inline markers: `[[kind:text]]` or
`[[kind/brand:text]]` marks a finding. This script strips the markers,
computes byte spans, and computes the expected default-policy output with
its own small masker (independent of the Rust code): cards keep their last
four digits, everything else is masked in full, number words are masked
letter for letter, track data is masked character for character and
zero-width characters inside a finding are dropped.

Run `python3 testdata/gen.py` after editing; the TOML files are committed.
"""
import json
import pathlib
import re
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
VECTORS = HERE.parent.parent / "shared" / "vectors" / "brands.jsonl"

NUMBER_WORDS = set(
    "zero oh nought naught nil one two three four five six seven eight nine niner "
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
    "twenty thirty forty fourty fifty sixty seventy eighty ninety hundred thousand double triple treble quadruple "
    "o for fore to too won ate tree january jan february feb march mar april apr june jun "
    "july jul august aug september sept sep october oct november nov december dec may "
    "zeros zeroes ohs ones twos threes fours fives sixes sevens eights nines".split()
)
# The words that name the next group of a card read out (the core's
# `group_label`): "the last four are", "next four digits", "and finally".
GROUP_LABEL = re.compile(
    r"\b(?:the )?(?:last|lastly|next|first|final|finally|other|remaining)"
    r"(?: (?:two|three|four|five|six))?(?: (?:digits|numbers))?(?: (?:are|is))?\b",
    re.I,
)
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
MARK = re.compile(r"\[\[(\w+)(?:/([\w-]+))?:(.*?)\]\]", re.S)


def is_digit(c):
    return unicodedata.category(c) == "Nd"


# Separators written escaped are kept: in URL encoding ("%20", "%2D",
# "%2F"), as HTML character references ("&nbsp;", "&#160;", "&#x2013;")
# and as JSON escapes ("\u00a0"), when the character is a separator.
URL_SEP = re.compile(r"%2[0DdFf]")
CHAR_ESCAPE = re.compile(
    r"&(#[0-9]{1,5}|#[xX][0-9a-fA-F]{1,4}|nbsp|ensp|emsp|thinsp|ndash|mdash|minus|hyphen);"
    r"|\\u([0-9a-fA-F]{4})"
)
NAMED = {"nbsp": 0xA0, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009,
         "ndash": 0x2013, "hyphen": 0x2010, "mdash": 0x2014, "minus": 0x2212}


def is_sep_char(c):
    """A separator between digit groups: ASCII space, tab, dash, dot,
    slash, comma, line breaks and pipe; Unicode spaces and dashes."""
    u = ord(c)
    return (
        c in " \t-./,\n\r|"
        or u in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0x2212, 0xFE58, 0xFE63,
                 0xFF0D, 0xFF0E, 0xFF0F, 0x2028, 0x2029, 0x85)
        or 0x2000 <= u <= 0x200A
        or 0x2010 <= u <= 0x2015
    )


def escaped_seps(text):
    """The spans of separators written escaped in `text`."""
    spans = [(m.start(), m.end()) for m in URL_SEP.finditer(text)]
    for m in CHAR_ESCAPE.finditer(text):
        ref, hexcode = m.group(1), m.group(2)
        if hexcode:
            u = int(hexcode, 16)
        elif ref.startswith(("#x", "#X")):
            u = int(ref[2:], 16)
        elif ref.startswith("#"):
            u = int(ref[1:])
        else:
            u = NAMED[ref]
        if is_sep_char(chr(u)):
            spans.append((m.start(), m.end()))
    return spans


# The label of a turn that starts a line inside a finding (a card split
# over two turns) is kept as it is, its timestamp's digits too: a time
# (maybe after a date, maybe with seconds, a fraction, a zone, AM/PM), in
# brackets alone or before a speaker's name and a colon; or a side's name
# alone ("customer:", "speaker 2:"), as the core's `turn_label_end` reads
# them.
_TS = (
    r"(?:(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})[T ])?"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})?(?: ?[AaPp][Mm])?"
)
_SIDES = (
    "agent|customer|caller|client|rep|representative|operator|advisor|adviser"
    "|associate|csr|cust|speaker|spk|user|bot|assistant|ivr|a|b"
)
TURN_LABEL = re.compile(
    rf"(?:[\[(]{_TS}[\])][ \t]{{1,3}}(?:[A-Za-z]+(?:[ _]\d{{1,3}})?:)?"
    rf"|{_TS}[ \t]{{1,3}}[A-Za-z]+(?:[ _]\d{{1,3}})?:"
    rf"|(?i:{_SIDES})(?:[ _]\d{{1,3}})?:)"
)


def turn_labels(text):
    out = set()
    for i, c in enumerate(text):
        if c == "\n":
            m = TURN_LABEL.match(text, i + 1)
            if m:
                out.update(range(m.start(), m.end()))
    return out


def mask(kind, text):
    if kind == "track":
        return "*" * len(text)
    seps = {i for a, b in escaped_seps(text) for i in range(a, b)}
    turns = turn_labels(text)
    # Spoken when a number word carries digits: one outside the words that
    # name the next group ("last four" in "4111 1111 1111 last four 1111"),
    # which are masked as number words but carry none.
    labels = {i for m in GROUP_LABEL.finditer(text) for i in range(m.start(), m.end())}
    spoken = any(
        m.group(0).lower() in NUMBER_WORDS
        for m in re.finditer(r"[A-Za-z]+", text)
        if m.start() not in seps and m.start() not in labels
    )
    digits = [
        i for i, c in enumerate(text) if is_digit(c) and i not in seps and i not in turns
    ]
    keep = set(digits[-4:]) if kind == "card" and not spoken else set()
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if i in seps or i in turns:
            out.append(c)
            i += 1
            continue
        if c in INVISIBLE:
            i += 1
            continue
        if c.isascii() and c.isalpha():
            j = i
            while j < len(text) and text[j].isascii() and text[j].isalpha():
                j += 1
            w = text[i:j]
            out.append("*" * len(w) if w.lower() in NUMBER_WORDS else w)
            i = j
            continue
        if is_digit(c) and i not in keep:
            out.append("*")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def case(name, marked, **opts):
    plain, findings, output = "", [], ""
    pos = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        plain += before
        output += before
        kind, brand, text = m.group(1), m.group(2), m.group(3)
        s = len(plain.encode())
        plain += text
        f = {"kind": kind, "span": [s, len(plain.encode())]}
        if brand:
            f["brand"] = brand
        findings.append(f)
        output += mask(kind, text) if not opts.get("raw_output") else text
        pos = m.end()
    plain += marked[pos:]
    output += marked[pos:]
    t = {"name": name, "input": plain, "findings": findings, "output": output}
    if opts.get("spoken") is False:
        t["spoken"] = False
    return t


def toml_str(s):
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or c in INVISIBLE or unicodedata.category(c) in ("Zs", "Cf") and c != " ":
            out.append("\\u%04x" % ord(c) if ord(c) < 0x10000 else "\\U%08x" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def write(fname, header, tests):
    lines = [f"# {header}", "# Generated by testdata/gen.py; edit the cases there.", ""]
    for t in tests:
        lines.append("[[test]]")
        lines.append(f"name = {toml_str(t['name'])}")
        if "conversation" in t:
            msgs = ", ".join(f"[{toml_str(a)}, {toml_str(b)}]" for a, b in t["conversation"])
            lines.append(f"conversation = [{msgs}]")
            outs = ", ".join(toml_str(o) for o in t["outputs"])
            lines.append(f"outputs = [{outs}]")
        else:
            lines.append(f"input = {toml_str(t['input'])}")
            fs = []
            for f in t["findings"]:
                b = f', brand = "{f["brand"]}"' if "brand" in f else ""
                fs.append(f'{{ kind = "{f["kind"]}", span = [{f["span"][0]}, {f["span"][1]}]{b} }}')
            lines.append("findings = [" + ", ".join(fs) + "]")
            lines.append(f"output = {toml_str(t['output'])}")
            if t.get("spoken") is False:
                lines.append("spoken = false")
        lines.append("")
    (HERE / fname).write_text("\n".join(lines), encoding="utf-8")
    return len(tests)


def numbered(prefix, items, **opts):
    return [case(f"{prefix}-{i:03}", m, **opts) for i, m in enumerate(items, 1)]


# ---------------------------------------------------------------- brands.toml
def brand_cases():
    seps = [
        ("plain", lambda d: d),
        ("spaced", lambda d: " ".join(group(d))),
        ("dashed", lambda d: "-".join(group(d))),
    ]
    contexts = ["card {}", "my card number is {} thanks", "{}"]
    tests = []
    seen = set()
    n = 0
    for line in VECTORS.read_text().splitlines():
        v = json.loads(line)
        if v["kind"] != "full" or not v["luhn_valid"]:
            continue
        digits = v["number"].replace(" ", "")
        if digits in seen:
            continue
        seen.add(digits)
        brand = BRAND_MAP.get(v["brand"])
        if brand in BRAND_LENGTHS and len(digits) not in BRAND_LENGTHS[brand]:
            continue  # braintree tests prefixes with numbers of any length
        for i, (sname, fmt) in enumerate(seps):
            n += 1
            ctx = contexts[(n + i) % len(contexts)]
            b = f"/{brand}" if brand else ""
            tests.append(case(f"brand-{v['brand']}-{sname}-{n:03}", ctx.format(f"[[card{b}:{fmt(digits)}]]")))
    return tests


BRAND_MAP = {
    "visa": "visa", "mastercard": "mastercard", "american-express": "american-express",
    "diners-club": "diners-club", "discover": "discover", "jcb": "jcb", "unionpay": "unionpay",
    "maestro": "maestro", "mir": "mir", "elo": "elo", "hiper": "hiper", "hipercard": "hipercard",
    "verve": "verve", "troy": "troy", "uatp": "uatp",
}


# Issued lengths per brand (braintree/credit-card-type), to skip numbers the
# vectors carry only for prefix tests.
BRAND_LENGTHS = {
    "visa": {13, 16, 18, 19}, "mastercard": {16}, "american-express": {15},
    "diners-club": {14, 16, 19}, "discover": {16, 19}, "jcb": {16, 17, 18, 19},
    "unionpay": {14, 15, 16, 17, 18, 19}, "maestro": set(range(12, 20)),
    "mir": {16, 17, 18, 19}, "elo": {16}, "hiper": {16}, "hipercard": {16},
    "verve": {16, 18, 19},
}


def group(d):
    if len(d) == 15 and d[:2] in ("34", "37"):
        return [d[:4], d[4:10], d[10:]]
    if len(d) == 14:
        return [d[:4], d[4:10], d[10:]]
    return [d[i:i + 4] for i in range(0, len(d), 4)]


# ------------------------------------------------------------------ pan.toml
PAN = [
    # JCB's older prefixes 2131 and 1800 issued 15 digits (its 35 range 16
    # to 19): a card bare too. Fifteen digits in the 35 range are none.
    "[[card/jcb:213100000000019]]",
    "paid with [[card/jcb:1800 0000 0000 044]] today",
    "352800000000007",
    # Hipercard's 3841 ranges (16 and 19 digits) inside Diners Club's 38.
    "Hipercard [[card/hipercard:3841 0058 9908 8180 330]]",
    "card [[card/visa:4111 1111 1111 1111]] ok",
    "[[card/visa:4111-1111-1111-1111]]",
    "[[card/visa:4111.1111.1111.1111]]",
    "[[card/visa:4111/1111/1111/1111]]",
    "[[card/visa:4111\u00a01111\u00a01111\u00a01111]]",
    "[[card/visa:4111\u20091111\u20091111\u20091111]]",
    "[[card/visa:4111\u202f1111\u202f1111\u202f1111]]",
    "[[card/visa:4111\u20131111\u20131111\u20131111]]",
    "[[card/visa:4111\u20141111\u20141111\u20141111]]",
    "[[card/visa:4111\u30001111\u30001111\u30001111]]",
    "card: [[card/visa:4111\n1111\n1111\n1111]]",
    "card: [[card/visa:4111\r\n1111\r\n1111\r\n1111]]",
    "[[card/visa:4111 - 1111 - 1111 - 1111]]",
    "[[card/visa:4111  1111  1111  1111]]",
    "[[card/visa:4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1]]",
    "[[card/visa:41 111 1111 111 1111]]",
    "[[card/american-express:3782 822463 10005]]",
    "[[card/american-express:3782-822463-10005]]",
    "[[card/american-express:378282246310005]]",
    "[[card/diners-club:3056 930902 5904]]",
    "[[card/mastercard:5555 5555 5555 4444]]",
    "[[card/mastercard:2223 0031 2200 3222]]",
    "[[card/discover:6011 1111 1111 1117]]",
    "[[card/jcb:3530 1113 3330 0000]]",
    "[[card/unionpay:6205 5000 0000 0000 004]]",
    "[[card/visa:\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11]]",
    "[[card/visa:\uff14\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11]]",
    "[[card/visa:\U0001d7d2\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf\U0001d7cf]]",
    "[[card/visa:\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661]]",
    "[[card/visa:\u096a\u0967\u0967\u0967 \u0967\u0967\u0967\u0967 \u0967\u0967\u0967\u0967 \u0967\u0967\u0967\u0967]]",
    "zero width [[card/visa:4\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1\u200b1]]",
    "soft hyphen [[card/visa:4111\u00ad1111\u00ad1111\u00ad1111]]",
    "word joiner [[card/visa:4111\u20601111\u20601111\u20601111]]",
    "call me 555 1234 [[card/visa:4111 1111 1111 1111]]",
    # Cards printed as American Express and Diners Club cards are (4-6-5,
    # 4-6-4), after other digits in the same run.
    "ref 7 [[card/american-express:3782 822463 10005]] ok",
    "call 555 [[card/diners-club:3056 930902 5904]] now",
    "+1 555 123 4567 [[card/american-express:3782-822463-10005]]",
    "ref 2024 0001 [[card/mastercard:5555 5555 5555 4444]] thanks",
    "[[card/visa:4111 1111 1111 1111]] [[cvv:123]]",
    "[[card/visa:4111111111111111]] [[expiry:12/27]] [[cvv:123]]",
    "[[card/visa:4111-1111-1111-1111]], [[expiry:08/2029]], [[cvv:737]]",
    "card is [[card/visa:4111 1111 1111 1111]] exp [[expiry:12/27]] cvv [[cvv:123]]",
    "(card [[card/visa:4111111111111111]])",
    "\"[[card/visa:4111111111111111]]\"",
    "pan=[[card/visa:4111111111111111]]&x=1",
    "#[[card/visa:4111111111111111]]",
    "$ [[card/visa:4111111111111111]]",
    "caf\u00e9 \U0001f600 [[card/visa:4111 1111 1111 1111]] \u4f60\u597d",
    "\u6211\u7684\u5361\u53f7\u662f [[card/visa:4111111111111111]]",
    "<b>[[card/visa:4111111111111111]]</b>",
    "{\"card\": \"[[card/visa:4111111111111111]]\"}",
    "first [[card/visa:4111111111111111]] second [[card/mastercard:5555555555554444]]",
    "[[card/visa:4012 8888 8888 1881]]",
    "[[card/visa:4222222222222]]",
    "test card [[card/visa:4242 4242 4242 4242]] please",
    "[[card/visa:4111 1111 1111 1111]]\n[[cvv:123]]",
    "https://shop.example/pay/[[card/visa:4111111111111111]]",
    "card number [[card:1234 5678 1234 5670]]",
    "visa [[card/visa:4111111111111111110]]",
    "[[card/visa:4111 1111 1111 1111 110]]",
    "italic _[[card/visa:4111 1111 1111 1111]]_ in markdown",
    "bold __[[card/mastercard:5555555555554444]]__",
    "my card is[[card/visa:4111 1111 1111 1111]]",
    "my card is[[card/visa:4111-1111-1111 1111]]",
    "card:[[card/visa:4111-1111-1111-1111]]thanks",
    "masked ********[[card/visa:4111-1111-1111-1111]] typed after",
    # A card typed after a mask, its groups joined by one separator each.
    "my card was ******** and [[card/visa:4111-1111-1111 1111]]",
    "old card ************ uh [[card/mastercard:5555 5555-5555 4444]] now",
    "masked ********[[card/visa:4111-1111 1111-1111]] typed after",
    # Fewer than eight mask characters after punctuation are no
    # redaction's mask: the digits glued to them are not digits a mask kept.
    "bold (***[[card/visa:4111-1111-1111 1111]]***)",
    "*[[card/mastercard:5555 5555-5555 4444]]",
    "uh[[card/visa:4111 1111 1111 1111]]",
    "[[card/visa:4111111111111111]]|[[expiry:12|2027]]|[[cvv:123]]",
    # Delimited records: the month and the year in fields of their own.
    "[[card/visa:4111111111111111]],[[expiry:12,27]],[[cvv:123]]",
    "[[card/mastercard:5555555555554444]];[[expiry:08;2029]];[[cvv:737]];Jane Roe",
    '"[[card/visa:4111111111111111]]","[[expiry:12","27]]","[[cvv:123]]"',
    "id,pan,mm,yy\n7,[[card/visa:4111111111111111]],[[expiry:8,29]]\n8,[[card/mastercard:5555555555554444]],[[expiry:12,2030]]",
    # Not a month, not a year, or not a field of its own.
    "[[card/visa:4111111111111111]],13,27,99",
    "[[card/visa:4111111111111111]],12,1999,x",
    "[[card/visa:4111111111111111]],12,27x",
    "[[card/visa:4111111111111111]],12;27",
    "[[card/mastercard:5555555555554444]]|[[expiry:08|29]]|[[cvv:737]]|JOHN SMITH",
    "| [[card/visa:4111 1111 1111 1111]] | [[expiry:12/27]] | [[cvv:123]] |",
    # A chance Luhn hit across a phone number and a card printed in fours: the card wins.
    "note 596-901-1199, [[card/discover:6011-1111-1111-1117]] is the card",
    # An SSN printed after "IMEI" is a number of its own: the word before it
    # does not reach the card on the next line, which "my card" after the
    # run names.
    "IMEI [[ssn:123-45-6789]]\n[[card/mastercard:5555 4111 1111]] is my card",
    # "card" introduces the number after it, not the IMEI-like number before.
    "device 019729267702754 registered - ok the new card is [[card/visa:4012888888881881]]",
    "old device 864423340580942 registered - cc [[card/discover:6011-1111-1111-1117]]",
    # A number glued to a card keyword stands on its own.
    "cc[[card/visa:4111111111111111]]",
    # A date after a card in a log line is neither a CVV nor an expiry date.
    "card [[card/visa:4111111111111111]] 2026-11-23 10:00",
    "under /cards/[[card/visa:4111111111111111]] in the log",
    # A not-a-card word gives way to "card" after it.
    "Need to see last 10 transaction of card [[card/jcb:3566002020360505]]",
    "visa-[[card/visa:4111111111111111]]",
    "ref-[[card/visa:4111-1111-1111 1111]]",
    "my amex is-[[card/american-express:3714 496353 98431]]",
    # A window grouped as cards are wins over a longer one at its start.
    "card [[card/discover:6011 1111 1111 1117]] [[cvv:6 7 7 7]]",
    # Grouped by thousands, as speech-to-text may print a number read
    # without pauses: a card when a card keyword introduces all of it, or
    # when it checks out as a card of a brand's length and starts with one
    # or two digits (no amount runs to thirteen digits).
    "my card number is [[card/visa:4,242,424,242,424,242]].",
    "[[card/visa:4,242,424,242,424,242]]",
    "Customer: It's [[card/visa:4,012,888,888,881,881]].",
    "it's $[[card/mastercard:5,555,555,555,554,444]]",
    "card: [[card/mastercard:5,555,555,555,554,444]] exp [[expiry:12/27]]",
    "card [[card/visa:4242,4242,4242,4242]]",
    # A list of numbers, one per line: a number alone on its line stands
    # alone (UATP's one-digit prefix needs that, or a keyword).
    "[[card/visa:4012888888881881]]\n[[card/uatp:122000000000003]]\n[[card/american-express:371449635398431]]",
    "call 555 123 4567\n[[card/uatp:122000000000003]] ok",
    # A card read out from a time's last number on ("at 10:41 11 …").
    "12:[[card/visa:4 111 1111 1111 1111]] ok",
    "at 10:[[card/visa:41 11 1111 1111 1111]] ok",
    "[10:03] [[card/visa:4111 1111 1111 1111]] exp [[expiry:12/27]] [12:04:05.123Z]",
    # Dots between fours join the short last group of a 13-, 14- or
    # 19-digit card: after three fours a dot is no decimal point.
    "card [[card/visa:4222.2222.2222.2]]",
    "card no [[card/unionpay:6205.5000.0000.0000.004]].",
    "[[card/diners-club:3056.9309.0259.04]]",
    "v2024.1001.2003.5 released",
    "total 1234.5678.9012.34",
    # A card that ends a log line is found before the next record.
    "pay [[card/visa:4111 1111 1111 1111]]\n2026-11-05 10:01:07,120 INFO ok",
    "card=[[card/visa:4111111111111111]]\n2026-11-05T10:01:07Z INFO x",
]

NEGATIVE = [
    "order 12345678 shipped",
    # After a not-a-card word, digits read out one by one are that number.
    "agent: your order number is 4 0 1 2 8 8 8 8 8 8 8 8 1 8 8 1",
    "the confirmation number is four one one one one one one one one one one one one one one one",
    # Grouped by thousands without a card keyword and failing the check,
    # or only part of a longer number, or a row of three-digit values, or
    # in fours glued by commas: amounts and CSV rows.
    "4,242,424,242,424,243",
    "total 1,234,567,890,123,456 units",
    "card: 4,242,424,242,424,242,111",
    "412,345,678,901,234,561",
    "2021,2022,2023,2024",
    "4242,4242,4242,4242",
    "card 4242,4242,4242,4242,4242",
    "412,345,678,901,234,567,890",
    "ssn 12,345,6789",
    "order #4111111111111111",
    "IMEI 352099001761481",
    "imei: 490154203237518",
    "tracking 1Z999AA10123456784",
    "tracking number 9400111899223100000000",
    "IBAN GB82 WEST 1234 5698 7654 32",
    "IBAN DE89 3704 0044 0532 0130 00",
    "iban: NL91ABNA0417164300",
    "ts=1700000000123 level=info msg=ok",
    "2026-11-23T15:10:37.123Z request took 1234 ms",
    "price 1234567890123.45 ok",
    "pi is 3.14159265358979",
    "uuid 12345678-1234-1234-1234-123456789012",
    "id 550e8400-e29b-41d4-a716-446655440000",
    "abc4111111111111111",
    "4111111111111111abc",
    "token x4111111111111111y",
    "https://example.com/items/a4111111111111111b",
    "4012 8888 8888 1882",
    "4111 1111 1111 1112",
    "41111111111111111111111",
    "phone +1 (555) 123-4567",
    "call 020 7946 0958 or 0207 946 0958",
    "ISBN 978-3-16-148410-0",
    "amount 1,234,567,890,123,456",
    "1,234.56 and 7,890.12",
    "version 1.2.3.4",
    "ip 192.168.100.200",
    "12/27 is a date",
    "room 123",
    "I am 42 years old",
    "call me at 4567",
    "zip 90210",
    "the year 2024",
    "invoice 4111111111111111",
    "account 000123456789",
    "serial 4111111111111111",
    "2026-11-23 15:10:37 user=4 status=200 bytes=4096",
    "000-00-0000",
    "666-12-3456",
    "900-12-3456",
    "123-00-4567",
    "123-45-0000",
    "123456789",
    "nine digits 123456789 here",
    "1234 5678 9012 3456",
    "0000 0000 0000 0000",
    "5105 1051 0510 5106",
    "transaction 6011000990139424",
    "lot 12345 67890 12345",
    "USPS 9400 1111 1111 1111 1111 11",
    "shipment 4111 1111 1111 1111 4111 1111 1111 1111 23",
    "txn_id=4539148803436467 status=ok",
    "order 12345678, for 4 items",
    "sku 4111 - 1111 - 22",
    "| 1234 | 5678 | 9012 | 3456 |",
    "a|b|123|c",
    "ref AB4111 1111 1111",
    "user_id=4539148803436467 status=ok",
    "masked ************1111 2222 3333",
    "shipment 4111 1111  4111 1111 1111 1111 4111 1111 1 ssn",
    # "cc" inside a hexadecimal id is no card keyword.
    "trace span=ed5b13c3847d29cc parent=169713658154",
    "span=0d0e852325cc18af parent=649099863429",
    # Numerals joined by a filler word are one number only when grouped like a card.
    "new room 508 - \nand 125-668-1243 - was",
    # A number that is a path segment of a URL is an identifier.
    "http://support.zendesk.com/tickets/4111111111111111",
    "GET /api/v1/users/5555555555554444/profile 200",
    "/knowledge/articles/4402126792468/en-us",
    "https://help.example.com/hc/en-us/articles/4402126792468-How-to-reset",
    # Part of a mistyped card printed in fours is no card, keyword or not.
    "Stripe says 4242 4242 4242 4241 is an invalid card number",
    "card 4242 4242 4242 4241",
    # A number of up to four digits joined to a word by a dash is part of it.
    "EAN-13 5901234123457",
    "see PAY-4111 and the ticket",
    # A North American phone number standing alone is no CVV, PIN or
    # expiry date, after their keywords too.
    "Your CVV is never stored. Call 800 123 4567 for help.",
    "We never ask for your security code. Call (800) 123-4567.",
    "security code questions? call 800.123.4567",
    "pin reset line 555-123-4567",
    "CVV: [[cvv:737]] Tel: (800) 555-0199",
    "cvv [[cvv:737]] 800 123 4567",
    # A log record's timestamp that starts a line starts a record of its
    # own: no number runs on into it from the line before, so the digits
    # of its year make no card and its date no expiry date with them.
    "ref 4111 1111 1113\n2026-11-05T10:01:07Z INFO sent",
    "ref 4111 1111 1113\n2026-11-05T10:01:07.250Z INFO sent to the bank after a retry, ts=1705619185495 req=861306563 took=12ms",
    "id 4111 1111 1113\n2026-11-05 10:01:07,120 INFO sent",
    "phone=+1 555 848 0207\n2026/11/28 12:58:11 INFO ts=1705619185495",
]

SSN = [
    "SSN [[ssn:123-45-6789]]",
    "for ext 8317 [[ssn:078051120]] (ssn)",
    "meeting on 7/21 [[ssn:219 09 9999]] (ssn)",
    "IBAN GB50 NWBK 7268 2866 5510 78 - [[ssn:078-05-1120]] (ssn)",
    "ssn: [[ssn:123 45 6789]]",
    "my social is [[ssn:123456789]]",
    "social security number [[ssn:123-45-6789]]",
    "[[ssn:078-05-1120]]",
    "sample [[ssn:219-09-9999]]",
    "[[ssn:457-55-5462]]",
    "[[ssn:987-65-4320]]",
    "[[ssn:987-65-4329]]",
    "SSN#[[ssn:234567890]]",
    "ss# [[ssn:234-56-7890]]",
    "here it is [[ssn:321-54-9876]] ok",
    "ssn [[ssn:001-01-0001]]",
    "SSN: [[ssn:899-99-9999]]",
    "the ssn is [[ssn:123456789]].",
    "[[ssn:123-45-6789]] is my ssn",
    "[[ssn:078.05.1123]]",
    "my social is [[ssn:123,456,789]]",
    "[[ssn:234567890]] is my social",
    "s_s_n=[[ssn:234567890]]",
    # Nine digits with no SSN word around them: an id.
    "req=417204519 user=20417 took 12ms",
    "my ssn is [[ssn:078 05 1123]]",
    "price 123.45 today",
    # A formatted SSN stands on its own: a word for an id or a number of
    # another kind before it does not make it something else.
    "taxpayer id [[ssn:123-45-6789]]",
    "employee ID: [[ssn:234-56-7890]]",
    "member ref [[ssn:321-54-9876]] on file",
    "claim [[ssn:078.05.1123]]",
    # Bare nine digits after such a word stay an id.
    "employee id 234567890",
    # "SS" with a word for a number is the SSN's name too.
    "my ss number is [[ssn:234567890]]",
    "SS No: [[ssn:234567890]]",
    "ss num [[ssn:234567890]] thanks",
    "ss_number=[[ssn:234567890]]",
    # ...but not inside another word.
    "class number 234567890",
    "the boss no 234567890",
    # "Social media" names no security number, nor does a count.
    "my social media has 123456789 followers",
    "social network id 234567890",
    "my social is [[ssn:234567890]]",
    "my social media handle and ssn [[ssn:234567890]]",
    "social networks: 2, social: [[ssn:234567890]]",
]

CVV_EXP = [
    "card_number=[[card/visa:4111111111111111]]&expiry_month=[[expiry:12]]&expiry_year=[[expiry:27]]&security_code=[[cvv:123]]",
    "security_code: [[cvv:737]]",
    # "CV2", as UK issuers and processors name it; "cv code".
    "CV2: [[cvv:123]]",
    "the CV2 number is [[cvv:737]]",
    "cv code is [[cvv:321]]",
    # "CCV", as people often type it.
    "[[card/visa:4111 1111 1111 1111]] exp [[expiry:0926]] ccv [[cvv:737]]",
    "the CCV is [[cvv:123]]",
    "sec. code [[cvv:123]]",
    "and the code on back is [[cvv:4567]]",
    # Phrases written with hyphens, as kebab-case field names and
    # compound adjectives write them.
    "security-code: [[cvv:737]]",
    "<input name=\"card-verification\" value=\"[[cvv:123]]\">",
    "the four-digit code is [[cvv:1234]]",
    "three-digit code [[cvv:456]]",
    "exp-date [[expiry:12/27]] pin-number [[pin:4321]]",
    "card pass-code: [[pin:4321]]",
    "pin_code=[[pin:1234]]",
    "cvv [[cvv:123]]",
    "CVV: [[cvv:123]]",
    "cvv2 [[cvv:456]]",
    "CVC [[cvv:737]]",
    "cid [[cvv:1234]]",
    "security code [[cvv:392]]",
    "the security code is [[cvv:392]]",
    "my cvv is [[cvv:123]]",
    "it's [[cvv:123]] the cvv",
    "three digits on the back: [[cvv:321]]",
    "the code on the back of the card is [[cvv:987]]",
    # Other ways of saying where the code is printed.
    "ok and the code from the back [[cvv:456]]",
    "the digits at the back are [[cvv:456]]",
    "the three numbers from the back, [[cvv:four five six]]",
    "the code on the reverse is [[cvv:789]]",
    "the signature panel reads [[cvv:321]]",
    # "at the back" and "from the back" alone are places, not the code.
    "he came from the back door at 1234 main st",
    "we met at the back of the store at 830",
    "verification code [[cvv:555]]",
    "cvv [[cvv:123]], order 4567",
    "exp [[expiry:12/27]]",
    "expiry [[expiry:12/2027]]",
    "expires [[expiry:01-28]]",
    "exp [[expiry:12 27]]",
    "expiration date [[expiry:0927]]",
    "valid thru [[expiry:03/29]]",
    "exp date: [[expiry:11/2030]]",
    "good thru [[expiry:7/27]]",
    "Month/Year: [[expiry:08/27]]",
    "the month and year on the card are [[expiry:11/29]]",
    "The security code is [[cvv:4 5 6]].",
    "cvv: [[cvv:1 2 3 4]]",
    "pin [[pin:1234]]",
    "PIN: [[pin:987654]]",
    "pin number [[pin:4321]]",
    "passcode [[pin:24680]]",
    "my pin is [[pin:0000]]",
    # PINs of five to eleven digits, with the keyword before, after, or
    # across a line; without one, such a number is none of ours.
    "PIN:[[pin:1234567]].",
    "new passcode=[[pin:12345678]]&user=20417",
    "[[pin:8642097531]] is the pin",
    "pin\n[[pin:13579246801]]",
    "order 12345678 user=20417 ip 10.1.2.3 took 1234567ms",
    "[[track/visa:;4111111111111111=25121010000000000?]]",
    "[[track/visa:%B4111111111111111^DOE/JOHN^2512101000000000?]]",
    "swipe: [[track/mastercard:;5555555555554444=29121010000000000?]] done",
    "[[track/visa:%B4111111111111111^SMITH/JANE A^2712101123456789?]] ok",
    # Track 2 printed without its sentinels, as logs and exports hold it:
    # the card as one block, "=", the expiry date (YYMM), the service code
    # and discretionary data.
    "track2=[[track/visa:4111111111111111=25121010000000000]] ok",
    "swipe [[track/mastercard:5555555555554444=2912101?]], next",
    "data: [[track/visa:4111111111111111=2512101]]",
    # (No month in the digits after "=", or too few: the card alone.)
    "card=[[card/visa:4111111111111111]]=2513101",
    "[[card/visa:4111111111111111]]=25 ok",
    # (Digits that go on into a decimal number or a token: the card alone.)
    "[[card/visa:4111111111111111]]=2512101.50 paid",
    "[[card/visa:4111111111111111]]=2512101abc",
    "cvv 12",
    "cvv 12345",
    "the code is 123",
    "exp 13/27",
    "expires 00/27",
    "pin 12",
    "order 123",
    "12/27",
    # A keyword right before the next number speaks of that number.
    "phone +44 20 7946 0689, expires [[expiry:04-31]]",
    "the ext 571, cvc [[cvv:737]]",
    "and 02/20/2026, CVV: [[cvv:503]]",
    "room 610 - the security code is [[cvv:282]]",
    "from 10/12/2026 - expiration date [[expiry:07/27]]",
    # Keywords glued to their values.
    "[[card/visa:4242424242424242]] EXP[[expiry:0627]] CVV[[cvv:123]]",
    "exp[[expiry:06/2027]]",
    # Expiry dates printed with a dot, after an expiry keyword only:
    # without one, or glued to more digits or letters, they are prices,
    # versions and decimals.
    "my card is [[card/visa:4111 1111 1111 1111]] exp [[expiry:12.27]] cvv [[cvv:123]]",
    "exp. [[expiry:08.29]]",
    "valid thru [[expiry:1.28]], cvv [[cvv:456]]",
    "expires [[expiry:12.2027]]",
    "[[expiry:06.30]] is the expiry date",
    "it was $12.27 in total, the card expires soon",
    "exp 12.27.33",
    "expiry 13.27",
    "v1.12 expired",
    "the lease on 10.12.27.4 expires at noon",
    "renewal fee when it expires: $12.27",
    "the expiry fee is £8.29 or €12.30",
    "it was 9.99 in total, thanks; the update is 1.12 now",
    "good thru [[expiry:09.28]]; MM/YY: [[expiry:11.29]]",
    "date on the card [[expiry:03.30]]",
    # Year-first expiry dates, after an expiry keyword only.
    "Expiry: [[expiry:2027-12]]",
    "\"exp_date\": \"[[expiry:2029-08]]\"",
    # Year and month in one group (YYMM), as track data and some gateways
    # write them, where no month comes first and no year is meant.
    '{"pan":"[[card/visa:4111111111111111]]","expiry":"[[expiry:2812]]","cvv":"[[cvv:123]]"}',
    "card expiry [[expiry:3001]]",
    "the card expires 2030",
    "expired in 2012, renewed 2019",
    "exp 1500 points",
    # Separators written in URL encoding, as in a query string.
    "GET /pay?card=[[card/visa:4111%201111%201111%201111]]&exp=[[expiry:12%2F27]]&cvv=[[cvv:123]] HTTP/1.1",
    "q=[[card/visa:4917%206100%200000%200000%20003]]",
    "number=[[card/mastercard:5555%2D5555%2D5555%2D4444]]",
    "card%20[[card/visa:4111111111111111]]",
    "discount=50%20off&items=3%20of%205",
    # Separators written as HTML character references, as HTML transcripts
    # write a no-break space, and as JSON escapes, as JSON written in
    # ASCII holds any character outside it.
    "<p>Card: [[card/visa:4111&nbsp;1111&nbsp;1111&nbsp;1111]]</p>",
    "Card: [[card/mastercard:5555&#160;5555&#160;5555&#160;4444]] exp [[expiry:12&#x2F;27]]",
    "card [[card/visa:4242&ndash;4242&ndash;4242&ndash;4242]]",
    '{"text":"my card is [[card/visa:4111\\u00a01111\\u00a01111\\u00a01111]], cvv:\\u00a0[[cvv:737]]"}',
    '{"text":"[[card/american-express:3782\\u2009822463\\u200910005]]"}',
    # The digits of a reference or an escape are no number.
    "it&#8217;s &#8220;4111&#8221; and R&amp;D 2026",
    '{"text":"\\u00a0123 and \\u2009 4567"}',
    # The month and the year in fields of their own.
    '{"cardNumber":"[[card/mastercard:5200828282828210]]","expiryMonth":"[[expiry:03]]","expiryYear":"[[expiry:2030]]","cvv":"[[cvv:123]]"}',
    '"last4":"4242","exp_month":[[expiry:8]],"exp_year":[[expiry:2026]]',
    "expiration month [[expiry:08]], expiration year [[expiry:29]]",
    "card_exp_month=[[expiry:7]]&card_exp_year=[[expiry:2031]]",
    # "year" alone right after an expiry month's value is that date's year.
    "expiry month [[expiry:12]] year [[expiry:27]]",
    "the expiration month [[expiry:08]] and year [[expiry:2029]]",
    '{"exp_month": "[[expiry:12]]", "year": "[[expiry:2027]]"}',
    "exp_month=[[expiry:12]]&year=[[expiry:27]]",
    # "is" between the field's name and its value, "the" before "year".
    "the expiration month is [[expiry:08]] and the year is [[expiry:27]]",
    "expiry month is [[expiry:08]], year is [[expiry:2027]]",
    "card expiry year is [[expiry:2030]]",
    # ("is" after a name that is no expiry field's; a year out of range.)
    "the month is 08 and the year is 27",
    "expiry month is [[expiry:08]] and the year is 1999",
    # Not a month, not a year, or no expiry keyword.
    "month 12 year 2024",
    "the 3 month 12 year plan",
    "exp month 123 year 27",
    "expiry month is 13 and the year is 27",
    "exp_month=13 exp_year=1999 exp_month_count=123",
    '{"birth_month": 8, "year": 2026, "month": 11}',
    "expiry [[expiry:2029/08]]",
    "expires 2029-08-15 at the latest",
    "creditcard [[card/visa:4111 1111 1111 1111]]exp[[expiry:06/17]]",
    "exp date [[expiry:Aug '29]]",
    # A bare "code" right after a card and its expiry labels the CVV.
    "Card [[card/visa:4111 1111 1111 1111]], expires [[expiry:12/27]], code [[cvv:123]], PIN [[pin:4321]]",
    # "code is" right after a card and its expiry labels the CVV too.
    "[[card/visa:4111 1111 1111 1111]] expires [[expiry:04/27]] code is [[cvv:123]]",
    "card [[card/visa:4111 1111 1111 1111]] zip code 12345",
    # One group of four (or six) digits that reads as MMYY right after a
    # card whose CVV has three digits is its expiry date; after an
    # American Express card (a four-digit CID) it is the CID.
    "card [[card/visa:4111111111111111]] [[expiry:1227]] [[cvv:123]]",
    "[[card/visa:4111 1111 1111 1111]] [[expiry:122027]] [[cvv:123]]",
    "[[card/mastercard:5555555555554444]], [[expiry:0829]]",
    "amex [[card/american-express:378282246310005]] [[cvv:1227]]",
    "[[card/visa:4111 1111 1111 1111]] [[cvv:1327]] ok",
    # A separator said as a word.
    "expiration is [[expiry:12 slash 27]]",
    # A slash between spaces.
    "Expiration date: [[expiry:10 / 2027]]",
    "card [[card/visa:4242 4242 4242 4242]], exp [[expiry:12 / 29]], cvv [[cvv:123]]",
    "the pages 10 / 20",
    # Field names: compound and camelCase.
    "<input name=\"ccnum\" value=\"[[card/visa:4111111111111111]]\"><input name=\"ccexp\" value=\"[[expiry:1229]]\">",
    "{\"securityCode\":\"[[cvv:123]]\"}",
    "my amex is [[card/american-express:3714 496353 98431]] and the 4 digit code on the front is [[cvv:7373]]",
    # A number that counts digits ("three digit code") belongs to the
    # keyword, not to the card or date before it.
    "card [[card/visa:4111 1111 1111 1111]] three digit code [[cvv:123]]",
    "[[card/mastercard:5555 5555 5555 4444]] three digit code is [[cvv:737]]",
    "card number [[card/american-express:378282246310005]] and four digit code [[cvv:1234]]",
    "ok [[card/visa:4111111111111111]], 3 digit code [[cvv:123]]",
    "[[card/visa:4012 8888 8888 1881]] - 3-digit code [[cvv:456]]",
    "expiry is [[expiry:12/27]] three digit code [[cvv:123]]",
    "it's 12/27. three digit code [[cvv:321]]",
    "the security code is [[cvv:321]]\nthree digit code [[cvv:654]]",
    # The quick decision on digit groups ends the run there too.
    "typed [[card/visa:4111111 111111111]] 2 digits wrong",
    # A group of one or two digits before "digit" that completes a card
    # with the groups before it is the card's last group.
    "[[card/visa:4012 8888 8888 1]]-digit code ok",
    # A card group is no count of digits, nor is "digit by digit".
    "my card is [[card/visa:4111 1111 1111 1111]] digits ok",
    "card [[card/mastercard:5555 5555 5555 4444]] digit by digit",
    "card [[card/visa:4111 1111 1111 1111]] 16 digits in all",
    # "three digits" names a CVV as "three digit code" does, unless a
    # later word names the number as something else.
    "the three digits are [[cvv:123]]",
    "the 3 digits: [[cvv:456]]",
    "enter the last 3 digits of your phone number: 567",
    # More labels printed on cards and said on calls.
    "card verification [[cvv:123]]",
    "the code at the back is [[cvv:321]]",
    "VALID FROM 01/23 VALID TO [[expiry:12/27]]",
    "valid till [[expiry:12/27]]",
    "good till [[expiry:09/28]]",
    "expires end [[expiry:12/27]]",
    # A bare "code" or "security" labels the CVV after a card and its
    # expiry date, after a few connecting words; connecting words alone
    # label nothing.
    "the card number is [[card/visa:4111 1111 1111 1111]] the expiry is [[expiry:12 27]] and the code is [[cvv:123]]",
    "number is [[card/visa:4111 1111 1111 1111]] expiry [[expiry:1227]] security [[cvv:123]]",
    "card [[card/visa:4111 1111 1111 1111]] and the code [[cvv:737]]",
    "card [[card/visa:4111 1111 1111 1111]] and the 300 others",
    # Up to four quotes, colons, equals signs or spaces after the name of
    # an expiry month or year field.
    "{\"exp_month\": \"[[expiry:08]]\", \"exp_year\": \"[[expiry:2027]]\"}",
    "exp_month = '[[expiry:8]]'",
    # An expiry date typed a digit at a time, as speech-to-text may print
    # one read out.
    "expiration [[expiry:1 2 2 7]]",
    "exp [[expiry:0 9 / 2 7]]",
    "exp date [[expiry:1, 2, 2, 0, 2, 7]]",
    "the card number is [[card/visa:4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1]] expiration [[expiry:1 2 2 7]] cvv [[cvv:1 2 3]]",
    "exp 1 3 2 7",
    "expires [[expiry:0 9 2 8]] 1 1",
    "cvv [[cvv:1 2 3 4]]",
    # Field names written in camelCase after a longer word that ends
    # glued to them ("cards" in "CardSecurityCode"), a "back code", and
    # PayPal's expire_month and expire_year.
    "CardSecurityCode: [[cvv:1234]]",
    "{\"cardSecurityCode\":\"[[cvv:737]]\"}",
    "the back code is [[cvv:123]]",
    "expire_month=[[expiry:11]]&expire_year=[[expiry:2029]]",
    "the cardholder pin [[pin:4321]]",
    "cardsHolder 1234",
    "expired_months 11",
    # A comma and a space between month and year, as speech-to-text
    # prints a pause, after a card or an expiry keyword; not elsewhere.
    "[[card/visa:4111 1111 1111 1111]], [[expiry:12, 27]], [[cvv:123]]",
    "it's [[card/mastercard:5555 5555 5555 4444]], [[expiry:09, 2028]], [[cvv:737]]",
    "card [[card/visa:4111 1111 1111 1111]] exp [[expiry:12, 27]] cvv [[cvv:123]]",
    "we have 12, 27 and 30 items",
    "order 12345678, 12, 27",
    # URL-encoded query strings: a URL-encoded character whose code ends
    # in a letter ("%3D", "%2C") is a boundary, as the character itself
    # would be. A `+` glued to groups of three digits or more joins them,
    # as a form-encoded value writes a space; between shorter numbers it
    # is a sum and joins nothing.
    "card_number%3D[[card/visa:4111111111111111]]%26cvv%3D[[cvv:123]]%26exp%3D[[expiry:1227]]",
    "q=%3A[[card/mastercard:5555555555554444]]%2C",
    # A code of two digits is read as digits: a card may follow a '%'.
    "my amex is%[[card/american-express:3714 496353 98431]]",
    "pin%3D[[pin:4321]]",
    "the sum 12+34+56",
    "the sum 12+[[card/american-express:347 7 7 7 7 7 7 7 7 7 7 7 7]]",
    "POST /pay card_number=[[card/visa:4111+1111+1111+1111]]&cvv=[[cvv:123]]&exp=[[expiry:12%2F27]]",
    "cc=[[card/american-express:3782+822463+10005]]&name=J+Smith",
    "q=card+[[card/mastercard:5555+5555+5555+4444]]+exp+[[expiry:12/27]]",
    "total=1234+5678&items=3",
    "phone=+1+555+123+4567",
    "order%3D12345678",
    # Form fields with brackets, plain and URL-encoded.
    "card[number]=[[card/visa:4111111111111111]]&card[cvc]=[[cvv:123]]&card[exp_month]=[[expiry:12]]&card[exp_year]=[[expiry:2027]]",
    "card%5Bnumber%5D=[[card/visa:4111111111111111]]&card%5Bcvc%5D=[[cvv:737]]",
    "items[month]=12",
    # Line breaks and tabs escaped with a backslash, as JSON log lines
    # hold them inside strings, stand where the character would.
    '{"log":"card:\\t[[card/visa:4111111111111111]]\\nexp:\\t[[expiry:12/27]]\\ncvv:\\t[[cvv:123]]"}',
    'msg="payment\\n[[card/visa:4111111111111111]]"',
    "see\\nexts 4111",
    # A card glued to a keyword on its right: the space left out.
    "[[card/visa:4111111111111111]]exp [[expiry:12/27]]",
    "card:[[card/mastercard:5555555555554444]]cvv:[[cvv:123]]",
    "[[card/visa:4111 1111 1111 1111]]expiry [[expiry:12/27]]",
    # (Glued to a word that is no keyword, it is a token.)
    "ts=1712345678901ms batch 4111111111111111abc",
    # After a card, its expiry date and CVV on lines of their own, the
    # line breaks escaped; the closing quote ends the last line.
    '{"msg":"[[card/visa:4111111111111111]]\\n[[expiry:12/27]]\\n[[cvv:123]]"}',
    '{"msg":"[[card/mastercard:5555 5555 5555 4444]]\\r\\n[[cvv:737]]"}',
    # (A number that does not end its line is no CVV, as with a real one.)
    '{"msg":"[[card/visa:4111111111111111]]\\n123 main street"}',
    # The four digits printed on the front of an American Express card.
    "the four digit number on the front is [[cvv:1234]]",
    "and the 4 digits on the front: [[cvv:4321]]",
    "the number on the front is [[card/visa:4111 1111 1111 1111]]",
    # A keyword's reach ends with its sentence: a full stop or an
    # exclamation mark and a capital. A short answer may start the next
    # ("It's", "Sure"), and a question mark ends no reach.
    "Please do not share your security code. Room 204 is ready.",
    "We will never ask for your CVV! Call us at ext 412.",
    "Never share your PIN. Your balance is 1234 dollars.",
    "I forgot my pin. I was born in 1984.",
    "Do not share your PIN with anyone. Your account ending 4321 is safe.",
    "Your card expires soon. Visit us at 12/27 Main St.",
    "What's the CVV? It's [[cvv:123]]",
    "The security code. It's [[cvv:737]].",
    "Your CVV please. Sure, [[cvv:737]].",
    "Security code please. [[cvv:737]]",
    "cvv.\n[[cvv:737]]",
    # A code sent for one sign-in is no card's PIN.
    "Your one-time passcode is 482913",
    "your one time PIN is 4821, valid for 5 minutes",
    "one-time passcode 4821, and my card pin is [[pin:1234]]",
    # A one-time code is short: a number of card length after its name is
    # a card typed where the code was asked for.
    "your one time PIN [[card/visa:4111111111111111]]",
    "one-time passcode: [[card/american-express:378282246310005]] sorry wrong box",
    # A quantity (a unit or a count after it) or a year after "in" is no
    # CVV, PIN or expiry date.
    "the cvv check failed 1000 times last month",
    "cvv mismatch rate was 125% higher",
    "pin reset takes 1440 minutes",
    "you can change your pin at any of our 2000 ATMs",
    "cards expire after 1095 days",
    "the cvv changed in 2023",
    "my pin is [[pin:1984]]",
    "cvv [[cvv:737]] thanks",
    "my pin is fine but I owe $1234",
    "cvv ok, charged €737",
    "PIN changed on 12/27",
    "my pin is [[pin:12 34]]",
    # The names JCB (CAV), Discover (CVD) and UnionPay (CVN2) give it.
    "CAV: [[cvv:123]]",
    "cvd [[cvv:737]]",
    "CVN2 [[cvv:737]]",
    # Track 1 printed without its sentinels: "B", the card, the name
    # between carets, then digits that start with an expiry date.
    "track1=[[track/visa:B4111111111111111^DOE/JOHN^2512101000000000]] ok",
    "swipe [[track/mastercard:B5555555555554444^SMITH/JANE A^2912101?]], next",
    # (No caret and name, or no month: no track, and a card glued to a
    # letter is none.)
    "B4111111111111111 ok",
    "B4111111111111111^DOE/JOHN^2513101",
    # A meeting's passcode, or the PIN of a lock that the word before the
    # keyword names, is no card's PIN; a card word after it makes the next
    # one a card's again, and so does a new sentence.
    "Zoom meeting ID: 845 1234 5678 passcode 482913",
    "Join the meeting: 412 345 6789, passcode: 4821",
    "my voicemail pin is 4321",
    "the wifi passcode is 55512345",
    "SIM PIN 1234",
    "my door code is 1234 and my card pin is [[pin:5678]]",
    "voicemail pin 4321, atm pin [[pin:1234]]",
    "The meeting is at 3. My pin is [[pin:4821]]",
    "my pin is [[pin:4821]]",
    # An Indian postal code is a "PIN code" too: six digits, the first 1
    # to 8, after "pincode" as one word, after "postal", "area" or
    # "delivery", or in a sentence that names an address. A card word
    # before it, a new sentence, four digits, or "pin code" with none of
    # these leave a card's PIN.
    "pincode 560001",
    "my address is 12 MG Road, Bangalore, pin code 560001",
    "deliver to Sector 5, Noida, PIN 201301",
    "postal pin code 400001",
    "the area pincode is 110 001",
    "my atm pincode is [[pin:123456]]",
    "pincode [[pin:1234]]",
    "my pin code is [[pin:560001]]",
    "my address is 4 Elm Road. My pin is [[pin:560001]]",
    "pincode [[pin:960001]]",
    # A list of fields names their values in its order: the keyword right
    # before a number need not be its own ("Expiry/CVV: 03/27 / 737"),
    # and "and" may join the values as it joins the names. A list that
    # puts the CVV first reads a three-digit number as the CVV and the
    # date after it as the expiry date.
    "Expiry/CVV: [[expiry:03/27]] / [[cvv:737]]",
    "expiry date and cvv: [[expiry:03/27]] [[cvv:123]]",
    "Agent: Can I have the expiration date and security code?\nCustomer: [[expiry:03/27]] and [[cvv:737]]",
    "Agent: the security code and expiration date?\nCustomer: [[cvv:737]], [[expiry:03/27]]",
    "cvv and expiry: [[cvv:737]] and [[expiry:03 27]]",
    "card expiry & cvv: [[expiry:12/27]] & [[cvv:999]]",
    "Expiry, CVV and ZIP: [[expiry:03/27]], [[cvv:737]], 94103",
    "card number, expiry and cvv: [[card/visa:4111 1111 1111 1111]], [[expiry:03/27]] and [[cvv:737]]",
    "card number and cvv: [[card/visa:4111 1111 1111 1111]] and [[cvv:737]]",
    # No list: a joint with other words, or only "and" after an expiry
    # date a lone keyword named.
    "exp and cvv are required fields. Order 123 shipped",
    "expiry/cvv mismatch on 125 orders",
    "exp [[expiry:03/27]] and 737",
    "card [[card/visa:4111 1111 1111 1111]] and 737 others",
    # A value that opens a turn answers the question before it: an expiry
    # month's or year's field named at the question's end, or a month or
    # a year asked for with a word for the expiry; and a year asked for
    # right after a turn that answered the month's question with the
    # month alone. A month of another date, a value that is no month, or
    # a question that names no expiry, leave it.
    "Agent: What is the expiration month?\nCustomer: [[expiry:03]]\nAgent: And the expiration year?\nCustomer: [[expiry:2027]]",
    "agent: the expiration month?\ncustomer: [[expiry:march]]\nagent: and year?\ncustomer: [[expiry:twenty seven]]",
    "Agent: what month does it expire?\nCustomer: [[expiry:oh three]]\nAgent: and what year does it expire?\nCustomer: [[expiry:27]]",
    "[10:01:07] Agent: What is the expiration month?\n[10:01:12] Customer: [[expiry:03]]",
    "Agent: and the expiry year please\nCustomer: [[expiry:twenty seven]]",
    "Agent: what month were you born?\nCustomer: March\nAgent: and the year?\nCustomer: 90",
    "Agent: exp month?\nCustomer: 13",
    "Agent: which month?\nCustomer: 03",
    # A few words may open the answer before its value ("it's", "yeah").
    "Agent: What is the expiration month?\nCustomer: it's [[expiry:03]]",
    "Agent: expiration year?\nCustomer: it's [[expiry:2027]]",
    "Agent: what month does it expire?\nCustomer: yeah [[expiry:oh three]]",
    "Agent: which month?\nCustomer: it's 03",
    # The other side's turn on the same line ends a sentence without
    # ending the keyword's reach, as a line break does; a field's name
    # with a colon ends it.
    "Agent: expiry date please. Customer: [[expiry:03/27]]",
    "Agent: Your security code please. Caller: [[cvv:737]]",
    "Agent: Never share your PIN. Customer: ok my order is 12345",
    "Never share your PIN. Balance: 1234",
    # A correction takes back the number before for the one after, which
    # is of its kind: "sorry", "I mean", "no wait", "actually".
    "cvv [[cvv:123]], sorry, I mean [[cvv:132]]",
    "Agent: CVV? Customer: [[cvv:123]], no wait, [[cvv:132]]",
    "exp [[expiry:04/26]] sorry [[expiry:05/27]]",
    "the code on the back is [[cvv:123]] um actually [[cvv:132]]",
    "cvv [[cvv:123]], no, [[cvv:132]], sorry, [[cvv:137]]",
    # Other words between are no correction; nor is one after a number of
    # no kind.
    "cvv [[cvv:123]] and my zip is 94103",
    "cvv [[cvv:123]] order 4567",
    "the total is 123, sorry, 132",
    # A chip card's track 2 data, as EMV tag 57 prints it: the card number,
    # `D` for the stripe's `=`, the expiry date, the service code and
    # discretionary digits, maybe padded with an `F`; masked whole.
    "tag57=[[track:4761739001010010D25122011000000000F]]",
    "track2: [[track:5413330089010434D22122010000000000000F]] end",
    "pan=[[track:4111111111111111D2512]]",
    "[[track:4111111111111111d2512201000f]]",
    # Not one: a number that fails the Luhn check, a month that is none,
    # or a token glued to a letter on the left.
    "4111111111111112D2512201",
    "4111111111111111D2513",
    "x4111111111111111D2512",
    # A code of three digits typed in two groups, as speech-to-text may print
    # one read out: after its keyword only, and as all of what is left.
    "cvv is [[cvv:73 7]]",
    "the security code is [[cvv:7 37]] thanks",
    "room 73 7",
    "cvv [[cvv:737]] 73 7",
]

SPOKEN = [
    "it's [[card/visa:four one one one one one one one one one one one one one one one]]",
    "card number [[card/visa:four one one one, one one one one, one one one one, one one one one]]",
    "[[card/visa:Four One One One One One One One One One One One One One One One]]",
    "[[card/visa:FOUR ONE ONE ONE ONE ONE ONE ONE ONE ONE ONE ONE ONE ONE ONE ONE]]",
    "my card is [[card/visa:4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1]]",
    "it's [[card/visa:four one one one uh one one one one um one one one one one one one one]]",
    "[[card/visa:four one one one... one one one one... one one one one... one one one one]]",
    "[[card/visa:four one one one \u2026 one one one one \u2026 one one one one \u2026 one one one one]]",
    # A transcriber's tag between the groups read out, as a filler word.
    "it's [[card/visa:four one one one [inaudible] one one one one one one one one one one one one]]",
    "customer: [[card/visa:four one one one <unk> one one one one, one one one one (crosstalk) one one one one]] ok",
    # (Not glued to the digits, and no tag between other numbers.)
    "call 555 (home) 1234 ok",
    "room 12 (east wing) 34",
    "[[card/mastercard:five five five five five five five five five five five five four four four four]]",
    "[[card/mastercard:double five double five double five double five double five double five four four four four]]",
    "[[card/mastercard:five five five five, triple five five, five five five five, four four four four]]",
    # Words that name the next group a caller reads out join the groups.
    "it's [[card/visa:four one one one, then one one one one, then one one one one, and the last four are one one one one]]",
    "[[card/visa:four one one one one one one one one one one one next four one one one one]]",
    "[[card/mastercard:five five five five five five five five five five five five, the last four digits are four four four four]]",
    "my number is five five five, one two three, and the last four are four five six seven",
    # Typed groups too, and the words without a count ("and last", "finally").
    "the card is [[card/visa:4111 1111 1111 last four 1111]]",
    "ok [[card/visa:4111 then 1111 then 1111 and last 1111]] thanks",
    "[[card/mastercard:5555 5555 5555 and finally 4444]]",
    "it's [[card/visa:four one one one one one one one one one one one and last one one one one]]",
    "[[card/visa:four zero one two eight eight eight eight eight eight eight eight and finally one eight eight one]]",
    "my number is 555 123 and the last four are 4567",
    "4111 1111 1111 lasting 1111",
    # "treble" (UK) and "quadruple" repeat the next digit as "triple" does.
    "[[card/visa:four treble one, one one one one, one one one one, one one one one]]",
    "[[card/mastercard:quadruple five quadruple five quadruple five quadruple four]]",
    "cvv [[cvv:treble seven]]",
    "[[card/visa:four oh one two eight eight eight eight eight eight eight eight one eight eight one]]",
    "[[card/visa:four zero one two eight eight eight eight eight eight eight eight one eight eight one]]",
    "[[card/visa:four o one two eight eight eight eight eight eight eight eight one eight eight one]]",
    "[[card/visa:forty one eleven eleven eleven eleven eleven eleven eleven]]",
    "[[card/visa:forty one eleven, eleven eleven, eleven eleven, eleven eleven]]",
    "[[card/visa:four one one one for one one one one one one one one one one one]]",
    "[[card/visa:4 one 1 one 1 one 1 one 1 one 1 one 1 one 1 one]]",
    "the number is [[card/american-express:three seven eight two eight two two four six three one zero zero zero five]]",
    "[[card/discover:six oh one one one one one one one one one one one one one seven]]",
    "card: [[card/visa:four two four two four two four two four two four two four two four two]]",
    # A fragment taken back is part of the card it starts: one finding.
    "[[card/visa:four one one one, sorry, four one one one one one one one one one one one one one one one]]",
    "[[card/american-express:three four seven eight, wait no, three seven eight two eight two two four six three one oh oh oh five]]",
    "[[card:four one one one one one one one one one one one one one one two]] on my card",
    "[[card/visa:four one one one one one one one one one one one one one one two]], sorry, [[card/visa:four one one one one one one one one one one one one one one one]]",
    "my card is [[card/visa:four one one one one one one one one one one one one one one two]] no wait [[card/visa:four one one one one one one one one one one one one one one one]]",
    "in April [[card/visa:4111 1111 1111 1111]] was my card",
    "it's [[card/mastercard:five five five five five five five five five five five five four four four three]] I mean [[card/mastercard:five five five five five five five five five five five five four four four four]]",
    "card [[card:four one two three four five six seven eight nine one two three four]]",
    "[[card/visa:four one one one one one one one one one one one one one one one]] [[expiry:oh four twenty seven]] [[cvv:three nine two]]",
    "the security code is [[cvv:three nine two]]",
    "security code [[cvv:three ninety two]]",
    "cvv is [[cvv:one two three]]",
    "my cvv [[cvv:seven three seven]]",
    "security code is [[cvv:one two three four]]",
    "the three digits on the back are [[cvv:four five six]]",
    "cvv [[cvv:double five six]]",
    "security code [[cvv:seven hundred and thirty seven]]",
    "security code [[cvv:four hundred twelve]]",
    "expires [[expiry:oh four twenty seven]]",
    "expiry [[expiry:twelve twenty seven]]",
    "expiration [[expiry:oh nine twenty twenty nine]]",
    "[[expiry:April twenty seven]] is the expiry",
    "it expires [[expiry:April twenty twenty seven]]",
    "exp [[expiry:Dec 27]]",
    "expiry date [[expiry:january twenty eight]]",
    "expires [[expiry:zero one two eight]]",
    "valid thru [[expiry:oh three slash twenty nine]]",
    # "O" for zero may open spoken digits too, as speech-to-text writes it
    # ("O three slash two seven"), when a digit word comes next.
    "expiry is [[expiry:o three slash two seven]]",
    "Agent: what's the expiry date\nCustomer: [[expiry:O three slash two seven]]",
    "Agent: what month and year is on the card?\nCustomer: [[expiry:march twenty seven]]",
    "the security code is [[cvv:o one two]]",
    "Big O two times faster",
    "expiry is o ring sized three",
    "my social is [[ssn:one two three, four five, six seven eight nine]]",
    "social security number [[ssn:one two three four five six seven eight nine]]",
    "ssn [[ssn:two three four five six seven eight nine oh]]",
    "my pin is [[pin:one two three four]]",
    "pin number [[pin:four three two one]]",
    "pin [[pin:double oh double seven]]",
    "one two three",
    "I have two kids and three dogs",
    "nineteen ninety nine dollars",
    "it costs nineteen ninety nine",
    "meet at two thirty",
    "call me at five five five one two three four five six seven",
    "my number is five five five, one two three, four five six seven",
    "one of the best",
    "one more thing",
    "for two people",
    "I need to go to the store for five minutes",
    "twenty twenty was a long year",
    "forty two is the answer",
    "room four oh four",
    "flight ten twenty",
    "Someone gave me four tickets",
    "the often asked question",
    "weighs three hundred pounds",
    "on the fifth of April twenty twenty",
    "a hundred and one dalmatians",
    "one two three four five six seven eight nine ten",
    "double check the order",
    "triple A battery",
    "a quadruple bypass and a treble clef",
    "oh I see",
    "oh no, oh well",
    "count: one, two, three, four, five",
    "I was born in nineteen eighty four",
    "April twenty seven is my birthday",
    "we have five people and one dog",
    "it's twelve thirty",
    "zip code nine oh two one oh",
    "the order number is one two three four five six seven eight",
    "the security code is [[cvv:nine nine nine]] okay",
    "code on the back [[cvv:two two two]]",
    "yeah the security code is uh [[cvv:four five six]]",
    "and the expiry is [[expiry:oh eight slash twenty nine]]",
    "cvc [[cvv:six six six]]",
    "[[card/visa:four one one one one one one one one one one one one one one one]]",
    "sure it's [[card/mastercard:five one oh five one oh five one oh five one oh five one oh oh]]",
    "sure, [[card/visa:four zero one two, eight eight eight eight, eight eight eight eight, one eight eight one]]",
    "ok [[card/visa:four one one one one one one one one one one one one one one one]] thanks",
    "card ending in one one one one",
    "last four are one one one one",
    "the card is [[card/visa:four one one one, one one one one, one one one one, one one one one]]. Thanks",
    "[[card/visa:four, one, one, one, one, one, one, one, one, one, one, one, one, one, one, one]]",
    "[[card/visa:Four one one one one one one one one one one one one one one one]].",
    "Ok so it's [[card/visa:four one one one, um, one one one one, uh, one one one one, one one one one]].",
    "It is [[card/visa:four one one one one one one one one one one one one one one one]], expiring [[expiry:twelve twenty seven]].",
    "Yes the pin number is [[pin:five five five five]]",
    "the answer is four one one one",
    "we sold one one one one units",
    "uh, my card, it's [[card/visa:four one one one one one one one one one one one one one one one]]",
    "agent: can you read the long number? customer: [[card/mastercard:five five five five, five five five five, five five five five, four four four four]]",
    "seven eight nine apples",
    "CVV three digits: [[cvv:one two three]]",
    "security code, the three numbers, [[cvv:four five six]]",
    "the 3 digit code on the back is [[cvv:123]]",
    "expiry date is [[expiry:December 2027]]",
    "it expires [[expiry:may twenty thirty one]]",
    "may I have your name please",
    "my SSN is [[ssn:123-45-6789]] and my card is [[card/visa:four one one one one one one one one one one one one one one one]]",
    # A keyword on the next line belongs to what is said there.
    "agent: what's the best number to call you back on\ncustomer: it's four four three eight two five three seven two nine\nagent: can you confirm your social security number for verification\ncustomer: [[ssn:two one nine zero nine nine nine nine nine]]",
    # Counting is no number.
    "one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen, fourteen, fifteen, sixteen",
    # A pause inside a spoken card, not a take-back.
    "[[card/visa:four two four two four two four two, hold on, four two four two four two four two]]",
    "[[card/visa:four two four two four two four two... okay... four two four two four two four two]]",
    # The letter O for zero.
    "[[card/mastercard:five one O five, one O five one, O five one O, five one O O]]",
    # Keywords spelled out letter by letter.
    "the C V V is [[cvv:one two three]]",
    "S S N [[ssn:five three six two two eight one four seven]]",
    # "of" between a month and its year.
    "CVV is [[cvv:one two three]] and it expires in [[expiry:June of twenty twenty nine]]",
    "the end of june of this year",
    # The year typed after "of".
    "my card expires [[expiry:December of 2027]]",
    "the expiration date is [[expiry:december of 27]] ok",
    "card [[card/visa:4111 1111 1111 1111]] exp [[expiry:Aug of 2029]]",
    "the meeting is in march of 2027",
    # The month and the year said in fields of their own, as an agent asks
    # for them: after an expiry month's or year's name, or "year" right
    # after such a month.
    "the expiration month is [[expiry:oh three]], and the expiration year is [[expiry:twenty seven]]",
    "expiration month: [[expiry:March]]",
    "exp month [[expiry:twelve]] year [[expiry:2027]]",
    "expiration month is [[expiry:march]], year [[expiry:twenty seven]]",
    "the expiry month is [[expiry:three]] and the year is [[expiry:twenty twenty seven]]",
    "the expiry year is [[expiry:twenty twenty nine]]",
    # (Not a month; no expiry field; a year after a month that is no
    # expiry month's.)
    "expiry month is thirteen",
    "born in march, year 1990",
    "the month is march and the year is twenty seven",
    # Years said with "thousand".
    "[[card/mastercard:five one oh five, one oh five one, oh five one oh, five one oh oh]], good thru [[expiry:September two thousand and twenty seven]]",
    "I have two thousand dollars",
    # A number read out over several turns, the other side saying only
    # "go ahead", "mhm", "okay" in between.
    "customer: yes it's [[card/visa:four one one one\nagent: go ahead\ncustomer: one one one one\nagent: mhm\ncustomer: one one one one\nagent: okay\ncustomer: one one one one]]",
    "Caller: [[card/mastercard:five five five five five five five five\nAgent: uh huh\nCaller: five five five five four four four four]]\nAgent: thank you",
    # Two numbers in two turns are not one attempt at a card.
    "customer: nine oh two one oh\nagent: okay\ncustomer: five five five one two three four five six seven",
    # Turns that a timestamp starts, with the speaker after it or alone.
    "[00:01:02] Customer: my card is [[card/visa:4242 4242\n[00:01:05] Agent: okay\n[00:01:07] Customer: 4242 4242]]",
    "00:01:04 caller: [[card/visa:four two four two four two four two\n00:01:09 caller: four two four two four two four two]]\n00:01:12 agent: thanks",
    "(1:02.250) my card is [[card/mastercard:5555 5555 5555\n(1:07.500) 4444]]",
    "[00:01:02] Customer: my number is 555 123\n[00:01:05] Agent: okay\n[00:01:07] Customer: 4567",
    "card 4242 4242\n10:30 4242 4242",
    # Turns that a date and a time start, as chat exports print them.
    "2026-11-05 10:01:02 customer: my card is [[card/visa:4242 4242\n2026-11-05 10:01:05 agent: go ahead\n2026-11-05 10:01:07 customer: 4242 4242]]",
    "[2026-11-05 10:01:02] Customer: my card is [[card/mastercard:5555 5555\n[2026-11-05 10:01:07] Customer: 5555 4444]]",
    "2026-11-05T10:01:02Z customer: card [[card/visa:4111 1111 1111\n2026-11-05T10:01:09Z customer: 1111]]",
    "11/05/2026 10:01 AM Customer: my card is [[card/visa:4242 4242\n11/05/2026 10:01 AM Customer: 4242 4242]]",
    "05.11.2026 10:01:02 Customer: [[card/visa:4242 4242 4242\n05.11.2026 10:01:07 Customer: 4242]]",
    "2026-11-05T10:01:02.250+01:00 customer: [[card/visa:4242 4242\n2026-11-05T10:01:07.500+01:00 customer: 4242 4242]]",
    "2026-11-05 10:01:02 customer: [[card/visa:4111 1111 1111 1111]]\n2026-11-05 10:01:09 customer: [[expiry:12/27]]\n2026-11-05 10:01:12 customer: [[cvv:123]]",
    "2026-11-05 10:01:02 agent: what's the code on the back?\n2026-11-05 10:01:09 customer: [[cvv:123]]",
    "10:01:02 agent: what is the security code?\n10:01:09 customer: [[cvv:737]]",
    "05.11.2026 10:01:02 agent: what's the code on the back?\n05.11.2026 10:01:09 customer: [[cvv:123]]",
    "11/05/2026 10:01 AM agent: and the security code?\n11/05/2026 10:02 AM customer: [[cvv:4321]]",
    "05/11/26 10:01 agent: what's the code on the back?\n05/11/26 10:01 customer: [[cvv:737]]",
    # A log record's date and time is no turn: the numbers on two records
    # are two numbers; a date alone labels no turn.
    "2026-11-05T10:01:02Z INFO order 4242 4242\n2026-11-05T10:01:07Z INFO ref 4242 4242",
    "2026-11-05 customer: my card is 4242 4242\n2026-11-05 customer: 4242 4242",
    "2026-11-05 10:01:02 agent: order status?\n2026-11-05 10:01:09 customer: 1234",
    # The expiry date and the CVV sent in the speaker's next messages after
    # a card, each alone on its line, go on with the card; another
    # speaker's turn, or more words, stand between.
    "customer: [[card/visa:4111 1111 1111 1111]]\ncustomer: [[expiry:12/27]]\ncustomer: [[cvv:123]]",
    "[10:01] Customer: my card is [[card/mastercard:5555555555554444]]\n[10:01] Customer: [[expiry:08/29]]\n[10:02] Customer: [[cvv:321]]",
    "Speaker 2: [[card/visa:4242 4242 4242 4242]]\nspeaker 2: [[expiry:0627]]",
    "customer: [[card/visa:4111111111111111]]\nagent: thanks\ncustomer: 12/27",
    "customer: [[card/visa:4111111111111111]]\ncustomer: 12/27 is my birthday",
    "[[card/visa:4111111111111111]]\ncustomer: 12/27",
    # A chain that an expiry keyword starts goes on in its speaker's turns.
    "customer: exp [[expiry:12/27]]\ncustomer: [[cvv:123]]",
    "agent: exp [[expiry:12/27]]\ncustomer: 123",
    # Another speaker may ask for the code in between.
    "customer: [[card/visa:4111 1111 1111 1111]]\nagent: and the code?\ncustomer: [[cvv:123]]",
    "[10:01] caller: [[card/visa:4242424242424242]] [[expiry:12/27]]\n[10:02] agent: code?\n[10:02] caller: [[cvv:737]]",
    "customer: [[card/visa:4111 1111 1111 1111]]\nagent: and the order number?\ncustomer: 123",
    "customer: [[card/visa:4111 1111 1111 1111]]\nagent: and the code?\nagent: 123",
    # A question asked in the turn before is read across the timestamp or
    # the speaker's number that starts the answer's line.
    "[10:02] agent: what is the expiry?\n[10:03] customer: [[expiry:12/27]]",
    "[10:02] agent: and the security code\n[10:03] customer: [[cvv:seven three seven]]",
    "speaker 1: what's the cvv?\nspeaker 2: [[cvv:123]]",
    "[10:02] agent: what is the cvv?\n[10:03] customer: room 12, 4567",
    # (A not-a-card word in the turn before is about something else.)
    "[18:14:06] agent (Priya): I've updated the ticket.\n[18:14:30] customer: ok it's [[card/jcb:three five three zero one one one three three three three zero zero zero zero zero]]\n[18:15:05] agent (Priya): Got it.",
    "[10:01] agent: your ticket number?\n[10:02] customer: [[card/visa:4111 1111 1111 1111]]",
    "agent: and the zip?\ncustomer: nine oh two one oh\nagent: go ahead\ncustomer: two one two five five five one two three four",
    # Homophones at the start of a run when a digit word follows, and at
    # its end where the sentence ends.
    "my card is [[card/visa:for oh one to ate ate ate ate ate ate ate ate one ate ate one]]",
    "it's [[card/visa:for for one one one one one one one one one one one one one one]]".replace("for for", "for one"),
    "[[card/mastercard:five five five five five five five five five five five five four four four for]].",
    "my social is [[ssn:won for to eight oh seven three nine six]]",
    "the pin is [[pin:eight eight one to]].",
    "the three digits on the back are [[cvv:eight four to]]",
    "I went to one place for two days",
    "I need to talk to four people for one hour",
    "we had a one to one at two",
    "give me one for the road",
    # "pin" as a verb names no PIN.
    "I pin it at eleven thirty every night",
    "pin this to 1234 please",
    "my pin is [[pin:eleven thirty]]",
    "the date on the card says [[expiry:oh seven slash two six]]",
    "the date on your card is [[expiry:08/29]]",
    # A month said as one digit word and a two-digit year.
    "agent: expiration?\ncustomer: [[expiry:four twenty seven]]",
    "and it expires [[expiry:nine twenty eight]]",
    # A number word that counts digits ends the spoken card before it.
    "[[card/mastercard:five five five five five five five five five five five five four four four four]] three digit code [[cvv:one two three]]",
    "it's [[card/visa:four one one one, one one one one, one one one one, one one one one]], and the three digit code is [[cvv:seven three seven]]",
    "cvv is [[cvv:one two three]]\nthree digits were read back",
    "[[card/visa:four one one one one one one one one one one one one one one one]] digit by digit",
    # "a hundred": the "a" says the one and stays.
    "the security code is a [[cvv:hundred and twenty three]]",
    "cvv is a [[cvv:hundred and five]]",
    "agent: and the three digits on the back?\ncustomer: a [[cvv:hundred twelve]]",
    "that was a hundred and twenty three dollars",
    "a hundred and one ways to say it",
    # A digit word in the plural after a count: "four ones" is 1111.
    "cvv is [[cvv:three sevens]]",
    "my card is [[card/visa:four one one one, four ones, four ones, four ones]]",
    "the pin is [[pin:four zeros]]",
    "I have two fives and a ten",
    # The other side's words between two turns of a number may end with a
    # question mark ("go ahead?", "mhm?"); a question that is more than
    # such words still ends the number.
    "customer: [[card/mastercard:5555 5555 5555\nagent: go ahead?\ncustomer: 4444]]",
    "customer: [[card/visa:4111 1111\nagent: ok?\ncustomer: 1111 1111]]",
    "customer: 4111 1111\nagent: what is your name?\ncustomer: 1111 1111",
    # The other side reading each part back as it is given: the number is
    # the parts without the repeats, and a repeat is masked with the card,
    # the last one too.
    "customer: [[card/visa:4012 8888\nagent: 4012 8888\ncustomer: 8888 1881\nagent: 8888 1881]], thank you",
    "customer: [[card/mastercard:5105\nagent: 5105\ncustomer: 1051\nagent: 1051\ncustomer: 0510\nagent: 0510\ncustomer: 5100\nagent: 5100]]",
    "Customer: [[card/american-express:3782 822463\nAgent: 3782 822463?\nCustomer: yes, 10005\nAgent: 10005]]?\nCustomer: yes",
    "[00:01:02] Customer: [[card/visa:4012 8888\n[00:01:05] Agent: okay 4012 8888\n[00:01:07] Customer: 8888 1881\n[00:01:09] Agent: 8888 1881]] got it",
    "caller: [[card/visa:four oh one two eight eight eight eight\nagent: four oh one two eight eight eight eight\ncaller: eight eight eight eight one eight eight one\nagent: eight eight eight eight one eight eight one]]",
    "customer: my order is 1234 5678\nagent: 1234 5678\ncustomer: 9012 3456",
    # A four-digit year said a digit at a time.
    "the expiration is [[expiry:oh nine slash two zero two eight]]",
    "exp [[expiry:zero nine two zero two eight]] and the cvv is [[cvv:seven three seven]]",
    # A CVV, an expiry date, a PIN or an SSN that the other side reads back
    # in the next turn is found there too; other digits are not.
    "Customer: expiry [[expiry:12/27]]\nAgent: [[expiry:12/27]], thanks",
    "Customer: the cvv is [[cvv:737]]\nAgent: [[cvv:737]]?\nCustomer: yes",
    "[00:01] Customer: my card expires [[expiry:04/29]]\n[00:02] Agent: [[expiry:04/29]]",
    "Customer: expiry [[expiry:12/27]]\nAgent: 12/28",
    # ...checked with a few words that end the turn.
    "customer: [[card/visa:4012 8888\nagent: 4012 8888, correct?\ncustomer: yes, 8888 1881\nagent: 8888 1881]], is that right?\ncustomer: yes",
    "Caller: [[card/mastercard:5105 1051\nAgent: 5105 1051 got it, go ahead\nCaller: 0510 5100\nAgent: 0510 5100]]. Great, thank you.",
]


def conversation_cases():
    def conv(name, msgs, outs):
        return {"name": name, "conversation": msgs, "outputs": outs}
    return [
        conv("conv-split-two", [["customer", "4111 1111"], ["customer", "1111 1111"]],
             ["**** ****", "**** 1111"]),
        conv("conv-split-three", [["customer", "4111"], ["customer", "1111 1111"], ["customer", "1111"]],
             ["****", "**** ****", "1111"]),
        conv("conv-split-agent-between", [["customer", "5555 5555"], ["agent", "go on"], ["customer", "5555 4444"]],
             ["**** ****", "go on", "**** 4444"]),
        conv("conv-unrelated-orders", [["customer", "order 12345678"], ["agent", "thanks"], ["customer", "order 87654321"]],
             ["order 12345678", "thanks", "order 87654321"]),
        conv("conv-other-speaker-not-joined", [["customer", "4111 1111"], ["agent", "1111 1111"]],
             ["4111 1111", "1111 1111"]),
        conv("conv-question-cvv", [["agent", "What's the security code on the back?"], ["customer", "392"]],
             ["What's the security code on the back?", "***"]),
        conv("conv-question-expiry", [["agent", "And the expiry?"], ["customer", "oh four twenty seven"]],
             ["And the expiry?", "** **** ****** *****"]),
        conv("conv-question-pin", [["agent", "Can you confirm your PIN?"], ["customer", "1234"]],
             ["Can you confirm your PIN?", "****"]),
        conv("conv-question-unrelated", [["agent", "How many items?"], ["customer", "392"]],
             ["How many items?", "392"]),
        conv("conv-split-words-before", [["customer", "my card is 4111 1111"], ["customer", "1111 1111"]],
             ["my card is **** ****", "**** 1111"]),
        conv("conv-order-number-not-joined",
             [["customer", "my order number is 593189797"], ["customer", "5105 1051"], ["agent", "go on"], ["customer", "0510 5100"]],
             ["my order number is 593189797", "**** ****", "go on", "**** 5100"]),
        conv("conv-split-words-after-not-joined", [["customer", "4111 1111"], ["customer", "1111 1111 is my order"]],
             ["4111 1111", "1111 1111 is my order"]),
        conv("conv-spoken-split", [["customer", "four one one one one one one one"], ["customer", "one one one one one one one one"]],
             ["**** *** *** *** *** *** *** ***", "*** *** *** *** *** *** *** ***"]),
        conv("conv-split-across-a-pause",
             [["customer", "4111 1111"], ["customer", "hold on"], ["customer", "1111 1111"]],
             ["**** ****", "hold on", "**** 1111"]),
        conv("conv-split-across-a-pause-and-the-agent",
             [["customer", "5555 5555"], ["customer", "um ok"], ["agent", "go on"], ["customer", "5555 4444"]],
             ["**** ****", "um ok", "go on", "**** 4444"]),
        conv("conv-split-not-across-a-take-back",
             [["customer", "4111 1111"], ["customer", "wait"], ["customer", "1111 1111"]],
             ["4111 1111", "wait", "1111 1111"]),
        conv("conv-split-not-across-other-words",
             [["customer", "4111 1111"], ["customer", "that is my order"], ["customer", "1111 1111"]],
             ["4111 1111", "that is my order", "1111 1111"]),
        conv("conv-split-not-across-three-between",
             [["customer", "5555 5555"], ["customer", "hold on"], ["agent", "sure"], ["agent", "take your time"],
              ["customer", "5555 4444"]],
             ["5555 5555", "hold on", "sure", "take your time", "5555 4444"]),
        conv("conv-question-after-stall",
             [["agent", "And the security code on the back?"], ["customer", "one sec, let me grab my card"], ["customer", "737"]],
             ["And the security code on the back?", "one sec, let me grab my card", "***"]),
        conv("conv-question-after-two-stalls",
             [["agent", "What's the expiry date?"], ["customer", "hold on"], ["customer", "it's in my other wallet"],
              ["customer", "oh four twenty seven"]],
             ["What's the expiry date?", "hold on", "it's in my other wallet", "** **** ****** *****"]),
        conv("conv-question-not-after-three-stalls",
             [["agent", "Can you confirm your PIN?"], ["customer", "hmm"], ["customer", "hold on"], ["customer", "sorry"],
              ["customer", "4821"]],
             ["Can you confirm your PIN?", "hmm", "hold on", "sorry", "4821"]),
        conv("conv-question-not-across-a-number",
             [["agent", "What's the security code?"], ["customer", "my room is 12"], ["customer", "737"]],
             ["What's the security code?", "my room is 12", "737"]),
        conv("conv-question-not-across-number-words",
             [["agent", "What's the security code?"], ["customer", "it was twenty five dollars"], ["customer", "737"]],
             ["What's the security code?", "it was twenty five dollars", "737"]),
        # The other side reading each part back right after it: masked as
        # the part it repeats, asked or with words around.
        conv("conv-read-back-each-part",
             [["customer", "4012 8888"], ["agent", "4012 8888"], ["customer", "8888 1881"], ["agent", "8888 1881, thanks"]],
             ["**** ****", "**** ****", "**** 1881", "**** 1881, thanks"]),
        conv("conv-read-back-asked",
             [["customer", "my card is 5105 1051"], ["agent", "okay 5105 1051?"], ["customer", "0510 5100"],
              ["agent", "0510 5100?"]],
             ["my card is **** ****", "okay **** ****?", "**** 5100", "**** 5100?"]),
        conv("conv-read-back-spoken",
             [["customer", "four oh one two eight eight eight eight"], ["agent", "four oh one two eight eight eight eight?"],
              ["customer", "eight eight eight eight one eight eight one"], ["agent", "okay"]],
             ["**** ** *** *** ***** ***** ***** *****", "**** ** *** *** ***** ***** ***** *****?",
              "***** ***** ***** ***** *** ***** ***** ***", "okay"]),
        conv("conv-read-back-other-digits-kept",
             [["customer", "4012 8888"], ["agent", "4012 8888"], ["customer", "8888 1881"], ["agent", "ticket 5521 0090"]],
             ["**** ****", "**** ****", "**** 1881", "ticket 5521 0090"]),
        # ...and a CVV, an expiry date or an SSN read back right after it;
        # the same digits later, after another message, are not.
        conv("conv-read-back-expiry-and-cvv",
             [["agent", "and the expiry date?"], ["customer", "12/27"], ["agent", "12/27, thanks. And the security code?"],
              ["customer", "737"], ["agent", "737?"], ["customer", "yes"], ["agent", "your order number is 737"]],
             ["and the expiry date?", "**/**", "**/**, thanks. And the security code?", "***", "***?", "yes",
              "your order number is 737"]),
        conv("conv-read-back-ssn",
             [["customer", "my social is 123-45-6789 and my zip code is 90210"], ["agent", "ok 123456789?"],
              ["customer", "I have 3 kids"], ["agent", "3"]],
             ["my social is ***-**-**** and my zip code is 90210", "ok *********?", "I have 3 kids", "3"]),
    ]


def main():
    n = 0
    n += write("brands.toml", "Published test card numbers from shared/vectors/brands.jsonl in several formats.", brand_cases())
    n += write("pan.toml", "Card numbers: separators, groupings, scripts, contexts.", numbered("pan", PAN))
    n += write("negative.toml", "Look-alikes that are not card data.", numbered("neg", NEGATIVE))
    n += write("ssn.toml", "US Social Security numbers.", numbered("ssn", SSN))
    n += write("cvv_expiry_pin_track.toml", "CVVs, expiry dates, PINs and track data.", numbered("ctx", CVV_EXP))
    n += write("spoken.toml", "Spoken forms as speech-to-text writes them.", numbered("spoken", SPOKEN))
    n += write("conversation.toml", "Conversation mode: questions and split card numbers.", conversation_cases())
    print(f"{n} cases")


if __name__ == "__main__":
    main()
