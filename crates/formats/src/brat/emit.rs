//! Writing articles as brat files: `NAME.txt` (the text, unchanged) and `NAME.ann`.
//!
//! Owns: file names, id assignment (a span's `T<n>`, a relation's `R<n>` and an event's `E<n>`
//! are kept), the order of lines, and turning spans, relations and attributes back into brat
//! lines. Must never: write a line the reader in this module would refuse, or a text column
//! holding a line break.

use std::collections::{HashMap, HashSet};

use newsmark_core::{Article, ArticleText, AttributeKey, LabelSet, Relation, Span, SpanId};

use super::build::joined;
use super::conf::Conf;
use super::offsets::View;
use super::{brat_name, EVENT_MARK, NORMALIZATION_PREFIX, NOTE_PREFIX};
use crate::OutputFile;

pub(super) fn write(articles: &[&Article], labels: &LabelSet) -> Vec<OutputFile> {
    if articles.is_empty() {
        return Vec::new();
    }
    let mut taken = HashSet::new();
    let mut conf = Conf::default();
    let mut out = Vec::with_capacity(articles.len() * 2 + 1);
    for article in articles {
        let stem = unique(safe_stem(&article.title, article.id.as_str()), &mut taken);
        // Readers drop a byte-order mark at the start of a file, so a text that itself starts
        // with U+FEFF is written after one more, which is then counted as brat counts it.
        let text = article.text.as_str();
        let text = if text.starts_with('\u{feff}') { format!("\u{feff}{text}") } else { text.to_string() };
        out.push(OutputFile { name: format!("brat/{stem}.txt"), text });
        out.push(OutputFile { name: format!("brat/{stem}.ann"), text: ann(article, labels, &mut conf) });
    }
    out.push(OutputFile { name: "brat/annotation.conf".into(), text: conf.render() });
    out
}

/// An event to write: its trigger and (role, argument) pairs, with the id it had if any.
struct Event<'a> {
    hint: Option<&'a str>,
    trigger: &'a SpanId,
    args: Vec<(&'a str, &'a SpanId)>,
    id: String,
}

