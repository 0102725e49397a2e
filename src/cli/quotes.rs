//! `copydesk quotes`: the quote sheet — who said what — as a table or JSON.
//!
//! The JSON shape is stable (tests outside this repository read it):
//! `{"quotes":[{"range":…,"text":…,"speaker":null|{"name","kind","role","mention":{"range","text"},"cue","how"}}],
//!   "people":[{"name","role","mentions","quotes","variants"}]}`
//! with 0-based lines and UTF-16 characters. `kind` is person, anonymous or
//! organisation; `how` says how the speaker was found: named, pronoun, role,
//! continuation, previous-cue, or presumed (a lone quote paragraph after a
//! paragraph reporting one person's words; `cue` is empty). An article with sources (see
//! [`crate::sources`]) has a `"source"` on each quote looked for:
//! `{"file","line","timestamp","speaker","state","score"}` (1-based line;
//! `state` is faithful, omission, altered or not-found), and the table a
//! SOURCE column. The table's HOW column is `how`, except that a speaker the
//! cue names who is no person reads `anonymous` or `organisation` there.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use ropey::Rope;
use serde::Serialize;

use super::input::{self, Source};
use crate::analysis::attribution::display_name;
use crate::analysis::{Article, Language, Scanner};
use crate::config::Config;
use crate::sources::SourceSet;
use crate::text::{offset_to_position, Document, LineCol, PositionEncoding};

/// Output format of `copydesk quotes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = QuotesFormat::Table)]
    pub format: QuotesFormat,
    /// Configuration file (default: copydesk.toml in the current folder or above).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The article; `-` reads stdin.
    pub path: PathBuf,
}

#[derive(Serialize)]
struct Range {
    start: LineCol,
    end: LineCol,
}

#[derive(Serialize)]
struct MentionOut {
    range: Range,
    text: String,
}

#[derive(Serialize)]
struct SpeakerOut {
    name: String,
    kind: &'static str,
    role: Option<String>,
    mention: MentionOut,
    cue: String,
    how: &'static str,
}

#[derive(Serialize)]
struct QuoteOut {
    range: Range,
    text: String,
    speaker: Option<SpeakerOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut>,
}

/// Where a quote is in the article's sources.
#[derive(Serialize)]
struct SourceOut {
    /// The file, as named; `None` when no passage came close.
    file: Option<String>,
    /// 1-based line of the passage.
    line: Option<usize>,
    timestamp: Option<String>,
    /// The transcript's speaker label for the passage.
    speaker: Option<String>,
    state: &'static str,
    score: f32,
}

/// The worst standing of a quote's pieces, with the first piece's place.
fn source_of(text: &str, q: &crate::analysis::Quote, sources: &SourceSet) -> Option<SourceOut> {
    let found: Vec<_> = q
        .content
        .iter()
        .filter_map(|c| sources.locate(text.get(c.clone())?))
        .collect();
    let first = found.first()?;
    let worst = found
        .iter()
        .map(|l| l.state)
        .max_by_key(|s| *s as u8)
        .unwrap_or(first.state);
    let file = first.file.and_then(|f| sources.files.get(f));
    Some(SourceOut {
        file: file.map(|f| f.name.clone()),
        line: file.map(|f| f.line_col(first.passage.start).0 + 1),
        timestamp: first.turn.as_ref().and_then(|t| t.timestamp.clone()),
        speaker: first.turn.as_ref().and_then(|t| t.speaker.clone()),
        state: worst.as_str(),
        score: (first.score * 100.0).round() / 100.0,
    })
}

#[derive(Serialize)]
struct PersonOut {
    name: String,
    role: Option<String>,
    mentions: usize,
    quotes: usize,
    variants: Vec<String>,
}

/// The quote sheet of an article.
#[derive(Serialize)]
pub struct Sheet {
    quotes: Vec<QuoteOut>,
    people: Vec<PersonOut>,
}

