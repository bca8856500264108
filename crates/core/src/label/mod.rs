//! The annotation labels: the four built-in ones and the person's own, and the workspace's label
//! set that gives each its name, colour, hotkey and description.
//!
//! Owns: which labels exist (`Label`), a label's definition (`LabelDef`), and which attributes
//! and relation kinds apply to which label; the set and its rules are in `set.rs`.
//! Must never: know about CSS beyond a colour value (the app turns definitions into styles).

use serde::{Deserialize, Serialize};

mod set;
pub use set::{LabelError, LabelSet};

/// A label. The built-in four mean the same in every workspace; `Custom(n)` is the person's own
/// label number `n` in the workspace's [`LabelSet`], which holds its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Claim,
    Demand,
    Quote,
    Opinion,
    Custom(u16),
}

/// The built-in labels' names as files spell them. Only the labelled JSON schema uses this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum BuiltinLabel {
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
    pub const BUILTIN: [Label; 4] = [Label::Claim, Label::Demand, Label::Quote, Label::Opinion];

    /// The built-in label's name in files and CSS, e.g. "claim"; `None` for a custom label,
    /// whose name lives in the [`LabelSet`].
    pub fn builtin_id(self) -> Option<&'static str> {
        match self {
            Label::Claim => Some("claim"),
            Label::Demand => Some("demand"),
            Label::Quote => Some("quote"),
            Label::Opinion => Some("opinion"),
            Label::Custom(_) => None,
        }
    }

    pub fn builtin_from_id(id: &str) -> Option<Label> {
        Label::BUILTIN.into_iter().find(|l| l.builtin_id() == Some(id))
    }

    pub fn is_custom(self) -> bool {
        matches!(self, Label::Custom(_))
    }

    /// A name for CSS classes and highlight names that never changes with renaming and holds
    /// only `[a-z0-9-]`: "claim", or "custom-3".
    pub fn css_key(self) -> String {
        match self.builtin_id() {
            Some(id) => id.to_string(),
            None => match self {
                Label::Custom(n) => format!("custom-{n}"),
                _ => unreachable!("built-in labels have an id"),
            },
        }
    }

    /// The attributes specific to this label, in the order a form shows them (the note is
    /// shared). Custom labels have only the note, plus what their relations say.
    pub fn attributes(self) -> &'static [AttributeKey] {
        match self {
            Label::Claim => &[AttributeKey::Source],
            Label::Demand => &[AttributeKey::By, AttributeKey::To],
            Label::Quote => &[AttributeKey::Speaker],
            Label::Opinion => &[AttributeKey::Holder],
            Label::Custom(_) => &[],
        }
    }

    /// The relation kinds offered first when a relation starts at a span of this label.
    pub fn relation_kinds(self) -> &'static [&'static str] {
        match self {
            Label::Claim => &["source"],
            Label::Demand => &["actor", "addressee"],
            Label::Quote => &["speaker"],
            Label::Opinion => &["holder"],
            Label::Custom(_) => &["related"],
        }
    }
}

impl AttributeKey {
    pub const ALL: [AttributeKey; 6] =
        [AttributeKey::Speaker, AttributeKey::Source, AttributeKey::By, AttributeKey::To, AttributeKey::Holder, AttributeKey::Note];

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
}

/// How a label looks and is used in one workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelDef {
    pub label: Label,
    /// The name shown and written to files: fixed ("claim") for built-in labels; for a custom
    /// label, whatever the person or an imported file called it ("Source", "person").
    pub name: String,
    /// `#rrggbb`, lower case.
    pub colour: String,
    /// A digit key that applies the label.
    pub hotkey: Option<char>,
    /// Guidance shown on hover: what the label is for.
    pub description: String,
}

/// The longest label name accepted, in characters.
pub const MAX_LABEL_NAME: usize = 40;

/// Whether `s` is `#rrggbb`.
pub fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}
