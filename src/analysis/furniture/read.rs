//! How a line reads: what it is on its own (its class, certain or
//! probable), whether it is shaped like a link, and what it may be in its
//! place (its [`Cues`]). Lines of body copy (a sentence longer than a
//! caption, or with a quote) leave early and read as nothing.

use super::credits::{self, byline, credit, Credit};
use super::lines::Rules;
use super::text::{core, normalise, word_count};
use super::types::{BoilerplateKind, Confidence, Cues, LineClass};
use super::{labels, stamps};
use crate::lexicon::furniture as lists;

/// How one line reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Read {
    pub class: Option<LineClass>,
    pub link: bool,
    pub cues: Cues,
}

/// Whether a line ends as a sentence does (`.`, `!`, `?`, `。`, perhaps
/// inside a closing quote or bracket); not in an ellipsis (`..`, `…`), which
/// cuts a teaser short.
fn ends_sentence(core: &str) -> bool {
    let end = core.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '」', '）']);
    end.ends_with(['.', '!', '?', '。', '！', '？', '．']) && !end.ends_with("..")
}

/// Words in a line: spaced words, or for writing without spaces (Chinese,
/// Japanese) about one word in two characters.
fn words_in(core: &str) -> usize {
    let spaced = word_count(core);
    let unspaced = core
        .chars()
        .filter(|c| matches!(*c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af))
        .count()
        / 2;
    spaced.max(unspaced)
}

/// A short sentence that could be a picture's caption: no quote marks, no
/// speech verb, and not opening as body copy does (`But`, `He`, `They`).
fn caption_shaped(core: &str, n: &str) -> bool {
    if quoted(core) || names_only(core) {
        return false;
    }
    let first = n.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    !lists::body_openers().contains(first) && !reports_speech(n)
}

/// Whether the line only names people, and maybe an age: the heading of
/// a list's entry (`Ahmed Helal, 40.`, `Salah Abu-Laban and Reem
/// As-Saba’ee.`), copy that the paragraphs after it go on from, not a
/// caption (which says what the picture shows: `Richard Osman (left), 40.`).
fn names_only(core: &str) -> bool {
    let words: Vec<&str> = core
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            crate::lexicon::names::is_name_shaped(w)
                || *w == "and"
                || (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Whether the line holds a quote mark (`“`, `"`, `«`).
fn quoted(core: &str) -> bool {
    core.contains(['“', '”', '"', '«', '»', '„'])
}

/// Whether the normalised line reports speech (`said`, `told`, `according`).
pub(super) fn reports_speech(n: &str) -> bool {
    n.split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && lists::speech_cues().contains(w))
}

/// Whether the raw line is an item of a list in the copy: it opens with a
/// bullet, a dash or a number and a stop (`• `, `- `, `1. `, `2) `).
fn list_item(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.starts_with(['•', '●', '▪', '◦', '‣', '–', '—', '·']) {
        return true;
    }
    if let Some(rest) = t.strip_prefix(['-', '*', '+']) {
        return rest.starts_with(char::is_whitespace);
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && t[digits..].starts_with(['.', ')'])
        && t[digits + 1..].starts_with(char::is_whitespace)
}

impl Rules {
    /// What a headline holds that rows of a list hold too: a figure, a
    /// label and a colon, a date; and whether it is in title case.
    fn headline_cues(core: &str, n: &str) -> Cues {
        let mut cues = Cues::NONE;
        if core.bytes().any(|b| b.is_ascii_digit()) {
            cues |= Cues::FIGURE;
        }
        if core.find(':').is_some_and(|i| word_count(&core[..i]) <= 2) {
            cues |= Cues::COLON;
        }
        if stamps::read(core, n).is_some() {
            cues |= Cues::DATED;
        }
        if crate::text::words::is_title_case(core) {
            cues |= Cues::TITLE;
        }
        if noted(core) {
            cues |= Cues::NOTED;
        }
        cues
    }
}

/// Whether a line ends in a note in brackets of more than one word, not in
/// capitals (`(Little Britain, BBC Three)`, `(Granada, ITV1)`; not a link's
/// `(VIDEO)` or `(Photos)`).
fn noted(core: &str) -> bool {
    let Some(inner) = core
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|i| &t[i + 1..]))
    else {
        return false;
    };
    inner.contains([' ', ',', '/']) && inner.chars().any(char::is_lowercase) && !inner.contains('(')
}

