//! How fast the quote finder and the whole analysis run natively, on the dev texts and on a
//! 1 MB article made of them.
//!
//! Owns: the timing rounds and the throughput printed. Must never: be read as the page's speed
//! (the browser benchmarks measure that).

use std::time::Instant;

use newsmark_analysis::doc::Doc;
use newsmark_analysis::quotes;

use crate::gold::Article;

/// Native throughput of the quote finder and of the whole analysis, over the dev texts and a
/// generated 1 MB article.
pub fn speed(articles: &[Article]) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let rounds = 20;
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for a in articles {
            n += quotes::find(&Doc::new(&a.text)).len();
        }
    }
    let q = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for _ in 0..rounds {
        for a in articles {
            n += newsmark_analysis::suggest(&a.text).len();
        }
    }
    let all = t.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!();
    println!(
        "speed (native, release, this machine): quotes::find {:.1} MB/s; whole suggest() {:.1} MB/s ({} results)",
        mb / q,
        mb / all,
        n
    );
    // A 1 MB article made of the dev articles repeated, as one block of paragraphs.
    let mut big = String::new();
    while big.len() < 1_000_000 {
        for a in articles {
            big.push_str(&a.text);
            big.push('\n');
        }
    }
    let t = Instant::now();
    let found = quotes::find(&Doc::new(&big)).len();
    let q1 = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let all1 = newsmark_analysis::suggest(&big).len();
    let a1 = t.elapsed().as_secs_f64();
    println!(
        "1 MB article ({} bytes): quotes::find {:.0} ms ({} quotes); whole suggest() {:.0} ms ({} suggestions)",
        big.len(),
        q1 * 1e3,
        found,
        a1 * 1e3,
        all1
    );
}
