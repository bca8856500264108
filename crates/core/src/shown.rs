//! How a name that may come from someone else's file is shown to people: an article's title, a
//! custom label's name, a relation's kind, a file name in a message. Characters that are invisible,
//! or that change the direction of the text around them, are shown as their code point, `⟨U+202E⟩`,
//! so a title ending in U+202E and "gnp.exe" cannot read as "exe.png", and two names that differ
//! only in an invisible character look different.
//!
//! Owns: which characters those are, and how they are written. Must never: change what is stored
//! or exported (only what is shown), or be used on an article's text, whose characters the
//! offsets count and which is shown exactly as it is.

/// Whether `c` is shown as its code point in a name: control characters (C0, DEL, C1), the
/// characters that embed, override or isolate a direction or mark one (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069), and characters that draw nothing or break a line (zero-width
/// spaces and joiners, U+2028 and U+2029, word joiners and invisible operators, the byte-order
/// mark, the soft hyphen, fillers, interlinear annotations, tag characters).
///
/// Zero-width joiners (U+200C, U+200D) are among them, although some scripts and emoji sequences
/// use them: in a name, an invisible character that makes two names look the same matters more.
pub fn is_hidden(c: char) -> bool {
    let n = u32::from(c);
    HIDDEN.iter().any(|&(first, last)| first <= n && n <= last)
}

/// The ranges of [`is_hidden`] characters, first and last of each.
const HIDDEN: [(u32, u32); 17] = [
    (0x0, 0x1F),
    (0x7F, 0x9F),
    (0xAD, 0xAD),
    (0x34F, 0x34F),
    (0x61C, 0x61C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),
];

/// `name` as it is shown: every character [`is_hidden`] says is written as `⟨U+XXXX⟩` (at least
/// four upper-case hex digits); everything else as it is.
pub fn shown_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if !is_hidden(c) {
            out.push(c);
            continue;
        }
        // Hex digits by hand: the page holds no integer formatting with padding otherwise.
        out.push_str("⟨U+");
        let n = u32::from(c);
        let digits = if n > 0xF_FFFF {
            6
        } else if n > 0xFFFF {
            5
        } else {
            4
        };
        for i in (0..digits).rev() {
            out.push(char::from(b"0123456789ABCDEF"[(n >> (4 * i) & 0xF) as usize]));
        }
        out.push('⟩');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_to_left_override_cannot_turn_a_name_around() {
        let title = "holiday\u{202e}gnp.exe";
        assert_eq!(shown_name(title), "holiday⟨U+202E⟩gnp.exe");
        // What a reader sees never holds the override itself, so "exe.png" cannot appear.
        assert!(!shown_name(title).contains('\u{202e}'));
    }

    #[test]
    fn every_invisible_or_direction_character_is_written_as_its_code() {
        for (c, code) in [
            ('\u{0}', "⟨U+0000⟩"),
            ('\u{7}', "⟨U+0007⟩"),
            ('\u{1b}', "⟨U+001B⟩"),
            ('\u{7f}', "⟨U+007F⟩"),
            ('\u{85}', "⟨U+0085⟩"),
            ('\u{9f}', "⟨U+009F⟩"),
            ('\u{ad}', "⟨U+00AD⟩"),
            ('\u{61c}', "⟨U+061C⟩"),
            ('\u{200b}', "⟨U+200B⟩"),
            ('\u{200c}', "⟨U+200C⟩"),
            ('\u{200d}', "⟨U+200D⟩"),
            ('\u{200e}', "⟨U+200E⟩"),
            ('\u{200f}', "⟨U+200F⟩"),
            ('\u{2028}', "⟨U+2028⟩"),
            ('\u{202a}', "⟨U+202A⟩"),
            ('\u{202b}', "⟨U+202B⟩"),
            ('\u{202c}', "⟨U+202C⟩"),
            ('\u{202d}', "⟨U+202D⟩"),
            ('\u{202e}', "⟨U+202E⟩"),
            ('\u{2060}', "⟨U+2060⟩"),
            ('\u{2066}', "⟨U+2066⟩"),
            ('\u{2067}', "⟨U+2067⟩"),
            ('\u{2068}', "⟨U+2068⟩"),
            ('\u{2069}', "⟨U+2069⟩"),
            ('\u{feff}', "⟨U+FEFF⟩"),
            ('\u{e0041}', "⟨U+E0041⟩"),
        ] {
            assert!(is_hidden(c), "U+{:04X}", u32::from(c));
            assert_eq!(shown_name(&format!("a{c}b")), format!("a{code}b"));
        }
    }

    #[test]
    fn visible_text_of_any_script_is_left_as_it_is() {
        for name in ["Claim", "énoncé", "مصدر", "שלום", "引用", "😀 ferry", "a\u{301}", "❤\u{fe0f}", "tab-less name", ""] {
            assert_eq!(shown_name(name), name);
        }
        assert!(!is_hidden(' '));
        assert!(!is_hidden('\u{a0}'), "a no-break space draws a space");
    }
}
