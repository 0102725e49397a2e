//! The command-line front ends: `check` and `fix` (and `quotes`).
//!
//! - [`input`]: paths → sources (folders walked without leaving them),
//!   bytes → text (regular files only, within the size limit; UTF-8, UTF-16
//!   with a byte order mark, else Windows-1252; binary refused).
//! - [`report`]: findings placed in a file (byte ranges → positions, once).
//! - [`text`], [`json`], [`sarif`], [`github`]: the output formats of `check`.
//! - [`fix`](mod@fix): safe fixes, or a diff; [`write`](mod@write): writing a
//!   file back atomically, keeping its identity, never over someone else's
//!   edit.
//!
//! Exit codes: 0 clean, 1 a warning or error found (`check` only), 2 a usage,
//! configuration or I/O error, or nothing to read (after going on with the
//! other files). A closed stdout ends the output, not the run.

mod across;
mod fix;
pub mod github;
pub mod input;
pub mod json;
mod load;
mod output;
pub mod quotes;
pub mod report;
pub mod rules;
pub mod sarif;
pub mod sources;
pub mod text;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::checks::check_text_with;
use crate::checks::ignores::Ignoring;
use crate::config::Config;
use across::Roster;
use input::{InputError, Source};
use load::load_config;
pub use output::Stdout;
use output::{report_error, USAGE_OR_IO};
use report::{FileReport, Tally};

/// Output format of `copydesk check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
    /// GitHub Actions workflow commands (`::warning file=…,line=…::…`):
    /// annotations on the pull request's files.
    Github,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Configuration file (default: copydesk.toml in the current folder or above).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Say on stderr how each article's paragraphs were read (blank-line or
    /// line-per-paragraph layout, and why).
    #[arg(long)]
    pub explain_layout: bool,
    /// Show every finding: ignore comments (`<!-- copydesk-ignore … -->`)
    /// silence nothing and none is reported as unused.
    #[arg(long)]
    pub no_ignore: bool,
    /// Name on stderr every file a folder walk passed over, and why
    /// (.gitignore, hidden, README, `files.exclude`, …).
    #[arg(long, short)]
    pub verbose: bool,
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
    /// Name on stderr every file a folder walk passed over, and why.
    #[arg(long, short)]
    pub verbose: bool,
    /// Files or folders (folders are walked for .txt and .md); `-` reads stdin
    /// and writes the fixed text to stdout.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Checks one source: its report, and what comparing it with the other
/// articles of its folder needs.
fn check_source(
    source: &Source,
    config: &Config,
    args: &CheckArgs,
) -> Result<(FileReport, Roster), InputError> {
    let article = input::read(source, config.max_file_bytes())?;
    if let Some(note) = article.note() {
        eprintln!("copydesk: note: {note}");
    }
    let quoted = sources::for_article(source, &article.text, config);
    let ignoring = if args.no_ignore {
        Ignoring::ShowAll
    } else {
        Ignoring::Obey
    };
    let checked = check_text_with(&article.text, source.language(), config, quoted, ignoring);
    if args.explain_layout {
        let index = checked.document.index();
        eprintln!(
            "copydesk: {}: {} paragraphs; {}",
            source.display(),
            index.paragraphs().len(),
            index.paragraphing().explain(&index.line_stats())
        );
    }
    let rope = checked.document.rope();
    let diagnostics = checked
        .findings
        .iter()
        .map(|f| report::place(rope, f))
        .collect();
    let uri = match source.path() {
        None => "stdin".to_string(),
        Some(p) => sarif::uri_for(p),
    };
    let report = FileReport {
        path: source.display(),
        uri,
        diagnostics,
    };
    let roster = Roster::new(source, &checked, &report);
    Ok((report, roster))
}

/// Names what a folder walk passed over (with `verbose`, also what it
/// passed over by design, and why).
fn report_skipped(sources: &input::Sources, verbose: bool) {
    for s in &sources.skipped {
        report_error(s);
    }
    if verbose {
        for (path, why) in &sources.passed_over {
            report_error(format_args!("skipped {path}: {why}"));
        }
    }
}

const NOTHING_READ: &str = "copydesk reads plain-text articles (.txt, .md, .markdown)";

