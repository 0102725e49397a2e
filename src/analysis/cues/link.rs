//! Which cue attributes which quote: a cue in the quote's sentence (after
//! it, before it), a sentence of reported speech right before it, a colon
//! after the speaker (`Mr Carrick was blunt: “…”`), the subject of the
//! reporter's sentence a fragment is woven into (`He called the plan “a
//! disaster”`), and a cue closing the paragraph for the next one's quote.
//! Cues are found by halving, never by scanning every cue for every quote.

use crate::analysis::marks::QuoteKind;
use crate::lexicon::names::{Lexical, GAZETTEER};
use crate::lexicon::quotes as lex;

use super::find::{fill_texts, put_to_subject, Found};
use super::items::{Item, Para};
use super::phrase::{named, pronoun};
use super::subject::{
    clause_subject, opening_apposition, pronoun_at, quoted_label, sentence_subject, subject_start,
    verb_before,
};
use super::types::{Cue, PhraseKind, Pronoun, SpeakerPhrase, Trailing, SIGN_OFF};

/// The cue of each outer quote (adding the colon and sentence-subject cues
/// it makes).
pub(super) fn quotes(p: &Para<'_>, found: &mut Found) -> Vec<Option<usize>> {
    let mut out = vec![None; p.quotes.len()];
    for (qi, &k) in p.quotes.iter().enumerate() {
        out[qi] = owned_words(p, found, qi, k)
            .or_else(|| in_sentence(p, found, qi, k))
            .or_else(|| short_cue_after(p, found, qi, k))
            .or_else(|| verdict_after(p, found, k))
            .or_else(|| came_after(p, found, k))
            .or_else(|| source_after(p, found, qi, k))
            .or_else(|| reported_before(p, found, k))
            .or_else(|| unlisted_verb_after(p, found, qi, k));
        // A title right after a cue's speaker, before its verb, is part of
        // the speaker's description (`Amar, … author of “America’s Unwritten
        // Constitution,” put it`), not the words said.
        if p.outer[qi].kind == QuoteKind::Title {
            let at = p.items[k].start();
            let inside = out[qi].and_then(|c| found.cues.get(c)).is_some_and(|cue| {
                cue.speaker.as_ref().is_some_and(|s| {
                    s.range.start < at
                        && at < cue.verb.start
                        && p.text
                            .get(s.range.end..at)
                            .is_some_and(|gap| gap.trim().is_empty())
                })
            });
            if inside {
                out[qi] = None;
            }
        }
    }
    for (qi, &k) in p.quotes.iter().enumerate() {
        // A quote that ends in a comma waits for its cue (`“…,” she said`):
        // with none, its attribution is missing, not to be guessed.
        let waits = p.outer[qi].last_char == Some(',') && p.outer[qi].kind == QuoteKind::Full;
        if out[qi].is_none() && !waits {
            out[qi] = label_inside(p, found, qi, k)
                .or_else(|| signed_after(p, found, k))
                .or_else(|| attributed_before(p, found, k))
                .or_else(|| label_before(p, found, k))
                .or_else(|| colon_cue(p, found, k))
                .or_else(|| woven_into(p, found, qi, k))
                .or_else(|| headline_subject(p, found, k))
                .or_else(|| subject_before_quote(p, found, qi, k));
        }
    }
    out
}

/// A transcript's speaker label opening the quote (`"PENCE: Well, look…`,
/// `"Q: …`): the label, in capitals, before a colon.
fn label_inside(p: &Para<'_>, found: &mut Found, qi: usize, k: usize) -> Option<usize> {
    let span = p.outer[qi];
    let words = &p.text[span.content.clone()];
    let lead = words.len() - words.trim_start().len();
    // (Any space after the colon: transcripts pasted from the web often
    // set a no-break space there.)
    let colon = words
        .match_indices(':')
        .map(|(i, _)| i)
        .find(|&i| words[i + 1..].starts_with(char::is_whitespace))?;
    let label = &words[lead..colon];
    // (`"VIDEO: …`, `"WATCH: …`: a site's tag, no speaker.)
    let tag = crate::lexicon::furniture::link_tags().contains(label.to_lowercase().as_str());
    let ok = !tag
        && (2..=30).contains(&label.len())
        && label.split(' ').count() <= 3
        && label.chars().any(|c| c.is_alphabetic())
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
    if !ok {
        return None;
    }
    let range = span.content.start + lead..span.content.start + colon;
    Some(add(
        p,
        found,
        k,
        range.end..range.end + 1,
        ":",
        named(range),
    ))
}

/// A sign-off after the quote (`“…” ― Pamela Padilla`, `“…” — Maria
/// Lopez, Phoenix`): the name after the dash.
fn signed_after(p: &Para<'_>, found: &mut Found, k: usize) -> Option<usize> {
    let dash = k + 1;
    if !["―", "—", "–", "-"]
        .iter()
        .any(|d| p.punct(dash, d.chars().next().unwrap_or('-')))
    {
        return None;
    }
    let (phrase, _) = name_at(p, dash + 1, 6)?;
    let Item::Punct { at, .. } = p.items[dash] else {
        return None;
    };
    Some(add(p, found, dash, at..at + 1, SIGN_OFF, phrase))
}

