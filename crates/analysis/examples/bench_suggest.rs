//! Prints how long `suggest` takes on a generated 1 MB news article, per detector and in all.
//! A benchmark, not a test: `cargo run --release -p newsmark-analysis --example bench_suggest`.
//! The same text generator as `bench/suggest-large-article.js`, which measures it in the browser.

use std::time::Instant;

use newsmark_analysis::{claims, demands, doc::Doc, opinions, quotes, suggest};

/// Wire-style paragraphs with quotes, reported claims, demands and opinions, repeated to `bytes`.
fn article(bytes: usize) -> String {
    let paragraphs = [
        "“We are not going to balance the budget on the backs of commuters,” Mayor Ines Carvalho told reporters on Tuesday. “This council heard them.”",
        "According to the authority’s annual report, ridership fell by 7 percent in 2025, and two officials familiar with the talks said the routes could be cut by summer.",
        "The union called on the council to freeze fares for two years, to publish the accounts, and to give commuters a seat on the board 😀.",
        "Lena Fischer, a transport economist at the University of Westmarch, said the rise was overdue. “I don’t think a pause is a victory,” she said.",
        "The council will take up the budget again in June. Fares remain at 2.40 euros for a single crossing.",
    ];
    let mut out = String::with_capacity(bytes + 512);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(paragraphs[i % paragraphs.len()]);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!("{what:<28} {:>8.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
}

fn main() {
    let text = article(1024 * 1024);
    println!("article: {:.2} MB, {} paragraphs", text.len() as f64 / 1_048_576.0, text.matches("\n\n").count());
    let doc = time("split (Doc::new)", || Doc::new(&text));
    let q = time("quotes", || quotes::find(&doc));
    time("claims", || claims::find(&doc, &q));
    time("demands", || demands::find(&doc, &q));
    time("opinions", || opinions::find(&doc, &q));
    let all = time("suggest (all of it)", || suggest(&text));
    println!("suggestions: {}", all.len());
}
