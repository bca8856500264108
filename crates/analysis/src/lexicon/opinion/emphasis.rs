//! Weaker signs of the writer's own voice: intensifiers, universal words, superlatives,
//! "we" and "should" outside quotations, "cannot". None alone makes an opinion; two of
//! different kinds in one sentence do (see `opinions::weak`).
//!
//! Owns: these lists. Must never: hold a word that alone marks an opinion (those are in
//! `opinion.rs`). Written for newsmark; lower case and sorted.

/// Words that turn up the force of a judgement: "really", "simply", "utterly".
pub const INTENSIFIERS: &[&str] = &[
    "absolutely",
    "actually",
    "deeply",
    "extremely",
    "hardly",
    "incredibly",
    "merely",
    "quite",
    "really",
    "simply",
    "terribly",
    "truly",
    "utterly",
    "very",
];

/// Words that claim for all or none: sweeping statements are a writer's.
pub const UNIVERSALS: &[&str] =
    &["always", "anybody", "anyone", "anything", "ever", "everybody", "everyone", "everything", "never", "nobody", "nothing"];

/// Comparative and superlative words of worth ("the best", "worse"); "most" and "least" count
/// before an adjective ("the most damaging").
pub const DEGREE_WORDS: &[&str] = &["best", "better", "greatest", "least", "most", "worse", "worst"];

/// The writer's first person plural, and the reader addressed, outside quotations.
pub const WRITER_WE: &[&str] = &["our", "ours", "ourselves", "us", "we", "you", "your", "yourself"];

/// Adjectives and adverbs of judgement that are also used plainly ("a dangerous road", "a
/// huge crowd"), so they count only beside another weak cue.
pub const MILD_EVALUATIVE: &[&str] = &[
    "chaotic",
    "dangerous",
    "dramatic",
    "dramatically",
    "drastic",
    "enormous",
    "enormously",
    "extraordinary",
    "huge",
    "immense",
    "impossible",
    "inevitable",
    "perfect",
    "perfectly",
    "potent",
    "profound",
    "serious",
    "strange",
    "thoughtless",
    "undeserved",
    "unjustified",
    "unsustainable",
];

/// Modals of advice and impossibility in the writer's voice.
pub const SOFT_MODALS: &[&str] = &["can't", "cannot", "should", "shouldn't"];

/// Second words of two-word discourse markers that insist on a point: "of course", "after
/// all", "in fact", "no doubt" (the first word is checked in code).
pub const INSISTING_PAIRS: &[(&str, &str)] = &[("after", "all"), ("in", "fact"), ("no", "doubt"), ("of", "course")];
