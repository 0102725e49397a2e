//! The article pass: the walk over paragraphs, quotes joined over paragraphs
//! and given their speakers, and the log to resume it from.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::keys::ParaKeys;
use super::lookup::{Ctx, With};
use super::row::Row;
use super::state::Walk;
use super::types::{Attribution, Quote, Resolution, Speaker, SpeakerKind};
use super::walk::{is_copy, walk_paragraph};
use super::walk_log::{first_roles, role_of, FirstRoles, WalkLog, STRIDE};
use crate::analysis::cues::{PhraseKind, Trailing, SIGN_OFF};
use crate::analysis::names::People;
use crate::analysis::quotes::QuoteKind;
use crate::analysis::ParagraphFacts;
use crate::text::Paragraphs;

/// Joins the walk's rows into quotes, paragraph by paragraph; can start at
/// any paragraph that no quote runs into.
pub(super) struct Assembly<'a> {
    pub(super) paragraphs: Paragraphs<'a, ParagraphFacts>,
    pub(super) rows: &'a [Row],
    /// The paragraphs' keys, to place the antecedents the rows name.
    pub(super) keys: &'a ParaKeys,
    pub(super) not_prose: &'a [Range<usize>],
    pub(super) people: &'a People,
    pub(super) person_roles: &'a FirstRoles,
    /// The quotes before the first paragraph assembled.
    pub(super) before: &'a [Quote],
    pub(super) quotes: Vec<Quote>,
    /// The quote (in `quotes`) still open at the end of the last paragraph.
    pub(super) pending: Option<usize>,
    /// The last paragraph of copy.
    pub(super) prev_para: Option<usize>,
}

