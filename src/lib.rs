//! copydesk: a language server and command line for editing news copy.
//!
//! Layers, top to bottom (dependencies point down only):
//! `lsp` / `cli` → `checks` (the engine that runs the rules and keeps their
//! findings across edits) → `rules` (one file per rule, the registry) →
//! `analysis` (the article model) → `lexicon` (word lists from `data/`) →
//! `text` (the document, paragraphs, positions), with `config` below the
//! rules (it parses settings and knows no rule).

pub mod analysis;
pub mod checks;
pub mod cli;
pub mod config;
pub mod lexicon;
pub mod lsp;
pub mod rules;
pub mod sources;
pub mod text;
