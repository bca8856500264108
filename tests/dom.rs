//! Browser unit tests of the DOM glue, run in headless Chromium by wasm-bindgen-test:
//! rendering the text, mapping DOM selections to code points, painting highlights (spans and
//! pending suggestions), and the analysis worker's messages.

use std::rc::Rc;

use newsmark::dom::highlight::{self, Paint};
use newsmark::dom::{article_text, selection};
use newsmark_core::{
    Action, ArticleId, ArticleText, Attributes, Confidence, Label, Origin, Pending, Provenance, Span, SpanId, Suggestion, SuggestionId,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node, Range};

wasm_bindgen_test_configure!(run_in_browser);

/// CRLF, a lone CR, an empty line, astral emoji, a ZWJ sequence, a combining mark, RTL text.
const TEXT: &str = "“Hi,” 😀 said Zoë.\r\n\r\nWe’re 👩\u{200d}👩\u{200d}👧 here\rcafe\u{301} שלום\n<b>not bold</b>";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount(text: &str) -> (Element, Rc<ArticleText>) {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let text = Rc::new(ArticleText::new(text));
    article_text::render(&container, &text);
    (container, text)
}

fn range(start: (&Node, u32), end: (&Node, u32)) -> Range {
    let r = document().create_range().unwrap();
    r.set_start(start.0, start.1).unwrap();
    r.set_end(end.0, end.1).unwrap();
    r
}

fn block(container: &Element, i: u32) -> Element {
    container.children().item(i).unwrap()
}

#[wasm_bindgen_test]
fn rendered_text_content_is_exactly_the_article() {
    let (container, text) = mount(TEXT);
    assert_eq!(container.text_content().unwrap(), TEXT);
    assert_eq!(container.children().length() as usize, text.blocks().len());
    // Markup in the text is text, never elements.
    assert_eq!(container.query_selector("b").unwrap(), None);
}

#[wasm_bindgen_test]
fn every_code_point_maps_to_a_dom_point_and_back() {
    let (container, text) = mount(TEXT);
    for cp in 0..=text.len() {
        let (node, offset) = selection::dom_point(&container, &text, cp).unwrap();
        let u = selection::utf16_at(&container, &text, &node, offset).unwrap();
        assert_eq!(text.cp_of_utf16(u), cp, "code point {cp}");
    }
}

#[wasm_bindgen_test]
fn a_selection_across_paragraphs_maps_to_code_points() {
    let (container, text) = mount(TEXT);
    let first = block(&container, 0).first_child().unwrap();
    let third = block(&container, 2).first_child().unwrap();
    // From inside the first line (after "“Hi,” 😀 ", which is 9 UTF-16 units) into the third.
    let r = range((&first, 9), (&third, 5));
    let (start, end) = selection::range_to_cp(&container, &text, &r).unwrap();
    assert_eq!(text.slice(start, end), "said Zoë.\r\n\r\nWe’re");
    assert_eq!(r.to_string().as_string().unwrap(), text.slice(start, end));
}

#[wasm_bindgen_test]
fn selections_ending_on_element_nodes_map_to_block_edges() {
    let (container, text) = mount(TEXT);
    let blocks = text.blocks();
    let first_text = block(&container, 0).first_child().unwrap();
    // What a triple-click gives: from a paragraph's start to offset 0 of the next block element.
    let triple = range((&first_text, 0), (block(&container, 1).unchecked_ref(), 0));
    assert_eq!(selection::range_to_cp(&container, &text, &triple), Some((0, blocks[1].start)));
    // The container itself with a child index.
    let whole = range((container.unchecked_ref(), 0), (container.unchecked_ref(), container.children().length()));
    assert_eq!(selection::range_to_cp(&container, &text, &whole), Some((0, text.len())));
    // A block element with child index 1: after its content, before its line break.
    let content = range((block(&container, 2).unchecked_ref(), 0), (block(&container, 2).unchecked_ref(), 1));
    let (a, b) = selection::range_to_cp(&container, &text, &content).unwrap();
    assert_eq!(text.slice(a, b), "We’re 👩\u{200d}👩\u{200d}👧 here");
    // The line-break span: before and after its break.
    let eol = block(&container, 0).last_element_child().unwrap();
    let br = range((eol.unchecked_ref(), 0), (eol.unchecked_ref(), 1));
    let (a, b) = selection::range_to_cp(&container, &text, &br).unwrap();
    assert_eq!(text.slice(a, b), "\r\n");
}

