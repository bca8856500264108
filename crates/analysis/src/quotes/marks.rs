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

mod chars;

use chars::{classify, is_elision, straight_double};

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
    /// A single quote's possible end at a plural possessive ("‘the workers’ money,’"): taken if
    /// no later mark closes the quote in its paragraph.
    possessive_end: Option<usize>,
}

/// The marks of one paragraph being paired.
#[derive(Default)]
struct Pairing {
    /// The open quotes, innermost last.
    stack: Vec<Frame>,
    /// Quotes closed inside a quote that is still open. They are top-level passages only if
    /// every quote around them is left open and dropped at the paragraph's end; when a quote
    /// closes, the ones inside it are discarded (they are part of it).
    pending: Vec<(Range<usize>, Kind)>,
    /// Passages closed at the top level, in order.
    parts: Vec<Passage>,
}

impl Pairing {
    fn open(&mut self, start: usize, kind: Kind, continued: bool) {
        let pending_at_open = self.pending.len();
        self.stack.push(Frame { start, kind, continued, pending_at_open, possessive_end: None });
    }

    /// Closes the frame at stack index `t` at byte `end` of `text` (paragraph `p`, bytes `para`):
    /// the frames above it and the quotes pending inside it go, and it becomes a top-level
    /// passage or a pending one inside the frames still open.
    fn close(&mut self, text: &str, para: &Range<usize>, p: usize, t: usize, end: usize) {
        let frame = self.stack[t];
        self.stack.truncate(t);
        self.pending.truncate(frame.pending_at_open);
        let bytes = frame.start..end;
        if super::nickname::is_nickname(text, para.clone(), bytes.clone()) {
            // Marcia "Cia" Price: part of a name, not a quotation.
            return;
        }
        if self.stack.is_empty() {
            let single = frame.kind == Kind::Single;
            self.parts.push(Passage { bytes, paragraph: p, single, from_previous: frame.continued, into_next: false, closed: true });
        } else {
            self.pending.push((bytes, frame.kind));
        }
    }

    /// Closes, innermost first, the open single quotes that had a possessive end and found no
    /// other, except a bottom quote that continues into the next paragraph.
    fn close_at_possessives(&mut self, text: &str, para: &Range<usize>, p: usize, continues: bool) {
        while let Some(end) = self.stack.last().and_then(|f| f.possessive_end) {
            if continues && self.stack.len() == 1 {
                break;
            }
            self.close(text, para, p, self.stack.len() - 1, end);
        }
    }
}

/// Whether a closing single mark after `prev` and before `rest` is a plural possessive's
/// apostrophe followed by its noun ("workers’ money"), so possibly not the quote's end.
fn possessive(prev: Option<char>, rest: &str) -> bool {
    prev == Some('s') && rest.strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_lowercase))
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
    let mut pairs = Pairing::default();
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
        let before = prev;
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
                pairs.open(at, kind, true);
                continue;
            }
        }
        let double_open = pairs.stack.iter().any(|f| f.kind == Kind::Double);
        if mark == Mark::Either {
            mark = if double_open { Mark::Close(Kind::Double) } else { Mark::Open(Kind::Double) };
        }
        match mark {
            Mark::Open(kind) => {
                // A new single quote where one stopped at a possessive: that one ended there.
                if kind == Kind::Single {
                    if let Some(end) = pairs.stack.last().and_then(|f| f.possessive_end) {
                        pairs.close(text, &range, p, pairs.stack.len() - 1, end);
                    }
                }
                if pairs.stack.len() < MAX_DEPTH {
                    pairs.open(at, kind, false);
                }
            }
            Mark::Close(kind) => {
                // A closing single mark only closes a single quote on top of the stack; anywhere
                // else it is an apostrophe (the voters’ choice). A closing double mark closes the
                // nearest open double quote, dropping single quotes left open inside it.
                let target = match kind {
                    Kind::Single => pairs.stack.len().checked_sub(1).filter(|&t| pairs.stack[t].kind == Kind::Single),
                    Kind::Double => pairs.stack.iter().rposition(|f| f.kind == Kind::Double),
                };
                let Some(t) = target else { continue };
                if kind == Kind::Single && pairs.stack[t].possessive_end.is_none() && possessive(before, &para[i + len..]) {
                    // "‘the workers’ money,’": wait for a later mark before ending the quote here.
                    pairs.stack[t].possessive_end = Some(at + len);
                    continue;
                }
                pairs.close(text, &range, p, t, at + len);
            }
            Mark::Either => unreachable!("resolved above"),
        }
    }

    // A passage running to the paragraph's end stops before trailing spaces.
    let end = base + para.trim_end().len();
    let continues = pairs.stack.first().is_some_and(|f| Some(f.kind) == next_opens);
    pairs.close_at_possessives(text, &range, p, continues);
    let Pairing { stack, mut pending, mut parts } = pairs;
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
    fn a_plural_possessive_inside_single_marks_does_not_end_the_quote() {
        assert_eq!(found("‘It’s the workers’ money,’ Osei said."), vec!["‘It’s the workers’ money,’"]);
        // With no later mark, the quote ends at the possessive after all.
        assert_eq!(found("‘Ask the bosses’ he said."), vec!["‘Ask the bosses’"]);
        assert_eq!(found("‘Ask the bosses’ he said, and ‘the owners’ too."), vec!["‘Ask the bosses’", "‘the owners’"]);
        // Over two paragraphs in British style.
        assert_eq!(found("‘Pay the workers’ wages.\n‘And more,’ he said."), vec!["‘Pay the workers’ wages.", "‘And more,’"]);
        // Inside double marks.
        assert_eq!(found("“He said ‘the workers’ pay’ today,” Osei said."), vec!["“He said ‘the workers’ pay’ today,”"]);
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
