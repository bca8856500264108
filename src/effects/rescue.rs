//! Export after a panic: the work saved in this browser, read back from IndexedDB and offered as
//! one labelled JSON file of every saved article with the label set, which Import reads back.
//!
//! Owns: the rescue file's name and what the banner says about it. Must never: read the app's
//! state (after a panic it may be half changed or locked; what storage holds went through the
//! same checks as any saved workspace), or write anything but what reading storage writes
//! anyway (a first-layout workspace is moved as on start).
//!
//! What it holds is what was saved: an edit made in the moment before the panic, not yet saved
//! (the indicator said "Saving…"), is not in it.

use newsmark_core::format::export_json;
use newsmark_core::Article;

use super::{download, now_iso, storage};
use crate::store::Dispatch;

/// The rescue file's name.
pub const FILE: &str = "newsmark-saved-work.json";

/// Reads the saved workspace and offers it as `FILE`; `said` gets what happened, in words.
pub fn export_saved(dispatch: Dispatch, said: impl FnOnce(String) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let offered = match storage::load(dispatch).await {
            Ok((_, Some(saved), _)) => {
                let articles: Vec<&Article> = saved.articles.iter().collect();
                download::offer(FILE, "application/json", &export_json(&articles, &saved.labels, &now_iso()))
            }
            Ok((_, None, _)) => Err("nothing was saved in this browser yet".into()),
            Err(why) => Err(why),
        };
        said(match offered {
            Ok(()) => "Downloaded newsmark-saved-work.json: every saved article, which Import reads back.".into(),
            Err(why) => format!("Nothing could be exported: {why}"),
        });
    });
}
