//! The annotation labels and the attributes each of them carries.
//!
//! Owns: the fixed label set, its names, hotkeys and which attributes apply to which label.
//! Must never: know about colours or CSS (the app's stylesheet maps labels to looks).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Claim,
    Demand,
    Quote,
    Opinion,
}

/// One attribute a span may carry. `Note` applies to every label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttributeKey {
    Speaker,
    Source,
    By,
    To,
    Holder,
    Note,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::Claim, Label::Demand, Label::Quote, Label::Opinion];

    /// The name used in exports and CSS class names.
    pub fn id(self) -> &'static str {
        match self {
            Label::Claim => "claim",
            Label::Demand => "demand",
            Label::Quote => "quote",
            Label::Opinion => "opinion",
        }
    }

    /// The name shown to people (and the toolbar buttons' accessible names).
    pub fn title(self) -> &'static str {
        match self {
            Label::Claim => "Claim",
            Label::Demand => "Demand",
            Label::Quote => "Quote",
            Label::Opinion => "Opinion",
        }
    }

    pub fn from_id(id: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The digit key that applies this label.
    pub fn hotkey(self) -> char {
        match self {
            Label::Claim => '1',
            Label::Demand => '2',
            Label::Quote => '3',
            Label::Opinion => '4',
        }
    }

    pub fn from_hotkey(key: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| key.len() == 1 && key.starts_with(l.hotkey()))
    }

    /// The attributes specific to this label, in the order a form shows them (the note is shared).
    pub fn attributes(self) -> &'static [AttributeKey] {
        match self {
            Label::Claim => &[AttributeKey::Source],
            Label::Demand => &[AttributeKey::By, AttributeKey::To],
            Label::Quote => &[AttributeKey::Speaker],
            Label::Opinion => &[AttributeKey::Holder],
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Label::Claim => "A statement presented as fact, with or without a source",
            Label::Demand => "Something an actor demands, calls for or urges from someone",
            Label::Quote => "A direct quotation of a speaker",
            Label::Opinion => "An evaluative or hedged statement of someone's view",
        }
    }
}

impl AttributeKey {
    pub const ALL: [AttributeKey; 6] = [
        AttributeKey::Speaker,
        AttributeKey::Source,
        AttributeKey::By,
        AttributeKey::To,
        AttributeKey::Holder,
        AttributeKey::Note,
    ];

    pub fn id(self) -> &'static str {
        match self {
            AttributeKey::Speaker => "speaker",
            AttributeKey::Source => "source",
            AttributeKey::By => "by",
            AttributeKey::To => "to",
            AttributeKey::Holder => "holder",
            AttributeKey::Note => "note",
        }
    }

    /// The form field's label.
    pub fn title(self) -> &'static str {
        match self {
            AttributeKey::Speaker => "Speaker",
            AttributeKey::Source => "Source",
            AttributeKey::By => "Demanded by",
            AttributeKey::To => "Addressed to",
            AttributeKey::Holder => "Holder",
            AttributeKey::Note => "Note",
        }
    }
}
