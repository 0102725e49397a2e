//! The mention a name core makes: its honorific or title (`Mr`, `Foreign
//! Minister`), a role before it (`Ukraine’s Foreign Minister`) or after it
//! (`, the US secretary of state,`), and the parts of the name (given name,
//! surname with its particles, a generational suffix).

use std::ops::Range;

use super::para::Scan;
use super::tokens::{is_space, is_suffix, Shape};
use super::types::Mention;
use super::variants;
use crate::lexicon::names::Gender;
use crate::lexicon::names::{
    determiners, is_cap_particle, is_known_surname, role_connectors, Lexical,
};

/// A small word inside a role (`of`, `the`), as written in lower case.
fn is_connector(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && role_connectors().contains(w)
}

/// The honorific or title before the name core starting at `i`: its first
/// token, the gender it gives, and whether it is a courtesy one (`Mr`).
fn honorific_at(s: &Scan<'_>, i: usize, floor: usize) -> (usize, Option<Gender>, bool) {
    if i > floor && s.joined(i - 1) {
        if let Some(Lexical::Honorific(g)) = s.lexical(i - 1) {
            return (i - 1, g, true);
        }
    }
    let mut m = i;
    let mut head = false;
    let mut gender = None;
    while m > floor && i - m < 8 && s.joined(m - 1) {
        if let Some(Lexical::Title { head: h, gender: g }) = s.lexical(m - 1) {
            m -= 1;
            head |= h;
            gender = gender.or(g);
            continue;
        }
        // `Secretary of State`: a connector between title words.
        if m >= floor + 2
            && matches!(s.word(m - 1), "of" | "for")
            && s.joined(m - 2)
            && s.title_head(m - 2).is_some()
            && m < i
        {
            m -= 1;
            continue;
        }
        break;
    }
    if head {
        (m, gender, false)
    } else {
        (i, None, false)
    }
}

/// Whether token `p`, before `r`, can be part of a role ending before
/// `role_last`.
fn role_token(
    s: &Scan<'_>,
    p: usize,
    r: usize,
    role_last: usize,
    floor: usize,
    courtesy: bool,
) -> bool {
    let toks = &s.toks;
    match toks[p].shape {
        Shape::Cap => !matches!(s.lexical(p), Some(Lexical::Common | Lexical::Honorific(_))),
        Shape::AllCaps | Shape::Initials => true,
        // Before `Mr` or `Sir`, only capitalised titles (`Prime Minister
        // Sir Keir Starmer`): in `would judge Mr Sánchez` `judge` is a verb.
        Shape::Lower | Shape::Particle if courtesy => false,
        Shape::Lower | Shape::Particle => {
            s.role_word(p).is_some()
                || (toks[p].possessive && r < role_last)
                || (is_connector(s.word(p))
                    && s.word(p) != "and"
                    && r < role_last
                    && p > floor
                    && s.joined(p - 1)
                    && title_follows(s, p + 1))
        }
        _ => false,
    }
}

/// The role before the honorific or name (`role_last` is its first token):
/// back over title words, role nouns, places, possessives, acronyms. The
/// role's first token and text, when it has a head noun.
fn role_before(
    s: &Scan<'_>,
    role_last: usize,
    floor: usize,
    courtesy: bool,
) -> (usize, Option<String>) {
    let toks = &s.toks;
    let mut r = role_last;
    // Roles are short: look back at most 12 words (keeps scanning linear).
    let floor = floor.max(role_last.saturating_sub(12));
    while r > floor && s.adjacent(r - 1) && role_token(s, r - 1, r, role_last, floor, courtesy) {
        r -= 1;
    }
    while r < role_last && (is_connector(s.word(r)) || determiners().contains(s.word(r))) {
        r += 1;
    }
    let has_head = (r..role_last).any(|p| match toks[p].shape {
        Shape::Cap => s.title_head(p) == Some(true) || s.role_word(p) == Some(true),
        Shape::Lower => s.role_word(p) == Some(true),
        _ => false,
    });
    // `Prime Minister’s Questions`: a possessive right before is not a title.
    let has_head = has_head && !(role_last > 0 && toks[role_last - 1].possessive);
    let role =
        (has_head && r < role_last).then(|| s.normalised(toks[r].start..toks[role_last - 1].end));
    (r, role)
}

