#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora into fuzz/seeds/<target>/ from the repository's own test
fixtures (crates/formats/tests/fixtures), the command line's conversions of them, and a few inputs
written here. The seeds are committed; run this again after adding fixtures or targets:

    python3 fuzz/make-seeds.py

It builds and runs the debug command line (cargo run -p newsmark-cli) for the conversions. Nothing
here reads ../shared/data.
"""

import pathlib
import shutil
import struct
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "crates/formats/tests/fixtures"
SEEDS = ROOT / "fuzz/seeds"

# A text that holds what broke other annotators: emoji (astral and joined), combining marks,
# right-to-left script, CRLF, a lone CR, tabs and curly quotes.
TEXT = "Ms Lee said: “We will win 😀.”\r\nZoë e\u0301 👩‍👩‍👧 שלום\rTabs\there.\n"


def cli(*args):
    subprocess.run(["cargo", "run", "-q", "-p", "newsmark-cli", "--", *args], cwd=ROOT, check=True, stderr=subprocess.DEVNULL)


def put(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def converted(source, fmt, to):
    """The files the command line writes when it converts `source`, in format `fmt`, to `to`;
    none when it refuses the fixture (some fixtures are there to be refused)."""
    with tempfile.TemporaryDirectory() as out:
        try:
            cli("convert", "--from", fmt, "--to", to, str(source), "-o", out)
        except subprocess.CalledProcessError:
            return {}
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(pathlib.Path(out).rglob("*")) if p.is_file()}


def main():
    shutil.rmtree(SEEDS, ignore_errors=True)
    fixtures = {
        "doccano": sorted((FIXTURES / "doccano").glob("*.jsonl")),
        "labelstudio": sorted((FIXTURES / "labelstudio").glob("*.json")),
        "spacy": sorted((FIXTURES / "spacy").glob("*.jsonl")),
        "w3c": sorted((FIXTURES / "w3c").glob("*.json*")),
    }
    for target, files in fixtures.items():
        for f in files:
            put(target, f.name, f.read_bytes())
    # Each fixture as labelled JSON and as brat (text, annotations, a second annotator's copy and
    # the configuration, joined by NUL bytes as the brat target cuts them).
    for fmt, files in fixtures.items():
        for f in files:
            for name, data in converted(f, fmt, "newsmark").items():
                put("labelled_json", f"{f.stem}-{pathlib.Path(name).name}", data)
            brat = converted(f, fmt, "brat")
            conf = next((d for n, d in brat.items() if n.endswith("annotation.conf")), b"")
            for name, data in brat.items():
                if name.endswith(".txt"):
                    ann = brat.get(name[:-4] + ".ann", b"")
                    put("brat", f"{f.stem}-{pathlib.Path(name).stem}", b"\0".join([data, ann, ann, conf]))
    put("brat", "discontinuous", "\0".join([TEXT, "T1\tQuote 13 19;20 30\t“We will win 😀\nT2\tSource 0 6\tMs Lee\n"
                                            "R1\tSpeaker Arg1:T1 Arg2:T2\nA1\tNegated T1\n#1\tAnnotatorNotes T1\tnote\n"
                                            "E1\tAttribution:T1 Source:T2\n", "", "[entities]\nQuote\nSource\n"]))
    # Zips as the app exports them, and one made by Info-ZIP; plain files under other names.
    for f in fixtures["doccano"][:1] + fixtures["w3c"][:1]:
        with tempfile.TemporaryDirectory() as out:
            cli("convert", "--to", "brat", str(f), "-o", f"{out}/x.zip")
            put("bundle", f"{f.stem}.zip", b"\0" + pathlib.Path(out, "x.zip").read_bytes())
    put("bundle", "info-zip.zip", b"\0" + (FIXTURES / "made-by-info-zip.zip").read_bytes())
    put("bundle", "doccano.jsonl", b"\2" + fixtures["doccano"][0].read_bytes())
    put("bundle", "labelstudio.json", b"\1" + fixtures["labelstudio"][0].read_bytes())
    # Encodings: UTF-8 with and without its mark, UTF-16 both ways, and broken ones.
    put("decode", "utf8", TEXT)
    put("decode", "utf8-bom", b"\xef\xbb\xbf" + TEXT.encode())
    put("decode", "utf16le", b"\xff\xfe" + TEXT.encode("utf-16-le"))
    put("decode", "utf16be", b"\xfe\xff" + TEXT.encode("utf-16-be"))
    put("decode", "latin1", b"caf\xe9")
    put("decode", "lone-surrogate", b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x3d\xd8")
    put("offsets", "text", TEXT)
    put("offsets", "long", (TEXT * 5)[:300])
    # anchor: two 16-bit offsets, the text, NUL, the span's claimed text.
    put("anchor", "exact", struct.pack("<HH", 0, 6) + "Ms Lee said so.\0Ms Lee".encode())
    put("anchor", "utf16-late", struct.pack("<HH", 15, 18) + "a 😀 b said “x” and b left\0“x”".encode())
    put("anchor", "twice", struct.pack("<HH", 0, 1) + "xaaay\0aa".encode())
    # writers: the text, NUL, a title, NUL, then six bytes a span.
    spans = b"".join(struct.pack("<HHBB", a, b, label, flags) for a, b, label, flags in
                     [(0, 5, 0, 0), (13, 30, 2, 1 | 8), (2, 4, 4, 2 | 4), (31, 40, 5, 2 | 0x20), (3, 3, 1, 0)])
    put("writers", "mixed", (TEXT + "\0Zoë’s “title”\0").encode() + spans)
    put("writers", "empty-title", b"one\r\ntwo\0\0" + spans)


if __name__ == "__main__":
    main()
