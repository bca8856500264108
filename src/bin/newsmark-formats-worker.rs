//! The formats worker's entry point: a Web Worker that answers `newsmark::workers::formats::Call`s.
fn main() {
    newsmark::workers::formats::register();
}
