//! A quotation whose closing mark the writer left out before the credit that interrupts it:
//! "“We will not move, Osei said, “until the council votes.”" holds two quoted fragments, the
//! first never closed.
//!
//! Owns: finding that first fragment when `marks` drops an unclosed quotation, from the text
//! between its opening mark and the next quotation: it ends at the comma before a short credit
//! ("Osei said,") that holds a reporting verb. Must never: read outside those bytes, or take a
//! fragment whose credit has no reporting verb (an unclosed mark before a nested quote, "“Open
//! and “inner” text", stays dropped).

use std::ops::Range;

use crate::lexicon::reporting::is_reporting_verb;

/// The most words in the credit between the two fragments.
const MAX_CREDIT_WORDS: usize = 8;

/// The first fragment of an unclosed quotation opening at byte `open`, whose paragraph's next
/// quotation opens at byte `next`: from `open` to the comma that ends it, when a credit of a few
/// words with a reporting verb and a comma or colon follows that comma.
pub fn first_fragment(text: &str, open: usize, next: usize) -> Option<Range<usize>> {
    let between = text.get(open..next)?.trim_end();
    let body = between.strip_suffix([',', ':'])?;
    let comma = body.rfind(',')?;
    let credit: Vec<&str> = body[comma + 1..].split_whitespace().collect();
    let has_verb = credit.iter().any(|w| is_reporting_verb(w.trim_matches(|c: char| !c.is_alphanumeric())));
    let fragment_words = body[..comma].split_whitespace().count();
    (!credit.is_empty() && credit.len() <= MAX_CREDIT_WORDS && has_verb && fragment_words >= 2).then_some(open..open + comma + 1)
}

#[cfg(test)]
mod tests {
    use super::first_fragment;

    fn first(text: &str) -> Option<&str> {
        let next = text.rfind('“').expect("a second quotation");
        first_fragment(text, 0, next).map(|r| &text[r])
    }

    #[test]
    fn the_first_fragment_ends_before_the_credit() {
        assert_eq!(first("“We will not move, Osei said, “until the council votes.”"), Some("“We will not move,"));
        assert_eq!(first("“We will not move, Ines Osei told reporters on Monday: “until the vote.”"), Some("“We will not move,"));
        // No reporting verb, no comma, too many words, or a fragment of one word.
        assert_eq!(first("“We will not move, the crowd, “until the vote.”"), None);
        assert_eq!(first("“Open and “inner” text"), None);
        assert_eq!(
            first("“We will not move, and the ferries and the buses and the trams were all said to be late, “until the vote.”"),
            None
        );
        assert_eq!(first("“No, Osei said, “until the vote.”"), None);
    }
}
