//! Attribution (article pass, over facts): joins quotes that run over
//! paragraphs and finds each quote's speaker.
//!
//! One walk over the paragraphs in order, keeping a running "last person by
//! gender", the last organisation and a role index keyed by head noun, so
//! the pass is linear in the number of facts: pronouns (`he`, `she`, `they`)
//! go to the most recent compatible person, role nouns (`the minister`) to the
//! person introduced with that role, `the official` to the source introduced
//! as `a senior official`.
//!
//! `lookup` is what the walk knows of the people (who a surname or a given
//! name alone refers to), `walk` one step of it (a paragraph's row),
//! `walk_log` what it leaves to be resumed from, `assembly` joins the rows
//! into quotes with their speakers.

mod assembly;
mod keys;
mod lookup;
mod reads;
mod resolve;
pub(crate) mod resume;
mod row;
mod state;
mod types;
mod walk;
mod walk_log;

pub(crate) use assembly::attribute_logged;
pub(crate) use lookup::Ctx;
pub use lookup::{display_name, looks_like_person};
pub(crate) use reads::Reads;
pub use types::{
    quote_at, Attribution, Quote, Resolution, ResolvedCue, Speaker, SpeakerKind, SpeakerMention,
};
pub(crate) use walk_log::WalkLog;

#[cfg(test)]
mod tests;
