//! Browser tests of the article's text in the page: its nodes, by slices for a long one, and the
//! mapping between DOM positions and code points, both ways.

mod support;

use std::rc::Rc;

use newsmark::dom::{article_text, selection};
use newsmark_core::ArticleText;
use support::*;
use wasm_bindgen::JsCast;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    let (start, end) = selection::range_to_cp(&container, &text, &r).map(pair).unwrap();
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
    assert_eq!(selection::range_to_cp(&container, &text, &triple).map(pair), Some((0, blocks[1].start)));
    // The container itself with a child index.
    let whole = range((container.unchecked_ref(), 0), (container.unchecked_ref(), container.children().length()));
    assert_eq!(selection::range_to_cp(&container, &text, &whole).map(pair), Some((0, text.len())));
    // A block element with child index 1: after its content, before its line break.
    let content = range((block(&container, 2).unchecked_ref(), 0), (block(&container, 2).unchecked_ref(), 1));
    let (a, b) = selection::range_to_cp(&container, &text, &content).map(pair).unwrap();
    assert_eq!(text.slice(a, b), "We’re 👩\u{200d}👩\u{200d}👧 here");
    // The line-break span: before and after its break.
    let eol = block(&container, 0).last_element_child().unwrap();
    let br = range((eol.unchecked_ref(), 0), (eol.unchecked_ref(), 1));
    let (a, b) = selection::range_to_cp(&container, &text, &br).map(pair).unwrap();
    assert_eq!(text.slice(a, b), "\r\n");
}

#[wasm_bindgen_test]
fn points_outside_the_article_clamp_to_its_ends() {
    let (container, text) = mount(TEXT);
    let before = document().create_element("p").unwrap();
    container.parent_node().unwrap().insert_before(&before, Some(&container)).unwrap();
    let inside = block(&container, 0).first_child().unwrap();
    let r = range((before.unchecked_ref(), 0), (&inside, 1));
    assert_eq!(selection::range_to_cp(&container, &text, &r).map(pair), Some((0, 1)));
    let after = document().create_element("p").unwrap();
    document().body().unwrap().append_child(&after).unwrap();
    let last = block(&container, 4).first_child().unwrap();
    let r = range((&last, 1), (after.unchecked_ref(), 0));
    let (a, b) = selection::range_to_cp(&container, &text, &r).map(pair).unwrap();
    assert_eq!(b, text.len());
    assert_eq!(text.slice(a, b), "b>not bold</b>");
}

#[wasm_bindgen_test]
fn selecting_code_points_round_trips_through_the_page_selection() {
    let (container, text) = mount(TEXT);
    let start = TEXT.chars().position(|c| c == '👩').unwrap();
    selection::select_cp(&container, &text, start, start + 5);
    assert_eq!(selection::selected_cp(&container, &text).map(pair), Some((start, start + 5)));
    let dom = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    assert_eq!(dom.get_range_at(0).unwrap().to_string().as_string().unwrap(), "👩\u{200d}👩\u{200d}👧");
    selection::clear_selection();
    assert_eq!(selection::selected_cp(&container, &text).map(pair), None);
}

#[wasm_bindgen_test]
fn keyboard_selection_extends_inside_the_article() {
    let (container, text) = mount("one two three");
    selection::clear_selection();
    assert!(selection::keyboard_select(&container, &text, "ArrowRight", true, true));
    let (a, b) = selection::selected_cp(&container, &text).map(pair).unwrap();
    assert_eq!((a, text.slice(a, b).trim()), (0, "one"));
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
    assert_eq!(selection::visible_window(&container, &pane, &text).map(pair), Some((0, last_in)), "not None, which would paint everything");
    article_text::render(&container, &text);
    assert_eq!(selection::visible_window(&container, &pane, &text).map(pair), None, "the whole article fits: paint all of it");
    pane.remove();
}
