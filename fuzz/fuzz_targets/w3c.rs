#![no_main]
//! W3C Web Annotation JSON-LD (position and quote selectors, collections, linking annotations):
//! any input is refused naming the file and a line in it, or read into a batch that keeps the
//! core's promises and writes back to a fixed point (`newsmark_fuzz::read_and_check`).

newsmark_fuzz::one_file_reader!(newsmark_formats::Format::W3c, "notes.jsonld");