/// Whether a line that is no sentence reads as a story's headline rather
/// than a row of a list or a table in the copy: five to twenty words, at
/// most one with a figure and no price in cents nor a sum it is sold `for`
/// (`1 lemon, or 1/4 cup`, `Get it at Walmart for $199`, `Kyle Busch 5040
/// 5 1`), not opening with a
/// figure and a word in lower case (`8-9 ripe pears`), and no label before
/// a colon (`Q: Favourite artists?`, `England (Group A): 10th appearance`).
fn headline(core: &str, words: usize) -> bool {
    if !(5..=20).contains(&words) {
        return false;
    }
    let tokens: Vec<&str> = core.split_whitespace().collect();
    let money = |w: &str| w.starts_with(['$', '£', '€', '¥']);
    let cents = |w: &str| {
        money(w)
            && w.rsplit_once('.')
                .is_some_and(|(_, c)| c.len() == 2 && c.bytes().all(|b| b.is_ascii_digit()))
    };
    let sold = tokens
        .windows(2)
        .any(|w| w[0].eq_ignore_ascii_case("for") && money(w[1]));
    if tokens.iter().any(|w| cents(w)) || sold {
        return false;
    }
    let figures = tokens
        .iter()
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .count();
    let figure_first = tokens[0].bytes().any(|b| b.is_ascii_digit())
        && !tokens
            .get(1)
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    let labelled = core.find(':').is_some_and(|i| {
        let label = &core[..i];
        label.chars().count() <= 2 || label.contains(')')
    });
    figures <= 1 && !figure_first && !labelled
}

