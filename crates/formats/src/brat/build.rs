//! One `.ann` file's records, checked against its text and turned into a newsmark document.
//!
//! Owns: choosing how the file counts offsets (`offsets::View`), checking each `T` line's text,
//! re-anchoring by text, making fragments valid, resolving ids (an `E` id stands for its
//! trigger), and the mapping of every line type to spans, relations and attributes. Must never:
//! accept a reference to an id the file does not define, or drop an annotation without a warning.

use std::collections::HashMap;
use std::rc::Rc;

use newsmark_core::format::ImportedDocument;
use newsmark_core::{ArticleText, AttributeKey, Attributes, LabelSet, Relation, RelationId, Span, SpanId};

use super::ann::{Kind, Record};
use super::offsets::View;
use super::{EVENT_MARK, NORMALIZATION_PREFIX, NOTE_PREFIX};
use crate::anchor::{anchor, Anchored};
use crate::error::excerpt;
use crate::FormatError;

/// What `build` needs to know about the file and its text.
pub(super) struct Source<'a> {
    /// The `.ann` file's name, for messages.
    pub file: &'a str,
    pub title: String,
    pub text: Rc<ArticleText>,
    /// Whether the `.txt` started with a byte-order mark (newsmark dropped it; brat counts it).
    pub had_bom: bool,
}

pub(super) fn build(
    src: &Source,
    records: &[Record],
    labels: &mut LabelSet,
    warnings: &mut Vec<String>,
) -> Result<ImportedDocument, FormatError> {
    let err = |r: &Record, field: &str, problem: String| FormatError::new(src.file, Some(r.line), Some(field), problem);
    let view = choose_view(&src.text, src.had_bom, records);

    // Spans first: every other line refers to them, possibly from an earlier line.
    let mut spans: Vec<Span> = Vec::new();
    let mut span_at: HashMap<&str, usize> = HashMap::new();
    let mut types: HashMap<&str, &str> = HashMap::new();
    for r in records {
        let Kind::Text { ty, fragments, text } = &r.kind else { continue };
        let pieces = place(src, &view, r, fragments, *text, warnings)?;
        let label = labels.intern(ty).ok_or_else(|| err(r, "type", "is empty".into()))?;
        let (start, end) = hull(&pieces);
        let fragments = (pieces.len() > 1).then(|| Rc::from(pieces));
        span_at.insert(r.id, spans.len());
        types.insert(r.id, ty);
        spans.push(Span { fragments, ..Span::manual(SpanId::new(r.id), label, start, end) });
    }

    // Events' triggers, so that an `E` id can stand for its trigger span anywhere.
    let mut trigger_of: HashMap<&str, &str> = HashMap::new();
    for r in records {
        let Kind::Event { ty, trigger, .. } = &r.kind else { continue };
        match types.get(trigger) {
            None => return Err(err(r, "trigger", format!("{} is not the id of a T line in this file", excerpt(trigger)))),
            Some(t) if t != ty => {
                return Err(err(
                    r,
                    "trigger",
                    format!(
                        "{trigger} is a {}, but the event is a {}; brat requires an event's trigger to have the event's type",
                        excerpt(t),
                        excerpt(ty)
                    ),
                ))
            }
            Some(_) => trigger_of.insert(r.id, trigger),
        };
    }
    let resolve = |r: &Record, field: &str, id: &str| -> Result<usize, FormatError> {
        let id = trigger_of.get(id).copied().unwrap_or(id);
        span_at.get(id).copied().ok_or_else(|| err(r, field, format!("{} is not the id of a T or E line in this file", excerpt(id))))
    };

    let mut relations: Vec<Relation> = Vec::new();
    let mut equivs = 0;
    for r in records {
        match &r.kind {
            Kind::Text { .. } => {}
            Kind::Relation { ty, args } => {
                let from = resolve(r, args[0].0, args[0].1)?;
                let to = resolve(r, args[1].0, args[1].1)?;
                link(src.file, r, &spans, (from, to), ty, RelationId::new(r.id), None, &mut relations, warnings);
            }
            Kind::Event { trigger, args, .. } => {
                let from = resolve(r, "trigger", trigger)?;
                let before = relations.len();
                for (k, (role, target)) in args.iter().enumerate() {
                    let to = resolve(r, role, target)?;
                    let id = RelationId::new(format!("{}.{}", r.id, k + 1));
                    link(src.file, r, &spans, (from, to), role, id, Some(r.id), &mut relations, warnings);
                }
                if relations.len() == before {
                    // An event without arguments (PolNeAR has one) has no relation to carry it,
                    // so its trigger keeps the event's id and the writer restores the E line.
                    spans[from].attributes.other.push((EVENT_MARK.into(), r.id.into()));
                }
            }
            Kind::Equiv { ty, members } => {
                equivs += 1;
                let first = resolve(r, "arguments", members[0])?;
                for (k, member) in members.iter().enumerate().skip(1) {
                    let to = resolve(r, "arguments", member)?;
                    let id = RelationId::new(format!("*{equivs}.{k}"));
                    link(src.file, r, &spans, (first, to), ty, id, None, &mut relations, warnings);
                }
            }
            Kind::Attribute { name, target, value } => {
                let at = resolve(r, "target", target)?;
                spans[at].attributes.other.push(((*name).into(), (*value).into()));
            }
            Kind::Comment { ty, target, text } => {
                let at = resolve(r, "target", target)?;
                comment(&mut spans[at].attributes, ty, text);
            }
            Kind::Normalization { ty, target, reference, text } => {
                let at = resolve(r, "target", target)?;
                let value = if text.is_empty() { (*reference).to_string() } else { format!("{reference} {text}") };
                spans[at].attributes.other.push((format!("{NORMALIZATION_PREFIX}{ty}"), value));
            }
        }
    }
    Ok(ImportedDocument { id: None, title: src.title.clone(), text: src.text.clone(), spans, relations })
}