/// The first token of the surname of the core `i..=j`: the last word and the
/// particles before it; a known given name first is never the surname.
fn surname_start(s: &Scan<'_>, i: usize, j: usize) -> usize {
    let mut sn = j;
    while sn > i && (s.toks[sn - 1].shape == Shape::Particle || is_cap_particle(s.word(sn - 1))) {
        sn -= 1;
    }
    // `Al Gore`, `Van Morrison`: a particle that is also a given name is the
    // given name before a known surname (but `Al Sisi`, `Van Dijk`), or
    // before a double-barrelled one ending in a known surname (`Sir Al
    // Aynsley-Green`: particles join a name with a space, not a hyphen).
    let particle_first = j > i
        && is_cap_particle(s.word(i))
        && !is_known_surname(s.word(i + 1))
        && !double_barrelled(s.word(i + 1));
    if sn == i && j > i && s.given_name(i).is_some() && !particle_first {
        sn = i + 1;
    }
    sn
}

/// A double-barrelled surname whose last part is a known surname
/// (`Aynsley-Green`, `Lewis-Francis`; not `al-Sisi`, `Abdel-Rahman`).
fn double_barrelled(w: &str) -> bool {
    let mut parts = w.split(crate::text::words::is_hyphen);
    let first = parts.next().unwrap_or("");
    let last = parts.next_back().unwrap_or("");
    first.chars().count() >= 2
        && first.starts_with(char::is_uppercase)
        && last.starts_with(char::is_uppercase)
        && is_known_surname(last)
}

/// A generational suffix after the name's last token `j`: `Jr.`, `, Sr.`.
fn suffix_after<'t>(s: &Scan<'t>, j: usize) -> Option<&'t str> {
    let toks = &s.toks;
    (j + 1 < toks.len())
        .then(|| s.word(j + 1))
        .filter(|w| is_suffix(w) && !toks[j].possessive)
        .filter(|_| {
            let gap = &s.text[toks[j].outer_end..toks[j + 1].start];
            gap.chars().all(|c| is_space(c) || c == ',')
        })
}

/// What [`mention`] found around the core, besides the name.
struct Around {
    /// First token of the honorific (the core's first when none).
    k: usize,
    /// First token of the mention, role words included.
    first: usize,
    gender: Option<Gender>,
    role: Option<String>,
    start: usize,
    confident: bool,
}

/// Builds the mention for the name core `i..=j`, with honorific and roles;
/// role scans do not go back past token `floor`.
pub(super) fn mention(s: &Scan<'_>, i: usize, j: usize, floor: usize) -> Option<Mention> {
    let toks = &s.toks;
    let (k, gender, courtesy) = honorific_at(s, i, floor);
    let (r, mut role) = role_before(s, if courtesy { k } else { i }, floor, courtesy);
    let single = i == j;
    let confident = !single || k < i || role.is_some();
    // A bare word: never a place, organisation, title or common word.
    if !confident && s.lexical(i).is_some() && !surname_alone_in_person_slot(s, i) {
        return None;
    }
    let start = if role.is_some() {
        toks[r].start
    } else {
        toks[k].start
    };
    // Appositive role after the name: `Antony Blinken, the US secretary of state,`.
    if role.is_none() && !toks[j].possessive {
        role = appositive(s, j);
    }
    let around = Around {
        k,
        first: if role.is_some() { r } else { k },
        gender,
        role,
        start,
        confident,
    };
    Some(build(s, i, j, around))
}

/// Whether the mention opening at token `k` likely is its sentence's
/// subject: it starts the sentence, or at most two capitalised words stand
/// before it there (`Republican Christine Todd Whitman`), none of which
/// opens a clause (`After Whitman spoke`, `Unlike Hale`).
fn opens_sentence(s: &Scan<'_>, k: usize) -> bool {
    use crate::lexicon::quotes::{clause_openers, place_prepositions, subordinators};
    let toks = &s.toks;
    let mut at = k;
    for _ in 0..=2 {
        if toks[at].sentence_start {
            return true;
        }
        if at == 0 || !toks[at].gap_space || toks[at - 1].shape != Shape::Cap {
            return false;
        }
        at -= 1;
        let w = s.word(at);
        if clause_openers().contains(w)
            || place_prepositions().contains(w)
            || subordinators().contains(w)
        {
            return false;
        }
    }
    false
}

/// `Court told the BBC`, `said Poll`, `Hall’s complaint`: a surname that
/// also heads organisations' names (`Court`, `Poll`, `Hall`), alone where a
/// person stands, is a bare candidate; only someone the article names so
/// takes it in. Not after `the` (`the Hall’s roof`).
pub(super) fn surname_alone_in_person_slot(s: &Scan<'_>, i: usize) -> bool {
    use crate::lexicon::names::{is_known_surname, Lexical};
    s.lexical(i) == Some(Lexical::Organisation)
        && s.toks[i].shape == Shape::Cap
        && !(s.joined(i) && s.name_like(i + 1))
        && is_known_surname(s.word(i))
        && !(i > 0 && s.adjacent(i - 1) && s.word(i - 1).eq_ignore_ascii_case("the"))
        && (speech_verb_after(s, i) || said_before(s, i, i) || s.toks[i].possessive)
}

