"""One Python tool run over one corpus, in its own process.

    python runners.py TOOL CORPUS OUT_PREFIX     # timed pass, then spans
    python runners.py TOOL --startup             # import, build, one call

Writes OUT_PREFIX.json (timing, output size, version) and
OUT_PREFIX.spans.tsv (start, end, kind: byte offsets into the corpus file,
kind one of card/ssn/cvv/expiry or other:LABEL). The corpus is read and
split into lines before the clock starts; every tool is called once per
line (as a chat or log pipeline calls it) unless its name ends in "-file",
which means one call over the whole file. The timed pass is repeated until
it has run for two seconds or 50 times, and the fastest pass counts.

The spans come from the timed calls where the tool's redaction API returns
them (presidio, datafog, the regex baseline) and otherwise from a second,
untimed pass over the tool's detection API.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from importlib import metadata

os.environ.setdefault("DATAFOG_NO_TELEMETRY", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MIN_SECONDS = 2.0
MAX_REPS = 50


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


# --- tools -------------------------------------------------------------
# Each tool is a class with: VERSION (str), __init__ (setup),
# redact(line) -> (output_str, spans or None), and spans(line) -> list of
# (start, end, kind) in str indices, used when redact gives None.


class PciRedactLine:
    """pci_redact.Redactor() (default policy: every kind, spoken forms on),
    redact() per line; spans from find()."""

    def __init__(self) -> None:
        import pci_redact

        self.r = pci_redact.Redactor()
        self.VERSION = pci_redact.__version__

    def redact(self, line: str):
        return self.r.redact(line), None

    def spans(self, line: str):
        return [(f.start, f.end, kind_pci(f.kind)) for f in self.r.find(line)]


class PciRedactFile:
    """pci_redact.Redactor().redact_bytes() over the whole file in one call;
    spans from find_bytes()."""

    WHOLE_FILE = True

    def __init__(self) -> None:
        import pci_redact

        self.r = pci_redact.Redactor()
        self.VERSION = pci_redact.__version__

    def redact_file(self, data: bytes) -> int:
        return len(self.r.redact_bytes(data))

    def file_spans(self, data: bytes):
        return [
            (f.start, f.end, kind_pci(f.kind)) for f in self.r.find_bytes(data)
        ]


def kind_pci(kind: str) -> str:
    return kind if kind in ("card", "ssn", "cvv", "expiry") else "other:" + kind


def luhn_ok(ds: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(ds)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


class RegexBaseline:
    """A hand-written baseline as an application developer writes it: Python
    re, a 13-19 digit run with optional single spaces or dashes checked by
    Luhn, a 3-2-4 SSN pattern with the never-issued areas removed, and CVV /
    expiry values after their usual keywords."""

    VERSION = "python-re " + ".".join(map(str, sys.version_info[:3]))

    CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
    SSN = re.compile(r"(?<![\d-])(?!000|666|9)\d{3}([- ]?)\d{2}\1\d{4}(?![\d-])")
    CVV = re.compile(
        r"(?i)\b(?:cvv2?|cvc2?|cid|security code|code on the back)"
        r"(?: is)?\W{0,3}(\d{3,4})\b"
    )
    EXP = re.compile(
        r"(?i)\b(?:exp(?:iry|ires|iration)?(?: date)?|valid (?:thru|through))"
        r"(?: is)?\W{0,3}((?:0?[1-9]|1[0-2]) ?[/-] ?(?:20)?\d\d)\b"
    )

    def redact(self, line: str):
        spans = []
        for m in self.CARD.finditer(line):
            ds = m.group().replace(" ", "").replace("-", "")
            if luhn_ok(ds):
                spans.append((m.start(), m.end(), "card"))
        for m in self.SSN.finditer(line):
            spans.append((m.start(), m.end(), "ssn"))
        for m in self.CVV.finditer(line):
            spans.append((m.start(1), m.end(1), "cvv"))
        for m in self.EXP.finditer(line):
            spans.append((m.start(1), m.end(1), "expiry"))
        if not spans:
            return line, spans
        spans.sort()
        out, pos, kept = [], 0, []
        for s, e, k in spans:
            if s < pos:
                continue  # overlaps an earlier span: the first one wins
            out.append(line[pos:s])
            out.append("*" * (e - s))
            pos = e
            kept.append((s, e, k))
        out.append(line[pos:])
        return "".join(out), kept


class Presidio:
    """presidio-analyzer AnalyzerEngine with its CreditCardRecognizer and
    UsSsnRecognizer only, on a spaCy blank('en') pipeline (tokenizer only: no
    trained model can be downloaded here, so no NER, lemmas or context
    words), then presidio-anonymizer AnonymizerEngine.anonymize() with its
    default replace operator; both per line."""

    def __init__(self) -> None:
        import spacy
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import SpacyNlpEngine
        from presidio_analyzer.predefined_recognizers import (
            CreditCardRecognizer,
            UsSsnRecognizer,
        )
        from presidio_anonymizer import AnonymizerEngine

        class BlankSpacyNlpEngine(SpacyNlpEngine):
            def load(self) -> None:
                self.nlp = {"en": spacy.blank("en")}

        engine = BlankSpacyNlpEngine(
            models=[{"lang_code": "en", "model_name": "blank:en"}]
        )
        engine.load()
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.add_recognizer(CreditCardRecognizer())
        registry.add_recognizer(UsSsnRecognizer())
        self.analyzer = AnalyzerEngine(
            nlp_engine=engine, registry=registry, supported_languages=["en"]
        )
        self.anonymizer = AnonymizerEngine()
        self.entities = ["CREDIT_CARD", "US_SSN"]
        self.VERSION = (
            f"presidio-analyzer {version('presidio-analyzer')}, "
            f"presidio-anonymizer {version('presidio-anonymizer')}, "
            f"spacy {version('spacy')}"
        )
        self.kinds = {"CREDIT_CARD": "card", "US_SSN": "ssn"}

    def redact(self, line: str):
        res = self.analyzer.analyze(line, language="en", entities=self.entities)
        if not res:
            return line, []
        out = self.anonymizer.anonymize(text=line, analyzer_results=res).text
        return out, [
            (r.start, r.end, self.kinds.get(r.entity_type, "other:" + r.entity_type))
            for r in res
        ]


class Scrubadub:
    """scrubadub.Scrubber with its CreditCardDetector and
    SocialSecurityNumberDetector only; clean() per line, spans from
    iter_filth()."""

    def __init__(self) -> None:
        import scrubadub
        import scrubadub.detectors
        from scrubadub.detectors.en_US import SocialSecurityNumberDetector

        self.s = scrubadub.Scrubber(
            detector_list=[
                scrubadub.detectors.CreditCardDetector,
                SocialSecurityNumberDetector,
            ]
        )
        self.VERSION = f"scrubadub {version('scrubadub')}"
        self.kinds = {"credit_card": "card", "social_security_number": "ssn"}

    def redact(self, line: str):
        return self.s.clean(line), None

    def spans(self, line: str):
        out = []
        for f in self.s.iter_filth(line):
            for g in getattr(f, "filths", None) or [f]:
                out.append((g.beg, g.end, self.kinds.get(g.type, "other:" + g.type)))
        return out


class Datafog:
    """datafog.scan_and_redact(engine="regex", entity_types=["CREDIT_CARD",
    "SSN"]) per line (pure-Python regex engine; the optional Rust backend
    and the spaCy/GLiNER engines are not used)."""

    def __init__(self) -> None:
        import datafog
        from datafog.engine import scan_and_redact

        self.f = scan_and_redact
        self.VERSION = f"datafog {datafog.__version__}"
        self.kinds = {"CREDIT_CARD": "card", "SSN": "ssn"}

    def redact(self, line: str):
        r = self.f(line, engine="regex", entity_types=["CREDIT_CARD", "SSN"])
        return r.redacted_text, [
            (e.start, e.end, self.kinds.get(e.type, "other:" + e.type))
            for e in r.entities
        ]


TOOLS = {
    "pci-redact-py": PciRedactLine,
    "pci-redact-py-file": PciRedactFile,
    "regex-baseline": RegexBaseline,
    "presidio": Presidio,
    "scrubadub": Scrubadub,
    "datafog": Datafog,
}


# --- driver side -------------------------------------------------------


def to_bytes(line: str, spans, base: int):
    """Converts str-index spans within line to byte offsets in the file."""
    if line.isascii():
        return [(base + s, base + e, k) for s, e, k in spans]
    return [
        (base + len(line[:s].encode()), base + len(line[:e].encode()), k)
        for s, e, k in spans
    ]


def run(tool_name: str, corpus: str, out_prefix: str) -> None:
    tool = TOOLS[tool_name]()
    with open(corpus, "rb") as f:
        data = f.read()
    n = len(data)
    spans: list = []
    best = float("inf")
    reps = 0
    total = 0.0
    out_len = 0
    if getattr(tool, "WHOLE_FILE", False):
        while reps < MAX_REPS and (reps == 0 or total < MIN_SECONDS):
            t0 = time.perf_counter()
            out_len = tool.redact_file(data)
            dt = time.perf_counter() - t0
            best, total, reps = min(best, dt), total + dt, reps + 1
        spans = tool.file_spans(data)
    else:
        lines = data.decode("utf-8").split("\n")
        redact = tool.redact
        captured = None
        while reps < MAX_REPS and (reps == 0 or total < MIN_SECONDS):
            first = reps == 0
            got = [] if first else None
            length = 0
            t0 = time.perf_counter()
            for line in lines:
                o, s = redact(line)
                length += len(o)
                if first:
                    got.append(s)
            dt = time.perf_counter() - t0
            if first:
                captured = got
                out_len = length
            best, total, reps = min(best, dt), total + dt, reps + 1
        base = 0
        for i, line in enumerate(lines):
            s = captured[i]
            if s is None:
                s = tool.spans(line)
            if s:
                spans.extend(to_bytes(line, s, base))
            base += len(line.encode()) + 1 if not line.isascii() else len(line) + 1
        del lines, captured
    with open(out_prefix + ".spans.tsv", "w") as f:
        for s, e, k in spans:
            f.write(f"{s}\t{e}\t{k}\n")
    with open(out_prefix + ".json", "w") as f:
        json.dump(
            {
                "tool": tool_name,
                "version": tool.VERSION,
                "bytes": n,
                "seconds": best,
                "reps": reps,
                "output_chars": out_len,
                "spans": len(spans),
            },
            f,
        )


def startup(tool_name: str) -> None:
    tool = TOOLS[tool_name]()
    if getattr(tool, "WHOLE_FILE", False):
        tool.redact_file(b"hello, my card is on its way")
    else:
        tool.redact("hello, my card is on its way")
    print(json.dumps({"version": tool.VERSION}))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[2] == "--startup":
        startup(sys.argv[1])
    elif len(sys.argv) == 4:
        run(*sys.argv[1:4])
    else:
        sys.exit(__doc__)
