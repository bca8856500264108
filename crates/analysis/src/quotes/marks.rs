//! Pairing quotation marks into quoted passages, paragraph by paragraph.
//!
//! Owns: deciding which characters are quotation marks (and which are apostrophes: don’t,
//! Clinton’s, ’90s, rock 'n' roll), pairing them with a stack so that a quote inside a quote
//! belongs to the outer one, following a quote into the next paragraph (the English convention:
//! the paragraph ends without a closing mark and the next one opens with one, double marks or,
//! in British style, single ones), and what to do with marks that never pair (a nickname inside
//! a name is no quotation: `nickname`; a fragment left unclosed before its credit: `unclosed`).
//! Must never: look back or ahead more than one paragraph, or scan a character twice (the work
//! must stay linear in the text).

use std::ops::Range;

/// A top-level quoted passage found in one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// From the opening mark to just after the closing mark, or to the end of the paragraph for
    /// a passage that continues in the next paragraph (or was left open there).
    pub bytes: Range<usize>,
    pub paragraph: usize,
    /// Quoted with single marks (‘…’ or '…') rather than double ones.
    pub single: bool,
    /// This passage continues a quote that began in an earlier paragraph.
    pub from_previous: bool,
    /// The quote goes on in the next paragraph's passage.
    pub into_next: bool,
    /// The passage has a closing mark (false: it runs to the end of its paragraph).
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open(Kind),
    Close(Kind),
    /// A straight double mark that could open or close: it closes if a double quote is open.
    Either,
}

/// An open quotation on the stack.
#[derive(Debug, Clone, Copy)]
struct Frame {
    start: usize,
    kind: Kind,
    /// Opened in an earlier paragraph (a continued quote).
    continued: bool,
    /// Length of the pending list when this frame opened: the quotes closed inside it are the
    /// pending ones after that point.
    pending_at_open: usize,
}

/// Quotes nested deeper than this are not real; further opening marks are read as text, so a
/// run of opening marks cannot grow the stack without bound.
const MAX_DEPTH: usize = 16;

/// Every top-level quoted passage of the paragraphs `paragraphs` (byte ranges of `text`), in
/// text order. `close_unbalanced`: a double quote never closed in its paragraph (and not
/// continued in the next) runs to the paragraph's end; otherwise it is dropped and the quotes
/// inside it count as top-level.
pub fn passages(text: &str, paragraphs: &[Range<usize>], close_unbalanced: bool) -> Vec<Passage> {
    let mut out = Vec::new();
    let mut carried = None;
    for (p, range) in paragraphs.iter().enumerate() {
        let next_opens = paragraphs.get(p + 1).and_then(|next| opening_mark(&text[next.clone()]));
        carried = scan_paragraph(text, range.clone(), p, (carried, next_opens, close_unbalanced), &mut out);
    }
    out
}

/// The kind of opening quotation mark a paragraph begins with (after spaces), if any: double
/// marks, or a single one before a word (the British convention: ‘…).
fn opening_mark(paragraph: &str) -> Option<Kind> {
    let s = paragraph.trim_start();
    if s.starts_with(['“', '"', '„', '«']) || s.starts_with("''") || s.starts_with("``") || s.starts_with('”') {
        return Some(Kind::Double);
    }
    let rest = s.strip_prefix(['‘', '\''])?;
    (rest.starts_with(char::is_alphabetic) && !is_elision(rest)).then_some(Kind::Single)
}