/// A name of at most `max` capitalised words (and abbreviations' full
/// stops) starting at item `first`: its phrase, and the item after it.
fn name_at(p: &Para<'_>, first: usize, max: usize) -> Option<(SpeakerPhrase, usize)> {
    let end = name_end(p, first, max)?;
    let phrase = super::phrase::phrase(p.text, &p.items, first, end)
        .filter(|ph| ph.kind == PhraseKind::Named)?;
    Some((phrase, end))
}

/// Whether item `i` is a capitalised word or an abbreviation's full stop,
/// as names are made of (`Sen.`, `Thomas`, `Jefferson`).
fn name_item(p: &Para<'_>, i: usize) -> bool {
    matches!(p.items[i], Item::Word { cap: true, .. })
        || super::items::is_abbrev_dot(p.text, &p.items, i)
}

/// The item after a run of at most `max` name items starting at `first`.
fn name_end(p: &Para<'_>, first: usize, max: usize) -> Option<usize> {
    (first..p.items.len())
        .take(max)
        .take_while(|&i| name_item(p, i))
        .last()
        .map(|i| i + 1)
}

/// Where a run of at most `max` name items ending before `end` starts, not
/// before `floor` (`end` when there is none).
fn name_start(p: &Para<'_>, floor: usize, end: usize, max: usize) -> usize {
    let mut first = end;
    while first > floor && end - first < max && name_item(p, first - 1) {
        first -= 1;
    }
    first
}

/// A word without its possessive `’s` (`Marr’s` → `Marr`).
fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
}

/// A quote in a title-case headline with no cue (`Obama Sees ‘Personal
/// Insult’ if …`, `Hillary Clinton Speaks ‘Directly To White People’`): the
/// name the headline opens with, before its verb.
fn headline_subject(p: &Para<'_>, found: &mut Found, k: usize) -> Option<usize> {
    // A short paragraph, however it is wrapped. (After a dateline the
    // headline's shape is the place's capitals.)
    if p.items.len() > 40 || p.sent[k] != 0 {
        return None;
    }
    // `Pat Caddell: Voters Worried …`, `Sanders: Endorsements prove Clinton
    // ‘candidate of the establishment’`: the name before the colon, in
    // title case or not.
    if let Some(colon) = (1..k.min(5)).find(|&i| p.punct(i, ':')) {
        let phrase = super::phrase::phrase(p.text, &p.items, 0, colon)
            .filter(|ph| ph.kind == PhraseKind::Named && !ordinary_word(p.text, ph))?;
        let Item::Punct { at, .. } = p.items[colon] else {
            return None;
        };
        return Some(add(p, found, colon, at..at + 1, ":", phrase));
    }
    if !crate::text::words::is_title_case(p.text) {
        return None;
    }
    // The words before the quote: a name, then its verb (`Sees`, `Asked`,
    // `Told`, `Is`).
    let verb = (1..k.min(5)).find(|&i| {
        p.word(i).is_some_and(|w| {
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                || w.ends_with("ed")
                || lex::irregular_pasts().contains(w)
                || lex::auxiliaries().contains(w)
        })
    })?;
    let phrase = super::phrase::phrase(p.text, &p.items, 0, verb)
        .filter(|ph| ph.kind == PhraseKind::Named)?;
    let range = p.items[verb].start()..p.items[verb].end();
    let word = p.word(verb)?;
    Some(add(p, found, verb, range, word, phrase))
}

/// Whether a one-word phrase is an ordinary English word and no known name
/// (`Update`, `Watch`, `Exclusive`): a capital that says nothing.
fn ordinary_word(text: &str, ph: &SpeakerPhrase) -> bool {
    let w = &text[ph.range.clone()];
    !w.contains(char::is_whitespace) && super::words::is_ordinary_word(w)
}

/// A quote opening a sentence in mid-paragraph, after a sentence whose
/// subject is a person (`His former partner, Lawrence Cummings, called him
/// a master of the deal. “He showed again and again …”`): that subject.
fn subject_before_quote(p: &Para<'_>, found: &mut Found, qi: usize, k: usize) -> Option<usize> {
    let s = p.sentence_start(k);
    if k != s || s == 0 || p.outer[qi].kind != QuoteKind::Full {
        return None;
    }
    let prev = p.sentence(p.sent[s - 1]);
    // (A title or a fragment in it is the reporter's sentence still.)
    let full_quote_in = |r: &std::ops::Range<usize>| {
        let first = p.quotes.partition_point(|&q| q < r.start);
        p.quotes[first..]
            .iter()
            .take_while(|&&q| q < r.end)
            .enumerate()
            .any(|(i, _)| p.outer[first + i].kind == QuoteKind::Full)
    };
    if prev.is_empty() || full_quote_in(&prev) {
        return None;
    }
    let subject = sentence_subject(p, prev.start, prev.end)
        .filter(|ph| matches!(ph.kind, PhraseKind::Named | PhraseKind::Pronoun(_)))
        .or_else(|| opening_apposition(p.text, &p.items, prev.start, prev.end))
        .or_else(|| {
            // (Only from a sentence with no quote or cue of its own: after
            // `Rubio “apologized,” Hannity said.` the words go on being
            // Hannity's, not Rubio's.)
            let bare =
                !p.quote_within(&prev) && cues_between(found, prev.start, prev.end).is_empty();
            bare.then(|| opening_name(p, prev.start, prev.end))
                .flatten()
        })?;
    // The verb after the subject and any apposition to it.
    let v = verb_after(p, &subject, prev.start, prev.end)?;
    let verb = p.items[v].start()..p.items[v].end();
    let word = p.word(v)?;
    Some(add(p, found, v, verb, word, subject))
}

