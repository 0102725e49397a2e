//! `copydesk quotes`: the quote sheet — who said what — as a table or JSON.
//!
//! The JSON shape is stable (tests outside this repository read it):
//! `{"quotes":[{"range":…,"text":…,"speaker":null|{"name","kind","role","mention":{"range","text"},"cue","how"}}],
//!   "people":[{"name","role","mentions","quotes","variants"}]}`
//! with 0-based lines and UTF-16 characters. `kind` is person, anonymous or
//! organisation; `how` says how the speaker was found: named, pronoun, role,
//! continuation or previous-cue.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use ropey::Rope;
use serde::Serialize;

use super::input::{self, Source};
use crate::analysis::attribution::display_name;
use crate::analysis::{Article, Language, QuoteKind, Scanner};
use crate::config::Config;
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
    out.push_str(&format!(
        "{:>5}  {:<width$}  {:<12}  QUOTE\n",
        "LINE", "SPEAKER", "HOW"
    ));
    for (q, quote) in sheet.quotes.iter().zip(article.quotes()) {
        let who = match (&q.speaker, quote.kind) {
            (Some(s), _) => s.name.clone(),
            (None, _) if crate::rules::needs_speaker(quote) => "UNATTRIBUTED".to_string(),
            (None, QuoteKind::Full) if !quote.headline => "(unresolved)".to_string(),
            (None, QuoteKind::Title) => "(title)".to_string(),
            (None, _) => "(partial)".to_string(),
        };
        let how = q.speaker.as_ref().map_or("", |s| s.how);
        let words: Vec<&str> = q.text.split_whitespace().take(8).collect();
        let more = if q.text.split_whitespace().count() > 8 {
            " …"
        } else {
            ""
        };
        out.push_str(&format!(
            "{:>5}  {:<width$}  {:<12}  {}{}\n",
            q.range.start.line + 1,
            who,
            how,
            words.join(" "),
            more
        ));
    }
    out
}

/// Runs `copydesk quotes`.
pub fn quotes(args: QuotesArgs) -> ExitCode {
    let Ok(config) = super::load_config(args.config.as_deref(), "was read") else {
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
    let sheet = sheet(&text, language, &config);
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
    if let Err(e) = super::Stdout::default().print(&output) {
        eprintln!("copydesk quotes: cannot write to stdout: {e}");
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
