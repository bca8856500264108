#![no_main]
//! doccano JSON Lines, both record shapes, offsets in UTF-16 code units: any input is refused
//! naming the file and a line in it, or read into a batch that keeps the core's promises and
//! writes back to a fixed point (`newsmark_fuzz::read_and_check`).

newsmark_fuzz::one_file_reader!(newsmark_formats::Format::Doccano, "news.jsonl");
