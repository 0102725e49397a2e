//! Quotes checked against their sources, through the real binary: the
//! council fixture (`tests/sources/`: a transcript written for these tests
//! and a story quoting it faithfully and unfaithfully in every way the
//! rules know), the three ways of naming sources, and bad sources.
//!
//! What the story must produce, line by line (the other quotes are
//! faithful edits and must pass silently: curly and straight marks, case at
//! the start, an ellipsis, a bracketed insertion, American spelling of a
//! British transcript, a quote from an `A:` turn):
//! - 18: quote-altered (“single” added)
//! - 20: quote-altered (“club” for “centre”)
//! - 22: quote-omission (“the maximum we are allowed” cut unmarked)
//! - 24: quote-speaker-mismatch (the mayor's words given to Ms Nair)
//! - 26: quote-not-in-source

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const SOURCE_CODES: &[&str] = &[
    "quote-not-in-source",
    "quote-altered",
    "quote-omission",
    "quote-speaker-mismatch",
];

fn copydesk(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("copydesk runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sources")
}

/// (1-based line, code, message) of every source finding of a JSON report.
fn source_findings(json: &str) -> Vec<(u64, String, String)> {
    let v: Value = serde_json::from_str(json).expect("json");
    let mut out = Vec::new();
    for file in v["files"].as_array().into_iter().flatten() {
        for d in file["diagnostics"].as_array().into_iter().flatten() {
            let code = d["code"].as_str().unwrap_or("").to_string();
            if SOURCE_CODES.contains(&code.as_str()) {
                out.push((
                    d["range"]["start"]["line"].as_u64().unwrap_or(0) + 1,
                    code,
                    d["message"].as_str().unwrap_or("").to_string(),
                ));
            }
        }
    }
    out
}

#[test]
fn every_unfaithful_quote_is_reported_and_every_faithful_edit_passes() {
    let (code, out, err) = copydesk(
        &["check", "--format", "json", "council-story.md"],
        &fixtures(),
    );
    assert_eq!(code, 1, "{err}");
    let found = source_findings(&out);
    let lines: Vec<(u64, &str)> = found.iter().map(|(l, c, _)| (*l, c.as_str())).collect();
    assert_eq!(
        lines,
        [
            (18, "quote-altered"),
            (20, "quote-altered"),
            (22, "quote-omission"),
            (24, "quote-speaker-mismatch"),
            (26, "quote-not-in-source"),
        ],
        "{found:#?}"
    );
    assert!(
        found[0].2.contains("“single” is not in the source"),
        "{}",
        found[0].2
    );
    assert!(
        found[1].2.contains("“club” where the source has “centre”")
            && found[1].2.contains("council-transcript.txt:8, 00:05:02"),
        "{}",
        found[1].2
    );
    assert!(
        found[2].2.contains("“the maximum we are allowed”"),
        "{}",
        found[2].2
    );
    assert!(
        found[3].2.contains("MAYOR DEREK OYELARAN") && found[3].2.contains("not Priya Nair"),
        "{}",
        found[3].2
    );
}

#[test]
fn the_altered_quote_fix_puts_the_source_words_back() {
    let (_, out, _) = copydesk(
        &["check", "--format", "json", "council-story.md"],
        &fixtures(),
    );
    let v: Value = serde_json::from_str(&out).expect("json");
    let club = v["files"][0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["code"] == "quote-altered" && d["range"]["start"]["line"] == 19)
        .expect("the altered quote on line 20");
    let text = serde_json::to_string(club).expect("json");
    assert!(text.contains("\"newText\":\"centre\""), "{text}");
}

#[test]
fn the_quote_sheet_has_a_source_column() {
    let (code, out, err) = copydesk(&["quotes", "council-story.md"], &fixtures());
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().next().unwrap_or("").contains("SOURCE"), "{out}");
    assert!(
        out.contains("council-transcript.txt:4 faithful"),
        "the mayor's quote, found on line 4: {out}"
    );
    assert!(out.contains("not-found"), "{out}");
    let (code, out, err) = copydesk(
        &["quotes", "--format", "json", "council-story.md"],
        &fixtures(),
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    let first = &v["quotes"][0]["source"];
    assert_eq!(first["file"], "council-transcript.txt");
    assert_eq!(first["line"], 4);
    assert_eq!(first["timestamp"], "00:02:10");
    assert_eq!(first["speaker"], "MAYOR DEREK OYELARAN");
    assert_eq!(first["state"], "faithful");
    // Without sources, the sheet is as it was: no source key, no column.
    let (_, out, _) = copydesk(
        &["quotes", "--format", "json", "council-transcript.txt"],
        &fixtures(),
    );
    assert!(!out.contains("\"source\""), "{out}");
}

