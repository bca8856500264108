//! Random and damaged input for the JSON formats' readers (doccano, Label Studio, W3C, spaCy):
//! none may panic; an error names the file, the line and (unless the JSON itself is broken or
//! the whole file is wrong) the field; and what is accepted keeps the batch's promises (spans
//! inside their text, relations between spans of their document, labels in the batch's set).

#[path = "fixtures/support.rs"]
mod support;

use std::collections::HashSet;

use newsmark_core::span::fragments_problem;
use newsmark_core::LabelSet;
use newsmark_formats::{doccano, labelstudio, spacy, w3c, FormatError, ImportBatch, InputFile};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use support::*;

type Reader = fn(&[InputFile], &LabelSet) -> Result<ImportBatch, FormatError>;

/// Each reader, the file name it is fed, and whether it reads JSON Lines.
const READERS: [(&str, Reader, bool); 4] = [
    ("news.jsonl", doccano::read, true),
    ("tasks.json", labelstudio::read, false),
    ("notes.jsonld", w3c::read, false),
    ("spans.jsonl", spacy::read, true),
];

/// Reads `text` with `reader` and checks what comes back, whichever it is.
fn check(name: &str, reader: Reader, text: &str) -> Result<(), TestCaseError> {
    match reader(&[InputFile::new(name, text)], &LabelSet::builtin()) {
        Ok(batch) => check_batch(&batch),
        Err(err) => check_error(&err, name, text),
    }
}

fn check_error(err: &FormatError, name: &str, text: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(&err.file, name);
    let lines = text.split('\n').count();
    let whole_file = err.problem.starts_with("the file");
    match err.line {
        Some(line) => prop_assert!((1..=lines).contains(&line), "line {} of {}: {}", line, lines, err),
        None => prop_assert!(whole_file, "no line: {}", err),
    }
    // Broken JSON has no field; neither does a problem with the whole file or its top value.
    let needs_field = !(err.problem.starts_with("not valid JSON") || whole_file || err.problem.starts_with("must be"));
    if needs_field {
        prop_assert!(err.field.is_some(), "no field: {}", err);
    }
    prop_assert!(!err.problem.is_empty());
    Ok(())
}

fn check_batch(batch: &ImportBatch) -> Result<(), TestCaseError> {
    for doc in &batch.documents {
        let mut ids = HashSet::new();
        for s in &doc.spans {
            prop_assert!(s.start < s.end && s.end <= doc.text.len(), "span {:?} outside a text of {}", s, doc.text.len());
            prop_assert!(ids.insert(s.id.clone()), "span id {:?} twice", s.id);
            prop_assert!(batch.labels.contains(s.label));
            if let Some(f) = &s.fragments {
                prop_assert!(fragments_problem(f).is_none());
                prop_assert_eq!((f[0].0, f[f.len() - 1].1), (s.start, s.end));
            }
        }
        for r in &doc.relations {
            prop_assert!(ids.contains(&r.from) && ids.contains(&r.to) && r.from != r.to, "relation {:?}", r);
        }
    }
    Ok(())
}

// ---- random JSON built from the formats' own words -------------------------------------------

const KEYS: &[&str] = &[
    "text",
    "title",
    "label",
    "labels",
    "entities",
    "relations",
    "id",
    "start_offset",
    "end_offset",
    "from_id",
    "to_id",
    "type",
    "spans",
    "ents",
    "sc",
    "start",
    "end",
    "meta",
    "data",
    "annotations",
    "predictions",
    "result",
    "value",
    "from_name",
    "to_name",
    "direction",
    "origin",
    "score",
    "was_cancelled",
    "model_version",
    "choices",
    "target",
    "source",
    "selector",
    "exact",
    "prefix",
    "suffix",
    "body",
    "bodyValue",
    "purpose",
    "motivation",
    "items",
    "first",
    "next",
    "nm:sources",
    "nm:attribute",
    "nm:origin",
    "nm:confidence",
    "nm:reason",
    "nm:event",
    "@id",
    "@type",
];

const WORDS: &[&str] = &[
    "labels",
    "relation",
    "textarea",
    "choices",
    "prediction",
    "prediction-changed",
    "left",
    "right",
    "bi",
    "Annotation",
    "AnnotationPage",
    "AnnotationCollection",
    "TextualBody",
    "TextQuoteSelector",
    "TextPositionSelector",
    "tagging",
    "commenting",
    "describing",
    "linking",
    "suggested",
    "a",
    "b",
    "ab",
    "x",
    "😀",
    "a😀b",
    "\r\n",
    "",
    " ",
    "urn:newsmark:article:a1",
    "urn:newsmark:article:a1:span:s1",
    "urn:newsmark:article:a1:relation:r1",
    "#a",
    "t",
];

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u64..12).prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![Just(0.5), Just(-1.0), Just(3.0), Just(1e300)].prop_map(|f: f64| json!(f)),
        prop::sample::select(WORDS).prop_map(|s| json!(s)),
        "\\PC{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 80, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..7)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>())),
        ]
    })
}

/// A value written as a file of the reader's kind: JSON Lines (an array's items one per line),
/// or pretty JSON, so that values sit on many lines.
fn as_file(v: &Value, jsonl: bool) -> String {
    match v {
        Value::Array(items) if jsonl => items.iter().map(|i| serde_json::to_string(i).unwrap() + "\n").collect(),
        _ => serde_json::to_string_pretty(v).unwrap(),
    }
}

