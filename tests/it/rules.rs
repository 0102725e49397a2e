//! Per-rule fixtures: `tests/rules/<code>/*.txt` (or `.md`), articles
//! written for the rule, each with its expected reading kept beside it as a
//! snapshot (`tests/rules/<code>/snapshots/`). A snapshot lists every finding
//! of the rule (line, column, the text it covers, the message and the fixes)
//! and, for the quote and name rules, the quote sheet (every quote and its
//! speaker, and how the speaker was found) or the people (who, their
//! mentions, the canonical spelling). A change that moves one finding or one
//! speaker shows up in review (`cargo insta review`).
//!
//! A fixture may start with a comment line saying what it is about; in
//! Markdown fixtures the comment is an HTML comment, which is not copy.
//! The source rules' fixtures name their source in their front matter
//! (`tests/sources/council-transcript.txt`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use copydesk::analysis::{Article, Language, Resolution, Scanner};
use copydesk::checks::check_text_with;
use copydesk::rules::{Scope, REGISTRY};
use copydesk::text::{offset_to_position, Document, PositionEncoding};

fn fixtures(code: &str) -> Vec<PathBuf> {
    let dir = Path::new("tests/rules").join(code);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a reader of the fixture sees of the rule `code`.
fn reading(path: &Path, code: &str, scope: Scope) -> String {
    let text = std::fs::read_to_string(path).expect("fixture");
    let language = Language::from_path(path);
    // The rule under test runs even where it is off by default.
    let config = copydesk::checks::config_from_json(
        serde_json::json!({ "rules": { code: { "enabled": true } } }),
    )
    .expect("config");
    // Quotes are checked against the sources the fixture names.
    let named = copydesk::sources::named_for(Some(path), &text, &config, None);
    let sources = copydesk::sources::SourceCache::default()
        .resolve(&named)
        .expect("the fixture's sources");
    let checked = check_text_with(
        &text,
        language,
        &config,
        std::sync::Arc::new(sources),
        copydesk::checks::ignores::Ignoring::Obey,
    );
    let rope = checked.document.rope();
    let at = |offset: usize| {
        let p = offset_to_position(rope, offset, PositionEncoding::Utf16);
        format!("{}:{}", p.line + 1, p.character + 1)
    };
    let mut out = String::new();
    let findings: Vec<_> = checked.findings.iter().filter(|f| f.code == code).collect();
    let _ = writeln!(out, "{} finding(s)", findings.len());
    for f in findings {
        let _ = writeln!(
            out,
            "{} {:?}: {}",
            at(f.range.start),
            one_line(&text[f.range.clone()]),
            f.message
        );
        for fix in &f.fixes {
            let safe = if fix.safe { " (safe)" } else { "" };
            let _ = writeln!(out, "  fix{safe}: {}", fix.title);
        }
    }
    let scanner = Scanner::new(&config);
    let doc = Document::with_paragraphing(&text, 0, config.paragraphing(language), &scanner);
    let article = Article::new(doc.index().paragraphs(), language);
    match scope {
        Scope::Paragraph if code.contains("quote") => {
            let _ = writeln!(out, "\nquotes:");
            for q in article.quotes() {
                let who = q.speaker.as_ref().map_or("-".to_string(), |s| {
                    let how = match s.resolution {
                        Resolution::Direct => "named",
                        Resolution::Pronoun { .. } => "pronoun",
                        Resolution::RoleNoun { .. } => "role",
                        Resolution::Continuation => "continuation",
                        Resolution::PreviousParagraphCue => "cue before",
                        Resolution::Topic => "presumed",
                    };
                    format!("{} ({}, {how})", one_line(&s.name), s.kind.as_str())
                });
                let _ = writeln!(
                    out,
                    "{} {:?} {:?} ← {who}",
                    at(q.range.start),
                    q.kind,
                    one_line(&text[q.range.clone()])
                );
            }
        }
        Scope::Person => {
            let _ = writeln!(out, "\npeople:");
            for person in article.people.iter() {
                let mentions: Vec<String> = person
                    .mentions
                    .iter()
                    .filter_map(|r| {
                        let p = article.paragraphs.get(r.para)?;
                        let m = p.facts.mentions.get(r.index)?;
                        Some(one_line(
                            &text[p.start + m.range.start..p.start + m.range.end],
                        ))
                    })
                    .collect();
                let _ = writeln!(out, "{} ← {}", person.canonical, mentions.join(" · "));
            }
        }
        _ => {}
    }
    out
}

#[test]
fn every_rule_has_fixtures_and_they_read_as_snapshotted() {
    let mut missing = Vec::new();
    for rule in REGISTRY {
        let info = rule.info();
        let files = fixtures(info.code);
        if files.len() < 2 {
            missing.push(info.code);
            continue;
        }
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(
            std::env::current_dir()
                .expect("cwd")
                .join("tests/rules")
                .join(info.code)
                .join("snapshots"),
        );
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| {
            for file in &files {
                let name = file.file_name().and_then(|n| n.to_str()).expect("name");
                insta::assert_snapshot!(name.to_string(), reading(file, info.code, info.scope));
            }
        });
    }
    assert!(
        missing.is_empty(),
        "rules without fixtures (at least a flagged and a clean one): {missing:?}"
    );
}
