#!/usr/bin/env bash
# Writes the inputs of the shared test corpus (testdata/*.toml) into
# fuzz/corpus/<target>/ as seeds, in each target's input layout:
#
#   redact_config     the text as is (the builder settings are read from its
#                     first bytes, the rest is the text)
#   no_pan_survives   the text as is
#   stream_equiv      [policy 0] [3] [chunk lengths 1 7 64] text
#   conversation      messages separated by 0x1E, each led by a speaker byte
#
# Corpus directories are not committed; run this before fuzzing. Needs
# python3 (3.11 or later, for tomllib).
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
import pathlib, re, tomllib

root = pathlib.Path("..") / "testdata"
out = pathlib.Path("corpus")
targets = ["redact_config", "no_pan_survives", "stream_equiv", "conversation"]
for t in targets:
    (out / t).mkdir(parents=True, exist_ok=True)

def write(target, name, data):
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    (out / target / ("seed-" + safe)).write_bytes(data)

n = 0
for path in sorted(root.glob("*.toml")):
    for case in tomllib.loads(path.read_text("utf-8")).get("test", []):
        name = case["name"]
        if "conversation" in case:
            speakers = {"agent": 0, "customer": 1}
            msgs = []
            for who, text in case["conversation"]:
                s = speakers.setdefault(who, len(speakers) % 4)
                msgs.append(bytes([s]) + text.encode("utf-8"))
            write("conversation", name, b"\x1e".join(msgs))
            text = "\n".join(t for _, t in case["conversation"]).encode()
        elif "input" in case:
            text = case["input"].encode("utf-8")
            write("conversation", name, b"\x01" + text)
        else:
            continue
        write("redact_config", name, text)
        write("no_pan_survives", name, text)
        write("stream_equiv", name, bytes([0, 3, 1, 7, 64]) + text)
        n += 1
print(f"seed.sh: wrote {n} cases into {len(targets)} corpus directories")
PY