// ---- damage to valid files -------------------------------------------------------------------

/// One change to a value somewhere in a tree: `at` picks the node (in depth-first order,
/// wrapping), `how` what happens to it.
#[derive(Debug, Clone)]
struct Damage {
    at: usize,
    how: u8,
    number: i64,
}

fn arb_damage() -> impl Strategy<Value = Damage> {
    (any::<usize>(), 0u8..8, prop_oneof![Just(-1i64), Just(0), Just(1), Just(7), Just(1 << 40), any::<i64>()])
        .prop_map(|(at, how, number)| Damage { at, how, number })
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Applies `d` to node number `*n` of `v` (counting down as nodes are passed).
fn damage(v: &mut Value, d: &Damage, n: &mut usize) -> bool {
    if *n == 0 {
        *v = match d.how {
            0 => json!(d.number),
            1 => Value::Null,
            2 => json!("😀"),
            3 => json!([]),
            4 => json!({}),
            5 => json!(d.number as f64 / 3.0),
            6 => match &*v {
                Value::String(s) => Value::String(s.chars().rev().collect()),
                Value::Number(n) => json!(n.as_u64().map_or(0, |n| n.saturating_add(1))),
                other => other.clone(),
            },
            _ => Value::Bool(true),
        };
        return true;
    }
    *n -= 1;
    match v {
        Value::Array(items) => {
            for i in 0..items.len() {
                // Removing an item instead of changing it, on every other damage kind.
                if *n == 0 && d.how % 2 == 1 && items.len() > 1 {
                    items.remove(i);
                    return true;
                }
                if damage(&mut items[i], d, n) {
                    return true;
                }
            }
        }
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                if *n == 0 && d.how == 7 {
                    map.remove(&k);
                    return true;
                }
                if damage(map.get_mut(&k).unwrap(), d, n) {
                    return true;
                }
            }
        }
        _ => {}
    }
    false
}

fn damaged(text: &str, jsonl: bool, d: &Damage) -> String {
    let mut v = json(text);
    let total = count_nodes(&v);
    let mut n = d.at % total;
    damage(&mut v, d, &mut n);
    as_file(&v, jsonl)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}|[\\[\\]{}\",:0-9a-z \\n]{0,200}") {
        for (name, reader, _) in READERS {
            check(name, reader, &text)?;
        }
    }

    #[test]
    fn arbitrary_json_in_the_formats_words_never_panics(v in arb_json()) {
        for (name, reader, jsonl) in READERS {
            check(name, reader, &as_file(&v, jsonl))?;
        }
    }

    #[test]
    fn damaged_exports_never_panic_and_errors_say_where(case in arb_case(), d in arb_damage()) {
        let articles = refs(&case.articles);
        let written = [
            doccano::write(&articles, &case.labels).remove(0).text,
            output(&labelstudio::write(&articles, &case.labels), "labelstudio/tasks.json").text.clone(),
            w3c::write(&articles, &case.labels).remove(0).text,
            spacy::write(&articles, &case.labels).remove(0).text,
        ];
        for ((name, reader, jsonl), text) in READERS.into_iter().zip(&written) {
            check(name, reader, &damaged(text, jsonl, &d))?;
            // Cut short too: broken JSON on some line.
            let cut: String = text.chars().take(d.at % (text.chars().count() + 1)).collect();
            check(name, reader, &cut)?;
        }
    }
}

#[test]
fn a_damaged_offset_is_reported_with_its_line_and_field() {
    // Deterministic companions to the properties: one damage per format, checked in full.
    let cases: [(&str, Reader, &str, usize, &str); 4] = [
        ("news.jsonl", doccano::read, "{\"text\": \"ab\"}\n{\"text\": \"ab\", \"label\": [[0, 3, \"X\"]]}\n", 2, "label[0][1]"),
        ("tasks.json", labelstudio::read, "[\n {\"data\": {\"text\": \"ab\"},\n  \"annotations\": [{\"result\": [\n   {\"id\": \"a\", \"type\": \"labels\",\n    \"value\": {\"start\": 0, \"end\": 3, \"labels\": [\"X\"]}}]}]}\n]", 5, "[0].annotations[0].result[0].value.end"),
        ("notes.jsonld", w3c::read, "{\"type\": \"AnnotationPage\", \"items\": [\n {\"target\": {\"source\": {\"id\": \"t\", \"value\": \"ab\"},\n  \"selector\": {\"type\": \"TextPositionSelector\",\n   \"start\": 0, \"end\": 3}}}]}", 4, "items[0].target.selector.end"),
        ("spans.jsonl", spacy::read, "\n\n{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"X\"}]}\n", 3, "spans[0].end"),
    ];
    for (name, reader, text, line, field) in cases {
        let err = reader(&[InputFile::new(name, text)], &LabelSet::builtin()).unwrap_err();
        assert_eq!((err.file.as_str(), err.line, err.field.as_deref()), (name, Some(line), Some(field)), "{err}");
        assert!(err.problem.starts_with("3 is past the end of the text (2 "), "{err}");
    }
}
