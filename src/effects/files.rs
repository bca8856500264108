//! Reads the files a person opens or drops, and turns them into actions.
//!
//! Owns: reading the files chosen or dropped together as their kinds say (`file_kinds`: articles
//! or imports), the size limits (of a file, of the files of one import), reading many files with
//! a progress report, and cancelling an import. Must never: change the workspace when an import
//! is refused or cancelled (the files chosen together are read into one batch, and any error
//! drops all of it), read files too big to take in before refusing them, or keep the page busy
//! for a whole set of files without yielding to it between them.
//!
//! newsmark's own labelled JSON is read here, with the core's import; every other import (and a
//! labelled JSON file the core refuses, so that its message is worded like any import's) goes to
//! the formats worker (`effects::formats`), which is loaded only then.

use newsmark_core::decimal::fixed;
use newsmark_core::encoding::decode_text;
use newsmark_core::format::{import_json_files, ImportBatch};
use newsmark_core::state::{title_from_file_name, MAX_ARTICLE_BYTES};
use newsmark_core::{Action, LabelSet, Message, Notice};
use yew::UseStateSetter;

use super::file_kinds::{extension, kinds, Kind};
use super::formats;
use crate::store::Dispatch;
use crate::workers::formats::{Answer, Request};

/// The files of one import together: more than one article, but taking in a batch is work on the
/// page's thread (its articles, their list, saving them), about 0.2 s a megabyte here.
const MAX_IMPORT_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Files above this size get an "Opening…" message first, so a long load is never silent.
const ANNOUNCE_BYTES: f64 = 512.0 * 1024.0;

/// How far the reading of an import's files has come, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files read so far.
    pub done: usize,
    pub total: usize,
}

/// Reads `files`, chosen or dropped together: each article is added as it is read; every other
/// file is read into one import (one undo step, one label-mapping step), reporting progress
/// through `progress` while the files are read.
pub fn open(dispatch: Dispatch, files: Vec<web_sys::File>, progress: UseStateSetter<Option<Progress>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let names: Vec<String> = files.iter().map(|f| f.name()).collect();
        let kinds = kinds(&names);
        let mut imports = Vec::new();
        let mut refusals = Vec::new();
        for (file, kind) in files.into_iter().zip(kinds) {
            match kind {
                Kind::Article => {
                    let action = read_article(file, |a| dispatch.dispatch(a)).await;
                    dispatch.dispatch(action);
                }
                Kind::Import => imports.push(file),
                Kind::Refused => refusals.push(format!(
                    "“{}” was not opened: newsmark opens articles as .txt or .md files and imports annotations (JSON, JSON Lines, brat .ann with its .txt, or a .zip of them).",
                    file.name()
                )),
            }
        }
        if imports.is_empty() {
            if !refusals.is_empty() {
                dispatch.dispatch(Action::Notify(Notice::error(Message::Worded(refusals.join(" ")))));
            }
            return;
        }
        let source = match imports.as_slice() {
            [one] => format!("“{}”", one.name()),
            many => format!("{} files", many.len()),
        };
        let started = cancels();
        let files = match read_import(imports, &source, &progress, started).await {
            Ok(files) => files,
            // Cancelled: the button said so.
            Err(None) => return,
            Err(Some(why)) => {
                progress.set(None);
                dispatch.dispatch(Action::Notify(Notice::error(Message::Worded(why))));
                return;
            }
        };
        let done = move |result: Result<ImportBatch, String>| {
            if cancels() != started {
                return;
            }
            let action = match result {
                Ok(mut batch) => {
                    // Files passed over are worth knowing about even though the import went ahead.
                    batch.warnings.extend(refusals);
                    Action::Import(Box::new(batch))
                }
                Err(why) => Action::Notify(Notice::error(Message::Worded(why))),
            };
            progress.set(None);
            dispatch.dispatch(action);
        };
        if let Some(batch) = labelled_json(&files) {
            return done(Ok(ImportBatch { source, ..batch }));
        }
        formats::call(Request::Read { files, source: source.clone() }, move |answer| {
            done(match answer {
                Answer::Read(Ok(imported)) => imported.into_batch(source),
                Answer::Read(Err(why)) => Err(why),
                Answer::Written(_) => Err("the formats worker answered something else".into()),
                Answer::Failed(why) => Err(format!("{source} was not imported, and nothing was changed: {why}")),
            })
        });
    });
}

