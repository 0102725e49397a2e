//! The cues of a paragraph: each speech verb (or `according to`, a phrasal
//! cue such as `shot back`, a live page's `This from X:`) outside quotes,
//! with the phrase naming its speaker.

use crate::analysis::marks::QuoteKind;
use crate::analysis::names::is_given_name;
use crate::lexicon::quotes as lex;

use super::after::speaker_after;
use super::items::{lower, Item, Para};
use super::phrase::elided;
use super::subject::{
    clause_subject, is_speaker_like, opening_subject, sentence_subject, stands_before_verb,
    subject_before, subject_start,
};
use super::types::{Cue, PhraseKind, SpeakerPhrase};
use super::walk::{after_determiner, counted, takes_base_form, walk_back};
use super::words::normalise;

/// The cues of a paragraph and the item each stands at.
pub(super) struct Found {
    pub cues: Vec<Cue>,
    pub at: Vec<usize>,
}

impl Found {
    fn push(&mut self, k: usize, cue: Cue) {
        self.cues.push(cue);
        self.at.push(k);
    }

    /// The cues, each speaker's texts filled in, and where they stand.
    pub fn into_parts(mut self, p: &Para<'_>) -> (Vec<Cue>, Vec<usize>) {
        for cue in &mut self.cues {
            if let Some(sp) = &mut cue.speaker {
                fill_texts(p.text, sp);
            }
        }
        (self.cues, self.at)
    }
}

/// A speaker phrase's texts (spaces normalised).
pub(super) fn fill_texts(text: &str, sp: &mut SpeakerPhrase) {
    sp.text = normalise(&text[sp.range.clone()]);
    sp.name_text = sp.name.clone().map(|r| normalise(&text[r]));
    sp.role_text = sp.role.clone().map(|r| normalise(&text[r]));
}

/// Every cue of the paragraph, in order, elided speakers filled in.
pub(super) fn cues(p: &Para<'_>) -> Found {
    let mut found = Found {
        cues: Vec::new(),
        at: Vec::new(),
    };
    let mut k = 0;
    while k < p.items.len() {
        k += match cue_at(p, k) {
            Some((cue, used)) => {
                found.push(k, cue);
                used
            }
            None => 1,
        };
    }
    fill_elided(p, &mut found);
    found
}

/// The cue that starts at item `k`, and how many items it takes.
fn cue_at(p: &Para<'_>, k: usize) -> Option<(Cue, usize)> {
    let Item::Word { range, .. } = &p.items[k] else {
        return None;
    };
    let w = p.word(k)?;
    let (floor, ceil) = (p.sentence_start(k), p.sentence_end(k));
    let span = |used: usize| range.start..p.items[k + used - 1].end();
    if w == "according" && p.is(k + 1, "to") {
        let speaker = speaker_after(p.text, &p.items, k + 1, ceil);
        return Some((cue(span(2), "according to", speaker), 2));
    }
    // Live pages: `This from the race director, Priya Ramanathan: “…”`,
    // `More from Ms Okafor:`, opening a sentence that quotes.
    if k == floor && matches!(w, "this" | "more") && p.is(k + 1, "from") {
        let quotes =
            (k..ceil).any(|i| matches!(p.items[i], Item::Quote { .. })) || p.punct(ceil - 1, ':');
        let speaker = speaker_after(p.text, &p.items, k + 1, ceil);
        if quotes && speaker.is_some() {
            return Some((cue(span(2), &format!("{w} from"), speaker), 2));
        }
    }
    // `as she puts it, “…”`, `as one voter put it:`: the words between
    // `as` and the verb are the speaker.
    if matches!(w, "puts" | "put") && p.is(k + 1, "it") {
        let opened = (floor..k).rev().take(6).find(|&i| p.is(i, "as"));
        if let Some(speaker) = opened.and_then(|a| subject_before(p.text, &p.items, k, a + 1)) {
            return Some((cue(span(2), &format!("{w} it"), Some(speaker)), 2));
        }
    }
    if w == "quoted" {
        if let Some(found) = quoted_as_saying(p, k, floor, ceil) {
            return Some(found);
        }
    }
    verb_cue(p, k, w)
}

