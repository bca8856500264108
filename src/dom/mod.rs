//! All direct DOM work, in three small modules: rendering an article's text nodes once,
//! mapping DOM selections to code points, and painting highlights over the text.
//!
//! Must never: change the article's text nodes after `article_text::render` built them.

pub mod article_text;
pub mod highlight;
pub mod selection;
