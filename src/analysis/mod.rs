//! The engine: pure, deterministic and free of LSP.
//!
//! 1. [`Scanner::scan`] turns one paragraph's text into [`ParagraphFacts`]
//!    (paragraph-relative byte offsets). It is a pure function of the text and
//!    the configuration, so unchanged paragraphs keep their facts.
//! 2. [`Article::new`] is the article pass: it works over the facts of all
//!    paragraphs, never over text (Markdown code and front matter, and later
//!    quotes across paragraphs, speakers and people).
//!
//! `facts` holds step 1 (the paragraph facts and the scanner), `article`
//! step 2 (the article model), `parts` what a pass leaves to be updated
//! across an edit.

mod article;
pub mod attribution;
pub mod cues;
mod facts;
pub mod furniture;
pub mod ignore;
mod markdown;
pub mod marks;
pub mod names;
mod parts;
pub mod placeholder;
pub mod pull_quote;
pub mod quotes;
pub mod shift;
pub mod sources;

pub use crate::lexicon::english::Tongue;

pub use article::Article;
pub use attribution::{
    Attribution, Quote, Resolution, ResolvedCue, Speaker, SpeakerKind, SpeakerMention,
};
pub use facts::{line_spans, LineSpan, ParagraphFacts, Scanner};
pub use furniture::{BoilerplateHit, BoilerplateKind, BoilerplateMatcher};
pub use markdown::FenceLine;
pub use names::{Gender, Mention, MentionRef, People, Person, PersonId, Regrouped};
pub(crate) use parts::Pending;
pub use parts::{ArticleParts, Leftovers, Reused};
pub use placeholder::{PlaceholderHit, PlaceholderKind, PlaceholderMatcher};
pub use quotes::{QuoteFacts, QuoteKind};

/// The kind of document, which decides what is copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    PlainText,
    /// Fenced code blocks and front matter are not copy; `#` lines are headings.
    Markdown,
}

impl Language {
    /// From an LSP language id (`plaintext`, `text`, `markdown`); `None` for
    /// documents copydesk does not check.
    pub fn from_language_id(id: &str) -> Option<Self> {
        match id {
            "plaintext" | "text" => Some(Self::PlainText),
            "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    /// From a file name: `.md`/`.markdown` is Markdown, anything else text.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => Self::Markdown,
            _ => Self::PlainText,
        }
    }
}