/// `the newspaper quoted an aide as saying`, `Reuters quoted Mr Brown as
/// telling reporters`: the one who quoted is the quote's source, as PolNeAR
/// marks it (the one quoted only when no subject stands before `quoted`);
/// in `a spokesman was quoted as saying`, the subject. The cue runs from
/// `quoted` to the speech verb.
fn quoted_as_saying(p: &Para<'_>, k: usize, floor: usize, ceil: usize) -> Option<(Cue, usize)> {
    const MAX_SPEAKER: usize = 12;
    let as_at = (k + 1..ceil.min(k + 2 + MAX_SPEAKER)).find(|&i| p.is(i, "as"))?;
    let verb = p.word(as_at + 1)?;
    if !(verb.ends_with("ing") && lex::speech_verbs().contains(verb)) {
        return None;
    }
    let passive =
        k > floor && as_at == k + 1 && p.word(k - 1).is_some_and(|b| lex::be_forms().contains(b));
    let subject = || {
        subject_before(p.text, &p.items, k, floor)
            .filter(|s| s.kind != PhraseKind::Elided)
            .or_else(|| sentence_subject(p, floor, k))
    };
    let speaker = if passive {
        subject_before(p.text, &p.items, k - 1, floor)
    } else if let Some(subject) = subject() {
        Some(subject)
    } else {
        // Words only between `quoted` and `as` (a name may carry its
        // apposition in commas: `quoted Ivan Petrov, a trader, as saying`).
        let plain = p.items[k + 1..as_at]
            .iter()
            .all(|it| matches!(it, Item::Word { .. } | Item::Punct { ch: ',' | '.', .. }));
        plain
            .then(|| super::phrase::phrase(p.text, &p.items, k + 1, as_at))
            .flatten()
    }?;
    let Item::Word { range, .. } = &p.items[k] else {
        return None;
    };
    let span = range.start..p.items[as_at + 1].end();
    let word = format!("quoted … as {verb}");
    Some((cue(span, &word, Some(speaker)), as_at + 2 - k))
}

fn cue(verb: std::ops::Range<usize>, word: &str, speaker: Option<SpeakerPhrase>) -> Cue {
    Cue {
        verb,
        word: word.to_string(),
        speaker,
    }
}

/// How many items a phrasal cue starting at `k` takes (`shot back`, `went
/// on to say`), if one does.
fn phrasal(p: &Para<'_>, k: usize, w: &str) -> Option<usize> {
    let next = p.word(k + 1)?;
    // (Asked at every word: the pair is put together on the stack.)
    let mut buf = [0u8; 48];
    let n = w.len() + 1 + next.len();
    let pair = buf.get_mut(..n)?;
    pair[..w.len()].copy_from_slice(w.as_bytes());
    pair[w.len()] = b' ';
    pair[w.len() + 1..].copy_from_slice(next.as_bytes());
    if !std::str::from_utf8(pair).is_ok_and(|pair| lex::phrasal_cues().contains(pair)) {
        return None;
    }
    // `went on to say`, `went on to tell reporters`.
    let to_verb = p.is(k + 2, "to")
        && p.word(k + 3)
            .is_some_and(|v| lex::speech_verbs().contains(v));
    Some(if to_verb { 4 } else { 2 })
}

