//! Byte offsets → UTF-16 code-unit offsets.
//!
//! The core reports byte offsets into UTF-8 text. JavaScript strings are
//! indexed by UTF-16 code units, so `text.slice(f.start, f.end)` needs the
//! offsets converted. A character takes one code unit unless it lies
//! outside the Basic Multilingual Plane (a 4-byte UTF-8 sequence, such as
//! most emoji), which takes two (a surrogate pair).
//!
//! Findings come sorted and do not overlap, so their offsets only grow, and
//! [`Utf16Cursor`] converts all of them in one forward pass over the text.
//! A cursor asked for an offset behind it starts over from the beginning:
//! still correct, only slower, and it never happens for the core's output.

/// Converts increasing byte offsets of one text into UTF-16 offsets,
/// scanning each byte of the text at most once.
#[derive(Debug)]
pub(crate) struct Utf16Cursor<'t> {
    /// The UTF-8 text the offsets point into.
    text: &'t [u8],
    /// Whether `text` is all ASCII, where byte and UTF-16 offsets are equal
    /// and no counting is needed.
    ascii: bool,
    /// The byte offset counted up to. Always `<= text.len()`.
    byte: usize,
    /// The UTF-16 offset of `byte`.
    unit: usize,
}

impl<'t> Utf16Cursor<'t> {
    /// A cursor at the start of `text`.
    pub(crate) fn new(text: &'t [u8]) -> Utf16Cursor<'t> {
        Utf16Cursor { text, ascii: text.is_ascii(), byte: 0, unit: 0 }
    }

    /// The UTF-16 offset of byte offset `to`. Offsets past the end of the
    /// text are clamped to its end; an offset inside a character counts
    /// the character's code units from its first byte up to `to`.
    pub(crate) fn unit_at(&mut self, to: usize) -> usize {
        let to = to.min(self.text.len());
        if self.ascii {
            return to;
        }
        if to < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += utf16_len(&self.text[self.byte..to]);
        self.byte = to;
        self.unit
    }
}

/// The number of UTF-16 code units the UTF-8 bytes `s` encode: one per
/// byte that starts a character, plus one more per 4-byte lead byte (a
/// character outside the BMP, written as a surrogate pair).
pub(crate) fn utf16_len(s: &[u8]) -> usize {
    s.iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slow, obviously right answer: count the code units of every
    /// character that starts before `to`.
    fn naive(s: &str, to: usize) -> usize {
        s.char_indices()
            .take_while(|&(i, _)| i < to)
            .map(|(_, c)| c.len_utf16())
            .sum()
    }

    #[test]
    fn ascii_is_identity() {
        let s = "card 4111 1111 1111 1111 ok";
        let mut c = Utf16Cursor::new(s.as_bytes());
        assert_eq!(c.unit_at(5), 5);
        assert_eq!(c.unit_at(24), 24);
        assert_eq!(c.unit_at(1000), s.len());
    }

    #[test]
    fn surrogate_pairs_and_bmp() {
        // "😀" is 4 bytes and 2 units; "é" is 2 bytes and 1 unit; "€" is
        // 3 bytes and 1 unit.
        let s = "😀é€ 4111";
        let mut c = Utf16Cursor::new(s.as_bytes());
        let start = s.find('4').unwrap();
        assert_eq!(start, 10);
        assert_eq!(c.unit_at(start), 5);
        assert_eq!(c.unit_at(s.len()), 9);
        assert_eq!(s.encode_utf16().count(), 9);
    }

    #[test]
    fn every_offset_matches_naive() {
        let s = "a😀b\u{00e9}\u{20ac}c\u{10348}d \u{a0}1";
        let bounds: Vec<usize> =
            (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        let mut c = Utf16Cursor::new(s.as_bytes());
        for &b in &bounds {
            assert_eq!(c.unit_at(b), naive(s, b), "offset {b}");
        }
        // Going backwards restarts and is still right.
        assert_eq!(c.unit_at(1), 1);
        assert_eq!(c.unit_at(5), naive(s, 5));
    }

    #[test]
    fn utf16_len_matches_std() {
        for s in ["", "abc", "😀😀", "\u{7ff}\u{800}\u{ffff}\u{10000}"] {
            assert_eq!(utf16_len(s.as_bytes()), s.encode_utf16().count());
        }
    }
}
