//! Browser tests of painting: spans and pending suggestions as highlights and line boxes, the
//! fallback boxes, and painting only near the screen.

mod support;

use std::rc::Rc;

use newsmark::dom::highlight::{self, Paint, Painter, Scope};
use newsmark::dom::{article_text, names, selection};
use newsmark_core::{ArticleText, CpRange, Label, Span, SpanId, SuggestionId};
use support::*;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn highlights_cover_each_span_with_nested_and_overlapping_spans_kept_apart() {
    let mut painter = Painter::new();
    assert!(highlight::highlight_api_supported(), "headless Chromium has the Highlight API");
    let (container, text) = mount(TEXT);
    let overlay = document().create_element("div").unwrap();
    let emoji = TEXT.chars().position(|c| c == '😀').unwrap();
    let spans = vec![
        span("s1", Label::Quote, 0, 5),
        span("s2", Label::Claim, 0, 16),
        span("s3", Label::Claim, emoji, emoji + 1),
        span("s4", Label::Opinion, 3, 12),
    ];
    let sorted = newsmark_core::Spans::from_unsorted(spans);
    let paint = Paint { spans: sorted.as_slice(), selected: Some(&SpanId::new("s4")), ..Paint::default() };
    painter.paint(&container, &overlay, &text, &paint, Scope::All);
    assert_eq!(highlighted("nm-claim-0"), vec!["“Hi,” 😀 said Zoë"]);
    assert_eq!(highlighted("nm-claim-1"), vec!["😀"]);
    assert_eq!(highlighted("nm-quote-0"), vec!["“Hi,”"]);
    assert_eq!(highlighted("nm-opinion-0"), vec![",” 😀 said"]);
    assert_eq!(highlighted(names::SELECTED), vec![",” 😀 said"]);
    assert!(highlighted(names::PENDING).is_empty());
    // Painting never touches the text.
    assert_eq!(container.text_content().unwrap(), TEXT);
    highlight::clear_highlights();
    assert!(highlighted("nm-claim-0").is_empty());
}

#[wasm_bindgen_test]
fn each_spans_line_is_a_box_behind_it_and_the_selection_has_none() {
    let mut painter = Painter::new();
    assert!(highlight::highlight_api_supported());
    let (container, text) = mount(TEXT);
    // The overlay sits over the same box as the article, and its boxes are placed absolutely,
    // as app.css has it.
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(".nm-line { position: absolute; }"));
    document().head().unwrap().append_child(&style).unwrap();
    let overlay = document().create_element("div").unwrap();
    overlay.set_attribute("style", "position: absolute; left: 0; top: 0").unwrap();
    container.parent_element().unwrap().append_child(&overlay).unwrap();
    let emoji = TEXT.chars().position(|c| c == '😀').unwrap();
    let spans = [span("s1", Label::Demand, 0, 5), span("s2", Label::Quote, emoji, emoji + 1)];
    let suggestions = [pending(1, Label::Claim, 20, 25)];
    let paint = Paint {
        spans: &spans,
        suggestions: &suggestions,
        selected: Some(&SpanId::new("s1")),
        pending: Some(CpRange::new(6, 9)),
        ..Paint::default()
    };
    painter.paint(&container, &overlay, &text, &paint, Scope::All);
    let lines = |class: &str| overlay.query_selector_all(&format!(".nm-line.{class}")).unwrap().length();
    assert_eq!((lines("nm-demand-0"), lines("nm-quote-0"), lines("nm-suggested-claim")), (1, 1, 1));
    assert_eq!(overlay.child_element_count(), 3, "the selected span and the pending range have no line of their own");
    assert_eq!(overlay.first_element_child().unwrap().class_name(), "nm-line nm-suggested-claim", "suggestions lie beneath");
    // Each line box lies on its range's box.
    let origin = overlay.get_bounding_client_rect();
    let line = overlay.query_selector(".nm-line.nm-quote-0").unwrap().unwrap().get_bounding_client_rect();
    let range = selection::cp_to_range(&container, &text, emoji, emoji + 1).unwrap().get_bounding_client_rect();
    assert!((line.left() - origin.left() - (range.left() - origin.left())).abs() < 0.5 && (line.top() - range.top()).abs() < 0.5);
    assert!((line.width() - range.width()).abs() < 0.5);
    // An edit places only its own lines: the quote's box is the same element afterwards.
    let quote = overlay.query_selector(".nm-line.nm-quote-0").unwrap().unwrap();
    let relabelled = [span("s1", Label::Claim, 0, 5), spans[1].clone()];
    painter.paint(&container, &overlay, &text, &Paint { spans: &relabelled, ..Paint::default() }, Scope::All);
    assert_eq!((lines("nm-demand-0"), lines("nm-claim-0"), lines("nm-suggested-claim")), (0, 1, 0));
    assert!(overlay.query_selector(".nm-line.nm-quote-0").unwrap().unwrap().is_same_node(Some(&quote)));
    // Repainting replaces the lines, and the text is never touched.
    painter.paint(&container, &overlay, &text, &Paint { spans: &spans[..1], ..Paint::default() }, Scope::All);
    assert_eq!(overlay.child_element_count(), 1);
    assert_eq!(container.text_content().unwrap(), TEXT);
    overlay.remove();
    style.remove();
    highlight::clear_highlights();
}

