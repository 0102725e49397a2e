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
mod language;
mod lines;
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
pub use facts::{ParagraphFacts, Scanner};
pub use furniture::{BoilerplateHit, BoilerplateKind, BoilerplateMatcher};
pub use language::Language;
pub use lines::{line_spans, LineSpan};
pub use markdown::FenceLine;
pub use names::{Gender, Mention, MentionRef, People, Person, PersonId, Regrouped};
pub use parts::{ArticleParts, Leftovers, Reused};
pub use placeholder::{PlaceholderHit, PlaceholderKind, PlaceholderMatcher};
pub use quotes::{QuoteFacts, QuoteKind};
