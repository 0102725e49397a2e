//! Finding the names of one paragraph: the cores (`Dmytro Kuleba`, `al-Sisi`,
//! `J.K. Rowling`) that are not places, organisations or capitalised
//! descriptors, read over the paragraph's tokens ([`Scan`]).

use std::ops::Range;

use super::mention::{
    mention, role_after, said_before, speech_verb_after, surname_alone_in_person_slot,
};
use super::para::Scan;
use super::tokens::{is_suffix, Shape};
use super::types::Mention;
use crate::lexicon::names::{
    is_cap_particle, is_common_surname, is_known_surname, is_name_shaped, Lexical,
};

/// Whether a paragraph is a byline, credit or sign-off (`By Staff Reporter`,
/// `(Reporting by Jane Doe; Editing by John Roe)`): one short line that
/// starts so and ends as no sentence does. Its names are the writers', not
/// people of the story.
fn is_credit(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['(', '[']);
    // A sentence (`By Monday, Mr Kuleba had left.`) ends as one.
    let sentence = t
        .trim_end_matches([')', ']'])
        .ends_with(['.', '!', '?', '”', '"', ':']);
    if sentence || t.contains(['\n', '\r']) || t.split_whitespace().count() > 16 {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().take(3).collect();
    (1..=3).any(|n| {
        words.len() > n
            && crate::lexicon::names::credit_openers().contains(&words[..n].join(" "))
            && words[n].starts_with(char::is_uppercase)
    })
}

/// References to people in one paragraph, in order, bare candidates
/// included ([`Mention::bare`]). Pure.
pub fn scan_mentions(text: &str) -> Vec<Mention> {
    if is_credit(text) {
        return Vec::new();
    }
    let s = Scan::new(text);
    let posts = if text.contains('<') {
        embedded_posts(text)
    } else {
        Vec::new()
    };
    let rosters = rosters(text);
    let n = s.toks.len();
    let mut out = Vec::new();
    let mut buf = String::new();
    // First token after the last name (not bare word): role scans stop there.
    let mut floor = 0;
    let mut i = 0;
    while i < n {
        let Some((core_end, skip_to)) = core_at(&s, i, &mut buf) else {
            i += 1;
            continue;
        };
        let Some(core_end) = core_end else {
            if let Some(m) = org_opener(&s, i, skip_to, floor) {
                out.push(m);
            }
            i = skip_to;
            continue;
        };
        // `Getty Images/Jane Doe`, `LinkedIn/Geert Supré`: a picture credit.
        if s.text[..s.toks[i].start].ends_with('/') {
            i = core_end + 1;
            continue;
        }
        let title_case = s.kinds.get(s.toks[i].line).is_some_and(|k| k.1);
        let end = if title_case {
            // Title-case headline: only given name + surname, or single words.
            let two = s.given_name(i).is_some() && core_end > i;
            let end = if two {
                (i + 2).min(core_end + 1) - 1
            } else {
                i
            };
            extend_particles(&s, i, end, core_end)
        } else {
            core_end
        };
        if the_thing(&s, i, end)
            || a_thing(&s, i, end)
            || words_thing(&s, i, end)
            || place_run(&s, i, end)
            || alias(&s, i)
        {
            i = end + 1;
            continue;
        }
        if let Some(mut m) = mention(&s, i, end, floor) {
            // An embedded post keeps its writer's spelling, as `[sic]` does.
            m.sic |= posts.iter().any(|p| p.contains(&m.name.start));
            // So does a name in a roster: a line-up lists different people.
            m.roster = rosters.iter().any(|r| r.contains(&m.name.start));
            m.sic |= m.roster;
            if title_case && end == i {
                // `Judge Sets Date`: in a title-case line one word is only a candidate.
                m.bare = true;
            }
            // Bare words a role took in (`Catalan leader Carles Puigdemont`)
            // name no one, but one that is no name or word may be a misspelt
            // surname (`Trummp lawyer Marc Kasowitz`).
            let took = out
                .iter()
                .rev()
                .take_while(|p| p.bare && p.range.start >= m.range.start)
                .count();
            let mut kept = out.split_off(out.len() - took);
            kept.retain(|p| !p.slip_only && slip_shaped(&p.surname_text));
            for p in &mut kept {
                p.slip_only = true;
            }
            out.append(&mut kept);
            if !m.bare {
                floor = end + 1;
            }
            out.push(m);
        }
        i = end + 1;
    }
    out
}