/// Whether the word at `k` is a speech verb used as one here: not a noun
/// after a determiner or a number, not a name, not a participle opening the
/// sentence.
fn is_verb_here(p: &Para<'_>, k: usize, w: &str) -> bool {
    let Item::Word { cap, .. } = p.items[k] else {
        return false;
    };
    let floor = p.sentence_start(k);
    if !lex::speech_verbs().contains(w)
        || cap && k != floor && !capitalised_after_apposition(p, k, w)
        || after_determiner(p.text, &p.items, k)
    {
        return false;
    }
    // A word that also qualifies a title, before a capitalised word, is
    // part of the speaker's title (`state Sen. Tom Allen said`, `…,” state
    // Rep. Rosa Ferreira shouted`); before a noun and then a speech verb,
    // it qualifies the speakers (`…,” state officials said`).
    if lex::name_prefixes().contains(w) {
        let next_cap = matches!(p.items.get(k + 1), Some(Item::Word { cap: true, .. }));
        let verb_after = (k + 2..(k + 5).min(p.sentence_end(k)))
            .any(|i| p.word(i).is_some_and(|v| lex::speech_verbs().contains(v)));
        if next_cap || verb_after {
            return false;
        }
    }
    // A bare verb form that is also a noun (`a more cautious note`, `the
    // secretary of state`) is a cue only after a subject that takes it:
    // `they`, `we`, a plural (`Analysts note`, `Officials say`).
    if lex::noun_bases().contains(w) && !takes_base_form(p.text, &p.items, k) {
        return false;
    }
    // `two nursing posts`, `their many reports`: a plural noun.
    if lex::noun_plurals().contains(w) && counted(p.text, &p.items, floor, k) {
        return false;
    }
    // A participle after a degree word is an adjective (`the most telling
    // promise`, `a less surprising answer`).
    let graded = k > floor
        && w.ends_with("ing")
        && p.word(k - 1)
            .is_some_and(|d| lex::degree_words().contains(d));
    // A participle opening a sentence (`Asked whether…, she said`) is not the cue.
    !graded && !(cap && k == floor && (w.ends_with("ed") || w.ends_with("ing")))
}

/// Whether a capitalised past-tense speech verb mid-sentence is a verb all
/// the same: right after the comma closing an apposition and followed by
/// no capitalised word (`Murphy, the head of Right to Rise USA, Tweeted on
/// Friday`), which a headline in Title Case (`Trump Tweeted About Clinton`)
/// is not.
fn capitalised_after_apposition(p: &Para<'_>, k: usize, w: &str) -> bool {
    w.ends_with("ed")
        && k > 0
        && p.punct(k - 1, ',')
        && !matches!(p.items.get(k + 1), Some(Item::Word { cap: true, .. }))
}

/// Verbs whose word after them is the listener, never the speaker (`told
/// ABC`, `asked Trump`).
fn takes_listener(w: &str) -> bool {
    lex::listener_verbs().contains(w)
}