/// Whether a speech verb follows the name ending at token `j` (`Waver
/// told`, `Tobia said`), not one that is a noun too (`Steer claims`).
pub(super) fn speech_verb_after(s: &Scan<'_>, j: usize) -> bool {
    use crate::lexicon::quotes::{noun_bases, noun_plurals, speech_verbs};
    if s.toks[j].possessive || !s.adjacent(j) {
        return false;
    }
    let w = s.word(j + 1);
    speech_verbs().contains(w) && !noun_bases().contains(w) && !noun_plurals().contains(w)
}

/// Whether a role follows the name ending at token `j` as an apposition
/// (`Brown, the governor,`, `Weaver, a Sanders adviser`, `Dean, a former
/// Democratic National Committee chairman`, `Coan, Santilli's attorney,`)
/// or a clause that only a person takes (`Bush, who has been …`), or an
/// age (`Burger, 21,`): a person's slot.
pub(super) fn role_after(s: &Scan<'_>, j: usize) -> bool {
    use crate::lexicon::quotes::role_nouns;
    if s.toks[j].possessive {
        return false;
    }
    // An age (`Burger, 21, was recalled`): wire and sports copy's way of
    // introducing a person.
    if age_after(s.text, s.toks[j].outer_end).is_some() {
        return true;
    }
    let Some(rest) = s.text[s.toks[j].outer_end..].strip_prefix(", ") else {
        return false;
    };
    if rest.starts_with("who ") {
        return true;
    }
    let mut words = rest
        .split(|c: char| c.is_whitespace())
        .take_while(|w| !w.is_empty());
    // A determiner, or whose role it is (`Santilli's attorney`).
    if !words.next().is_some_and(|w| {
        matches!(w, "the" | "a" | "an" | "his" | "her")
            || (w.chars().next().is_some_and(char::is_uppercase)
                && (w.ends_with("'s") || w.ends_with("’s")))
    }) {
        return false;
    }
    // Up to six words of the phrase, to its first comma or stop.
    for w in words.take(6) {
        let bare = w.trim_end_matches([',', '.', ';']);
        if bare.chars().all(char::is_lowercase) && role_nouns().contains(bare) {
            return true;
        }
        if bare.len() != w.len() {
            break;
        }
    }
    false
}

/// Whether the name from token `k` to `j` stands alone after `said` or
/// `says` (`said Fran, whose …`, `says Hendrick.`): the inverted speaker.
pub(super) fn said_before(s: &Scan<'_>, k: usize, j: usize) -> bool {
    k > 0
        && s.adjacent(k - 1)
        && matches!(s.word(k - 1), "said" | "says")
        && !s.adjacent(j)
        && !s.toks[j].possessive
}

/// The mention of the core `i..=j` with what surrounds it.
fn build(s: &Scan<'_>, i: usize, j: usize, a: Around) -> Mention {
    let toks = &s.toks;
    let sn = surname_start(s, i, j);
    let initial_stop =
        usize::from(toks[i].period && matches!(toks[i].shape, Shape::Letter | Shape::Initials));
    let given = (sn > i).then(|| toks[i].start..toks[i].end + initial_stop);
    let surname_range = toks[sn].start..toks[j].end;
    let surname_text = s.normalised(surname_range.clone());
    let given_text = given.clone().map(|g| s.text[g].to_string());
    let given_gender = given.as_ref().and_then(|_| s.given_name(i)).flatten();
    let t_last = toks[j];
    let name = toks[i].start..t_last.end;
    let suffix = suffix_after(s, j);
    let honorific_range: Option<Range<usize>> = (a.k < i).then(|| toks[a.k].start..toks[i - 1].end);
    Mention {
        range: a.start..t_last.outer_end,
        name_text: s.normalised(name.clone()),
        name_key: variants::fold(&s.text[name.clone()]),
        name,
        honorific: honorific_range
            .clone()
            .map(|r| s.normalised(r).trim_end_matches('.').to_string()),
        role: a.role,
        gender: a.gender.or(given_gender),
        possessive: t_last.possessive,
        bare: !a.confident,
        sentence_start: toks[a.k.min(i)].sentence_start,
        subject: opens_sentence(s, a.first.min(i)),
        heading: s.kinds.get(toks[i].line).is_some_and(|k| k.0),
        slip_only: false,
        speaker_slot: speech_verb_after(s, j) || said_before(s, a.k.min(i), j) || role_after(s, j),
        after_article: {
            let k = a.k.min(i);
            k > 0
                && s.adjacent(k - 1)
                && ["the", "a", "an"]
                    .iter()
                    .any(|a| s.word(k - 1).eq_ignore_ascii_case(a))
        },
        honorific_range,
        given,
        surname_key: variants::fold(&surname_text),
        core_key: variants::fold(s.word(j)),
        surname_text,
        given_key: given_text.as_deref().map(|g| {
            // `Donald Trump Jr.` is not Donald Trump.
            let mut k = variants::fold(g);
            if let Some(sfx) = suffix {
                k.push('~');
                k.push_str(&variants::fold(sfx));
            }
            k
        }),
        given_text,
        surname_range,
        sic: sic_after(s.text, t_last.outer_end),
        roster: false,
        age: age_after(s.text, t_last.outer_end),
    }
}

