//! The subject of a speech verb, before it: the noun phrase, an apposition
//! (`X, the Y, said`), a name opening the sentence, a relative clause's
//! antecedent, a participle clause's subject.

use crate::lexicon::quotes as lex;

use super::items::{bare, is_abbrev_dot, is_name_word, is_possessive, lower, Item, Para};
use super::phrase::{elided, named, phrase};
use super::types::{PhraseKind, Pronoun, SpeakerPhrase, PRONOUNS};
use super::walk::{after_determiner, to_say_frame, walk_back};

/// Whether the lower-case word at item `j` is an adverb or auxiliary that
/// stands between a subject and its verb (`has previously said`,
/// `jokingly said`); not a noun in -ly after a determiner or a possessive
/// (`Scott's family said`, `the assembly voted`).
pub(super) fn stands_before_verb(text: &str, items: &[Item], j: usize) -> bool {
    let Item::Word { range, .. } = &items[j] else {
        return false;
    };
    let w = lower(text, range);
    lex::between_subject_and_verb().contains(w.as_str())
        || w.ends_with("ly") && !after_determiner(text, items, j)
}

/// The subject before the verb at item `v`, back to `floor` (sentence start).
pub(super) fn subject_before(
    text: &str,
    items: &[Item],
    v: usize,
    floor: usize,
) -> Option<SpeakerPhrase> {
    let found = subject_before_at(text, items, v, floor);
    if found.as_ref().is_some_and(|p| p.kind != PhraseKind::Elided) {
        return found;
    }
    unclosed_apposition(text, items, v, floor).or(found)
}

/// `“…,” Will Davies, senior research fellow at the IPPR told the BBC`: a
/// name right after a comma-ended quote, its comma, then an apposition
/// whose closing comma the copy left out before the verb (or in dashes, or
/// a stray comma and no apposition). The name speaks.
fn unclosed_apposition(
    text: &str,
    items: &[Item],
    v: usize,
    floor: usize,
) -> Option<SpeakerPhrase> {
    const MAX_ITEMS: usize = 20;
    if !right_after_quote(items, floor) || v - floor > MAX_ITEMS {
        return None;
    }
    // The name ends at a comma or a dash (`Andrei Illarionov - then an
    // adviser to the president - told`).
    let name_end = (floor..v).find(|&i| {
        matches!(
            items[i],
            Item::Punct {
                ch: ',' | '-' | '—' | '–',
                ..
            }
        )
    })?;
    // (Only words, and commas or dashes, in the apposition; none at all
    // when the copy put a stray comma between the name and its verb:
    // `“…,” shop owner Hayriye Evren, told AP`.)
    let plain = items[name_end + 1..v].iter().all(|it| {
        matches!(
            it,
            Item::Word { .. }
                | Item::Punct {
                    ch: ',' | '-' | '—' | '–',
                    ..
                }
        )
    });
    // (The quote ends in its comma, `“…,” Name`, and the name opens the
    // words after it: not `“…” for Clinton, said Kunin`.)
    let comma_ended = matches!(items.get(floor.wrapping_sub(1)), Some(Item::Quote { range, .. })
        if inside_marks(text, range).ends_with(','));
    // (A role may stand before the name: `shop owner Hayriye Evren`; not a
    // preposition: `for Clinton`.)
    let opens_name = match &items[floor] {
        Item::Word { cap: true, .. } => true,
        Item::Word { range, .. } => {
            let w = lower(text, range);
            !lex::small_words().contains(w.as_str()) && !lex::clause_words().contains(w.as_str())
        }
        _ => false,
    };
    if name_end == floor || !plain || !comma_ended || !opens_name {
        return None;
    }
    phrase(text, items, floor, name_end).filter(|p| p.kind == PhraseKind::Named)
}

/// The most items before a verb that a subject read again without an
/// aside is taken from.
const SUBJECT_WINDOW: usize = 40;

/// Whether item `k` is a dash (`—`, `–`, or a hyphen standing alone or
/// doubled, `--`, as plain-text copy writes one); the index its first
/// character is at.
fn dash_at(items: &[Item], k: usize) -> Option<usize> {
    match items.get(k)? {
        Item::Punct {
            ch: '—' | '–', ..
        } => Some(k),
        Item::Punct { ch: '-', at } => Some(match k.checked_sub(1).map(|i| &items[i]) {
            Some(Item::Punct {
                ch: '-',
                at: before,
            }) if before + 1 == *at => k - 1,
            _ => k,
        }),
        _ => None,
    }
}

/// `John Dickey, the chief executive of Ora Media — the company that owns
/// the programme — told me`: an aside in dashes between the subject and
/// its verb at `v` (item `j - 1` closing it). The subject is read as if
/// the aside were not there: an apposition closed by the opening dash, or
/// the words right before it.
fn before_dash_aside(
    text: &str,
    items: &[Item],
    j: usize,
    v: usize,
    floor: usize,
) -> Option<SpeakerPhrase> {
    const MAX_ASIDE: usize = 30;
    let close = dash_at(items, j.checked_sub(1)?)?;
    let open_end = (floor..close)
        .rev()
        .take(MAX_ASIDE)
        .find(|&i| dash_at(items, i).is_some())?;
    let open = dash_at(items, open_end)?;
    let aside = &items[open_end + 1..close];
    if open <= floor
        || aside
            .iter()
            .filter(|it| matches!(it, Item::Word { .. }))
            .count()
            < 2
    {
        return None;
    }
    let verb = items[v].clone();
    // (No subject runs longer: a window keeps a sentence of thousands of
    // items from being copied at each of its verbs.)
    let floor = floor.max(open.saturating_sub(SUBJECT_WINDOW));
    let read = |comma: bool| {
        let mut sub: Vec<Item> = items[floor..open].to_vec();
        if comma {
            sub.push(Item::Punct {
                at: items[open].start(),
                ch: ',',
            });
        }
        let at = sub.len();
        sub.push(verb.clone());
        subject_before_at(text, &sub, at, 0).filter(|p| p.kind != PhraseKind::Elided)
    };
    let appositive = (floor..open).any(|i| matches!(items[i], Item::Punct { ch: ',', .. }));
    if appositive {
        read(true)
            .filter(|p| p.kind == PhraseKind::Named)
            .or_else(|| read(false))
    } else {
        read(false)
    }
}