/// The verb of a subject found between items `from` and `to`: the first
/// word after it, past an apposition or an aside in commas (`Mr. Trump,
/// during multiple interviews, referred`).
fn verb_after(p: &Para<'_>, subject: &SpeakerPhrase, from: usize, to: usize) -> Option<usize> {
    let mut after = (from..to).find(|&i| p.items[i].start() >= subject.range.end)?;
    if p.punct(after, ',') {
        if let Some(c) = (after + 1..to).find(|&i| p.punct(i, ',')) {
            after = c + 1;
        }
    }
    (after..to).find(|&i| p.word(i).is_some())
}

/// A quote right after `was` and an owner's noun of saying (`“…,” was Mr
/// Marr’s assessment`, `“…” was her verdict.`): the owner speaks.
fn verdict_after(p: &Para<'_>, found: &mut Found, k: usize) -> Option<usize> {
    let be = k + 1 + usize::from(p.punct(k + 1, ','));
    if !matches!(p.word(be), Some("was" | "is")) {
        return None;
    }
    let from = be + 1;
    let owner = match p.word(from) {
        Some("his") => Some(Pronoun::He),
        Some("her") => Some(Pronoun::She),
        Some("their") => Some(Pronoun::They),
        _ => None,
    };
    let (speaker, noun) = match owner {
        Some(which) => {
            let range = p.items[from].start()..p.items[from].end();
            (pronoun(range, which), from + 1)
        }
        None => {
            // A name of at most five words, the last one possessive.
            let end = name_end(p, from, 5)?;
            let last = p.items[end - 1].start()..p.items[end - 1].end();
            let stem = possessive_stem(&p.text[last.clone()])?;
            (named(p.items[from].start()..last.start + stem.len()), end)
        }
    };
    let word = p.word(noun)?;
    if !lex::verdict_nouns().contains(word) {
        return None;
    }
    let range = p.items[noun].start()..p.items[noun].end();
    let word = word.to_string();
    Some(add(p, found, noun, range, &word, speaker))
}

/// A quote right after `came` and a noun of what was said (`“…,” came the
/// reply from Mr Hale`, `“Call the roll,” came shouts from the crowd`):
/// whoever it came from speaks.
fn came_after(p: &Para<'_>, found: &mut Found, k: usize) -> Option<usize> {
    const MAX_ADJECTIVES: usize = 1;
    let came = k + 1 + usize::from(p.punct(k + 1, ','));
    if !matches!(p.word(came), Some("came" | "comes")) {
        return None;
    }
    let det = came + 1 + usize::from(matches!(p.word(came + 1), Some("the" | "a" | "an")));
    let noun = (det..=det + MAX_ADJECTIVES)
        .find(|&i| p.word(i).is_some_and(|w| lex::quoted_nouns().contains(w)))?;
    if p.word(noun + 1) != Some("from") {
        return None;
    }
    let ceil = p.sentence_end(k + 1);
    let speaker = super::after::speaker_after(p.text, &p.items, noun + 1, ceil)?;
    let range = p.items[came].start()..p.items[came].end();
    Some(add(p, found, came, range, "came", speaker))
}

/// A quote closing its sentence, then a sentence naming whose words they
/// were (`“…” That quote from Alabama Securities Commissioner Thomas
/// Krebs appeared on the front page`, `“…” The remark came from a senior
/// aide.`): that speaker.
fn source_after(p: &Para<'_>, found: &mut Found, qi: usize, k: usize) -> Option<usize> {
    let span = p.outer[qi];
    if span.kind != QuoteKind::Full || !matches!(span.last_char, Some('.' | '?' | '!')) {
        return None;
    }
    let det = k + 1;
    let opens = matches!(p.items.get(det), Some(Item::Word { cap: true, .. }));
    if !opens
        || !matches!(
            p.word(det),
            Some("that" | "this" | "those" | "these" | "the")
        )
    {
        return None;
    }
    let noun = det + 1;
    let word = p.word(noun)?;
    if !(lex::quoted_nouns().contains(word) || matches!(word, "quote" | "quotes" | "quotation")) {
        return None;
    }
    let from = noun + 1 + usize::from(p.word(noun + 1) == Some("came"));
    if p.word(from) != Some("from") {
        return None;
    }
    // A name ends at the sentence's verb (`from Home Office minister
    // Thomas Krebs appeared`): the first lower-case word that is no role.
    let end = p.sentence_end(from);
    let capped = |i: usize| matches!(p.items.get(i), Some(Item::Word { cap: true, .. }));
    let ceil = if capped(from + 1) {
        (from + 1..end)
            .find(|&i| {
                matches!(p.items[i], Item::Word { cap: false, .. })
                    && !p.word(i).is_some_and(|w| {
                        lex::role_nouns().contains(w) || matches!(w, "of" | "for" | "the")
                    })
            })
            .unwrap_or(end)
    } else {
        end
    };
    let speaker = super::after::speaker_after(p.text, &p.items, from, ceil)?;
    let range = p.items[noun].start()..p.items[noun].end();
    let word = word.to_string();
    Some(add(p, found, noun, range, &word, speaker))
}