/// The `.ann` file of one article.
fn ann(article: &Article, labels: &LabelSet, conf: &mut Conf) -> String {
    let spans: HashMap<&SpanId, &Span> = article.spans.iter().map(|s| (&s.id, s)).collect();
    let type_of = |id: &SpanId| spans.get(id).map_or_else(|| "_".to_string(), |s| brat_name(&labels.name(s.label)));

    // T ids: `T<n>` ids are kept, other spans numbered after them in text order.
    let mut t_ids: HashMap<&SpanId, String> = HashMap::new();
    let mut order: Vec<(u64, &Span)> = Vec::new();
    let mut next = article.spans.iter().filter_map(|s| number(s.id.as_str(), 'T')).max().unwrap_or(0);
    for span in &article.spans {
        let n = number(span.id.as_str(), 'T').unwrap_or_else(|| {
            next += 1;
            next
        });
        let id = if number(span.id.as_str(), 'T').is_some() { span.id.as_str().to_string() } else { format!("T{n}") };
        t_ids.insert(&span.id, id);
        order.push((n, span));
    }
    order.sort_by_key(|&(n, _)| n);

    let events = events(article, &spans);
    // A reference to an event's trigger is written as the event's id, as brat expects (and as
    // the reader maps an E id back to its trigger).
    let mut event_of: HashMap<&SpanId, &str> = HashMap::new();
    for e in &events {
        event_of.entry(e.trigger).or_insert(&e.id);
    }
    let refer = |id: &SpanId| -> String {
        match event_of.get(id) {
            Some(e) => e.to_string(),
            None => t_ids.get(id).cloned().unwrap_or_default(),
        }
    };

    let mut lines = Vec::new();
    let view = View::brat(article.text.as_str(), article.text.as_str().starts_with('\u{feff}'));
    for &(_, span) in &order {
        let ty = type_of(&span.id);
        if !event_of.contains_key(&span.id) {
            conf.entity(&ty);
        }
        lines.push(t_line(&t_ids[&span.id], &ty, &article.text, &view, span));
    }
    for e in &events {
        let ty = type_of(e.trigger);
        let mut line = format!("{}\t{ty}:{}", e.id, t_ids.get(e.trigger).map_or("", String::as_str));
        for &(role, to) in &e.args {
            let role = brat_name(role);
            conf.event(&ty, &role, &type_of(to));
            line.push_str(&format!(" {role}:{}", refer(to)));
        }
        if e.args.is_empty() {
            conf.event_type(&ty);
        }
        lines.push(line);
    }
    for (id, r) in relation_ids(article, &spans) {
        let kind = brat_name(&r.kind);
        conf.relation(&kind, &type_of(&r.from), &type_of(&r.to));
        lines.push(format!("{id}\t{kind} Arg1:{} Arg2:{}", refer(&r.from), refer(&r.to)));
    }

    // Each span's attribute lines in the order of its attributes, so they read back in order.
    let (mut a, mut n, mut c) = (0, 0, 0);
    let mut comment = |ty: &str, target: &str, value: &str, lines: &mut Vec<String>| {
        // The reader takes an empty first line for no value, so line breaks before the first
        // line would come back as nothing, and a value of line breaks alone as no value (found
        // by fuzzing: they were written as empty lines).
        let value = value.trim_start_matches(['\r', '\n']);
        if value.is_empty() {
            return;
        }
        for line in value.split("\r\n").flat_map(|l| l.split(['\n', '\r'])) {
            c += 1;
            lines.push(format!("#{c}\t{} {target}\t{line}", brat_name(ty)));
        }
    };
    for &(_, span) in &order {
        let target = refer(&span.id);
        for (name, value) in &span.attributes.other {
            if name == EVENT_MARK {
                continue;
            }
            if let Some(ty) = name.strip_prefix(NOTE_PREFIX) {
                comment(ty, &target, value, &mut lines);
                continue;
            }
            if let Some(ty) = name.strip_prefix(NORMALIZATION_PREFIX) {
                let (reference, text) = value.trim().split_once(char::is_whitespace).unwrap_or((value.trim(), ""));
                if reference.contains(':') {
                    n += 1;
                    lines.push(format!("N{n}\t{} {target} {reference}\t{}", brat_name(ty), one_line(text.trim())));
                    continue;
                }
            }
            a += 1;
            let name = brat_name(name);
            // The configuration lists the value as the line below writes it (found by fuzzing:
            // a value with a CR inside broke the configuration's line, not the annotation's).
            let value = one_line(value.trim());
            conf.attribute(&name, &value);
            if value.is_empty() {
                lines.push(format!("A{a}\t{name} {target}"));
            } else {
                lines.push(format!("A{a}\t{name} {target} {value}"));
            }
        }
        for key in AttributeKey::ALL {
            if let Some(value) = span.attributes.get(key) {
                let ty = if key == AttributeKey::Note { "AnnotatorNotes" } else { key.id() };
                comment(ty, &target, value, &mut lines);
            }
        }
    }
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// `T1\tType 0 5;7 9\ttext`. Pieces are cut where a line break falls inside them, as brat does
/// itself, because the text column cannot hold a line break.
fn t_line(id: &str, ty: &str, text: &ArticleText, view: &View, span: &Span) -> String {
    let mut pieces: Vec<(usize, usize)> = span.pieces().iter().flat_map(|&(s, e)| cut_at_breaks(text, s, e)).collect();
    if pieces.is_empty() {
        // Nothing but line breaks and spaces: keep the span whole; its text column shows each
        // break as a space, which the reader accepts.
        pieces = span.pieces();
    }
    let offsets: Vec<String> = pieces.iter().map(|&(s, e)| format!("{} {}", view.to_file(s), view.end_to_file(e))).collect();
    format!("{id}\t{ty} {}\t{}", offsets.join(";"), one_line(&joined(text, &pieces)))
}

/// `start..end` without the runs of white space that hold a line break: the pieces between.
fn cut_at_breaks(text: &ArticleText, start: usize, end: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.slice(start, end).chars().collect();
    let mut pieces = Vec::new();
    let (mut piece_start, mut i) = (0, 0);
    while i < chars.len() {
        if !chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if chars[run_start..i].iter().any(|&c| c == '\n' || c == '\r') {
            if piece_start < run_start {
                pieces.push((start + piece_start, start + run_start));
            }
            piece_start = i;
        }
    }
    if piece_start < chars.len() {
        pieces.push((start + piece_start, start + chars.len()));
    }
    pieces
}

/// Line breaks as spaces, for a value that must stay on its line.
fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

/// The article's events: relations sharing an event id and trigger, in the order they first
/// appear, then events without arguments kept on their triggers. Ids are assigned here.
fn events<'a>(article: &'a Article, spans: &HashMap<&SpanId, &Span>) -> Vec<Event<'a>> {
    let mut events: Vec<Event> = Vec::new();
    // (event id, trigger) → index in `events`.
    let mut index: HashMap<(&str, &SpanId), usize> = HashMap::new();
    for r in &article.relations {
        let Some(e) = r.event.as_deref() else { continue };
        if !spans.contains_key(&r.from) || !spans.contains_key(&r.to) {
            continue;
        }
        match index.get(&(e, &r.from)) {
            Some(&i) => events[i].args.push((&r.kind, &r.to)),
            None => {
                index.insert((e, &r.from), events.len());
                events.push(Event { hint: Some(e), trigger: &r.from, args: vec![(&r.kind, &r.to)], id: String::new() });
            }
        }
    }
    for span in &article.spans {
        for (name, value) in &span.attributes.other {
            if name == EVENT_MARK && !index.contains_key(&(value.as_str(), &span.id)) {
                index.insert((value.as_str(), &span.id), events.len());
                events.push(Event { hint: Some(value), trigger: &span.id, args: Vec::new(), id: String::new() });
            }
        }
    }
    let hints: Vec<Option<&str>> = events.iter().map(|e| e.hint).collect();
    for (e, id) in events.iter_mut().zip(assign_ids(&hints, 'E')) {
        e.id = id;
    }
    events.sort_by_key(|e| number(&e.id, 'E'));
    events
}