/// The one word before an organisation's word (`Clinon Foundation`, up to
/// `skip_to`) as a bare mention that only a misspelt surname takes
/// ([`Mention::slip_only`]): a word that is no known name or English word.
fn org_opener(s: &Scan<'_>, i: usize, skip_to: usize, floor: usize) -> Option<Mention> {
    if skip_to != i + 2
        || s.toks[i].shape != Shape::Cap
        || !s.joined(i)
        || s.lexical(i + 1) != Some(Lexical::Organisation)
        || s.lexical(i).is_some()
        || !slip_shaped(s.word(i))
    {
        return None;
    }
    let mut m = mention(s, i, i, floor)?;
    m.bare = true;
    m.slip_only = true;
    Some(m)
}

/// Whether a capitalised word that names no one where it stands (it opens
/// an organisation's name or a role) may be a misspelt surname: four
/// letters or more, no known surname or given name, no English word.
fn slip_shaped(w: &str) -> bool {
    use crate::lexicon::english::is_english_word;
    use crate::lexicon::names::GAZETTEER;
    w.chars().count() >= 4
        && !is_known_surname(w)
        && GAZETTEER.given(w).is_none()
        && !is_english_word(w)
}

/// `Rescue Team`, `Plastic Free Seas`, `Social Care`: a run of two or more
/// capitalised words that are all English words, opening with no name
/// (given name or surname) and ending in no surname, with no title before
/// it, names a thing, a group or a campaign (a person so named has a name
/// the lists know: `Rush Limbaugh`, `Will Young`, `Robin Quivers`, `Mayor
/// Don Guardian`).
fn words_thing(s: &Scan<'_>, i: usize, end: usize) -> bool {
    use crate::lexicon::english::is_english_word;
    end > i
        && !honorific_before(s, i)
        && s.given_name(i).is_none()
        // (A rare surname that is a word first is the word: `Do The Right
        // Thing`.)
        && !is_common_surname(s.word(i))
        && !is_known_surname(s.word(end))
        && (i..=end).all(|j| is_english_word(s.word(j)))
}

/// `San Bernardino`, `Fort Hood`, `Palm Beach`: a run of two or more
/// capitalised words opening with a word that opens places' names (not a
/// given name, no title before) is a place the gazetteer does not list.
fn place_run(s: &Scan<'_>, i: usize, end: usize) -> bool {
    end > i
        && !honorific_before(s, i)
        && s.given_name(i).is_none()
        && crate::lexicon::names::place_openers().contains(s.word(i))
}

/// `the Rose Bowl`, `the Brandenburg Gate`: a run of two or more capitalised
/// words right after `the`, ending in an English word that is no surname,
/// names a place or a thing (a person after `the` has a title or a
/// description between: `the Rev. Al Sharpton`, `the late John Lewis`).
fn the_thing(s: &Scan<'_>, i: usize, end: usize) -> bool {
    end > i
        && i > 0
        && s.word(i - 1) == "the"
        && s.joined(i - 1)
        && crate::lexicon::english::is_english_word(s.word(end))
        // (`the Jeb Bush campaign`: a surname that is a word too.)
        && !is_known_surname(s.word(end))
}

/// A name given as a name (`performing magic under the name The Great
/// Carsoni`, `nicknamed Iron Mike`, `dubbed the Iron Lady`): a chosen
/// spelling, not a reference to someone whose name it could misspell.
fn alias(s: &Scan<'_>, i: usize) -> bool {
    // Back over the capitalised words the name opens with (`The Great`).
    let mut j = i;
    while j > 0 && i - j < 3 && s.joined(j - 1) && s.word(j - 1).starts_with(char::is_uppercase) {
        j -= 1;
    }
    if j > 0 && s.word(j - 1).eq_ignore_ascii_case("the") && s.joined(j - 1) {
        j -= 1;
    }
    j > 0 && s.joined(j - 1) && crate::lexicon::names::alias_introducers().contains(s.word(j - 1))
}

/// `a Sioux Falls store`, `an Oak Ridge lab`: a run of two or more
/// capitalised words right after `a` or `an`, not opening with a given
/// name, and a lower-case noun right after it: a place or a brand that
/// describes the noun (a person so placed has a given name: `a Donald
/// Trump rally`).
fn a_thing(s: &Scan<'_>, i: usize, end: usize) -> bool {
    end > i
        && i > 0
        && matches!(s.word(i - 1), "a" | "an")
        && s.joined(i - 1)
        && s.given_name(i).is_none()
        && s.joined(end)
        && s.toks.get(end + 1).is_some_and(|t| t.shape == Shape::Lower)
}

