//! The bytes of a text file into text: UTF-8, or UTF-16 that says so with a byte-order mark.
//!
//! Owns: which encodings newsmark reads, where bytes stop being text, and the words for that
//! (shared by the app's article files and the formats' imports, like the core's import errors).
//! Must never: guess an encoding the bytes do not declare (text without a
//! byte-order mark is UTF-8 or refused), replace a byte it cannot read, or keep a byte-order mark
//! as part of the text.

/// Why bytes are not text newsmark reads. Each names the first byte at fault, counted from the
/// start of the file (byte-order mark included), as a hex viewer shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undecodable {
    /// Not UTF-8: the byte cannot start or continue a character (or the file ends inside one).
    NotUtf8 { byte: usize },
    /// UTF-16 by its byte-order mark, but of odd length: the last byte is half a code unit.
    OddUtf16 { byte: usize },
    /// UTF-16 by its byte-order mark, but the code unit starting at `byte` is half of a
    /// surrogate pair whose other half is missing.
    LoneSurrogate { byte: usize },
}

impl std::fmt::Display for Undecodable {
    /// What the file is, to follow "“name” is …" or a file's name and a colon.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // One write for all three: each format string costs the page's download.
        let (what, byte, why) = match *self {
            Undecodable::NotUtf8 { byte } => ("not UTF-8 text (byte ", byte, " cannot start or continue a character)"),
            Undecodable::OddUtf16 { byte } => ("UTF-16 text that ends in half a character (byte ", byte, ")"),
            Undecodable::LoneSurrogate { byte } => ("UTF-16 text with half of a character pair alone at byte ", byte, ""),
        };
        write!(f, "{what}{byte}{why}")
    }
}

/// The text of a file's bytes. A UTF-8 byte-order mark is dropped; `FF FE` or `FE FF` (not
/// followed by two zero bytes, which would be UTF-32) make the rest UTF-16, little- or big-endian.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, Undecodable> {
    let little = match bytes.as_slice() {
        [0xFF, 0xFE, 0, 0, ..] => return utf8(bytes),
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return utf8(bytes),
    };
    let body = &bytes[2..];
    if body.len() % 2 == 1 {
        return Err(Undecodable::OddUtf16 { byte: bytes.len() - 1 });
    }
    let units = body.chunks_exact(2).map(|p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
    let mut text = String::with_capacity(body.len());
    let mut at = 2;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| Undecodable::LoneSurrogate { byte: at })?;
        at += 2 * c.len_utf16();
        text.push(c);
    }
    Ok(text)
}

fn utf8(bytes: Vec<u8>) -> Result<String, Undecodable> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(e) => Err(Undecodable::NotUtf8 { byte: e.utf8_error().valid_up_to() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(bom_and_text: (&[u8], &str), little: bool) -> Vec<u8> {
        let mut out = bom_and_text.0.to_vec();
        for u in bom_and_text.1.encode_utf16() {
            out.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    const TEXT: &str = "Zoë said “yes” 😀\r\nعربي\n";

    #[test]
    fn utf8_with_or_without_its_byte_order_mark() {
        assert_eq!(decode_text(TEXT.as_bytes().to_vec()).unwrap(), TEXT);
        assert_eq!(decode_text([b"\xEF\xBB\xBF", TEXT.as_bytes()].concat()).unwrap(), TEXT);
        // Only the first mark is an encoding marker; a second is text.
        assert_eq!(decode_text(b"\xEF\xBB\xBF\xEF\xBB\xBFa".to_vec()).unwrap(), "\u{feff}a");
        assert_eq!(decode_text(Vec::new()).unwrap(), "");
    }

    #[test]
    fn utf16_both_ways_round_by_its_byte_order_mark() {
        assert_eq!(decode_text(utf16((&[0xFF, 0xFE], TEXT), true)).unwrap(), TEXT);
        assert_eq!(decode_text(utf16((&[0xFE, 0xFF], TEXT), false)).unwrap(), TEXT);
        assert_eq!(decode_text(vec![0xFF, 0xFE]).unwrap(), "");
        // Without a mark, UTF-16 is not guessed: its zero bytes are valid UTF-8, but "A\0" is
        // no article anyone meant, so only marked UTF-16 is read as UTF-16.
        assert_eq!(decode_text(utf16((&[], "é"), true)), Err(Undecodable::NotUtf8 { byte: 0 }));
    }

    #[test]
    fn broken_utf16_names_the_byte() {
        let mut odd = utf16((&[0xFF, 0xFE], "ab"), true);
        odd.push(b'c');
        assert_eq!(decode_text(odd), Err(Undecodable::OddUtf16 { byte: 6 }));
        // A high surrogate followed by a letter, after "a😀": byte 2 + 2 + 4.
        let mut lone = utf16((&[0xFE, 0xFF], "a😀"), false);
        lone.extend([0xD8, 0x3D, 0x00, 0x62]);
        assert_eq!(decode_text(lone), Err(Undecodable::LoneSurrogate { byte: 8 }));
        // A low surrogate alone, and a high one at the very end.
        assert_eq!(decode_text(vec![0xFF, 0xFE, 0x00, 0xDC]), Err(Undecodable::LoneSurrogate { byte: 2 }));
        assert_eq!(decode_text(vec![0xFF, 0xFE, 0x61, 0x00, 0x3D, 0xD8]), Err(Undecodable::LoneSurrogate { byte: 4 }));
    }

    #[test]
    fn other_bytes_are_refused_at_the_first_that_is_not_utf8() {
        assert_eq!(decode_text(b"caf\xE9".to_vec()), Err(Undecodable::NotUtf8 { byte: 3 }));
        // UTF-32 marks are not UTF-16 marks.
        assert_eq!(decode_text(vec![0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0]), Err(Undecodable::NotUtf8 { byte: 0 }));
        assert_eq!(decode_text(vec![0, 0, 0xFE, 0xFF, 0, 0, 0, 0x41]), Err(Undecodable::NotUtf8 { byte: 2 }));
        // A file cut inside a character.
        assert_eq!(decode_text("ab😀".as_bytes()[..4].to_vec()), Err(Undecodable::NotUtf8 { byte: 2 }));
    }
}
