#![no_main]
//! brat standoff: the input is cut at NUL bytes into a `.txt`, its `.ann`, a second annotator's
//! `.ann` and an `annotation.conf` (as many as it holds), so the pairing, the line syntax, brat's
//! counting of CRLF and byte-order marks, discontinuous spans, events and notes are all reached.
//! Any input is refused naming a file and a line in it, or read into a batch that keeps the
//! core's promises and writes back to a fixed point (`newsmark_fuzz::read_and_check`).

use libfuzzer_sys::fuzz_target;
use newsmark_formats::{Format, InputFile};

const NAMES: [&str; 4] = ["doc.txt", "doc.ann", "doc_second.ann", "annotation.conf"];

fuzz_target!(|data: &[u8]| {
    let Some(text) = newsmark_fuzz::text(data) else { return };
    let files: Vec<InputFile> = NAMES.iter().zip(text.splitn(NAMES.len(), '\0')).map(|(name, part)| InputFile::new(*name, part)).collect();
    newsmark_fuzz::read_and_check(Format::Brat, &files);
});
