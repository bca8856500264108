//! Browser tests of relations drawn as arrows in an SVG beside the article.

mod support;

use std::rc::Rc;

use newsmark::dom::{article_text, selection};
use newsmark_core::{ArticleText, Label, SpanId};
use support::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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

    let top = selection::visible_window(&container, &pane, &text).map(pair).expect("2,000 lines are more than the window");
    let (count, first, last, far) = drawn(Some(top.into()));
    assert!(count > 1 && count < 2000, "{count} of 2001 drawn");
    assert!(first && !last && far);
    assert_eq!(svg.query_selector_all("g.relation").unwrap().length() as usize, count);

    pane.set_scroll_top(pane.scroll_height().into());
    let bottom = selection::visible_window(&container, &pane, &text).map(pair).unwrap();
    let (count, first, last, far) = drawn(Some(bottom.into()));
    assert!(count > 1 && count < 2000, "{count} of 2001 drawn");
    assert!(!first && last && far);
    assert_eq!(container.text_content().unwrap(), long);
    pane.remove();
}
