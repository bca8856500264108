//! Reads files the person opens or drops, and turns each into an action.
//!
//! Owns: which files are articles (.txt, .md) and which are imports (.json), the UTF-8 check and
//! the size limits. Must never: change the workspace when a file is refused.

use newsmark_core::format::{import_json, ImportBatch};
use newsmark_core::state::{title_from_file_name, MAX_ARTICLE_BYTES};
use newsmark_core::{Action, Notice};

/// Imports may hold many articles, so they may be larger than one article.
const MAX_IMPORT_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

enum Kind {
    Article,
    Import,
}

fn kind_of(name: &str) -> Option<Kind> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Some(Kind::Article),
        "json" => Some(Kind::Import),
        _ => None,
    }
}

/// The text of `bytes` if they are UTF-8, without a leading byte-order mark (an encoding marker,
/// not part of the article).
pub fn utf8_text(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)),
        Err(e) => Err(format!(
            "“{name}” is not UTF-8 text (byte {} cannot start or continue a character). Save it as UTF-8 text and open it again.",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// Files above this size get an "Opening…" message first, so a long load is never silent.
const ANNOUNCE_BYTES: f64 = 512.0 * 1024.0;

/// Reads one file and says what should happen. `announce` shows a message before slow work.
pub async fn read(file: web_sys::File, announce: impl Fn(Action)) -> Action {
    let name = file.name();
    let refuse = |why: String| Action::Notify(Notice::error(why));
    let Some(kind) = kind_of(&name) else {
        return refuse(format!("“{name}” was not opened: newsmark opens articles as .txt or .md files and imports .json exports."));
    };
    let limit = match kind {
        Kind::Article => MAX_ARTICLE_BYTES as f64,
        Kind::Import => MAX_IMPORT_BYTES,
    };
    if file.size() > limit {
        return refuse(format!("“{name}” is {:.1} MB; the most newsmark opens is {:.0} MB.", file.size() / 1_048_576.0, limit / 1_048_576.0));
    }
    if file.size() > ANNOUNCE_BYTES {
        announce(Action::Notify(Notice::info(format!("Opening “{name}” ({:.1} MB)…", file.size() / 1_048_576.0))));
        // Let the browser paint the message before the long synchronous work that follows.
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
    let bytes = match gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(file)).await {
        Ok(bytes) => bytes,
        Err(e) => return refuse(format!("“{name}” could not be read: {e}")),
    };
    let text = match utf8_text(&name, bytes) {
        Ok(text) => text,
        Err(why) => return refuse(why),
    };
    match kind {
        Kind::Article => Action::AddArticle { title: title_from_file_name(&name), text },
        // The batch is resolved against the workspace's labels by name when it is added, so the
        // built-in set is the right starting point here.
        Kind::Import => match import_json(&text, &newsmark_core::LabelSet::builtin()) {
            Ok(batch) => Action::Import(Box::new(ImportBatch { source: format!("“{name}”"), ..batch })),
            Err(e) => refuse(format!("“{name}” was not imported, and nothing was changed: {e}")),
        },
    }
}

/// The files of a file list, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
