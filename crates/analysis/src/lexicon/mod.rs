//! Word lists, all written for newsmark (no third-party lists are shipped).
//!
//! Owns: the vocabulary the detectors match. Must never: hold a list copied from a source whose
//! licence forbids shipping it.

/// Abbreviations that end with a full stop but not a sentence (compared without the stop).
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Maj",
    "Rev", "Hon", "Pres", "Supt", "St", "Jr", "Sr", "Mt", "Ft", "No", "Nos", "vs", "etc", "Inc", "Corp", "Co", "Ltd",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd", "Rd", "approx",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass",
    "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis",
    "Wyo", "e.g", "i.e", "a.m", "p.m", "U.S", "U.K", "U.N",
];

/// Words that typically open a sentence: after an abbreviation or initial ("U.S.", "Inc.",
/// "J."), a full stop followed by one of these ends the sentence.
pub const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "This",
    "That", "These", "Those", "There", "But", "And", "Or", "So", "Yet", "If", "When", "While", "As", "After",
    "Before", "Since", "Although", "Though", "Because", "Still", "Then", "Now", "However", "Meanwhile", "Also", "What",
    "Why", "How", "Who", "Where", "Some", "Many", "Most", "All", "No", "Not", "In", "On", "At", "For", "From", "With",
    "By", "To", "One", "Two", "Three", "Several", "Both", "Each", "Even", "Only", "Last", "Next", "Earlier", "Later",
];

pub mod reporting;

pub mod directive;
pub mod opinion;
pub mod sources;
