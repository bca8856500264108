//! Draws the open article's relations as arrows in an SVG laid over the article's text.
//!
//! Owns: the geometry of a relation's arrow (from the client rects of its spans' nearest ends,
//! in the SVG's coordinates), which relations are drawn (those with an end near the screen, so a
//! redraw costs the same in a short or a huge article), and the marks that show a relation
//! being drawn (its start span, the span chosen with the keyboard, a dashed arrow between them).
//! Must never: insert anything into the article container (the SVG is its sibling, so the
//! container's `textContent` stays exactly the article's text), or take pointer events from the
//! text (the stylesheet gives the SVG `pointer-events: none`).

use std::collections::HashMap;

use newsmark_core::decimal::fixed;
use newsmark_core::shown::shown_name;
use newsmark_core::state::Linking;
use newsmark_core::{ArticleText, CpRange, Relation, RelationId, Span, SpanId};
use web_sys::{Document, DomRect, Element};

use super::selection::cp_to_range;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// How far a same-line arrow rises above the text, in pixels: into the gap between lines, not
/// far into the line above.
const LIFT: f64 = 14.0;
/// How far an arrow between lines leaves its span vertically before it bends, at most.
const BEND: f64 = 40.0;
/// The arrowhead's length and half width.
const HEAD: (f64, f64) = (7.0, 3.5);

/// What to draw.
#[derive(Default)]
pub struct Drawing<'a> {
    /// The article's spans (any order).
    pub spans: &'a [Span],
    pub relations: &'a [Relation],
    /// The relation drawn emphasised.
    pub selected: Option<&'a RelationId>,
    /// A relation being drawn: its start and keyboard target get marks.
    pub linking: Option<&'a Linking>,
    /// Only relations with an end meeting this code-point window are drawn (`None`: all).
    pub window: Option<CpRange>,
}

/// A box in the SVG's coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    fn centre_x(&self) -> f64 {
        self.x + self.w / 2.0
    }
    fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An arrow's shape: a cubic curve, its head and where its label sits.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    pub start: Point,
    pub end: Point,
    /// The curve's SVG path data.
    pub line: String,
    /// The arrowhead, a closed triangle whose tip is `end`.
    pub head: String,
    /// The middle of the curve, where the kind is written.
    pub label: Point,
}

/// The arrow from box `from` to box `to`. On one line it arcs above the text; between lines it
/// leaves the bottom of the upper box and enters the top of the lower one, so it never starts
/// by crossing its own span's line.
pub fn arrow(from: Rect, to: Rect) -> Arrow {
    let same_line = (from.y - to.y).abs() < from.h.min(to.h) / 2.0;
    let (p0, c1, c2, p3) = if same_line {
        let mut p3 = Point { x: to.centre_x(), y: to.y };
        let p0 = Point { x: from.centre_x(), y: from.y };
        // Nested spans can share a centre; a hairline arrow would be invisible.
        if (p3.x - p0.x).abs() < 4.0 {
            p3.x = p0.x + 8.0;
        }
        let top = p0.y.min(p3.y) - LIFT;
        (p0, Point { x: p0.x, y: top }, Point { x: p3.x, y: top }, p3)
    } else if to.y > from.y {
        let p0 = Point { x: from.centre_x(), y: from.bottom() };
        let p3 = Point { x: to.centre_x(), y: to.y };
        let k = ((p3.y - p0.y) / 2.0).clamp(4.0, BEND);
        (p0, Point { x: p0.x, y: p0.y + k }, Point { x: p3.x, y: p3.y - k }, p3)
    } else {
        let p0 = Point { x: from.centre_x(), y: from.y };
        let p3 = Point { x: to.centre_x(), y: to.bottom() };
        let k = ((p0.y - p3.y) / 2.0).clamp(4.0, BEND);
        (p0, Point { x: p0.x, y: p0.y - k }, Point { x: p3.x, y: p3.y + k }, p3)
    };
    let line = format!("M{} {} C{} {} {} {} {} {}", f(p0.x), f(p0.y), f(c1.x), f(c1.y), f(c2.x), f(c2.y), f(p3.x), f(p3.y));
    // The head points along the curve's last tangent (from c2 to the end).
    let (dx, dy) = (p3.x - c2.x, p3.y - c2.y);
    let len = dx.hypot(dy);
    let (ux, uy) = if len > 0.0 { (dx / len, dy / len) } else { (0.0, 1.0) };
    let base = Point { x: p3.x - ux * HEAD.0, y: p3.y - uy * HEAD.0 };
    let (nx, ny) = (-uy * HEAD.1, ux * HEAD.1);
    let head = format!("M{} {} L{} {} L{} {} Z", f(p3.x), f(p3.y), f(base.x + nx), f(base.y + ny), f(base.x - nx), f(base.y - ny));
    // A cubic's point at t = 1/2.
    let label = Point { x: (p0.x + 3.0 * c1.x + 3.0 * c2.x + p3.x) / 8.0, y: (p0.y + 3.0 * c1.y + 3.0 * c2.y + p3.y) / 8.0 };
    Arrow { start: p0, end: p3, line, head, label }
}

/// A coordinate for path data: a tenth of a pixel is plenty.
fn f(v: f64) -> String {
    fixed(v, 1)
}

/// Whether a span meets the window `(from, to)`.
fn meets(span: &Span, window: Option<CpRange>) -> bool {
    window.is_none_or(|w| w.overlaps(CpRange { start: span.start, end: span.end }))
}

