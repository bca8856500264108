//! The five kinds of source a claim may have, as the value of its `source_kind` attribute.
//!
//! Owns: mapping a claim's source to `named-person`, `named-organisation`, `document`,
//! `anonymous` or `unnamed` (a hedged report that names no source at all: "reportedly", "is
//! said to"). Builds on `lexicon::sources::classify_source` (which the summary panel also uses
//! and which must not grow, as it is compiled into the page) and adds only the finder's own
//! refinements. Must never: be called by the summary (it reads the attribute instead).

use crate::lexicon::sources::{classify_source, tokenize, SourceKind};

/// The attribute key under which a claim's source kind is kept in `Attributes::other`.
pub const KEY: &str = "source_kind";

pub const NAMED_PERSON: &str = "named-person";
pub const NAMED_ORGANISATION: &str = "named-organisation";
pub const DOCUMENT: &str = "document";
pub const ANONYMOUS: &str = "anonymous";
pub const UNNAMED: &str = "unnamed";

/// Words that make a source a share of a crowd, not a party: "73 percent", "most voters".
const SHARE_WORDS: &[&str] = &["half", "majority", "minority", "most", "percent", "share", "third"];

/// The kind of `source` as written (before a pronoun is resolved), or `UNNAMED` for none.
/// A definite role ("the mayor") counts as a named person: the article identifies her.
pub fn source_kind(source: Option<&str>) -> &'static str {
    let Some(s) = source.map(str::trim).filter(|s| !s.is_empty()) else { return UNNAMED };
    let toks = tokenize(s, 0..s.len());
    let share = toks.iter().any(|t| crate::lexicon::sources::has(SHARE_WORDS, &t.lower))
        || toks.first().is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()));
    if share {
        return ANONYMOUS;
    }
    match classify_source(s) {
        SourceKind::Person => NAMED_PERSON,
        SourceKind::Organisation => NAMED_ORGANISATION,
        SourceKind::Document => DOCUMENT,
        SourceKind::Anonymous => ANONYMOUS,
    }
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[SHARE_WORDS];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_kinds() {
        for (s, k) in [
            (Some("Ines Carvalho"), NAMED_PERSON),
            (Some("the mayor"), NAMED_PERSON),
            (Some("the Port Authority"), NAMED_ORGANISATION),
            (Some("the ministry"), NAMED_ORGANISATION),
            (Some("the audit"), DOCUMENT),
            (Some("a person briefed on the plan"), ANONYMOUS),
            (Some("officials"), ANONYMOUS),
            (Some("analysts"), ANONYMOUS),
            (Some("sources"), ANONYMOUS),
            (Some("73 percent of voters"), ANONYMOUS),
            (None, UNNAMED),
            (Some("  "), UNNAMED),
        ] {
            assert_eq!(source_kind(s), k, "{s:?}");
        }
    }
}
