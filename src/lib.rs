//! newsmark in the browser: Yew components, DOM glue and effects around `newsmark_core`.
//!
//! The core decides; this crate renders the core's state, turns DOM events into `Action`s and
//! performs I/O (storage, files, downloads). See ARCHITECTURE.md for the map.

pub mod app;
pub mod components;
pub mod dom;
pub mod effects;
#[cfg(feature = "fault-trigger")]
pub mod fault_trigger;
pub mod store;
pub mod words;
pub mod workers;

/// Mounts the app on the page's body.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}
