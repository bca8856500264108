//! The lines of one brat `.ann` file, parsed into records that still use the file's own ids and
//! offsets.
//!
//! Owns: the syntax of every brat line type (`T`, `R`, `E`, `A`, `M`, `N`, `#`, `*`), unique ids,
//! and the wording of syntax errors (file, 1-based line, field). Must never: look at the
//! document's text or resolve one id to another (`build.rs` does both, once every line is read,
//! because brat allows an annotation to refer to a later line).

use std::collections::HashSet;

use crate::error::excerpt;
use crate::FormatError;

/// One annotation line. `line` is 1-based, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Record<'a> {
    pub line: usize,
    pub id: &'a str,
    pub kind: Kind<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind<'a> {
    /// `T1\tType 0 5;7 9\ttext`. Fragments in the file's order and offset unit; `text` is `None`
    /// when the line has no text column (brat accepts that).
    Text { ty: &'a str, fragments: Vec<(usize, usize)>, text: Option<&'a str> },
    /// `R1\tType Arg1:T1 Arg2:T2`: the two (role, id) arguments in file order.
    Relation { ty: &'a str, args: [(&'a str, &'a str); 2] },
    /// `E1\tType:T4 Role:T3 …`.
    Event { ty: &'a str, trigger: &'a str, args: Vec<(&'a str, &'a str)> },
    /// `A1\tName T1 [Value]`, and the older `M1\tName T1`. An empty value is a flag.
    Attribute { name: &'a str, target: &'a str, value: &'a str },
    /// `#1\tAnnotatorNotes T1\tfree text` (any comment type).
    Comment { ty: &'a str, target: &'a str, text: &'a str },
    /// `N1\tReference T1 Wikipedia:534366\tBarack Obama`.
    Normalization { ty: &'a str, target: &'a str, reference: &'a str, text: &'a str },
    /// `*\tEquiv T1 T2 T3`: members in file order.
    Equiv { ty: &'a str, members: Vec<&'a str> },
}

/// Parses every non-blank line of `content` (the `.ann` file called `file`).
pub(super) fn parse<'a>(file: &str, content: &'a str) -> Result<Vec<Record<'a>>, FormatError> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut seen = HashSet::new();
    let mut records = Vec::new();
    for (i, line) in content.split('\n').enumerate() {
        // `.ann` files written on Windows end lines with CRLF; the CR is not part of the line.
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let at = Place { file, line: i + 1 };
        let record = parse_line(line, &at)?;
        // brat gives every `*` line the same id, so only other ids must be unique.
        if record.id != "*" && !seen.insert(record.id) {
            return Err(at.err("id", format!("{} is used by an earlier line; ids must be unique in a file", excerpt(record.id))));
        }
        records.push(record);
    }
    Ok(records)
}

/// Where a line is, for its errors.
#[derive(Clone, Copy)]
struct Place<'f> {
    file: &'f str,
    line: usize,
}

impl Place<'_> {
    fn err(&self, field: &str, problem: impl Into<String>) -> FormatError {
        FormatError::new(self.file, Some(self.line), Some(field), problem)
    }
}

fn parse_line<'a>(line: &'a str, at: &Place) -> Result<Record<'a>, FormatError> {
    let Some((id, rest)) = line.split_once('\t') else {
        return Err(at.err("id", format!("{} has no tab; a brat line is an id, a tab, then the annotation", excerpt(line))));
    };
    if !valid_id(id) {
        return Err(at.err("id", format!("{} is not an annotation id (such as T1 or R2)", excerpt(id))));
    }
    // Tab-separated tails (a T line's text, a comment's text) are split off per kind; for the
    // others brat ignores what follows a second tab, and so do we.
    let head = |s: &'a str| s.split_once('\t').map_or(s, |(h, _)| h);
    let kind = match id.chars().next() {
        Some('T') => text_bound(rest, at)?,
        Some('R') => relation(head(rest), at)?,
        Some('E') => event(head(rest), at)?,
        Some('A') | Some('M') => attribute(head(rest), at)?,
        Some('#') => comment(rest, at)?,
        Some('N') => normalization(rest, at)?,
        Some('*') => equiv(head(rest), at)?,
        _ => return Err(at.err("id", format!("{} is not a kind of brat annotation; ids start with T, R, E, A, M, N, # or *", excerpt(id)))),
    };
    Ok(Record { line: at.line, id, kind })
}

