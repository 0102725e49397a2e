//! Name mentions (per paragraph, pure) and the people they refer to (article pass).
//!
//! [`scan_mentions`] finds references to people in one paragraph: a name
//! (capitalised words, particles such as `al-`, `van der`, initials) with its
//! honorific or title (`Mr`, `Foreign Minister`), a possessive, and a role
//! attached before (`Ukraine’s Foreign Minister Dmytro Kuleba`) or after it
//! (`Antony Blinken, the US secretary of state,`). A lone capitalised word
//! (`Kuleba said`) is only a *candidate* ([`Mention::bare`]): the article
//! pass, [`People::build`], makes it a mention when it matches the surname of
//! a person the article names, and groups all mentions into people.
//!
//! Modules, by what they hold: `types` (a mention and its place), `tokens`
//! (a paragraph's words and their shapes), `para` (a paragraph being
//! scanned), `scan` (finding name cores), `mention` (honorific, role and the
//! parts of a name), `variants` (folding and the typo test), `person` (a
//! person and the spelling story), `group` and `typos` (grouping mentions
//! into people), `style` (the style book's names), `canonical` (the spelling
//! to use), `people` (the article's
//! people), `index` (the names mentions meet through) and `regroup`
//! (regrouping around an edit). The word lists are in
//! [`crate::lexicon::names`].
//!
//! Using it (quotes, LSP): `Article::people` holds the [`People`]. Treat a
//! mention as a person only through [`People::person_of`] (bare candidates
//! that match nobody have none). [`People::mention_at`] finds the mention
//! and person at a document offset (hover, go to first reference via
//! [`Person::first_full_reference`], references via [`Person::mentions`],
//! rename via each mention's `given`/`surname_range`); [`Person::canonical`],
//! [`Person::spellings`] and [`Person::is_variant`] give the spelling
//! story. Ranges in a [`Mention`] are paragraph-relative: add the
//! paragraph's `start` (or use [`Mention::shifted`]). A keystroke that
//! touches no name keeps its people, and one that does regroups only the
//! families its names reach ([`People::update`]).

pub mod across;
mod canonical;
mod group;
mod index;
mod mention;
mod para;
mod people;
mod person;
mod regroup;
mod scan;
mod style;
mod tokens;
mod types;
mod typos;
pub mod variants;

pub use crate::lexicon::names::Gender;
pub use across::{cross_variants, named_people, same_person, CrossVariant, Named};
pub use people::People;
pub use person::{Person, PersonId, PersonInfo, Spelling};
pub use regroup::Regrouped;
pub use scan::scan_mentions;
pub(crate) use tokens::{is_given_name, is_joined_particle};
pub use types::{Mention, MentionRef};

/// One reference to a person by name, paragraph-relative.
#[cfg(test)]
mod tests;