/// Rosters: four or more names in a row, separated by commas or
/// semicolons, each one to three capitalised words and nothing else (a
/// team's line-up: `Sheahan, Horan, O'Callaghan, Miller, G Easterby`).
/// Close spellings in a roster are different people (Horan, Horgan), not
/// one person's name spelled two ways.
fn rosters(text: &str) -> Vec<Range<usize>> {
    const MIN_NAMES: usize = 4;
    let name_like = |item: &str| {
        let item = item.trim().trim_end_matches('.');
        // (A note after the name: `M Bortolami (capt)`, `Carter (Lynch 60)`.)
        let item = match item.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
            Some((name, _)) => name.trim_end(),
            None => item,
        };
        let words: Vec<&str> = item.split_whitespace().collect();
        // (A particle inside a name: `CA del Fava`, `D dal Maso`.)
        let particle = |i: usize, w: &str| {
            i > 0 && i + 1 < words.len() && crate::lexicon::names::is_particle(w)
        };
        (1..=4).contains(&words.len())
            && words[0].starts_with(char::is_uppercase)
            && words.iter().enumerate().all(|(i, w)| {
                particle(i, w)
                    || is_name_shaped(w)
                        && w.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
            })
            && words
                .iter()
                .enumerate()
                .filter(|(i, w)| !particle(*i, w))
                .count()
                <= 3
    };
    let mut out = Vec::new();
    // The run of names so far: where it starts and ends, how many.
    let mut run: Option<(usize, usize, usize)> = None;
    let mut start = 0;
    // (The text's end stands for one more line break.)
    let ends = text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')));
    for (i, c) in ends.filter(|(_, c)| matches!(c, ',' | ';' | ':' | '\n')) {
        let named = name_like(&text[start..i]);
        if named {
            run = Some(match run {
                Some((s, _, n)) => (s, i, n + 1),
                None => (start, i, 1),
            });
        }
        // A colon or a line break ends a roster too (`Replacements: …`).
        if !named || matches!(c, ':' | '\n') {
            if let Some((s, e, n)) = run.take() {
                if n >= MIN_NAMES {
                    out.push(s..e);
                }
            }
        }
        start = i + c.len_utf8();
    }
    out
}

/// The embedded social posts pasted with the copy (`<tweet …>…</tweet>`,
/// `<blockquote class="twitter-tweet">…</blockquote>`): someone else's
/// words, spelled as they wrote them. An unclosed one runs to the end.
fn embedded_posts(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for tag in ["tweet", "blockquote"] {
        let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
        let mut from = 0;
        while let Some(o) = text[from..].find(&open).map(|o| from + o) {
            let end = text[o..].find(&close).map_or(text.len(), |c| o + c);
            out.push(o..end);
            from = end.max(o + 1);
        }
    }
    out
}

/// In a title-case line a two-word name may hold particles: `Ursula von der
/// Leyen`, `Aoife Ní Bhriain`.
fn extend_particles(s: &Scan<'_>, i: usize, end: usize, core_end: usize) -> usize {
    let mut e = end;
    if e > i {
        while e < core_end && (s.toks[e].shape == Shape::Particle || is_cap_particle(s.word(e))) {
            e += 1;
        }
    }
    e
}

/// Whether an honorific or a title's head stands right before token `i`
/// (`Mr Kuleba`, `Mayor Don Guardian`): what follows is a person's name.
fn honorific_before(s: &Scan<'_>, i: usize) -> bool {
    i > 0
        && s.joined(i - 1)
        && matches!(
            s.lexical(i - 1),
            Some(Lexical::Honorific(_) | Lexical::Title { head: true, .. })
        )
}

