//! Writing doccano JSONL.
//!
//! Owns: the shape chosen for an export and the integer ids doccano needs. Must never: write a
//! span's offsets in anything but UTF-16 code units.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use newsmark_core::{Article, LabelSet};
use serde::Serialize;

/// The `label` shape: spans only.
#[derive(Serialize)]
struct LabelLine<'a> {
    text: &'a str,
    title: &'a str,
    label: Vec<(usize, usize, String)>,
}

/// The `entities` shape, for exports with relations.
#[derive(Serialize)]
struct EntityLine<'a> {
    text: &'a str,
    title: &'a str,
    entities: Vec<Entity>,
    relations: Vec<EntityRelation<'a>>,
}

#[derive(Serialize)]
struct Entity {
    id: u64,
    label: String,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Serialize)]
struct EntityRelation<'a> {
    id: u64,
    from_id: u64,
    to_id: u64,
    #[serde(rename = "type")]
    kind: &'a str,
}

pub(super) fn jsonl(articles: &[&Article], labels: &LabelSet) -> String {
    // One shape for the whole file: doccano reads a file with one column layout.
    let linked = articles.iter().any(|a| !a.relations.is_empty());
    let mut out = String::new();
    for article in articles {
        let line = if linked { entity_line(article, labels) } else { label_line(article, labels) };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Each piece of each span in span order, in UTF-16 code units, with its span's index. A
/// discontinuous span becomes one doccano span per fragment, since doccano has no other way.
fn pieces(article: &Article) -> Vec<(usize, usize, usize)> {
    let text = &article.text;
    let mut out = Vec::new();
    for (i, span) in article.spans.iter().enumerate() {
        for (start, end) in span.pieces() {
            out.push((i, text.utf16_of(start), text.utf16_of(end)));
        }
    }
    out
}

/// Puts `items` in the order their spans will have once read back (text order, longer first,
/// then by `tie`), so writing what was read writes the same file (found by fuzzing: a later
/// fragment, or spans over the same text, came back in another order).
fn in_read_order<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> (usize, usize, K)) {
    items.sort_by_key(|item| {
        let (start, end, tie) = key(item);
        (start, Reverse(end), tie)
    });
}

fn label_line(article: &Article, labels: &LabelSet) -> String {
    let spans = article.spans.as_slice();
    // Read back, spans over the same text are in the order of their new ids, which is the file's.
    let mut label: Vec<(usize, usize, String)> =
        pieces(article).into_iter().map(|(i, start, end)| (start, end, labels.name(spans[i].label))).collect();
    in_read_order(&mut label, |(start, end, name)| (*start, *end, name.clone()));
    let line = LabelLine { text: article.text.as_str(), title: &article.title, label };
    serde_json::to_string(&line).expect("plain data serialises")
}

fn entity_line(article: &Article, labels: &LabelSet) -> String {
    let spans = article.spans.as_slice();
    let pieces = pieces(article);
    // A span's first piece carries its id (`s12` is entity 12); further pieces get new numbers.
    let mut first_piece = vec![usize::MAX; spans.len()];
    let wanted: Vec<Option<&str>> = pieces
        .iter()
        .enumerate()
        .map(|(p, &(i, _, _))| {
            if first_piece[i] == usize::MAX {
                first_piece[i] = p;
                Some(spans[i].id.as_str())
            } else {
                None
            }
        })
        .collect();
    let entity_ids = numbers(&wanted, 's');
    let mut entities: Vec<Entity> = pieces
        .iter()
        .zip(&entity_ids)
        .map(|(&(i, start, end), &id)| Entity { id, label: labels.name(spans[i].label), start_offset: start, end_offset: end })
        .collect();
    // Read back, entity 12 is span `s12`.
    in_read_order(&mut entities, |e| (e.start_offset, e.end_offset, format!("s{}", e.id)));
    let wanted: Vec<Option<&str>> = article.relations.iter().map(|r| Some(r.id.as_str())).collect();
    let relation_ids = numbers(&wanted, 'r');
    let index: HashMap<&str, usize> = spans.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    // A relation's spans are in its article (the model's rule); entity 0 would only mark a
    // broken article, never panic.
    let entity_of = |id: &newsmark_core::SpanId| index.get(id.as_str()).map_or(0, |&i| entity_ids[first_piece[i]]);
    let relations = article
        .relations
        .iter()
        .zip(&relation_ids)
        .map(|(r, &id)| EntityRelation { id, from_id: entity_of(&r.from), to_id: entity_of(&r.to), kind: &r.kind })
        .collect();
    let line = EntityLine { text: article.text.as_str(), title: &article.title, entities, relations };
    serde_json::to_string(&line).expect("plain data serialises")
}

/// Integer ids for `wanted`: an id `s12` (with `prefix` 's') or `12` keeps 12 if no earlier one
/// took it; the others count on from the highest number given.
fn numbers(wanted: &[Option<&str>], prefix: char) -> Vec<u64> {
    let parse = |id: &str| -> Option<u64> {
        let digits = id.strip_prefix(prefix).unwrap_or(id);
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
    };
    let mut used = HashSet::new();
    let kept: Vec<Option<u64>> = wanted.iter().map(|w| w.and_then(parse).filter(|n| used.insert(*n))).collect();
    let mut next = used.iter().max().map_or(1, |m| m.saturating_add(1));
    kept.into_iter()
        .map(|k| {
            k.unwrap_or_else(|| {
                next = next.saturating_add(1);
                next - 1
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::numbers;

    #[test]
    fn ids_keep_their_numbers_and_others_count_on() {
        let wanted = [Some("s3"), None, Some("T1"), Some("7"), Some("s3")];
        assert_eq!(numbers(&wanted, 's'), vec![3, 8, 9, 7, 10]);
    }
}
