//! The looks of the workspace's labels, as one constructed stylesheet adopted by the document
//! (`document.adoptedStyleSheets`), rewritten from the label set whenever it changes. Not a
//! `<style>` element: the page's Content-Security-Policy allows no inline style (index.html).
//!
//! Owns: every rule that depends on a label's colour: the `--label` custom property of each
//! `.label-KEY` element, the span highlights per nesting level (`::highlight(nm-KEY-N)`, a
//! background only), the pending-suggestion highlights, the line boxes that draw each label's
//! underline (`.nm-line`), the boxes drawn where the Highlight API is missing (`.nm-box`), and
//! the underline of a label button's key. `static/app.css` holds no label colour, so a colour has one
//! source: the label set.
//! Must never: put anything into the stylesheet that a person typed (names and descriptions stay
//! out of it; keys are `Label::css_key`, colours are checked as `#rrggbb` again here), or be told
//! apart by colour alone for the built-in labels (each keeps its underline style).

use std::cell::RefCell;
use std::fmt::Write;

use newsmark_core::decimal::fixed;
use newsmark_core::label::is_colour;
use newsmark_core::{Label, LabelSet};
use web_sys::CssStyleSheet;

use super::names::{self, LEVELS};

/// Background opacity of spans at each nesting level: deeper spans are stronger, so overlaps of
/// one label stay visible.
const LEVEL_ALPHA: [f32; LEVELS] = [0.14, 0.28, 0.42];
/// Boxes (no Highlight API) are one flat tint whatever the level.
const BOX_ALPHA: f32 = 0.16;
/// Pending suggestions are lighter than every span.
const SUGGESTED_ALPHA: f32 = 0.06;

/// How a label's underline is drawn, besides its colour: the `border-bottom` of its line boxes
/// (and of its boxes where the Highlight API is missing), e.g. "3px double", and any extra
/// declarations (custom labels get a top line too).
struct Line {
    border: &'static str,
    extra: &'static str,
}

fn line_of(label: Label) -> Line {
    let builtin = |border| Line { border, extra: "" };
    match label {
        Label::Claim => builtin("2px solid"),
        Label::Demand => builtin("3px double"),
        Label::Quote => builtin("2px dotted"),
        Label::Opinion => builtin("2px dashed"),
        // The person's own labels: a line above as well as below, so they read as "not one of
        // the four" even where two colours are close.
        Label::Custom(_) => Line { border: "2px solid", extra: " border-top: 1px solid var(--c);" },
    }
}

/// `#rrggbb` as `rgb(r g b / alpha)`.
fn tint(colour: &str, alpha: f32) -> String {
    let channel = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).unwrap_or(0);
    format!("rgb({} {} {} / {})", channel(1), channel(3), channel(5), fixed(f64::from(alpha), 2))
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
        let _ = writeln!(out, ".toolbar .tag.label-{key} kbd {{ border-bottom: {} {colour}; }}", line.border);
        // Backgrounds only: a `text-decoration` on a highlight makes Chromium redo the overflow
        // of every highlighted text node on any change to the page (`dom::highlight`).
        for (level, alpha) in LEVEL_ALPHA.iter().enumerate() {
            let _ = writeln!(
                out,
                "::highlight({}) {{ background-color: {}; }}",
                names::span_highlight(def.label, level),
                tint(&colour, *alpha)
            );
        }
        let of = |kind: &str| names::span_highlights(def.label).map(|name| format!(".{kind}.{name}")).collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            out,
            "{}, {} {{ --c: {colour}; border-bottom: {} var(--c);{} }}",
            of(names::LINE),
            of(names::BOX),
            line.border,
            line.extra
        );
        let _ = writeln!(out, "{} {{ background: {}; }}", of(names::BOX), tint(&colour, BOX_ALPHA));
        let suggested = names::suggested_highlight(def.label);
        let (line, boxed) = (names::LINE, names::BOX);
        let _ = writeln!(out, "::highlight({suggested}) {{ background-color: {}; }}", tint(&colour, SUGGESTED_ALPHA));
        // Thinner than any span's line, and dashed.
        let _ = writeln!(out, ".{line}.{suggested}, .{boxed}.{suggested} {{ border-bottom: 1px dashed {colour}; }}");
        let _ = writeln!(out, ".{boxed}.{suggested} {{ background: {}; }}", tint(&colour, SUGGESTED_ALPHA));
    }
    out
}

thread_local! {
    /// The page's one label stylesheet and the text it holds, once made.
    static SHEET: RefCell<Option<(CssStyleSheet, String)>> = const { RefCell::new(None) };
}