#[wasm_bindgen_test]
fn the_fallback_draws_boxes_outside_the_article() {
    let (container, text) = mount(TEXT);
    let overlay = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&overlay).unwrap();
    let spans = [span("s1", Label::Demand, 0, 17), span("s2", Label::Quote, 20, 25)];
    let paint = Paint { spans: &spans, pending: Some(CpRange::new(0, 3)), ..Paint::default() };
    highlight::paint_overlay(&container, &overlay, &text, &paint);
    assert!(overlay.query_selector_all(".nm-box.nm-demand-0").unwrap().length() >= 1);
    assert!(overlay.query_selector_all(".nm-box.nm-quote-0").unwrap().length() >= 1);
    assert_eq!(overlay.query_selector_all(".nm-box.nm-pending").unwrap().length(), 1);
    assert_eq!(container.text_content().unwrap(), TEXT);
    // Repainting replaces, never accumulates.
    let before = overlay.child_element_count();
    highlight::paint_overlay(&container, &overlay, &text, &paint);
    assert_eq!(overlay.child_element_count(), before);
}

#[wasm_bindgen_test]
fn suggestions_are_painted_apart_and_beneath_the_persons_spans() {
    let mut painter = Painter::new();
    let (container, text) = mount(TEXT);
    let overlay = document().create_element("div").unwrap();
    let spans = [span("s1", Label::Quote, 0, 5)];
    // A quote suggestion over the person's quote, and a claim suggestion elsewhere, selected.
    let suggestions = [pending(1, Label::Quote, 0, 16), pending(2, Label::Claim, 20, 25)];
    let paint = Paint { spans: &spans, suggestions: &suggestions, selected_suggestion: Some(SuggestionId(2)), ..Paint::default() };
    painter.paint(&container, &overlay, &text, &paint, Scope::All);
    assert_eq!(highlighted("nm-quote-0"), vec!["“Hi,”"], "the person's span keeps its own highlight");
    assert_eq!(highlighted("nm-suggested-quote"), vec!["“Hi,” 😀 said Zoë"]);
    assert_eq!(highlighted("nm-suggested-claim"), vec![text.slice(20, 25).to_string()]);
    assert!(highlighted("nm-claim-0").is_empty(), "a suggestion is not a span");
    assert_eq!(highlighted(names::SELECTED), vec![text.slice(20, 25).to_string()]);
    for label in Label::BUILTIN {
        let suggested = priority(&names::suggested_highlight(label));
        for other in Label::BUILTIN {
            assert!(suggested < priority(&names::span_highlight(other, 0)), "{label:?} suggestions paint beneath {other:?} spans");
        }
    }
    assert_eq!(container.text_content().unwrap(), TEXT);
    // Without suggestions, nothing of them stays painted.
    painter.paint(&container, &overlay, &text, &Paint { spans: &spans, ..Paint::default() }, Scope::All);
    assert!(highlighted("nm-suggested-quote").is_empty());
    highlight::clear_highlights();
}

#[wasm_bindgen_test]
fn the_fallback_draws_suggestion_boxes_first_so_spans_lie_on_top() {
    let (container, text) = mount(TEXT);
    let overlay = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&overlay).unwrap();
    let spans = [span("s1", Label::Demand, 0, 5)];
    let suggestions = [pending(1, Label::Opinion, 0, 16)];
    highlight::paint_overlay(&container, &overlay, &text, &Paint { spans: &spans, suggestions: &suggestions, ..Paint::default() });
    let first = overlay.first_element_child().unwrap();
    assert!(first.class_name().split(' ').any(|c| c == "nm-suggested-opinion"), "{}", first.class_name());
    assert!(overlay.query_selector_all(".nm-box.nm-demand-0").unwrap().length() >= 1);
}

#[wasm_bindgen_test]
fn only_spans_near_the_screen_are_painted_in_a_long_article() {
    let mut painter = Painter::new();
    let line = "A line of the article with a claim in it.\n";
    let text: String = line.repeat(2000);
    let (pane, container) = scrolling_pane("300px");
    let text = Rc::new(ArticleText::new(text.as_str()));
    article_text::render(&container, &text);
    let per_line = line.chars().count();
    let spans: Vec<Span> = (0..2000).map(|i| span(&format!("s{i}"), Label::Claim, i * per_line, i * per_line + 5)).collect();

    let window = selection::visible_window(&container, &pane, &text).map(pair).expect("2,000 lines are more than the window");
    assert_eq!(window.0, 0, "at the top, the window starts at the text's start");
    assert!(window.1 < text.len() / 2, "and ends well before the end: {window:?}");
    let overlay = document().create_element("div").unwrap();
    painter.paint(&container, &overlay, &text, &Paint { spans: &spans, window: Some(window.into()), ..Paint::default() }, Scope::All);
    let painted = highlighted("nm-claim-0").len();
    assert!(painted > 0 && painted < 2000, "{painted} of 2000 painted");

    // Scrolled to the bottom, the window moves there and the old one no longer does.
    pane.set_scroll_top(pane.scroll_height().into());
    let bottom = selection::visible_window(&container, &pane, &text).map(pair).unwrap();
    assert_eq!(bottom.1, text.len());
    assert!(!selection::window_still_good(Some(window.into()), Some(bottom.into())));
    assert!(selection::window_still_good(Some(bottom.into()), Some(bottom.into())));
    pane.remove();
    highlight::clear_highlights();
}
