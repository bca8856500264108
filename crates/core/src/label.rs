//! The annotation labels: the four built-in ones and the person's own, and the workspace's label
//! set that gives each its name, colour, hotkey and description.
//!
//! Owns: which labels exist, the rules a label definition must follow (unique names and hotkeys,
//! colours as `#rrggbb`), and which attributes apply to which label.
//! Must never: know about CSS beyond a colour value (the app turns definitions into styles), or
//! reuse the number of a removed custom label (spans in undo history may still carry it).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

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

/// Colours given to custom labels in turn: the rest of the Okabe–Ito palette the built-in labels
/// come from (told apart by colour-blind readers too), then darker tones.
const CUSTOM_PALETTE: [&str; 8] = ["#e69f00", "#56b4e9", "#000000", "#f0e442", "#7f3c8d", "#11a579", "#3969ac", "#e73f74"];

/// The workspace's labels: the built-in four first, then custom labels in the order they were
/// made. Cheap to clone; edits copy on write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelSet {
    defs: Rc<Vec<LabelDef>>,
    /// The number the next custom label gets; only grows (see the module's rule).
    next_custom: u16,
}

impl Default for LabelSet {
    fn default() -> Self {
        LabelSet::builtin()
    }
}

impl LabelSet {
    pub fn builtin() -> Self {
        let def = |label: Label, colour: &str, hotkey, description: &str| LabelDef {
            label,
            name: label.builtin_id().unwrap_or_default().to_string(),
            colour: colour.to_string(),
            hotkey: Some(hotkey),
            description: description.to_string(),
        };
        LabelSet {
            defs: Rc::new(vec![
                def(Label::Claim, "#0072b2", '1', "A statement presented as fact, with or without a source"),
                def(Label::Demand, "#d55e00", '2', "Something an actor demands, calls for or urges from someone"),
                def(Label::Quote, "#009e73", '3', "A direct quotation of a speaker"),
                def(Label::Opinion, "#cc79a7", '4', "An evaluative or hedged statement of someone's view"),
            ]),
            next_custom: 1,
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, LabelDef> {
        self.defs.iter()
    }

    pub fn labels(&self) -> impl Iterator<Item = Label> + '_ {
        self.defs.iter().map(|d| d.label)
    }

    pub fn len(&self) -> usize {
        self.defs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    pub fn get(&self, label: Label) -> Option<&LabelDef> {
        self.defs.iter().find(|d| d.label == label)
    }

    pub fn contains(&self, label: Label) -> bool {
        self.get(label).is_some()
    }

    /// The label's name; a custom label no longer in the set (only reachable through old undo
    /// steps) is named by its number.
    pub fn name(&self, label: Label) -> String {
        match self.get(label) {
            Some(d) => d.name.clone(),
            None => label.css_key(),
        }
    }

    /// The name shown to people: a built-in label's name capitalised ("Claim"), a custom label's
    /// as written.
    pub fn title(&self, label: Label) -> String {
        let name = self.name(label);
        match label {
            Label::Custom(_) => name,
            // Built-in names are their ASCII ids and cannot be renamed, so ASCII case is all
            // there is; Unicode's case tables would add 12 KB to the page for nothing.
            _ => {
                let mut c = name.chars();
                c.next().map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect()).unwrap_or_default()
            }
        }
    }

    /// The label with this name. Built-in names match in any case ("Quote" is the quote label);
    /// custom names match exactly.
    pub fn by_name(&self, name: &str) -> Option<Label> {
        // ASCII folding finds exactly what full Unicode folding would: the ids hold no "k",
        // the only ASCII letter a non-ASCII character (the Kelvin sign) lowercases to.
        if let Some(l) = Label::builtin_from_id(&name.to_ascii_lowercase()) {
            return Some(l);
        }
        self.defs.iter().find(|d| d.name == name).map(|d| d.label)
    }

    pub fn by_hotkey(&self, key: &str) -> Option<Label> {
        let mut chars = key.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else { return None };
        self.defs.iter().find(|d| d.hotkey == Some(c)).map(|d| d.label)
    }

    /// The label called `name`, made as a new custom label (next palette colour, no hotkey) if
    /// there is none. `name` is trimmed; an empty name gives `None`.
    pub fn intern(&mut self, name: &str) -> Option<Label> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        if let Some(l) = self.by_name(name) {
            return Some(l);
        }
        let name: String = name.chars().take(MAX_LABEL_NAME).collect();
        if let Some(l) = self.by_name(&name) {
            return Some(l);
        }
        let label = self.new_custom();
        let colour = CUSTOM_PALETTE[(self.custom_count()) % CUSTOM_PALETTE.len()].to_string();
        Rc::make_mut(&mut self.defs).push(LabelDef { label, name, colour, hotkey: None, description: String::new() });
        Some(label)
    }

    fn new_custom(&mut self) -> Label {
        let label = Label::Custom(self.next_custom);
        self.next_custom = self.next_custom.saturating_add(1);
        label
    }

    fn custom_count(&self) -> usize {
        self.defs.iter().filter(|d| d.label.is_custom()).count()
    }

    /// Adds a custom label from a definition (its `label` field is ignored and assigned here).
    pub fn add(&mut self, mut def: LabelDef) -> Result<Label, String> {
        def.label = Label::Custom(self.next_custom);
        self.check(&def)?;
        let label = self.new_custom();
        def.label = label;
        Rc::make_mut(&mut self.defs).push(def);
        Ok(label)
    }