/// A speech verb (or a phrasal cue, or a reporter's `sends this`) at `k`.
fn verb_cue(p: &Para<'_>, k: usize, w: &str) -> Option<(Cue, usize)> {
    let Item::Word { range, .. } = &p.items[k] else {
        return None;
    };
    let (mut floor, ceil) = (p.sentence_start(k), p.sentence_end(k));
    // A sentence that opens with the quote: the subject comes after it
    // (`“…,” Harry Bond, 30, of Raleigh, who was polled, said`).
    // So too after a fragment ending in its comma inside the sentence (`The
    // new plans “will not solve this challenge,” Anne Richards, assistant
    // secretary of state for population, refugees, and migration, said`).
    let comma_ended = |i: usize| {
        matches!(p.items[i], Item::Quote { index, .. }
            if p.outer.get(index).is_some_and(|q| q.last_char == Some(',') && q.kind != QuoteKind::Title))
    };
    // (Found by halving: a sentence of many megabytes costs no more per cue.)
    let last_quote = p.quotes[..p.quotes.partition_point(|&q| q < k)]
        .last()
        .copied()
        .filter(|&q| q > floor);
    // (Not for a participle modifying a noun: `call Trump “very flexible,”
    // a nod to the front-runner acknowledging that …` is no cue of the
    // fragment; but `…,” and he foreshadowed it by urging “…”` is.)
    let bare_participle = w.ends_with("ing") && !p.is(k.wrapping_sub(1), "by");
    if let Some(q) = last_quote.filter(|&q| comma_ended(q) && q + 1 < k && !bare_participle) {
        floor = q;
    }
    if floor + 1 < k && matches!(p.items[floor], Item::Quote { .. }) {
        floor += 1;
        if p.punct(floor, ',') && floor + 1 < k {
            floor += 1;
        }
    }
    // A reporter on a live page `sends this:`.
    let sends_this = matches!(w, "sends" | "sent") && p.is(k + 1, "this");
    let used = match phrasal(p, k, w) {
        Some(n) => n,
        None if sends_this || is_verb_here(p, k, w) => 1,
        None => return None,
    };
    // (With its agent after `by`, the passive's reading below takes it.)
    if used == 1 && k > floor && put_to_subject(p, k - 1) && !p.is(k + 1, "by") {
        return None;
    }
    let verb = range.start..p.items[k + used - 1].end();
    let word = if used > 1 {
        p.text[verb.clone()].to_lowercase()
    } else {
        w.to_string()
    };
    let last = k + used - 1;
    let participle = w.ends_with("ing") && k > floor;
    // (`“…,” saying the city …`: a participle after a quote never has its
    // speaker after it.)
    // (Nor after a title, which says nothing: `author of “America’s
    // Unwritten Constitution,” put it, “…”`.)
    let inverted = k == floor
        || k > 0
            && matches!(p.items[k - 1], Item::Quote { index, .. } if p.outer.get(index).is_none_or(|q| q.kind != QuoteKind::Title))
            && !participle;
    let speaker = if inverted {
        speaker_after(p.text, &p.items, last, ceil)
    } else if participle && after_speech_verb(p, floor, k) {
        // `…, Spicer said, adding, “…”`: whoever said it adds it (filled
        // from that cue), not the sentence's subject (`Ryan and Trump will
        // meet next week, Spicer said, adding …`).
        Some(elided(&p.items, k))
    } else if let Some(ph) = participle.then(|| with_subject(p, floor, k)).flatten() {
        Some(ph)
    } else if participle
        && (opens_participle_clause(p, k)
            || coordinated_participle(p, floor, k)
            || after_place_object(p.text, &p.items, floor, k)
            || after_audience(p.text, &p.items, floor, k)
            || matches!(p.items[k - 1], Item::Quote { .. })
            // A progressive (`She is noting the “kind of problems” …`).
            || p.word(k).is_some_and(|w| w.ends_with("ing")) && passive(p, k, floor))
    {
        // `…, saying: “…”`, `by saying`: the clause's subject, not the
        // object before the comma (`She emailed supporters, saying …`).
        // After a clause inside the sentence (`Clinton was speaking …,
        // when protesters interrupted her, shouting “…”`), that clause's.
        inner_clause_subject(p, floor, k)
            .or_else(|| sentence_subject(p, floor, k))
            .or_else(|| clause_subject(p.text, &p.items, floor, k))
            .or_else(|| subject_before(p.text, &p.items, k, floor))
    } else {
        // The subject before, unless only an elided one is there and a name
        // follows (`“…” about the decision, said RoseAnn DeMoro`).
        // A passive verb's speaker is its agent (`“American Skin” was
        // written by Springsteen`), never a name after a comma.
        let named_after = || {
            let after = match passive(p, k, floor) {
                true if p.is(last + 1, "by") => Some(last + 1),
                true => None,
                false => (!takes_listener(w)).then_some(last),
            };
            after
                .and_then(|at| speaker_after(p.text, &p.items, at, ceil))
                .filter(|s| s.kind == PhraseKind::Named)
        };
        // `Protesters marching through the streets chanted`: the object of
        // a place preposition never speaks; the sentence's subject does.
        let subject = after_place_object(p.text, &p.items, floor, k)
            .then(|| participle_modified_subject(p, floor, k))
            .flatten()
            .or_else(|| subject_before(p.text, &p.items, k, floor));
        // A participle after the object of a verb (`Okafor opened the
        // second debate saying …`, `drew jeers upon saying`): the phrase
        // before it is no speaker, the clause's subject is.
        let subject = match subject {
            Some(s)
                if participle
                    && s.kind != PhraseKind::Elided
                    && !is_speaker_like(&s)
                    && !speaks_through_participle(p.text, &s) =>
            {
                sentence_subject(p, floor, k)
                    .or_else(|| clause_subject(p.text, &p.items, floor, k))
                    .or(Some(s))
            }
            other => other,
        };
        match subject {
            Some(s) if s.kind != PhraseKind::Elided => Some(s),
            elided => named_after().or(elided),
        }
    };
    // A participle cue (`…, saying: “…”`) takes the clause's subject.
    let speaker = speaker.or_else(|| {
        participle.then(|| {
            clause_subject(p.text, &p.items, floor, k).unwrap_or_else(|| elided(&p.items, k))
        })
    });
    Some((cue(verb, &word, speaker), used))
}

