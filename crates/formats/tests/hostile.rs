//! The hostile corpus (`tests/hostile/payloads.json`: markup, script, `javascript:` URLs, SVG,
//! entities, CSS, direction overrides, invisible and control characters, extremely long lines)
//! put into every place a file can hold text: article texts, titles, label names and descriptions,
//! attribute values, notes, relation kinds. Each format carries it back as far as
//! `docs/formats` says it can: labelled JSON and W3C exactly, the other formats what they have a
//! place for, and brat's names with white space as `_`. Lone surrogates, which no Rust string can
//! hold, are refused with a message that says where they are, and bad colours are refused too.

use std::collections::HashSet;
use std::rc::Rc;

use newsmark_core::format::{export_json, import_json, ImportBatch};
use newsmark_core::{Article, ArticleId, ArticleText, Attributes, Label, LabelDef, LabelSet, Relation, RelationId, Span, SpanId};
use newsmark_formats::{read, write, Format, InputFile};
use serde_json::Value;

const CORPUS: &str = include_str!("../../../tests/hostile/payloads.json");

/// Every payload, the generated ones built as the file says: `(id, text)`.
fn payloads() -> Vec<(String, String)> {
    let corpus: Value = serde_json::from_str(CORPUS).expect("payloads.json is JSON");
    let mut out: Vec<(String, String)> = corpus["payloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap().to_string(), p["text"].as_str().unwrap().to_string()))
        .collect();
    for g in corpus["generated"].as_array().unwrap() {
        let text = g["repeat"].as_str().unwrap().repeat(g["times"].as_u64().unwrap() as usize);
        out.push((g["id"].as_str().unwrap().to_string(), text));
    }
    out
}

#[test]
fn the_corpus_has_at_least_fifty_payloads_of_every_kind() {
    let corpus: Value = serde_json::from_str(CORPUS).unwrap();
    let kinds: HashSet<&str> = corpus["payloads"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
    for kind in ["script", "handler", "url", "svg", "entity", "css", "bidi", "control"] {
        assert!(kinds.contains(kind), "no payload of kind {kind}");
    }
    let all = payloads();
    assert!(all.len() >= 50, "{} payloads", all.len());
    let ids: HashSet<&str> = all.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "payload ids are unique");
    assert!(all.iter().any(|(_, t)| t.chars().count() > 100_000), "an extremely long line");
    assert!(all.iter().any(|(_, t)| t.contains('\0')), "a NUL");
    assert!(all.iter().any(|(_, t)| t.contains('\u{202e}')), "a right-to-left override");
}

/// The label names a label set accepts among the payloads (at most 40 characters, no control
/// characters, not a built-in name): the first 40 characters of each, trimmed, each once.
fn label_names() -> Vec<String> {
    let mut labels = LabelSet::builtin();
    let mut names = Vec::new();
    for (_, text) in payloads() {
        let name: String = text.chars().take(40).collect::<String>().trim().to_string();
        let def = LabelDef { label: Label::Custom(0), name: name.clone(), colour: "#336699".into(), hotkey: None, description: text };
        if labels.add(def).is_ok() {
            names.push(name);
        }
    }
    names
}

/// A workspace holding the corpus everywhere: one article per payload (its title and its text
/// the payload), and one article with every payload on a line of its own, a span over each line
/// with every attribute and the note set to the payload, labelled in turn by a label named after
/// a payload, and a relation from each span to the next whose kind is the payload.
fn workspace() -> (Vec<Article>, LabelSet) {
    let corpus = payloads();
    let mut labels = LabelSet::builtin();
    for (_, text) in &corpus {
        let name: String = text.chars().take(40).collect::<String>().trim().to_string();
        let def = LabelDef { label: Label::Custom(0), name, colour: "#336699".into(), hotkey: None, description: text.clone() };
        let _ = labels.add(def);
    }
    let custom: Vec<Label> = labels.labels().filter(|l| l.is_custom()).collect();
    assert!(custom.len() >= 40, "{} payloads are label names", custom.len());

    let mut articles: Vec<Article> =
        corpus.iter().enumerate().map(|(i, (_, text))| Article::new(ArticleId::new(format!("a{i}")), text.clone(), text)).collect();
    let text: String = corpus.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, (_, payload)) in corpus.iter().enumerate() {
        let end = start + payload.chars().count();
        let label = custom[i % custom.len()];
        let attributes = Attributes {
            speaker: Some(payload.clone()),
            source: Some(payload.clone()),
            by: Some(payload.clone()),
            to: Some(payload.clone()),
            holder: Some(payload.clone()),
            note: Some(payload.clone()),
            other: Vec::new(),
        };
        spans.push(Span { attributes, ..Span::manual(SpanId::new(format!("s{}", i + 1)), label, start, end) });
        start = end + 1;
    }
    let relations = corpus
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, (_, kind))| Relation {
            id: RelationId::new(format!("r{i}")),
            // Kinds have no outer white space, as the app keeps them (and the readers trim).
            kind: kind.trim().into(),
            from: SpanId::new(format!("s{i}")),
            to: SpanId::new(format!("s{}", i + 1)),
            event: None,
        })
        .collect();
    let all = Article::with_spans(ArticleId::new("all"), "Every payload".into(), Rc::new(ArticleText::new(text.as_str())), spans)
        .with_relations(relations);
    articles.push(all);
    (articles, labels)
}