/// A file's findings in a format printed as each file is checked; `None`
/// for the formats printed whole at the end.
fn streamed(format: CheckFormat, report: &FileReport, style: text::Style) -> Option<String> {
    match format {
        CheckFormat::Text => Some(text::render_file(report, style)),
        CheckFormat::Github => Some(github::render_file(report)),
        CheckFormat::Json | CheckFormat::Sarif => None,
    }
}

/// `copydesk check`.
pub fn check(args: CheckArgs) -> ExitCode {
    let Ok(config) = load_config(args.config.as_deref(), "was checked") else {
        return ExitCode::from(USAGE_OR_IO);
    };
    let style = text::Style::for_stdout();
    let mut out = Stdout::default();
    let mut failed = false;
    let mut tally = Tally::default();
    let mut reports = Vec::new();
    let mut rosters = Vec::new();
    let sources = input::sources(&args.paths, &input::FileFilter::new(&config, args.verbose));
    report_skipped(&sources, args.verbose);
    for source in sources.found {
        let report = match source.and_then(|s| check_source(&s, &config, &args)) {
            Ok((report, roster)) => {
                rosters.push(roster);
                report
            }
            Err(e) => {
                report_error(e);
                failed = true;
                continue;
            }
        };
        tally.add(&report);
        if let Some(streamed) = streamed(args.format, &report, style) {
            // Stream: a long run shows findings as it goes.
            if !out.closed() {
                if let Err(e) = out.print(&streamed) {
                    report_error(format_args!("cannot write to stdout: {e}"));
                    return ExitCode::from(USAGE_OR_IO);
                }
            }
        } else {
            reports.push(report);
        }
    }
    // Across the files: printed after them (text), or added to their reports.
    for extra in across::findings(&rosters, &config) {
        tally.add_findings(&extra);
        if let Some(streamed) = streamed(args.format, &extra, style) {
            if !out.closed() {
                if let Err(e) = out.print(&streamed) {
                    report_error(format_args!("cannot write to stdout: {e}"));
                    return ExitCode::from(USAGE_OR_IO);
                }
            }
        } else if let Some(r) = reports
            .iter_mut()
            .find(|r: &&mut FileReport| r.path == extra.path)
        {
            r.diagnostics.extend(extra.diagnostics);
        }
    }
    if tally.files == 0 && !failed {
        report_error(format_args!(
            "no articles checked: {NOTHING_READ}; save other documents as plain text first"
        ));
        failed = true;
    }
    if !out.closed() {
        let tail = match args.format {
            CheckFormat::Text => format!("{}\n", tally.summary()),
            CheckFormat::Json => json::render(&reports),
            CheckFormat::Sarif => sarif::render(&reports),
            // The summary as a notice: stdout holds workflow commands only.
            CheckFormat::Github => github::summary(&tally),
        };
        if let Err(e) = out.print(&tail) {
            report_error(format_args!("cannot write to stdout: {e}"));
            failed = true;
        }
    }
    if failed || sources::failed() {
        ExitCode::from(USAGE_OR_IO)
    } else if tally.fails() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `copydesk fix`.
pub fn fix(args: FixArgs) -> ExitCode {
    let Ok(config) = load_config(args.config.as_deref(), "was fixed") else {
        return ExitCode::from(USAGE_OR_IO);
    };
    let mut out = Stdout::default();
    let mut failed = false;
    let mut done = 0;
    let sources = input::sources(&args.paths, &input::FileFilter::new(&config, args.verbose));
    report_skipped(&sources, args.verbose);
    for source in sources.found {
        let outcome = source.and_then(|s| fix::fix_source(&s, &config, args.dry_run, &mut out));
        match outcome {
            Ok(message) => {
                done += 1;
                eprintln!("{message}");
            }
            Err(e) => {
                report_error(e);
                failed = true;
            }
        }
    }
    if done == 0 && !failed {
        report_error(format_args!(
            "no articles fixed: {NOTHING_READ}; save other documents as plain text first"
        ));
        failed = true;
    }
    if failed {
        ExitCode::from(USAGE_OR_IO)
    } else {
        ExitCode::SUCCESS
    }
}
