//! The app's Web Workers, each built by trunk as its own wasm and loaded on first use: the
//! analysis (suggestions) and the formats (other tools' files and zips). Each module holds the
//! worker's messages and its side, a `service::Service`; the page's ends live in `effects`
//! (both through `effects::worker_client`).

pub mod analysis;
pub mod formats;
pub mod service;
pub mod wire;