/// The name core starting at `i`: `Some((Some(last), _))` for tokens
/// `i..=last`, `Some((None, next))` when the sequence is an institution or
/// place (skip to `next`), `None` when no name starts here.
fn core_at(s: &Scan<'_>, i: usize, buf: &mut String) -> Option<(Option<usize>, usize)> {
    let after_honorific = honorific_before(s, i);
    let starts = match s.toks[i].shape {
        Shape::Cap => true,
        Shape::Initials | Shape::Letter | Shape::AllCaps => s.is_initial(i),
        Shape::Particle => s.name_like(i),
        _ => false,
    };
    if !starts {
        return None;
    }
    let places = s.multi_place(i, buf);
    if places > 0 && !after_honorific {
        return Some((None, i + places));
    }
    if (matches!(
        s.lexical(i),
        Some(Lexical::Honorific(_) | Lexical::Title { .. })
    ) && !title_surname(s, i))
        || (!after_honorific && !first_word_names(s, i))
    {
        return None;
    }
    if word_before_name(s, i) {
        return None;
    }
    if !after_honorific {
        if let Some(next) = thing_after_of(s, i) {
            return Some((None, next));
        }
        if descriptor_at(s, i) || hyphenated_descriptor(s, i) {
            return None;
        }
    }
    core_extent(s, i, after_honorific)
}

/// A capitalised compound that ends in a lower-case English word
/// (`German-born`, `Singer-songwriter`, `London-based`, `Oscar-winning`):
/// a description before a name, never its first name (hyphenated first
/// names capitalise each part: `Jean-Pierre`, `Anne-Marie`).
fn hyphenated_descriptor(s: &Scan<'_>, i: usize) -> bool {
    let w = s.word(i);
    s.given_name(i).is_none()
        && w.rsplit_once('-').is_some_and(|(_, last)| {
            last.chars().next().is_some_and(char::is_lowercase)
                && crate::lexicon::english::is_english_word(last)
        })
}

/// A title word that is a common surname after a courtesy honorific (`Mr.
/// King`, `Ms Bishop`; not `Mr. President`).
fn title_surname(s: &Scan<'_>, i: usize) -> bool {
    i > 0
        && s.joined(i - 1)
        && matches!(s.lexical(i - 1), Some(Lexical::Honorific(_)))
        && matches!(s.lexical(i), Some(Lexical::Title { .. }))
        && is_common_surname(s.word(i))
}

/// Whether a word the gazetteer knows can still start a name: only as a
/// known given name before a plain capitalised word (`Paris Hilton`).
fn first_word_names(s: &Scan<'_>, i: usize) -> bool {
    // `He Lifeng`: the Chinese surname, first.
    if s.joined(i)
        && s.toks.get(i + 1).is_some_and(|t| t.shape == Shape::Cap)
        && crate::lexicon::names::he_as_surname(s.word(i), s.word(i + 1))
    {
        return true;
    }
    match s.lexical(i) {
        None => true,
        Some(Lexical::Honorific(_) | Lexical::Title { .. }) => false,
        // `Court told the BBC`, `said Poll`, `Hall’s complaint`: a surname
        // that also heads organisations' names, alone where a person
        // stands, is a bare candidate (only someone the article names so
        // takes it in).
        Some(Lexical::Organisation) if surname_alone_in_person_slot(s, i) => true,
        // `J White, A Hogg`: an `A` opening a list's item is an initial.
        // (`Jock A. Finlayson` is read from `Jock`.)
        Some(Lexical::Common) if s.toks[i].shape == Shape::Letter && !s.toks[i].period => {
            s.is_initial(i)
        }
        Some(Lexical::Place | Lexical::Demonym | Lexical::Common | Lexical::Organisation) => {
            s.given_name(i).is_some()
                && s.joined(i)
                && s.name_like(i + 1)
                && s.toks[i + 1].shape == Shape::Cap
                && s.lexical(i + 1).is_none()
                // `Chad Bown`, `Paris Hilton`; not `Dallas Cowboys` or
                // `Georgia Tech`, a place's team or college.
                && (!crate::lexicon::english::is_english_word(&s.word(i + 1).to_lowercase())
                    || is_common_surname(s.word(i + 1)))
        }
    }
}

/// An English word before a full name that starts with a known given name
/// (`Miss Universe Alicia Machado`, `Billionaire Donald Trump`), or people
/// of a place (`Floridians Jeb Bush and Marco Rubio`): a description, not
/// a first name.
fn word_before_name(s: &Scan<'_>, i: usize) -> bool {
    let w = s.word(i);
    // (`Floridians`, `Ohioans`: a demonym's plural, no surname.)
    let people_of = w.len() >= 6 && w.ends_with("ans") && !is_known_surname(w);
    s.given_name(i).is_none()
        && s.joined(i)
        && s.given_name(i + 1).is_some()
        && s.toks[i + 1].shape == Shape::Cap
        && s.joined(i + 1)
        && s.toks.get(i + 2).is_some_and(|t| t.shape == Shape::Cap)
        && (crate::lexicon::english::is_english_word(w) || people_of)
}

