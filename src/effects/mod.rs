//! I/O the reducer must not do: browser storage, reading files, downloads, the clock, and the
//! analysis and formats workers.
//!
//! Each effect turns its result into `Action`s. Must never: change the state directly.

pub mod analysis;
pub mod download;
pub mod file_kinds;
pub mod files;
pub mod formats;
pub mod idb;
pub mod paste;
pub mod rescue;
pub mod storage;
pub mod worker_client;

/// The current time as an ISO 8601 string, for export files.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