/// Whether the participle at `k` comes right after a speech verb and its
/// comma (`Spicer said, adding`; not `He defended the remark, saying`):
/// the speaker of that verb speaks on.
fn after_speech_verb(p: &Para<'_>, floor: usize, k: usize) -> bool {
    k >= floor + 2
        && p.punct(k - 1, ',')
        && matches!(&p.items[k - 2], Item::Word { cap: false, range }
            if lex::speech_verbs().contains(lower(p.text, range).as_str()))
        // (A verb, not the noun: `He defended the remark, saying …`.)
        && !after_determiner(p.text, &p.items, k - 2)
}

/// Whether the verb at `k` follows a form of `be`, adverbs between: a
/// passive (`The video was posted on another website, UnitedGunGroup.com`)
/// or a progressive (`… is calling the candidate …`). A name after it is
/// no speaker of it (measured: taking the progressive out lost PolNeAR
/// train speakers).
fn passive(p: &Para<'_>, k: usize, floor: usize) -> bool {
    let mut j = k;
    while j > floor {
        let Item::Word { range, cap: false } = &p.items[j - 1] else {
            return false;
        };
        if lex::be_forms().contains(lower(p.text, range).as_str()) {
            return true;
        }
        if !stands_before_verb(p.text, &p.items, j - 1) {
            return false;
        }
        j -= 1;
    }
    false
}

/// Whether a phrase before a participle that heads no role or source
/// speaks all the same: a message or a share of people, as its head or
/// its last word (`a sign`, `one of her ads`), or an agent noun, which
/// reads as a person (`recalled one developer telling him, “…”`).
fn speaks_through_participle(text: &str, ph: &SpeakerPhrase) -> bool {
    let last = last_word(text, ph);
    let agent = |w: &str| w.len() > 5 && ["er", "or", "ist", "ian"].iter().any(|s| w.ends_with(s));
    [ph.head.clone(), last]
        .iter()
        .flatten()
        .any(|w| lex::participle_heads().contains(w.as_str()) || agent(w))
}

/// The last word of a phrase, in lower case (`ads` in `one of her ads`).
fn last_word(text: &str, ph: &SpeakerPhrase) -> Option<String> {
    text[ph.range.clone()]
        .rsplit(char::is_whitespace)
        .next()
        .map(str::to_lowercase)
}

/// The noun phrase between `with` and the participle at `k`, when it is a
/// speaker's (`…, with many in the crowd chanting “…”`): the
/// participle's own subject, whatever the sentence's is.
fn with_subject(p: &Para<'_>, floor: usize, k: usize) -> Option<SpeakerPhrase> {
    // Words only (`scores of marchers and spectators`), a few of them.
    let w = (floor..k)
        .rev()
        .take(7)
        .take_while(|&i| matches!(p.items[i], Item::Word { .. }))
        .find(|&i| p.is(i, "with"))?;
    // (People counted by a quantifier: `many in the crowd`.)
    let people = |ph: &SpeakerPhrase| {
        is_speaker_like(ph)
            || last_word(p.text, ph).is_some_and(|w| lex::source_nouns().contains(w.as_str()))
    };
    (w + 1 < k)
        .then(|| super::phrase::phrase(p.text, &p.items, w + 1, k))
        .flatten()
        .filter(people)
}

