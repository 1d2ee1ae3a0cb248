//! Letters and digits, told apart from everything else at byte speed on ASCII and on the
//! punctuation of news text: the tokenizer of attribution and the words a language is read from
//! ([`lexicon::language_in`](super::lexicon)) split text at the same places, with the same
//! shortcuts.

/// General Punctuation (`“`, `’`, `—`, `…`) and the guillemets: characters that are no letter or
/// digit, known without the Unicode tables (most quotation marks and apostrophes).
#[inline]
pub(crate) fn holds_no_letters(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206f}' | '«' | '»')
}

/// `char::is_alphanumeric`, answering for ASCII and General Punctuation (`’`, `“`, `—`)
/// without the Unicode tables.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !holds_no_letters(c) && c.is_alphanumeric()
}

/// Eight bytes at once, each told by its high bit.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII letter or digit.
#[inline]
fn ascii_alnum_bits(x: u64) -> u64 {
    let each = |b: u8| u64::from_le_bytes([b; 8]);
    let ascii = !x & HIGH_BITS;
    // With seven bits a byte the sums never carry into the next byte, and the high bit of each
    // says whether the byte reached the bound.
    let y = x & !HIGH_BITS;
    let digit = (y + each(0x80 - b'0')) & !(y + each(0x80 - b'9' - 1));
    let folded = y | each(0x20);
    let letter = (folded + each(0x80 - b'a')) & !(folded + each(0x80 - b'z' - 1));
    (digit | letter) & ascii
}

/// Where the run of ASCII letters and digits from `at` ends, eight bytes at a time.
// (Always inlined: left to the compiler, the tokenizer's loop was compiled differently with
// unrelated changes elsewhere; forced, `read` over polnear-train fell from 436.8M to 435.4M
// instructions, world from 79.3M to 79.0M.)
#[inline(always)]
pub(crate) fn alnum_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let other = !ascii_alnum_bits(u64::from_le_bytes(eight)) & HIGH_BITS;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    at
}

/// Where the run of ASCII bytes from `at` ends, eight bytes at a time.
pub(crate) fn ascii_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let other = u64::from_le_bytes(eight) & HIGH_BITS;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortcuts_answer_as_the_unicode_tables() {
        for c in ('\0'..='\u{3000}').chain(['\u{ff21}', '\u{1d400}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn eight_bytes_at_once_tell_letters_and_digits_as_one_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'x'; 8];
                eight[at] = b;
                eight[(at + 3) % 8] = 0xff - b;
                let bits = ascii_alnum_bits(u64::from_le_bytes(eight));
                for (k, &byte) in eight.iter().enumerate() {
                    let told = bits >> (8 * k + 7) & 1 == 1;
                    assert_eq!(told, byte.is_ascii_alphanumeric(), "{byte:#x} at {k}");
                }
            }
        }
        let text = b"Secretary-General said";
        for from in 0..text.len() {
            let scalar = (from..text.len())
                .find(|&i| !text[i].is_ascii_alphanumeric())
                .unwrap_or(text.len());
            assert_eq!(alnum_run_end(text, from), scalar, "{from}");
        }
    }

    #[test]
    fn ascii_runs_end_at_the_first_other_byte() {
        let text = "Kyiv’s mayor said “no” to the plan, twice over".as_bytes();
        for from in 0..text.len() {
            let scalar = (from..text.len())
                .find(|&i| !text[i].is_ascii())
                .unwrap_or(text.len());
            assert_eq!(ascii_run_end(text, from), scalar, "{from}");
        }
    }
}