/// A value short enough for a failure message: the first 60 characters, escaped.
fn short(s: &str) -> String {
    format!("{:?}{}", s.chars().take(60).collect::<String>(), if s.chars().count() > 60 { "…" } else { "" })
}

/// Fails naming the first place where `got` and `want` differ, without printing whole payloads.
fn same<T: AsRef<str>, U: AsRef<str>>(what: &str, got: &[T], want: &[U]) {
    let got: Vec<&str> = got.iter().map(AsRef::as_ref).collect();
    let want: Vec<&str> = want.iter().map(AsRef::as_ref).collect();
    if let Some(i) = (0..got.len().max(want.len())).find(|&i| got.get(i) != want.get(i)) {
        let show = |v: Option<&&str>| v.map_or("nothing".to_string(), |s| short(s));
        panic!("{what}: item {i} of {} (want {}): {} where {} was wanted", got.len(), want.len(), show(got.get(i)), show(want.get(i)));
    }
}

fn round_trip(format: Format, articles: &[Article], labels: &LabelSet) -> ImportBatch {
    let refs: Vec<&Article> = articles.iter().collect();
    let files: Vec<InputFile> = write(format, &refs, labels, "2026-01-01T00:00:00Z")
        .into_iter()
        // Label Studio's configuration is pasted into a project, not imported.
        .filter(|f| !f.name.ends_with(".xml"))
        .map(|f| InputFile { name: f.name, text: f.text })
        .collect();
    read(format, &files, &LabelSet::builtin()).unwrap_or_else(|e| panic!("{format:?} reads what it wrote: {e}"))
}

/// What each format carries, besides the texts, which every one keeps exactly.
struct Carries {
    titles: bool,
    labels: bool,
    attributes: bool,
    note: bool,
    kinds: bool,
    /// brat: types and relation kinds cannot hold white space, which becomes `_`, and values are
    /// written a line at a time, so a lone CR in one comes back as LF.
    spaces_as_underscores: bool,
}

fn carries(format: Format) -> Carries {
    let c = |titles, labels, attributes, note, kinds| Carries { titles, labels, attributes, note, kinds, spaces_as_underscores: false };
    match format {
        Format::Newsmark | Format::W3c | Format::LabelStudio => c(true, true, true, true, true),
        Format::Doccano => c(true, true, false, false, true),
        Format::Spacy => c(true, true, false, false, false),
        Format::Brat => Carries { spaces_as_underscores: true, ..c(false, true, true, true, true) },
        Format::Conll => unreachable!("CoNLL is written only"),
    }
}