fn range(rope: &Rope, r: &std::ops::Range<usize>) -> Range {
    Range {
        start: offset_to_position(rope, r.start, PositionEncoding::Utf16),
        end: offset_to_position(rope, r.end, PositionEncoding::Utf16),
    }
}

/// Builds the quote sheet of a text.
pub fn sheet(text: &str, language: Language, config: &Config) -> Sheet {
    sheet_with(text, language, config, &SourceSet::default())
}

/// Builds the quote sheet of a text, each quote looked for in `sources`.
pub fn sheet_with(text: &str, language: Language, config: &Config, sources: &SourceSet) -> Sheet {
    let scanner = Scanner::new(config);
    let doc = Document::with_paragraphing(text, 0, config.paragraphing(language), &scanner);
    let rope = doc.rope();
    let article =
        Article::with_style_book(doc.index().paragraphs(), language, &config.names.canonical);
    let quotes = article
        .quotes()
        .iter()
        .map(|q| QuoteOut {
            range: range(rope, &q.range),
            text: q
                .content
                .iter()
                .filter_map(|c| text.get(c.clone()))
                .collect::<Vec<_>>()
                .join("\n\n"),
            speaker: q.speaker.as_ref().map(|s| SpeakerOut {
                name: s.name.clone(),
                kind: s.kind.as_str(),
                role: s.role.clone(),
                mention: MentionOut {
                    range: range(rope, &s.mention.range),
                    text: s.mention.text.clone(),
                },
                cue: s.cue.clone(),
                how: s.resolution.as_str(),
            }),
            source: source_of(text, q, sources),
        })
        .collect();
    let people = article
        .people
        .iter()
        .map(|p| PersonOut {
            name: display_name(&p.canonical),
            role: article.attribution.roles.get(p.id).cloned().flatten(),
            mentions: p.mentions.len(),
            quotes: article
                .attribution
                .quotes_by_person
                .get(p.id)
                .copied()
                .unwrap_or(0),
            variants: p
                .spellings
                .iter()
                .filter(|s| s.text != p.surname)
                .map(|s| s.text.clone())
                .collect(),
        })
        .collect();
    Sheet { quotes, people }
}

/// The quote sheet as a table: line, speaker and opening words of each quote.
pub fn table(text: &str, sheet: &Sheet, language: Language, config: &Config) -> String {
    let scanner = Scanner::new(config);
    let doc = Document::with_paragraphing(text, 0, config.paragraphing(language), &scanner);
    let article =
        Article::with_style_book(doc.index().paragraphs(), language, &config.names.canonical);
    let mut out = String::new();
    let width = sheet
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().map_or(12, |s| s.name.chars().count()))
        .max()
        .unwrap_or(12)
        .max(12);
    let sourced = sheet.quotes.iter().any(|q| q.source.is_some());
    let place = |q: &QuoteOut| match &q.source {
        None => "—".to_string(),
        Some(s) => match (&s.file, s.line) {
            (Some(f), Some(l)) => format!("{f}:{l} {}", s.state),
            _ => s.state.to_string(),
        },
    };
    let source_width = sheet
        .quotes
        .iter()
        .map(|q| place(q).chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let source_column = |text: &str| {
        if sourced {
            format!("{text:<source_width$}  ")
        } else {
            String::new()
        }
    };
    out.push_str(&format!(
        "{:>5}  {:<width$}  {:<12}  {}QUOTE\n",
        "LINE",
        "SPEAKER",
        "HOW",
        source_column("SOURCE")
    ));
    let (single, double) = crate::rules::families(article.paragraphs);
    for (q, quote) in sheet.quotes.iter().zip(article.quotes()) {
        let who = match &q.speaker {
            Some(s) => s.name.clone(),
            None => crate::rules::no_speaker_label(&article, quote, single > double).to_string(),
        };
        // (An unnamed source or an organisation the cue names says so:
        // `one reporter` is no name.)
        let how = q.speaker.as_ref().map_or("", |s| match (s.kind, s.how) {
            ("anonymous" | "organisation", "named") => s.kind,
            _ => s.how,
        });
        let words: Vec<&str> = q.text.split_whitespace().take(8).collect();
        let more = if q.text.split_whitespace().count() > 8 {
            " …"
        } else {
            ""
        };
        out.push_str(&format!(
            "{:>5}  {:<width$}  {:<12}  {}{}{}\n",
            q.range.start.line + 1,
            who,
            how,
            source_column(&place(q)),
            words.join(" "),
            more
        ));
    }
    out
}