fn text_bound<'a>(rest: &'a str, at: &Place) -> Result<Kind<'a>, FormatError> {
    let (data, text) = match rest.split_once('\t') {
        Some((data, text)) => (data, Some(text)),
        None => (rest, None),
    };
    let (ty, offsets) = split_word(data);
    if ty.is_empty() {
        return Err(at.err("type", "is missing; a text-bound line reads T1<tab>Type START END<tab>text"));
    }
    if offsets.trim().is_empty() {
        return Err(at.err("offsets", "are missing; a text-bound line reads T1<tab>Type START END<tab>text"));
    }
    let mut fragments = Vec::new();
    for (i, piece) in offsets.split(';').enumerate() {
        let numbers: Vec<&str> = piece.split_whitespace().collect();
        let which = || if offsets.contains(';') { format!("fragment {} ", i + 1) } else { String::new() };
        let [start, end] = numbers[..] else {
            return Err(
                at.err("offsets", format!("{}{} is not two numbers START END (fragments are separated by ;)", which(), excerpt(piece)))
            );
        };
        let (start, end) = (number(start, at)?, number(end, at)?);
        if start >= end {
            return Err(at.err("offsets", format!("{}{start} {end} is empty or reversed; a span covers at least one character", which())));
        }
        fragments.push((start, end));
    }
    Ok(Kind::Text { ty, fragments, text })
}

fn number(s: &str, at: &Place) -> Result<usize, FormatError> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(at.err("offsets", format!("{} is not a whole number", excerpt(s))));
    }
    s.parse().map_err(|_| at.err("offsets", format!("{} is too large to be an offset", excerpt(s))))
}

fn relation<'a>(data: &'a str, at: &Place) -> Result<Kind<'a>, FormatError> {
    let mut words = data.split_whitespace();
    let Some(ty) = words.next() else {
        return Err(at.err("type", "is missing; a relation reads R1<tab>Type Arg1:T1 Arg2:T2"));
    };
    let args: Vec<_> = words.map(|w| argument(w, at)).collect::<Result<_, _>>()?;
    let [first, second] = args[..] else {
        return Err(at.err("arguments", format!("a relation has exactly two arguments (Arg1:T1 Arg2:T2), not {}", args.len())));
    };
    Ok(Kind::Relation { ty, args: [first, second] })
}

fn event<'a>(data: &'a str, at: &Place) -> Result<Kind<'a>, FormatError> {
    let mut words = data.split_whitespace();
    let Some(head) = words.next() else {
        return Err(at.err("type", "is missing; an event reads E1<tab>Type:T1 Role:T2 …"));
    };
    let Some((ty, trigger)) = head.rsplit_once(':').filter(|(t, g)| !t.is_empty() && !g.is_empty()) else {
        return Err(at.err("type", format!("{} is not Type:TRIGGER (such as Attribution:T4)", excerpt(head))));
    };
    let args = words.map(|w| argument(w, at)).collect::<Result<_, _>>()?;
    Ok(Kind::Event { ty, trigger, args })
}

/// `Role:ID`. The split is at the last colon, so an id never holds one.
fn argument<'a>(word: &'a str, at: &Place) -> Result<(&'a str, &'a str), FormatError> {
    match word.rsplit_once(':') {
        Some((role, id)) if !role.is_empty() && !id.is_empty() => Ok((role, id)),
        _ => Err(at.err("arguments", format!("{} is not Role:ID (such as Arg1:T3)", excerpt(word)))),
    }
}

fn attribute<'a>(data: &'a str, at: &Place) -> Result<Kind<'a>, FormatError> {
    let (name, rest) = split_word(data);
    let (target, value) = split_word(rest.trim_start());
    if name.is_empty() {
        return Err(at.err("name", "is missing; an attribute reads A1<tab>Name T1 [Value]"));
    }
    if target.is_empty() {
        return Err(at.err("target", "is missing; an attribute reads A1<tab>Name T1 [Value]"));
    }
    Ok(Kind::Attribute { name, target, value: value.trim() })
}

fn comment<'a>(rest: &'a str, at: &Place) -> Result<Kind<'a>, FormatError> {
    let (data, text) = rest.split_once('\t').unwrap_or((rest, ""));
    let words: Vec<&str> = data.split_whitespace().collect();
    let [ty, target] = words[..] else {
        return Err(at.err("target", format!("{} is not TYPE ID; a note reads #1<tab>AnnotatorNotes T1<tab>text", excerpt(data))));
    };
    Ok(Kind::Comment { ty, target, text })
}

fn normalization<'a>(rest: &'a str, at: &Place) -> Result<Kind<'a>, FormatError> {
    let (data, text) = rest.split_once('\t').unwrap_or((rest, ""));
    let words: Vec<&str> = data.split_whitespace().collect();
    let [ty, target, reference] = words[..] else {
        return Err(at.err(
            "reference",
            format!("{} is not TYPE ID DB:ENTRY; a normalization reads N1<tab>Reference T1 Wikipedia:534366<tab>text", excerpt(data)),
        ));
    };
    if !reference.contains(':') {
        return Err(at.err("reference", format!("{} is not DB:ENTRY (such as Wikipedia:534366)", excerpt(reference))));
    }
    Ok(Kind::Normalization { ty, target, reference, text })
}