/// Whether the noun phrase right before the participle at `k` is the
/// object of a place preposition (`protesters marched to the White House
/// chanting …`): then the clause's subject speaks, not that phrase.
fn after_place_object(text: &str, items: &[Item], floor: usize, k: usize) -> bool {
    let s = walk_back(text, items, k, floor);
    s > floor
        && s < k
        && matches!(&items[s - 1], Item::Word { range, cap: false }
            if lex::place_prepositions().contains(&lower(text, range)))
}

/// Whether the noun phrase right before the participle at `k` is the
/// audience a verb addressed or the message it sent (`She emailed
/// supporters saying …`, `The campaign issued a statement saying …`), or
/// the person it took to task (`He criticised Obama saying …`): then the
/// clause's subject speaks, not that phrase.
fn after_audience(text: &str, items: &[Item], floor: usize, k: usize) -> bool {
    let s = walk_back(text, items, k, floor);
    s > floor
        && s < k
        && matches!(&items[s - 1], Item::Word { range, cap: false }
            if lex::audience_verbs().contains(&text[range.clone()]))
}

/// The noun phrase opening the sentence at `floor` when a participle's
/// phrase follows it straight on (`Protesters marching through the streets`,
/// `A woman standing near the gates`): that phrase, if a speaker's.
fn participle_modified_subject(p: &Para<'_>, floor: usize, k: usize) -> Option<SpeakerPhrase> {
    let i = (floor + 1..k).find(|&i| {
        matches!(&p.items[i], Item::Word { range, cap: false }
            if p.text[range.clone()].ends_with("ing"))
    })?;
    if p.items[floor..i]
        .iter()
        .any(|it| !matches!(it, Item::Word { .. }))
    {
        return None;
    }
    // The whole run is the phrase: a name that is all of it, or a role or
    // source whose head noun is its last word (not `Bush went after Trump
    // at the debate`).
    let last = p.word(i - 1)?;
    super::phrase::phrase(p.text, &p.items, floor, i)
        .filter(|ph| match ph.kind {
            PhraseKind::Named => ph.name.as_ref().is_some_and(|n| {
                n.start == p.items[floor].start() && n.end == p.items[i - 1].end()
            }),
            PhraseKind::Role | PhraseKind::Anonymous => ph.head.as_deref() == Some(last),
            _ => false,
        })
        .filter(is_speaker_like)
}

/// Whether the participle at `k` opens a clause of its own: after a comma,
/// or after `by`, `while`, `when`, `before`, `after`.
fn opens_participle_clause(p: &Para<'_>, k: usize) -> bool {
    k > 0
        && (p.punct(k - 1, ',')
            || p.punct(k - 1, '—')
            || matches!(&p.items[k - 1], Item::Word { range, .. }
                if lex::participle_openers().contains(&p.text[range.clone()])))
}

/// Whether the participle at `k` follows `and` or `or` after a participle
/// that opens a clause of its own (`…, holding signs and chanting “…”`): it
/// shares that clause's subject.
fn coordinated_participle(p: &Para<'_>, floor: usize, k: usize) -> bool {
    k > floor + 1
        && (p.is(k - 1, "and") || p.is(k - 1, "or"))
        && (floor..k - 1)
            .rev()
            .take(12)
            .any(|i| p.word(i).is_some_and(|w| w.ends_with("ing")) && opens_participle_clause(p, i))
}

/// Fills elided speakers from the previous cue in the paragraph, else (for
/// a participle: `…, calling it “…”`) from the sentence's subject.
fn fill_elided(p: &Para<'_>, found: &mut Found) {
    // The last cue before `c` with a speaker of its own (kept as we go: a
    // paragraph of thousands of cues is not searched back for each).
    let mut last_named: Option<usize> = None;
    for c in 0..found.cues.len() {
        let kind = found.cues[c].speaker.as_ref().map(|s| s.kind);
        if kind != Some(PhraseKind::Elided) {
            if kind.is_some() {
                last_named = Some(c);
            }
            continue;
        }
        let prev = last_named.and_then(|q| found.cues[q].speaker.clone());
        let k = found.at[c];
        let own = found.cues[c].speaker.take();
        found.cues[c].speaker = match prev {
            Some(s) => Some(s),
            None if found.cues[c].word.ends_with("ing") => {
                clause_subject(p.text, &p.items, p.sentence_start(k), k).or(own)
            }
            None => joined_subject(p, k).or(own),
        };
        if found.cues[c]
            .speaker
            .as_ref()
            .is_some_and(|s| s.kind != PhraseKind::Elided)
        {
            last_named = Some(c);
        }
    }
}