#[test]
fn every_format_carries_the_corpus_as_far_as_it_can() {
    let (articles, labels) = workspace();
    for format in [Format::Newsmark, Format::W3c, Format::LabelStudio, Format::Doccano, Format::Spacy, Format::Brat] {
        let carry = carries(format);
        let batch = round_trip(format, &articles, &labels);
        assert_eq!(batch.documents.len(), articles.len(), "{format:?}: one document per article");
        let name = |s: &str| -> String {
            if carry.spaces_as_underscores {
                s.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
            } else {
                s.to_string()
            }
        };
        let what = |field: &str| format!("{format:?}, {field}");
        same(
            &what("texts"),
            &batch.documents.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(),
            &articles.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(),
        );
        if carry.titles {
            same(
                &what("titles"),
                &batch.documents.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(),
                &articles.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(),
            );
        }
        for (article, doc) in articles.iter().zip(&batch.documents) {
            let offsets = |spans: Vec<(usize, usize)>| spans.iter().map(|(a, b)| format!("{a}..{b}")).collect::<Vec<_>>();
            same(
                &what("span offsets"),
                &offsets(doc.spans.iter().map(|s| (s.start, s.end)).collect()),
                &offsets(article.spans.iter().map(|s| (s.start, s.end)).collect()),
            );
            let spans: Vec<&Span> = article.spans.iter().collect();
            let values = |of: &dyn Fn(&Attributes) -> Option<String>, spans: &[&Span]| {
                spans.iter().map(|s| of(&s.attributes).unwrap_or_default()).collect::<Vec<_>>()
            };
            let got: Vec<&Span> = doc.spans.iter().collect();
            if carry.labels {
                let want: Vec<String> = spans.iter().map(|s| name(&labels.name(s.label))).collect();
                same(&what("labels"), &got.iter().map(|s| batch.labels.name(s.label)).collect::<Vec<_>>(), &want);
            }
            // brat writes a value with line breaks one line at a time: a lone CR comes back as LF.
            let lines = |v: Vec<String>| -> Vec<String> {
                if carry.spaces_as_underscores {
                    v.into_iter().map(|s| s.replace("\r\n", "\n").replace('\r', "\n")).collect()
                } else {
                    v
                }
            };
            if carry.note {
                same(&what("notes"), &values(&|a| a.note.clone(), &got), &lines(values(&|a| a.note.clone(), &spans)));
            }
            if carry.attributes {
                same(&what("speakers"), &values(&|a| a.speaker.clone(), &got), &lines(values(&|a| a.speaker.clone(), &spans)));
                same(&what("holders"), &values(&|a| a.holder.clone(), &got), &lines(values(&|a| a.holder.clone(), &spans)));
            }
            if carry.kinds {
                let want: Vec<String> = article.relations.iter().map(|r| name(&r.kind)).collect();
                same(&what("relation kinds"), &doc.relations.iter().map(|r| r.kind.to_string()).collect::<Vec<_>>(), &want);
            }
        }
    }
}

#[test]
fn labelled_json_round_trips_the_corpus_exactly() {
    let (articles, labels) = workspace();
    let refs: Vec<&Article> = articles.iter().collect();
    let json = export_json(&refs, &labels, "2026-01-01T00:00:00Z");
    let batch = import_json(&json, &LabelSet::builtin()).expect("reads its own export");
    // Labels: every name and description exactly, in order.
    let defs = |set: &LabelSet| set.iter().map(|d| (d.name.clone(), d.colour.clone(), d.description.clone())).collect::<Vec<_>>();
    assert_eq!(defs(&batch.labels), defs(&labels));
    assert_eq!(label_names().len(), labels.labels().filter(|l| l.is_custom()).count());
    for (article, doc) in articles.iter().zip(&batch.documents) {
        assert_eq!(doc.title, article.title);
        assert_eq!(doc.text.as_str(), article.text.as_str());
        let spans: Vec<Span> = article.spans.iter().cloned().collect();
        assert_eq!(doc.spans, spans);
        assert_eq!(doc.relations, article.relations.iter().cloned().collect::<Vec<_>>());
    }
    // And writing what was read gives the same file.
    let again: Vec<Article> = batch
        .documents
        .iter()
        .map(|d| {
            Article::with_spans(ArticleId::new(d.id.clone().unwrap()), d.title.clone(), d.text.clone(), d.spans.clone())
                .with_relations(d.relations.clone())
        })
        .collect();
    assert_eq!(export_json(&again.iter().collect::<Vec<_>>(), &batch.labels, "2026-01-01T00:00:00Z"), json);
}

#[test]
fn nothing_written_can_become_markup_where_a_browser_would_read_it() {
    let (articles, labels) = workspace();
    let refs: Vec<&Article> = articles.iter().collect();
    for format in Format::ALL {
        for file in write(format, &refs, &labels, "2026-01-01T00:00:00Z") {
            let ext = file.name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
            assert!(
                ["json", "jsonl", "jsonld", "txt", "ann", "conf", "conll", "xml"].contains(&ext),
                "{}: no file a browser would run as a page",
                file.name
            );
            assert!(!file.name.contains(['<', '>', '"', '\\', '\u{202e}']), "{}: a safe name", file.name);
            if ext == "xml" {
                // Label Studio's configuration: every element is one newsmark writes, so no
                // payload's markup became an element or an attribute.
                for tag in file.text.split('<').skip(1) {
                    let element = tag.trim_start_matches('/').split([' ', '>', '/']).next().unwrap_or("");
                    assert!(
                        ["View", "Header", "Labels", "Label", "Text", "Relations", "Relation", "TextArea"].contains(&element),
                        "an element {element:?} in {}",
                        file.name
                    );
                }
            }
        }
    }
}