#[wasm_bindgen_test]
fn points_outside_the_article_clamp_to_its_ends() {
    let (container, text) = mount(TEXT);
    let before = document().create_element("p").unwrap();
    container.parent_node().unwrap().insert_before(&before, Some(&container)).unwrap();
    let inside = block(&container, 0).first_child().unwrap();
    let r = range((before.unchecked_ref(), 0), (&inside, 1));
    assert_eq!(selection::range_to_cp(&container, &text, &r), Some((0, 1)));
    let after = document().create_element("p").unwrap();
    document().body().unwrap().append_child(&after).unwrap();
    let last = block(&container, 4).first_child().unwrap();
    let r = range((&last, 1), (after.unchecked_ref(), 0));
    let (a, b) = selection::range_to_cp(&container, &text, &r).unwrap();
    assert_eq!(b, text.len());
    assert_eq!(text.slice(a, b), "b>not bold</b>");
}

#[wasm_bindgen_test]
fn selecting_code_points_round_trips_through_the_page_selection() {
    let (container, text) = mount(TEXT);
    let start = TEXT.chars().position(|c| c == '👩').unwrap();
    selection::select_cp(&container, &text, start, start + 5);
    assert_eq!(selection::selected_cp(&container, &text), Some((start, start + 5)));
    let dom = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    assert_eq!(dom.get_range_at(0).unwrap().to_string().as_string().unwrap(), "👩\u{200d}👩\u{200d}👧");
    selection::clear_selection();
    assert_eq!(selection::selected_cp(&container, &text), None);
}

#[wasm_bindgen_test]
fn keyboard_selection_extends_inside_the_article() {
    let (container, text) = mount("one two three");
    selection::clear_selection();
    assert!(selection::keyboard_select(&container, &text, "ArrowRight", true, true));
    let (a, b) = selection::selected_cp(&container, &text).unwrap();
    assert_eq!((a, text.slice(a, b).trim()), (0, "one"));
}

fn span(id: &str, label: Label, start: usize, end: usize) -> Span {
    Span { id: SpanId::new(id), label, start, end, attributes: Attributes::default(), origin: Origin::Manual, fragments: None }
}

/// The text each registered highlight covers, read back through live ranges.
fn highlighted(name: &str) -> Vec<String> {
    let registry = web_sys::css::JsNamespaceCss::highlights();
    let Some(h) = registry.get(name) else { return Vec::new() };
    let mut out = Vec::new();
    let values = h.values();
    while let Ok(next) = values.next() {
        if next.done() {
            break;
        }
        let r: web_sys::AbstractRange = next.value().unchecked_into();
        let live = range((&r.start_container(), r.start_offset()), (&r.end_container(), r.end_offset()));
        out.push(live.to_string().as_string().unwrap());
    }
    out.sort();
    out
}

#[wasm_bindgen_test]
fn highlights_cover_each_span_with_nested_and_overlapping_spans_kept_apart() {
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
    highlight::paint(&container, &overlay, &text, &paint);
    assert_eq!(highlighted("nm-claim-0"), vec!["“Hi,” 😀 said Zoë"]);
    assert_eq!(highlighted("nm-claim-1"), vec!["😀"]);
    assert_eq!(highlighted("nm-quote-0"), vec!["“Hi,”"]);
    assert_eq!(highlighted("nm-opinion-0"), vec![",” 😀 said"]);
    assert_eq!(highlighted(highlight::SELECTED), vec![",” 😀 said"]);
    assert!(highlighted(highlight::PENDING).is_empty());
    // Painting never touches the text.
    assert_eq!(container.text_content().unwrap(), TEXT);
    highlight::clear_highlights();
    assert!(highlighted("nm-claim-0").is_empty());
}

#[wasm_bindgen_test]
fn the_fallback_draws_boxes_outside_the_article() {
    let (container, text) = mount(TEXT);
    let overlay = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&overlay).unwrap();
    let spans = [span("s1", Label::Demand, 0, 17), span("s2", Label::Quote, 20, 25)];
    let paint = Paint { spans: &spans, pending: Some((0, 3)), ..Paint::default() };
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

fn pending(id: u64, label: Label, start: usize, end: usize) -> Pending {
    let provenance = Provenance { confidence: Confidence::from_permille(800), reason: "test".into() };
    Pending { id: SuggestionId(id), suggestion: Suggestion { label, start, end, attributes: Attributes::default(), provenance } }
}

/// The priority of a registered highlight.
fn priority(name: &str) -> i32 {
    web_sys::css::JsNamespaceCss::highlights().get(name).expect(name).priority()
}