/// The files as one batch when every one is a `.json` file of newsmark labelled JSON the core
/// reads, with each file's labels joining those before it (as the formats worker would read
/// them); `None` sends them to the worker, which reads every format and words every refusal.
fn labelled_json(files: &[(String, Vec<u8>)]) -> Option<ImportBatch> {
    let mut texts = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        if extension(name) != "json" || bytes.starts_with(b"PK") {
            return None;
        }
        texts.push((name.as_str(), std::str::from_utf8(bytes).ok()?));
    }
    import_json_files(texts, &LabelSet::builtin()).ok()
}

/// Reads one article file (.txt, .md). `announce` shows a message before slow work.
async fn read_article(file: web_sys::File, announce: impl Fn(Action)) -> Action {
    let name = file.name();
    let refuse = |why: String| Action::Notify(Notice::error(Message::Worded(why)));
    let limit = MAX_ARTICLE_BYTES as f64;
    if file.size() > limit {
        return refuse(too_big(&name, file.size(), limit));
    }
    if file.size() > ANNOUNCE_BYTES {
        announce(Action::Notify(Notice::info(Message::Worded(format!("Opening “{name}” ({} MB)…", fixed(file.size() / 1_048_576.0, 1))))));
        // Let the browser paint the message before the long synchronous work that follows.
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
    let bytes = match gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(file)).await {
        Ok(bytes) => bytes,
        Err(e) => return refuse(format!("“{name}” could not be read: {e}")),
    };
    match article_text(&name, bytes) {
        Ok(text) => Action::AddArticle { title: title_from_file_name(&name), text },
        Err(why) => refuse(why),
    }
}

fn too_big(name: &str, size: f64, limit: f64) -> String {
    format!("“{name}” is {} MB; the most newsmark opens is {} MB.", fixed(size / 1_048_576.0, 1), fixed(limit / 1_048_576.0, 0))
}

thread_local! {
    /// How many times imports were cancelled: an import started at one count is dropped, at
    /// whatever stage, once the count moves on.
    static CANCELS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn cancels() -> u32 {
    CANCELS.with(|c| c.get())
}

/// Cancels the imports under way: the files read so far, and any answer of the formats worker,
/// are dropped, and the workspace stays as it was.
pub fn cancel_imports(dispatch: &Dispatch, progress: &UseStateSetter<Option<Progress>>) {
    CANCELS.with(|c| c.set(c.get() + 1));
    progress.set(None);
    dispatch.dispatch(Action::Notify(Notice::info(Message::ImportCancelled)));
}

/// Reads every import file's bytes, reporting progress (about ten times a second, so that
/// thousands of small files do not cost a render each). Any problem refuses the whole set
/// (`Err(Some(why))`); `Err(None)` if the import was cancelled meanwhile.
async fn read_import(
    files: Vec<web_sys::File>,
    source: &str,
    progress: &UseStateSetter<Option<Progress>>,
    started: u32,
) -> Result<Vec<(String, Vec<u8>)>, Option<String>> {
    let total = files.len();
    let size = files.iter().map(|f| f.size()).sum::<f64>();
    if size > MAX_IMPORT_BYTES {
        return Err(Some(format!(
            "Nothing was imported from {source} ({} MB): newsmark imports at most {} MB at once.",
            fixed(size / 1_048_576.0, 1),
            fixed(MAX_IMPORT_BYTES / 1_048_576.0, 0)
        )));
    }
    progress.set(Some(Progress { done: 0, total }));
    let mut read = Vec::with_capacity(total);
    let mut shown = js_sys::Date::now();
    for file in files {
        let name = file.name();
        // Each read is a task of its own, so the page stays responsive (and paints) between files.
        let bytes = gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(file))
            .await
            .map_err(|e| Some(format!("“{name}” could not be read, and nothing was imported: {e}")))?;
        if cancels() != started {
            return Err(None);
        }
        read.push((name, bytes));
        if read.len() == total || js_sys::Date::now() - shown > 100.0 {
            shown = js_sys::Date::now();
            progress.set(Some(Progress { done: read.len(), total }));
        }
    }
    Ok(read)
}

/// The text of an article file's bytes (UTF-8, or UTF-16 with a byte-order mark, without the
/// mark: `core::encoding`), or why it is refused, naming the file and the byte.
pub fn article_text(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    decode_text(bytes).map_err(|e| format!("“{name}” is {e}. Save it as UTF-8 text and open it again."))
}

/// The files of a file list, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
