//! The `copydesk` binary: the language server and the command line.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use copydesk::cli;

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A copy desk in your editor: unattributed quotes, name variants and web furniture in news copy."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server on stdin/stdout.
    Lsp {
        /// Accepted and ignored: many clients pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Check articles and report findings (exit 1 when any warning or error).
    Check(cli::CheckArgs),
    /// Apply every safe fix (boilerplate removal) to articles.
    Fix(cli::FixArgs),
    /// Print the quote sheet: every quote and who said it.
    Quotes(cli::quotes::QuotesArgs),
    /// List every rule: code, severity, whether it is on by default, what it finds.
    Rules(cli::rules::RulesArgs),
    /// Explain one rule: what it finds and why, a bad and a good example, its settings.
    Explain(cli::rules::ExplainArgs),
}

fn main() -> ExitCode {
    // Logs go to stderr: stdout is the LSP channel.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("COPYDESK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    match cli.command {
        Command::Lsp { .. } => match copydesk::lsp::run_stdio() {
            Ok(code) => code,
            Err(e) => {
                eprintln!("copydesk lsp: {e:#}");
                ExitCode::from(2)
            }
        },
        Command::Check(args) => cli::check(args),
        Command::Fix(args) => cli::fix(args),
        Command::Quotes(args) => cli::quotes::quotes(args),
        Command::Rules(args) => cli::rules::rules(args),
        Command::Explain(args) => cli::rules::explain(args),
    }
}