/// Whether token `j` is followed by `of` or `for` and a capitalised word.
fn thing_before_of(s: &Scan<'_>, j: usize) -> bool {
    s.joined(j)
        && s.toks.get(j + 1).is_some()
        && matches!(s.word(j + 1), "of" | "for")
        && s.joined(j + 1)
        && s.toks.get(j + 2).is_some_and(|t| t.shape == Shape::Cap)
}

/// `Institute for Fiscal Studies`, `Bank of England`: a capitalised run after
/// `of`/`for`/`&` is part of the name of a thing; the token after it.
fn thing_after_of(s: &Scan<'_>, i: usize) -> Option<usize> {
    let n = s.toks.len();
    let title = |k: usize| {
        matches!(
            s.lexical(k),
            Some(Lexical::Title { .. } | Lexical::Honorific(_))
        )
    };
    let thing = i >= 2
        && s.joined(i - 1)
        && matches!(s.word(i - 1), "of" | "for" | "&")
        && s.joined(i - 2)
        && matches!(s.toks[i - 2].shape, Shape::Cap | Shape::AllCaps)
        && !title(i - 2)
        // `Much of Trump’s rise`: a part of something, not `Bank of England`;
        // `But for Donald Trump`: a connector.
        && !(s.toks[i - 2].sentence_start
            && (crate::lexicon::names::partitives().contains(s.word(i - 2))
                || crate::lexicon::names::sentence_connectors().contains(s.word(i - 2))
                // `Supporters of Hillary Clinton`, `Critics of Nicola Sturgeon`:
                // a word capitalised only to open the sentence, then a
                // full name.
                || crate::lexicon::english::is_english_word(s.word(i - 2))
                    && matches!(s.lexical(i - 2), None | Some(Lexical::Common))
                    && s.given_name(i).is_some()
                    && i + 1 < s.toks.len()
                    && s.joined(i)
                    && s.name_like(i + 1)
                // `Rooting for Staunton`, `Speaking for Smith`: a verb's
                // -ing form opening the sentence, then its object.
                || gerund(s.word(i - 2)) && s.lexical(i - 2).is_none()))
        // `said Alex McLeish of Novo's punishment`: a possessive after `of`
        // owns what follows; `the Bank of England's` has its name's head
        // before `of`.
        && !(s.toks[i].possessive
            && matches!(s.lexical(i - 2), None | Some(Lexical::Common))
            && s.given_name(i - 2).is_none());
    if !thing {
        return None;
    }
    let mut k = i;
    while k + 1 < n && s.joined(k) && s.name_like(k + 1) && !title(k + 1) {
        k += 1;
    }
    Some(k + 1)
}

/// A role or descriptor capitalised to start a sentence (`Prosecutor
/// Jonathan Fairweather`, `Dad-of-three Mark`), or a sentence-initial -ing
/// word (`Defending Ashworth, …`, `Speaking in Kyiv`) that is no surname.
fn descriptor_at(s: &Scan<'_>, i: usize) -> bool {
    if !s.toks[i].sentence_start || s.given_name(i).is_some() {
        return false;
    }
    let w = s.word(i);
    // A speech verb put first (`Stated Stone:`, `Continued Stone:`,
    // `Adds Ms Patel,`): the verb, then the speaker.
    // (The lists are read in any case.)
    let verb = crate::lexicon::quotes::speech_verbs().contains(w)
        && !crate::lexicon::quotes::noun_bases().contains(w)
        && !is_known_surname(w);
    s.role_word(i).is_some() || w.contains("-of-") || gerund(w) || verb
}

/// A verb's -ing form (`Defending`, `Rooting`), not a surname that ends so
/// (`Harding`).
fn gerund(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ing")
        && (crate::lexicon::english::is_english_word(w) || !is_known_surname(w))
}

/// A capitalised English word after a full name on a title-case line
/// (`Hillary Clinton Calls ISIS …`, `Obama Sees`): the headline's verb, not
/// a third name, unless it is a surname too (`Mary Ann Rose`).
fn headline_verb(s: &Scan<'_>, k: usize) -> bool {
    let w = s.word(k);
    s.kinds.get(s.toks[k].line).is_some_and(|kind| kind.1)
        && crate::lexicon::english::is_english_word(w)
        && !is_known_surname(w)
}