fn equiv<'a>(data: &'a str, at: &Place) -> Result<Kind<'a>, FormatError> {
    let mut words = data.split_whitespace();
    let ty = words.next().unwrap_or_default();
    let members: Vec<&str> = words.collect();
    if members.len() < 2 {
        return Err(at.err("arguments", "an equivalence reads *<tab>Equiv T1 T2 … and names at least two annotations"));
    }
    Ok(Kind::Equiv { ty, members })
}

/// brat's id syntax: letters (or `#` and optional letters), at least one digit, then any
/// suffix; `*` alone for equivalences. A colon is refused too, because `Role:ID` arguments could
/// not name such an id.
fn valid_id(id: &str) -> bool {
    if id == "*" {
        return true;
    }
    let rest = id.strip_prefix('#').unwrap_or(id);
    let letters = rest.chars().take_while(char::is_ascii_alphabetic).count();
    let rest = &rest[letters..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (letters > 0 || id.starts_with('#')) && digits > 0 && !id.contains(':') && !id.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The first whitespace-delimited word of `s` and the rest after the whitespace that ends it.
fn split_word(s: &str) -> (&str, &str) {
    match s.find(char::is_whitespace) {
        Some(i) => {
            let (word, rest) = s.split_at(i);
            let space = rest.chars().next().map_or(0, char::len_utf8);
            (word, &rest[space..])
        }
        None => (s, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Result<Kind<'_>, FormatError> {
        parse("x.ann", line).map(|mut r| r.remove(0).kind)
    }

    #[test]
    fn every_line_type() {
        assert_eq!(
            one("T1\tQuote 3 5;7 9\tab cd").unwrap(),
            Kind::Text { ty: "Quote", fragments: vec![(3, 5), (7, 9)], text: Some("ab cd") }
        );
        assert_eq!(one("T1\tQuote 3 5").unwrap(), Kind::Text { ty: "Quote", fragments: vec![(3, 5)], text: None });
        assert_eq!(one("R1\tSpeaker Arg1:T1 Arg2:T2").unwrap(), Kind::Relation { ty: "Speaker", args: [("Arg1", "T1"), ("Arg2", "T2")] });
        assert_eq!(one("E2\tAttribution:T4 ").unwrap(), Kind::Event { ty: "Attribution", trigger: "T4", args: vec![] });
        assert_eq!(one("A1\tNegated T1").unwrap(), Kind::Attribute { name: "Negated", target: "T1", value: "" });
        assert_eq!(one("M1\tLevel E1 high").unwrap(), Kind::Attribute { name: "Level", target: "E1", value: "high" });
        assert_eq!(
            one("#1\tAnnotatorNotes T1\tsee\tthis").unwrap(),
            Kind::Comment { ty: "AnnotatorNotes", target: "T1", text: "see\tthis" }
        );
        assert_eq!(
            one("N1\tReference T1 Wikipedia:534366\tBarack Obama").unwrap(),
            Kind::Normalization { ty: "Reference", target: "T1", reference: "Wikipedia:534366", text: "Barack Obama" }
        );
        assert_eq!(one("*\tEquiv T1 T2").unwrap(), Kind::Equiv { ty: "Equiv", members: vec!["T1", "T2"] });
    }

    #[test]
    fn errors_name_line_and_field() {
        let e = parse("a.ann", "T1\tQuote 0 4\tabcd\n\nT2\tQuote 4 x\tefgh").unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("offsets")));
        let e = parse("a.ann", "T1\tQuote 0 4\tabcd\nT1\tQuote 0 4\tabcd").unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (Some(2), Some("id")));
        assert_eq!(one("X1\tfoo").unwrap_err().field.as_deref(), Some("id"));
        assert_eq!(one("T:1\tQuote 0 1").unwrap_err().field.as_deref(), Some("id"));
        assert_eq!(one("T\tQuote 0 1").unwrap_err().field.as_deref(), Some("id"));
        assert!(one("T1a\tQuote 0 1").is_ok() && one("#5\tAnnotatorNotes T1").is_ok());
        assert_eq!(one("T1 Quote 0 4").unwrap_err().field.as_deref(), Some("id"));
        assert_eq!(one("T1\tQuote 4 4\t").unwrap_err().field.as_deref(), Some("offsets"));
        assert_eq!(one("R1\tSpeaker Arg1:T1").unwrap_err().field.as_deref(), Some("arguments"));
        assert_eq!(one("E1\tAttribution").unwrap_err().field.as_deref(), Some("type"));
        assert_eq!(one("T1\tQuote 99999999999999999999999 1").unwrap_err().field.as_deref(), Some("offsets"));
    }
}
