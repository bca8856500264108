//! All direct DOM work, in small modules: rendering an article's text nodes once, mapping DOM
//! selections to code points, painting highlights over the text, drawing relations as arrows
//! beside it, and the labels' generated stylesheet.
//!
//! Must never: change the article's text nodes after `article_text::render` built them.

pub mod article_text;
pub mod highlight;
pub mod label_styles;
pub mod relations;
pub mod selection;
