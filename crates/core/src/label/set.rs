//! The workspace's label set: every label's definition, the rules a definition must follow,
//! and why an edit breaks them.
//!
//! Owns: `LabelSet` (unique names and digit hotkeys, colours as `#rrggbb`, custom labels
//! numbered from a counter that only grows) and `LabelError`, data the app words. Must never:
//! reuse the number of a removed custom label (spans in undo history may still carry it).

use std::rc::Rc;

use super::{is_colour, Label, LabelDef, MAX_LABEL_NAME};

/// Why the label set refused an edit, as data: the app words it for the label editor, and the
/// labelled JSON reader (`format::import`) for a file's label list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelError {
    /// The label was removed meanwhile.
    Gone,
    BuiltinRenamed {
        name: String,
    },
    BuiltinRemoved,
    NoName,
    /// The name starts or ends with whitespace.
    OuterSpace {
        name: String,
    },
    /// The name is longer than [`MAX_LABEL_NAME`] characters.
    TooLong {
        name: String,
    },
    /// The name holds a line break, a tab or another control character.
    ControlCharacter,
    /// A custom label may not take a built-in label's name.
    BuiltinName {
        name: String,
    },
    NameTaken {
        name: String,
    },
    NotAColour {
        colour: String,
    },
    NotADigit {
        key: char,
    },
    /// The key already applies the label called `owner`.
    HotkeyTaken {
        key: char,
        owner: String,
    },
}

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
    /// as written, but with invisible and direction characters written as their code points
    /// (`crate::shown`), since it may come from someone else's file.
    pub fn title(&self, label: Label) -> String {
        let name = self.name(label);
        match label {
            Label::Custom(_) => crate::shown::shown_name(&name),
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
    /// there is none. `name` is trimmed; an empty name (or one of control characters alone) gives
    /// `None`. A new label's name is one [`LabelSet::check`] accepts: control characters (line
    /// breaks, tabs) become spaces, and a name cut to [`MAX_LABEL_NAME`] characters is trimmed
    /// again, so an imported label can always be exported and read back.
    pub fn intern(&mut self, name: &str) -> Option<Label> {
        let spaced: String;
        let name = if name.chars().any(char::is_control) {
            spaced = name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            spaced.trim()
        } else {
            name.trim()
        };
        if name.is_empty() {
            return None;
        }
        if let Some(l) = self.by_name(name) {
            return Some(l);
        }
        let name: String = name.chars().take(MAX_LABEL_NAME).collect();
        let name = name.trim().to_string();
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
    pub fn add(&mut self, mut def: LabelDef) -> Result<Label, LabelError> {
        def.label = Label::Custom(self.next_custom);
        self.check(&def)?;
        let label = self.new_custom();
        def.label = label;
        Rc::make_mut(&mut self.defs).push(def);
        Ok(label)
    }

    /// Replaces a label's definition. A built-in label keeps its name.
    pub fn update(&mut self, def: LabelDef) -> Result<(), LabelError> {
        let Some(at) = self.defs.iter().position(|d| d.label == def.label) else {
            return Err(LabelError::Gone);
        };
        if !def.label.is_custom() && def.name != self.defs[at].name {
            return Err(LabelError::BuiltinRenamed { name: self.defs[at].name.clone() });
        }
        self.check(&def)?;
        Rc::make_mut(&mut self.defs)[at] = def;
        Ok(())
    }

    /// Removes a custom label from the set (spans using it are the caller's business).
    pub fn remove(&mut self, label: Label) -> Result<LabelDef, LabelError> {
        if !label.is_custom() {
            return Err(LabelError::BuiltinRemoved);
        }
        let at = self.defs.iter().position(|d| d.label == label).ok_or(LabelError::Gone)?;
        Ok(Rc::make_mut(&mut self.defs).remove(at))
    }

    /// Rebuilds a set from stored or imported definitions: built-in entries update the built-in
    /// labels, others become custom labels in order. Refuses what `check` refuses.
    pub fn from_defs(defs: Vec<LabelDef>) -> Result<LabelSet, LabelError> {
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
    pub fn check(&self, def: &LabelDef) -> Result<(), LabelError> {
        let name = def.name.trim();
        if name.is_empty() {
            return Err(LabelError::NoName);
        }
        if name != def.name {
            return Err(LabelError::OuterSpace { name: def.name.clone() });
        }
        if name.chars().count() > MAX_LABEL_NAME {
            return Err(LabelError::TooLong { name: name.to_string() });
        }
        if name.chars().any(|c| c.is_control()) {
            return Err(LabelError::ControlCharacter);
        }
        if def.label.is_custom() && Label::builtin_from_id(&name.to_ascii_lowercase()).is_some() {
            return Err(LabelError::BuiltinName { name: name.to_string() });
        }
        let others = || self.defs.iter().filter(|d| d.label != def.label);
        if others().any(|d| d.name == name) {
            return Err(LabelError::NameTaken { name: name.to_string() });
        }
        if !is_colour(&def.colour) {
            return Err(LabelError::NotAColour { colour: def.colour.clone() });
        }
        if let Some(key) = def.hotkey {
            if !key.is_ascii_digit() {
                return Err(LabelError::NotADigit { key });
            }
            if let Some(d) = others().find(|d| d.hotkey == Some(key)) {
                return Err(LabelError::HotkeyTaken { key, owner: d.name.clone() });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (fuzz/, target doccano): a long name cut at a space, or a name holding a
    /// line break, made a label that `check` refuses, so the import could not be read back.
    #[test]
    fn interned_names_are_names_check_accepts() {
        let mut set = LabelSet::builtin();
        let long = format!("{} rejects the call{}", "x".repeat(27), "y".repeat(30));
        let cut = set.intern(&long).unwrap();
        assert_eq!(set.name(cut), format!("{} rejects the", "x".repeat(27)));
        let broken = set.intern("Source\tof\nnews").unwrap();
        assert_eq!(set.name(broken), "Source of news");
        assert_eq!(set.intern(" Source of news"), Some(broken));
        assert_eq!(set.intern("\u{1}\u{7f}"), None, "control characters alone are no name");
        assert!(set.iter().all(|d| set.check(d).is_ok()));
    }

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
        let turned = custom.intern("Source\u{202e}txt.exe").unwrap();
        assert_eq!(custom.name(turned), "Source\u{202e}txt.exe", "the name itself is kept");
        assert_eq!(custom.title(turned), "Source⟨U+202E⟩txt.exe", "what people see shows the override");
    }

    #[test]
    fn an_interned_name_is_always_one_the_set_can_store() {
        let mut set = LabelSet::builtin();
        let bell = set.intern("a\u{7}b\tc\r\nd\0").unwrap();
        assert_eq!(set.name(bell), "a b c  d");
        // Cut at 40 characters where a space falls: no space is left at the end.
        let long = set.intern(&format!("{}x tail", "w".repeat(MAX_LABEL_NAME - 2))).unwrap();
        assert_eq!(set.name(long), "w".repeat(MAX_LABEL_NAME - 2) + "x");
        for label in [bell, long] {
            assert_eq!(LabelSet::builtin().check(&LabelDef { label: Label::Custom(0), ..set.get(label).unwrap().clone() }), Ok(()));
        }
        assert_eq!(set.intern("\u{1}\u{2}"), None, "nothing but control characters is no name");
    }

    #[test]
    fn removed_custom_numbers_are_never_reused() {
        let mut set = LabelSet::builtin();
        let a = set.intern("a").unwrap();
        set.remove(a).unwrap();
        assert_eq!(set.intern("b"), Some(Label::Custom(2)));
        assert_eq!(set.remove(Label::Claim), Err(LabelError::BuiltinRemoved));
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
        assert_eq!(set.add(def("person", "#112233", None)), Err(LabelError::NameTaken { name: "person".into() }));
        assert_eq!(set.add(def("place", "#112233", Some('1'))), Err(LabelError::HotkeyTaken { key: '1', owner: "claim".into() }));
        assert_eq!(set.add(def("place", "blue", None)), Err(LabelError::NotAColour { colour: "blue".into() }));
        assert_eq!(set.add(def("Claim", "#112233", None)), Err(LabelError::BuiltinName { name: "Claim".into() }));
        assert_eq!(set.add(def("", "#112233", None)), Err(LabelError::NoName));
        assert_eq!(set.add(def("x", "#112233", Some('q'))), Err(LabelError::NotADigit { key: 'q' }));
        let mut claim = set.get(Label::Claim).unwrap().clone();
        claim.colour = "#000000".into();
        claim.hotkey = Some('7');
        set.update(claim.clone()).unwrap();
        assert_eq!(set.by_hotkey("7"), Some(Label::Claim));
        claim.name = "assertion".into();
        assert_eq!(set.update(claim), Err(LabelError::BuiltinRenamed { name: "claim".into() }));
    }
}
