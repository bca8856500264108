//! The bytes of the messages between the page and its workers: a serde format laid out exactly
//! as bincode 1 lays out its default (fixed-width little-endian integers, `u64` lengths, `u32`
//! variant numbers, a `u8` before an `Option`'s value), written here so that the page holds no
//! bincode.
//!
//! Owns: turning a message into bytes and back. Must never: word an error (a message that cannot
//! be read is a bug, and the caller stops on it), or change the layout on its own:
//! `effects::worker_client::ReplyHead` reads a reply's first bytes itself.
//!
//! Why not bincode through gloo's codec: bincode's errors format serde's `Unexpected` values,
//! and with them Rust's float printer, into the page, and its `expect` prints `std::io` error
//! names; with bincode's own code that was 12 KB of the page's gzip (bench/RESULTS.md, "Page
//! size"). This format words nothing, so none of it stays.

use serde::{de, ser, Deserialize, Serialize};

/// Why a message could not be written or read; deliberately without details.
#[derive(Debug)]
pub struct WireError;

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("not a worker message")
    }
}

impl std::error::Error for WireError {}

impl ser::Error for WireError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        WireError
    }
}

// serde's default for each of these formats its arguments into `custom`'s; that formatting,
// unused here, is what this module exists to keep out of the page.
impl de::Error for WireError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        WireError
    }
    fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        WireError
    }
    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        WireError
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        WireError
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        WireError
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        WireError
    }
    fn missing_field(_: &'static str) -> Self {
        WireError
    }
    fn duplicate_field(_: &'static str) -> Self {
        WireError
    }
}

type Result<T> = std::result::Result<T, WireError>;

/// `value` as bytes.
pub fn to_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut writer = Writer(Vec::new());
    value.serialize(&mut writer)?;
    Ok(writer.0)
}

/// The value `to_bytes` wrote into `bytes` (bytes after it are ignored, as bincode does).
pub fn from_bytes<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T> {
    T::deserialize(&mut Reader(bytes))
}

mod read;
mod write;

use read::Reader;
use write::Writer;

#[cfg(test)]
mod tests;