/// Pairs the marks of one paragraph and pushes its top-level passages to `out`. `carried`: the
/// kind of a quote from the previous paragraph that continues here (its first opening mark of
/// that kind re-opens it). `next_opens`: the kind of mark the next paragraph opens with.
/// `close_unbalanced`: see `passages`. Returns the kind of this paragraph's open quote when it
/// continues into the next one.
fn scan_paragraph(
    text: &str,
    range: Range<usize>,
    p: usize,
    (carried, next_opens, close_unbalanced): (Option<Kind>, Option<Kind>, bool),
    out: &mut Vec<Passage>,
) -> Option<Kind> {
    let para = &text[range.clone()];
    let base = range.start;
    // The open quotes, innermost last.
    let mut stack: Vec<Frame> = Vec::new();
    // Quotes closed inside a quote that is still open. They are top-level passages only if
    // every quote around them is left open and dropped at the paragraph's end; when a quote
    // closes, the ones inside it are discarded (they are part of it).
    let mut pending: Vec<(Range<usize>, Kind)> = Vec::new();
    // Passages closed at the top level, in order.
    let mut parts: Vec<Passage> = Vec::new();
    let mut reopen = carried;

    let mut chars = para.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        // Two apostrophes or two backticks stand for one double mark in some archives (the New
        // York Times' ''quote'').
        let (mark, len) = if (c == '\'' && next == Some('\'')) || (c == '`' && next == Some('`')) {
            chars.next();
            let after = chars.peek().map(|&(_, n)| n);
            let m = if c == '`' { Some(Mark::Open(Kind::Double)) } else { Some(straight_double(prev, after)) };
            (m, 2)
        } else {
            (classify(prev, c, next, &para[i + c.len_utf8()..]), c.len_utf8())
        };
        prev = Some(if len == 2 { '"' } else { c });
        let Some(mut mark) = mark else { continue };
        let at = base + i;
        if let Some(kind) = reopen.take() {
            // The first opening mark of a continued paragraph re-opens the carried quote.
            let reopens = match kind {
                Kind::Double => matches!(mark, Mark::Open(Kind::Double) | Mark::Either),
                Kind::Single => mark == Mark::Open(Kind::Single),
            };
            if reopens {
                stack.push(Frame { start: at, kind, continued: true, pending_at_open: pending.len() });
                continue;
            }
        }
        let double_open = stack.iter().any(|f| f.kind == Kind::Double);
        if mark == Mark::Either {
            mark = if double_open { Mark::Close(Kind::Double) } else { Mark::Open(Kind::Double) };
        }
        match mark {
            Mark::Open(kind) => {
                if stack.len() < MAX_DEPTH {
                    stack.push(Frame { start: at, kind, continued: false, pending_at_open: pending.len() });
                }
            }
            Mark::Close(kind) => {
                // A closing single mark only closes a single quote on top of the stack; anywhere
                // else it is an apostrophe (the voters’ choice). A closing double mark closes the
                // nearest open double quote, dropping single quotes left open inside it.
                let target = match kind {
                    Kind::Single => stack.last().filter(|f| f.kind == Kind::Single).map(|_| stack.len() - 1),
                    Kind::Double => stack.iter().rposition(|f| f.kind == Kind::Double),
                };
                if let Some(t) = target {
                    let frame = stack[t];
                    stack.truncate(t);
                    pending.truncate(frame.pending_at_open);
                    let bytes = frame.start..at + len;
                    if super::nickname::is_nickname(text, range.clone(), bytes.clone()) {
                        // Marcia "Cia" Price: part of a name, not a quotation.
                        continue;
                    }
                    if stack.is_empty() {
                        parts.push(Passage {
                            bytes,
                            paragraph: p,
                            single: kind == Kind::Single,
                            from_previous: frame.continued,
                            into_next: false,
                            closed: true,
                        });
                    } else {
                        pending.push((bytes, kind));
                    }
                }
            }
            Mark::Either => unreachable!("resolved above"),
        }
    }

    // A passage running to the paragraph's end stops before trailing spaces.
    let end = base + para.trim_end().len();
    let continues = stack.first().is_some_and(|f| Some(f.kind) == next_opens);
    if let Some(bottom) = stack.first().copied() {
        // Every frame still open lies inside the bottom one. If the bottom is kept (it goes on
        // in the next paragraph, came from the previous one, or unbalanced quotes are closed at
        // the paragraph's end), the pending quotes are inside it; otherwise all open frames are
        // dropped and the pending quotes stand alone.
        let keep = continues || bottom.continued || (close_unbalanced && bottom.kind == Kind::Double);
        if keep {
            parts.push(Passage {
                bytes: bottom.start..end,
                paragraph: p,
                single: bottom.kind == Kind::Single,
                from_previous: bottom.continued,
                into_next: continues,
                closed: false,
            });
        } else {
            // "“We will not move, Osei said, “until …”": the first fragment of a quotation left
            // unclosed before its credit.
            let next = pending.iter().map(|(b, _)| b.start).min();
            if let Some(bytes) =
                next.filter(|_| bottom.kind == Kind::Double).and_then(|n| super::unclosed::first_fragment(text, bottom.start, n))
            {
                parts.push(Passage { bytes, paragraph: p, single: false, from_previous: false, into_next: false, closed: true });
            }
            parts.extend(pending.drain(..).map(|(bytes, kind)| Passage {
                bytes,
                paragraph: p,
                single: kind == Kind::Single,
                from_previous: false,
                into_next: false,
                closed: true,
            }));
        }
    }
    parts.sort_by_key(|x| x.bytes.start);
    out.extend(parts);
    stack.first().map(|f| f.kind).filter(|_| continues)
}

/// Words that begin with an apostrophe standing for dropped letters, not a quotation mark.
const ELISIONS: &[&str] = &["n", "em", "til", "cause", "bout", "tis", "twas", "round", "nuff", "sup", "ya", "kay"];

/// Whether the text after an apostrophe starts with an elided word ('n', 'em, 'til).
fn is_elision(rest: &str) -> bool {
    let word: &str = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    word.len() <= 5 && ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e))
}

