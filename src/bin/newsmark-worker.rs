//! The analysis worker's entry point: a Web Worker that answers `newsmark::workers::analysis::Job`s.
fn main() {
    newsmark::workers::analysis::register();
}