#[test]
fn the_file_name_a_title_gives_cannot_hide_its_ending() {
    let (articles, labels) = workspace();
    let turned = articles.iter().find(|a| a.title.contains('\u{202e}')).unwrap();
    let files = write(Format::Brat, &[turned], &labels, "2026-01-01T00:00:00Z");
    for f in files {
        assert!(f.name.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c)), "{}", f.name);
    }
}

#[test]
fn a_lone_surrogate_is_refused_saying_where() {
    let corpus: Value = serde_json::from_str(CORPUS).unwrap();
    for escaped in corpus["lone_surrogates"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()) {
        let file = format!(
            "{{\"format\": \"newsmark-labelled-json\", \"version\": 1, \"exported_at\": \"2026-01-01T00:00:00Z\",\n\"documents\": [{{\"id\": \"a1\", \"title\": {escaped}, \"text\": \"x\", \"spans\": []}}]}}"
        );
        let error = import_json(&file, &LabelSet::builtin()).expect_err("a lone surrogate cannot be a string").to_string();
        println!("labelled JSON, {escaped}: {error}");
        assert!(error.contains("not valid JSON") && error.contains("line 2"), "{error}");
        for format in [Format::Doccano, Format::Spacy, Format::LabelStudio, Format::W3c] {
            let text = format!("{{\"text\": {escaped}, \"label\": []}}\n");
            let files = [InputFile { name: "x.json".into(), text }];
            let error = read(format, &files, &LabelSet::builtin()).expect_err("refused").to_string();
            println!("{format:?}, {escaped}: {error}");
            assert!(error.contains("x.json") && error.contains("line 1"), "{format:?}: {error}");
        }
    }
}

#[test]
fn a_colour_that_is_not_rrggbb_is_refused_in_every_import() {
    for colour in
        ["red;background:url(//x.invalid/c)", "#fff;}*{background:url(//x.invalid/d)}", "</style>", "#12345", "#1234567", "expression(x)"]
    {
        let file = format!(
            "{{\"format\": \"newsmark-labelled-json\", \"version\": 1, \"exported_at\": \"2026-01-01T00:00:00Z\", \"labels\": [{{\"name\": \"Person\", \"colour\": {}}}], \"documents\": [{{\"id\": \"a1\", \"title\": \"t\", \"text\": \"x\", \"spans\": []}}]}}",
            serde_json::to_string(colour).unwrap()
        );
        let error = import_json(&file, &LabelSet::builtin()).expect_err("a bad colour is refused").to_string();
        assert!(error.contains("field colour") && error.contains("is not a colour"), "{error}");
    }
}

/// The label set a batch brings must survive being stored: the app keeps it as labelled JSON and
/// reads it back through the same checks as an import. A label name with control characters, or
/// one cut at 40 characters just after a space, used to pass an import and then make the stored
/// workspace unreadable.
#[test]
fn a_label_named_with_control_characters_still_gives_a_workspace_that_reads_back() {
    let long = format!("{} tail", "w".repeat(39));
    for name in ["a\u{7}b", "tab\there", "line\nbreak", "nul\u{0}", long.as_str()] {
        let escaped = serde_json::to_string(name).unwrap();
        let files = [
            (Format::Doccano, format!("{{\"text\": \"Ana said so.\", \"label\": [[0, 3, {escaped}]]}}\n")),
            (Format::Spacy, format!("{{\"text\": \"Ana said so.\", \"spans\": [{{\"start\": 0, \"end\": 3, \"label\": {escaped}}}]}}\n")),
        ];
        for (format, text) in files {
            let batch = read(format, &[InputFile { name: "x.jsonl".into(), text }], &LabelSet::builtin()).expect("read");
            let doc = &batch.documents[0];
            let article = Article::with_spans(ArticleId::new("a1"), doc.title.clone(), doc.text.clone(), doc.spans.clone());
            let json = export_json(&[&article], &batch.labels, "2026-01-01T00:00:00Z");
            let back = import_json(&json, &LabelSet::builtin()).unwrap_or_else(|e| panic!("{format:?}, {name:?}: {e}"));
            let label = back.documents[0].spans[0].label;
            let stored = back.labels.name(label);
            assert!(!stored.chars().any(char::is_control) && stored == stored.trim(), "{format:?}: {stored:?}");
        }
    }
}
