//! Which files newsmark opens as articles and which it imports, by their extensions: the one
//! list behind the file choosers' `accept` and the reading of chosen or dropped files.
//!
//! Owns: the extensions and media types of articles and imports, and the rule that a `.txt`
//! that came with its brat `.ann` is an import. Must never: read a file (see `files`).

/// Plain text articles.
const ARTICLES: &[&str] = &["txt", "md", "markdown", "text"];

/// Files of annotations the formats worker reads: newsmark and W3C JSON, JSON Lines (doccano,
/// spaCy), Label Studio JSON, brat's `.ann` with its `.txt`, and zips of any of them.
const IMPORTS: &[&str] = &["json", "jsonl", "ndjson", "jsonld", "ann", "txt", "zip"];

/// CoNLL, which newsmark writes only: not offered by the import chooser, but a dropped file goes
/// to the formats worker, which says why it is not read.
const WRITTEN_ONLY: &[&str] = &["conll", "iob", "iob2", "bio"];

/// What a file chosen or dropped is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Article,
    Import,
    Refused,
}

/// The `accept` of the "Open file" chooser: `ARTICLES` (a test checks it) and their media types.
pub const ARTICLE_ACCEPT: &str = ".txt,.md,.markdown,.text,text/plain,text/markdown";

/// The `accept` of the "Import" chooser: `IMPORTS` (a test checks it) and their media types.
pub const IMPORT_ACCEPT: &str = ".json,.jsonl,.ndjson,.jsonld,.ann,.txt,.zip,application/json,application/zip";

/// A file name's extension, lower case ("" if none).
pub fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// What each of the files chosen together is. A `.txt` is an article unless an `.ann` of the
/// same name came with it, which makes the pair a brat document.
pub fn kinds(names: &[String]) -> Vec<Kind> {
    let has_ann = |txt: &str| names.iter().any(|n| extension(n) == "ann" && stem(n) == stem(txt));
    names
        .iter()
        .map(|name| {
            let e = extension(name);
            let e = e.as_str();
            if (e == "txt" && has_ann(name)) || ((IMPORTS.contains(&e) || WRITTEN_ONLY.contains(&e)) && !ARTICLES.contains(&e)) {
                Kind::Import
            } else if ARTICLES.contains(&e) {
                Kind::Article
            } else {
                Kind::Refused
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn kinds_of(names: &[&str]) -> Vec<Kind> {
        kinds(&names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[wasm_bindgen_test]
    fn a_txt_is_an_article_unless_its_ann_came_with_it() {
        assert_eq!(kinds_of(&["a.txt", "b.md"]), [Kind::Article, Kind::Article]);
        assert_eq!(kinds_of(&["a.txt", "a.ann", "b.txt"]), [Kind::Import, Kind::Import, Kind::Article]);
        assert_eq!(kinds_of(&["x.zip", "d.jsonl", "e.json", "pic.png"]), [Kind::Import, Kind::Import, Kind::Import, Kind::Refused]);
        assert_eq!(kinds_of(&["T.CONLL", "n.Markdown", "notes"]), [Kind::Import, Kind::Article, Kind::Refused]);
    }

    #[wasm_bindgen_test]
    fn the_choosers_offer_what_is_read() {
        let extensions = |accept: &'static str| accept.split(',').filter_map(|a| a.strip_prefix('.')).collect::<Vec<_>>();
        assert_eq!(extensions(ARTICLE_ACCEPT), ARTICLES);
        assert_eq!(extensions(IMPORT_ACCEPT), IMPORTS);
        let files = |accept| extensions(accept).iter().map(|e| format!("f.{e}")).collect::<Vec<_>>();
        assert!(kinds(&files(ARTICLE_ACCEPT)).iter().all(|k| *k == Kind::Article));
        assert!(kinds(&files(IMPORT_ACCEPT)).iter().all(|k| *k != Kind::Refused));
    }
}