/// What a character is, given its neighbours in the paragraph (`None`: paragraph edge) and the
/// text after it.
fn classify(prev: Option<char>, c: char, next: Option<char>, rest: &str) -> Option<Mark> {
    let alnum_before = prev.is_some_and(char::is_alphanumeric);
    let alnum_after = next.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' | '«' => {
            Some(if prev.is_some_and(|p| !p.is_whitespace()) && !is_opener_context(prev) && next.is_none_or(char::is_whitespace) {
                // A left mark used as a closing one: "… end“ said".
                Mark::Close(Kind::Double)
            } else {
                Mark::Open(Kind::Double)
            })
        }
        '”' | '»' => Some(if is_opener_context(prev) && next.is_some_and(|n| !n.is_whitespace()) {
            // A right mark used as an opening one: ” at a word start.
            Mark::Open(Kind::Double)
        } else {
            Mark::Close(Kind::Double)
        }),
        '"' => Some(straight_double(prev, next)),
        '‘' => {
            if alnum_before || next.is_some_and(|n| n.is_ascii_digit()) || is_elision(rest) {
                None
            } else {
                Some(Mark::Open(Kind::Single))
            }
        }
        '’' => {
            if alnum_after || prev.is_none_or(char::is_whitespace) {
                None // don’t, Clinton’s, ’90s, a stray mark
            } else {
                Some(Mark::Close(Kind::Single))
            }
        }
        '\'' => {
            if is_opener_context(prev) && alnum_after && !next.is_some_and(|n| n.is_ascii_digit()) && !is_elision(rest) {
                Some(Mark::Open(Kind::Single))
            } else if !alnum_after && prev.is_some_and(|p| !p.is_whitespace()) {
                Some(Mark::Close(Kind::Single))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A straight double mark opens at a word start, closes at a word end, and otherwise closes an
/// open quote or opens a new one.
fn straight_double(prev: Option<char>, next: Option<char>) -> Mark {
    let left = is_opener_context(prev) && next.is_some_and(|n| !n.is_whitespace());
    let right =
        prev.is_some_and(|p| !p.is_whitespace() && !is_open_bracket(p)) && next.is_none_or(|n| n.is_whitespace() || is_closing_punct(n));
    match (left, right) {
        (true, false) => Mark::Open(Kind::Double),
        (false, true) => Mark::Close(Kind::Double),
        _ => Mark::Either,
    }
}

/// Whether what comes before a mark lets it open a quote: the paragraph start, a space, an
/// opening bracket, a dash or a slash, or another quotation mark.
fn is_opener_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || is_open_bracket(p) || matches!(p, '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | ':'),
    }
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{')
}

fn is_closing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '”' | '’' | '\'' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let c = line.trim_end_matches('\n');
            if !c.trim().is_empty() {
                paragraphs.push(at..at + c.len());
            }
            at += line.len();
        }
        passages(text, &paragraphs, false).into_iter().map(|p| &text[p.bytes]).collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(found("“Yes,” he said. \"No,\" she said."), vec!["“Yes,”", "\"No,\""]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(found("Clinton’s ’90s don’t ‘matter,’ he said."), vec!["‘matter,’"]);
        assert_eq!(found("It's rock 'n' roll, the voters' 'choice' in the '90s."), vec!["'choice'"]);
    }

    #[test]
    fn nested_quote_is_part_of_outer() {
        assert_eq!(found("“He said ‘go’ and “left” then,” she said."), vec!["“He said ‘go’ and “left” then,”"]);
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(found("''This isn't reform,'' he said."), vec!["''This isn't reform,''"]);
    }

    #[test]
    fn continues_over_paragraphs() {
        assert_eq!(found("“One.\n“Two.\n“Three,” he said.\nAfter."), vec!["“One.", "“Two.", "“Three,”"]);
        // The British convention, with single marks.
        assert_eq!(found("‘One.\n‘Two.\n‘Three,’ he said.\nAfter."), vec!["‘One.", "‘Two.", "‘Three,’"]);
        assert_eq!(found("'One.\n'Two,' he said."), vec!["'One.", "'Two,'"]);
        // A single mark left open before a paragraph that opens with a double one, or an
        // apostrophe opening the next paragraph: no continuation.
        assert_eq!(found("‘One.\n“Two,” he said."), vec!["“Two,”"]);
        assert_eq!(found("‘One.\n’Tis true, he said."), Vec::<&str>::new());
    }

    #[test]
    fn nicknames_inside_names_are_not_quotes() {
        assert_eq!(found("“Yes,” said state Del. Marcia \"Cia\" Okoro (D-Harbour)."), vec!["“Yes,”"]);
        assert_eq!(found("Juan ''Nico'' Sosa spoke."), Vec::<&str>::new());
        // Not between two capitalised words: a quotation.
        assert_eq!(found("He called it \"Fine\" and left."), vec!["\"Fine\""]);
        assert_eq!(found("Mr. Sosa said: \"Nico Sosa\""), vec!["\"Nico Sosa\""]);
    }

    #[test]
    fn unbalanced_marks_are_dropped_but_inner_pairs_kept() {
        assert_eq!(found("“Open and “inner” text\nNext."), vec!["“inner”"]);
        assert_eq!(found("” stray “"), Vec::<&str>::new());
    }
}
