#![no_main]
//! A file's bytes into text (`core::encoding::decode_text`): what decodes encodes back to the
//! same bytes in the encoding its byte-order mark named (UTF-8 without one), less the mark; what
//! is refused names the first byte at fault, and everything before it decodes.

use libfuzzer_sys::fuzz_target;
use newsmark_core::encoding::{decode_text, Undecodable};

fn utf16_mark(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => None,
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let mark = utf16_mark(data);
    match decode_text(data.to_vec()) {
        Ok(text) => {
            let encoded: Vec<u8> = match mark {
                Some(little) => text.encode_utf16().flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect(),
                None => text.as_bytes().to_vec(),
            };
            let body = match mark {
                Some(_) => &data[2..],
                None => data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data),
            };
            assert_eq!(encoded, body, "decoded text does not encode back");
        }
        Err(Undecodable::NotUtf8 { byte }) => {
            assert!(mark.is_none(), "UTF-16 refused as UTF-8");
            assert_eq!(Some(byte), std::str::from_utf8(data).err().map(|e| e.valid_up_to()));
        }
        Err(Undecodable::OddUtf16 { byte }) => {
            assert!(mark.is_some() && data.len() % 2 == 1 && byte == data.len() - 1, "odd length at {byte} of {}", data.len());
        }
        Err(Undecodable::LoneSurrogate { byte }) => {
            assert!(mark.is_some() && byte % 2 == 0 && byte >= 2 && byte + 2 <= data.len(), "lone surrogate at {byte}");
            assert!(decode_text(data[..byte].to_vec()).is_ok(), "the bytes before {byte} do not decode");
        }
    }
});