/// Ids for relations that are not part of an event, in `R<n>` order.
fn relation_ids<'a>(article: &'a Article, spans: &HashMap<&SpanId, &Span>) -> Vec<(String, &'a Relation)> {
    let plain: Vec<_> =
        article.relations.iter().filter(|r| r.event.is_none() && spans.contains_key(&r.from) && spans.contains_key(&r.to)).collect();
    let hints: Vec<Option<&str>> = plain.iter().map(|r| Some(r.id.as_str())).collect();
    let mut out: Vec<_> = assign_ids(&hints, 'R').into_iter().zip(plain).collect();
    out.sort_by_key(|(id, _)| number(id, 'R'));
    out
}

/// Keeps each hint that is already `<prefix><n>` and not taken by an earlier one; numbers the
/// rest after the largest kept number.
fn assign_ids(hints: &[Option<&str>], prefix: char) -> Vec<String> {
    let mut taken = HashSet::new();
    let kept: Vec<Option<String>> =
        hints.iter().map(|h| h.filter(|h| number(h, prefix).is_some() && taken.insert(h.to_string())).map(str::to_string)).collect();
    let mut next = kept.iter().flatten().filter_map(|h| number(h, prefix)).max().unwrap_or(0);
    kept.into_iter()
        .map(|k| {
            k.unwrap_or_else(|| loop {
                next += 1;
                let id = format!("{prefix}{next}");
                if taken.insert(id.clone()) {
                    break id;
                }
            })
        })
        .collect()
}

/// `n` for an id `<prefix><n>` (digits only).
fn number(id: &str, prefix: char) -> Option<u64> {
    let digits = id.strip_prefix(prefix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The longest file name [`safe_stem`] and [`unique`] give, in characters, before the extension.
const MAX_STEM: usize = 100;

/// A file name from an article's title (or id when it has none) that is safe on every system:
/// letters, digits, `-`, `_` and `.` kept, anything else `_`, no leading or trailing dot, at most
/// 100 characters, and never a name Windows reserves.
fn safe_stem(title: &str, id: &str) -> String {
    let base = if title.trim().is_empty() { id } else { title.trim() };
    let s: String =
        base.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).take(MAX_STEM).collect();
    let s = s.trim_matches('.');
    if s.is_empty() {
        return "article".into();
    }
    let device = s.split('.').next().unwrap_or(s).to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device.ends_with(|c: char| c.is_ascii_digit()));
    if reserved {
        format!("_{s}")
    } else {
        s.to_string()
    }
}

/// `stem`, or `stem-2`, `stem-3`, … if a name differing only in case is taken.
fn unique(stem: String, taken: &mut HashSet<String>) -> String {
    if taken.insert(stem.to_lowercase()) {
        return stem;
    }
    // The suffix stays within the longest stem, so the name, read back as a title and written
    // again, is the same name (found by fuzzing: a cut title lost its suffix's digit).
    let cut = |k: usize| {
        let suffix = format!("-{k}");
        let keep: String = stem.chars().take(MAX_STEM - suffix.chars().count()).collect();
        format!("{keep}{suffix}")
    };
    (2..).map(cut).find(|s| taken.insert(s.to_lowercase())).unwrap_or(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(unique(safe_stem("NAME_ann", "a1"), &mut taken), "NAME_ann");
        assert_eq!(unique(safe_stem("name_ANN", "a2"), &mut taken), "name_ANN-2");
        assert_eq!(safe_stem("  ", "a3"), "a3");
        assert_eq!(safe_stem("../x/y: z?", "a"), "_x_y__z_");
        assert_eq!(safe_stem("...", "a"), "article");
        assert_eq!(safe_stem("con.txt", "a"), "_con.txt");
        assert_eq!(safe_stem("Ünïcode 😀", "a"), "Ünïcode__");
        let long = "x".repeat(99);
        assert_eq!(unique(safe_stem(&long, "a"), &mut taken), long);
        assert_eq!(unique(safe_stem(&long, "b"), &mut taken), format!("{}-2", "x".repeat(98)), "within 100 characters");
    }

    #[test]
    fn ids_are_kept_when_they_fit() {
        assert_eq!(assign_ids(&[Some("E3"), Some("x"), Some("E3"), None], 'E'), vec!["E3", "E4", "E5", "E6"]);
        assert_eq!(number("T012", 'T'), Some(12));
        assert_eq!(number("T+1", 'T'), None);
    }

    #[test]
    fn pieces_are_cut_at_line_breaks() {
        let t = ArticleText::new("one two.  \r\n\n  three\nfour");
        assert_eq!(cut_at_breaks(&t, 0, t.len()), vec![(0, 8), (15, 20), (21, 25)]);
        assert_eq!(cut_at_breaks(&t, 8, 14), vec![]);
    }
}
