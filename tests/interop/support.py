"""What every interop test shares: the fixture, running `newsmark convert`, and reading its output.

Not a test module (unittest discovery loads only test_*.py); the tests import it from beside
them, as `python -m unittest discover -s tests/interop` puts this folder on the import path.

The `newsmark convert` command (target/release/newsmark, or $NEWSMARK_BIN) writes every format
from two sources:
  - a fixture written here, in Python: news text with an emoji, a family emoji joined by ZWJ,
    CRLF and LF line ends, a combining accent, curly, straight and guillemet quotes, a
    discontinuous span and a relation;
  - a few PolNeAR articles (brat), read from ../shared/data (never copied); skipped if missing.
`Exports` is the base of every test class: it runs those conversions once per class, into a
temporary folder it removes afterwards, and skips the class if the command line is not built.
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(os.environ.get("NEWSMARK_BIN", ROOT / "target" / "release" / "newsmark"))
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "dev"
POLNEAR_ARTICLES = 4  # the first ones by name; the fourth has two annotators' .ann files
WRITTEN = ["newsmark", "brat", "doccano", "labelstudio", "w3c", "spacy", "conll"]

# --- the fixture --------------------------------------------------------------------------------

BRIDGE = (
    "The mayor said: \u201cWe will fix the bridge \U0001F6A7 by June.\u201d\r\n"
    "Residents demand that the council publish the costs.\r\n"
    "Noe\u0301l Ruiz, the city\u2019s engineer, called the plan \u201clate\u201d and \"risky\".\n"
)
FAMILIES = (
    "\U0001F469\u200D\U0001F469\u200D\U0001F467 Families said: \u00abWe waited.\u00bb\r\n"
    "The U.S. council said so.\r\n"
)


def at(text, needle):
    """Code-point range of the one occurrence of needle in text."""
    start = text.index(needle)
    assert text.find(needle, start + 1) == -1, needle
    return start, start + len(needle)


def span(sid, label, text, needle):
    start, end = at(text, needle)
    return {"id": sid, "label": label, "start": start, "end": end, "text": needle}


def fixture():
    a_start, _ = at(BRIDGE, "Residents demand")
    _, b_end = at(BRIDGE, "the council publish the costs")
    gap_start, gap_end = at(BRIDGE, " that ")
    demand = {
        "id": "s3", "label": "demand", "start": a_start, "end": b_end,
        "text": BRIDGE[a_start:b_end],
        "fragments": [{"start": a_start, "end": gap_start}, {"start": gap_end, "end": b_end}],
    }
    bridge = {
        "id": "bridge", "title": "Bridge \U0001F309", "text": BRIDGE,
        "spans": [
            span("s1", "quote", BRIDGE, "\u201cWe will fix the bridge \U0001F6A7 by June.\u201d"),
            span("s2", "Source", BRIDGE, "The mayor"),
            demand,
            span("s4", "opinion", BRIDGE, "\u201clate\u201d"),
            span("s5", "Source", BRIDGE, "Noe\u0301l Ruiz"),
        ],
        "relations": [{"id": "r1", "kind": "speaker", "from": "s1", "to": "s2"}],
    }
    families = {
        "id": "families", "title": "Families", "text": FAMILIES,
        "spans": [
            span("s1", "quote", FAMILIES, "\u00abWe waited.\u00bb"),
            span("s2", "Source", FAMILIES, "\U0001F469\u200D\U0001F469\u200D\U0001F467 Families"),
            # An annotator left the abbreviation's period out: spaCy keeps "U.S." one token, so
            # this span cannot align to its tokens. It is the one expected misalignment.
            span("s3", "claim", FAMILIES, "U.S"),
        ],
        "relations": [],
    }
    return {
        "format": "newsmark-labelled-json", "version": 1, "exported_at": "2026-11-21T10:00:00.000Z",
        "labels": [{"name": "Source", "colour": "#0f766e", "description": "Who is quoted"}],
        "documents": [bridge, families],
    }


FIXTURE = fixture()
EXPECTED_MISALIGNED = {("claim", "U.S")}


def pieces(s):
    """A fixture span's pieces: its fragments, or the span itself."""
    return [(f["start"], f["end"]) for f in s.get("fragments") or [s]]


# --- running newsmark -----------------------------------------------------------------------------


def convert(args, out):
    run = subprocess.run([str(BIN), "convert", *map(str, args), "-o", str(out)], capture_output=True, text=True)
    return run.returncode, run.stderr.strip()


def polnear_inputs():
    """The first POLNEAR_ARTICLES texts of the PolNeAR dev split and every .ann of theirs."""
    texts = sorted((POLNEAR / "text").glob("*.txt"))[:POLNEAR_ARTICLES]
    anns = [a for t in texts for a in sorted((POLNEAR / "attributions").glob(t.stem + "_*.ann"))]
    return texts + anns


def read_text(path):
    """A file's text as newsmark keeps it: UTF-8, line ends untouched, no byte-order mark."""
    text = Path(path).read_bytes().decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


class Corpus:
    """One source's exports: the folder per format, how each run went, and the true texts."""

    def __init__(self, name, texts, runs):
        self.name, self.texts, self.runs = name, texts, runs

    def out(self, test, fmt):
        code, err = self.runs[fmt][1:]
        test.assertEqual(code, 0, f"{self.name}: newsmark convert --to {fmt} failed: {err}")
        return self.runs[fmt][0]


def files(folder, *suffixes):
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix in suffixes)


def json_lines(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


class Exports(unittest.TestCase):
    """Every format written from the fixture (`fixture`) and from PolNeAR (`polnear`, or None)."""

    @classmethod
    def setUpClass(cls):
        if not BIN.is_file():
            raise unittest.SkipTest(f"{BIN} is missing: build it with cargo build --release -p newsmark-cli")
        cls.tmp = Path(tempfile.mkdtemp(prefix="newsmark-interop-"))
        source = cls.tmp / "fixture.json"
        source.write_text(json.dumps(FIXTURE, ensure_ascii=False, indent=1), encoding="utf-8")
        runs = {fmt: (cls.tmp / f"fixture-{fmt}", *convert(["--from", "newsmark", "--to", fmt, source], cls.tmp / f"fixture-{fmt}")) for fmt in WRITTEN}
        cls.fixture = Corpus("fixture", {d["text"] for d in FIXTURE["documents"]}, runs)
        cls.polnear = None
        if (POLNEAR / "attributions").is_dir():
            inputs = polnear_inputs()
            runs = {fmt: (cls.tmp / f"polnear-{fmt}", *convert(["--from", "brat", "--to", fmt, *inputs], cls.tmp / f"polnear-{fmt}")) for fmt in WRITTEN}
            texts = {read_text(p) for p in inputs if p.suffix == ".txt"}
            cls.polnear = Corpus(f"PolNeAR ({len(texts)} articles)", texts, runs)
        else:
            print(f"\nPolNeAR parts skipped: {POLNEAR} is missing")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(getattr(cls, "tmp", ""), ignore_errors=True)

    def corpora(self):
        return [c for c in (self.fixture, self.polnear) if c is not None]