/// A verb joined to an earlier one by `and` or `but` takes the subject the
/// sentence opens with (`Mayor Tom Wilkes turned to the crowd and said:
/// “…”`), not a name in between (`She thanked Wilkes and said`); after an
/// opening participle's clause too (`Taking the microphone, Ortega turned
/// and said`), but not a name that ends so (`Fred Smith, 54, turned and said`).
fn joined_subject(p: &Para<'_>, k: usize) -> Option<SpeakerPhrase> {
    let mut floor = p.sentence_start(k);
    let participle = match &p.items[floor] {
        Item::Word { range, .. } => {
            let w = p.text[range.clone()].to_lowercase();
            // (Or a time or place before the subject: `Last Tuesday, Bush
            // … but described`.)
            (w.ends_with("ing") || w.ends_with("ed")) && !is_given_name(&p.text[range.clone()])
                || lex::clause_openers().contains(w.as_str())
        }
        _ => false,
    };
    let comma = (floor..k).find(|&i| p.punct(i, ','));
    if let (true, Some(comma)) = (participle, comma) {
        // (The clause may hold a relative clause of its own: `Speaking in
        // New Hampshire, which votes next, Bush …`.)
        floor = subject_start(p, floor, k)
            .filter(|&s| s > comma)
            .unwrap_or(comma + 1);
    }
    // (Or a body or document the sentence opens with: `The transport
    // department rejected the figures and said that “…”`; not `the Kenyan`.)
    opening_subject(p.text, &p.items, floor, k).or_else(|| {
        sentence_subject(p, floor, k).filter(|s| {
            s.kind == PhraseKind::Organisation
                && s.head
                    .as_deref()
                    .is_some_and(|h| lex::org_nouns().contains(h))
        })
    })
}

/// The subject of an adverbial clause inside the sentence that a
/// participle at `k` ends after a comma (`…, when Sanders protesters
/// interrupted her speech, shouting`): a word opening a clause of time or
/// reason (`when`, `as`, `because`; `data/quotes/time_clause_words.txt`)
/// after the sentence's start, then a subject and its verb.
fn inner_clause_subject(p: &Para<'_>, floor: usize, k: usize) -> Option<SpeakerPhrase> {
    if k < 2 || !p.punct(k - 1, ',') {
        return None;
    }
    // (A clause of time is short: looked for within a few words.)
    const CLAUSE: usize = 30;
    let c = (floor.max(k.saturating_sub(CLAUSE)) + 1..k - 1)
        .rev()
        .find(|&i| {
            matches!(p.items[i], Item::Word { cap: false, .. })
                && p.word(i)
                    .is_some_and(|w| lex::time_clause_words().contains(w))
        })?;
    // (Only a clause with no quote or comma of its own before the participle.)
    if (c + 1..k - 1).any(|i| matches!(p.items[i], Item::Quote { .. }) || p.punct(i, ',')) {
        return None;
    }
    // (People only: in `…, after her initial statement was shown to be
    // false, stating …` the statement states nothing.)
    sentence_subject(p, c + 1, k - 1).filter(|s| {
        matches!(
            s.kind,
            PhraseKind::Named | PhraseKind::Anonymous | PhraseKind::Role | PhraseKind::Pronoun(_)
        )
    })
}

/// Whether item `be` is a form of `be` before `asked` or `told`: the
/// subject is whom the words are put to, not who says them (`Trump was
/// asked, “What’s the most dangerous place …?”`, `She was told: “…”`).
pub(super) fn put_to_subject(p: &Para<'_>, be: usize) -> bool {
    p.word(be).is_some_and(|b| lex::be_forms().contains(b))
        && matches!(p.word(be + 1), Some("asked" | "told"))
}
