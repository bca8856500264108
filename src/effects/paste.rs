//! Reading a paste's text, refusing one too big for an article before it is copied into the
//! wasm's memory: a 50 MB paste used to take the page 20 seconds (it became the new-article
//! form's text).
//!
//! Owns: the paste's size check. Must never: decide what a paste becomes (the app shell does).

use newsmark_core::state::MAX_ARTICLE_BYTES;
use newsmark_core::{Action, Message, Notice, TextRefusal};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A paste's `DataTransfer`, whose `getData` here returns the JavaScript string: its length
    /// can be checked before it is copied into the wasm's memory.
    type Pasted;
    #[wasm_bindgen(method, js_name = getData)]
    fn text_of(this: &Pasted, format: &str) -> js_sys::JsString;
}

/// The text of a paste, or why it cannot be an article: one of more UTF-16 units than an article
/// may have bytes is refused before it is copied. (Its UTF-8 has at least as many bytes, so the
/// size the message gives is exact for ASCII text and may be below it for other text.)
pub fn text(event: &web_sys::ClipboardEvent) -> Option<Result<String, Action>> {
    let text = event.clipboard_data()?.unchecked_into::<Pasted>().text_of("text/plain");
    let units = text.length() as usize;
    Some(match units > MAX_ARTICLE_BYTES {
        true => Err(Action::Notify(Notice::error(Message::TextRefused(TextRefusal::TooBig { bytes: units })))),
        false => Ok(text.into()),
    })
}