/// A quote after a lead-in that names whose words they are (`I am reminded
/// of a quote attributed to Thomas Jefferson. “…”`, `In the words of Ada
/// Quist: “…”`): the name.
fn attributed_before(p: &Para<'_>, found: &mut Found, k: usize) -> Option<usize> {
    if k < 4 {
        return None;
    }
    let stop = k - 1;
    let ends_sentence = p.punct(stop, '.');
    if !(ends_sentence || p.punct(stop, ',') || p.punct(stop, ':')) {
        return None;
    }
    // After a full stop the quote opens its own sentence.
    if ends_sentence && p.sentence_start(k) != k {
        return None;
    }
    // (Not a sentence of its own quote: `…,” read the statement, which was
    // attributed to Miller.`)
    let lead = p.sentence_start(stop)..stop;
    if p.quote_within(&lead) {
        return None;
    }
    let first = name_start(p, 0, stop, 5);
    if first == stop || first < 2 {
        return None;
    }
    let lead = (p.word(first - 2), p.word(first - 1));
    if !matches!(
        lead,
        (Some("attributed"), Some("to")) | (Some("words"), Some("of"))
    ) {
        return None;
    }
    let phrase = super::phrase::phrase(p.text, &p.items, first, stop)
        .filter(|ph| ph.kind == PhraseKind::Named)?;
    let Item::Punct { at, .. } = p.items[stop] else {
        return None;
    };
    Some(add(p, found, stop, at..at + 1, ":", phrase))
}

/// A person's name opening a sentence, before an apposition or a verb
/// the verb list does not know (`Graham Barlow, editor of Mac Format, has
/// …`, `Mauresmo spent five weeks …`).
fn opening_name(p: &Para<'_>, s: usize, e: usize) -> Option<SpeakerPhrase> {
    let s = subject_start(p, s, e)?;
    super::subject::opening_subject(p.text, &p.items, s, e)
        .filter(|ph| ph.kind == PhraseKind::Named && ph.range.start == p.items[s].start())
        // (A lone capital that is an ordinary word is the sentence's:
        // `Interest rates were held …`.)
        .filter(|ph| !ordinary_word(p.text, ph))
}

/// The cues standing in items `from..to`: their indices in `found`.
fn cues_between(found: &Found, from: usize, to: usize) -> std::ops::Range<usize> {
    let a = found.at.partition_point(|&c| c < from);
    let b = found.at.partition_point(|&c| c < to);
    a..b.max(a)
}

/// A cue in the quote's own sentence: the first after it (before any other
/// quote), or the last before it.
fn in_sentence(p: &Para<'_>, found: &Found, qi: usize, k: usize) -> Option<usize> {
    let span = p.outer[qi];
    let (s, e) = (p.sentence_start(k), p.sentence_end(k));
    let has_speaker = |c: usize| found.cues[c].speaker.is_some();
    // After: the first cue in the same sentence, before any other quote.
    let mut after = None;
    if !matches!(span.last_char, Some('.')) {
        // (A name or title quoted in the speaker's apposition is no other
        // quote: `“…,” Bill Eastland, wearing “Ted Cruz” pins, said`.)
        let next_quote = p.quotes[qi + 1..]
            .iter()
            .copied()
            .find(|&i| !matches!(&p.items[i], Item::Quote { range, .. } if quoted_label(p.text, range)))
            .unwrap_or(usize::MAX);
        // (A verb with no speaker of its own does not end the search: `“…”
        // announced in October, said Derek Scissors`.)
        if let Some(c) = cues_between(found, k + 1, e).find(|&c| has_speaker(c)) {
            let ci = found.at[c];
            if ci < next_quote && ci - k <= 40 {
                after = Some(c);
            }
        }
    }
    // Before: the last cue in the same sentence (a weak cue, `called`,
    // `described`, only right before the quote).
    let before = cues_between(found, s, k).rev().find(|&c| {
        let weak = lex::weak_cues().contains(&found.cues[c].word);
        has_speaker(c) && (!weak || k - found.at[c] <= 7)
    });
    let before = before.map(|c| {
        if span.kind == QuoteKind::Full {
            c
        } else {
            outer_reporter(p, found, s, c)
        }
    });
    let first_in_sentence = k == s;
    if first_in_sentence || span.kind != QuoteKind::Full && after.is_some() && before.is_none() {
        after.or(before)
    } else {
        before.or(after)
    }
}

