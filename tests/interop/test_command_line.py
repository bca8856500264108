"""What the command line writes, opened as people open it: zipfile, and the README's command.

  - zipfile opens a zip that `newsmark convert` writes from the fixture (see support.py), and
    its entries hold the fixture's texts byte for byte;
  - the README's `cargo run --release --bin newsmark -- suggest FILE...` is run as written, from
    the repository's root, and its output sliced in code points.

Run: .venv-interop/bin/python -m unittest discover -s tests/interop -v (scripts/test interop).
"""

import json
import subprocess
import unittest
import zipfile

import support
from support import BRIDGE, FIXTURE, ROOT, convert


class CommandLine(support.Exports):
    """The command line's zips and its README suggest command."""

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


if __name__ == "__main__":
    unittest.main()
