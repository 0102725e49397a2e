//! The integration tests, one module a file, linked as one test binary (as
//! rust-analyzer and cargo do): one link of the library and the
//! dev-dependencies instead of one a file. `cargo test --test it` runs them
//! all; `cargo test --test it lsp_safety::` the tests of one file.

mod common;

mod cli;
mod cli_safety;
mod cmd;
mod corpus;
mod furniture;
mod generated;
mod ignore;
mod import_cycles;
mod incremental;
mod incremental_paragraphs;
mod inline_lists;
mod layouts;
mod lsp;
mod lsp_fuzz;
mod lsp_ignore;
mod lsp_memory;
mod lsp_people;
mod lsp_quotes;
mod lsp_safety;
mod lsp_sources;
mod lsp_workspace;
mod names;
mod quotes_cli;
mod rules;
mod sources;