/// A fragment woven into reported speech (`Rep. Steve Israel said Clinton
/// called on members to be “closely coordinated.”`, `Obama said he expected
/// that Americans will say “no”`): when the cue before the fragment belongs
/// to the subject of a clause inside the sentence, the fragment is given
/// by the sentence's own reporter, the first cue of a reporting verb whose
/// speaker is the sentence's subject. Else cue `c` itself.
fn outer_reporter(p: &Para<'_>, found: &Found, s: usize, c: usize) -> usize {
    let own = |c: usize| {
        found.cues[c]
            .speaker
            .as_ref()
            .is_some_and(|sp| own_subject(p, found.at[c], sp))
    };
    // (Reading whose subject a cue has walks from the sentence's start:
    // a sentence longer than any of copy keeps its nearer cue.)
    const LONGEST: usize = 200;
    if found.at[c] - s > LONGEST || own(c) {
        return c;
    }
    // (Not a cue after a quote: `“You winning?” she said, but … as Trump
    // went on about “how the system is rigged”` is not hers.)
    // (Found by halving, and the reporter looked for within a bounded
    // stretch: a sentence of many megabytes costs no more per quote.)
    const REACH: usize = 60;
    let before = p.quotes.partition_point(|&q| q < found.at[c]);
    let after = match before.checked_sub(1).map(|i| p.quotes[i]) {
        Some(q) if q >= s => Some(q + 1),
        _ => None,
    };
    let from = after.unwrap_or(s).max(found.at[c].saturating_sub(REACH));
    let after_quote = |sp: &SpeakerPhrase| {
        after.is_some_and(|from| {
            (from..found.at[c])
                .take_while(|&i| p.items[i].start() < sp.range.start)
                .all(|i| matches!(p.items[i], Item::Punct { .. }))
        })
    };
    cues_between(found, from, found.at[c])
        .find(|&o| {
            let cue = &found.cues[o];
            !cue.verb.is_empty()
                && lex::reporting_verbs().contains(&cue.word)
                && cue.speaker.as_ref().is_some_and(|sp| {
                    matches!(
                        sp.kind,
                        PhraseKind::Named
                            | PhraseKind::Role
                            | PhraseKind::Pronoun(Pronoun::He | Pronoun::She)
                    ) && sp.range.start < cue.verb.start
                        && !after_quote(sp)
                })
                && own(o)
        })
        .unwrap_or(c)
}

/// A quote closing its sentence with a full stop, then a sentence that is
/// only its cue (`“I hope you’re able to find them.” Trump said.`): that cue.
fn short_cue_after(p: &Para<'_>, found: &Found, qi: usize, k: usize) -> Option<usize> {
    if !matches!(p.outer[qi].last_char, Some('.' | '?' | '!')) || p.sentence_end(k) != k + 1 {
        return None;
    }
    let next = p.sentence(*p.sent.get(k + 1)?);
    // After a question or an exclamation, which no comma can end, the
    // sentence may open with the speaker and an apposition (`“…?” He
    // Jianxiong, the former executive director for China at the IMF, said
    // at an event.`).
    const SHORT: usize = 8;
    const LONG: usize = 30;
    let asked = matches!(p.outer[qi].last_char, Some('?' | '!'));
    if next.len() > if asked { LONG } else { SHORT } || p.quote_within(&next) {
        return None;
    }
    let c = cues_between(found, next.start, next.end).next()?;
    let ci = found.at[c];
    let speaker = found.cues[c].speaker.as_ref()?;
    // Only after a question: the sentence opens with the cue's speaker,
    // whatever words of time or place follow the verb (`said at a Nov. 6
    // event in Washington`).
    let opens = asked && speaker.range.start == p.items[next.start].start();
    // Else the cue ends a short sentence, but for its full stop.
    (opens || next.len() <= SHORT && next.end - ci <= 3).then_some(c)
}

/// A full quote ending in a comma, then a name or pronoun and one verb
/// that ends the sentence (`“…,” Hannity started.`, `“…,” he ventured.`):
/// the comma inside the marks says the attribution follows, so the verb is
/// its speech verb whether or not the lexicon knows it.
fn unlisted_verb_after(p: &Para<'_>, found: &mut Found, qi: usize, k: usize) -> Option<usize> {
    let span = p.outer[qi];
    if span.last_char != Some(',') || span.kind != QuoteKind::Full {
        return None;
    }
    let first = k + 1 + usize::from(p.punct(k + 1, ','));
    let (phrase, v) = match pronoun_at(p, first) {
        Some(ph) => (ph, first + 1),
        None => name_at(p, first, 4)?,
    };
    let w = p.word(v)?;
    let Item::Word { cap: false, range } = &p.items[v] else {
        return None;
    };
    // A past form, or a verb and its particle (`shot back`, `chimed in`).
    let particle = p
        .word(v + 1)
        .is_some_and(|x| matches!(x, "back" | "in" | "up" | "out" | "on"));
    let after = v + 1 + usize::from(particle);
    let ends = after == p.items.len()
        || p.sentence_end(v) == after + 1
            && matches!(
                p.items[after],
                Item::Punct {
                    ch: '.' | '!' | '?',
                    ..
                }
            );
    if !(ends && w.len() > 3 && w.ends_with("ed") && !lex::auxiliaries().contains(w)) {
        return None;
    }
    let (verb, word) = (range.clone(), w.to_string());
    Some(add(p, found, v, verb, &word, phrase))
}

