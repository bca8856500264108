//! The IRIs newsmark gives the texts and annotations it exports, and reading them back.
//!
//! Owns: `urn:newsmark:article:<article>` for a text, `…:span:<span>` for a span's annotation and
//! `…:relation:<relation>` for a relation's, with each id percent-encoded so that no id can
//! make two IRIs equal. Must never: decode an IRI it did not make as one of its own.

const ARTICLE: &str = "urn:newsmark:article:";

/// What one of newsmark's IRIs names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ours {
    Article(String),
    Span { article: String, span: String },
    Relation { article: String, relation: String },
}

pub(super) fn article(id: &str) -> String {
    format!("{ARTICLE}{}", encode(id))
}

pub(super) fn span(article_id: &str, span: &str) -> String {
    format!("{}:span:{}", article(article_id), encode(span))
}

pub(super) fn relation(article_id: &str, relation: &str) -> String {
    format!("{}:relation:{}", article(article_id), encode(relation))
}

pub(super) fn parse(iri: &str) -> Option<Ours> {
    let rest = iri.strip_prefix(ARTICLE)?;
    let parts: Vec<&str> = rest.split(':').collect();
    match parts.as_slice() {
        [a] => Some(Ours::Article(decode(a)?)),
        [a, "span", s] => Some(Ours::Span { article: decode(a)?, span: decode(s)? }),
        [a, "relation", r] => Some(Ours::Relation { article: decode(a)?, relation: decode(r)? }),
        _ => None,
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so ids with `:`, `/`, `%`,
/// spaces or any other character stay one unambiguous IRI segment.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.is_empty())
}

/// The last segment of an IRI, decoded where it can be: a name for a text without a title, and
/// what a text file beside the annotations is matched by.
pub(super) fn last_segment(iri: &str) -> String {
    let path = iri.split(['?', '#']).next().unwrap_or(iri);
    let seg = path.trim_end_matches('/').rsplit(['/', ':']).next().unwrap_or(path);
    decode(seg).unwrap_or_else(|| seg.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_with_separators_round_trip() {
        let iri = span("a:1/ü", "span:2");
        assert_eq!(iri, "urn:newsmark:article:a%3A1%2F%C3%BC:span:span%3A2");
        assert_eq!(parse(&iri), Some(Ours::Span { article: "a:1/ü".into(), span: "span:2".into() }));
        assert_eq!(parse(&article("x")), Some(Ours::Article("x".into())));
        assert_eq!(parse(&relation("x", "r1")), Some(Ours::Relation { article: "x".into(), relation: "r1".into() }));
        assert_eq!(parse("urn:newsmark:article:x:other:y"), None);
        assert_eq!(parse("http://example.org/anno/1"), None);
        assert_eq!(last_segment("http://example.org/news/story%201.txt?x#y"), "story 1.txt");
    }
}
