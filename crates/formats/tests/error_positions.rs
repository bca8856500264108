//! Every import error gives one position, and the right one: a truncated or broken JSON file in
//! each format that reads JSON names the line and column where the JSON stops being valid (the
//! end of a truncated file, counted in characters), once; the reader that detects formats does
//! the same; and no message repeats serde_json's own " at line L column C".

use newsmark_core::LabelSet;
use newsmark_formats::{read, read_any, Format, FormatError, InputFile};

fn error(format: Format, name: &str, text: &str) -> FormatError {
    read(format, &[InputFile::new(name, text)], &LabelSet::builtin()).unwrap_err()
}

/// Asserts that `e` says exactly one position, line `line` and column `column`.
fn assert_at(e: &FormatError, line: usize, column: usize) {
    let message = e.to_string();
    assert_eq!(e.line, Some(line), "{message}");
    assert!(e.problem.ends_with(&format!("(column {column})")), "{message}");
    assert_eq!(message.matches("line").count(), 1, "one line: {message}");
    assert_eq!(message.matches("column").count(), 1, "one column: {message}");
}

/// One document per format, cut off after its second line: the end of the file is the place.
const TRUNCATED: [(Format, &str, &str); 5] = [
    (
        Format::Newsmark,
        "n.json",
        "{\"format\": \"newsmark-labelled-json\", \"version\": 1,\n \"documents\": [{\"title\": \"Café\",\n  \"text\": \"Zoë",
    ),
    (Format::Doccano, "d.jsonl", "{\"text\": \"Zoë said so\",\n \"label\": [[0, 3, \"PER\"],\n  [4, 8"),
    (Format::LabelStudio, "t.json", "[{\"data\": {\"text\": \"Zoë\"},\n \"annotations\": [\n  {\"result\": [{\"valu"),
    (Format::W3c, "w.jsonld", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n \"type\": \"Annotation\",\n \"body\": \"Zoë"),
    (Format::Spacy, "s.jsonl", "{\"text\": \"Zoë\",\n \"spans\": {\"sc\": [\n  {\"start\": 0, \"end\""),
];

#[test]
fn a_truncated_file_is_placed_at_its_end_in_every_json_format() {
    for (format, name, text) in TRUNCATED {
        let e = error(format, name, text);
        let last = text.lines().last().unwrap();
        assert_at(&e, 3, last.chars().count() + 1);
        assert!(e.problem.starts_with("not valid JSON: EOF while parsing"), "{e}");
        // With a line break after the cut, the end is the start of the next line; or, inside a
        // string, the line break is the fault.
        let e = error(format, name, &format!("{text}\n"));
        match e.problem.contains("EOF") {
            true => assert_at(&e, 4, 1),
            false => assert_at(&e, 3, last.chars().count() + 1),
        }
    }
}

#[test]
fn detecting_the_format_of_a_truncated_file_gives_the_same_single_position() {
    for (_, name, text) in TRUNCATED {
        let e = read_any(vec![InputFile::new(name, text)], &LabelSet::builtin()).unwrap_err();
        let column = text.lines().last().unwrap().chars().count() + 1;
        assert!(e.problem.starts_with(&format!("it is not valid JSON (line 3, column {column}: EOF while parsing")), "{e}");
        assert!(!e.problem.contains(" at line "), "{e}");
    }
}

#[test]
fn columns_count_characters_not_bytes() {
    // “é” and “😀” are several bytes each; the stray `x` is the 18th character of line 2.
    let text = "[{\"text\": \"é\",\n  \"label\": \"😀😀\", x}]";
    for format in [Format::Newsmark, Format::LabelStudio, Format::W3c] {
        let e = error(format, "f.json", text);
        assert_at(&e, 2, 18);
        assert!(e.problem.contains("key must be a string"), "{e}");
    }
}

#[test]
fn a_broken_later_line_of_json_lines_is_that_line() {
    let text = "{\"text\": \"a\", \"label\": []}\n\n{\"text\": \"ü\", \"label\": [}\n";
    for format in [Format::Doccano, Format::Spacy] {
        let e = error(format, "f.jsonl", text);
        assert_at(&e, 3, 25);
    }
    // Detected by its first line, the file is read as doccano and refused the same way.
    let e = read_any(vec![InputFile::new("f.jsonl", text)], &LabelSet::builtin()).unwrap_err();
    assert_at(&e, 3, 25);
    // A file whose format is not detected is refused with the broken line's position.
    let e = read_any(vec![InputFile::new("f.jsonl", "{\"a\": 1}\n\n{\"ü\": [}\n")], &LabelSet::builtin()).unwrap_err();
    assert!(e.problem.starts_with("line 3 is not valid JSON (column 8: expected value)"), "{e}");
    assert_eq!(e.problem.matches("line").count(), 1, "{e}");
}

#[test]
fn a_first_record_that_does_not_parse_alone_is_read_as_the_whole_file() {
    // One pretty-printed record with a fault on its fourth line: not the first line's end.
    let text = "\n{\n  \"text\": \"a\",\n  \"label\": [[0, 1, \"X\"]],,\n}\n";
    for format in [Format::Doccano, Format::Spacy] {
        let e = error(format, "f.jsonl", text);
        assert_at(&e, 4, 26);
    }
}

#[test]
fn a_raw_line_break_inside_a_string_is_placed_on_the_line_it_breaks() {
    let e = error(Format::LabelStudio, "t.json", "[{\"data\": {\"text\": \"one\ntwo\"}}]");
    assert_at(&e, 1, 24);
    assert!(e.problem.contains("control character"), "{e}");
}
