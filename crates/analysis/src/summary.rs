//! The summary of an article's spans: who said what, who is cited, what is claimed without a
//! source, who demands what from whom, and where the opinions are.
//!
//! Owns: grouping an article's spans for the summary panel. Must never: look at suggestions that
//! were not accepted (the summary describes the person's annotations), or at the DOM.
//!
//! It runs in the analysis worker (the page sends the article and gets a `Summary` back, which
//! is why the types here are serde types with span ids as strings); only [`label_counts`] runs on
//! the page. That keeps the source classifier's and the titles' word lists out of the page's
//! download.

use std::collections::{BTreeMap, HashMap};

use newsmark_core::{Article, Label, Span, SpanId};
use serde::{Deserialize, Serialize};

use crate::claims::{classify_source, SourceKind};

/// A span as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The span's id, to go to it.
    pub id: String,
    pub start: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// Roles and affiliations given for the speaker, e.g. "a senior fellow at Brookings".
    pub roles: Vec<String>,
    pub quotes: Vec<Entry>,
}

/// Claims grouped under one source (or opinions under one holder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub claims: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemandRow {
    pub by: Option<String>,
    pub to: Option<String>,
    pub demand: Entry,
}

/// Opinions in one paragraph, relative to its length.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphOpinions {
    /// 1-based paragraph number, counting non-blank lines.
    pub number: usize,
    /// Where the paragraph starts, to jump to it.
    pub start: usize,
    pub opinions: usize,
    pub words: usize,
    /// Opinion spans per 100 words.
    pub per_100_words: f32,
    /// The paragraph's first opinion (its span's id), to jump to.
    pub first_opinion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Spans per label: not sent by the worker (labels are the page's), filled in by the page
    /// with [`label_counts`].
    #[serde(skip)]
    pub counts: Vec<(Label, usize)>,
    pub speakers: Vec<Speaker>,
    pub named_sources: Vec<Source>,
    pub documents: Vec<Source>,
    pub anonymous_sources: Vec<Source>,
    pub unsourced_claims: Vec<Entry>,
    pub demands: Vec<DemandRow>,
    /// Opinions grouped by their holder (the attribute, or a "holder" relation); opinions with
    /// neither are only counted in the density.
    pub holders: Vec<Source>,
    pub opinion_density: Vec<ParagraphOpinions>,
}

/// A speaker or a source while the spans are gathered.
struct Group {
    name: String,
    roles: Vec<String>,
    entries: Vec<Entry>,
}

/// The group of speakers in `summarize`'s map; sources are in groups 0 (named), 1 (documents)
/// and 2 (anonymous), opinion holders in `HOLDER`.
const SPEAKER: u8 = 3;
const HOLDER: u8 = 4;

/// Longest text an entry shows; the full text is one click away in the article.
const EXCERPT: usize = 120;

fn entry(article: &Article, span: &Span) -> Entry {
    let text = article.span_text(span);
    let text = if text.chars().count() > EXCERPT {
        format!("{}…", text.chars().take(EXCERPT).collect::<String>().trim_end())
    } else {
        text.to_string()
    };
    Entry { id: span.id.as_str().to_string(), start: span.start, text }
}

/// Splits "Name (role)" — the form quote suggestions use for a speaker with an apposition —
/// into the name and the role.
pub fn split_role(speaker: &str) -> (&str, Option<&str>) {
    match speaker.trim().strip_suffix(')').and_then(|s| s.split_once(" (")) {
        Some((name, role)) if !name.trim().is_empty() => (name.trim(), Some(role.trim())),
        _ => (speaker.trim(), None),
    }
}

/// Lower-cases a name that is not all ASCII, so that speakers and sources differing only in case
/// are grouped. The page passes the browser's own `toLowerCase`, so that its wasm carries no
/// Unicode case tables (10 KB of its gzip download); native callers pass `str::to_lowercase`.
pub type Lower<'a> = &'a dyn Fn(&str) -> String;

/// The key that groups `name`: lower case, the common all-ASCII name without calling `lower`.
fn group_key(name: &str, lower: Lower) -> String {
    if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        lower(name)
    }
}

/// Spans per label: the built-in four first (even when 0), then the person's own labels in
/// order of first use.
pub fn label_counts(article: &Article) -> Vec<(Label, usize)> {
    let mut counts: Vec<(Label, usize)> = Label::BUILTIN.iter().map(|&l| (l, 0)).collect();
    for span in &article.spans {
        match counts.iter_mut().find(|(l, _)| *l == span.label) {
            Some(count) => count.1 += 1,
            None => counts.push((span.label, 1)),
        }
    }
    counts
}