/// `She said ministers had been warned. “When we put that in writing…”`:
/// a quote opening the sentence after a sentence of reported speech.
fn reported_before(p: &Para<'_>, found: &Found, k: usize) -> Option<usize> {
    let s = p.sentence_start(k);
    if k != s || s == 0 {
        return None;
    }
    let prev = p.sentence(p.sent[s - 1]);
    if p.quote_within(&prev) {
        return None;
    }
    cues_between(found, prev.start, prev.end).rev().find(|&c| {
        found.cues[c].speaker.is_some() && lex::reporting_verbs().contains(&found.cues[c].word)
    })
}

/// Adds a cue with no verb of its own (`:` or the verb of a reporter's
/// sentence) and returns its index.
fn add(
    p: &Para<'_>,
    found: &mut Found,
    k: usize,
    at: std::ops::Range<usize>,
    word: &str,
    mut speaker: SpeakerPhrase,
) -> usize {
    fill_texts(p.text, &mut speaker);
    found.cues.push(Cue {
        verb: at,
        word: word.to_string(),
        speaker: Some(speaker),
    });
    found.at.push(k);
    found.cues.len() - 1
}

/// A bare colon before the quote (`Mr Carrick was blunt: “…”`, `His answer:
/// “…”`, a transcript's `Former secretary of state Hillary Rodham Clinton:
/// “…”`): the sentence's subject speaks.
fn colon_cue(p: &Para<'_>, found: &mut Found, k: usize) -> Option<usize> {
    if k == 0 || !p.punct(k - 1, ':') {
        return None;
    }
    let Item::Punct { at, .. } = p.items[k - 1] else {
        return None;
    };
    let s = p.sentence_start(k);
    // `A lesson from Loretta Lynch: ‘…’`, `Advice from Dr Patel: “…”`:
    // the name the words come from.
    let first = name_start(p, s, k - 1, usize::MAX);
    // (Not a place: `Live from Kyiv:`, `News from New York:`.)
    let place = (first..k - 1).any(|i| {
        p.word(i).is_some_and(|_| {
            let w = &p.text[p.items[i].start()..p.items[i].end()];
            GAZETTEER.multi_start(w)
                || matches!(
                    GAZETTEER.lexical(w),
                    Some(Lexical::Place | Lexical::Demonym)
                )
        })
    });
    let from = (first > s && first < k - 1 && p.is(first - 1, "from") && !place)
        .then(|| super::phrase::phrase(p.text, &p.items, first, k - 1))
        .flatten()
        .filter(|ph| ph.kind == PhraseKind::Named);
    let subject = from
        .or_else(|| owner_of_words(p, s, k - 1))
        .or_else(|| pronoun_at(p, s))
        .or_else(|| {
            clause_subject(p.text, &p.items, s, k - 1)
                .filter(|ph| ph.range.start == p.items[s].start())
        })
        .or_else(|| sentence_subject(p, s, k - 1))
        .or_else(|| {
            super::phrase::phrase(p.text, &p.items, s, k - 1)
                .filter(|ph| ph.kind == PhraseKind::Named)
        })
        .or_else(|| {
            // `The timing does not surprise Republican pollster Daron Shaw:
            // “…”`: no subject speaks, so the person the lead-in ends on.
            let start = super::walk::walk_back(p.text, &p.items, k - 1, s);
            (start > s && !place)
                .then(|| super::phrase::phrase(p.text, &p.items, start, k - 1))
                .flatten()
                .filter(|ph| {
                    let last = p.items[k - 2].end();
                    ph.kind == PhraseKind::Named && ph.name.as_ref().is_some_and(|n| n.end == last)
                })
        })?;
    Some(add(p, found, k - 1, at..at + 1, ":", subject))
}

/// A lead-in opening with whose words follow (`His answer:`, `Her message
/// to the government:`, `Ms Heald’s verdict was blunt:`): the owner, a
/// pronoun standing for a person or a name.
fn owner_of_words(p: &Para<'_>, s: usize, colon: usize) -> Option<SpeakerPhrase> {
    // The noun of saying right after the owner, who opens the sentence
    // (after a name's honorific and given names).
    let noun = (s + 1..colon.min(s + 5)).find(|&i| {
        p.word(i).is_some_and(|w| {
            matches!(p.items[i], Item::Word { cap: false, .. })
                && (lex::quoted_nouns().contains(w) || lex::verdict_nouns().contains(w))
        })
    })?;
    let owner = noun - 1;
    let range = p.items[owner].start()..p.items[owner].end();
    let as_pronoun = match p.word(owner)? {
        "his" => Some(Pronoun::He),
        "her" => Some(Pronoun::She),
        "their" => Some(Pronoun::They),
        _ => None,
    };
    if let Some(pr) = as_pronoun {
        return (owner == s).then(|| pronoun(range, pr));
    }
    let stem = possessive_stem(&p.text[range.clone()])?;
    let capped = |i: usize| matches!(p.items[i], Item::Word { cap: true, .. });
    if !(s..=owner).all(capped) || stem.is_empty() {
        return None;
    }
    let phrase = super::phrase::phrase(p.text, &p.items, s, owner + 1)?;
    let name = phrase.name.clone()?;
    let name = name.start..name.end.min(range.start + stem.len());
    Some(named(name))
}

