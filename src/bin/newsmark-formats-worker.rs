//! The formats worker's entry point: a Web Worker that answers `newsmark::formats_worker::Call`s.
fn main() {
    newsmark::formats_worker::register();
}