/// The age after the name ending at `end`: `, 34,` (or `, 34.`, `, aged
/// 34,`) or ` (34)`. One to three digits, closed by punctuation, so
/// `Smith, 2-1` and `Hale, 40 years on` give none.
fn age_after(text: &str, end: usize) -> Option<u16> {
    let rest = &text[end..];
    let rest = if let Some(r) = rest.strip_prefix(',') {
        let r = r.trim_start_matches(is_space);
        r.strip_prefix("aged ").unwrap_or(r)
    } else {
        rest.trim_start_matches(is_space).strip_prefix('(')?
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let close = rest[digits..].chars().next();
    if !matches!(close, Some(',' | '.' | ')' | ';' | ':') | None) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Whether `[sic]` or `(sic)` follows the name ending at `end`.
fn sic_after(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(is_space);
    let head = rest.get(..5).unwrap_or("");
    head.eq_ignore_ascii_case("[sic]") || head.eq_ignore_ascii_case("(sic)")
}

/// Whether a title word (`State`, `the Exchequer`) follows a connector in a
/// role: `Secretary of State Antony Blinken`, not `founder of France Unbowed`.
fn title_follows(s: &Scan<'_>, k: usize) -> bool {
    let k = if s.toks.get(k).is_some_and(|_| s.word(k) == "the") {
        k + 1
    } else {
        k
    };
    k < s.toks.len()
        && (matches!(s.lexical(k), Some(Lexical::Title { .. }))
            || s.word(k) == "Exchequer"
            || s.role_word(k).is_some())
}

/// `, the US secretary of state,` after token `j`: the role, determiner kept.
fn appositive(s: &Scan<'_>, j: usize) -> Option<String> {
    let toks = &s.toks;
    let first = j + 1;
    let t = toks.get(first)?;
    let gap = &s.text[toks[j].outer_end..t.start];
    if gap.trim_end_matches(is_space) != "," {
        return None;
    }
    let mut head = false;
    let mut e = first;
    loop {
        let p = e;
        let ok = match toks[p].shape {
            Shape::Lower | Shape::Particle => {
                let w = s.word(p);
                let role = s.role_word(p);
                head |= role == Some(true);
                role.is_some()
                    || determiners().contains(w)
                    || is_connector(w)
                    || toks[p].possessive
                    || matches!(w, "top" | "chief" | "senior" | "former" | "then")
            }
            Shape::Cap | Shape::AllCaps | Shape::Initials => {
                head |= s.title_head(p) == Some(true) || s.role_word(p) == Some(true);
                !matches!(s.lexical(p), Some(Lexical::Honorific(_)))
            }
            _ => false,
        };
        if !ok || e - first >= 10 {
            return None;
        }
        let Some(next) = toks.get(p + 1) else {
            break;
        };
        if next.gap_space {
            e += 1;
            continue;
        }
        let gap = &s.text[toks[p].outer_end..next.start];
        if gap.starts_with([',', ';', '.', ')', '—', '–', ':']) {
            break;
        }
        return None;
    }
    // `Jill Biden, Sgt. Mark Rowe`: a title abbreviation starts the next name.
    if !head
        || (toks[e].period
            && matches!(
                s.lexical(e),
                Some(Lexical::Honorific(_) | Lexical::Title { .. })
            ))
    {
        return None;
    }
    // The phrase ends at punctuation or the end of the paragraph.
    let end = toks[e].outer_end;
    let after = s.text[end..].chars().next();
    if !(after.is_none() || after.is_some_and(|c| ",;.)—–:".contains(c))) {
        return None;
    }
    Some(s.normalised(toks[first].start..toks[e].end))
}