/// The view under which the most `T` lines hold their own text; the likeliest on a tie.
fn choose_view(text: &ArticleText, had_bom: bool, records: &[Record]) -> View {
    let candidates = View::candidates(text.as_str(), had_bom);
    if candidates.len() == 1 {
        return candidates.into_iter().next().unwrap_or_else(|| View::exact(text.as_str()));
    }
    let score = |view: &View| {
        records
            .iter()
            .filter(|r| match &r.kind {
                Kind::Text { fragments, text: Some(claimed), .. } => {
                    to_text(view, fragments).is_some_and(|p| same_text(&joined(text, &p), claimed))
                }
                _ => false,
            })
            .count()
    };
    let mut best = (0, None);
    for (i, view) in candidates.iter().enumerate() {
        let s = score(view);
        if best.1.is_none() || s > best.0 {
            best = (s, Some(i));
        }
    }
    let at = best.1.unwrap_or(0);
    candidates.into_iter().nth(at).unwrap_or_else(|| View::exact(text.as_str()))
}

fn to_text(view: &View, fragments: &[(usize, usize)]) -> Option<Vec<(usize, usize)>> {
    fragments.iter().map(|&(s, e)| Some((view.to_text(s)?, view.to_text(e)?))).collect()
}

/// The text brat expects in a `T` line's last column: the fragments' texts joined by a space.
pub(super) fn joined(text: &ArticleText, pieces: &[(usize, usize)]) -> String {
    pieces.iter().map(|&(s, e)| text.slice(s, e)).collect::<Vec<_>>().join(" ")
}

/// Whether a `T` line's text column says `expected`. A text column cannot hold a line break, so
/// tools that write one as a space (one per CRLF, or one per character) are accepted too.
fn same_text(expected: &str, claimed: &str) -> bool {
    if expected == claimed {
        return true;
    }
    let per_break = |s: &str| s.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let per_char = |s: &str| s.replace(['\r', '\n'], " ");
    per_break(expected) == per_break(claimed) || per_char(expected) == per_char(claimed)
}

/// The pieces of a `T` line in newsmark's code points, checked against its text.
fn place(
    src: &Source,
    view: &View,
    r: &Record,
    fragments: &[(usize, usize)],
    claimed: Option<&str>,
    warnings: &mut Vec<String>,
) -> Result<Vec<(usize, usize)>, FormatError> {
    let err = |field: &str, problem: String| FormatError::new(src.file, Some(r.line), Some(field), problem);
    let many = fragments.len() > 1;
    let mut pieces = Vec::with_capacity(fragments.len());
    for (i, &(s, e)) in fragments.iter().enumerate() {
        let which = if many { format!("fragment {} ({s} {e})", i + 1) } else { format!("{s} {e}") };
        match (view.to_text(s), view.to_text(e)) {
            (Some(a), Some(b)) => pieces.push((a, b)),
            _ => {
                return Err(err(
                    "offsets",
                    format!("{which} ends past the end of the text ({} characters{})", view.len(), counting_note(view)),
                ))
            }
        }
    }
    // A CRLF is one character to a person (and to brat), so no span may end between its halves.
    let splits = |p: usize| p > 0 && src.text.char_at(p - 1) == Some('\r') && src.text.char_at(p) == Some('\n');
    if let Some(i) = pieces.iter().position(|&(a, b)| splits(a) || splits(b)) {
        let which = if many { format!("fragment {} ", i + 1) } else { String::new() };
        return Err(err(
            "offsets",
            format!("{which}{} {} starts or ends between the CR and the LF of a line break", fragments[i].0, fragments[i].1),
        ));
    }
    // The text column joins the fragments as written, so it is checked before any merging.
    let Some(claimed) = claimed else { return Ok(valid_fragments(src, r, pieces, warnings)) };
    if same_text(&joined(&src.text, &pieces), claimed) {
        return Ok(valid_fragments(src, r, pieces, warnings));
    }
    if pieces.len() > 1 {
        return Err(err(
            "text",
            format!("{} is not the text of its fragments, which is {}", excerpt(claimed), excerpt(&joined(&src.text, &pieces))),
        ));
    }
    let (start, end) = pieces[0];
    match anchor(&src.text, start, end, Some(claimed)) {
        Anchored::Exact => Ok(pieces),
        Anchored::Moved { start: a, end: b } => {
            warnings.push(format!(
                "{}, line {}: the offsets of {} ({} {}) do not hold its text {}; it was placed where that text occurs, the only place it does (code points {a}–{b}).",
                src.file,
                r.line,
                r.id,
                fragments[0].0,
                fragments[0].1,
                excerpt(claimed)
            ));
            pieces[0] = (a, b);
            Ok(pieces)
        }
        Anchored::Failed(why) => Err(err("text", why)),
    }
}