/// Runs `copydesk quotes`.
pub fn quotes(args: QuotesArgs) -> ExitCode {
    let Ok(config) = super::load::load_config(args.config.as_deref(), "was read") else {
        return ExitCode::from(2);
    };
    let source = if args.path.as_os_str() == "-" {
        Source::Stdin
    } else {
        Source::File(args.path.clone())
    };
    let article = match input::read(&source, config.max_file_bytes()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("copydesk: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(note) = article.note() {
        eprintln!("copydesk: note: {note}");
    }
    let (text, language) = (article.text, source.language());
    let quoted = super::sources::for_article(&source, &text, &config);
    let sheet = sheet_with(&text, language, &config, &quoted);
    let output = match args.format {
        QuotesFormat::Json => match serde_json::to_string(&sheet) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("copydesk quotes: {e}");
                return ExitCode::from(2);
            }
        },
        QuotesFormat::Table => table(&text, &sheet, language, &config),
    };
    if let Err(e) = super::output::Stdout::default().print(&output) {
        eprintln!("copydesk quotes: cannot write to stdout: {e}");
        return ExitCode::from(2);
    }
    if super::sources::failed() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_sheet_has_the_stable_shape() {
        let text = "Ukraine’s Foreign Minister Dmytro Kuleba spoke in Brussels.\r\n\r\nHe said: “We will not trade our land 🌻 for a pause.\r\n\r\n“Peace cannot mean surrender.”\r\n";
        let s = sheet(text, Language::PlainText, &Config::default());
        let v = serde_json::to_value(&s).unwrap();
        let q = &v["quotes"][0];
        assert_eq!(
            q["range"]["start"],
            serde_json::json!({"line": 2, "character": 9})
        );
        assert_eq!(q["range"]["end"]["line"], 4);
        assert_eq!(
            q["text"],
            "We will not trade our land 🌻 for a pause.\n\nPeace cannot mean surrender."
        );
        assert_eq!(q["speaker"]["name"], "Dmytro Kuleba");
        assert_eq!(q["speaker"]["kind"], "person");
        assert_eq!(q["speaker"]["role"], "Ukraine’s Foreign Minister");
        assert_eq!(q["speaker"]["mention"]["text"], "He");
        assert_eq!(
            q["speaker"]["mention"]["range"]["start"],
            serde_json::json!({"line": 2, "character": 0})
        );
        assert_eq!(q["speaker"]["cue"], "said");
        assert_eq!(v["quotes"].as_array().map(Vec::len), Some(1));
        let people = v["people"].as_array().unwrap();
        assert_eq!(people.len(), 1);
        assert_eq!(people[0]["name"], "Dmytro Kuleba");
        assert_eq!(people[0]["quotes"], 1);
        assert_eq!(people[0]["variants"], serde_json::json!([]));
    }

    #[test]
    fn table_marks_unattributed_quotes() {
        let text = "The shop closes on Friday.\n\n\"It is the only place some people go all week.\"\n\nThe so-called \"reform\" passed.\n";
        let config = Config::default();
        let s = sheet(text, Language::PlainText, &config);
        let t = table(text, &s, Language::PlainText, &config);
        assert!(
            t.contains("    3  UNATTRIBUTED                It is the only place some people go …"),
            "{t}"
        );
        assert!(
            t.contains("    5  (partial)                   reform"),
            "{t}"
        );
    }
}
