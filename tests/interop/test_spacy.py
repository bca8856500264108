"""spaCy reads newsmark's spaCy export.

spaCy (spacy.blank("en"), no model) makes a Doc per record of the export written from the fixture
and from PolNeAR (see support.py), a span per span with Doc.char_span, puts them in
doc.spans["sc"] and through a DocBin. Only the fixture's one expected span may miss spaCy's token
boundaries, and its offsets must still be right.

Run: .venv-interop/bin/python -m unittest discover -s tests/interop -v (scripts/test interop).
"""

import unittest

import spacy
from spacy.tokens import DocBin

import support
from support import EXPECTED_MISALIGNED, files, json_lines


class Spacy(support.Exports):
    """The spaCy export, read by spaCy."""

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


if __name__ == "__main__":
    unittest.main()
