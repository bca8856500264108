//! The verbs that report a claim, every form of each, and how each takes its content.
//!
//! Owns: the claim finder's verb table, written for newsmark, grouped by verb so that a reader
//! sees every tense and form together, and the frame each verb takes. Must never: hold a stance
//! verb (believe, think, feel, fear, hope, worry, doubt, expect, want …): a stance held by a
//! named holder is an opinion, and the opinion finder owns those ("decide by the verb"). Nor a
//! directive verb (demand, urge, call for …): those make demands. Nor a verb whose usual sense
//! is physical ("attack", "welcome"): in reports of war or ceremonies they report nothing.

use std::sync::OnceLock;

/// How a reporting verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Speech: content after it ("said (that) …") and credit after content ("…, X said.").
    Say,
    /// Content after it only, as a that-clause or a bare clause ("the study found (that) …").
    Clause,
    /// A speech act whose content may also be a noun phrase or "to" + verb ("cited the
    /// figures", "criticised the plan", "vowed to appeal").
    Object,
    /// Speech that may also take a noun phrase: "acknowledged the risk", "announced plans",
    /// and "…, she acknowledged."
    SayOrObject,
}

impl Frame {
    /// Whether the verb may take a noun phrase as its content.
    pub fn takes_object(self) -> bool {
        matches!(self, Frame::Object | Frame::SayOrObject)
    }

    /// Whether the verb may credit content before it: "…, X said."
    pub fn credits_before(self) -> bool {
        matches!(self, Frame::Say | Frame::SayOrObject)
    }
}

/// Speech verbs, every form: base, third person, past (and participle), -ing.
const SAY: &[&[&str]] = &[
    &["add", "adds", "added", "adding"],
    &["argue", "argues", "argued", "arguing"],
    &["assert", "asserts", "asserted", "asserting"],
    &["caution", "cautions", "cautioned", "cautioning"],
    &["comment", "comments", "commented", "commenting"],
    &["complain", "complains", "complained", "complaining"],
    &["contend", "contends", "contended", "contending"],
    &["counter", "counters", "countered", "countering"],
    &["declare", "declares", "declared", "declaring"],
    &["explain", "explains", "explained", "explaining"],
    &["insist", "insists", "insisted", "insisting"],
    &["maintain", "maintains", "maintained", "maintaining"],
    &["note", "notes", "noted", "noting"],
    &["observe", "observes", "observed", "observing"],
    &["post", "posts", "posted", "posting"],
    &["reason", "reasons", "reasoned", "reasoning"],
    &["remark", "remarks", "remarked", "remarking"],
    &["reply", "replies", "replied", "replying"],
    &["respond", "responds", "responded", "responding"],
    &["say", "says", "said", "saying"],
    &["state", "states", "stated", "stating"],
    &["tell", "tells", "told", "telling"],
    &["testify", "testifies", "testified", "testifying"],
    &["tweet", "tweets", "tweeted", "tweeting"],
    &["warn", "warns", "warned", "warning"],
    &["write", "writes", "wrote", "written", "writing"],
];

/// Speech verbs that may also take a noun phrase: "acknowledged the risk", "announced plans".
const SAY_OR_OBJECT: &[&[&str]] = &[
    &["acknowledge", "acknowledges", "acknowledged", "acknowledging"],
    &["admit", "admits", "admitted", "admitting"],
    &["allege", "alleges", "alleged", "alleging"],
    &["announce", "announces", "announced", "announcing"],
    &["boast", "boasts", "boasted", "boasting"],
    &["claim", "claims", "claimed", "claiming"],
    &["concede", "concedes", "conceded", "conceding"],
    &["confirm", "confirms", "confirmed", "confirming"],
    &["emphasise", "emphasises", "emphasised", "emphasising"],
    &["emphasize", "emphasizes", "emphasized", "emphasizing"],
    &["predict", "predicts", "predicted", "predicting"],
    &["recall", "recalls", "recalled", "recalling"],
    &["reiterate", "reiterates", "reiterated", "reiterating"],
    &["report", "reports", "reported", "reporting"],
    &["stress", "stresses", "stressed", "stressing"],
    &["suggest", "suggests", "suggested", "suggesting"],
];

/// Verbs that report content after them but do not credit content before them.
const CLAUSE: &[&[&str]] = &[
    &["assure", "assures", "assured", "assuring"],
    &["conclude", "concludes", "concluded", "concluding"],
    &["determine", "determines", "determined", "determining"],
    &["disclose", "discloses", "disclosed", "disclosing"],
    &["estimate", "estimates", "estimated", "estimating"],
    &["find", "finds", "found", "finding"],
    &["hint", "hints", "hinted", "hinting"],
    &["imply", "implies", "implied", "implying"],
    &["indicate", "indicates", "indicated", "indicating"],
    &["reveal", "reveals", "revealed", "revealing"],
    &["rule", "rules", "ruled", "ruling"],
    &["show", "shows", "showed", "shown", "showing"],
    &["signal", "signals", "signalled", "signaled", "signalling", "signaling"],
];

