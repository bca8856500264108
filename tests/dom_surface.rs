//! Browser tests of the article surface (`dom::surface`): several on one page without leaking
//! into each other, and an edit repainting only what it changed.

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use newsmark::dom::surface::{ArticleSurface, Edited, SurfaceEvent, SurfaceView};
use newsmark::dom::{highlight, names, selection};
use newsmark_core::{Article, ArticleId, ArticleText, CpRange, Label, Span};
use support::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A scrolling reader pane with an empty host for a surface in it.
fn host(height: &str) -> (Element, Element) {
    let (pane, host) = scrolling_pane(height);
    pane.set_class_name("reader");
    host.set_attribute("style", "position: relative; width: 600px").unwrap();
    (pane, host)
}

type Events = Rc<RefCell<Vec<SurfaceEvent>>>;

fn surface(host: &Element) -> (ArticleSurface, Events) {
    let events: Events = Rc::default();
    let log = events.clone();
    let surface = ArticleSurface::new(host, Rc::new(move |e| log.borrow_mut().push(e))).expect("a surface");
    (surface, events)
}

fn article(id: &str, text: &Rc<ArticleText>, spans: Vec<Span>) -> Rc<Article> {
    Rc::new(Article::with_spans(ArticleId::new(id), id.into(), text.clone(), spans))
}

fn view(article: &Rc<Article>, edited: Option<Edited>) -> SurfaceView {
    SurfaceView {
        article: article.clone(),
        labels: Label::BUILTIN.to_vec(),
        selected: None,
        selection: None,
        suggestions: None,
        selected_suggestion: None,
        selected_relation: None,
        linking: None,
        reveal: 0,
        edited,
    }
}

/// Resolves at the next `selectionchange` of the page, after every listener registered before.
async fn next_selection_change() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let once = Closure::once_into_js(move || resolve.call0(&wasm_bindgen::JsValue::NULL).unwrap());
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        document()
            .add_event_listener_with_callback_and_add_event_listener_options("selectionchange", once.unchecked_ref(), &options)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn two_surfaces_show_two_articles_and_nothing_leaks_between_them() {
    let (pane_a, host_a) = host("200px");
    let (pane_b, host_b) = host("200px");
    let (a, events_a) = surface(&host_a);
    let (b, events_b) = surface(&host_b);
    let text_a = Rc::new(ArticleText::new("The union demanded a raise. “No,” said the board."));
    let text_b = Rc::new(ArticleText::new("Officials said 😀 the talks failed.\r\nThey will resume."));
    let article_a = article("a1", &text_a, vec![span("s1", Label::Demand, 10, 26)]);
    let article_b = article("a2", &text_b, vec![span("s1", Label::Claim, 0, 9)]);
    a.update(view(&article_a, None));
    b.update(view(&article_b, None));
    assert_eq!(a.container().text_content().unwrap(), text_a.as_str());
    assert_eq!(b.container().text_content().unwrap(), text_b.as_str());
    assert_eq!(highlighted("nm-demand-0"), vec!["demanded a raise"]);
    assert_eq!(highlighted("nm-claim-0"), vec!["Officials"]);

    // Repainting one surface with other spans leaves the other's ranges alone.
    let relabelled = article("a2", &text_b, vec![span("s1", Label::Demand, 0, 9)]);
    b.update(view(&relabelled, None));
    assert_eq!(highlighted("nm-demand-0"), vec!["Officials", "demanded a raise"]);
    assert!(highlighted("nm-claim-0").is_empty());

    // A selection in B is reported by B alone, in B's code points.
    let start = text_b.as_str().chars().position(|c| c == '😀').unwrap();
    selection::select_cp(&b.container(), &text_b, start, start + 5);
    next_selection_change().await;
    assert_eq!(events_b.borrow().as_slice(), [SurfaceEvent::Select(Some(CpRange::new(start, start + 5)))]);
    assert!(events_a.borrow().is_empty(), "A reports nothing: {:?}", events_a.borrow());
    // Moving it into A: A reports it, and B reports once that it left.
    selection::select_cp(&a.container(), &text_a, 4, 9);
    next_selection_change().await;
    assert_eq!(events_a.borrow().as_slice(), [SurfaceEvent::Select(Some(CpRange::new(4, 9)))]);
    assert_eq!(events_b.borrow().last(), Some(&SurfaceEvent::Select(None)));
    selection::clear_selection();
    next_selection_change().await;
    assert_eq!(events_b.borrow().len(), 2, "B does not report leaving twice");

    // A surface that goes takes its paint with it, and only its own.
    drop(b);
    assert_eq!(highlighted("nm-demand-0"), vec!["demanded a raise"]);
    assert_eq!(a.container().text_content().unwrap(), text_a.as_str());
    drop(a);
    assert!(highlighted("nm-demand-0").is_empty());
    pane_a.remove();
    pane_b.remove();
}

const LINE: &str = "Officials said the plan would work.\n";

