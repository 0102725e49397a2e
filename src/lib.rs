//! copydesk: a language server and command line for editing news copy.
//!
//! Layers, top to bottom (dependencies point down only):
//! `lsp` / `cli` → `checks` → `analysis` → `text`, with `config` beside them.

pub mod analysis;
pub mod checks;
pub mod cli;
pub mod config;
pub mod lsp;
pub mod text;