/// Whether every letter is a capital (two or more letters).
fn in_capitals(core: &str) -> bool {
    let mut letters = 0;
    for c in core.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn line(kind: BoilerplateKind, confidence: Confidence) -> Option<LineClass> {
    Some(LineClass::Line(kind, confidence))
}

impl Rules {
    /// How a line reads; `None` for a line of body copy.
    pub(super) fn read(&self, text: &str, buf: &mut String) -> Option<Read> {
        let core = core(text);
        if core.is_empty() {
            return None;
        }
        let mut r = Read {
            class: self.classify(text, buf),
            link: false,
            cues: Cues::NONE,
        };
        let words = words_in(core);
        // A sentence, or a line that leads into a list or a quote (`Here
        // are the highlights:`), is body copy.
        let prose = ((ends_sentence(core) || core.ends_with(':')) && words >= 6) || words >= 25;
        if prose && words > 60 && r.class.is_none() {
            return None;
        }
        r.link = self.is_link_line(core);
        normalise(core, buf);
        let n = buf.as_str();
        if r.class.is_none() && self.credit_tail(core, n) {
            r.class = line(BoilerplateKind::PictureCredit, Confidence::Certain);
        }
        let plain = caption_shaped(core, n);
        // A promotion or legal line is a set phrase: any first word, but
        // no quote and no speech verb.
        if r.class.is_none() && words <= 45 && !quoted(core) && !reports_speech(n) {
            r.class = labels::promo(n).and_then(|k| line(k, Confidence::Certain));
        }
        if r.class.is_none() && plain && words >= 2 {
            r.cues |= Cues::CAPTION;
        }
        if core.ends_with(':') {
            r.cues |= Cues::LEAD;
        }
        if list_item(text) {
            r.cues |= Cues::LIST_ITEM;
        }
        if words <= 40 && labels::sign_off(n) {
            r.cues |= Cues::SIGN_OFF;
        }
        if !prose {
            r.cues |= Self::short_cues(core, n, words);
            if r.class.is_none() {
                r.class = Self::lone_lines(core, n, words);
            }
        }
        if words <= 25 {
            Self::credits(core, n, &mut r);
        }
        if !prose && words <= 20 {
            Self::stamps(core, n, &mut r);
        } else if words <= 14 && lists::stamp_words().iter().any(|k| n.starts_with(k)) {
            // A stamp may end in `a.m.`, which reads as a sentence's end:
            // only one that opens with its word, and a certain one.
            let mut s = Read::default();
            Self::stamps(core, n, &mut s);
            if r.class.is_none() {
                r.class = s.class;
            }
        }
        // A headline of another story, if it stands among others like it.
        let other = Cues::LIST_ITEM | Cues::BYLINE | Cues::SIGN_OFF | Cues::STAMP;
        if r.link && !prose && r.class.is_none() && !r.cues.any(other) && headline(core, words) {
            r.cues |= Cues::HEADLINE | Self::headline_cues(core, n);
            // In capitals, eight words or more, or six with a quoted word:
            // a headline, not a subhead (`HOW TO USE A WATER BATH CANNER`).
            let quotes_a_word = core
                .split_whitespace()
                .any(|w| w.starts_with(['\'', '‘', '"', '“']));
            if in_capitals(core) && (words >= 8 || (words >= 6 && quotes_a_word)) {
                r.cues |= Cues::SHOUTED;
            }
        }
        if r.class.is_none() && words <= 8 {
            match labels::label(n) {
                Some((BoilerplateKind::SharePrompt, true)) => r.cues |= Cues::SHARE_BUTTON,
                Some((_, true)) => r.cues |= Cues::BUTTON,
                Some((kind, false)) => r.class = line(kind, Confidence::Certain),
                None => {}
            }
        }
        (r.class.is_some() || r.link || !r.cues.is_empty()).then_some(r)
    }

    /// Lines of no sentence that are furniture by what they hold: a
    /// reporter's handle or address, a line of tags, an author box's heading.
    fn lone_lines(core: &str, n: &str, words: usize) -> Option<LineClass> {
        use BoilerplateKind::*;
        // A post's signature names its handle too: it is the post's.
        if matches!(credit(core, n), Some(Credit::Signature)) {
            return None;
        }
        if words <= 6 {
            if let Some(kind) = labels::contact_line(core, n) {
                return line(kind, Confidence::Certain);
            }
        }
        if words <= 16 && labels::tag_line(core, n) {
            return line(PageChrome, Confidence::Certain);
        }
        if words <= 6 && credits::author_box(core, n) {
            return line(PageChrome, Confidence::Certain);
        }
        if words <= 16 && labels::breadcrumb(core) {
            return line(PageChrome, Confidence::Certain);
        }
        None
    }

    /// The cues of a line that is no sentence of copy.
    fn short_cues(core: &str, n: &str, words: usize) -> Cues {
        let mut cues = Cues::TEXT;
        // A label, not the tail of a wrapped sentence (`protect the
        // coast.`): no sentence stop, not opening in lower case, no quote.
        let label_shaped = !core.ends_with(['.', ',', ';', '!', '?'])
            && !core.starts_with(char::is_lowercase)
            && !core.contains(['“', '”', '"', '‘', '«']);
        if words <= 4 && label_shaped {
            cues |= Cues::SHORT;
        }
        if words <= 6 && in_capitals(core) {
            cues |= Cues::KICKER;
        }
        if words <= 10 && byline(core, n) {
            cues |= Cues::BYLINE;
        }
        if words <= 4 {
            if labels::section(n) {
                cues |= Cues::SECTION;
            }
            if labels::tags(n) {
                cues |= Cues::TAGS;
            }
            if labels::bare_number(n) {
                cues |= Cues::NUMBER;
            }
        }
        cues
    }

    /// Credits, captions and embedded posts' signatures.
    fn credits(core: &str, n: &str, r: &mut Read) {
        use BoilerplateKind::*;
        let found = credit(core, n);
        if r.class.is_none() {
            r.class = match found {
                Some(Credit::Only) => line(PictureCredit, Confidence::Certain),
                Some(Credit::Probable) => line(PictureCredit, Confidence::Probable),
                Some(Credit::Caption) => line(Caption, Confidence::Certain),
                Some(Credit::Signature) => line(Embed, Confidence::Probable),
                None => None,
            };
        }
        // A credit on its own line, of a picture (not of a graphic, nor a
        // bare agency name signing off the article).
        let credit_only = matches!(found, Some(Credit::Only | Credit::Probable))
            || (matches!(r.class, Some(LineClass::Line(PictureCredit, _)))
                && (2..=8).contains(&word_count(n))
                && !["graphic", "video", "illustration"]
                    .iter()
                    .any(|w| n.trim_start_matches('(').starts_with(w)));
        if credit_only {
            r.cues |= Cues::CREDIT;
        }
    }

    /// Time stamps: certain ones are furniture, bare dates and times a cue.
    fn stamps(core: &str, n: &str, r: &mut Read) {
        let Some(s) = stamps::read(core, n) else {
            return;
        };
        if s.certain() {
            if r.class.is_none() {
                r.class = line(BoilerplateKind::Timestamp, Confidence::Certain);
            }
        } else if s.cue() && (s.year || s.time) {
            // (A day and a month alone, `Saturday, 26 February`, is as
            // often a fact box's date over a match or an event as a page's.)
            r.cues |= Cues::STAMP;
        } else if s.date && !s.time && s.others == 0 {
            // (No year, or it were a stamp above.)
            r.cues |= Cues::DAY;
        }
    }
}
