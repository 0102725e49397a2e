//! The command-line front ends: `check`, `fix` and `quotes`.

pub mod quotes;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

/// Output format of `copydesk check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Configuration file (default: copydesk.toml in the current folder or above).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Files or folders (folders are walked for .txt and .md); `-` reads stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    /// Print a unified diff instead of writing the files.
    #[arg(long)]
    pub dry_run: bool,
    /// Configuration file (default: copydesk.toml in the current folder or above).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Files or folders (folders are walked for .txt and .md).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

pub fn check(_args: CheckArgs) -> ExitCode {
    ExitCode::from(2)
}

pub fn fix(_args: FixArgs) -> ExitCode {
    ExitCode::from(2)
}
