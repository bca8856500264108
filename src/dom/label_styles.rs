//! The looks of the workspace's labels, as one `<style id="nm-label-styles">` in the page's head,
//! rewritten from the label set whenever it changes.
//!
//! Owns: every rule that depends on a label's colour: the `--label` custom property of each
//! `.label-KEY` element, the span highlights per nesting level (`::highlight(nm-KEY-N)`), the
//! pending-suggestion highlights, the boxes drawn where the Highlight API is missing, and the
//! underline of a label button's key. `static/app.css` holds no label colour, so a colour has one
//! source: the label set.
//! Must never: put anything into the stylesheet that a person typed (names and descriptions stay
//! out of it; keys are `Label::css_key`, colours are checked as `#rrggbb` again here), or be told
//! apart by colour alone for the built-in labels (each keeps its underline style).

use std::fmt::Write;

use newsmark_core::label::is_colour;
use newsmark_core::{Label, LabelSet};

use super::highlight::LEVELS;

/// The id of the generated `<style>` element.
pub const STYLE_ID: &str = "nm-label-styles";

/// Background opacity of spans at each nesting level: deeper spans are stronger, so overlaps of
/// one label stay visible.
const LEVEL_ALPHA: [f32; LEVELS] = [0.14, 0.28, 0.42];
/// Boxes (no Highlight API) are one flat tint whatever the level.
const BOX_ALPHA: f32 = 0.16;
/// Pending suggestions are lighter than every span.
const SUGGESTED_ALPHA: f32 = 0.06;

/// How a label's underline is drawn, besides its colour.
struct Line {
    /// `text-decoration` lines and style for highlights, e.g. "underline double".
    decoration: &'static str,
    thickness: &'static str,
    /// The `border-bottom` of a box, e.g. "3px double".
    border: &'static str,
    /// Extra declarations for a box (custom labels get a top line too).
    box_extra: &'static str,
    /// The suggested variant's decoration lines (always dashed).
    suggested: &'static str,
}

fn line_of(label: Label) -> Line {
    let builtin = |decoration, thickness, border| Line { decoration, thickness, border, box_extra: "", suggested: "underline dashed" };
    match label {
        Label::Claim => builtin("underline solid", "2px", "2px solid"),
        Label::Demand => builtin("underline double", "2px", "3px double"),
        Label::Quote => builtin("underline dotted", "2px", "2px dotted"),
        Label::Opinion => builtin("underline wavy", "1px", "2px dashed"),
        // The person's own labels: a line above as well as below, so they read as "not one of
        // the four" even where two colours are close.
        Label::Custom(_) => Line {
            decoration: "underline overline solid",
            thickness: "1.5px",
            border: "2px solid",
            box_extra: " border-top: 1px solid var(--c);",
            suggested: "underline overline dashed",
        },
    }
}

/// `#rrggbb` as `rgb(r g b / alpha)`.
fn tint(colour: &str, alpha: f32) -> String {
    let channel = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).unwrap_or(0);
    format!("rgb({} {} {} / {alpha})", channel(1), channel(3), channel(5))
}

/// The stylesheet for `labels`. Pure, so it is tested without a page.
pub fn css(labels: &LabelSet) -> String {
    let mut out = String::from("/* Generated from the workspace's labels (src/dom/label_styles.rs). */\n");
    for def in labels.iter() {
        if !is_colour(&def.colour) {
            continue;
        }
        let key = def.label.css_key();
        let colour = def.colour.to_ascii_lowercase();
        let line = line_of(def.label);
        let _ = writeln!(out, ".label-{key} {{ --label: {colour}; }}");
        let _ = writeln!(out, ".toolbar .tag.label-{key} kbd {{ text-decoration: {} {colour} {}; }}", line.decoration, line.thickness);
        for (level, alpha) in LEVEL_ALPHA.iter().enumerate() {
            let _ = writeln!(
                out,
                "::highlight(nm-{key}-{level}) {{ background-color: {}; text-decoration: {} {colour} {}; }}",
                tint(&colour, *alpha),
                line.decoration,
                line.thickness
            );
        }
        let boxes: Vec<String> = (0..LEVELS).map(|level| format!(".nm-box.nm-{key}-{level}")).collect();
        let _ = writeln!(
            out,
            "{} {{ --c: {colour}; background: {}; border-bottom: {} var(--c);{} }}",
            boxes.join(", "),
            tint(&colour, BOX_ALPHA),
            line.border,
            line.box_extra
        );
        let _ = writeln!(
            out,
            "::highlight(nm-suggested-{key}) {{ background-color: {}; text-decoration: {} {colour} 1.5px; }}",
            tint(&colour, SUGGESTED_ALPHA),
            line.suggested
        );
        let _ = writeln!(
            out,
            ".nm-box.nm-suggested-{key} {{ background: {}; border-bottom: 2px dashed {colour}; }}",
            tint(&colour, SUGGESTED_ALPHA)
        );
    }
    out
}

