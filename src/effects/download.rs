//! Offers text or bytes as a file download, without any network request; a set of files comes
//! as one zip (made by the formats worker).
//!
//! Owns: download names and media types. Must never: keep the object URL alive after the
//! download started.

use wasm_bindgen::JsCast;

use crate::workers::formats::Written;

pub fn offer(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    offer_bytes(file_name, mime, contents.as_bytes())
}

/// Offers written files: one file under `single` with its own extension added, several (which
/// the formats worker zipped) as the zip `zip_name` (a brat export is a folder of files).
/// Returns the name offered.
pub fn offer_files(single: &str, zip_name: &str, written: &Written) -> Result<String, String> {
    match written {
        Written::Files(files) => match files.as_slice() {
            [] => Err("there was nothing to write".into()),
            [(name, text), ..] => {
                let name = match name.rsplit_once('.') {
                    Some((_, ext)) => format!("{single}.{ext}"),
                    None => single.to_string(),
                };
                offer(&name, mime_of(&name), text).map(|()| name)
            }
        },
        Written::Zip(bytes) => offer_bytes(zip_name, "application/zip", bytes).map(|()| zip_name.to_string()),
    }
}

/// The media type of a download, from its extension.
pub fn mime_of(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).as_deref() {
        Some("json") => "application/json",
        Some("jsonld") => "application/ld+json",
        Some("jsonl") | Some("ndjson") => "application/x-ndjson",
        Some("zip") => "application/zip",
        _ => "text/plain",
    }
}

pub fn offer_bytes(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    let describe = |e: wasm_bindgen::JsValue| super::idb::describe(&e);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(describe)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The download reads the blob after this task; free it once that has surely happened.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// A file-name-safe version of a title.
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "article".into()
    } else {
        stem
    }
}