    /// Replaces a label's definition. A built-in label keeps its name.
    pub fn update(&mut self, def: LabelDef) -> Result<(), String> {
        let Some(at) = self.defs.iter().position(|d| d.label == def.label) else {
            return Err("That label no longer exists.".into());
        };
        if !def.label.is_custom() && def.name != self.defs[at].name {
            return Err(format!("The built-in label “{}” cannot be renamed.", self.defs[at].name));
        }
        self.check(&def)?;
        Rc::make_mut(&mut self.defs)[at] = def;
        Ok(())
    }

    /// Removes a custom label from the set (spans using it are the caller's business).
    pub fn remove(&mut self, label: Label) -> Result<LabelDef, String> {
        if !label.is_custom() {
            return Err("Built-in labels cannot be removed.".into());
        }
        let at = self.defs.iter().position(|d| d.label == label).ok_or("That label no longer exists.")?;
        Ok(Rc::make_mut(&mut self.defs).remove(at))
    }

    /// Rebuilds a set from stored or imported definitions: built-in entries update the built-in
    /// labels, others become custom labels in order. Refuses what `check` refuses.
    pub fn from_defs(defs: Vec<LabelDef>) -> Result<LabelSet, String> {
        let mut set = LabelSet::builtin();
        for def in defs {
            match Label::builtin_from_id(&def.name) {
                Some(label) => set.update(LabelDef { label, ..def })?,
                None => {
                    set.add(def)?;
                }
            }
        }
        Ok(set)
    }

    /// Why a definition cannot be in this set, if it cannot (the entry with the same label is
    /// the one being replaced, so it does not clash with itself).
    pub fn check(&self, def: &LabelDef) -> Result<(), String> {
        let name = def.name.trim();
        if name.is_empty() {
            return Err("A label needs a name.".into());
        }
        if name != def.name {
            return Err(format!("The label name “{}” starts or ends with a space.", def.name));
        }
        if name.chars().count() > MAX_LABEL_NAME {
            return Err(format!("The label name “{name}” is longer than {MAX_LABEL_NAME} characters."));
        }
        if name.chars().any(|c| c.is_control()) {
            return Err("A label name cannot hold line breaks or tabs.".into());
        }
        if def.label.is_custom() && Label::builtin_from_id(&name.to_ascii_lowercase()).is_some() {
            return Err(format!("“{name}” is the name of a built-in label."));
        }
        let others = || self.defs.iter().filter(|d| d.label != def.label);
        if others().any(|d| d.name == name) {
            return Err(format!("There is already a label called “{name}”."));
        }
        if !is_colour(&def.colour) {
            return Err(format!("“{}” is not a colour; write it as #rrggbb.", def.colour));
        }
        if let Some(key) = def.hotkey {
            if !key.is_ascii_digit() {
                return Err(format!("“{key}” cannot be a label's key; use a digit from 0 to 9."));
            }
            if let Some(d) = others().find(|d| d.hotkey == Some(key)) {
                return Err(format!("The key {key} already applies “{}”.", d.name));
            }
        }
        Ok(())
    }
}

/// Whether `s` is `#rrggbb`.
pub fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_makes_custom_labels_once_and_finds_built_ins_in_any_case() {
        let mut set = LabelSet::builtin();
        assert_eq!(set.intern("Quote"), Some(Label::Quote));
        let source = set.intern("Source").unwrap();
        assert_eq!(source, Label::Custom(1));
        assert_eq!(set.intern(" Source "), Some(source));
        assert_eq!(set.intern("Cue"), Some(Label::Custom(2)));
        assert_eq!(set.intern("  "), None);
        assert_eq!(set.name(source), "Source");
        assert_eq!(set.len(), 6);
        assert_eq!(set.by_name("OPINION"), Some(Label::Opinion));
        // Only ASCII case is folded for built-in names; other letters stay themselves.
        assert_eq!(set.by_name("Ｑuote"), None);
        assert_eq!(set.title(Label::Claim), "Claim");
        let mut custom = LabelSet::builtin();
        let lower = custom.intern("énoncé").unwrap();
        assert_eq!(custom.title(lower), "énoncé", "a custom label's title is its name as written");
    }

    #[test]
    fn removed_custom_numbers_are_never_reused() {
        let mut set = LabelSet::builtin();
        let a = set.intern("a").unwrap();
        set.remove(a).unwrap();
        assert_eq!(set.intern("b"), Some(Label::Custom(2)));
        assert!(set.remove(Label::Claim).is_err());
    }

    #[test]
    fn definitions_are_checked() {
        let mut set = LabelSet::builtin();
        let def = |name: &str, colour: &str, hotkey| LabelDef {
            label: Label::Custom(0),
            name: name.into(),
            colour: colour.into(),
            hotkey,
            description: String::new(),
        };
        assert!(set.add(def("person", "#112233", Some('5'))).is_ok());
        assert!(set.add(def("person", "#112233", None)).unwrap_err().contains("already a label"));
        assert!(set.add(def("place", "#112233", Some('1'))).unwrap_err().contains("already applies “claim”"));
        assert!(set.add(def("place", "blue", None)).unwrap_err().contains("not a colour"));
        assert!(set.add(def("Claim", "#112233", None)).unwrap_err().contains("built-in"));
        assert!(set.add(def("", "#112233", None)).is_err());
        assert!(set.add(def("x", "#112233", Some('q'))).unwrap_err().contains("digit"));
        let mut claim = set.get(Label::Claim).unwrap().clone();
        claim.colour = "#000000".into();
        claim.hotkey = Some('7');
        set.update(claim.clone()).unwrap();
        assert_eq!(set.by_hotkey("7"), Some(Label::Claim));
        claim.name = "assertion".into();
        assert!(set.update(claim).is_err());
    }
}
