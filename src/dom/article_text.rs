//! Renders an article's text as DOM nodes, once per article.
//!
//! Owns: the DOM shape of the article body, which `selection` and `highlight` rely on: the
//! container's element children are the text's blocks in order; each block holds one text node
//! with the line's content (possibly empty) and, when the line ends with a break, a
//! `span.eol` holding one text node with the break's characters. The container's text content
//! is therefore exactly the article's text. Must never: add any other text inside the container.

use newsmark_core::ArticleText;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub const BLOCK_CLASS: &str = "block";
pub const EOL_CLASS: &str = "eol";
pub const BLOCK_INDEX: &str = "data-b";

/// Replaces the container's children with the article's blocks.
pub fn render(container: &Element, text: &ArticleText) {
    let document = container.owner_document().expect("an element belongs to a document");
    let fragment = document.create_document_fragment();
    for (index, block) in text.blocks().iter().enumerate() {
        let el = block_element(&document, text, block);
        // The block's index lets a DOM point find its offset without walking earlier blocks.
        let _ = el.set_attribute(BLOCK_INDEX, &index.to_string());
        let _ = fragment.append_child(&el);
    }
    container.set_text_content(None);
    let _ = container.append_child(&fragment);
}

fn block_element(document: &Document, text: &ArticleText, block: &newsmark_core::Block) -> Element {
    let el = document.create_element("div").expect("div");
    let content = text.slice(block.start, block.content_end);
    el.set_class_name(if content.trim().is_empty() { "block blank" } else { BLOCK_CLASS });
    let _ = el.append_child(&document.create_text_node(content));
    if block.end > block.content_end {
        let eol = document.create_element("span").expect("span");
        eol.set_class_name(EOL_CLASS);
        let _ = eol.append_child(&document.create_text_node(text.slice(block.content_end, block.end)));
        let _ = el.append_child(&eol);
    }
    el
}

/// The block element at `index`.
pub fn block(container: &Element, index: usize) -> Option<Element> {
    container.children().item(index as u32)
}

/// The text node holding code points of block `index` from `content` (true) or its line break.
pub fn text_node(container: &Element, index: usize, content: bool) -> Option<web_sys::Node> {
    let block = block(container, index)?;
    if content {
        block.first_child()
    } else {
        block.last_element_child()?.first_child()
    }
    .filter(|n| n.dyn_ref::<web_sys::Text>().is_some())
}
