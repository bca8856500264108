//! The analysis worker's entry point: a Web Worker that answers `newsmark::worker::Job`s.
fn main() {
    newsmark::worker::register();
}
