//! Renders an article's text as DOM nodes, once per article.
//!
//! Owns: the DOM shape of the article body, which `selection` and `highlight` rely on: the
//! container's element children are the text's blocks in order; each block holds one text node
//! with the line's content (possibly empty) and, when the line ends with a break, a
//! `span.eol` holding one text node with the break's characters. The container's text content
//! is therefore exactly the article's text once every block is in. A long article goes in by
//! slices: the first at once, so the top of it shows and paints without waiting for the rest;
//! later ones appended after it, in order, with `aria-busy` on the container until the last.
//! A block asked for before its slice came (`block`, `text_node`) is put in at once, with every
//! block before it. Must never: add any other text inside the container, or change a block
//! once it is in.

use newsmark_core::ArticleText;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub const BLOCK_CLASS: &str = "block";
pub const EOL_CLASS: &str = "eol";
pub const BLOCK_INDEX: &str = "data-b";

/// Code points in the first slice: several screens of text even on a tall screen, so what is
/// on screen and the painted margin around it are all there at the first paint.
pub const FIRST_SLICE: usize = 32 * 1024;
/// Code points in each later slice: one frame's work, laying them out included.
pub const SLICE: usize = 64 * 1024;

/// Replaces the container's children with all of the article's blocks.
pub fn render(container: &Element, text: &ArticleText) {
    if !render_start(container, text) {
        append(container, text, usize::MAX);
    }
}

/// Replaces the container's children with the article's first slice of blocks. Returns whether
/// that was the whole article; if not, the container is marked busy until `render_more` or
/// `block` has put in the last block.
pub fn render_start(container: &Element, text: &ArticleText) -> bool {
    container.set_text_content(None);
    let _ = container.remove_attribute("aria-busy");
    let done = append(container, text, FIRST_SLICE);
    if !done {
        let _ = container.set_attribute("aria-busy", "true");
    }
    done
}

/// Appends the next slice of blocks. Returns whether the article is now complete.
pub fn render_more(container: &Element, text: &ArticleText) -> bool {
    append(container, text, SLICE)
}

/// How many of the article's blocks are in the container.
pub fn rendered(container: &Element) -> usize {
    container.child_element_count() as usize
}

/// Appends blocks after those already in, until at least `budget` code points were added or the
/// text ends; clears the busy mark at the end. Returns whether every block is in.
fn append(container: &Element, text: &ArticleText, budget: usize) -> bool {
    let blocks = text.blocks();
    let first = rendered(container);
    let Some(start) = blocks.get(first).map(|b| b.start) else { return true };
    let last = blocks[first..].partition_point(|b| b.end - start < budget).min(blocks.len() - 1 - first) + first;
    append_through(container, text, last)
}

/// Appends every block up to and including `last` that is not in yet. Returns whether every
/// block is in.
fn append_through(container: &Element, text: &ArticleText, last: usize) -> bool {
    let blocks = text.blocks();
    let first = rendered(container);
    if first <= last && last < blocks.len() {
        let document = container.owner_document().expect("an element belongs to a document");
        let fragment = document.create_document_fragment();
        for (index, block) in blocks.iter().enumerate().take(last + 1).skip(first) {
            let el = block_element(&document, text, block);
            // The block's index lets a DOM point find its offset without walking earlier blocks.
            let _ = el.set_attribute(BLOCK_INDEX, &index.to_string());
            let _ = fragment.append_child(&el);
        }
        let _ = container.append_child(&fragment);
    }
    let done = rendered(container) >= blocks.len();
    if done {
        let _ = container.remove_attribute("aria-busy");
    }
    done
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

/// The block element at `index`, putting it (and every block before it) in first if its slice
/// has not come yet.
pub fn block(container: &Element, text: &ArticleText, index: usize) -> Option<Element> {
    // The lookup comes first: counting the container's children walks all of them, and this
    // runs for every end of every painted range.
    if let Some(block) = container.children().item(index as u32) {
        return Some(block);
    }
    append_through(container, text, index);
    container.children().item(index as u32)
}

/// The text node holding code points of block `index` from `content` (true) or its line break.
pub fn text_node(container: &Element, text: &ArticleText, index: usize, content: bool) -> Option<web_sys::Node> {
    let block = block(container, text, index)?;
    if content { block.first_child() } else { block.last_element_child()?.first_child() }.filter(|n| n.dyn_ref::<web_sys::Text>().is_some())
}