/// Puts the stylesheet for `labels` into the page, replacing the one before (adopting a new
/// sheet the first time, after app.css, so these rules win over any leftover of equal
/// specificity). Does nothing when the text is unchanged.
pub fn apply(labels: &LabelSet) {
    let text = css(labels);
    SHEET.with_borrow_mut(|sheet| {
        if sheet.is_none() {
            let (Some(document), Ok(made)) = (web_sys::window().and_then(|w| w.document()), CssStyleSheet::new()) else { return };
            document.set_adopted_style_sheets(&js_sys::Array::of1(&made));
            *sheet = Some((made, String::new()));
        }
        if let Some((sheet, held)) = sheet {
            if *held != text && sheet.replace_sync(&text).is_ok() {
                *held = text;
            }
        }
    });
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
            .add(LabelDef {
                label: Label::Custom(0),
                name: "Person".into(),
                colour: "#112233".into(),
                hotkey: Some('5'),
                description: String::new(),
            })
            .unwrap();
        let css = css(&labels);
        assert!(css.contains(".label-claim { --label: #0072b2; }"), "{css}");
        assert!(css.contains("::highlight(nm-claim-0) { background-color: rgb(0 114 178 / 0.14); }"), "{css}");
        assert!(css.contains("::highlight(nm-demand-2) { background-color: rgb(213 94 0 / 0.42); }"));
        assert!(!css.contains("text-decoration"), "a decorated highlight makes every frame of a long article slower");
        // Each built-in label's line is its own: solid, double, dotted, dashed.
        assert!(css.contains(".nm-line.nm-claim-0, .nm-line.nm-claim-1, .nm-line.nm-claim-2, .nm-box.nm-claim-0, .nm-box.nm-claim-1, .nm-box.nm-claim-2 { --c: #0072b2; border-bottom: 2px solid var(--c); }"));
        assert!(css.contains(".nm-line.nm-demand-0, .nm-line.nm-demand-1, .nm-line.nm-demand-2, .nm-box.nm-demand-0, .nm-box.nm-demand-1, .nm-box.nm-demand-2 { --c: #d55e00; border-bottom: 3px double var(--c); }"));
        assert!(css.contains("border-bottom: 2px dotted var(--c); }"));
        assert!(css.contains("border-bottom: 2px dashed var(--c); }"));
        assert!(css.contains(".nm-box.nm-demand-0, .nm-box.nm-demand-1, .nm-box.nm-demand-2 { background: rgb(213 94 0 / 0.16); }"));
        assert!(css.contains("::highlight(nm-suggested-quote) { background-color: rgb(0 158 115 / 0.06); }"));
        assert!(css.contains(".nm-line.nm-suggested-quote, .nm-box.nm-suggested-quote { border-bottom: 1px dashed #009e73; }"));
        assert!(css.contains(".toolbar .tag.label-demand kbd { border-bottom: 3px double #d55e00; }"));
        assert_eq!(custom.css_key(), "custom-1");
        assert!(css.contains(".label-custom-1 { --label: #112233; }"));
        assert!(css.contains("::highlight(nm-custom-1-0) { background-color: rgb(17 34 51 / 0.14); }"));
        assert!(css.contains(".nm-line.nm-custom-1-0, .nm-line.nm-custom-1-1, .nm-line.nm-custom-1-2, .nm-box.nm-custom-1-0, .nm-box.nm-custom-1-1, .nm-box.nm-custom-1-2 { --c: #112233; border-bottom: 2px solid var(--c); border-top: 1px solid var(--c); }"));
        // Names never reach the stylesheet.
        assert!(!css.contains("Person"));
    }

    #[wasm_bindgen_test]
    fn apply_adopts_one_stylesheet_and_follows_changes() {
        let mut labels = LabelSet::builtin();
        apply(&labels);
        apply(&labels);
        let window = web_sys::window().unwrap();
        let document = window.document().unwrap();
        assert_eq!(document.adopted_style_sheets().length(), 1);
        assert_eq!(document.query_selector_all("style").unwrap().length(), 0, "no inline <style>: the CSP refuses them");
        let claim_colour = || {
            let el = document.create_element("span").unwrap();
            el.set_class_name("label-claim");
            document.body().unwrap().append_child(&el).unwrap();
            let colour = window.get_computed_style(&el).unwrap().unwrap().get_property_value("--label").unwrap();
            el.remove();
            colour
        };
        assert_eq!(claim_colour(), "#0072b2");
        let mut claim = labels.get(Label::Claim).unwrap().clone();
        claim.colour = "#000000".into();
        labels.update(claim).unwrap();
        apply(&labels);
        assert_eq!(document.adopted_style_sheets().length(), 1);
        assert_eq!(claim_colour(), "#000000");
    }
}