/// `Jerry Hall said`, `Referee Graham Poll`, `Nathan Lane, the actor,`: a
/// known given name before a surname that also closes the names of places
/// and institutions (`Hall`, `Lane`, `Poll`, `Park`, `Street`) makes a
/// person where a person stands: a speech verb or an apposition after the
/// two words, `said` or a role before them. Elsewhere (`the Albert Hall`,
/// `Penny Lane`, `Victoria Park`) they name a place or a thing.
fn person_with_place_surname(s: &Scan<'_>, i: usize, j: usize) -> bool {
    j == i + 1
        && s.given_name(i).is_some()
        && is_known_surname(s.word(j))
        && !(s.joined(j) && s.name_like(j + 1))
        // (`the Albert Hall`, `the Royal Albert Hall`: a place.)
        && !(i > 0
            && s.adjacent(i - 1)
            && (s.word(i - 1) == "the"
                || (s.toks[i - 1].shape == Shape::Cap && s.role_word(i - 1).is_none())))
        && (speech_verb_after(s, j)
            || role_after(s, j)
            || said_before(s, i, j)
            || (i > 0 && s.adjacent(i - 1) && s.role_word(i - 1).is_some()))
}

/// How far the name core from `i` runs (see [`core_at`]).
fn core_extent(s: &Scan<'_>, i: usize, after_honorific: bool) -> Option<(Option<usize>, usize)> {
    let n = s.toks.len();
    let given_first = s.given_name(i).is_some();
    let mut place = String::new();
    let mut j = i;
    while j + 1 < n && j + 1 - i < 6 && s.joined(j) && s.name_like(j + 1) {
        if is_suffix(s.word(j + 1).trim_end_matches('.')) {
            break;
        }
        if j > i && headline_verb(s, j + 1) {
            break;
        }
        // `the Obama White House`, `a Hillary Clinton Los Angeles
        // fundraiser`: a place or institution the gazetteer knows ends
        // the name before it.
        if s.multi_place(j + 1, &mut place) > 0 {
            break;
        }
        match s.lexical(j + 1) {
            // `Downing Street`, `Manchester United`: not a person; but after
            // an honorific or title the word is a surname (`Sen. Lydia Park`).
            Some(Lexical::Organisation)
                if !after_honorific && !person_with_place_surname(s, i, j + 1) =>
            {
                return Some((None, j + 2));
            }
            // `Charlie King`: a title that is a common surname ends a
            // name that opens with a given name (not `Jordan King Abdullah`).
            Some(Lexical::Title { .. })
                if given_first
                    && is_common_surname(s.word(j + 1))
                    && !(s.joined(j + 1)
                        && s.toks.get(j + 2).is_some_and(|_| s.name_like(j + 2))) =>
            {
                j += 1;
                break;
            }
            Some(Lexical::Honorific(_) | Lexical::Title { .. }) => break,
            Some(Lexical::Common) if !given_first => break,
            _ => {}
        }
        j += 1;
        if s.toks[j].possessive {
            break;
        }
    }
    // Trailing particles or initials do not end a name.
    while j > i
        && matches!(
            s.toks[j].shape,
            Shape::Particle | Shape::Letter | Shape::Initials
        )
    {
        j -= 1;
    }
    if matches!(s.toks[j].shape, Shape::Letter | Shape::Initials) {
        return Some((None, j + 1));
    }
    // `Board of Contributors`, `Bank of England`: one word before `of` and
    // a capitalised word names a thing (`Duke of York` is a title).
    if j == i && !after_honorific && thing_before_of(s, j) {
        return Some((None, j + 1));
    }
    // A run that ends in a place or demonym and opens with no given name
    // (`Glam Belleza Latina`, `Radio Free Asia`) names a thing.
    if j > i
        && !after_honorific
        && s.given_name(i).is_none()
        && matches!(s.lexical(j), Some(Lexical::Place | Lexical::Demonym))
    {
        return Some((None, j + 1));
    }
    // All places or demonyms (`Kyiv Kharkiv`): not a person.
    if !after_honorific
        && (i..=j).all(|k| matches!(s.lexical(k), Some(Lexical::Place | Lexical::Demonym)))
    {
        return Some((None, j + 1));
    }
    Some((Some(j), j + 1))
}
