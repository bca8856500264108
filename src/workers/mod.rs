//! The app's Web Workers, each built by trunk as its own wasm and loaded on first use: the
//! analysis (suggestions) and the formats (other tools' files and zips). Each module holds the
//! worker's messages and its side; the page's ends live in `effects`.

pub mod analysis;
pub mod formats;
