//! The `newsmark suggest` command, run as a person runs it.

use newsmark_core::LabelSet;
use std::process::Command;

fn newsmark(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newsmark")).args(args).output().expect("the binary runs")
}

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("newsmark-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn suggest_writes_one_document_per_file_that_imports_cleanly() {
    let a = temp_file(
        "strike.txt",
        "“We will fight on,” said Mara Lindqvist.\r\nThe union called on the council to freeze fares.\n".as_bytes(),
    );
    let b = temp_file("empty.txt", b"");
    let out = newsmark(&["suggest", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json = String::from_utf8(out.stdout).unwrap();
    // The output is valid labelled JSON: newsmark's own strict import accepts it.
    let docs = newsmark_core::format::import_json(&json, &LabelSet::builtin()).expect("valid labelled JSON").documents;
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].title, "strike.txt");
    assert_eq!(docs[0].text.as_str(), "“We will fight on,” said Mara Lindqvist.\r\nThe union called on the council to freeze fares.\n");
    assert_eq!(docs[1].title, "empty.txt");
    assert!(docs[1].spans.is_empty());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    for span in value["documents"][0]["spans"].as_array().unwrap() {
        assert_eq!(span["origin"], "suggested");
        assert!(span["confidence"].as_f64().is_some_and(|c| (0.0..=1.0).contains(&c)), "{span}");
        assert!(span["reason"].as_str().is_some_and(|r| !r.is_empty()), "{span}");
    }
}

#[test]
fn bad_input_is_named_and_writes_nothing() {
    let latin1 = temp_file("latin1.txt", b"caf\xe9");
    let out = newsmark(&["suggest", latin1.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("latin1.txt") && err.contains("not UTF-8"), "{err}");
    let out = newsmark(&["suggest", "/no/such/file.txt"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
    let out = newsmark(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: newsmark suggest FILE..."));
}