/// Puts the stylesheet for `labels` into the page, replacing the one before (creating the
/// `<style>` element the first time). Does nothing when the text is unchanged.
pub fn apply(labels: &LabelSet) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let text = css(labels);
    let style = match document.get_element_by_id(STYLE_ID) {
        Some(style) => style,
        None => {
            let Ok(style) = document.create_element("style") else { return };
            style.set_id(STYLE_ID);
            // After app.css, so these rules win over any leftover of equal specificity.
            let Some(head) = document.query_selector("head").ok().flatten() else { return };
            if head.append_child(&style).is_err() {
                return;
            }
            style
        }
    };
    if style.text_content().as_deref() != Some(text.as_str()) {
        style.set_text_content(Some(&text));
    }
}

#[cfg(test)]
mod tests {
    use newsmark_core::{LabelDef, LabelSet};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn every_label_gets_its_colour_levels_boxes_and_suggested_look() {
        let mut labels = LabelSet::builtin();
        let custom = labels
            .add(LabelDef { label: Label::Custom(0), name: "Person".into(), colour: "#112233".into(), hotkey: Some('5'), description: String::new() })
            .unwrap();
        let css = css(&labels);
        assert!(css.contains(".label-claim { --label: #0072b2; }"), "{css}");
        assert!(css.contains("::highlight(nm-claim-0) { background-color: rgb(0 114 178 / 0.14); text-decoration: underline solid #0072b2 2px; }"));
        assert!(css.contains("::highlight(nm-demand-2) { background-color: rgb(213 94 0 / 0.42); text-decoration: underline double"));
        assert!(css.contains("::highlight(nm-quote-1) { background-color: rgb(0 158 115 / 0.28); text-decoration: underline dotted"));
        assert!(css.contains("::highlight(nm-opinion-0) { background-color: rgb(204 121 167 / 0.14); text-decoration: underline wavy"));
        assert!(css.contains("::highlight(nm-suggested-quote) {"));
        assert!(css.contains(".nm-box.nm-demand-0, .nm-box.nm-demand-1, .nm-box.nm-demand-2 {"));
        assert_eq!(custom.css_key(), "custom-1");
        assert!(css.contains(".label-custom-1 { --label: #112233; }"));
        assert!(css.contains("::highlight(nm-custom-1-0) { background-color: rgb(17 34 51 / 0.14); text-decoration: underline overline solid #112233"));
        assert!(css.contains("border-top: 1px solid var(--c);"));
        // Names never reach the stylesheet.
        assert!(!css.contains("Person"));
    }

    #[wasm_bindgen_test]
    fn apply_writes_one_style_element_and_follows_changes() {
        let mut labels = LabelSet::builtin();
        apply(&labels);
        apply(&labels);
        let document = web_sys::window().unwrap().document().unwrap();
        assert_eq!(document.query_selector_all(&format!("#{STYLE_ID}")).unwrap().length(), 1);
        let mut claim = labels.get(Label::Claim).unwrap().clone();
        claim.colour = "#000000".into();
        labels.update(claim).unwrap();
        apply(&labels);
        let text = document.get_element_by_id(STYLE_ID).unwrap().text_content().unwrap();
        assert!(text.contains(".label-claim { --label: #000000; }"));
    }
}
