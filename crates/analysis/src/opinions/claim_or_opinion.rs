//! The rule for a statement that is both a reported claim and an opinion: the verb decides.
//!
//! A reporting verb ("said", "argued", "according to") makes a claim; a stance verb, adjective
//! or noun ("fears", "is convinced", "the worry is") makes an opinion. When one statement holds
//! both, the verb that introduces it — the outer one — decides. So when a claim and an opinion
//! cover the same statement (they overlap by at least half of the longer, the matching
//! rule):
//! - an opinion introduced by a stance cue wins, and the claim is dropped ("Residents fear that
//!   the bridge will close": the fear, not a report, introduces the statement) — unless the
//!   stance cue lies inside a sourced claim: then the reporting verb introduces a statement
//!   that reports a stance, and the claim wins ("She said members were worried about the
//!   fees");
//! - otherwise a claim with a source wins, and the opinion is dropped ("Critics said the plan
//!   was reckless": "said" introduces it; the evaluative word is the source's, reported) —
//!   unless the opinion's cue lies outside the claim's content, in the writer's own words
//!   around it ("The council's absurd bylaw, the mayor said, …", "Its propaganda outlets
//!   announced that …"): then no report holds the cue and both stay;
//! - otherwise (an unsourced claim and an opinion with no stance cue) no verb decides and both
//!   stay for the person to choose.
//!
//! Owns: that decision. Must never: drop a suggestion that does not cover the same statement as
//! one of the other label, or compare more than the suggestions starting near each one (the
//! candidates of a span of length n start at most n before it; the pass stays linear for
//! sentence-sized spans).

use newsmark_core::{Label, Suggestion};

use super::Opinion;

/// Whether `a` and `b` overlap by at least half of the longer (code points).
fn same_statement(a: &Suggestion, b: &Suggestion) -> bool {
    let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let longer = (a.end - a.start).max(b.end - b.start);
    overlap > 0 && 2 * overlap >= longer
}

/// Settles claims against opinions; returns the claims and opinion suggestions to keep.
pub fn settle(claims: Vec<Suggestion>, opinions: Vec<Opinion>) -> (Vec<Suggestion>, Vec<Suggestion>) {
    let mut claims = claims;
    claims.sort_by_key(|c| (c.start, c.end));
    let mut drop_claim = vec![false; claims.len()];
    let mut kept = Vec::with_capacity(opinions.len());
    for o in opinions {
        let s = &o.suggestion;
        let len = s.end - s.start;
        // A claim covering the same statement is at most twice as long, so it starts no
        // earlier than `len` before the opinion and before its end.
        let from = claims.partition_point(|c| c.start < s.start.saturating_sub(len));
        let to = claims.partition_point(|c| c.start < s.end);
        let mut opinion_loses = false;
        for (i, c) in claims[from..to].iter().enumerate() {
            if c.label != Label::Claim || !same_statement(c, s) {
                continue;
            }
            let sourced = c.attributes.source.is_some();
            let cue_in_claim = o.cue.as_ref().is_none_or(|cue| c.start <= cue.start && cue.end <= c.end);
            if o.stance && !(sourced && cue_in_claim) {
                drop_claim[from + i] = true;
            } else if sourced && cue_in_claim {
                opinion_loses = true;
            }
        }
        if !opinion_loses {
            kept.push(o.suggestion);
        }
    }
    let claims = claims.into_iter().zip(drop_claim).filter(|(_, d)| !d).map(|(c, _)| c).collect();
    (claims, kept)
}
