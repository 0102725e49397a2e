//! Quotes checked against their sources in the editor, through the real
//! server: the council story (`tests/sources/`) opened from disk gets the
//! source findings, hover on a quote shows its passage (file, line, time
//! stamp, speaker, match), go to definition opens the transcript there, a
//! keystroke keeps the findings, and a transcript changed on disk is read
//! again when the client says so.

use crate::common::*;
use serde_json::{json, Value};

const SOURCE_CODES: &[&str] = &[
    "quote-not-in-source",
    "quote-altered",
    "quote-omission",
    "quote-speaker-mismatch",
];

fn source_lines(diags: &[Value]) -> Vec<(u64, String)> {
    diags
        .iter()
        .filter(|d| SOURCE_CODES.iter().any(|c| d["code"] == *c))
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap_or(0) + 1,
                d["code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn line_of(text: &str, has: &str) -> u64 {
    text.lines().position(|l| l.contains(has)).expect("line") as u64
}

#[test]
fn hover_definition_and_findings_follow_the_transcript() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sources");
    for f in ["council-story.md", "council-transcript.txt"] {
        std::fs::copy(fixtures.join(f), dir.path().join(f)).expect("copy");
    }
    let story = std::fs::read_to_string(dir.path().join("council-story.md")).unwrap();
    let uri = format!("file://{}/council-story.md", dir.path().display());
    let transcript_uri = format!("file://{}/council-transcript.txt", dir.path().display());

    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    open(&mut lsp, &uri, "markdown", 1, &story);
    let diags = lsp.diagnostics(&uri, 1);
    let found = source_lines(&diags);
    assert_eq!(
        found
            .iter()
            .map(|(l, c)| (*l, c.as_str()))
            .collect::<Vec<_>>(),
        [
            (18, "quote-altered"),
            (20, "quote-altered"),
            (22, "quote-omission"),
            (24, "quote-speaker-mismatch"),
            (26, "quote-not-in-source"),
        ],
        "{diags:#?}"
    );

    // Hover on the mayor's quote: the passage, where it is, the match.
    let mayor = line_of(&story, "We will find the money");
    let r = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": mayor, "character": 50}}),
    );
    let card = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        card.contains("**Source:** `council-transcript.txt` line 4 · 00:02:10 · MAYOR DEREK OYELARAN · match 100% (faithful)"),
        "{card}"
    );
    assert!(
        card.contains("> We will find the money for the Eastgate library."),
        "{card}"
    );

    // Go to definition on it: the transcript, at the passage.
    let r = lsp.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri}, "position": {"line": mayor, "character": 50}}),
    );
    assert_eq!(r["result"]["uri"], transcript_uri, "{r}");
    assert_eq!(r["result"]["range"]["start"]["line"], 3, "{r}");
    // Where the quoted words start: after the time stamp, the label and
    // “Good evening, everyone. ” (UTF-16 columns).
    assert_eq!(r["result"]["range"]["start"]["character"], 57, "{r}");

    // The quote sheet has a source column.
    let r = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.quoteSheet", "arguments": [uri]}),
    );
    let sheet = r["result"].as_str().unwrap_or_default().to_string();
    assert!(
        sheet.contains("| Line | Speaker | Source | Quote |"),
        "{sheet}"
    );
    assert!(
        sheet.contains("| Derek Oyelaran | council-transcript.txt:4 faithful | We will find"),
        "{sheet}"
    );
    assert!(sheet.contains("| not-found |"), "{sheet}");

    // A keystroke in the article keeps the findings (and their source).
    let narrative = line_of(&story, "Eastgate library could close in the autumn");
    change(
        &mut lsp,
        &uri,
        2,
        json!([{"range": {"start": {"line": narrative, "character": 0}, "end": {"line": narrative, "character": 0}}, "text": "X"}]),
    );
    let diags = lsp.diagnostics(&uri, 2);
    assert_eq!(source_lines(&diags), found, "{diags:#?}");

    // The transcript is corrected on disk (“youth club”): that quote is
    // faithful once the client reports the change.
    let transcript = dir.path().join("council-transcript.txt");
    let text = std::fs::read_to_string(&transcript).unwrap();
    std::fs::write(&transcript, text.replace("youth centre", "youth club")).unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": transcript_uri, "type": 2}]}),
    );
    let update = lsp.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && source_lines(m["params"]["diagnostics"].as_array().map_or(&[][..], |v| v)).len() == 4
    });
    let lines = source_lines(
        update["params"]["diagnostics"]
            .as_array()
            .map_or(&[][..], |v| v),
    );
    assert!(
        !lines.contains(&(20, "quote-altered".to_string())),
        "{lines:?}"
    );
    lsp.shutdown();
}

#[test]
fn a_missing_source_is_logged_and_nothing_is_reported_against_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let story = "---\nsources: [gone.txt]\n---\n\nThe meeting ran late.\n\n“We will find the money for the library,” Mayor Derek Oyelaran said.\n";
    std::fs::write(dir.path().join("s.md"), story).unwrap();
    let uri = format!("file://{}/s.md", dir.path().display());
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    open(&mut lsp, &uri, "markdown", 1, story);
    let diags = lsp.diagnostics(&uri, 1);
    assert!(source_lines(&diags).is_empty(), "{diags:#?}");
    // The server is alive and answers.
    let r = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 6, "character": 5}}),
    );
    assert!(r.get("error").is_none(), "{r}");
    lsp.shutdown();
}