const ARTICLE: &str = "The hearing went on into the evening.\n\nMayor Derek Oyelaran said: \"We will find the money for the Eastgate library.\"\n\n\"We will build four hundred homes on the riverside,\" he said.\n";

#[test]
fn sources_by_folder_and_by_configuration() {
    let dir = tempfile::tempdir().expect("tempdir");
    let transcript = std::fs::read_to_string(fixtures().join("council-transcript.txt")).unwrap();
    // The folder beside the article.
    std::fs::write(dir.path().join("story.txt"), ARTICLE).unwrap();
    std::fs::create_dir(dir.path().join("story.sources")).unwrap();
    std::fs::write(dir.path().join("story.sources/cabinet.txt"), &transcript).unwrap();
    let (code, out, err) = copydesk(&["check", "--format", "json", "story.txt"], dir.path());
    assert_eq!(code, 1, "{err}");
    let found = source_findings(&out);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].1.as_str()),
        (5, "quote-not-in-source")
    );
    assert!(
        found[0].2.contains("story.sources/cabinet.txt"),
        "{}",
        found[0].2
    );
    // copydesk.toml with a path for each article's own transcript.
    std::fs::create_dir(dir.path().join("transcripts")).unwrap();
    std::fs::write(dir.path().join("transcripts/other.txt"), &transcript).unwrap();
    std::fs::write(dir.path().join("other.txt"), ARTICLE).unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[sources]\npaths = [\"transcripts/{stem}.txt\"]\n",
    )
    .unwrap();
    let (_, out, err) = copydesk(&["check", "--format", "json", "other.txt"], dir.path());
    let found = source_findings(&out);
    assert_eq!(found.len(), 1, "{found:?} {err}");
    assert!(
        found[0].2.contains("transcripts/other.txt"),
        "{}",
        found[0].2
    );
    // An article with no sources gets no source findings at all.
    std::fs::write(dir.path().join("alone.txt"), ARTICLE).unwrap();
    let (_, out, _) = copydesk(&["check", "--format", "json", "alone.txt"], dir.path());
    assert!(source_findings(&out).is_empty());
    // A bad setting names its key and line.
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[sources]\npaths = [\"\"]\n",
    )
    .unwrap();
    let (code, _, err) = copydesk(&["check", "alone.txt"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("copydesk.toml:2: `sources.paths[0]`"), "{err}");
}

#[test]
fn missing_binary_and_huge_sources_are_errors_not_panics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with = |sources: &str| format!("---\nsources: [{sources}]\n---\n\n{ARTICLE}");
    std::fs::write(dir.path().join("a.md"), with("gone.txt")).unwrap();
    let (code, out, err) = copydesk(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("a.md: cannot read source gone.txt")
            && err.contains("its quotes are not checked against its sources"),
        "{err}"
    );
    assert!(source_findings(&out).is_empty(), "no half-checked quotes");
    std::fs::write(
        dir.path().join("scan.txt"),
        b"%PDF-1.7\x00\x01\x02\x03binary",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.md"), with("scan.txt")).unwrap();
    let (code, _, err) = copydesk(&["check", "b.md"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("source scan.txt is not text"), "{err}");
    // Over the limit: a sparse file, so the test writes nothing big.
    let big = std::fs::File::create(dir.path().join("big.txt")).unwrap();
    big.set_len(65 * 1024 * 1024).unwrap();
    std::fs::write(dir.path().join("c.md"), with("big.txt")).unwrap();
    let (code, _, err) = copydesk(&["check", "c.md"], dir.path());
    assert_eq!(code, 2);
    assert!(
        err.contains("source big.txt is larger than 64 MiB"),
        "{err}"
    );
}
