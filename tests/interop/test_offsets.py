"""Python slices every export's text in that format's own unit.

Each format newsmark writes, from the fixture and from PolNeAR (see support.py), is read back
with plain Python, and its offsets must slice out the span's text: the newsmark export in code
points, UTF-16 code units and UTF-8 bytes; doccano in UTF-16 code units; brat in characters with
CRLF counted once, as brat reads files; Label Studio and spaCy in code points. CoNLL's tokens must
be text of the articles, with IOB2 tags. For the fixture, every piece of every span is found.

Run: .venv-interop/bin/python -m unittest discover -s tests/interop -v (scripts/test interop).
"""

import json
import unittest

import support
from support import FIXTURE, files, json_lines, pieces, read_text


class Offsets(support.Exports):
    """Each export's offsets, sliced in the unit its format counts in."""

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


if __name__ == "__main__":
    unittest.main()
