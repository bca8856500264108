//! The gold direct quotations of PolNeAR's brat files, and the units they are counted in.
//!
//! Owns: which `.ann` file is an article's gold (the first annotator in sorted order), which
//! `Content` spans are direct quotes (those starting with a quotation mark), and cutting a
//! content into the unit counted: fragments, passages (fragments joined where a selection broke
//! inside one quotation) or the whole extent. Must never: change or copy the data it reads.

use std::collections::HashMap;
use std::path::Path;

use crate::named::{is_named, ArticleWords};

pub type Span = (usize, usize);

/// One gold direct quotation.
#[derive(Debug, Clone)]
pub struct Gold {
    pub fragments: Vec<Span>,
    pub source: Option<Vec<Span>>,
    /// The source contains a proper name (`named::is_named`).
    pub named: bool,
}

/// One gold item in the unit counted, with its quote's source.
#[derive(Debug, Clone)]
pub struct Item {
    pub span: Span,
    pub source: Option<Vec<Span>>,
    pub named: bool,
}

pub struct Article {
    pub name: String,
    pub text: String,
    pub chars: Vec<char>,
    pub gold: Vec<Gold>,
}

/// Every article of `dir/text` with the gold quotes of its first annotator's file.
pub fn load(dir: &Path) -> Vec<Article> {
    crate::polnear::read_files(dir)
        .into_iter()
        .map(|(name, text, ann)| {
            let gold = parse_ann(&ann, &text);
            Article { name, chars: text.chars().collect(), text, gold }
        })
        .collect()
}

pub fn parse_ann(ann: &str, text: &str) -> Vec<Gold> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: HashMap<&str, (&str, Vec<Span>)> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else { continue };
        if id.starts_with('T') {
            let Some((kind, ranges)) = body.split_once(' ') else { continue };
            let frags = ranges.split(';').filter_map(|r| {
                let (a, b) = r.trim().split_once(' ')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            });
            spans.insert(id, (kind, frags.collect()));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut source_of: HashMap<&str, Vec<Span>> = HashMap::new();
    for e in events {
        let args: HashMap<&str, &str> = e.split(' ').filter_map(|a| a.split_once(':')).collect();
        if let (Some(c), Some(s)) = (args.get("Content"), args.get("Source")) {
            if let Some((_, frags)) = spans.get(s) {
                source_of.insert(c, frags.clone());
            }
        }
    }
    let article_words = ArticleWords::new(&chars);
    let mut gold: Vec<Gold> = spans
        .iter()
        .filter(|(_, (kind, frags))| {
            *kind == "Content"
                && frags.first().is_some_and(|&(s, _)| chars.get(s).is_some_and(|c| matches!(c, '“' | '"' | '\'' | '‘' | '«')))
        })
        .map(|(id, (_, frags))| {
            let source = source_of.get(id).cloned();
            let named = source.as_ref().is_some_and(|s| is_named(&chars, s, &article_words));
            Gold { fragments: frags.clone(), source, named }
        })
        .collect();
    gold.sort_by_key(|g| g.fragments[0]);
    gold
}

#[derive(Clone, Copy, PartialEq)]
pub enum Unit {
    Passage,
    Fragment,
    Extent,
}

/// Gold items of an article in the chosen unit, each with its source.
pub fn gold_items(a: &Article, unit: Unit) -> Vec<Item> {
    items_of(&a.chars, &a.gold, unit)
}

/// Gold items of `gold` (the quotes of the article `chars`) in the chosen unit.
pub fn items_of(chars: &[char], gold: &[Gold], unit: Unit) -> Vec<Item> {
    gold.iter()
        .flat_map(|g| {
            let spans = match unit {
                Unit::Fragment => g.fragments.clone(),
                Unit::Passage => passages_of(chars, &g.fragments),
                Unit::Extent => vec![(g.fragments[0].0, g.fragments.iter().map(|f| f.1).max().unwrap_or(0))],
            };
            spans.into_iter().map(|span| Item { span, source: g.source.clone(), named: g.named })
        })
        .collect()
}

/// The quoted passages of a gold content: its fragments, joined where the annotator's
/// selection broke inside one passage, that is where a fragment leaves a quotation open
/// (`leaves_quote_open`).
pub fn passages_of(chars: &[char], fragments: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut joining = false;
    for &f in fragments {
        if joining {
            if let Some(last) = out.last_mut() {
                last.1 = last.1.max(f.1);
                joining = leaves_quote_open(&chars[last.0..last.1]);
                continue;
            }
        }
        out.push(f);
        joining = leaves_quote_open(&chars[f.0..f.1]);
    }
    out
}

/// Whether a run of text ends inside a double quotation: curly and straight marks (and
/// doubled '') taken in order, a mark opening a paragraph while a quote is open re-opening it
/// (the English convention for a quote over several paragraphs) rather than closing it.
fn leaves_quote_open(chars: &[char]) -> bool {
    let mut open = false;
    let mut para_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let doubled = c == '\'' && chars.get(i + 1) == Some(&'\'');
        if c == '\n' {
            para_start = true;
        } else if c == '“' || c == '”' || c == '"' || doubled {
            let reopen = open && para_start;
            if !reopen {
                open = match c {
                    '“' => true,
                    '”' => false,
                    _ => !open,
                };
            }
            para_start = false;
        } else if !c.is_whitespace() {
            para_start = false;
        }
        i += if doubled { 2 } else { 1 };
    }
    open
}

#[cfg(test)]
mod tests {
    use super::{leaves_quote_open, passages_of};

    fn open(s: &str) -> bool {
        leaves_quote_open(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn marks_are_read_in_order() {
        assert!(!open("“Closed,”"));
        assert!(open("“Left open"));
        // Opened straight, closed curly: one quotation, closed.
        assert!(!open("\"Oz has a bully pulpit,”"));
        assert!(!open("''Doubled,''"));
        assert!(open("''Doubled"));
        // A quote over two paragraphs re-opens at the second; closed at its end.
        assert!(!open("“One.\n“Two,”"));
        assert!(open("“One.\n“Two."));
    }

    #[test]
    fn fragments_join_only_inside_one_passage() {
        let text = "“A b,” she said. “C d.”\n\"E f,” he said. “G h.”";
        let chars: Vec<char> = text.chars().collect();
        let at = |s: &str| {
            let b = text.find(s).expect("in text");
            let start = text[..b].chars().count();
            (start, start + s.chars().count())
        };
        // Two closed quotes of one content stay two passages, whatever their marks.
        assert_eq!(passages_of(&chars, &[at("“A b,”"), at("“C d.”")]).len(), 2);
        assert_eq!(passages_of(&chars, &[at("\"E f,”"), at("“G h.”")]).len(), 2);
        // A selection broken inside one quotation is joined.
        assert_eq!(passages_of(&chars, &[at("“A"), at("b,”")]), vec![(at("“A").0, at("b,”").1)]);
    }
}
