//! The names the page paints with: highlight names in the CSS highlight registry and the class
//! names of the boxes drawn behind the text. Written once here; the painter registers them and
//! `label_styles` writes their rules.
//!
//! Must never: take anything a person typed: names come from `Label::css_key` and fixed words.

use newsmark_core::Label;

/// Nesting levels painted apart per label; deeper spans share the last level.
pub const LEVELS: usize = 3;
/// The selected span or suggestion (a background only).
pub const SELECTED: &str = "nm-selected";
/// The person's text selection, before it is tagged (a background only).
pub const PENDING: &str = "nm-pending";
/// The class of the boxes that draw a label's line behind the text.
pub const LINE: &str = "nm-line";
/// The class of the boxes that draw everything where the Highlight API is missing.
pub const BOX: &str = "nm-box";

const SUGGESTED_PREFIX: &str = "nm-suggested-";

/// The highlight name of spans of `label` at nesting `level`.
pub fn span_highlight(label: Label, level: usize) -> String {
    format!("nm-{}-{}", label.css_key(), level.min(LEVELS - 1))
}

/// The highlight names of spans of `label`, one per level.
pub fn span_highlights(label: Label) -> impl Iterator<Item = String> {
    (0..LEVELS).map(move |level| span_highlight(label, level))
}

/// The highlight name of pending suggestions of `label`.
pub fn suggested_highlight(label: Label) -> String {
    format!("{SUGGESTED_PREFIX}{}", label.css_key())
}

/// Whether `name` paints pending suggestions.
pub fn is_suggested(name: &str) -> bool {
    name.starts_with(SUGGESTED_PREFIX)
}

/// Whether `name` belongs to a custom label (whose highlights go when the label goes).
pub fn is_custom(name: &str) -> bool {
    name.starts_with("nm-custom-") || name.starts_with("nm-suggested-custom-")
}

/// The painting order of a highlight: suggestions beneath every span, deeper nesting above
/// shallower, the selection and the pending range above everything.
pub fn priority(name: &str) -> i32 {
    match name {
        SELECTED => 100,
        PENDING => 101,
        n if is_suggested(n) => -100,
        n => n.rsplit('-').next().and_then(|level| level.parse::<i32>().ok()).unwrap_or(0),
    }
}