/// An article of short lines (all in its first slice), each with four claims: "Officials",
/// "said", "the" and "plan".
fn many_spans(lines: usize) -> (Rc<ArticleText>, Vec<Span>) {
    let text = Rc::new(ArticleText::new(LINE.repeat(lines).as_str()));
    let per = LINE.chars().count();
    let words = [(0, 9), (10, 14), (15, 18), (19, 23)];
    let spans = (0..lines)
        .flat_map(|i| words.iter().enumerate().map(move |(w, (a, b))| span(&format!("s{i}-{w}"), Label::Claim, i * per + a, i * per + b)))
        .collect();
    (text, spans)
}

#[wasm_bindgen_test]
fn one_edit_among_thousands_of_spans_touches_only_its_own_ranges() {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(".overlay { position: absolute; inset: 0 } .nm-line { position: absolute }"));
    document().head().unwrap().append_child(&style).unwrap();
    // A pane tall enough to paint every one of 3,200 spans: the worst case for a repaint.
    let (pane, host) = host("100000px");
    let (surface, _) = surface(&host);
    let (text, spans) = many_spans(800);
    let first = article("a1", &text, spans.clone());
    surface.update(view(&first, Some(Edited { seq: 7, ranges: vec![] })));
    assert_eq!(highlighted("nm-claim-0").len(), 3200);
    let line = LINE.chars().count();

    // Adding a span: one highlight range and one line box, with the edit's ranges or without.
    let added = span("new", Label::Demand, 10 * line + 24, 10 * line + 29);
    let mut more = spans.clone();
    more.push(added.clone());
    let second = article("a1", &text, more.clone());
    let edit = |seq, r: &Span| Some(Edited { seq, ranges: vec![CpRange::new(r.start, r.end)] });
    surface.update(view(&second, edit(8, &added)));
    assert_eq!(surface.touched(), 2, "one range and its line");
    assert_eq!(highlighted("nm-demand-0"), vec!["would"]);

    // Relabelling one claim: out of one highlight and into another, and its line replaced.
    let mut relabelled = more.clone();
    relabelled[2000].label = Label::Opinion;
    let third = article("a1", &text, relabelled.clone());
    surface.update(view(&third, edit(9, &relabelled[2000])));
    assert_eq!(surface.touched(), 4);
    assert_eq!(highlighted("nm-claim-0").len(), 3199);
    assert_eq!(highlighted("nm-opinion-0"), vec!["Officials"]);

    // Moving its end: the app passes the span's range before and after (`Change::ranges_in`),
    // which overlap; each range is still looked at once, and one line box stands for it.
    let before = CpRange::new(relabelled[2000].start, relabelled[2000].end);
    relabelled[2000].end += 5;
    let after = CpRange::new(relabelled[2000].start, relabelled[2000].end);
    let moved = article("a1", &text, relabelled.clone());
    surface.update(view(&moved, Some(Edited { seq: 10, ranges: vec![before, after] })));
    assert_eq!(surface.touched(), 4);
    assert_eq!(highlighted("nm-opinion-0"), vec!["Officials said"]);
    let lines = || host.query_selector_all(&format!(".{}", names::LINE)).unwrap().length();
    assert_eq!(lines(), 3201, "3,200 spans and the added one, a box each");

    // Without the edit's ranges (several edits at once), the whole window is compared, and
    // still only what changed is touched: the span deleted.
    relabelled.retain(|s| s.id != added.id);
    let fourth = article("a1", &text, relabelled);
    surface.update(view(&fourth, Some(Edited { seq: 12, ranges: vec![] })));
    assert_eq!(surface.touched(), 2);
    assert!(highlighted("nm-demand-0").is_empty());
    let host_overlay = host.query_selector(".overlay").unwrap().unwrap();
    assert_eq!(host_overlay.query_selector_all(&format!(".{}", names::LINE)).unwrap().length(), 3200);

    // An edit of many spans at once (Accept all): past the limit of ranges looked at one by
    // one, the window is compared once, with the same result.
    let mut many: Vec<Span> = fourth.spans.as_slice().to_vec();
    let accepted: Vec<Span> =
        (0..40).map(|i| span(&format!("acc{i}"), Label::Quote, (100 + i) * line + 24, (100 + i) * line + 29)).collect();
    many.extend(accepted.iter().cloned());
    let fifth = article("a1", &text, many);
    let ranges = accepted.iter().map(|s| CpRange::new(s.start, s.end)).collect();
    surface.update(view(&fifth, Some(Edited { seq: 13, ranges })));
    assert_eq!(surface.touched(), 80, "40 ranges and their lines");
    assert_eq!(highlighted("nm-quote-0").len(), 40);

    // Another article: everything of the first goes.
    let (other_text, other_spans) = many_spans(2);
    surface.update(view(&article("a2", &other_text, other_spans), None));
    assert_eq!(highlighted("nm-claim-0").len(), 8);
    assert_eq!(surface.container().text_content().unwrap(), other_text.as_str());
    drop(surface);
    pane.remove();
    style.remove();
    highlight::clear_highlights();
}