#[wasm_bindgen_test]
fn suggestions_are_painted_apart_and_beneath_the_persons_spans() {
    let (container, text) = mount(TEXT);
    let overlay = document().create_element("div").unwrap();
    let spans = [span("s1", Label::Quote, 0, 5)];
    // A quote suggestion over the person's quote, and a claim suggestion elsewhere, selected.
    let suggestions = [pending(1, Label::Quote, 0, 16), pending(2, Label::Claim, 20, 25)];
    let paint = Paint { spans: &spans, suggestions: &suggestions, selected_suggestion: Some(SuggestionId(2)), ..Paint::default() };
    highlight::paint(&container, &overlay, &text, &paint);
    assert_eq!(highlighted("nm-quote-0"), vec!["“Hi,”"], "the person's span keeps its own highlight");
    assert_eq!(highlighted("nm-suggested-quote"), vec!["“Hi,” 😀 said Zoë"]);
    assert_eq!(highlighted("nm-suggested-claim"), vec![text.slice(20, 25).to_string()]);
    assert!(highlighted("nm-claim-0").is_empty(), "a suggestion is not a span");
    assert_eq!(highlighted(highlight::SELECTED), vec![text.slice(20, 25).to_string()]);
    for label in Label::BUILTIN {
        let suggested = priority(&highlight::suggested_name(label));
        for other in Label::BUILTIN {
            assert!(suggested < priority(&highlight::highlight_name(other, 0)), "{label:?} suggestions paint beneath {other:?} spans");
        }
    }
    assert_eq!(container.text_content().unwrap(), TEXT);
    // Without suggestions, nothing of them stays painted.
    highlight::paint(&container, &overlay, &text, &Paint { spans: &spans, ..Paint::default() });
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
fn a_worker_result_becomes_the_set_suggestions_action() {
    use newsmark::effects::analysis::action;
    use newsmark::worker::{Done, Found};
    let suggestion = Suggestion {
        label: Label::Quote,
        start: 3,
        end: 17,
        attributes: Attributes { speaker: Some("Mara Lindqvist".into()), note: Some("n".into()), ..Attributes::default() },
        provenance: Provenance { confidence: Confidence::from_permille(873), reason: "“…,” said X".into() },
    };
    let unknown = Found { label: "person".into(), start: 0, end: 1, attributes: vec![], confidence: 0, reason: String::new() };
    let done = Done { job: 4, article: "a1".into(), result: Ok(vec![Found::from(&suggestion), unknown]), batch: 0, last: true };
    assert_eq!(
        action(done),
        Action::SetSuggestions { article: ArticleId::new("a1"), job: 4, suggestions: vec![suggestion], batch: 0, last: true },
        "every field survives the wire; a label this build does not know is dropped"
    );
    let failed = Done { job: 5, article: "a1".into(), result: Err("stopped".into()), batch: 0, last: true };
    assert_eq!(action(failed), Action::SuggestionsFailed { article: ArticleId::new("a1"), job: 5, why: "stopped".into() });
}

#[wasm_bindgen_test]
fn only_spans_near_the_screen_are_painted_in_a_long_article() {
    let line = "A line of the article with a claim in it.\n";
    let text: String = line.repeat(2000);
    let pane = document().create_element("div").unwrap();
    pane.set_attribute("style", "height: 300px; overflow: auto").unwrap();
    document().body().unwrap().append_child(&pane).unwrap();
    let container = document().create_element("div").unwrap();
    pane.append_child(&container).unwrap();
    let text = Rc::new(ArticleText::new(text.as_str()));
    article_text::render(&container, &text);
    let per_line = line.chars().count();
    let spans: Vec<Span> = (0..2000).map(|i| span(&format!("s{i}"), Label::Claim, i * per_line, i * per_line + 5)).collect();

    let window = selection::visible_window(&container, &pane, &text).expect("2,000 lines are more than the window");
    assert_eq!(window.0, 0, "at the top, the window starts at the text's start");
    assert!(window.1 < text.len() / 2, "and ends well before the end: {window:?}");
    let overlay = document().create_element("div").unwrap();
    highlight::paint(&container, &overlay, &text, &Paint { spans: &spans, window: Some(window), ..Paint::default() });
    let painted = highlighted("nm-claim-0").len();
    assert!(painted > 0 && painted < 2000, "{painted} of 2000 painted");

    // Scrolled to the bottom, the window moves there and the old one no longer does.
    pane.set_scroll_top(pane.scroll_height().into());
    let bottom = selection::visible_window(&container, &pane, &text).unwrap();
    assert_eq!(bottom.1, text.len());
    assert!(!selection::window_still_good(Some(window), Some(bottom)));
    assert!(selection::window_still_good(Some(bottom), Some(bottom)));
    pane.remove();
    highlight::clear_highlights();
}
