//! CoNLL-2003-style IOB2 token files, written only: tokens lose the text's exact spacing, so an
//! article could not be rebuilt from them.
//!
//! Owns: tokenising an article (whitespace, punctuation, never inside a character cluster, always
//! at a span's edges), sentence breaks (each line break), the choice of which spans IOB2 can
//! show when they overlap, and the tags. Writes `conll/newsmark.conll` and `conll/README.txt`,
//! which explains the file and lists every span that was left out.
//! Must never: split a character cluster, write a token holding whitespace, or leave a span out
//! without listing it.
//!
//! The policies are described in `docs/formats/brat-and-conll.md`.

use std::collections::BTreeMap;

use newsmark_core::snap::snap_selection;
use newsmark_core::{Article, ArticleText, LabelSet, Span};

use crate::error::excerpt;
use crate::OutputFile;

/// The line CoNLL-2003 puts before each document.
pub const DOCSTART: &str = "-DOCSTART- -X- -X- O";

/// Writes every article into one `conll/newsmark.conll`, with `conll/README.txt` beside it.
pub fn write(articles: &[&Article], labels: &LabelSet) -> Vec<OutputFile> {
    if articles.is_empty() {
        return Vec::new();
    }
    let mut out = String::new();
    let mut report = Report::default();
    for article in articles {
        out.push_str(DOCSTART);
        out.push_str("\n\n");
        let kept = keep(article, labels, &mut report);
        let tags: Vec<String> = kept.tags.iter().map(|s| tag_name(&labels.name(s.label))).collect();
        for sentence in sentences(&article.text, &kept) {
            for token in &sentence {
                let tag = match token.span {
                    None => "O".to_string(),
                    Some((i, true)) => format!("B-{}", tags[i]),
                    Some((i, false)) => format!("I-{}", tags[i]),
                };
                out.push_str(&format!("{} -X- _ {tag}\n", article.text.slice(token.start, token.end)));
                report.tokens += 1;
            }
            out.push('\n');
        }
        report.documents += 1;
    }
    for def in labels.iter() {
        report.labels.push((def.name.clone(), tag_name(&def.name)));
    }
    vec![
        OutputFile { name: "conll/newsmark.conll".into(), text: out },
        OutputFile { name: "conll/README.txt".into(), text: report.render() },
    ]
}

/// A label's name as a tag suffix: whitespace would split the column, so it becomes `_`.
fn tag_name(name: &str) -> String {
    name.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

/// The spans IOB2 can show in one article, and their pieces by start.
struct Kept<'a> {
    tags: Vec<&'a Span>,
    /// Piece start → (piece end, index into `tags`). Pieces never overlap.
    pieces: BTreeMap<usize, (usize, usize)>,
}

/// Chooses spans in text order (by start, longer first): a span is kept unless one of its
/// pieces shares a character with a piece of a span already kept. So the outermost of nested
/// spans wins, and of two crossing spans the one that starts first.
fn keep<'a>(article: &'a Article, labels: &LabelSet, report: &mut Report) -> Kept<'a> {
    let mut kept = Kept { tags: Vec::new(), pieces: BTreeMap::new() };
    for span in &article.spans {
        let mut pieces = span.pieces();
        pieces.sort_unstable();
        let clash = pieces.iter().find_map(|&(s, e)| {
            // Kept pieces are disjoint, so only the last one starting before `e` can reach `s`.
            kept.pieces.range(..e).next_back().filter(|(_, &(end, _))| end > s).map(|(_, &(_, i))| i)
        });
        let clash = clash.or_else(|| pieces.windows(2).any(|w| w[0].1 > w[1].0).then_some(usize::MAX));
        match clash {
            Some(i) => {
                let why = match kept.tags.get(i) {
                    Some(other) => format!("overlaps {} ({})", other.id.as_str(), labels.name(other.label)),
                    None => "its fragments overlap".to_string(),
                };
                report.left_out.push(format!(
                    "{}: span {} ({}) {} at {}–{}: {}",
                    article.title,
                    span.id.as_str(),
                    labels.name(span.label),
                    excerpt(&article.pieces_text(span, " ")),
                    span.start,
                    span.end,
                    why
                ));
            }
            None => {
                let i = kept.tags.len();
                kept.tags.push(span);
                for (s, e) in pieces {
                    kept.pieces.insert(s, (e, i));
                }
            }
        }
    }
    kept
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    start: usize,
    end: usize,
    /// The kept span the token is in, and whether it begins that span's run in its sentence.
    span: Option<(usize, bool)>,
}