/// The kind of a claim's source: what the suggestion classified it as (`source_kind`, kept in
/// the span's other attributes), or else what `classify_source` makes of the name. Groups 0
/// (named person or organisation), 1 (document) and 2 (anonymous or unnamed).
fn source_group(span: &Span, source: &str) -> u8 {
    match span.attributes.other.iter().find(|(k, _)| k == "source_kind").map(|(_, v)| v.as_str()) {
        Some("named-person" | "named-organisation") => 0,
        Some("document") => 1,
        Some("anonymous" | "unnamed") => 2,
        _ => match classify_source(source) {
            SourceKind::Person | SourceKind::Organisation => 0,
            SourceKind::Document => 1,
            SourceKind::Anonymous => 2,
        },
    }
}

pub fn summarize(article: &Article, lower: Lower) -> Summary {
    let mut summary = Summary { counts: label_counts(article), ..Summary::default() };
    // Speakers and sources by (group, name in lower case), in one map (one map type fewer in the
    // page's wasm).
    let mut groups: BTreeMap<(u8, String), Group> = BTreeMap::new();
    // Each span's first relation of each kind, found once: the summary is recomputed on every
    // edit, and a search per span would grow with spans × relations.
    let by_id: HashMap<&SpanId, &Span> = article.spans.iter().map(|sp| (&sp.id, sp)).collect();
    let mut first_target: HashMap<(&SpanId, &str), &Span> = HashMap::new();
    for r in &article.relations {
        if let Some(&to) = by_id.get(&r.to) {
            first_target.entry((&r.from, &*r.kind)).or_insert(to);
        }
    }
    for span in &article.spans {
        let a = &span.attributes;
        // A relation to a span says the same as the attribute, and is used when the attribute is empty.
        let related = |kind: &str| -> Option<String> {
            let to = *first_target.get(&(&span.id, kind))?;
            Some(article.pieces_text(to, " "))
        };
        let attr_or = |value: &Option<String>, kind: &str| value.clone().or_else(|| related(kind));
        match span.label {
            Label::Quote => {
                let speaker = attr_or(&a.speaker, "speaker");
                let (name, role) = split_role(speaker.as_deref().unwrap_or("Unattributed"));
                // "Mayor Ines Carvalho" and "Ines Carvalho" are one speaker; the title is a role.
                let (title, name) = strip_titles(name);
                let speaker = groups.entry((SPEAKER, group_key(name, lower))).or_insert_with(|| Group {
                    name: name.to_string(),
                    roles: Vec::new(),
                    entries: Vec::new(),
                });
                for role in [title, role].into_iter().flatten() {
                    if !speaker.roles.iter().any(|x| x == role) {
                        speaker.roles.push(role.to_string());
                    }
                }
                speaker.entries.push(entry(article, span));
            }
            Label::Claim => match attr_or(&a.source, "source").as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => summary.unsourced_claims.push(entry(article, span)),
                Some(source) => {
                    let kind = source_group(span, source);
                    groups
                        .entry((kind, group_key(source, lower)))
                        .or_insert_with(|| Group { name: source.to_string(), roles: Vec::new(), entries: Vec::new() })
                        .entries
                        .push(entry(article, span));
                }
            },
            Label::Demand => summary.demands.push(DemandRow {
                by: attr_or(&a.by, "actor"),
                to: attr_or(&a.to, "addressee"),
                demand: entry(article, span),
            }),
            Label::Opinion => {
                if let Some(holder) = attr_or(&a.holder, "holder").as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                    groups
                        .entry((HOLDER, group_key(holder, lower)))
                        .or_insert_with(|| Group { name: holder.to_string(), roles: Vec::new(), entries: Vec::new() })
                        .entries
                        .push(entry(article, span));
                }
            }
            Label::Custom(_) => {}
        }
    }
    // Most quoted speakers and most cited sources first; ties alphabetically (the map's order).
    let mut speakers = Vec::new();
    for ((kind, _), Group { name, roles, entries }) in groups {
        match kind {
            SPEAKER => speakers.push(Speaker { name, roles, quotes: entries }),
            0 => summary.named_sources.push(Source { name, claims: entries }),
            1 => summary.documents.push(Source { name, claims: entries }),
            HOLDER => summary.holders.push(Source { name, claims: entries }),
            _ => summary.anonymous_sources.push(Source { name, claims: entries }),
        }
    }
    summary.speakers = most_first(speakers, |s| s.quotes.len());
    for list in [&mut summary.named_sources, &mut summary.documents, &mut summary.anonymous_sources, &mut summary.holders] {
        *list = most_first(std::mem::take(list), |s| s.claims.len());
    }
    summary.opinion_density = opinion_density(article);
    summary
}

