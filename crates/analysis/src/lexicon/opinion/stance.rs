//! Stance cues: the verbs, adjectives and nouns by which a named holder takes a position on a
//! statement ("X fears that …", "X is convinced …", "the worry is that …", "X condemned …").
//!
//! Owns: the lists `opinions::stance` matches. Must never: hold reporting verbs ("said",
//! "argued", "claimed"): those make claims, and the claim-or-opinion rule decides by this
//! split (see `opinions::claim_or_opinion`). Written for newsmark; lower case and sorted.

/// Verbs of belief, worry, hope and regret that take a clause: "X fears (that) the plan fails".
/// Each form is listed; the nouns among them ("hopes", "fears") count only after a subject and
/// before a clause.
pub const STANCE_VERBS: &[&str] = &[
    "believe",
    "believed",
    "believes",
    "doubt",
    "doubted",
    "doubts",
    "fear",
    "feared",
    "fears",
    "feel",
    "feels",
    "felt",
    "hope",
    "hoped",
    "hopes",
    "lament",
    "lamented",
    "laments",
    "reckon",
    "reckoned",
    "reckons",
    "regret",
    "regrets",
    "regretted",
    "suspect",
    "suspected",
    "suspects",
    "think",
    "thinks",
    "thought",
    "worried",
    "worries",
    "worry",
];

/// Verbs by which a holder judges a thing or an act: "X condemned the attack".
pub const JUDGEMENT_VERBS: &[&str] = &[
    "applauded",
    "applauds",
    "blamed",
    "blames",
    "branded",
    "brands",
    "commended",
    "commends",
    "condemned",
    "condemns",
    "criticised",
    "criticises",
    "criticized",
    "criticizes",
    "decried",
    "decries",
    "denounced",
    "denounces",
    "deplored",
    "deplores",
    "hailed",
    "hails",
    "lambasted",
    "lambasts",
    "praised",
    "praises",
    "slammed",
    "slams",
    "welcomed",
    "welcomes",
];

/// Verbs of naming that judge only with an evaluative word after them: "X called the plan
/// reckless", "X described the deal as a disaster" (not "called for", "called the police").
pub const NAMING_VERBS: &[&str] = &["call", "called", "calls", "described", "describes", "termed", "terms"];

/// People one welcomes as a host rather than a judge: "welcomed the delegation".
pub const WELCOMED_GUESTS: &[&str] = &[
    "athletes",
    "crowd",
    "crowds",
    "delegates",
    "delegation",
    "fans",
    "guests",
    "leader",
    "leaders",
    "migrants",
    "minister",
    "newcomers",
    "players",
    "president",
    "refugees",
    "team",
    "visitor",
    "visitors",
];

/// Adjectives after a form of "be" that give the subject's stance: "X is convinced that".
pub const STANCE_ADJECTIVES_AFTER_BE: &[&str] = &[
    "alarmed",
    "angry",
    "appalled",
    "concerned",
    "confident",
    "convinced",
    "delighted",
    "disappointed",
    "dismayed",
    "frustrated",
    "furious",
    "hopeful",
    "optimistic",
    "outraged",
    "pessimistic",
    "pleased",
    "proud",
    "sceptical",
    "skeptical",
    "troubled",
    "unhappy",
    "worried",
];

/// Words that may follow a stance adjective and show it takes a complement: "concerned about",
/// "convinced that", "disappointed by".
pub const STANCE_COMPLEMENTS: &[&str] = &["about", "at", "by", "of", "over", "that", "with"];

/// Nouns of "the fear is that …", "her hope is …", "the irony is".
pub const STANCE_NOUNS: &[&str] = &["concern", "danger", "fear", "hope", "irony", "problem", "truth", "worry"];

/// Predicates of "it is a mistake to …", "it would be wrong to …", "it is clear that …": the
/// speaker or writer judges the clause that follows.
pub const JUDGEMENT_PREDICATES: &[&str] = &[
    "absurd",
    "clear",
    "crucial",
    "disgrace",
    "essential",
    "mistake",
    "obvious",
    "outrageous",
    "pity",
    "scandal",
    "shame",
    "tragedy",
    "unacceptable",
    "unfair",
    "unwise",
    "vital",
    "wrong",
];

/// Forms of "be" (and modal "be") between a subject and a stance adjective or predicate.
pub const BE_FORMS: &[&str] = &["'m", "'re", "'s", "am", "are", "be", "been", "is", "remain", "remains", "seemed", "seems", "was", "were"];

/// Words that can open the clause after a stance verb with no "that": "thinks the plan …",
/// "fears it …". A stance noun ("hopes were dashed") is followed by none of these.
pub const CLAUSE_STARTS: &[&str] = &[
    "a", "all", "an", "any", "he", "her", "his", "i", "it", "its", "many", "more", "most", "my", "no", "nobody", "none", "nothing", "our",
    "she", "some", "that", "the", "their", "there", "these", "they", "this", "those", "we", "you", "your",
];
