//! Tokens to text.

use super::statement::Gen;
use super::tokens::{
    Apostrophe, Case, Tok, Word, NUM_COMMAS, QCLOSE, QOPEN, QUOTE_MARKS, SENT_START,
};

impl Gen<'_> {
    /// The text of `toks`, built in `out` and returned in an allocation of its own size.
    pub(super) fn render(&self, toks: &[Tok], out: &mut String) -> String {
        out.clear();
        for (i, t) in toks.iter().enumerate() {
            if i > 0 {
                out.push_str(t.pre.as_str());
            }
            if t.flags & QOPEN != 0 {
                out.push(QUOTE_MARKS[t.quote as usize].0);
            }
            self.render_word(t, out);
            if t.flags & QCLOSE != 0 {
                out.push(QUOTE_MARKS[t.quote as usize].1);
            }
            out.push_str(t.punct.as_str());
        }
        out.as_str().to_owned()
    }

    /// The text of one token's word (a number, or a word with its case, apostrophe and typo)
    /// onto `out`.
    fn render_word(&self, t: &Tok, out: &mut String) {
        if let Word::Num(v) = t.word {
            push_number(v, t.flags & NUM_COMMAS != 0, out);
            return;
        }
        let word = self.v.word(t.word);
        let capital = capitalised(t);
        // The common case: the word as stored, perhaps with a capital.
        if t.typo[0] == 0
            && matches!(t.case, Case::Natural | Case::Title)
            && !matches!(t.word, Word::Apos(_))
        {
            push_capitalised(word, capital, out);
            return;
        }
        let (letters, len) = with_typo(word.as_bytes(), t.typo);
        push_letters(t, &letters[..len], capital, out);
    }
}

/// Whether a token's first letter is a capital when its case leaves the rest alone.
fn capitalised(t: &Tok) -> bool {
    match t.case {
        Case::Natural => t.flags & SENT_START != 0 || matches!(t.word, Word::Name(_)),
        Case::Title => true,
        _ => false,
    }
}

/// `word` onto `out`, its first letter made a capital if `capital`.
fn push_capitalised(word: &str, capital: bool, out: &mut String) {
    match word.as_bytes().first() {
        Some(&b) if capital => {
            out.push(b.to_ascii_uppercase() as char);
            out.push_str(&word[1..]);
        }
        _ => out.push_str(word),
    }
}

/// The letters of `src` with the typo `[op, pos, ch]` made (1 insert, 2 delete, 3 substitute,
/// 4 transpose, 0 none), and their number.
fn with_typo(src: &[u8], typo: [u8; 3]) -> ([u8; 24], usize) {
    let mut w = [0u8; 24];
    let mut len = src.len();
    w[..len].copy_from_slice(src);
    let [op, pos, ch] = typo;
    let pos = pos as usize;
    match op {
        1 => {
            w.copy_within(pos..len, pos + 1);
            w[pos] = ch;
            len += 1;
        }
        2 => {
            w.copy_within(pos + 1..len, pos);
            len -= 1;
        }
        3 => w[pos] = ch,
        4 => w.swap(pos, pos + 1),
        _ => {}
    }
    (w, len)
}

/// The letters of a token's word onto `out`, in the token's case and apostrophe form.
fn push_letters(t: &Tok, letters: &[u8], capital: bool, out: &mut String) {
    for (j, &b) in letters.iter().enumerate() {
        if b == b'\'' {
            match t.apos {
                Apostrophe::Straight => out.push('\''),
                Apostrophe::Curly => out.push('’'),
                Apostrophe::Dropped => {}
            }
            continue;
        }
        let c = match t.case {
            Case::Upper => b.to_ascii_uppercase(),
            Case::Lower => b.to_ascii_lowercase(),
            _ if j == 0 && capital => b.to_ascii_uppercase(),
            _ => b,
        };
        out.push(c as char);
    }
}

fn push_number(v: u32, commas: bool, out: &mut String) {
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut x = v;
    loop {
        digits[len] = b'0' + (x % 10) as u8;
        len += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    for k in (0..len).rev() {
        out.push(digits[k] as char);
        if commas && k > 0 && k % 3 == 0 {
            out.push(',');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format() {
        let mut s = String::new();
        push_number(5000, true, &mut s);
        s.push(' ');
        push_number(5000, false, &mut s);
        s.push(' ');
        push_number(1_234_567, true, &mut s);
        s.push(' ');
        push_number(12, true, &mut s);
        assert_eq!(s, "5,000 5000 1,234,567 12");
    }
}
