//! All direct DOM work, in small modules. `surface` is the article surface, the one object a
//! component needs to show an article; it is built from the others: rendering an article's text
//! nodes once, mapping DOM selections to code points, painting highlights over the text, drawing
//! relations as arrows beside it. Besides it: the labels' generated stylesheet, the highlight and
//! box names, frame timing for the whole app, and the banner a panic shows.
//!
//! Must never: change the article's text nodes after `article_text` built them.

pub mod article_text;
pub mod frame;
pub mod highlight;
pub mod label_styles;
pub mod names;
pub mod panic_banner;
pub mod relations;
pub mod selection;
pub mod surface;
