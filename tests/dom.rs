//! Browser unit tests of the DOM glue, run in headless Chromium by wasm-bindgen-test:
//! rendering the text, mapping DOM selections to code points, painting highlights (spans and
//! pending suggestions), and the analysis worker's messages.

use std::rc::Rc;

use newsmark::dom::highlight::{self, Paint};
use newsmark::dom::{article_text, selection};
use newsmark_core::{
    Action, ArticleId, ArticleText, Attributes, Confidence, Label, Pending, Provenance, Span, SpanId, Suggestion, SuggestionId,
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
    Span::manual(SpanId::new(id), label, start, end)
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
fn each_spans_line_is_a_box_behind_it_and_the_selection_has_none() {
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
    let paint =
        Paint { spans: &spans, suggestions: &suggestions, selected: Some(&SpanId::new("s1")), pending: Some((6, 9)), ..Paint::default() };
    highlight::paint(&container, &overlay, &text, &paint);
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
    highlight::paint(&container, &overlay, &text, &Paint { spans: &relabelled, ..Paint::default() });
    assert_eq!((lines("nm-demand-0"), lines("nm-claim-0"), lines("nm-suggested-claim")), (0, 1, 0));
    assert!(overlay.query_selector(".nm-line.nm-quote-0").unwrap().unwrap().is_same_node(Some(&quote)));
    // Repainting replaces the lines, and the text is never touched.
    highlight::paint(&container, &overlay, &text, &Paint { spans: &spans[..1], ..Paint::default() });
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
    use newsmark::workers::analysis::{Done, Found};
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

/// A scrolling pane of `height` in the page, and an empty article container inside it.
fn scrolling_pane(height: &str) -> (Element, Element) {
    let pane = document().create_element("div").unwrap();
    pane.set_attribute("style", &format!("height: {height}; overflow: auto")).unwrap();
    document().body().unwrap().append_child(&pane).unwrap();
    let container = document().create_element("div").unwrap();
    pane.append_child(&container).unwrap();
    (pane, container)
}

#[wasm_bindgen_test]
fn only_spans_near_the_screen_are_painted_in_a_long_article() {
    let line = "A line of the article with a claim in it.\n";
    let text: String = line.repeat(2000);
    let (pane, container) = scrolling_pane("300px");
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

#[wasm_bindgen_test]
fn a_long_article_goes_in_by_slices_and_a_block_asked_for_comes_at_once() {
    // Emoji and CRLF, so the slices' edges are checked where UTF-16 and code points differ.
    let line = "A line of a long article 😀 with a claim in it, long enough to matter.\r\n";
    let text: String = line.repeat(3 * article_text::FIRST_SLICE / line.chars().count());
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let text = Rc::new(ArticleText::new(text.as_str()));
    let blocks = text.blocks().len();

    assert!(!article_text::render_start(&container, &text), "three first slices of text are more than one");
    let first = article_text::rendered(&container);
    assert!(first > 0 && first < blocks, "{first} of {blocks} blocks");
    assert_eq!(container.get_attribute("aria-busy").as_deref(), Some("true"));
    let so_far = container.text_content().unwrap();
    assert!(so_far.chars().count() >= article_text::FIRST_SLICE);
    assert!(text.as_str().starts_with(&so_far), "the first slice is the article's beginning");

    // A point near the end is there as soon as it is asked for, with every block before it.
    let near_end = text.blocks()[blocks - 10].start + 30;
    let (node, offset) = selection::dom_point(&container, &text, near_end).expect("a DOM point near the end");
    assert_eq!(article_text::rendered(&container), blocks - 9);
    assert_eq!(selection::utf16_at(&container, &text, &node, offset), Some(text.utf16_of(near_end)));
    assert_eq!(container.get_attribute("aria-busy").as_deref(), Some("true"), "nine blocks are still to come");

    // Later slices carry on after it; the last one clears the busy mark.
    let mut slices = 0;
    while !article_text::render_more(&container, &text) {
        slices += 1;
        assert!(slices < 100);
    }
    assert_eq!(container.text_content().unwrap(), text.as_str());
    assert_eq!(container.get_attribute("aria-busy"), None);
    for i in [0, first - 1, first, blocks - 10, blocks - 1] {
        assert_eq!(block(&container, i as u32).get_attribute("data-b"), Some(i.to_string()));
    }
    assert!(article_text::render_more(&container, &text), "nothing is left to add");
    assert_eq!(article_text::rendered(&container), blocks);

    // Rendering the article again starts over: one copy of the text, never two.
    assert!(!article_text::render_start(&container, &text));
    assert_eq!(article_text::rendered(&container), first);
    container.remove();
}

#[wasm_bindgen_test]
fn while_slices_are_to_come_the_painted_window_ends_at_the_last_block_in() {
    let line = "A line of the article with a claim in it.\n";
    let text: String = line.repeat(3 * article_text::FIRST_SLICE / line.len());
    // A pane so tall that the first slice, and far more, fits in it.
    let (pane, container) = scrolling_pane("200000px");
    let text = Rc::new(ArticleText::new(text.as_str()));
    assert!(!article_text::render_start(&container, &text));
    let last_in = text.blocks()[article_text::rendered(&container) - 1].end;
    assert_eq!(selection::visible_window(&container, &pane, &text), Some((0, last_in)), "not None, which would paint everything");
    article_text::render(&container, &text);
    assert_eq!(selection::visible_window(&container, &pane, &text), None, "the whole article fits: paint all of it");
    pane.remove();
}

// ---- Relations: arrows in an SVG beside the article ------------------------------------------

use newsmark::dom::relations::{self as arrows, Drawing, Rect};
use newsmark_core::state::Linking;
use newsmark_core::{Relation, RelationId};

const NEWS: &str = "“We will not raise fares,” said Mara Lindqvist.\nDockworkers demanded a pay rise from the board.";

fn relation(id: &str, kind: &str, from: &str, to: &str) -> Relation {
    Relation { id: RelationId::new(id), kind: kind.into(), from: SpanId::new(from), to: SpanId::new(to), event: None }
}

/// The code-point range of `needle` in `hay`.
fn cp_range(hay: &str, needle: &str) -> (usize, usize) {
    let at = hay.find(needle).expect(needle);
    let start = hay[..at].chars().count();
    (start, start + needle.chars().count())
}

/// The article view's layout: a positioned body holding the container and, beside it, the SVG
/// the arrows go into (styled as the stylesheet styles it).
fn mount_with_svg(parent: &Element, text: &str) -> (Element, Element, Rc<ArticleText>) {
    let body = document().create_element("div").unwrap();
    body.set_attribute("style", "position: relative; width: 500px; font: 16px/1.75 serif").unwrap();
    parent.append_child(&body).unwrap();
    let container = document().create_element("div").unwrap();
    body.append_child(&container).unwrap();
    let svg = document().create_element_ns(Some("http://www.w3.org/2000/svg"), "svg").unwrap();
    svg.set_attribute("style", "position: absolute; inset: 0; width: 100%; height: 100%; overflow: visible; pointer-events: none").unwrap();
    body.append_child(&svg).unwrap();
    let text = Rc::new(ArticleText::new(text));
    article_text::render(&container, &text);
    (container, svg, text)
}

/// The numbers of an SVG path's data, in order.
fn numbers(d: &str) -> Vec<f64> {
    d.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect()
}

/// The start and end of the arrow drawn for relation `id`.
fn arrow_ends(svg: &Element, id: &str) -> ((f64, f64), (f64, f64)) {
    let line = svg.query_selector(&format!("g[data-relation=\"{id}\"] .relation-line")).unwrap().expect(id);
    let n = numbers(&line.get_attribute("d").unwrap());
    ((n[0], n[1]), (n[n.len() - 2], n[n.len() - 1]))
}

/// The first or last drawn box of code points `[start, end)`, relative to `svg`.
fn box_of(container: &Element, svg: &Element, text: &ArticleText, (start, end): (usize, usize), last: bool) -> Rect {
    let origin = svg.get_bounding_client_rect();
    let rects = selection::cp_to_range(container, text, start, end).unwrap().get_client_rects().unwrap();
    let all: Vec<_> = (0..rects.length()).filter_map(|i| rects.item(i)).filter(|r| r.width() > 0.0).collect();
    let r = if last { all.last() } else { all.first() }.unwrap();
    Rect { x: r.left() - origin.left(), y: r.top() - origin.top(), w: r.width(), h: r.height() }
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.2 && (a.1 - b.1).abs() < 0.2
}

#[wasm_bindgen_test]
fn relations_are_drawn_as_arrows_beside_the_article_never_inside_it() {
    let (container, svg, text) = mount_with_svg(&document().body().unwrap(), NEWS);
    let (q, n, a, d, b) = (
        cp_range(NEWS, "“We will not raise fares,”"),
        cp_range(NEWS, "Mara Lindqvist"),
        cp_range(NEWS, "Dockworkers"),
        cp_range(NEWS, "demanded a pay rise"),
        cp_range(NEWS, "the board"),
    );
    let spans = newsmark_core::Spans::from_unsorted(vec![
        span("q", Label::Quote, q.0, q.1),
        span("n", Label::Claim, n.0, n.1),
        span("a", Label::Claim, a.0, a.1),
        span("d", Label::Demand, d.0, d.1),
        span("b", Label::Claim, b.0, b.1),
    ]);
    let relations = [
        relation("r1", "speaker", "q", "n"),
        relation("r2", "actor", "d", "a"),
        relation("r3", "addressee", "d", "b"),
        relation("r4", "related", "n", "b"),
        relation("r5", "gone", "q", "no-such-span"),
    ];
    let selected = RelationId::new("r1");
    let drawing = Drawing { spans: spans.as_slice(), relations: &relations, selected: Some(&selected), ..Drawing::default() };
    assert_eq!(arrows::draw(&container, &svg, &text, &drawing), 4, "a relation whose span is missing is not drawn");
    assert_eq!(svg.query_selector_all("g.relation path.relation-line").unwrap().length(), 4);
    assert_eq!(svg.query_selector_all("g.relation path.relation-head").unwrap().length(), 4);
    let kinds: Vec<String> =
        (0..4).map(|i| svg.query_selector_all(".relation-kind").unwrap().item(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(kinds, ["speaker", "actor", "addressee", "related"]);
    let emphasised = svg.query_selector_all("g.relation.selected").unwrap();
    assert_eq!(emphasised.length(), 1);
    assert_eq!(emphasised.item(0).unwrap().unchecked_into::<Element>().get_attribute("data-relation").as_deref(), Some("r1"));

    // Nothing went into the article: its text and its blocks are as rendered.
    assert_eq!(container.text_content().unwrap(), NEWS);
    assert_eq!(container.children().length() as usize, text.blocks().len());
    assert!(container.query_selector("svg, path, g, rect").unwrap().is_none());

    // Forward on one line: from the top of the quote's end to the top of the name.
    let (qb, nb) = (box_of(&container, &svg, &text, q, true), box_of(&container, &svg, &text, n, false));
    let (start, end) = arrow_ends(&svg, "r1");
    assert!(close(start, (qb.x + qb.w / 2.0, qb.y)), "{start:?} vs {qb:?}");
    assert!(close(end, (nb.x + nb.w / 2.0, nb.y)), "{end:?} vs {nb:?}");
    // Backward: from the demand's start to the actor before it.
    let (db, ab) = (box_of(&container, &svg, &text, d, false), box_of(&container, &svg, &text, a, true));
    let (start, end) = arrow_ends(&svg, "r2");
    assert!(close(start, (db.x + db.w / 2.0, db.y)) && close(end, (ab.x + ab.w / 2.0, ab.y)), "{start:?} {end:?}");
    // Down a line: from the bottom of the name to the top of "the board".
    let bb = box_of(&container, &svg, &text, b, false);
    let (start, end) = arrow_ends(&svg, "r4");
    assert!(close(start, (nb.x + nb.w / 2.0, nb.y + nb.h)) && close(end, (bb.x + bb.w / 2.0, bb.y)), "{start:?} {end:?}");

    // Drawing again replaces what was drawn.
    assert_eq!(arrows::draw(&container, &svg, &text, &drawing), 4);
    assert_eq!(svg.query_selector_all("g.relation").unwrap().length(), 4);

    // While a relation is drawn from the quote, with the name chosen by keyboard: the start is
    // outlined, the target marked, and a dashed arrow joins them; relations stay as they were.
    let linking = Linking { from: SpanId::new("q"), target: Some(SpanId::new("n")) };
    let drawing = Drawing { linking: Some(&linking), ..drawing };
    assert_eq!(arrows::draw(&container, &svg, &text, &drawing), 4);
    assert!(svg.query_selector_all("rect.link-from").unwrap().length() >= 1);
    assert_eq!(svg.query_selector_all("rect.link-target").unwrap().length(), 1);
    assert_eq!(svg.query_selector_all("g.relation.provisional").unwrap().length(), 1);
    assert_eq!(container.text_content().unwrap(), NEWS);

    // No relations: nothing drawn.
    assert_eq!(arrows::draw(&container, &svg, &text, &Drawing { spans: spans.as_slice(), ..Drawing::default() }), 0);
    assert_eq!(svg.child_element_count(), 0);
    container.parent_element().unwrap().remove();
}

#[wasm_bindgen_test]
fn arrows_between_lines_leave_and_enter_their_spans_vertically() {
    let upper = Rect { x: 10.0, y: 0.0, w: 40.0, h: 20.0 };
    let lower = Rect { x: 100.0, y: 60.0, w: 20.0, h: 20.0 };
    let down = arrows::arrow(upper, lower);
    assert_eq!((down.start.x, down.start.y), (30.0, 20.0));
    assert_eq!((down.end.x, down.end.y), (110.0, 60.0));
    let up = arrows::arrow(lower, upper);
    assert_eq!((up.start.x, up.start.y), (110.0, 60.0));
    assert_eq!((up.end.x, up.end.y), (30.0, 20.0));
    // On one line the arrow arcs above the text, with its label at the top of the arc.
    let beside = Rect { x: 200.0, y: 1.0, w: 30.0, h: 20.0 };
    let arc = arrows::arrow(upper, beside);
    assert!(arc.label.y < 0.0, "{arc:?}");
    assert!(arc.label.x > 30.0 && arc.label.x < 215.0);
    // The head's tip is the end of the line.
    let head = numbers(&arc.head);
    assert_eq!((head[0], head[1]), (arc.end.x, arc.end.y));
}

#[wasm_bindgen_test]
fn only_relations_near_the_screen_are_drawn_in_a_long_article() {
    let line = "A line of the article with a claim in it.\n";
    let long: String = line.repeat(2000);
    let pane = document().create_element("div").unwrap();
    pane.set_attribute("style", "height: 300px; overflow: auto").unwrap();
    document().body().unwrap().append_child(&pane).unwrap();
    let (container, svg, text) = mount_with_svg(&pane, &long);
    let per_line = line.chars().count();
    let claim = line.find("a claim").unwrap();
    let mut spans = Vec::new();
    let mut relations = Vec::new();
    for i in 0..2000 {
        spans.push(span(&format!("q{i}"), Label::Quote, i * per_line, i * per_line + 6));
        spans.push(span(&format!("c{i}"), Label::Claim, i * per_line + claim, i * per_line + claim + 7));
        relations.push(relation(&format!("r{i}"), "source", &format!("q{i}"), &format!("c{i}")));
    }
    // From the first line to the last: one end is always near the screen.
    relations.push(relation("far", "related", "q0", "c1999"));
    let spans = newsmark_core::Spans::from_unsorted(spans);
    let drawn = |window| {
        let count = arrows::draw(
            &container,
            &svg,
            &text,
            &Drawing { spans: spans.as_slice(), relations: &relations, window, ..Drawing::default() },
        );
        let has = |id: &str| svg.query_selector(&format!("g[data-relation=\"{id}\"]")).unwrap().is_some();
        (count, has("r0"), has("r1999"), has("far"))
    };

    let top = selection::visible_window(&container, &pane, &text).expect("2,000 lines are more than the window");
    let (count, first, last, far) = drawn(Some(top));
    assert!(count > 1 && count < 2000, "{count} of 2001 drawn");
    assert!(first && !last && far);
    assert_eq!(svg.query_selector_all("g.relation").unwrap().length() as usize, count);

    pane.set_scroll_top(pane.scroll_height().into());
    let bottom = selection::visible_window(&container, &pane, &text).unwrap();
    let (count, first, last, far) = drawn(Some(bottom));
    assert!(count > 1 && count < 2000, "{count} of 2001 drawn");
    assert!(!first && last && far);
    assert_eq!(container.text_content().unwrap(), long);
    pane.remove();
}

// ---- Work that follows an edit ---------------------------------------------------------------

use newsmark::effects::after_paint::after_paint;
use std::cell::RefCell;

#[wasm_bindgen_test]
async fn work_after_an_edit_runs_once_after_the_next_frame() {
    let log = Rc::new(RefCell::new(Vec::<&str>::new()));
    let window = web_sys::window().unwrap();
    // A frame callback asked for before the work: the work must come after that frame.
    let frame = {
        let log = log.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || log.borrow_mut().push("frame"))
    };
    window.request_animation_frame(frame.unchecked_ref()).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let log = log.clone();
        after_paint(move || {
            log.borrow_mut().push("work");
            resolve.call0(&wasm_bindgen::JsValue::NULL).unwrap();
        });
    });
    wasm_bindgen_futures::JsFuture::from(done).await.unwrap();
    assert_eq!(*log.borrow(), ["frame", "work"]);
    // The fallback for a tab that paints no frame fires later and must not run the work again:
    // wait past it (there is no event to wait for when nothing should happen).
    gloo::timers::future::TimeoutFuture::new(250).await;
    assert_eq!(*log.borrow(), ["frame", "work"]);
}