/// Speech acts whose content may be a noun phrase or "to" + verb as well as a clause.
const OBJECT: &[&[&str]] = &[
    &["accuse", "accuses", "accused", "accusing"],
    &["applaud", "applauds", "applauded", "applauding"],
    &["blame", "blames", "blamed", "blaming"],
    &["blast", "blasts", "blasted", "blasting"],
    &["call", "calls", "called", "calling"],
    &["cite", "cites", "cited", "citing"],
    &["compare", "compares", "compared", "comparing"],
    &["condemn", "condemns", "condemned", "condemning"],
    &["criticise", "criticises", "criticised", "criticising"],
    &["criticize", "criticizes", "criticized", "criticizing"],
    &["decry", "decries", "decried", "decrying"],
    &["defend", "defends", "defended", "defending"],
    &["denounce", "denounces", "denounced", "denouncing"],
    &["deny", "denies", "denied", "denying"],
    &["describe", "describes", "described", "describing"],
    &["detail", "details", "detailed", "detailing"],
    &["discuss", "discusses", "discussed", "discussing"],
    &["dismiss", "dismisses", "dismissed", "dismissing"],
    &["dispute", "disputes", "disputed", "disputing"],
    &["echo", "echoes", "echoed", "echoing"],
    &["endorse", "endorses", "endorsed", "endorsing"],
    &["express", "expresses", "expressed", "expressing"],
    &["hail", "hails", "hailed", "hailing"],
    &["highlight", "highlights", "highlighted", "highlighting"],
    &["invoke", "invokes", "invoked", "invoking"],
    &["lambast", "lambasts", "lambasted", "lambasting"],
    &["liken", "likens", "likened", "likening"],
    &["link", "links", "linked", "linking"],
    &["mention", "mentions", "mentioned", "mentioning"],
    &["mock", "mocks", "mocked", "mocking"],
    &["outline", "outlines", "outlined", "outlining"],
    &["pledge", "pledges", "pledged", "pledging"],
    &["praise", "praises", "praised", "praising"],
    &["promise", "promises", "promised", "promising"],
    &["promote", "promotes", "promoted", "promoting"],
    &["propose", "proposes", "proposed", "proposing"],
    &["question", "questions", "questioned", "questioning"],
    &["recommend", "recommends", "recommended", "recommending"],
    &["reference", "references", "referenced", "referencing"],
    &["reject", "rejects", "rejected", "rejecting"],
    &["ridicule", "ridicules", "ridiculed", "ridiculing"],
    &["slam", "slams", "slammed", "slamming"],
    &["threaten", "threatens", "threatened", "threatening"],
    &["tout", "touts", "touted", "touting"],
    &["unveil", "unveils", "unveiled", "unveiling"],
    &["vow", "vows", "vowed", "vowing"],
];

/// Every verb of the table (its forms, each with its frame), for tests and counting.
pub fn claim_verb_lemmas() -> impl Iterator<Item = (&'static [&'static str], Frame)> {
    SAY.iter()
        .map(|v| (*v, Frame::Say))
        .chain(SAY_OR_OBJECT.iter().map(|v| (*v, Frame::SayOrObject)))
        .chain(CLAUSE.iter().map(|v| (*v, Frame::Clause)))
        .chain(OBJECT.iter().map(|v| (*v, Frame::Object)))
}

/// Every form with its frame, sorted once for binary search, with the range of forms that
/// start with each letter (each token of an article asks, most with a letter no verb starts
/// with or a short range to search).
struct Table {
    forms: Vec<(&'static str, Frame)>,
    by_letter: [(u16, u16); 26],
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut forms: Vec<(&str, Frame)> = claim_verb_lemmas().flat_map(|(forms, f)| forms.iter().map(move |w| (*w, f))).collect();
        forms.sort_by_key(|(w, _)| *w);
        forms.dedup_by_key(|(w, _)| *w);
        let mut by_letter = [(0u16, 0u16); 26];
        for (letter, range) in by_letter.iter_mut().enumerate() {
            let first = b'a' + letter as u8;
            let start = forms.partition_point(|(w, _)| w.as_bytes()[0] < first);
            let end = forms.partition_point(|(w, _)| w.as_bytes()[0] <= first);
            *range = (start as u16, end as u16);
        }
        Table { forms, by_letter }
    })
}

/// The frame of `lower` (a lower-case word) if it is a form of a claim verb.
pub fn claim_verb(lower: &str) -> Option<Frame> {
    let first = *lower.as_bytes().first()?;
    if !first.is_ascii_lowercase() || lower.len() > 14 {
        return None;
    }
    let t = table();
    let (start, end) = t.by_letter[usize::from(first - b'a')];
    let bucket = &t.forms[usize::from(start)..usize::from(end)];
    bucket.binary_search_by_key(&lower, |(w, _)| *w).ok().map(|i| bucket[i].1)
}
