//! Maps between DOM positions and code-point offsets in the open article, both ways.
//!
//! Owns: the only conversion between the DOM's UTF-16 positions (text node + offset, or element +
//! child index) and the model's code points, and keyboard selection inside the article.
//! Must never: read `Selection.toString()` (it depends on layout) or touch the text nodes.

use newsmark_core::{ArticleText, CpRange};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range, Selection};

use super::article_text::{self, BLOCK_INDEX, EOL_CLASS};

fn selection() -> Option<Selection> {
    web_sys::window()?.get_selection().ok()?
}

/// The UTF-16 offset into the article's text of the DOM point (`node`, `offset`). Points before
/// the article clamp to its start and points after it to its end.
pub fn utf16_at(container: &Element, text: &ArticleText, node: &Node, offset: u32) -> Option<usize> {
    let blocks = text.blocks();
    if node == container.unchecked_ref::<Node>() {
        return Some(blocks.get(offset as usize).map_or(text.utf16_len(), |b| b.utf16_start));
    }
    if !container.contains(Some(node)) {
        let document = container.owner_document()?;
        let point = document.create_range().ok()?;
        point.set_start(node, offset).ok()?;
        // comparePoint is -1 when the article's start lies before the point.
        let after_start = point.compare_point(container, 0).ok()? < 0;
        return Some(if after_start { text.utf16_len() } else { 0 });
    }
    let block_el = block_of(container, node)?;
    let index: usize = block_el.get_attribute(BLOCK_INDEX)?.parse().ok()?;
    let block = blocks.get(index)?;
    let content_len = text.utf16_of(block.content_end) - block.utf16_start;
    let block_len = text.utf16_of(block.end) - block.utf16_start;
    let in_eol = node.parent_element().is_some_and(|p| p.class_name() == EOL_CLASS);
    let local = match node.node_type() {
        Node::TEXT_NODE if in_eol => content_len + offset as usize,
        Node::TEXT_NODE => offset as usize,
        _ if node == block_el.unchecked_ref::<Node>() => match offset {
            0 => 0,
            1 => content_len,
            _ => block_len,
        },
        // The eol span itself: before or after its break.
        _ => {
            if offset == 0 {
                content_len
            } else {
                block_len
            }
        }
    };
    Some(block.utf16_start + local.min(block_len))
}

/// The block element (a child of `container`) holding `node`.
fn block_of(container: &Element, node: &Node) -> Option<Element> {
    let mut at = node.clone();
    loop {
        let parent = at.parent_node()?;
        if &parent == container.unchecked_ref::<Node>() {
            return at.dyn_into::<Element>().ok();
        }
        at = parent;
    }
}

