//! What the browser tests share: the page, mounting an article, ranges, and reading back what
//! a highlight covers.
#![allow(dead_code)]

use std::rc::Rc;

use newsmark::dom::article_text;
use newsmark_core::{ArticleText, Attributes, Confidence, CpRange, Label, Pending, Provenance, Span, SpanId, Suggestion, SuggestionId};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

/// CRLF, a lone CR, an empty line, astral emoji, a ZWJ sequence, a combining mark, RTL text.
pub const TEXT: &str = "“Hi,” 😀 said Zoë.\r\n\r\nWe’re 👩\u{200d}👩\u{200d}👧 here\rcafe\u{301} שלום\n<b>not bold</b>";

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn mount(text: &str) -> (Element, Rc<ArticleText>) {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let text = Rc::new(ArticleText::new(text));
    article_text::render(&container, &text);
    (container, text)
}

pub fn range(start: (&Node, u32), end: (&Node, u32)) -> Range {
    let r = document().create_range().unwrap();
    r.set_start(start.0, start.1).unwrap();
    r.set_end(end.0, end.1).unwrap();
    r
}

pub fn block(container: &Element, i: u32) -> Element {
    container.children().item(i).unwrap()
}

/// A range as a pair, to compare with literals.
pub fn pair(r: CpRange) -> (usize, usize) {
    (r.start, r.end)
}

pub fn span(id: &str, label: Label, start: usize, end: usize) -> Span {
    Span::manual(SpanId::new(id), label, start, end)
}

/// The text each registered highlight covers, read back through live ranges.
pub fn highlighted(name: &str) -> Vec<String> {
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

pub fn pending(id: u64, label: Label, start: usize, end: usize) -> Pending {
    let provenance = Provenance { confidence: Confidence::from_permille(800), reason: "test".into() };
    Pending { id: SuggestionId(id), suggestion: Suggestion { label, start, end, attributes: Attributes::default(), provenance } }
}

/// The priority a highlight paints with: the registered one's, or, for a name nothing is
/// painted with yet, the one it will be registered with.
pub fn priority(name: &str) -> i32 {
    web_sys::css::JsNamespaceCss::highlights().get(name).map_or_else(|| newsmark::dom::names::priority(name), |h| h.priority())
}

/// A scrolling pane of `height` in the page, and an empty article container inside it.
pub fn scrolling_pane(height: &str) -> (Element, Element) {
    let pane = document().create_element("div").unwrap();
    pane.set_attribute("style", &format!("height: {height}; overflow: auto")).unwrap();
    document().body().unwrap().append_child(&pane).unwrap();
    let container = document().create_element("div").unwrap();
    pane.append_child(&container).unwrap();
    (pane, container)
}
