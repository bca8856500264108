#![no_main]
//! What a person hands in when the format is not given: the first byte picks the file's name
//! (a zip, JSON, JSON Lines, a brat text, a name without extension), the rest are its bytes.
//! The file is opened as the app's formats worker opens it (a zip's entries with their limits,
//! or the file decoded as text), each file's format is detected and the whole read: refused
//! naming a file, or a batch that keeps the core's promises. A zip that opens is written again
//! and reads back to the same texts.

use libfuzzer_sys::fuzz_target;
use newsmark_core::LabelSet;
use newsmark_formats::{bundle, OutputFile};
use newsmark_fuzz::{check_batch, check_error};

const NAMES: [&str; 5] = ["in.zip", "notes.json", "news.jsonl", "doc.txt", "download"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let files = match bundle::open_file(name, bytes.to_vec()) {
        Ok(files) => files,
        Err(e) => {
            assert!(e.file == name || e.file.starts_with(&format!("{name}/")), "an error naming another file: {e}");
            return;
        }
    };
    let unzipped = files.iter().any(|f| f.name != name);
    if unzipped {
        // Entries whose names and texts the writer keeps as they are: it shortens long names, and
        // the zip library takes what comes before a colon for a drive (names newsmark writes hold
        // neither); a text starting with U+FEFF loses it to the reader, as an opened file would.
        let kept: Vec<OutputFile> = files
            .iter()
            .filter_map(|f| Some(OutputFile { name: f.name.strip_prefix("in.zip/")?.to_string(), text: f.text.clone() }))
            .filter(|f| f.name.len() <= 255 && !f.name.contains(['\\', ':']) && !f.name.contains(char::is_control))
            .filter(|f| !f.text.starts_with('\u{feff}'))
            .collect();
        let again = bundle::read_zip("again.zip", &bundle::write_zip(&kept)).expect("a zip newsmark wrote is readable");
        let texts = |names: Vec<(&str, &str)>| names.into_iter().map(|(n, t)| (n.to_string(), t.to_string())).collect::<Vec<_>>();
        assert_eq!(
            texts(kept.iter().map(|f| (f.name.as_str(), f.text.as_str())).collect()),
            texts(again.iter().map(|f| (f.name.strip_prefix("again.zip/").unwrap_or(&f.name), f.text.as_str())).collect()),
        );
    }
    match bundle::read_any(files.clone(), &LabelSet::builtin()) {
        Ok(batch) => check_batch(&batch),
        Err(e) => check_error(&e, &files),
    }
});