/// The drawn boxes of code points `[start, end)`, in the SVG's coordinates. Boxes of nothing (a
/// hidden line break) are left out.
fn rects(container: &Element, text: &ArticleText, (start, end): (usize, usize), origin: &DomRect) -> Vec<Rect> {
    let Some(list) = cp_to_range(container, text, start, end).and_then(|r| r.get_client_rects()) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter(|r| r.width() > 0.0 && r.height() > 0.0)
        .map(|r| Rect { x: r.left() - origin.left(), y: r.top() - origin.top(), w: r.width(), h: r.height() })
        .collect()
}

/// The box where an arrow attaches to `span`: the start of its first piece, or the end of its
/// last piece (`last`).
fn end_rect(container: &Element, text: &ArticleText, span: &Span, last: bool, origin: &DomRect) -> Option<Rect> {
    let pieces = span.pieces();
    let piece = if last { *pieces.last()? } else { *pieces.first()? };
    let boxes = rects(container, text, piece, origin);
    if last {
        boxes.last().copied()
    } else {
        boxes.first().copied()
    }
}

/// The arrow between two spans, attached at their nearest ends: the end of `from` and the
/// start of `to` when `to` comes later in the text, else the other way round.
fn arrow_between(container: &Element, text: &ArticleText, from: &Span, to: &Span, origin: &DomRect) -> Option<Arrow> {
    let forward = to.start >= from.start;
    let a = end_rect(container, text, from, forward, origin)?;
    let b = end_rect(container, text, to, !forward, origin)?;
    Some(arrow(a, b))
}

/// One arrow ready to be written.
struct Drawn<'a> {
    arrow: Arrow,
    class: &'static str,
    kind: &'a str,
    id: Option<&'a str>,
}

/// Replaces everything in `svg` with the relations of `drawing` and the marks of a relation
/// being drawn. Returns how many relations were drawn. Every layout read happens before the
/// first write, so the browser lays the page out once.
pub fn draw(container: &Element, svg: &Element, text: &ArticleText, drawing: &Drawing) -> usize {
    let by_id: HashMap<&SpanId, &Span> = if drawing.relations.is_empty() && drawing.linking.is_none() {
        HashMap::new()
    } else {
        drawing.spans.iter().map(|s| (&s.id, s)).collect()
    };
    let shown: Vec<(&Relation, &Span, &Span)> = drawing
        .relations
        .iter()
        .filter_map(|r| Some((r, *by_id.get(&r.from)?, *by_id.get(&r.to)?)))
        .filter(|(_, from, to)| meets(from, drawing.window) || meets(to, drawing.window))
        .collect();
    if shown.is_empty() && drawing.linking.is_none() {
        // Nothing to draw, so no layout to read: an edit in an article without relations near
        // the screen must not make the browser lay the page out.
        if svg.first_child().is_some() {
            svg.set_text_content(None);
        }
        return 0;
    }
    let origin = svg.get_bounding_client_rect();

    let mut arrows = Vec::new();
    for (r, from, to) in shown {
        if let Some(arrow) = arrow_between(container, text, from, to, &origin) {
            let class = if drawing.selected == Some(&r.id) { "relation selected" } else { "relation" };
            arrows.push(Drawn { arrow, class, kind: &r.kind, id: Some(r.id.as_str()) });
        }
    }
    let count = arrows.len();

    let mut marks = Vec::new();
    if let Some(linking) = drawing.linking {
        let from = by_id.get(&linking.from).copied();
        let target = linking.target.as_ref().and_then(|id| by_id.get(id).copied());
        for (span, class) in [(from, "link-from"), (target, "link-target")] {
            for piece in span.map(Span::pieces).unwrap_or_default() {
                marks.extend(rects(container, text, piece, &origin).into_iter().map(|r| (r, class)));
            }
        }
        if let (Some(from), Some(to)) = (from, target) {
            if let Some(arrow) = arrow_between(container, text, from, to, &origin) {
                arrows.push(Drawn { arrow, class: "relation provisional", kind: "", id: None });
            }
        }
    }

    svg.set_text_content(None);
    let Some(document) = svg.owner_document() else { return count };
    for (r, class) in marks {
        let attrs = [
            ("class", class),
            ("x", &f(r.x - 2.0)),
            ("y", &f(r.y - 1.0)),
            ("width", &f(r.w + 4.0)),
            ("height", &f(r.h + 2.0)),
            ("rx", "3"),
        ];
        append(&document, svg, "rect", &attrs);
    }
    for d in arrows {
        let Some(group) = append(&document, svg, "g", &[("class", d.class)]) else { continue };
        if let Some(id) = d.id {
            let _ = group.set_attribute("data-relation", id);
        }
        append(&document, &group, "path", &[("class", "relation-line"), ("d", &d.arrow.line)]);
        append(&document, &group, "path", &[("class", "relation-head"), ("d", &d.arrow.head)]);
        if !d.kind.is_empty() {
            let (x, y) = (f(d.arrow.label.x), f(d.arrow.label.y));
            if let Some(label) = append(&document, &group, "text", &[("class", "relation-kind"), ("x", &x), ("y", &y)]) {
                label.set_text_content(Some(&shown_name(d.kind)));
            }
        }
    }
    count
}

/// Appends an SVG element with these attributes to `parent`.
fn append(document: &Document, parent: &Element, name: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    let el = document.create_element_ns(Some(SVG_NS), name).ok()?;
    for (key, value) in attrs {
        el.set_attribute(key, value).ok()?;
    }
    parent.append_child(&el).ok()?;
    Some(el)
}
