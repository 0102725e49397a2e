//! `copydesk rules` (every rule, as a table or JSON) and `copydesk explain
//! CODE` (one rule's page): both straight from the registry.

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::rules::{docs, find, REGISTRY};

/// Output format of `copydesk rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (`unattributed-quote`); see `copydesk rules`.
    pub code: String,
}

pub fn rules(args: RulesArgs) -> ExitCode {
    let out = match args.format {
        RulesFormat::Table => docs::text_table(),
        RulesFormat::Json => {
            let mut s = serde_json::to_string_pretty(&docs::rules_json()).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    // A closed stdout (`copydesk rules | head`) is a normal end.
    let _ = super::output::Stdout::default().print(&out);
    ExitCode::SUCCESS
}

pub fn explain(args: ExplainArgs) -> ExitCode {
    match find(&args.code) {
        Some(rule) => {
            let _ = super::output::Stdout::default().print(&docs::page(rule.info()));
            ExitCode::SUCCESS
        }
        None => {
            let known: Vec<&str> = REGISTRY.iter().map(|r| r.info().code).collect();
            super::output::report_error(format!(
                "no rule `{}` (known rules: {})",
                args.code,
                known.join(", ")
            ));
            ExitCode::from(super::output::USAGE_OR_IO)
        }
    }
}
