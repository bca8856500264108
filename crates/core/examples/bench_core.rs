//! Prints how long the core's heavy operations take on a large article: loading the text,
//! snapping selections, adding spans through the reducer, undo, export and import.
//! A benchmark, not a test: `cargo run --release -p newsmark-core --example bench_core`.
//! Native timings; the browser adds wasm and DOM costs on top.

use newsmark_core::LabelSet;
use std::time::Instant;

use newsmark_core::format::{export_json, import_json};
use newsmark_core::{reduce, Action, CpRange, Label, State, StoredWorkspace};

/// Real-looking wire text with curly quotes, an emoji and CRLF line ends, repeated to `bytes`.
fn article(bytes: usize) -> String {
    let paragraph = "“We will not accept this,” said union secretary Mara Lindqvist 😀, adding that \
                     the council had ignored two earlier warnings. According to the authority, \
                     ridership fell by 7 percent in 2025.\r\n\r\n";
    paragraph.repeat(bytes / paragraph.len() + 1)
}

fn time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!("{what:<52} {:>9.2} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
}

fn main() {
    let text = article(5 * 1024 * 1024);
    println!("article: {:.1} MB, {} code points", text.len() as f64 / 1_048_576.0, text.chars().count());
    let empty = StoredWorkspace { articles: vec![], open: None, snap_to_words: true, next_article: 1, labels: LabelSet::builtin() };
    let state = reduce(&State::default(), Action::Restore(Some(empty)));
    let mut state =
        time("add the 5 MB article (index its text)", || reduce(&state, Action::AddArticle { title: "Bench".into(), text: text.clone() }));
    let len = state.open_article().unwrap().text.len();

    const SPANS: usize = 10_000;
    let step = len / SPANS;
    time(&format!("select + tag {SPANS} spans through the reducer"), || {
        for i in 0..SPANS {
            let start = i * step + 3;
            state = reduce(&state, Action::Select(Some(CpRange::new(start, start + step / 2))));
            state = reduce(&state, Action::Tag(Label::BUILTIN[i % 4]));
        }
    });
    println!("spans: {}", state.open_article().unwrap().spans.len());
    let one = Instant::now();
    let mid = len / 2 + 7;
    let tagged = reduce(&reduce(&state, Action::Select(Some(CpRange::new(mid, mid + 30)))), Action::Tag(Label::Quote));
    println!("{:<52} {:>9.2} ms", "one more span with 10,000 present", one.elapsed().as_secs_f64() * 1000.0);
    time("undo it", || reduce(&tagged, Action::Undo));
    let article = state.open_article().unwrap().clone();
    let json = time("export the article with 10,000 spans", || export_json(&[&article], &LabelSet::builtin(), "2026-11-21T00:00:00Z"));
    println!("export size: {:.1} MB", json.len() as f64 / 1_048_576.0);
    let docs = time("import it back (full validation)", || import_json(&json, &LabelSet::builtin()).unwrap());
    assert_eq!(docs.documents[0].spans.len(), article.spans.len());
}
