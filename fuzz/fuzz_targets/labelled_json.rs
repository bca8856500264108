#![no_main]
//! newsmark's labelled JSON, read by the core as the page reads it: any input is refused with
//! one position, or read into a batch that keeps the core's promises; and read → write → read
//! gives the same articles and labels (the format loses nothing), its file a fixed point.

use libfuzzer_sys::fuzz_target;
use newsmark_core::format::import_json;
use newsmark_core::LabelSet;
use newsmark_formats::{Format, InputFile};
use newsmark_fuzz::{articles, read_and_check, text, write_and_read};

fuzz_target!(|data: &[u8]| {
    let Some(json) = text(data) else { return };
    read_and_check(Format::Newsmark, &[InputFile::new("newsmark.json", json)]);
    match import_json(json, &LabelSet::builtin()) {
        Ok(batch) => {
            let first = articles(&batch);
            let (_, again) = write_and_read(Format::Newsmark, &first, &batch.labels);
            assert_eq!(first, articles(&again), "labelled JSON lost something on the way");
            assert_eq!(batch.labels, again.labels, "labelled JSON changed the labels");
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains(" at line "), "serde_json's own position repeated: {message}");
        }
    }
});