/// Characters that end a sentence: line breaks of every kind.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters between tokens. Control characters count too, since readers of column files
/// (Python's `str.split`, for one) split on some of them.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Characters that join two letters or digits into one token: "well-known", "U.S", "don't",
/// "1,000", "10:30", "and/or", "AT&T".
fn joins(c: char, before: char, after: char) -> bool {
    let alnum = |c: char| c.is_alphanumeric();
    let digits = before.is_numeric() && after.is_numeric();
    let letters = before.is_alphabetic() && after.is_alphabetic();
    match c {
        '.' | '-' | '\u{2010}' | '\u{2011}' | '_' | '/' => alnum(before) && alnum(after),
        '\'' | '\u{2019}' | '&' => letters,
        ',' | ':' => digits,
        _ => false,
    }
}

/// The article's tokens, sentence by sentence, tagged.
fn sentences(text: &ArticleText, kept: &Kept) -> Vec<Vec<Token>> {
    let chars: Vec<char> = text.as_str().chars().collect();
    // A token never crosses a kept span's edge, so every span is whole tokens.
    let mut edges: Vec<usize> = kept.pieces.iter().flat_map(|(&s, &(e, _))| [s, e]).collect();
    edges.sort_unstable();
    edges.dedup();
    let mut edge = edges.iter().peekable();
    let mut at_edge = |i: usize| {
        while edge.next_if(|&&e| e < i).is_some() {}
        edge.peek().is_some_and(|&&e| e == i)
    };

    let mut sentences = Vec::new();
    let mut sentence: Vec<Token> = Vec::new();
    let mut open: Option<(usize, bool)> = None; // (start, is a word)
    let close = |open: &mut Option<(usize, bool)>, end: usize, sentence: &mut Vec<Token>| {
        if let Some((start, _)) = open.take() {
            sentence.push(Token { start, end, span: None });
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if is_separator(c) {
            close(&mut open, i, &mut sentence);
            if is_line_break(c) && !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let edge_here = at_edge(i);
        let continues = match open {
            _ if edge_here => false,
            None => false,
            Some((start, word)) => {
                let (prev, next) = (chars[i - 1], chars.get(i + 1).copied());
                let in_word = word
                    && (c.is_alphanumeric()
                        || next.is_some_and(|n| joins(c, prev, n) && !at_edge_peek(&edges, i + 1))
                        || (c == '.' && prev.is_alphabetic() && abbreviation(&chars[start..i], next)));
                // The cluster rules cost most, so they are asked only when the word rules say no.
                in_word || same_cluster(text, &chars, i)
            }
        };
        if !continues {
            close(&mut open, i, &mut sentence);
            open = Some((i, c.is_alphanumeric()));
        }
    }
    close(&mut open, chars.len(), &mut sentence);
    if !sentence.is_empty() {
        sentences.push(sentence);
    }
    for sentence in &mut sentences {
        tag(sentence, kept);
    }
    sentences
}

fn at_edge_peek(edges: &[usize], i: usize) -> bool {
    edges.binary_search(&i).is_ok()
}

/// Whether the final `.` belongs to a word that already has inner dots ("U.S.", "e.g.").
fn abbreviation(word: &[char], next: Option<char>) -> bool {
    word.contains(&'.') && !next.is_some_and(|c| c.is_alphanumeric())
}

/// Whether `chars[i]` is in the same character cluster as `chars[i - 1]` (an accent, an emoji's
/// modifier or joiner, the second half of a flag). Two ASCII characters never are, apart from
/// CR LF, which are separators; anything else asks the core's cluster rules.
fn same_cluster(text: &ArticleText, chars: &[char], i: usize) -> bool {
    if i == 0 || (chars[i - 1].is_ascii() && chars[i].is_ascii()) {
        return false;
    }
    snap_selection(text, i - 1, i, false).is_some_and(|(_, end)| end > i)
}

/// Tags the tokens of one sentence: the span each lies in, and whether it starts a run.
fn tag(sentence: &mut [Token], kept: &Kept) {
    let mut prev = None;
    for token in sentence {
        let span = kept.pieces.range(..=token.start).next_back().filter(|(_, &(end, _))| end >= token.end).map(|(_, &(_, i))| i);
        token.span = span.map(|i| (i, prev != Some(i)));
        prev = span;
    }
}

/// What the README says about the export.
#[derive(Debug, Default)]
struct Report {
    documents: usize,
    tokens: usize,
    labels: Vec<(String, String)>,
    left_out: Vec<String>,
}

impl Report {
    fn render(&self) -> String {
        let plural = |n: usize, what: &str| if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") };
        let mut s = format!(
            "newsmark.conll: {}, {}, in the CoNLL-2003 layout with IOB2 tags.\n\n\
             Each line is one token and four space-separated columns: TOKEN -X- _ TAG. The middle two\n\
             stand for the part-of-speech and chunk tags, which newsmark does not have. A blank line\n\
             ends a sentence; newsmark ends one at every line break of the article. Each document\n\
             starts with the line \"{DOCSTART}\" and a blank line.\n\n\
             Tokens are split at white space and around punctuation, never inside a character\n\
             (accents, emoji, flags stay whole), and always at the edges of a span, so every span is a\n\
             run of whole tokens. The first token of a span is tagged B-LABEL, the tokens after it\n\
             I-LABEL, and tokens outside spans O. A span's run starts again with B- at a sentence\n\
             break, and after a gap between the fragments of a discontinuous span.\n\n\
             Tags (spaces in label names are written as _):\n",
            plural(self.documents, "document"),
            plural(self.tokens, "token")
        );
        for (name, tag) in &self.labels {
            s.push_str(&format!("  {name}: B-{tag}, I-{tag}\n"));
        }
        s.push_str(
            "\nIOB2 gives each token one tag, so overlapping spans cannot all be written. Spans are taken\n\
             in text order (by start, the longer first when two start together), and a span that\n\
             shares a character with one already taken is left out: the outermost of nested spans is\n\
             kept.\n\n",
        );
        if self.left_out.is_empty() {
            s.push_str("No span was left out.\n");
        } else {
            s.push_str(&format!("Left out ({}):\n", self.left_out.len()));
            for line in &self.left_out {
                s.push_str(&format!("  {line}\n"));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let t = ArticleText::new(text);
        let kept = Kept { tags: Vec::new(), pieces: BTreeMap::new() };
        sentences(&t, &kept).iter().flatten().map(|tok| t.slice(tok.start, tok.end).to_string()).collect()
    }

    #[test]
    fn tokenises_news_text() {
        assert_eq!(
            tokens("The U.S. well-known “plan,” don't: $1,000 at 10:30 e.g. 3.5."),
            vec!["The", "U.S.", "well-known", "“", "plan", ",", "”", "don't", ":", "$", "1,000", "at", "10:30", "e.g.", "3.5", "."]
        );
        assert_eq!(tokens("café 👍🏽 🇫🇷🇩🇪 👨‍👩‍👧!"), vec!["café", "👍🏽", "🇫🇷", "🇩🇪", "👨‍👩‍👧", "!"]);
        assert_eq!(tokens("e\u{301}te\u{301}"), vec!["e\u{301}te\u{301}"]);
    }
}
