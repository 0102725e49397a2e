//! The command-line front ends: `check` and `fix` (and `quotes`).
//!
//! - [`input`]: paths → sources (folders walked), bytes → text (binary
//!   refused, byte order mark set aside).
//! - [`report`]: findings placed in a file (byte ranges → positions, once).
//! - [`text`], [`json`], [`sarif`]: the three output formats of `check`.
//! - [`fix`](mod@fix): safe fixes written back atomically, or shown as a diff.
//!
//! Exit codes: 0 clean, 1 a warning or error found (`check` only), 2 a usage
//! or I/O error (after going on with the other files).

mod fix;
pub mod input;
pub mod json;
pub mod quotes;
pub mod report;
pub mod sarif;
pub mod text;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::checks::check_text;
use crate::config::{Config, ConfigError};
use input::{InputError, Source};
use report::{FileReport, Tally};

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
    /// Files or folders (folders are walked for .txt and .md); `-` reads stdin
    /// and writes the fixed text to stdout.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

const USAGE_OR_IO: u8 = 2;

/// Prints an error line to stderr.
fn report_error(message: impl std::fmt::Display) {
    eprintln!("copydesk: {message}");
}

/// A path shown relative to the current folder when it is inside it.
fn shown_path(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// One line saying what is wrong with a configuration.
fn config_problem(e: &ConfigError, text: &str) -> String {
    match e {
        ConfigError::Toml { source, .. } => {
            let message = source.message().trim_end_matches('.').to_string();
            match source.span() {
                Some(span) => {
                    let before = &text[..span.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    format!("{message} (line {line})")
                }
                None => message,
            }
        }
        other => other.to_string(),
    }
    .replace(['\n', '\r'], " ")
}

/// The configuration: `--config FILE` (unreadable is fatal), else the nearest
/// `copydesk.toml` from the current folder up. A malformed one is reported in
/// one line and the defaults stay in force.
fn load_config(explicit: Option<&Path>) -> Result<Config, ()> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match Config::find_file(&cwd) {
                Some(p) => p,
                None => return Ok(Config::default()),
            }
        }
    };
    let shown = if explicit.is_some() {
        path.display().to_string()
    } else {
        shown_path(&path)
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            report_error(format_args!("cannot read configuration {shown}: {e}"));
            return Err(());
        }
    };
    match Config::from_toml(&text, &path) {
        Ok(c) => Ok(c),
        Err(e) => {
            report_error(format_args!(
                "error in {shown}: {}; using the default settings",
                config_problem(&e, &text)
            ));
            Ok(Config::default())
        }
    }
}

/// Checks one source.
fn check_source(source: &Source, config: &Config) -> Result<FileReport, InputError> {
    let article = input::read(source)?;
    let checked = check_text(&article.text, source.language(), config);
    let rope = checked.document.rope();
    let diagnostics = checked
        .findings
        .iter()
        .map(|f| report::place(rope, f))
        .collect();
    let uri = match source {
        Source::Stdin => "stdin".to_string(),
        Source::File(p) => sarif::uri_for(p),
    };
    Ok(FileReport {
        path: source.display(),
        uri,
        diagnostics,
    })
}

/// Writes to stdout; a closed pipe is not an error worth a panic.
fn print(s: &str) -> bool {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .is_ok()
}

/// `copydesk check`.
pub fn check(args: CheckArgs) -> ExitCode {
    let Ok(config) = load_config(args.config.as_deref()) else {
        return ExitCode::from(USAGE_OR_IO);
    };
    let style = text::Style {
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut failed = false;
    let mut tally = Tally::default();
    let mut reports = Vec::new();
    for source in input::sources(&args.paths) {
        let report = match source.and_then(|s| check_source(&s, &config)) {
            Ok(r) => r,
            Err(e) => {
                report_error(e);
                failed = true;
                continue;
            }
        };
        tally.add(&report);
        if args.format == CheckFormat::Text {
            // Stream: a long run shows findings as it goes.
            if !print(&text::render_file(&report, style)) {
                failed = true;
            }
        } else {
            reports.push(report);
        }
    }
    let tail = match args.format {
        CheckFormat::Text => format!("{}\n", tally.summary()),
        CheckFormat::Json => json::render(&reports),
        CheckFormat::Sarif => sarif::render(&reports),
    };
    if !print(&tail) {
        failed = true;
    }
    if failed {
        ExitCode::from(USAGE_OR_IO)
    } else if tally.fails() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `copydesk fix`.
pub fn fix(args: FixArgs) -> ExitCode {
    let Ok(config) = load_config(args.config.as_deref()) else {
        return ExitCode::from(USAGE_OR_IO);
    };
    let mut failed = false;
    for source in input::sources(&args.paths) {
        let outcome = source.and_then(|s| fix::fix_source(&s, &config, args.dry_run));
        match outcome {
            Ok(message) => eprintln!("{message}"),
            Err(e) => {
                report_error(e);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(USAGE_OR_IO)
    } else {
        ExitCode::SUCCESS
    }
}
