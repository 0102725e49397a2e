//! Paragraphs as the copy makes them: an article gives the same quotes,
//! speakers and findings whether it is laid out with blank lines between
//! paragraphs, a line a paragraph (as Word, Google Docs and CMS exports
//! save it), hard-wrapped at 72 columns, or a line a paragraph with CRLF
//! line ends. Positions aside: what is compared is the text each quote and
//! finding covers, with its whitespace collapsed.
//!
//! The articles are the layout fixtures in `tests/layouts/`, written for
//! this test (multi-paragraph quotes, cues closing the paragraph before,
//! furniture blocks, CRLF, NBSP and emoji), the quote corpus and the examples.

use std::path::{Path, PathBuf};

use copydesk::analysis::{Article, Language, Scanner};
use copydesk::checks::check_text;
use copydesk::config::Config;
use copydesk::text::{split_paragraphs, Document, Layout};

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The paragraphs of an article written with blank lines between them.
fn paragraphs(text: &str) -> Vec<String> {
    split_paragraphs(text)
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
}

/// Each paragraph on one line, one line break between (`\n` or `\r\n`).
fn line_per_paragraph(text: &str, eol: &str) -> String {
    let lines: Vec<String> = paragraphs(text)
        .iter()
        .map(|p| p.lines().map(str::trim_end).collect::<Vec<_>>().join(eol))
        .collect();
    let mut out = lines.join(eol);
    out.push_str(eol);
    out
}

/// Every line wrapped at 72 columns (words never broken), blank lines
/// between paragraphs, as `fmt -w 72` leaves copy.
fn hard_wrapped(text: &str) -> String {
    let mut out = Vec::new();
    for p in paragraphs(text) {
        let mut lines = Vec::new();
        for line in p.lines() {
            let mut current = String::new();
            for word in line.split(' ').filter(|w| !w.is_empty()) {
                let width = current.chars().count() + 1 + word.chars().count();
                if !current.is_empty() && width > 72 {
                    lines.push(std::mem::take(&mut current));
                }
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(word.trim_end_matches('\r'));
            }
            lines.push(current);
        }
        out.push(lines.join("\n"));
    }
    out.join("\n\n") + "\n"
}

/// The four layouts of one article, by name.
fn layouts(text: &str) -> Vec<(&'static str, String)> {
    let blank = paragraphs(text).join("\n\n") + "\n";
    vec![
        ("line", line_per_paragraph(text, "\n")),
        ("wrapped", hard_wrapped(text)),
        ("crlf-line", line_per_paragraph(text, "\r\n")),
        ("blank-line", blank),
    ]
}

/// What a user reads off an article: its findings (code and the text they
/// cover) and its quote sheet (each quote's words and speaker).
fn reading(text: &str) -> (Vec<String>, Vec<String>, Layout) {
    let config = Config::default();
    let checked = check_text(text, Language::PlainText, &config);
    let findings = checked
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, norm(&text[f.range.clone()])))
        .collect();
    let scanner = Scanner::new(&config);
    let paragraphing = config.paragraphing(Language::PlainText);
    let doc = Document::with_paragraphing(text, 0, paragraphing, &scanner);
    let article = Article::new(doc.index().paragraphs(), Language::PlainText);
    let quotes = article
        .quotes()
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map_or("-".to_string(), |s| {
                format!("{:?} {}", s.kind, norm(&s.name))
            });
            format!("{} ← {speaker}", norm(&text[q.range.clone()]))
        })
        .collect();
    (findings, quotes, doc.index().layout())
}

fn articles() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["tests/layouts", "tests/corpus", "examples"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        out.extend(paths);
    }
    out
}

fn name(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn every_layout_reads_the_same() {
    let files = articles();
    assert!(files.len() >= 90, "{} articles", files.len());
    let mut failures = Vec::new();
    let mut quotes = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("article");
        let all = layouts(&text);
        let (want_findings, want_quotes, _) = reading(&all[3].1);
        quotes += want_quotes.len();
        for (layout, version) in &all[..3] {
            let (findings, sheet, detected) = reading(version);
            let expected = if layout.ends_with("line") {
                Layout::Line
            } else {
                Layout::BlankLine
            };
            if detected != expected {
                failures.push(format!("{}: {layout} read as {detected:?}", name(file)));
            }
            if findings != want_findings {
                failures.push(format!(
                    "{}: {layout} findings differ:\n  want {want_findings:#?}\n  got  {findings:#?}",
                    name(file)
                ));
            }
            if sheet != want_quotes {
                failures.push(format!(
                    "{}: {layout} quotes differ:\n  want {want_quotes:#?}\n  got  {sheet:#?}",
                    name(file)
                ));
            }
        }
    }
    assert!(quotes > 800, "{quotes} quotes");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The layout fixtures themselves hold what the test is about: quotes over
/// several paragraphs, a cue closing the paragraph before its quote, and
/// furniture blocks, each found in every layout.
#[test]
fn the_fixtures_hold_run_on_quotes_cues_before_and_furniture() {
    let text = std::fs::read_to_string("tests/layouts/uk-court-sentencing.txt").expect("fixture");
    for (layout, version) in layouts(&text) {
        let (findings, quotes, _) = reading(&version);
        let judge = quotes
            .iter()
            .find(|q| q.starts_with("“Mr Zieliński had every right"))
            .unwrap_or_else(|| panic!("{layout}: {quotes:#?}"));
        assert!(
            judge.contains("That choice cost a young man his life.")
                && judge.ends_with("Person Eleri Vaughan"),
            "{layout}: {judge}"
        );
        let sister = quotes
            .iter()
            .find(|q| q.starts_with("“Tomasz came to Wales"))
            .unwrap_or_else(|| panic!("{layout}: {quotes:#?}"));
        assert!(sister.ends_with("Agnieszka"), "{layout}: {sister}");
        assert!(
            findings
                .iter()
                .any(|f| f.starts_with("boilerplate READ MORE:") && f.ends_with("[REPORT]")),
            "{layout}: {findings:#?}"
        );
        assert!(
            findings.contains(&"boilerplate Advertisement".to_string()),
            "{layout}: {findings:#?}"
        );
    }
}