/// A fragment between a name's possessive and a noun of saying (`Mitt
/// Romney’s “47 percent” comment`, `Trump’s “America First” slogan`): the
/// name's owner said it.
fn owned_words(p: &Para<'_>, found: &mut Found, qi: usize, k: usize) -> Option<usize> {
    if k == 0 || p.outer[qi].kind == QuoteKind::Full {
        return None;
    }
    let noun = p.word(k + 1)?;
    if !matches!(p.items[k + 1], Item::Word { cap: false, .. })
        || !lex::quoted_nouns().contains(noun)
    {
        return None;
    }
    let Item::Word {
        range: last,
        cap: true,
    } = &p.items[k - 1]
    else {
        return None;
    };
    let stem = possessive_stem(&p.text[last.clone()])?;
    let floor = p.sentence_start(k);
    let mut first = k - 1;
    while first > floor && matches!(p.items[first - 1], Item::Word { cap: true, .. }) {
        first -= 1;
    }
    let name = p.items[first].start()..last.start + stem.len();
    Some(add(p, found, k - 1, last.clone(), "’s", named(name)))
}

/// A quote woven into the reporter's own sentence with no speech verb
/// (`He called the plan “a disaster”`, `Cruz vowed to “carpet bomb them”`,
/// `Trump issued a statement, “…”`): the sentence's subject, when the
/// sentence names one before the quote.
fn woven_into(p: &Para<'_>, found: &mut Found, qi: usize, k: usize) -> Option<usize> {
    let span = p.outer[qi];
    let s = p.sentence_start(k);
    if k == s || span.kind == QuoteKind::Title {
        return None;
    }
    let subject = sentence_subject(p, s, k)?;
    let v = verb_after(p, &subject, s, k)?;
    // Not words put to the subject (`Trump was asked, “What’s …?”`); a
    // quote after that sentence is its answer (`Dr Fox was asked if he
    // would stand. “I'm sure …”`), read elsewhere.
    if put_to_subject(p, v) {
        return None;
    }
    let verb = p.items[v].start()..p.items[v].end();
    let word = p.word(v)?;
    Some(add(p, found, v, verb, word, subject))
}

/// Whether the speaker of the cue at item `k` is its sentence's subject, or
/// stands in a parenthesis (`which, Tompkins said, is …`) or after a quote
/// (`calling him “a buffoon,” Susan said`): not the subject
/// of a clause inside the sentence (`Some note that Rowe, even as she says
/// …`; the subject `Some` has no cue of its own).
fn own_subject(p: &Para<'_>, k: usize, sp: &SpeakerPhrase) -> bool {
    let floor = p.sentence_start(k);
    let first = (floor..k)
        .find(|&i| p.items[i].start() >= sp.range.start)
        .unwrap_or(k);
    if first == floor {
        return true;
    }
    let Some(s) = subject_start(p, floor, first) else {
        return true;
    };
    // (After a comma or a quote the cue is the sentence's own: `…,”
    // Clinton said.`)
    first <= s
        || matches!(
            p.items[first - 1],
            Item::Quote { .. }
                | Item::Punct {
                    ch: ',' | '\'' | '’' | '"' | '”',
                    ..
                }
        )
        || !verb_before(p, s, first)
}

/// A trailing `He added:` cue, or a last sentence of reported speech
/// (`Alvarado said the law would force companies to be honest.`): its first
/// cue of a reporting verb with a speaker (`Carter said that critics had
/// been predicting a withdrawal` is Carter's), where the sentence quotes
/// nothing, or only a fragment woven into it (`Trump shot back, saying he
/// had “made a lot of money in down markets.”`); only a name, a role, he
/// or she, the sentence's own subject (not an anonymous source's, not a
/// group's, not one named in a clause inside the sentence).
pub(super) fn trailing(p: &Para<'_>, found: &Found) -> Option<Trailing> {
    let (last_item, &ci) = (p.items.last()?, found.at.last()?);
    let c = found.cues.len() - 1;
    let cue = found.cues.last()?;
    let last_quote = p.quotes.last().copied();
    if cue.speaker.is_some()
        && !cue.verb.is_empty()
        && matches!(last_item, Item::Punct { ch: ':', .. })
        && last_quote.is_none_or(|q| q < ci)
    {
        return Some(Trailing::Colon(c));
    }
    let last_sentence = p.sent[p.items.len() - 1];
    let woven_only = p.quotes.iter().all(|&q| {
        p.sent[q] != last_sentence
            || matches!(p.items[q], Item::Quote { index, .. }
                if p.outer.get(index).is_some_and(|s| s.kind == QuoteKind::Partial))
    });
    if !woven_only {
        return None;
    }
    // The sentence's first cue of reported speech, when its speaker is the
    // sentence's own (`Some note that Trump, even as he says …` is not
    // Trump's reported speech) and one person (`They noted …`,
    // `Republicans said …`, `the agency said …` do not say whose quote
    // comes next).
    (0..found.cues.len())
        .find(|&c| {
            let cue = &found.cues[c];
            p.sent.get(found.at[c]) == Some(&last_sentence)
                && !cue.verb.is_empty()
                && lex::reporting_verbs().contains(&cue.word)
                && cue.speaker.is_some()
        })
        .filter(|&c| {
            found.cues[c].speaker.as_ref().is_some_and(|sp| {
                matches!(
                    sp.kind,
                    PhraseKind::Named
                        | PhraseKind::Role
                        | PhraseKind::Pronoun(Pronoun::He | Pronoun::She)
                ) && own_subject(p, found.at[c], sp)
            })
        })
        .map(Trailing::Reported)
}