fn counting_note(view: &View) -> &'static str {
    match (view.counts_bom(), view.counts_crlf_as_one()) {
        (false, false) => "",
        (true, false) => ", counting the byte-order mark as brat does",
        (false, true) => ", counting each CRLF as one, as brat does",
        (true, true) => ", counting the byte-order mark and each CRLF as one, as brat does",
    }
}

/// Fragments as newsmark keeps them. They stay exactly as the file lists them — in its order, and
/// touching if they touch — so that writing the file back gives the same `T` line; only
/// fragments that share characters are merged (sorted), with a warning, since a character
/// cannot be in a span twice.
fn valid_fragments(src: &Source, r: &Record, pieces: Vec<(usize, usize)>, warnings: &mut Vec<String>) -> Vec<(usize, usize)> {
    let mut sorted = pieces.clone();
    sorted.sort_unstable();
    if sorted.windows(2).all(|w| w[0].1 <= w[1].0) {
        return pieces;
    }
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in sorted {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    warnings.push(format!(
        "{}, line {}: fragments of {} overlap, so they were merged into {}.",
        src.file,
        r.line,
        r.id,
        merged.iter().map(|(s, e)| format!("{s}–{e}")).collect::<Vec<_>>().join(", ")
    ));
    merged
}

fn hull(pieces: &[(usize, usize)]) -> (usize, usize) {
    let start = pieces.iter().map(|p| p.0).min().unwrap_or(0);
    let end = pieces.iter().map(|p| p.1).max().unwrap_or(0);
    (start, end)
}

/// Adds a relation between two spans, or warns when both ends are one span (newsmark links two
/// different spans; brat lets an event name its own trigger).
#[allow(clippy::too_many_arguments)]
fn link(
    file: &str,
    r: &Record,
    spans: &[Span],
    (from, to): (usize, usize),
    kind: &str,
    id: RelationId,
    event: Option<&str>,
    relations: &mut Vec<Relation>,
    warnings: &mut Vec<String>,
) {
    if from == to {
        warnings.push(format!(
            "{file}, line {}: {} links {} to itself as {}; newsmark relations join two different spans, so it was left out.",
            r.line,
            r.id,
            spans[from].id.as_str(),
            excerpt(kind)
        ));
        return;
    }
    relations.push(Relation {
        id,
        kind: kind.into(),
        from: spans[from].id.clone(),
        to: spans[to].id.clone(),
        event: event.map(Into::into),
    });
}

/// A `#` line: brat's notes go to the note, newsmark's own attribute names (as newsmark writes
/// them) to those attributes, and other comment types to `other`. Several lines for one span and
/// type join with line breaks (for every type), which is how a multi-line value is written.
fn comment(attributes: &mut Attributes, ty: &str, text: &str) {
    let key = match ty {
        "AnnotatorNotes" => Some(AttributeKey::Note),
        _ => AttributeKey::ALL.into_iter().find(|k| *k != AttributeKey::Note && k.id() == ty),
    };
    let Some(key) = key else {
        // Joined like the others, which is how the writer splits a value over lines (found by
        // fuzzing: a value holding an empty line came back as two values and an empty one).
        let name = format!("{NOTE_PREFIX}{ty}");
        match attributes.other.iter_mut().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                value.push('\n');
                value.push_str(text);
            }
            None => attributes.other.push((name, text.to_string())),
        }
        return;
    };
    let value = match attributes.get(key) {
        Some(before) => format!("{before}\n{text}"),
        None => text.to_string(),
    };
    // `set` treats an empty value as none, which is what an empty first note line means.
    attributes.set(key, &value);
}
