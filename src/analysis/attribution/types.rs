//! What attribution finds: quotes, their speakers and how each was found,
//! and the result of the pass.

use std::ops::Range;

use crate::analysis::names::{People, PersonId};
use crate::analysis::quotes::QuoteKind;

/// Who a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    Person,
    Anonymous,
    Organisation,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Organisation => "organisation",
        }
    }
}

/// How a speaker was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The cue names the speaker (`Mr Kuleba said`, `a senior official said`).
    Direct,
    /// A pronoun resolved to the person or source referred to at `antecedent`
    /// (absolute byte offset) in paragraph `para`.
    Pronoun { para: usize, antecedent: usize },
    /// A role noun (`the minister`) resolved to the person or source introduced
    /// with that role at `antecedent` in paragraph `para`.
    RoleNoun { para: usize, antecedent: usize },
    /// A later paragraph of a quote, or a quote in the same paragraph as an
    /// attributed one (`“…,” he said. “…”`).
    Continuation,
    /// A cue ending the previous paragraph (`He added:`).
    PreviousParagraphCue,
    /// A quote paragraph with no attribution of its own, after a paragraph
    /// reporting one person's words (`Cllr Morgan said the plan would cost
    /// jobs. His bakery opened in 1962.` then `“We have been here
    /// before.”`): presumed theirs.
    Topic,
}

impl Resolution {
    /// How the speaker was found, in one word for the quote sheet: `named`,
    /// `pronoun`, `role`, `continuation` (a quote running on), `previous-cue`
    /// (`He added:` ending the paragraph before).
    pub fn as_str(&self) -> &'static str {
        match self {
            Resolution::Direct => "named",
            Resolution::Pronoun { .. } => "pronoun",
            Resolution::RoleNoun { .. } => "role",
            Resolution::Continuation => "continuation",
            Resolution::PreviousParagraphCue => "previous-cue",
            Resolution::Topic => "presumed",
        }
    }
}

/// The words in the copy that name the speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerMention {
    /// Absolute byte range.
    pub range: Range<usize>,
    pub text: String,
}

/// The speaker of a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub kind: SpeakerKind,
    /// The person's canonical name, or the phrase for a source or organisation.
    pub name: String,
    pub role: Option<String>,
    pub person: Option<PersonId>,
    /// The mention the cue uses (`He`, `the minister`, `Mr Kuleba`).
    pub mention: SpeakerMention,
    /// The cue word (`said`, `according to`).
    pub cue: String,
    /// Absolute byte range of the cue word.
    pub cue_range: Range<usize>,
    pub resolution: Resolution,
}

/// A quote of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Absolute byte range from the opening mark to the closing mark (or to
    /// the end of the last paragraph when it never closes).
    pub range: Range<usize>,
    /// The quoted words of each paragraph the quote spans, without marks.
    pub content: Vec<Range<usize>>,
    /// Paragraph indices of the first and last piece.
    pub paragraphs: Range<usize>,
    pub kind: QuoteKind,
    /// Whether the quote has a closing mark.
    pub closed: bool,
    /// The opening mark (absolute) of the first piece, and the closing mark.
    pub open: Range<usize>,
    pub close: Option<Range<usize>>,
    /// The last character of the quoted words.
    pub last_char: Option<char>,
    /// Absolute byte offset of `last_char`.
    pub last_char_at: Option<usize>,
    /// The opening mark as written (`“`, `‘`, `"`, `«`, `„`).
    pub open_mark: char,
    /// In a headline: the article's first line without terminal punctuation,
    /// or a Markdown `#` heading.
    pub headline: bool,
    /// A paragraph that is only a short quote in single marks (`‘A change
    /// warrior.’`): a subhead, where the copy quotes speech in double marks.
    pub subhead: bool,
    /// The copy shows an attribution cut out of it: the quote ends in a comma
    /// with no cue after it, or only punctuation stands where the cue was.
    pub broken: bool,
    /// The copy introduces the quote: a speech verb is attached to it
    /// (`as if to say, “…”`) or a lead-in ends in a colon before it, whether
    /// or not the speaker could be resolved.
    pub introduced: bool,
    pub speaker: Option<Speaker>,
}

/// A pronoun or role noun resolved to a person, for inlay hints (`He ‹Kuleba›`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedCue {
    /// Absolute byte range of the pronoun or role phrase.
    pub range: Range<usize>,
    /// The paragraph it is in.
    pub para: usize,
    pub person: PersonId,
    pub name: String,
    pub surname: String,
}

/// The result of the pass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub quotes: Vec<Quote>,
    pub resolved: Vec<ResolvedCue>,
    /// Per person id: how many quotes are attributed to them.
    pub quotes_by_person: Vec<usize>,
    /// Per person id: the first role the copy gives them.
    pub roles: Vec<Option<String>>,
}

impl Attribution {
    /// The quote whose range holds `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        quote_at(&self.quotes, offset)
    }

    /// For each of the people `ids`, the paragraphs from their first
    /// mention or quote to their last.
    pub fn spans_of<'s>(
        &'s self,
        people: &'s People,
        ids: &'s [PersonId],
    ) -> impl Iterator<Item = Range<usize>> + 's {
        ids.iter().filter_map(move |&id| {
            let person = people.person(id)?;
            let mentions = person.mentions.iter().map(|r| r.para..r.para + 1);
            let quotes = self
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().and_then(|s| s.person) == Some(id))
                .map(|q| q.paragraphs.clone());
            mentions
                .chain(quotes)
                .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
        })
    }

    /// The attribution with its people's ids changed by `map` (old id →
    /// new id, from [`People::renumbered`]); the tables by person keep
    /// only the people `map` keeps.
    pub fn renumbered(&self, map: &[Option<PersonId>]) -> Attribution {
        let to = |id: PersonId| map.get(id).copied().flatten();
        let mut out = self.clone();
        for q in &mut out.quotes {
            if let Some(sp) = &mut q.speaker {
                sp.person = sp.person.and_then(to);
            }
        }
        for c in &mut out.resolved {
            c.person = to(c.person).unwrap_or(usize::MAX);
        }
        let kept = map.iter().flatten().count();
        out.quotes_by_person = vec![0; kept];
        out.roles = vec![None; kept];
        for (old, new) in map.iter().enumerate() {
            if let Some(new) = *new {
                out.quotes_by_person[new] = self.quotes_by_person.get(old).copied().unwrap_or(0);
                out.roles[new] = self.roles.get(old).cloned().flatten();
            }
        }
        out
    }
}

/// The quote of `quotes` (in order) whose range holds `offset`.
pub fn quote_at(quotes: &[Quote], offset: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.range.end <= offset);
    quotes.get(i).filter(|q| q.range.start <= offset)
}