/// `items` with the largest `count` first, in their given order among equal counts.
///
/// Sorted through `order`, the page's one sort: sorting `Speaker`s and `Source`s themselves would
/// add a sort apiece, 1.4 KB of gzip each, to the page's download.
fn most_first<T>(items: Vec<T>, count: impl Fn(&T) -> usize) -> Vec<T> {
    newsmark_core::order::by_pair(items, |x| (usize::MAX - count(x), 0))
}

/// Splits leading titles ("Sen.", "Mayor") from a name: (the titles, the rest). A name that is
/// all titles stays as it is.
fn strip_titles(name: &str) -> (Option<&str>, &str) {
    let mut rest = name;
    while let Some((word, tail)) = rest.split_once(' ') {
        if !crate::names::is_title(word) || tail.trim().is_empty() {
            break;
        }
        rest = tail.trim_start();
    }
    let titles = name[..name.len() - rest.len()].trim();
    ((!titles.is_empty()).then_some(titles), rest)
}

fn opinion_density(article: &Article) -> Vec<ParagraphOpinions> {
    let text = &article.text;
    let opinion_spans: Vec<&Span> = article.spans.iter().filter(|s| s.label == Label::Opinion).collect();
    let opinions: Vec<usize> = opinion_spans.iter().map(|s| s.start).collect();
    let mut out = Vec::new();
    for (block, &words) in text.blocks().iter().zip(text.words_per_block()) {
        // Blank lines are not paragraphs.
        if words == 0 {
            continue;
        }
        // Spans are in text order, so the opinions of this paragraph are a contiguous run.
        let from = opinions.partition_point(|&s| s < block.start);
        let to = opinions.partition_point(|&s| s < block.end);
        let count = to - from;
        out.push(ParagraphOpinions {
            number: out.len() + 1,
            start: block.start,
            opinions: count,
            words,
            per_100_words: count as f32 * 100.0 / words as f32,
            first_opinion: (count > 0).then(|| opinion_spans[from].id.as_str().to_string()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmark_core::sample;
    use newsmark_core::ArticleId;

    #[test]
    fn the_sample_summarises_by_speaker_source_demand_and_paragraph() {
        let s = summarize(&sample::article(ArticleId::new("a1")), &str::to_lowercase);
        assert_eq!(s.counts, vec![(Label::Claim, 1), (Label::Demand, 1), (Label::Quote, 1), (Label::Opinion, 1)]);
        assert_eq!(s.speakers.len(), 1);
        assert_eq!(s.speakers[0].name, "Ines Carvalho");
        assert_eq!(s.documents.len(), 1, "the annual report is a document");
        assert_eq!(s.documents[0].name, "the authority’s annual report");
        assert!(s.unsourced_claims.is_empty());
        assert_eq!(s.demands[0].by.as_deref(), Some("Dock and Ferry Workers’ Union"));
        assert_eq!(s.demands[0].demand.text, "freeze fares for two years");
        let with_opinion: Vec<_> = s.opinion_density.iter().filter(|p| p.opinions > 0).collect();
        assert_eq!(with_opinion.len(), 1);
        assert!(with_opinion[0].per_100_words > 0.0);
    }

    #[test]
    fn relations_stand_in_for_empty_attributes_and_custom_labels_are_counted() {
        use newsmark_core::{Relation, RelationId, SpanId};
        let text = "“No,” said Mara Lindqvist. Unions demand a vote from the board.";
        let at = |needle: &str| {
            let start = text[..text.find(needle).unwrap()].chars().count();
            (start, start + needle.chars().count())
        };
        let span = |id: &str, label, needle| {
            let (start, end) = at(needle);
            newsmark_core::Span::manual(SpanId::new(id), label, start, end)
        };
        let spans = vec![
            span("q", Label::Quote, "“No,”"),
            span("p", Label::Custom(1), "Mara Lindqvist"),
            span("d", Label::Demand, "a vote"),
            span("u", Label::Custom(1), "Unions"),
            span("b", Label::Custom(1), "the board"),
        ];
        let link = |id: &str, kind: &str, from: &str, to: &str| Relation {
            id: RelationId::new(id),
            kind: kind.into(),
            from: SpanId::new(from),
            to: SpanId::new(to),
            event: None,
        };
        let relations = vec![link("r1", "speaker", "q", "p"), link("r2", "actor", "d", "u"), link("r3", "addressee", "d", "b")];
        let article =
            Article::with_spans(ArticleId::new("a"), String::new(), std::rc::Rc::new(newsmark_core::ArticleText::new(text)), spans)
                .with_relations(relations);
        let s = summarize(&article, &str::to_lowercase);
        assert_eq!(s.speakers[0].name, "Mara Lindqvist");
        assert_eq!((s.demands[0].by.as_deref(), s.demands[0].to.as_deref()), (Some("Unions"), Some("the board")));
        assert_eq!(s.counts.last(), Some(&(Label::Custom(1), 3)));
    }

    #[test]
    fn names_differing_only_in_case_are_one_speaker_or_source_and_ascii_needs_no_lower() {
        let text = "“A,” “B,” “C.” X. Y.";
        let spans = [
            ("a", Label::Quote, 0, 4, "speaker", "JOSÉ ANDRÉS"),
            ("b", Label::Quote, 5, 9, "speaker", "José Andrés"),
            ("c", Label::Quote, 10, 14, "speaker", "Mara LINDQVIST"),
            ("x", Label::Claim, 15, 17, "source", "the ÉLYSÉE"),
            ("y", Label::Claim, 18, 20, "source", "the Élysée"),
        ]
        .map(|(id, label, start, end, key, value)| {
            let mut span = newsmark_core::Span::manual(SpanId::new(id), label, start, end);
            match key {
                "speaker" => span.attributes.speaker = Some(value.into()),
                _ => span.attributes.source = Some(value.into()),
            }
            span
        });
        let article = Article::with_spans(
            ArticleId::new("a"),
            String::new(),
            std::rc::Rc::new(newsmark_core::ArticleText::new(text)),
            spans.to_vec(),
        );
        let asked = std::cell::RefCell::new(Vec::new());
        let lower = |s: &str| {
            asked.borrow_mut().push(s.to_string());
            s.to_lowercase()
        };
        let s = summarize(&article, &lower);
        let speakers: Vec<(&str, usize)> = s.speakers.iter().map(|s| (s.name.as_str(), s.quotes.len())).collect();
        assert_eq!(speakers, [("JOSÉ ANDRÉS", 2), ("Mara LINDQVIST", 1)], "most quoted first, named as first written");
        let sources: Vec<(&str, usize)> = s.named_sources.iter().map(|s| (s.name.as_str(), s.claims.len())).collect();
        assert_eq!(sources, [("the ÉLYSÉE", 2)]);
        assert_eq!(*asked.borrow(), ["JOSÉ ANDRÉS", "José Andrés", "the ÉLYSÉE", "the Élysée"], "only names that are not all ASCII");
    }

    #[test]
    fn most_first_keeps_the_given_order_among_equal_counts() {
        let items = vec![("b", 1), ("a", 3), ("c", 1), ("d", 3), ("e", 0)];
        assert_eq!(most_first(items, |x| x.1), [("a", 3), ("d", 3), ("b", 1), ("c", 1), ("e", 0)]);
    }

    #[test]
    fn titled_and_untitled_names_are_one_speaker() {
        assert_eq!(strip_titles("Mayor Ines Carvalho"), (Some("Mayor"), "Ines Carvalho"));
        assert_eq!(strip_titles("Sen. Elizabeth Warren"), (Some("Sen."), "Elizabeth Warren"));
        assert_eq!(strip_titles("Ines Carvalho"), (None, "Ines Carvalho"));
        assert_eq!(strip_titles("Mayor"), (None, "Mayor"));
    }

    #[test]
    fn roles_split_from_speakers() {
        assert_eq!(split_role("Angela Stent (a senior fellow at Brookings)"), ("Angela Stent", Some("a senior fellow at Brookings")));
        assert_eq!(split_role("Mara Lindqvist"), ("Mara Lindqvist", None));
        assert_eq!(split_role("(odd)"), ("(odd)", None));
    }
}
