"""Real consumers read newsmark's exports: spaCy, pyld, Python's slicing and Python's zipfile.

The `newsmark convert` command (target/release/newsmark, or $NEWSMARK_BIN) writes every format
from two sources:
  - a fixture written here, in Python: news text with an emoji, a family emoji joined by ZWJ,
    CRLF and LF line ends, a combining accent, curly, straight and guillemet quotes, a
    discontinuous span and a relation;
  - a few PolNeAR articles (brat), read from ../shared/data (never copied); skipped if missing.
Then each export is read by the tool it is meant for, with nothing fetched from the network:
  - spaCy (spacy.blank("en"), no model) makes a Doc per record and a span per span with
    Doc.char_span, puts them in doc.spans["sc"] and through a DocBin;
  - pyld expands the W3C export with a local copy of the terms of anno.jsonld that our export
    uses (anno-context.jsonld beside this file) and the selectors are checked in the graph;
  - Python slices every export's text in that format's own unit (doccano: UTF-16 code units,
    brat: characters with CRLF counted once, as brat reads files; the rest: code points);
  - zipfile opens a zip written by newsmark.
The README's `cargo run --release --bin newsmark -- suggest FILE...` is run as written, from the
repository's root, and its output sliced the same way.

Run: .venv-interop/bin/python -m unittest discover -s tests/interop -v (scripts/test interop).
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile
from pathlib import Path

import spacy
from pyld import jsonld
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(os.environ.get("NEWSMARK_BIN", ROOT / "target" / "release" / "newsmark"))
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "dev"
POLNEAR_ARTICLES = 4  # the first ones by name; the fourth has two annotators' .ann files
WRITTEN = ["newsmark", "brat", "doccano", "labelstudio", "w3c", "spacy", "conll"]
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

OA = "http://www.w3.org/ns/oa#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
XSD_NNI = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"

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


class Interop(unittest.TestCase):
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

    # --- spaCy -----------------------------------------------------------------------------------

    def test_spacy_accepts_every_span(self):
        nlp = spacy.blank("en")
        for corpus in self.corpora():
            with self.subTest(corpus.name):
                records = [r for f in files(corpus.out(self, "spacy"), ".jsonl") for r in json_lines(f)]
                self.assertTrue(records)
                docs, misaligned, count = [], [], 0
                for record in records:
                    text = record["text"]
                    self.assertIn(text, corpus.texts, "the record's text is an article's, byte for byte")
                    doc = nlp.make_doc(text)
                    group = []
                    for s in record["spans"]:
                        start, end, label = s["start"], s["end"], s["label"]
                        count += 1
                        self.assertTrue(0 <= start < end <= len(text), s)
                        if "text" in s:
                            self.assertEqual(text[start:end], s["text"])
                        strict = doc.char_span(start, end, label=label)
                        if strict is None:
                            misaligned.append((label, text[start:end]))
                            # Offsets are right, only the tokens differ: expanding finds them.
                            strict = doc.char_span(start, end, label=label, alignment_mode="expand")
                            self.assertIsNotNone(strict, s)
                        else:
                            self.assertEqual(strict.text, text[start:end])
                        group.append(strict)
                    doc.spans["sc"] = group
                    docs.append(doc)
                print(f"\nspaCy, {corpus.name}: {count} spans, {len(misaligned)} not on token boundaries")
                for label, text in misaligned:
                    print(f"  {label}: {text!r}")
                if corpus is self.fixture:
                    self.assertEqual(set(misaligned), EXPECTED_MISALIGNED)
                # spaCy's own binary format keeps them all.
                data = DocBin(docs=docs, store_user_data=True).to_bytes()
                back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
                self.assertEqual(
                    [[(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]] for d in back],
                    [[(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]] for d in docs],
                )

    # --- pyld ------------------------------------------------------------------------------------

    def test_w3c_expands_with_the_anno_context(self):
        context = json.loads((HERE / "anno-context.jsonld").read_text(encoding="utf-8"))

        def loader(url, options=None):
            if url.rstrip("/").replace("https://", "http://") == ANNO_CONTEXT:
                return {"contextUrl": None, "documentUrl": url, "contentType": "application/ld+json", "document": context}
            raise RuntimeError(f"the test loads nothing from the network, but the export names {url}")

        for corpus in self.corpora():
            with self.subTest(corpus.name):
                exports = files(corpus.out(self, "w3c"), ".jsonld", ".json")
                self.assertTrue(exports)
                positions = set()
                for path in exports:
                    doc = json.loads(path.read_text(encoding="utf-8"))
                    self.assert_terms_defined(doc, context["@context"])
                    expanded = jsonld.expand(doc, {"documentLoader": loader})
                    texts = self.source_texts(expanded, corpus)
                    for target in self.targets(expanded):
                        source = target[OA + "hasSource"][0]["@id"]
                        self.assertIn(source, texts, "every target's source is an exported text")
                        text = texts[source]
                        quote = self.selector(target, "TextQuoteSelector")
                        position = self.selector(target, "TextPositionSelector")
                        start, end = (self.integer(position, k) for k in ("start", "end"))
                        exact = quote[OA + "exact"][0]["@value"]
                        self.assertEqual(text[start:end], exact, f"{source} {start}-{end}")
                        for key, where in (("prefix", text[:start]), ("suffix", text[end:])):
                            for value in quote.get(OA + key, []):
                                ok = where.endswith(value["@value"]) if key == "prefix" else where.startswith(value["@value"])
                                self.assertTrue(ok, f"{key} {value['@value']!r} at {start}")
                        positions.add((text, start, end))
                print(f"\nW3C, {corpus.name}: {len(positions)} selected ranges checked in the expanded graph")
                if corpus is self.fixture:
                    for d in FIXTURE["documents"]:
                        for s in d["spans"]:
                            for piece in pieces(s):
                                self.assertIn((d["text"], *piece), positions, f"{d['id']} {s['id']}")

    def assert_terms_defined(self, node, context):
        """Every key and type in the export is a term of our context, a keyword, or a compact IRI
        whose prefix the export itself defines: otherwise expansion would drop it silently."""
        local = {}
        for c in node.get("@context", []) if isinstance(node.get("@context"), list) else [node.get("@context")]:
            if isinstance(c, dict):
                local.update(c)

        def defined(term):
            prefix = term.split(":", 1)[0]
            return term.startswith("@") or term in context or (":" in term and (prefix in local or prefix in context))

        def walk(value):
            if isinstance(value, list):
                for v in value:
                    walk(v)
            elif isinstance(value, dict):
                for key, v in value.items():
                    if key == "@context":
                        continue
                    self.assertTrue(defined(key), f"the export uses “{key}”, which tests/interop/anno-context.jsonld lacks")
                    if key in ("type", "purpose", "motivation"):
                        for t in v if isinstance(v, list) else [v]:
                            self.assertTrue(defined(t), f"the export uses {key} “{t}”, which tests/interop/anno-context.jsonld lacks")
                    walk(v)

        walk(node)

    def source_texts(self, expanded, corpus):
        """The texts the export carries, by IRI, each checked against the true text."""
        texts = {}
        for node in nodes(expanded):
            if "@id" in node and RDF_VALUE in node and "http://purl.org/dc/dcmitype/Text" in node.get("@type", []):
                text = node[RDF_VALUE][0]["@value"]
                self.assertIn(text, corpus.texts, f"{node['@id']} carries its article's text byte for byte")
                texts[node["@id"]] = text
        return texts

    def targets(self, expanded):
        for node in nodes(expanded):
            if OA + "Annotation" in node.get("@type", []):
                for target in node.get(OA + "hasTarget", []):
                    if OA + "hasSelector" in target:
                        yield target

    def selector(self, target, kind):
        found = [s for s in target[OA + "hasSelector"] if OA + kind in s.get("@type", [])]
        self.assertEqual(len(found), 1, f"one {kind} per target")
        return found[0]

    def integer(self, selector, key):
        (value,) = selector[OA + key]
        self.assertEqual(value.get("@type"), XSD_NNI, "the context typed it")
        return int(value["@value"])

    # --- offsets in each format's own unit -------------------------------------------------------

    def test_newsmark_offsets_in_all_three_units(self):
        for corpus in self.corpora():
            with self.subTest(corpus.name):
                (path,) = files(corpus.out(self, "newsmark"), ".json")
                export = json.loads(path.read_text(encoding="utf-8"))
                for d in export["documents"]:
                    text = d["text"]
                    self.assertIn(text, corpus.texts)
                    u16, u8 = text.encode("utf-16-le"), text.encode("utf-8")
                    for s in d["spans"]:
                        self.assertEqual(text[s["start"]:s["end"]], s["text"])
                        self.assertEqual(u16[2 * s["utf16"]["start"]:2 * s["utf16"]["end"]].decode("utf-16-le"), s["text"])
                        self.assertEqual(u8[s["utf8"]["start"]:s["utf8"]["end"]].decode("utf-8"), s["text"])

    def test_doccano_offsets_are_utf16(self):
        for corpus in self.corpora():
            with self.subTest(corpus.name):
                slices = set()
                for record in (r for f in files(corpus.out(self, "doccano"), ".jsonl") for r in json_lines(f)):
                    text = record["text"]
                    self.assertIn(text, corpus.texts)
                    units = text.encode("utf-16-le")
                    spans = [(s, e) for s, e, _ in record.get("label", [])]
                    spans += [(x["start_offset"], x["end_offset"]) for x in record.get("entities", [])]
                    for s, e in spans:
                        # Strict decoding fails on an offset between the halves of a surrogate pair.
                        slices.add((text, units[2 * s:2 * e].decode("utf-16-le")))
                self.assertTrue(slices)
                if corpus is self.fixture:
                    self.assert_pieces_found(slices)

    def test_labelstudio_offsets_are_code_points(self):
        for corpus in self.corpora():
            with self.subTest(corpus.name):
                slices = set()
                for path in files(corpus.out(self, "labelstudio"), ".json"):
                    tasks = json.loads(path.read_text(encoding="utf-8"))
                    for task in tasks if isinstance(tasks, list) else [tasks]:
                        data = task["data"]
                        text = data["text"] if "text" in data else next(v for v in data.values() if isinstance(v, str))
                        self.assertIn(text, corpus.texts)
                        for group in task.get("annotations", []) + task.get("predictions", []):
                            for result in group["result"]:
                                value = result.get("value", {})
                                if "start" in value:
                                    got = text[value["start"]:value["end"]]
                                    self.assertEqual(got, value.get("text", got))
                                    slices.add((text, got))
                self.assertTrue(slices)
                if corpus is self.fixture:
                    self.assert_pieces_found(slices)

    def test_spacy_offsets_are_code_points(self):
        for corpus in self.corpora():
            with self.subTest(corpus.name):
                slices = {(r["text"], r["text"][s["start"]:s["end"]]) for f in files(corpus.out(self, "spacy"), ".jsonl") for r in json_lines(f) for s in r["spans"]}
                if corpus is self.fixture:
                    self.assert_pieces_found(slices)

    def test_brat_offsets_slice_the_txt_as_brat_reads_it(self):
        for corpus in self.corpora():
            with self.subTest(corpus.name):
                lines = 0
                for ann in files(corpus.out(self, "brat"), ".ann"):
                    txt = ann.with_suffix(".txt")
                    self.assertIn(read_text(txt), corpus.texts, f"{txt.name} is its article's text, byte for byte")
                    # brat reads a .txt as Python does by default: universal newlines, so a CRLF is one character.
                    with open(txt, encoding="utf-8") as f:
                        text = f.read()
                    for line in ann.read_text(encoding="utf-8").splitlines():
                        if not line.startswith("T"):
                            continue
                        lines += 1
                        tid, kind_offsets, quoted = line.split("\t")
                        ranges = [tuple(map(int, r.split())) for r in kind_offsets.split(" ", 1)[1].split(";")]
                        got = " ".join(text[s:e] for s, e in ranges)
                        self.assertEqual(got.replace("\n", " "), quoted, f"{ann.name} {tid}")
                self.assertGreater(lines, 0)
                print(f"\nbrat, {corpus.name}: {lines} T lines slice their .txt")

    def test_conll_tokens_follow_the_text(self):
        for corpus in self.corpora():
            with self.subTest(corpus.name):
                paths = files(corpus.out(self, "conll"), ".conll")
                self.assertTrue(paths)
                joined = "".join("".join(t.split()) for t in corpus.texts)
                tokens, previous = 0, "O"
                for path in paths:
                    for line in path.read_text(encoding="utf-8").splitlines():
                        if not line.strip() or line.startswith("-DOCSTART-"):
                            previous = "O"
                            continue
                        token, tag = line.split()[0], line.split()[-1]
                        tokens += 1
                        self.assertIn(token, joined, "every token is text of an article")
                        self.assertTrue(tag == "O" or tag[:2] in ("B-", "I-"), tag)
                        if tag.startswith("I-"):
                            self.assertEqual(previous[2:], tag[2:], f"IOB2: {tag} follows {previous}")
                        previous = tag
                self.assertGreater(tokens, 0)

    def assert_pieces_found(self, slices):
        """Every piece of every fixture span is among what the export's offsets slice out."""
        for d in FIXTURE["documents"]:
            for s in d["spans"]:
                for start, end in pieces(s):
                    self.assertIn((d["text"], d["text"][start:end]), slices, f"{d['id']} {s['id']}")

    # --- zip -------------------------------------------------------------------------------------

    def test_a_zip_newsmark_writes_opens_in_zipfile(self):
        source = self.tmp / "fixture.json"
        for fmt in ("newsmark", "brat"):
            with self.subTest(fmt):
                out = self.tmp / f"zipped-{fmt}.zip"
                code, err = convert(["--to", fmt, source], out)
                self.assertEqual(code, 0, err)
                with zipfile.ZipFile(out) as z:
                    self.assertIsNone(z.testzip(), "every entry's CRC matches")
                    names = z.namelist()
                    self.assertTrue(names)
                    for name in names:
                        data = z.read(name).decode("utf-8")
                        if name.endswith(".txt"):
                            self.assertIn(data, {d["text"] for d in FIXTURE["documents"]}, "CRLF and all, byte for byte")
                        if name.endswith(".json"):
                            self.assertEqual([d["text"] for d in json.loads(data)["documents"]], [d["text"] for d in FIXTURE["documents"]])

    # --- the README's suggest command ----------------------------------------------------------

    def test_readme_suggest_command_writes_sliceable_suggestions(self):
        # Exactly as the README gives it, from the repository's root: `cargo run --release --bin
        # newsmark -- suggest FILE...` (Cargo's default members make --bin find the command line).
        article = self.tmp / "bridge.txt"
        article.write_bytes(BRIDGE.encode("utf-8"))
        run = subprocess.run(
            ["cargo", "run", "-q", "--release", "--bin", "newsmark", "--", "suggest", str(article)],
            cwd=ROOT, capture_output=True, text=True,
        )
        self.assertEqual(run.returncode, 0, run.stderr)
        out = json.loads(run.stdout)
        [doc] = out["documents"]
        self.assertEqual(doc["title"], "bridge.txt")
        self.assertEqual(doc["text"], BRIDGE, "CRLF and all")
        self.assertTrue(doc["spans"])
        for s in doc["spans"]:
            self.assertEqual(doc["text"][s["start"]:s["end"]], s["text"])
            self.assertEqual(s["origin"], "suggested")
            self.assertTrue(0 < s["confidence"] <= 1 and s["reason"], s)
        quote = next(s for s in doc["spans"] if s["label"] == "quote")
        self.assertEqual(quote["text"], "\u201cWe will fix the bridge \U0001F6A7 by June.\u201d")
        self.assertEqual(quote["attributes"].get("speaker"), "The mayor")


def nodes(value):
    """Every node object in an expanded JSON-LD value, depth first."""
    if isinstance(value, list):
        for v in value:
            yield from nodes(v)
    elif isinstance(value, dict):
        if "@list" in value:
            yield from nodes(value["@list"])
            return
        if "@value" not in value:
            yield value
        for k, v in value.items():
            if not k.startswith("@") or k == "@graph":
                yield from nodes(v)


if __name__ == "__main__":
    unittest.main()
