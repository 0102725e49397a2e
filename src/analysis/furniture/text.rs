//! How the furniture scanner reads a line's text: its core (without
//! bullets, Markdown marks and emoji), its normalised form, and its shape
//! (a headline, a credit of agencies only, a row of share buttons).

use crate::lexicon::furniture as lists;

/// The line without surrounding space, bullets, Markdown marks or emoji.
pub(super) fn core(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
        .trim_start_matches(|c: char| !(c.is_alphanumeric() || "([©ⓒ\"'“‘@£$€".contains(c)))
        .trim_end_matches(|c: char| {
            c.is_whitespace()
                || c == '*'
                || c == '_'
                || c == '\u{200b}'
                || (!c.is_ascii() && !c.is_alphanumeric() && !"”’…»".contains(c))
        })
}

/// A pattern compiled with ASCII word boundaries: a Unicode `\b` keeps the
/// fast DFA engines off any line with a non-ASCII character (a `£`, an
/// accent, an emoji), and the slow ones cost a fifth of the furniture
/// scan. The patterns' words are ASCII, so only a boundary beside a
/// non-ASCII letter reads otherwise (`café` ends a word at `é`).
pub(super) fn ascii_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
}

/// Lower-cased, with curly apostrophes and quotes straightened, dashes as
/// `-`, runs of any space as one ` `, and `*` (Markdown bold) dropped.
pub(super) fn normalise(core: &str, buf: &mut String) {
    buf.clear();
    let mut space = false;
    for c in core.chars() {
        let c = match c {
            '’' | '‘' | 'ʼ' | '′' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' | '‑' => '-',
            'ⓒ' | 'Ⓒ' => '©',
            '*' => continue,
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => c,
        };
        if space && !buf.is_empty() {
            buf.push(' ');
        }
        space = false;
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Short, capitalised, one sentence at most and no full stop: a headline,
/// not a (wrapped) line of body copy.
pub(super) fn headline_shaped(s: &str) -> bool {
    let s = s.trim();
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || "\"'“‘£$€[".contains(first)
        || (!first.is_alphanumeric() && !first.is_ascii()))
    {
        return false;
    }
    if s.len() > 200 || word_count(s) > 20 {
        return false;
    }
    if s.ends_with(['.', ',', ';', ':', '-']) && !s.ends_with("...") {
        return false;
    }
    // A sentence that ends inside its closing quote mark (`… 42 days.”`).
    if [".”", ".\"", ".’", ".'", ",”", ",\""]
        .iter()
        .any(|e| s.ends_with(e))
    {
        return false;
    }
    let last = s
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\''))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if lists::trailing_words().contains(last) {
        return false;
    }
    // Two sentences: a lower-case word, a full stop (or `?`, `!`), a capital.
    let b = s.as_bytes();
    !(2..b.len().saturating_sub(2)).any(|i| {
        matches!(b[i], b'.' | b'?' | b'!')
            && b[i + 1] == b' '
            && b[i - 1].is_ascii_lowercase()
            && b[i - 2].is_ascii_lowercase()
            && b[i + 2].is_ascii_uppercase()
    })
}

/// `Getty Images`, `PA Wire/PA Images`, `AFP via Getty Images` (normalised).
pub(super) fn is_credit_only(n: &str) -> bool {
    let mut agency = false;
    let mut count = 0;
    for w in n.split(|c: char| c.is_whitespace() || "/,|;".contains(c)) {
        if w.is_empty() {
            continue;
        }
        count += 1;
        if lists::agencies().contains(w) {
            agency = true;
        } else if !lists::credit_words().contains(w) {
            return false;
        }
    }
    agency && count <= 6
}

/// `Facebook Twitter WhatsApp Email`: a row of share buttons (normalised),
/// two different ones at least (`X X X` is a section break).
pub(super) fn is_network_list(n: &str) -> bool {
    let mut first: Option<&str> = None;
    let mut two = false;
    for w in n.split(|c: char| c.is_whitespace() || "/,|·•".contains(c)) {
        if w.is_empty() {
            continue;
        }
        if !lists::share_networks().contains(w) {
            return false;
        }
        match first {
            None => first = Some(w),
            Some(f) => two |= f != w,
        }
    }
    two
}