fn subject_before_at(text: &str, items: &[Item], v: usize, floor: usize) -> Option<SpeakerPhrase> {
    // `Still, Petrilli, who …, called`: one opening word and its comma
    // stand before the subject.
    let opener = matches!(&items[floor], Item::Word { range, .. }
        if lex::clause_openers().contains(lower(text, range).as_str()))
        && matches!(items.get(floor + 1), Some(Item::Punct { ch: ',', .. }));
    let floor = if opener && floor + 2 < v {
        floor + 2
    } else {
        floor
    };
    // `he was due to say`, `the minister is expected to tell`: the subject
    // stands before the frame.
    let mut j = v - to_say_frame(text, items, v, floor);
    // Skip adverbs and auxiliaries (`has previously said`, `jokingly said`),
    // and a party tag (`Rep. Earl Blumenauer (D-Ore.) said`).
    while j > floor {
        match &items[j - 1] {
            Item::Word { cap: false, .. } if stands_before_verb(text, items, j - 1) => j -= 1,
            Item::Punct { ch: ')', .. } => match party_tag(text, items, j - 1, floor) {
                Some(open) => j = open,
                None => break,
            },
            _ => break,
        }
    }
    if j == floor {
        return None;
    }
    if let Some(p) = before_dash_aside(text, items, j, v, floor) {
        return Some(p);
    }
    // `Akhil Reed Amar, … author of “America’s Unwritten Constitution,” put
    // it`: a title closes the apposition, the comma inside its marks. Read
    // as if the comma stood after them.
    if let Item::Quote { range, .. } = &items[j - 1] {
        let comma_inside = inside_marks(text, range).ends_with(',');
        if j - 1 > floor && comma_inside && quoted_label(text, range) {
            let from = floor.max(j.saturating_sub(SUBJECT_WINDOW));
            let mut sub: Vec<Item> = items[from..j].to_vec();
            sub.push(Item::Punct {
                at: range.end,
                ch: ',',
            });
            let at = sub.len();
            sub.push(items[v].clone());
            return subject_before_at(text, &sub, at, 0);
        }
    }
    let word_at = |k: usize| match &items[k] {
        Item::Word { range, .. } => Some(lower(text, range)),
        _ => None,
    };
    match &items[j - 1] {
        Item::Word { range, cap: true } if j - 1 == floor && right_after_quote(items, floor) => {
            // `“…,” From said`, `“…,” Will wrote`: one capitalised word
            // between a quote and its verb is the speaker's name, though
            // it is a word elsewhere (Al From, George Will).
            phrase(text, items, j - 1, j).or_else(|| Some(named(range.clone())))
        }
        Item::Word { .. } => {
            let lw = word_at(j - 1).unwrap_or_default();
            if matches!(lw.as_str(), "and" | "but" | "then") {
                // `Radford smiled and said:`: the subject of the verb before.
                let a = j - 1;
                if a > floor + 1 {
                    if let Item::Word { range, cap: false } = &items[a - 1] {
                        let w = lower(text, range);
                        if w.ends_with("ed")
                            && !lex::speech_verbs().contains(w.as_str())
                            && !lex::clause_words().contains(w.as_str())
                        {
                            if let Some(p) = subject_before(text, items, a - 1, floor).filter(|p| {
                                matches!(p.kind, PhraseKind::Named | PhraseKind::Pronoun(_))
                            }) {
                                return Some(p);
                            }
                        }
                    }
                }
                // `He then adopted a Southern accent and joked`: the pronoun
                // the sentence opens with.
                if let Some(Item::Word { cap: false, .. }) = items.get(floor + 1) {
                    let pronoun = word_at(floor).filter(|w| {
                        PRONOUNS.iter().any(|(p, _)| p == w) || matches!(w.as_str(), "i" | "we")
                    });
                    if pronoun.is_some() && floor + 1 < a {
                        return phrase(text, items, floor, floor + 1);
                    }
                }
                return Some(elided(items, j - 1));
            }
            if lw == "who" || lw == "which" {
                // `the comedian Danny Pike, who joked …`, `the AP report,
                // which notes …`: the antecedent (`which` an organisation's
                // or a document's).
                if j - 1 > floor && matches!(items[j - 2], Item::Punct { ch: ',', .. }) {
                    let s = walk_back(text, items, j - 2, floor);
                    return phrase(text, items, s, j - 2)
                        .filter(|p| lw == "who" || p.kind == PhraseKind::Organisation);
                }
                return None;
            }
            // `a decision she called “…”`: a pronoun right before the
            // verb is its subject, whatever comes before it.
            if PRONOUNS.iter().any(|(p, _)| *p == lw) || matches!(lw.as_str(), "i" | "we") {
                return phrase(text, items, j - 1, j);
            }
            // `A neighbor who declined to give his name because he was
            // worried about looters said`: the noun before the relative
            // clause (the sentence's first `who`, no comma or cue after it).
            if let Some(p) = relative_subject(text, items, j, floor) {
                return Some(p);
            }
            let s = walk_back(text, items, j, floor);
            if j - s > 8 {
                // Only a source, a role or an organisation runs longer (`a
                // spokesman for the Department of Health and Social Care`,
                // `the independent Vermont senator and Democratic candidate`).
                // So does a name with its organisation (`Jeffrey Lewis of
                // the James Martin Center for Nonproliferation Studies`).
                let start = items[s].start();
                return phrase(text, items, s, j).filter(|p| {
                    j - s <= 16
                        && (matches!(
                            p.kind,
                            PhraseKind::Anonymous | PhraseKind::Organisation | PhraseKind::Role
                        ) || p.kind == PhraseKind::Named
                            && p.name.as_ref().is_some_and(|n| n.start == start))
                });
            }
            // `Stacy Baker of Columbia, South Carolina says`: a place
            // after a comma closes the place before it; the person stands
            // before both.
            if s >= floor + 3
                && matches!(items[s - 1], Item::Punct { ch: ',', .. })
                && (s..j).all(|i| matches!(items[i], Item::Word { cap: true, .. }))
                && is_place_name(&text[items[s].start()..items[j - 1].end()], j - s)
            {
                let before = walk_back(text, items, s - 1, floor);
                let of = (before..s - 1)
                    .any(|i| matches!(word_at(i).as_deref(), Some("of" | "from" | "in")));
                if let Some(p) = of
                    .then(|| phrase(text, items, before, s - 1))
                    .flatten()
                    .filter(|p| p.kind == PhraseKind::Named)
                {
                    return Some(p);
                }
            }
            phrase(text, items, s, j)
        }
        Item::Punct { ch: ',', .. } => {
            // `…, Gov. John Kasich (R-OH), said`: a name, its party tag and
            // a comma.
            if j >= 2 && matches!(items[j - 2], Item::Punct { ch: ')', .. }) {
                if let Some(open) = party_tag(text, items, j - 2, floor) {
                    let s = walk_back(text, items, open, floor);
                    if let Some(p) =
                        phrase(text, items, s, open).filter(|p| p.kind == PhraseKind::Named)
                    {
                        return Some(p);
                    }
                }
            }
            // `Gillian Norcott, 54, a nurse from Leeds who …, said`: a name
            // opening the sentence, then two or more appositions.
            if let Some(p) = opening_name(text, items, floor, j - 1) {
                return Some(p);
            }
            // `X, the Y, said` or `the Y, X, said`: an apposition.
            let appo_end = j - 1;
            let mut c = appo_end;
            // (A name or title quoted inside the apposition is part of it:
            // `Bill Eastland, wearing “Ted Cruz” pins, said`.)
            while c > floor
                && !matches!(
                    items[c - 1],
                    Item::Punct {
                        ch: ',' | ';' | ':' | '(' | ')' | '—' | '–',
                        ..
                    }
                )
                && !matches!(&items[c - 1], Item::Quote { range, .. } if !quoted_label(text, range))
            {
                c -= 1;
            }
            if c == floor || !matches!(items[c - 1], Item::Punct { ch: ',', .. }) {
                // `…, said` with no apposition: `…, but added` handled above; treat as elided.
                if c == floor {
                    return None;
                }
                return Some(elided(items, j - 1));
            }
            let appo = phrase(text, items, c, appo_end);
            let mut head_end = c - 1;
            // `Rep. Jim Jordan (R-Ohio), an oversight panel member, said`.
            if head_end > floor && matches!(items[head_end - 1], Item::Punct { ch: ')', .. }) {
                if let Some(open) = party_tag(text, items, head_end - 1, floor) {
                    head_end = open;
                }
            }
            // `One engineer who lost her job, and who asked …, said`: the noun before `who`.
            if let Some(rel) = (floor..head_end).find(|&i| matches!(&items[i], Item::Word { range, .. } if matches!(lower(text, range).as_str(), "who" | "which" | "whose"))) {
                if rel > floor && !items[rel..head_end].iter().any(|it| matches!(it, Item::Punct { .. })) {
                    head_end = rel;
                }
            }
            let s = walk_back(text, items, head_end, floor);
            let head = phrase(text, items, s, head_end);
            match (head, appo) {
                (Some(h), Some(a)) => {
                    let (mut named, other) = if h.kind == PhraseKind::Named {
                        (h, Some(a))
                    } else if a.kind == PhraseKind::Named {
                        (a, Some(h))
                    } else if a.kind == PhraseKind::Organisation
                        && text[a.range.clone()]
                            .split_whitespace()
                            .skip(1)
                            .any(|w| w.starts_with(char::is_uppercase))
                    {
                        (a, None)
                    } else {
                        (h, None)
                    };
                    if let Some(o) = other {
                        if named.kind == PhraseKind::Named
                            && named.role.is_none()
                            && matches!(o.kind, PhraseKind::Role | PhraseKind::Anonymous)
                        {
                            named.role = Some(o.range.clone());
                        }
                        named.range =
                            named.range.start.min(o.range.start)..named.range.end.max(o.range.end);
                    }
                    Some(named)
                }
                (Some(h), None) => Some(h),
                (None, Some(a))
                    if matches!(a.kind, PhraseKind::Named | PhraseKind::Organisation) =>
                {
                    Some(a)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// A quote's text up to its closing mark (`“…,”` → `“…,`): what punctuation
/// the quote ends in.
fn inside_marks<'t>(text: &'t str, range: &std::ops::Range<usize>) -> &'t str {
    text[range.clone()].trim_end_matches(['”', '"', '\'', '’', '»'])
}

/// Whether a quote is a short label inside a phrase (`“Ted Cruz”`,
/// `“Make America Great Again”`, a title with the comma US style puts
/// inside the marks: `author of “America’s Unwritten Constitution,” put
/// it`): four words or fewer, with no punctuation of a sentence in it.
pub(super) fn quoted_label(text: &str, range: &std::ops::Range<usize>) -> bool {
    let inner = inside_marks(text, range);
    let inner = inner.strip_suffix(',').unwrap_or(inner);
    inner.split_whitespace().count() <= 4 && !inner.contains([',', '.', '!', '?', ':', ';'])
}

/// The name that opens a sentence (`floor`; role words may come first) and
/// is followed by a comma and
/// two or more comma-separated appositions up to the comma at `comma`
/// (`Castañeda, who grew up in El Paso, Texas, has said`): the subject,
/// whatever the appositions name.
pub(super) fn opening_name(
    text: &str,
    items: &[Item],
    floor: usize,
    comma: usize,
) -> Option<SpeakerPhrase> {
    // The sentence up to its first comma (`Kirsty’s co-star Ricky Dane,`).
    let e = (floor..comma)
        .find(|&i| !matches!(items[i], Item::Word { .. }) && !is_abbrev_dot(text, items, i))?;
    if e == floor || e - floor > 8 || !matches!(items.get(e), Some(Item::Punct { ch: ',', .. })) {
        return None;
    }
    if !is_name_word(text, items, e - 1) || !is_name_word(text, items, floor) {
        return None;
    }
    let commas = items[e..comma]
        .iter()
        .filter(|it| matches!(it, Item::Punct { ch: ',', .. }))
        .count();
    // Only commas and words between: no quote, colon or sentence break.
    let plain = items[e..comma].iter().all(|it| {
        matches!(
            it,
            Item::Word { .. }
                | Item::Punct {
                    ch: ',' | '-' | '(' | ')' | '.',
                    ..
                }
        )
    });
    if commas < 2 || !plain {
        return None;
    }
    phrase(text, items, floor, e).filter(|p| p.kind == PhraseKind::Named)
}

/// The subject of the verb at `v` when a relative clause with no comma
/// stands between them (`Officials who spoke on condition of anonymity
/// said`): the phrase before the sentence's first `who`, if the clause holds
/// no punctuation and no speech verb of its own.
pub(super) fn relative_subject(
    text: &str,
    items: &[Item],
    v: usize,
    floor: usize,
) -> Option<SpeakerPhrase> {
    let rel = (floor + 1..v)
        .find(|&i| matches!(&items[i], Item::Word { range, .. } if lower(text, range) == "who"))?;
    if v - rel > 20 {
        return None;
    }
    let clause_ok = items[rel + 1..v].iter().all(|it| match it {
        Item::Word { range, .. } => !lex::speech_verbs().contains(lower(text, range).as_str()),
        _ => false,
    });
    if !clause_ok {
        return None;
    }
    let s = walk_back(text, items, rel, floor);
    phrase(text, items, s, rel).filter(|p| {
        matches!(
            p.kind,
            PhraseKind::Named | PhraseKind::Anonymous | PhraseKind::Role | PhraseKind::Organisation
        )
    })
}

/// The first name in a sentence before item `k` (a dateline in capitals aside):
/// the subject of a participle cue (`Gov. Teresa Alvarado signed …, calling it “…”`).
pub(super) fn clause_subject(
    text: &str,
    items: &[Item],
    floor: usize,
    k: usize,
) -> Option<SpeakerPhrase> {
    let caps = |i: usize| {
        let w = &text[items[i].start()..items[i].end()];
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && w.chars().count() > 1
    };
    // (Not an ordinary word alone whose capital only opens the sentence:
    // `Back in 1999, Mr. Trump …, telling CNBC`, `Or, as Tom Ridge … put it`.)
    let opens_sentence = |i: usize| {
        i == 0
            || matches!(
                items[i - 1],
                Item::Punct {
                    ch: '.' | '!' | '?' | ':' | ';',
                    ..
                }
            )
    };
    // (People still speak: `Democrats had sued …, saying`, `Respondents`.)
    let capital_of_sentence = |i: usize| {
        if !opens_sentence(i) || i + 1 < k && is_name_word(text, items, i + 1) {
            return false;
        }
        let written = &text[items[i].start()..items[i].end()];
        super::words::is_ordinary_word(written)
            && !super::words::is_person_noun(&written.to_lowercase())
            && !matches!(
                crate::lexicon::names::GAZETTEER.lexical(written),
                Some(crate::lexicon::names::Lexical::Demonym)
            )
    };
    let start = (floor..k)
        .find(|&i| is_name_word(text, items, i) && !caps(i) && !capital_of_sentence(i))?;
    let mut end = start;
    // Through role words too: `Boston coach Ron Whitfield`.
    let role_word = |i: usize| matches!(&items[i], Item::Word { range, .. } if lex::role_nouns().contains(&bare(&text[range.clone()])));
    loop {
        if end < k
            && (is_name_word(text, items, end) || is_abbrev_dot(text, items, end) || role_word(end))
        {
            end += 1;
        } else if end + 1 < k
            && matches!(items[end], Item::Word { cap: false, .. })
            && role_word(end + 1)
        {
            // A modifier before a role word: `Republican presidential
            // candidate Donald Trump`.
            end += 2;
        } else {
            break;
        }
    }
    // `Gary Johnson’s doctor is calling …`: the name owns the subject, and
    // is not it.
    // (Not a place's or a body's: `Ukraine’s Foreign Minister Dmytro
    // Kuleba`, a name after the possessive.)
    let owner = (start..end).any(|i| {
        is_possessive(&text[items[i].start()..items[i].end()])
            && (i + 1 < end || end < k)
            && (i + 1..end).all(|j| matches!(items[j], Item::Word { cap: false, .. }))
    });
    if owner {
        let mut e = end;
        while e < k
            && matches!(&items[e], Item::Word { range, cap: false }
                if !looks_finite(&lower(text, range)))
        {
            e += 1;
        }
        return phrase(text, items, start, e).filter(|p| p.kind != PhraseKind::Named);
    }
    phrase(text, items, start, end).filter(|p| p.kind == PhraseKind::Named)
}

/// The name a sentence opens with, as the subject of a later verb at `k`
/// joined to the first by `and`: the name itself (`Tom Wilkes turned and
/// said`), after a possessive and up to three role words (`My colleague Tom
/// Whitlow is there and sends this`), or after a role phrase as its
/// apposition (`The mayor of Northbridge, Dev Bhattacharya, sounded the
/// horn and told runners`).
pub(super) fn opening_subject(
    text: &str,
    items: &[Item],
    floor: usize,
    k: usize,
) -> Option<SpeakerPhrase> {
    if floor >= k {
        return None;
    }
    let word = |i: usize| match &items[i] {
        Item::Word { range, cap } => Some((lower(text, range), *cap)),
        _ => None,
    };
    let at = |p: &SpeakerPhrase, i: usize| p.range.start == items[i].start();
    let (first, _) = word(floor)?;
    match first.as_str() {
        w if lex::possessives().contains(w) => {
            // Lower-case role words, then the name.
            let mut i = floor + 1;
            while i < k && i - floor <= 3 && word(i).is_some_and(|(_, cap)| !cap) {
                i += 1;
            }
            clause_subject(text, items, i, k)
                .filter(|p| i > floor + 1 && at(p, i))
                .or_else(|| apposition(text, items, floor, k))
        }
        w if lex::articles().contains(w) => apposition(text, items, floor, k),
        _ => clause_subject(text, items, floor, k).filter(|p| at(p, floor)),
    }
}

/// The name in apposition to a role phrase that opens a sentence (`His
/// former partner, Lawrence Cummings, …`), and nothing else.
pub(super) fn opening_apposition(
    text: &str,
    items: &[Item],
    floor: usize,
    k: usize,
) -> Option<SpeakerPhrase> {
    let first = match items.get(floor)? {
        Item::Word { range, .. } => lower(text, range),
        _ => return None,
    };
    (lex::articles().contains(&first) || lex::possessives().contains(&first))
        .then(|| apposition(text, items, floor, k))
        .flatten()
}

/// A role phrase opening a sentence with a name in apposition (`The mayor
/// of Northbridge, Dev Bhattacharya, …`, `His former partner, Lawrence
/// Cummings, …`): the name.
fn apposition(text: &str, items: &[Item], floor: usize, k: usize) -> Option<SpeakerPhrase> {
    let at = |p: &SpeakerPhrase, i: usize| p.range.start == items[i].start();
    let comma =
        (floor..k.min(floor + 8)).find(|&i| matches!(items[i], Item::Punct { ch: ',', .. }))?;
    let p = clause_subject(text, items, comma + 1, k).filter(|p| at(p, comma + 1))?;
    let after = (comma + 1..k).find(|&i| items[i].start() >= p.range.end)?;
    matches!(items[after], Item::Punct { ch: ',', .. }).then_some(p)
}

/// Whether a lower-case word after a noun phrase reads as its verb: an
/// auxiliary, a speech verb, a past form, an -s form.
fn looks_finite(w: &str) -> bool {
    lex::auxiliaries().contains(w)
        || lex::speech_verbs().contains(w)
        || lex::irregular_pasts().contains(w)
        || w.ends_with("ed")
        || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

/// The noun phrase a sentence opens with (after an opening adverbial
/// clause and its comma), as the subject of a verb at `k` later in the
/// sentence: a pronoun (`She emailed supporters, saying …`), a name, a role,
/// a source or an organisation (`The Vermont senator emailed …`).
pub(super) fn sentence_subject(p: &Para<'_>, floor: usize, k: usize) -> Option<SpeakerPhrase> {
    let s = subject_start(p, floor, k)?;
    if let Some(pronoun) = pronoun_at(p, s) {
        return Some(pronoun);
    }
    phrase_at(p, s, k)
}

/// Where a sentence's subject starts: after an opening adverbial clause and
/// its comma (`In June 2009, after Clinton fell ill, Axelrod …`).
pub(super) fn subject_start(p: &Para<'_>, floor: usize, k: usize) -> Option<usize> {
    let mut s = dateline_end(p, floor, k).unwrap_or(floor);
    // A conjunction opening the sentence stands before its subject (`But
    // one reporter wanted to know, “…”`), with its comma if it has one
    // (`And, while we are on the subject, Mr Morris …`).
    if p.word(s)
        .is_some_and(|w| matches!(w, "but" | "and" | "yet" | "so" | "or"))
        && s + 1 < k
    {
        s += 1 + usize::from(p.punct(s + 1, ','));
    }
    let opener = |s: usize| {
        p.word(s).is_some_and(|w| {
            lex::clause_openers().contains(w)
                || w.ends_with("ing") && p.punct(s + 1, ',')
                // A participle or an adverb opening the sentence, its
                // clause ending at a comma (`Asked about it, …`,
                // `Horrified at the prospect, …`, `Continuing his attack
                // on the bill, …`, `Hastily, …`); an ordinary word, not a
                // name (`Ted`, `Manning`, `Kelly`).
                || s == floor
                    && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
                    && (s + 1..k.min(s + 15)).any(|i| p.punct(i, ','))
                    && ordinary_word(p, s)
                // Any ordinary word alone before a comma (`Soon, he …`,
                // `Instead, …`); not a name (`Brown, 54, …`), nor a noun
                // a relative clause follows (`Police, who …`).
                || s == floor
                    && p.punct(s + 1, ',')
                    && ordinary_word(p, s)
                    && !relative_after(p, s + 1)
                // A relative clause on the opening phrase (`In New
                // Hampshire, which votes next, Bush …`).
                || s > floor && matches!(w, "which" | "where" | "when")
        })
    };
    // The clause ends at its comma, which US style puts inside a title's
    // marks (`On “Face the Nation,” Sen. Bernie Sanders …`). One may follow
    // another (`In June 2009, after Clinton fell ill, Axelrod emailed …`).
    let title_comma = |i: usize| {
        matches!(p.items[i], Item::Quote { index, .. }
            if p.outer.get(index).is_some_and(|q| q.last_char == Some(',')))
    };
    for _ in 0..3 {
        if !opener(s) {
            break;
        }
        s = (s..k).find(|&i| p.punct(i, ',') || title_comma(i))? + 1;
        // A place's state or country after its comma is the clause's too
        // (`Speaking in Salem, New Hampshire, Trump …`).
        if let Some(end) = place_after_comma(p, s, k) {
            s = end + 1;
        }
    }
    (s < k).then_some(s)
}

/// After a dateline opening the sentence at item `s` (`Washington (AFP) –`,
/// `KYIV —`): the item after its dash.
fn dateline_end(p: &Para<'_>, s: usize, k: usize) -> Option<usize> {
    let run_end = (s..k).find(|&j| !matches!(p.items[j], Item::Word { cap: true, .. }))?;
    if run_end == s
        || !is_place_name(
            &p.text[p.items[s].start()..p.items[run_end - 1].end()],
            run_end - s,
        )
    {
        return None;
    }
    let mut d = run_end;
    if p.punct(d, '(') {
        d = (d..k.min(d + 6)).find(|&j| p.punct(j, ')'))? + 1;
    }
    let dash = matches!(
        p.items.get(d),
        Some(Item::Punct {
            ch: '–' | '—' | '-',
            ..
        })
    );
    (dash && d + 1 < k).then_some(d + 1)
}

/// Whether the comma at item `c` opens a relative clause (`, who …`,
/// `, which …`).
fn relative_after(p: &Para<'_>, c: usize) -> bool {
    p.punct(c, ',') && matches!(p.word(c + 1), Some("who" | "which"))
}

/// Whether the word at item `s` is an ordinary English word and no known
/// name, whatever its capital.
fn ordinary_word(p: &Para<'_>, s: usize) -> bool {
    let Item::Word { range, .. } = &p.items[s] else {
        return false;
    };
    super::words::is_ordinary_word(&p.text[range.clone()])
}

/// The comma closing a place name that starts at item `s` (`New
/// Hampshire,` after `Salem,`), if the capitalised words up to it are one.
fn place_after_comma(p: &Para<'_>, s: usize, k: usize) -> Option<usize> {
    const MAX_WORDS: usize = 3;
    let comma = (s..k.min(s + MAX_WORDS + 1)).find(|&i| p.punct(i, ','))?;
    if comma == s || !(s..comma).all(|i| matches!(p.items[i], Item::Word { cap: true, .. })) {
        return None;
    }
    let name = &p.text[p.items[s].start()..p.items[comma - 1].end()];
    is_place_name(name, comma - s).then_some(comma)
}

/// Whether `name`, of `words` words written with single spaces, is a
/// known place (`Ohio`, `South Carolina`).
fn is_place_name(name: &str, words: usize) -> bool {
    use crate::lexicon::names::{Lexical, GAZETTEER};
    if words == 1 {
        GAZETTEER.lexical(name) == Some(Lexical::Place)
    } else {
        GAZETTEER.is_multi_place(name)
    }
}

/// Whether a lower-case word after the subject starting at item `s` and
/// before item `k` is a finite verb or `that` (`Some note that she …`): the
/// sentence's main clause starts before item `k`, so what stands at `k`
/// is inside a clause of it.
pub(super) fn verb_before(p: &Para<'_>, s: usize, k: usize) -> bool {
    (s + 1..k).any(|i| {
        matches!(&p.items[i], Item::Word { cap: false, range } if {
            let w = lower(p.text, range);
            w == "that" || looks_finite(&w) && !lex::source_nouns().contains(w.as_str()) && !counted_before(p, i)
        })
    })
}

/// The speaker-like noun phrase starting at item `s`, before a verb by `k`.
fn phrase_at(p: &Para<'_>, s: usize, k: usize) -> Option<SpeakerPhrase> {
    // The phrase runs to the first lower-case word that reads as its verb.
    let v = (s + 1..k.min(s + 16)).find(|&i| match &p.items[i] {
        // Not a plural noun that reads like an -s verb (`About 200
        // protesters …`, `two officials …`).
        Item::Word { cap: false, range } => {
            let w = lower(p.text, range);
            // (Or an adverb before the verb: `The mayor’s office later
            // issued …`.)
            let adverb_then_verb = lex::between_subject_and_verb().contains(w.as_str())
                && matches!(&p.items.get(i + 1), Some(Item::Word { cap: false, range })
                    if looks_finite(&lower(p.text, range)));
            // (Or a past form that is also a noun or an adjective, read as
            // the verb by the object after it: `The mayor left no doubt`,
            // `She put the question`; not `the left wing`.)
            let past_with_object = lex::ambiguous_pasts().contains(w.as_str())
                && p.word(i + 1).is_some_and(|n| {
                    lex::determiners().contains(n) || lex::object_words().contains(n)
                });
            adverb_then_verb
                || past_with_object
                || looks_finite(&w)
                    && !lex::source_nouns().contains(w.as_str())
                    && !counted_before(p, i)
        }
        Item::Word { .. } => false,
        Item::Punct { ch: '.', .. } => !is_abbrev_dot(p.text, &p.items, i),
        _ => true,
    })?;
    if !matches!(p.items[v], Item::Word { .. }) {
        // A phrase with a relative clause in commas after it (`Police,
        // who were called at 3am, arrived …`): the phrase.
        if relative_after(p, v) {
            return phrase(p.text, &p.items, s, v).filter(is_speaker_like);
        }
        // A name with an aside in commas before its verb (`Mr. Trump,
        // during multiple interviews on Thursday, referred to …`): the name.
        if p.punct(v, ',') && aside_then_verb(p, v, k) {
            return phrase(p.text, &p.items, s, v).filter(|ph| ph.kind == PhraseKind::Named);
        }
        // A name with a party or state tag (`Sen. Bernie Sanders (Vt.),
        // who …, identified`): the name.
        return p
            .punct(v, '(')
            .then(|| phrase(p.text, &p.items, s, v))
            .flatten()
            .filter(|ph| ph.kind == PhraseKind::Named);
    }
    phrase(p.text, &p.items, s, v)
        .filter(is_speaker_like)
        .filter(|ph| !common_word_opening(p, s, v, ph))
}

/// Whether the comma at item `c` opens an aside that a preposition, a
/// participle or an article begins and a comma closes, a finite verb right after it
/// (`, in an interview on Thursday, referred`, `, speaking in Dayton,
/// called`), all before item `k`.
fn aside_then_verb(p: &Para<'_>, c: usize, k: usize) -> bool {
    let opens = p.word(c + 1).is_some_and(|w| {
        lex::place_prepositions().contains(w)
            || lex::clause_openers().contains(w)
            || w.ends_with("ing")
            // (Or an apposition: `Senator Ben Cardin of Maryland, a
            // Democrat on the finance committee, advocates …`.)
            || lex::articles().contains(w)
    });
    if !opens {
        return false;
    }
    let Some(close) = (c + 2..k.min(c + 14)).find(|&i| !matches!(p.items[i], Item::Word { .. }))
    else {
        return false;
    };
    p.punct(close, ',')
        && matches!(&p.items.get(close + 1), Some(Item::Word { cap: false, range })
            if close + 1 < k && looks_finite(&lower(p.text, range)))
}

/// A lone capitalised word opening the sentence that is an ordinary English
/// word and no known name (`Talk compared to “working the referees”`, a
/// headline's deck): the capital is the sentence's, not a name's.
fn common_word_opening(p: &Para<'_>, s: usize, v: usize, ph: &SpeakerPhrase) -> bool {
    ph.kind == PhraseKind::Named && v == s + 1 && ordinary_word(p, s)
}

/// Whether the word before item `i` is a number (`200 protesters`).
fn counted_before(p: &Para<'_>, i: usize) -> bool {
    i > 0
        && matches!(&p.items[i - 1], Item::Word { range, .. }
            if p.text[range.clone()].chars().all(|c| c.is_ascii_digit() || c == ','))
}

/// Whether a phrase can speak: a name, a pronoun, or a role, source or
/// organisation whose head noun says so (`the message` cannot).
pub(super) fn is_speaker_like(ph: &SpeakerPhrase) -> bool {
    let head = ph.head.as_deref().unwrap_or("");
    match ph.kind {
        PhraseKind::Named | PhraseKind::Pronoun(_) => true,
        PhraseKind::Role | PhraseKind::Anonymous => {
            lex::role_nouns().contains(head)
                || lex::source_nouns().contains(head)
                || super::words::is_people_plural(head)
        }
        PhraseKind::Organisation => true,
        PhraseKind::Elided => false,
    }
}

/// A parenthesised party or state tag closing at item `close` (`(D-Ore.)`,
/// `(R)`, `(I-Vt.)`, `(Lab)`): the item of its opening bracket.
pub(super) fn party_tag(text: &str, items: &[Item], close: usize, floor: usize) -> Option<usize> {
    let open = (floor..close)
        .rev()
        .take(6)
        .find(|&i| matches!(items[i], Item::Punct { ch: '(', .. }))?;
    let inner: String = items[open + 1..close]
        .iter()
        .map(|it| &text[it.start()..it.end()])
        .collect();
    let tag = inner.trim_end_matches('.');
    let mut parts = tag.splitn(2, '-');
    let party = parts.next()?;
    // US one-letter parties (`D`, `R`, `I`), UK and other short party
    // names (`Lab`, `Con`, `LD`, `SNP`, `DUP`, `Green`).
    let short_party = (2..=5).contains(&party.len())
        && party.starts_with(|c: char| c.is_ascii_uppercase())
        && party.chars().all(|c| c.is_ascii_alphabetic());
    let ok = (matches!(party, "D" | "R" | "I" | "L" | "G") || short_party)
        && parts.next().is_none_or(|state| {
            (1..=6).contains(&state.len())
                && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
                && state.starts_with(|c: char| c.is_ascii_uppercase())
        });
    ok.then_some(open)
}

/// The pronoun or phrase at the start of a sentence, as a speaker.
pub(super) fn pronoun_at(p: &Para<'_>, s: usize) -> Option<SpeakerPhrase> {
    let w = p.word(s)?;
    PRONOUNS
        .iter()
        .any(|(pr, _)| *pr == w)
        .then(|| phrase(p.text, &p.items, s, s + 1))
        .flatten()
}

/// A sentence's items and where its subject starts ([`subject_start`]).
pub(super) type Subject = (std::ops::Range<usize>, usize);

/// Each sentence of the paragraph that has a subject, and where it starts:
/// read once for [`subject_pronouns`], [`subject_roles`] and
/// [`subject_names`].
pub(super) fn sentence_subjects(p: &Para<'_>) -> Vec<Subject> {
    (0..p.sentence_count())
        .filter_map(|s| {
            let r = p.sentence(s);
            let at = subject_start(p, r.start, r.end)?;
            Some((r, at))
        })
        .collect()
}

/// Each sentence whose subject is `he` or `she` before a lower-case word
/// (`He nodded only obliquely to …`, `In Iowa, she told voters …`): where
/// the pronoun stands, and which it is.
pub(super) fn subject_pronouns(p: &Para<'_>, subjects: &[Subject]) -> Vec<(usize, Pronoun)> {
    subjects
        .iter()
        .filter_map(|&(_, at)| {
            let pronoun = match p.word(at)? {
                "he" => Pronoun::He,
                "she" => Pronoun::She,
                _ => return None,
            };
            matches!(p.items.get(at + 1), Some(Item::Word { cap: false, .. }))
                .then(|| (p.items[at].start(), pronoun))
        })
        .collect()
}

/// Each sentence whose subject is a definite role (`The minister later
/// visited the port.`, `The top Brazilian diplomat’s visit …`), outside
/// quotes: where it stands and its words up to the role's head noun, for
/// the walk to tie to whoever the copy introduced in that role. Not a cue's
/// speaker (resolved there) and not a role with its own complement (`The
/// head of the union`), which introduces someone else.
pub(super) fn subject_roles(p: &Para<'_>, subjects: &[Subject]) -> Vec<(usize, String)> {
    use crate::lexicon::quotes::role_equivalents;
    /// Words a definite role may take before its head (`the top Brazilian`).
    const MAX_WORDS: usize = 5;
    subjects
        .iter()
        .filter_map(|&(ref r, at)| {
            if p.word(at)? != "the" {
                return None;
            }
            // The first role noun among the words after `the` (a mark
            // before one ends the search).
            let (k, possessive) = (at + 1..r.end.min(at + 1 + MAX_WORDS))
                .map_while(|k| Some((k, p.word(k)?)))
                // (`The movie mentions neither the president …`: the
                // subject ended before.)
                .take_while(|(_, w)| {
                    !(lex::determiners().contains(w)
                        || lex::clause_words().contains(w)
                        || lex::speech_verbs().contains(w)
                        || lex::auxiliaries().contains(w)
                        || lex::be_forms().contains(w)
                        || lex::small_words().contains(w))
                })
                .find_map(|(k, w)| {
                    let head = bare(w);
                    let role = super::words::is_role_noun(&head)
                        || super::words::is_source_noun(&head)
                        || !role_equivalents(&head).is_empty();
                    role.then_some((k, is_possessive(w)))
                })?;
            // The role's clause goes on in lower case (`The minister later
            // visited`), or the role owns what follows (`… diplomat’s visit`).
            let next_lower = matches!(p.items.get(k + 1), Some(Item::Word { cap: false, .. }));
            let complement = p
                .word(k + 1)
                .is_some_and(|w| matches!(w, "of" | "for" | "at"));
            ((next_lower || possessive) && !complement).then(|| {
                let (a, b) = (p.items[at].start(), p.items[k].end());
                (a, p.text[a..b].to_string())
            })
        })
        .collect()
}

/// Each sentence whose subject is a known surname alone before a verb
/// (`Carson defied the question.`), outside quotes: where
/// it stands and the word as written. The walk takes it for someone the
/// copy refers to by surname only, as a subject, when no one named in full
/// has that surname. Not a common given name (`Ted nodded`, `Bob`) or an English
/// word (`People`, `Back`, `Wines`), which the list of surnames holds too.
pub(super) fn subject_names(p: &Para<'_>, subjects: &[Subject]) -> Vec<(usize, String)> {
    use crate::lexicon::names::{is_known_surname, Lexical, GAZETTEER};
    /// Given names this common are a first name used alone (`Bob`, `Ted`),
    /// not a surname (`Carson`, `Clinton`).
    const COMMON_GIVEN: usize = 500;
    subjects
        .iter()
        .filter_map(|&(_, at)| {
            let Some(Item::Word { range, cap: true }) = p.items.get(at) else {
                return None;
            };
            let word = &p.text[range.clone()];
            // A verb follows (`defied`, `has`, `was`, `told`, `also
            // vowed`), not a noun the name modifies (`Sanford police`).
            let verb = |k: usize| {
                matches!(p.items.get(k), Some(Item::Word { cap: false, .. }))
                    && p.word(k).is_some_and(|w| {
                        w.ends_with("ed")
                            || lex::irregular_pasts().contains(w)
                            || lex::auxiliaries().contains(w)
                            || lex::be_forms().contains(w)
                            || lex::speech_verbs().contains(w)
                    })
            };
            let adverb = p
                .word(at + 1)
                .is_some_and(|w| w.ends_with("ly") || w == "also");
            let lower_next = verb(at + 1) || adverb && verb(at + 2);
            let name = is_known_surname(word)
                && !crate::lexicon::english::is_english_word(p.word(at)?)
                && GAZETTEER
                    .given_rank(word)
                    .is_none_or(|rank| rank > COMMON_GIVEN)
                && !lex::not_names().contains(p.word(at)?)
                && matches!(GAZETTEER.lexical(word), None | Some(Lexical::Common));
            (name && lower_next && !is_possessive(word)).then(|| (range.start, word.to_string()))
        })
        .collect()
}

/// Whether item `at` stands right after a quote (and the comma after it).
fn right_after_quote(items: &[Item], at: usize) -> bool {
    match at.checked_sub(1).map(|k| &items[k]) {
        Some(Item::Quote { .. }) => true,
        Some(Item::Punct { ch: ',', .. }) => at >= 2 && matches!(items[at - 2], Item::Quote { .. }),
        _ => false,
    }
}
