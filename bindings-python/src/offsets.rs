//! Byte offsets to Python `str` indices (code points).
//!
//! The core reports byte offsets into the UTF-8 text. A Python `str` is
//! indexed by code point, so `text[f.start:f.end]` needs the number of code
//! points before each byte offset. That is the number of bytes before it
//! that are not UTF-8 continuation bytes (`0b10xx_xxxx`).
//!
//! Findings come in order of position, so [`CodePoints`] walks the text
//! once, forward, counting from the previous offset to the next one. It
//! never rescans from the start; an offset behind the cursor (overlapping
//! findings, which the core does not produce today) is handled by counting
//! backwards from the cursor.

/// Converts increasing byte offsets of one text into code-point offsets in
/// one forward pass.
#[derive(Debug)]
pub(crate) struct CodePoints<'t> {
    /// The UTF-8 text the offsets point into.
    text: &'t [u8],
    /// The byte offset the cursor is at.
    byte: usize,
    /// The number of code points in `text[..byte]`.
    chars: usize,
}

impl<'t> CodePoints<'t> {
    /// A converter for offsets into `text`.
    pub(crate) fn new(text: &'t [u8]) -> CodePoints<'t> {
        CodePoints { text, byte: 0, chars: 0 }
    }

    /// The code-point offset of byte offset `at` (clamped to the text's
    /// length). An offset inside a character maps to the start of the
    /// character after it, which the core never asks for: its spans sit on
    /// character boundaries.
    pub(crate) fn char_offset(&mut self, at: usize) -> usize {
        let at = at.min(self.text.len());
        if at >= self.byte {
            self.chars += count_chars(&self.text[self.byte..at]);
        } else {
            self.chars -= count_chars(&self.text[at..self.byte]);
        }
        self.byte = at;
        self.chars
    }
}

/// The number of bytes in `bytes` that start a character: every byte but
/// the continuation bytes `0x80..=0xBF`.
fn count_chars(bytes: &[u8]) -> usize {
    // `b as i8 >= -0x40` is true exactly for bytes outside 0x80..=0xBF; the
    // loop has no branches and the compiler vectorises it.
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slow, obvious answer: count chars whose start is before `at`.
    fn naive(text: &str, at: usize) -> usize {
        text.char_indices().take_while(|&(i, _)| i < at).count()
    }

    #[test]
    fn matches_char_indices() {
        let text = "a€😀b ü中文 4111 Ω";
        let mut bounds: Vec<usize> =
            text.char_indices().map(|(i, _)| i).collect();
        bounds.push(text.len());
        let mut cp = CodePoints::new(text.as_bytes());
        for &b in &bounds {
            assert_eq!(cp.char_offset(b), naive(text, b), "forward at {b}");
        }
        for &b in bounds.iter().rev() {
            assert_eq!(cp.char_offset(b), naive(text, b), "backward at {b}");
        }
    }

    #[test]
    fn clamps_past_the_end() {
        let mut cp = CodePoints::new("é".as_bytes());
        assert_eq!(cp.char_offset(10), 1);
    }
}
