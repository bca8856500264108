"""PyLD reads newsmark's W3C Web Annotation export.

pyld expands the W3C export, written from the fixture and from PolNeAR (see support.py), with a
local copy of the terms of anno.jsonld that our export uses (anno-context.jsonld beside this
file), nothing fetched from the network; every key and type of the export must be a term of that
context, and each target's TextPositionSelector and TextQuoteSelector are checked against the
exported text in the expanded graph.

Run: .venv-interop/bin/python -m unittest discover -s tests/interop -v (scripts/test interop).
"""

import json
import unittest

from pyld import jsonld

import support
from support import FIXTURE, HERE, files, pieces

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

OA = "http://www.w3.org/ns/oa#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
XSD_NNI = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"


class W3c(support.Exports):
    """The W3C export, expanded by PyLD."""

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