/// A paragraph that is only a speaker's label: a person's name, maybe a
/// role before it and an age or a job after a comma, maybe a dash or a
/// bullet before and a colon after (`- Bolton boss Sam Allardyce`,
/// `Priya Shah, 34, nurse:`), as reaction lines and vox pops set out who
/// speaks next. It attributes the next paragraph's opening quote. Not a
/// byline (`By Ellie Marsden`), not a sentence.
pub(super) fn label_line(p: &Para<'_>, found: &mut Found) -> Option<Trailing> {
    let n = p.items.len();
    if !p.quotes.is_empty() || p.sentence_count() != 1 || n == 0 {
        return None;
    }
    let from = usize::from(bullet(p, 0));
    let colon = p.punct(n - 1, ':');
    let to = n - usize::from(colon);
    let phrase = label(p, from, to)?;
    let end = p.items[n - 1].end();
    let at = if colon {
        p.items[n - 1].start()..end
    } else {
        end..end
    };
    Some(Trailing::Colon(add(p, found, n - 1, at, ":", phrase)))
}

/// Whether item `i` is a dash or a bullet.
fn bullet(p: &Para<'_>, i: usize) -> bool {
    matches!(
        p.items[i],
        Item::Punct {
            ch: '-' | '–' | '—' | '•' | '*',
            ..
        }
    )
}

/// A speaker's label in items `from..to`: a person's full name, maybe with
/// a role before it and an age or a job after a comma (`Bolton boss Sam
/// Allardyce`, `Priya Shah, 34, nurse`). Not a byline (`By Ellie
/// Marsden`), not a sentence.
fn label(p: &Para<'_>, from: usize, to: usize) -> Option<SpeakerPhrase> {
    const MAX_WORDS: usize = 12;
    let words = (from..to)
        .filter(|&i| matches!(p.items[i], Item::Word { .. }))
        .count();
    // Only words, numbers and commas (and a title's full stop: `Dr.`).
    let plain = (from..to).all(|i| match &p.items[i] {
        Item::Word { .. } => true,
        Item::Punct { ch: ',', .. } => true,
        Item::Punct { ch: '.', .. } => super::items::is_abbrev_dot(p.text, &p.items, i),
        _ => false,
    });
    if !plain || words == 0 || words > MAX_WORDS {
        return None;
    }
    let first = p.word(from)?;
    if first == "by" || lex::small_words().contains(first) || lex::clause_words().contains(first) {
        return None;
    }
    // (Not a subhead in capitals: `WILDFIRES FORCE NEW EVACUATIONS`.)
    let shouted = (from..to).all(|i| match &p.items[i] {
        Item::Word { range, .. } => !p.text[range.clone()].chars().any(char::is_lowercase),
        _ => true,
    });
    if shouted {
        return None;
    }
    let name_end = (from..to).find(|&i| p.punct(i, ',')).unwrap_or(to);
    let phrase = super::phrase::phrase(p.text, &p.items, from, name_end)?;
    let full_name = phrase.kind == PhraseKind::Named
        && phrase
            .name
            .as_ref()
            .is_some_and(|r| p.text[r.clone()].split_whitespace().count() >= 2);
    full_name.then_some(phrase)
}

/// A speaker's label opening the paragraph right before its first quote,
/// with no verb or colon between (`- Bolton boss Sam Allardyce “I am
/// bitterly disappointed …`), as reaction lines run together on one line
/// set it out: the label.
fn label_before(p: &Para<'_>, found: &mut Found, k: usize) -> Option<usize> {
    if p.quotes.first() != Some(&k) || k == 0 {
        return None;
    }
    // (Not an owner: `Rocker Vince Stallard’s ‘wedding punch-up’ shame`.)
    let last = &p.text[p.items[k - 1].start()..p.items[k - 1].end()];
    if super::items::is_possessive(last) {
        return None;
    }
    let from = usize::from(bullet(p, 0));
    let phrase = label(p, from, k)?;
    let at = p.items[k].start();
    Some(add(p, found, k - 1, at..at, ":", phrase))
}

/// Whether the paragraph's last sentence is its last quote with the cue
/// that attributes it (`… “…,” said Mr Williams.`, `Mr Smith said: “…”`);
/// `at` is the item each cue stands at.
pub(super) fn ends_in_quote(p: &Para<'_>, quote_cues: &[Option<usize>], at: &[usize]) -> bool {
    p.quotes.last().is_some_and(|&qk| {
        p.sentence_end(qk) == p.items.len()
            && quote_cues
                .last()
                .copied()
                .flatten()
                .and_then(|c| at.get(c))
                .is_some_and(|&ck| p.sent[ck] == p.sent[qk])
    })
}
