//! What attribution finds: quotes, their speakers and how each was found.

use super::*;

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