/// The code-point range of a DOM range, clamped to the article; `None` when it is empty there.
pub fn range_to_cp(container: &Element, text: &ArticleText, range: &Range) -> Option<CpRange> {
    let start = utf16_at(container, text, &range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = utf16_at(container, text, &range.end_container().ok()?, range.end_offset().ok()?)?;
    let (start, end) = (text.cp_of_utf16(start), text.cp_of_utf16(end));
    (start < end).then_some(CpRange { start, end })
}

/// The person's current selection in the article as code points, if it covers any text there.
pub fn selected_cp(container: &Element, text: &ArticleText) -> Option<CpRange> {
    let selection = selection()?;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    range_to_cp(container, text, &selection.get_range_at(0).ok()?)
}

/// Where a collapsed selection (a click) sits in the article, as a code point.
pub fn caret_cp(container: &Element, text: &ArticleText) -> Option<usize> {
    let selection = selection()?;
    if selection.range_count() == 0 || !selection.is_collapsed() {
        return None;
    }
    let node = selection.anchor_node()?;
    if !container.contains(Some(&node)) {
        return None;
    }
    Some(text.cp_of_utf16(utf16_at(container, text, &node, selection.anchor_offset())?))
}

/// The DOM point (text node, UTF-16 offset in it) of code point `cp`.
pub fn dom_point(container: &Element, text: &ArticleText, cp: usize) -> Option<(Node, u32)> {
    let index = text.block_at(cp);
    let block = text.blocks().get(index)?;
    let local = (text.utf16_of(cp) - block.utf16_start) as u32;
    if cp <= block.content_end || block.end == block.content_end {
        Some((article_text::text_node(container, text, index, true)?, local))
    } else {
        let content_len = (text.utf16_of(block.content_end) - block.utf16_start) as u32;
        Some((article_text::text_node(container, text, index, false)?, local - content_len))
    }
}

/// A live DOM range over code points `[start, end)`.
pub fn cp_to_range(container: &Element, text: &ArticleText, start: usize, end: usize) -> Option<Range> {
    let (start_node, start_offset) = dom_point(container, text, start)?;
    let (end_node, end_offset) = dom_point(container, text, end)?;
    let range = container.owner_document()?.create_range().ok()?;
    range.set_start(&start_node, start_offset).ok()?;
    range.set_end(&end_node, end_offset).ok()?;
    Some(range)
}

/// Makes `[start, end)` the page's selection.
pub fn select_cp(container: &Element, text: &ArticleText, start: usize, end: usize) {
    if let (Some(selection), Some(range)) = (selection(), cp_to_range(container, text, start, end)) {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}

/// Removes the page's selection. An empty selection is left alone: removing nothing still
/// makes the browser bring its selection up to date with the layout, which costs milliseconds
/// on a long article.
pub fn clear_selection() {
    if let Some(selection) = selection().filter(|s| s.range_count() > 0) {
        let _ = selection.remove_all_ranges();
    }
}

/// Moves or extends the selection by keyboard inside the article, where browsers offer no caret
/// of their own. A selection outside the article first collapses to the article's start.
pub fn keyboard_select(container: &Element, text: &ArticleText, key: &str, extend: bool, by_word: bool) -> bool {
    // Other keys never touch the selection: reading it makes the browser bring it up to date
    // with the layout, and a shortcut such as "2" must leave it as it is.
    let (direction, granularity) = match key {
        "ArrowRight" => ("forward", if by_word { "word" } else { "character" }),
        "ArrowLeft" => ("backward", if by_word { "word" } else { "character" }),
        "ArrowDown" => ("forward", "line"),
        "ArrowUp" => ("backward", "line"),
        "Home" => ("backward", "lineboundary"),
        "End" => ("forward", "lineboundary"),
        _ => return false,
    };
    let Some(selection) = selection() else { return false };
    let inside = selection.anchor_node().is_some_and(|n| container.contains(Some(&n)));
    if !inside {
        match dom_point(container, text, 0) {
            Some((node, offset)) => {
                let _ = selection.collapse_with_offset(Some(&node), offset);
            }
            None => return false,
        }
    }
    selection.modify(if extend { "extend" } else { "move" }, direction, granularity).is_ok()
}

/// Scrolls the article so that code point `cp` is in view.
pub fn scroll_to(container: &Element, text: &ArticleText, cp: usize) {
    if let Some(block) = article_text::block(container, text, text.block_at(cp)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        block.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// How far beyond each edge of the pane spans are painted, in pane heights: enough that scrolling
/// a little never shows unpainted text before the next repaint, and little enough that a repaint
/// stays cheap (the browser re-registers every painted range whenever any highlight changes).
const MARGIN_SCREENS: f64 = 1.5;

/// The code-point window worth painting: the blocks on screen in the scrolling pane `pane`, plus
/// a margin. `None` when that is the whole text. Found by binary search over the blocks' boxes,
/// so the cost does not grow with the article.
pub fn visible_window(container: &Element, pane: &Element, text: &ArticleText) -> Option<CpRange> {
    let blocks = text.blocks();
    let children = container.children();
    let count = (children.length() as usize).min(blocks.len());
    if count == 0 {
        return None;
    }
    // While later slices of a long article are still to come, the window ends at the last
    // block in, however near it is: `None` would mean painting the whole text.
    let complete = count == blocks.len();
    let view = pane.get_bounding_client_rect();
    let margin = view.height() * MARGIN_SCREENS;
    let (top, bottom) = (view.top() - margin, view.bottom() + margin);
    let rect = |i: usize| children.item(i as u32).map(|el| el.get_bounding_client_rect());
    // The first block ending below the top edge, and the first starting below the bottom edge.
    let from = partition(count, |i| rect(i).is_some_and(|r| r.bottom() < top));
    let to = partition(count, |i| rect(i).is_some_and(|r| r.top() <= bottom)).min(count - 1);
    if from == 0 && to == count - 1 && complete {
        return None;
    }
    Some(CpRange { start: blocks[from.min(to)].start, end: blocks[to].end })
}

/// The first index in `0..n` for which `before` is false, `before` being true then false.
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Whether the painted `window` still covers what is on screen with room to spare; if not, the
/// caller computes a new window and repaints.
pub fn window_still_good(window: Option<CpRange>, visible: Option<CpRange>) -> bool {
    match (window, visible) {
        (None, None) => true,
        (Some(CpRange { start: a, end: b }), Some(CpRange { start: c, end: d })) => {
            // The new window's centre (the screen) must stay inside the middle half of the old.
            let quarter = (b - a) / 4;
            let centre = c + (d - c) / 2;
            centre >= a + quarter && centre <= b - quarter
        }
        _ => false,
    }
}