impl Assembly<'_> {
    /// The person paragraph `pi` is about, as a speaker placed in the document.
    fn topic_speaker(&self, pi: usize) -> Option<Speaker> {
        let (_, found) = self.rows.get(pi)?.topic.as_ref()?;
        let base = self.paragraphs.at(pi).start;
        let mut s = found.clone();
        s.mention.range = base + s.mention.range.start..base + s.mention.range.end;
        s.cue_range = s.mention.range.clone();
        Some(s)
    }

    /// The speaker of cue `c` of paragraph `pi`, placed in the document.
    fn cue_speaker(&self, pi: usize, c: usize) -> Option<Speaker> {
        let found = self.rows.get(pi)?.speakers.get(c)?.as_ref()?;
        let para = self.paragraphs.at(pi);
        let cue = para.facts.quotes.cues.get(found.cue)?;
        let phrase = cue.speaker.as_ref()?;
        let base = para.start;
        let mut s = found.speaker.clone();
        s.mention.range = base + phrase.range.start..base + phrase.range.end;
        s.cue_range = base + cue.verb.start..base + cue.verb.end;
        if let Some((key, fact)) = found.antecedent {
            let p = self.keys.index_of(key);
            let at = p
                .and_then(|p| self.paragraphs.get(p))
                .and_then(|para| Some(para.start + fact.offset(para.facts)?))
                .unwrap_or_default();
            if let Resolution::Pronoun { antecedent, para }
            | Resolution::RoleNoun { antecedent, para } = &mut s.resolution
            {
                *antecedent = at;
                *para = p.unwrap_or_default();
            }
        }
        if let (Some(id), None) = (s.person, &s.role) {
            s.role = role_of(self.people, self.person_roles, id);
        }
        Some(s)
    }

    /// Whether paragraph `pp` is the headline that opens the article: a
    /// headline and the first paragraph of copy.
    fn opening_headline(&self, pp: usize) -> bool {
        let head = self.paragraphs.at(pp).facts.quotes.headline;
        head && (0..pp).all(|i| !is_copy(self.not_prose, self.paragraphs.at(i).start))
    }

    pub(super) fn paragraph(&mut self, pi: usize) {
        let para = self.paragraphs.at(pi);
        let q = &para.facts.quotes;
        let base = para.start;
        if !is_copy(self.not_prose, base) {
            return;
        }
        let prev_para = self.prev_para;
        let first_copy_para = prev_para.is_none();
        let deck = q.deck && prev_para.is_some_and(|pp| self.opening_headline(pp));
        let outer: Vec<_> = q.outer().collect();
        let mut first_new = 0;
        let mut speaker_in_para: Option<Speaker> = None;
        if let Some(open) = self.pending.take() {
            // A transcript's next speaker (`"PENCE: …` after `"WALLACE: …`)
            // reopens the marks but starts a quote of their own; the open
            // quote before is balanced by the reopening all the same.
            let labelled = outer.first().is_some_and(|s| {
                q.quote_cues.first().copied().flatten().is_some_and(|c| {
                    q.cues
                        .get(c)
                        .and_then(|cue| cue.speaker.as_ref())
                        .is_some_and(|sp| {
                            s.content.start <= sp.range.start && sp.range.start < s.end(para.len)
                        })
                })
            });
            if labelled {
                self.quotes[open].closed = true;
            }
            // A paragraph reopening the marks with a cue naming someone else
            // (`“…,” added Rep. Jim Clyburn` after Gwen Moore's open quote)
            // starts that person's quote: the open one lost its closing mark.
            // (The quote closes in this paragraph and its cue stands after it.)
            let first_cue = q.quote_cues.first().copied().flatten();
            let cue_after = outer.first().zip(first_cue).is_some_and(|(s, c)| {
                s.open.start == q.first_char
                    && s.close.is_some()
                    && q.cues
                        .get(c)
                        .is_some_and(|cue| cue.verb.start >= s.end(para.len))
            });
            let other_speaker = cue_after
                && first_cue
                    .and_then(|c| self.cue_speaker(pi, c))
                    .zip(self.quotes[open].speaker.as_ref())
                    .is_some_and(|(own, before)| {
                        // (Not inside an excerpt a lead-in introduced
                        // (`From Andrea Peyser at the Post:`), which may
                        // quote others in its own marks.)
                        before.resolution != Resolution::PreviousParagraphCue
                            && own.kind == SpeakerKind::Person
                            && before.kind == SpeakerKind::Person
                            && match (own.person, before.person) {
                                (Some(a), Some(b)) => a != b,
                                _ => own.name != before.name,
                            }
                    });
            match outer.first() {
                Some(s) if s.open.start == q.first_char && !labelled && !other_speaker => {
                    let cue_speaker = match &self.quotes[open].speaker {
                        None => first_cue.and_then(|c| self.cue_speaker(pi, c)),
                        Some(_) => None,
                    };
                    let quote = &mut self.quotes[open];
                    quote
                        .content
                        .push(base + s.content.start..base + s.content.end);
                    quote.paragraphs.end = pi + 1;
                    quote.range.end = base + s.end(para.len);
                    quote.close = s.close.as_ref().map(|c| base + c.start..base + c.end);
                    quote.closed = s.close.is_some();
                    quote.last_char = s.last_char;
                    quote.last_char_at = s.last_char_at.map(|a| base + a);
                    quote.broken |= s.stray;
                    quote.introduced |= first_cue.is_some();
                    if quote.speaker.is_none() {
                        if let Some(sp) = cue_speaker {
                            quote.speaker = Some(sp);
                        }
                    }
                    speaker_in_para = quote.speaker.clone();
                    if s.close.is_none() {
                        self.pending = Some(open);
                    }
                    first_new = 1;
                }
                _ => {}
            }
        }
        let first_quote_index = self.quotes.len();
        for (k, s) in outer.iter().enumerate().skip(first_new) {
            let cue = q.quote_cues.get(k).copied().flatten();
            let mut speaker = cue.and_then(|c| self.cue_speaker(pi, c));
            // A quote ending in a comma waits for its own cue: with none,
            // its attribution is missing, not to be taken from a neighbour;
            // unless the sentence frames it otherwise (`“…,” by Times'
            // Ben Sisario`, `From the report: “…,” and …`).
            // (Not when the words after it comment on it with no cue:
            // `“…,” a detail that …`.)
            let waits = s.last_char == Some(',')
                && s.close.is_some()
                && s.kind == QuoteKind::Full
                && !(s.remarked && cue.is_none());
            // A quote opening its sentence with a cue after it that has no
            // subject and no cue before it to lend one (`“We need change,”
            // arguing that …`): the speaker was cut, and is not to be taken
            // from a neighbour either. (Not `One pensioner shrugged and
            // joked, “…”`: a subject stands before.)
            let subjectless = speaker.is_none()
                && s.sentence_start
                && cue.and_then(|c| q.cues.get(c)).is_some_and(|c| {
                    let end = s.end(para.len);
                    c.speaker
                        .as_ref()
                        .is_some_and(|sp| sp.kind == PhraseKind::Elided)
                        // (right after it, or anywhere after a quote
                        // ending in a comma: `“…,” in a statement, adding
                        // that …`; not `“…?” a reporter can be heard
                        // asking`)
                        && c.verb.start >= end
                        && (waits || c.verb.start <= end + 3)
                });
            let broken = s.stray || waits && cue.is_none() && !s.framed || subjectless;
            if speaker.is_none()
                && !broken
                && !q.titled
                && k == first_new
                && first_new == 0
                && s.open.start == q.first_char
            {
                if let Some(pp) = prev_para {
                    if let Some(t) = self.paragraphs.at(pp).facts.quotes.trailing_cue {
                        // (After reported speech, a person of the article
                        // or a role (the cue pass keeps only roles, names
                        // and he or she): `Republicans said …` or `the
                        // agency said …` does not say whose quote comes
                        // next; `The Times reports:` does.)
                        let colon = matches!(t, Trailing::Colon(_));
                        speaker = self
                            .cue_speaker(pp, t.cue())
                            .filter(|sp| {
                                colon
                                    || match sp.kind {
                                        SpeakerKind::Person => sp.person.is_some(),
                                        // (`The defence secretary said …`, unnamed.)
                                        SpeakerKind::Anonymous => true,
                                        SpeakerKind::Organisation => false,
                                    }
                            })
                            .map(|mut sp| {
                                sp.resolution = Resolution::PreviousParagraphCue;
                                sp
                            });
                    }
                }
            }
            if speaker.is_none() && !waits && !broken {
                speaker = speaker_in_para.clone().map(|mut sp| {
                    sp.resolution = Resolution::Continuation;
                    sp
                });
            }
            if speaker.is_some() {
                speaker_in_para = speaker.clone();
            }
            // The paragraph before ends in a lead-in colon (`Sanders made
            // the following comment:`, `His answer:`) or a question asking
            // for the words (`Just what is this priceless slogan?`).
            let led_in = k == 0
                && s.open.start == q.first_char
                && prev_para.is_some_and(|pp| self.paragraphs.at(pp).facts.quotes.leads_in);
            // Right after a quote of this paragraph that has no speaker
            // either and ran on to its paragraph's end, nothing between but
            // a space (paragraphs of one quote run together on one line:
            // `…said: "A. "B. "C.`): the same quote going on, one fault
            // flagged on its first piece at most.
            const GAP: usize = 3;
            let goes_on = k > 0
                && speaker.is_none()
                && !broken
                && s.sentence_start
                && s.open.start <= outer[k - 1].end(para.len) + GAP
                && self.quotes.len() > first_quote_index
                && self.quotes.last().is_some_and(|x| {
                    x.speaker.is_none()
                        && !x.broken
                        && x.close.as_ref().is_some_and(|c| c.is_empty())
                });
            let close = s.close.as_ref().map(|c| base + c.start..base + c.end);
            self.quotes.push(Quote {
                range: base + s.open.start..base + s.end(para.len),
                content: std::iter::once(base + s.content.start..base + s.content.end).collect(),
                paragraphs: pi..pi + 1,
                kind: s.kind,
                closed: s.close.is_some(),
                open: base + s.open.start..base + s.open.end,
                close,
                last_char: s.last_char,
                last_char_at: s.last_char_at.map(|a| base + a),
                open_mark: s.open_mark,
                headline: q.heading || q.headline && (first_copy_para || q.titled) || deck,
                subhead: q.subhead,
                broken,
                introduced: cue.is_some() && !subjectless || s.framed || led_in || goes_on,
                speaker,
            });
            if s.close.is_none() {
                self.pending = Some(self.quotes.len() - 1);
            }
        }
        // A quote before the paragraph's attributed one takes its speaker.
        let mut later: Option<Speaker> = None;
        for quote in self.quotes[first_quote_index..].iter_mut().rev() {
            let waits =
                quote.last_char == Some(',') && quote.closed && quote.kind == QuoteKind::Full;
            // (Not a title, which the speaker reaches past: `the
            // beer-flavoured “Draft One”. Kirin is launching its own
            // “third-type” drink` gives Kirin no title.)
            if quote.speaker.is_none() && quote.kind == QuoteKind::Title {
                continue;
            }
            if quote.speaker.is_none() && !waits && !quote.broken {
                quote.speaker = later.clone().map(|mut sp| {
                    sp.resolution = Resolution::Continuation;
                    sp
                });
            } else {
                later = quote.speaker.clone();
            }
        }
        // A lone quote paragraph right after a paragraph of narrative or of
        // quotes.
        let names_outside = para.facts.mentions.iter().any(|m| {
            !m.slip_only
                && !outer
                    .iter()
                    .any(|s| s.open.start <= m.range.start && m.range.start < s.end(para.len))
        });
        let mut presumed = None;
        // (Paragraphs run together on one line may go on after the quote
        // with narrative of their own: `“…” Shooting begins in April.`.)
        let quiet = q.cues.is_empty() && !names_outside;
        let own_cue = q.quote_cues.first().copied().flatten().is_some();
        if first_new == 0 && (quiet || !own_cue) {
            if let (Some(pp), Some(first)) = (prev_para, self.quotes.get(first_quote_index)) {
                let starts_with_quote = outer.first().is_some_and(|s| s.open.start == q.first_char);
                let waits = first.last_char == Some(',') && first.closed;
                let adjacent = pp + 1 == pi;
                let lone = starts_with_quote
                    && !waits
                    && first.speaker.is_none()
                    && first.kind == QuoteKind::Full;
                let prev = &self.paragraphs.at(pp).facts.quotes;
                // After a paragraph reporting one person's words, with no
                // full quote of its own: presumed that person's.
                let narrative = prev.outer().all(|s| s.kind != QuoteKind::Full);
                if lone && quiet && narrative && adjacent && !first.broken {
                    presumed = self.topic_speaker(pp);
                }
                // A run of quote paragraphs by one speaker: the paragraph
                // before opens with a full quote too. (A quote after
                // narrative is not handed to whoever spoke last.)
                let prev_quotes = prev
                    .outer()
                    .next()
                    .is_some_and(|s| s.open.start == prev.first_char && s.kind == QuoteKind::Full);
                // Or the paragraph before ends in a quote and its
                // attribution (`Mr Smith said: “…”` then `“…”`).
                if lone && (quiet && prev_quotes || prev.ends_in_quote) {
                    let prev_quote = self.quotes[..first_quote_index]
                        .iter()
                        .rev()
                        .chain(self.before.iter().rev())
                        .find(|x| x.paragraphs.contains(&pp));
                    // It reads as that speaker's run, but nothing in the copy
                    // says so: no alarm, and no speaker guessed either (a
                    // quote whose attribution was cut looks just like it,
                    // and must not be silently credited to someone else).
                    // A run whose first quote has no speaker either is one
                    // fault, flagged on that quote (or on none, when a
                    // lead-in introduced it), not on every paragraph of it.
                    // (That first quote stands right before: not across
                    // furniture or a region the user took out of the check.)
                    // Not after a quote signed on its own line (`“…” ―
                    // Pamela Padilla`): a list of signed quotes is many
                    // speakers, and one that lost its name is flagged.
                    let signed =
                        |x: &Quote| x.speaker.as_ref().is_some_and(|sp| sp.cue == SIGN_OFF);
                    let run = |x: &Quote| {
                        if prev_quotes {
                            x.speaker.is_some() || adjacent && !x.headline
                        } else {
                            adjacent && x.kind == QuoteKind::Full && x.speaker.is_some()
                        }
                    };
                    if prev_quote.is_some_and(|x| !signed(x) && run(x)) {
                        for quote in &mut self.quotes[first_quote_index..] {
                            quote.introduced = true;
                        }
                    }
                }
            }
        }
        if let Some(sp) = presumed {
            for quote in &mut self.quotes[first_quote_index..] {
                if quote.speaker.is_none() {
                    quote.speaker = Some(sp.clone());
                }
            }
        }
        self.prev_para = Some(pi);
    }
}

/// Per person: how many quotes are attributed to them.
pub(super) fn count_quotes(quotes: &[Quote], counts: &mut [usize], add: bool) {
    for id in quotes.iter().filter_map(|q| q.speaker.as_ref()?.person) {
        if let Some(n) = counts.get_mut(id) {
            if add {
                *n += 1;
            } else {
                *n = n.saturating_sub(1);
            }
        }
    }
}

/// The article pass, and the log to resume it from ([`resume::update`](super::resume::update)).
/// `not_prose` are byte ranges that are not copy (sorted).
pub(crate) fn attribute_logged(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    people: &People,
    ctx: Arc<Ctx>,
    not_prose: &[Range<usize>],
) -> (Attribution, WalkLog) {
    let keys = ParaKeys::fresh(paragraphs.len());
    let w = With {
        people,
        ctx: &ctx,
        keys: &keys,
    };
    // Whether a mention's name can be a person's, once per distinct name.
    let mut person_like: HashMap<&str, bool> = HashMap::new();
    let mut walk = Walk::default();
    let mut states = Vec::with_capacity(paragraphs.len() / STRIDE + 1);
    let mut rows = Vec::with_capacity(paragraphs.len());
    for (pi, para) in paragraphs.iter().enumerate() {
        if pi % STRIDE == 0 {
            states.push((pi, walk.clone()));
        }
        rows.push(if is_copy(not_prose, para.start) {
            walk_paragraph(&w, &mut walk, pi, para, &mut person_like)
        } else {
            Row::blank(para)
        });
    }
    let person_roles = first_roles(&rows);
    let mut asm = Assembly {
        paragraphs,
        rows: &rows,
        keys: &keys,
        not_prose,
        people,
        person_roles: &person_roles,
        before: &[],
        quotes: Vec::new(),
        pending: None,
        prev_para: None,
    };
    for pi in 0..paragraphs.len() {
        asm.paragraph(pi);
    }
    let mut quotes = asm.quotes;
    quotes.shrink_to_fit();
    let mut quotes_by_person = vec![0; people.id_bound()];
    count_quotes(&quotes, &mut quotes_by_person, true);
    let roles = (0..people.id_bound())
        .map(|id| role_of(people, &person_roles, id))
        .collect();
    let mut resolved: Vec<_> = rows
        .iter()
        .zip(paragraphs)
        .enumerate()
        .flat_map(|(pi, (row, para))| row.placed(pi, para))
        .collect();
    resolved.shrink_to_fit();
    let attribution = Attribution {
        quotes,
        resolved,
        quotes_by_person,
        roles,
    };
    let log = WalkLog {
        ctx,
        glossed: Vec::new(),
        keys,
        states,
        rows,
        person_roles,
    };
    (attribution, log)
}
