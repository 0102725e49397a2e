//! End-to-end tests of `copydesk lsp` over stdio, driven as an editor drives it.

use crate::common::*;
use serde_json::{json, Value};

const URI: &str = "file:///desk/uk-council.txt";

fn article() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/uk-council.txt"
    ))
    .expect("fixture")
}

fn lines_of(diags: &[Value], code: &str) -> Vec<u64> {
    diags
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap_or(u64::MAX))
        .collect()
}

fn line_index(text: &str, needle: &str) -> u64 {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("line in fixture") as u64
}

#[test]
fn open_fix_and_edit_round_trip() {
    let mut lsp = Lsp::start();
    let caps = initialize(&mut lsp, &["utf-16"], None);
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");

    let mut text = article();
    open(&mut lsp, URI, "plaintext", 1, &text);
    let diags = lsp.diagnostics(URI, 1);
    let read_more = line_index(&text, "READ MORE");
    let follow = line_index(&text, "Follow me on Twitter");
    assert_eq!(
        lines_of(&diags, "boilerplate"),
        vec![read_more, follow],
        "{diags:#?}"
    );
    assert!(diags.iter().all(|d| d["source"] == "copydesk"));

    // The reporter deletes the Twitter line by hand (and the blank line after it).
    change(
        &mut lsp,
        URI,
        2,
        json!([{"range": {"start": {"line": follow, "character": 0}, "end": {"line": follow + 2, "character": 0}}, "text": ""}]),
    );
    text = apply_lsp_edits(
        &text,
        &[
            json!({"range": {"start": {"line": follow, "character": 0}, "end": {"line": follow + 2, "character": 0}}, "newText": ""}),
        ],
    );
    let diags = lsp.diagnostics(URI, 2);
    assert_eq!(lines_of(&diags, "boilerplate"), vec![read_more]);

    // Quick fix on the READ MORE block.
    let block = diags
        .iter()
        .find(|d| d["code"] == "boilerplate")
        .cloned()
        .expect("block");
    let actions = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": block["range"], "context": {"diagnostics": [block.clone()]}}),
    );
    let actions = actions["result"].as_array().cloned().expect("actions");
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
        .expect("preferred fix");
    assert_eq!(
        fix["diagnostics"][0]["range"], block["range"],
        "the fix carries its diagnostic"
    );
    assert!(actions.iter().any(|a| a["title"]
        .as_str()
        .is_some_and(|t| t.starts_with("Remove all boilerplate"))));
    let edits = action_edits(fix, URI);
    let fixed = apply_lsp_edits(&text, &edits);
    assert!(!fixed.contains("READ MORE"));
    assert!(!fixed.contains("[REPORT]"));
    assert!(!fixed.contains("\n\n\n"), "no double gap left:\n{fixed}");
    assert!(fixed.contains(
        "“the hardest choices in a generation”.\n\n“We have protected frontline services"
    ));

    // The editor applies the edit and tells the server.
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    change(&mut lsp, URI, 3, Value::Array(changes));
    let diags = lsp.diagnostics(URI, 3);
    assert!(lines_of(&diags, "boilerplate").is_empty(), "{diags:#?}");
    lsp.shutdown();
}

#[test]
fn utf8_is_negotiated_when_offered_and_columns_follow_it() {
    let text =
        "Fans 🎉 cheered. Follow the money, she said.\n\nSign up to our free politics newsletter\n";
    for (encodings, expected_col) in [
        (vec!["utf-8", "utf-16"], "utf-8"),
        (vec!["utf-16"], "utf-16"),
    ] {
        let mut lsp = Lsp::start();
        let caps = initialize(&mut lsp, &encodings, None);
        assert_eq!(caps["positionEncoding"], expected_col);
        open(&mut lsp, URI, "plaintext", 1, text);
        let diags = lsp.diagnostics(URI, 1);
        assert_eq!(lines_of(&diags, "boilerplate"), vec![2]);
        // Insert after the emoji: column 7 in UTF-16, 9 in UTF-8.
        let col = if expected_col == "utf-8" { 9 } else { 7 };
        change(
            &mut lsp,
            URI,
            2,
            json!([{"range": {"start": {"line": 0, "character": col}, "end": {"line": 0, "character": col}}, "text": "\n\nREAD MORE: Fans cheer 🎉\n\n"}]),
        );
        let diags = lsp.diagnostics(URI, 2);
        assert_eq!(lines_of(&diags, "boilerplate"), vec![2, 6]);
        let first = diags
            .iter()
            .find(|d| d["range"]["start"]["line"] == 2)
            .expect("read more");
        let end = if expected_col == "utf-8" { 26 } else { 24 };
        assert_eq!(first["range"]["end"]["character"], end);
        lsp.shutdown();
    }
}

#[test]
fn pull_diagnostics_report_the_current_version() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, URI, "plaintext", 4, &article());
    let r = lsp.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(r["result"]["kind"], "full");
    // The result id is the version the diagnostics were first made for,
    // then what tells them apart (the open, the generation of the list).
    let id = r["result"]["resultId"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(id.starts_with("4:"), "{id}");
    assert_eq!(r["result"]["items"].as_array().map(Vec::len), Some(2));
    let r = lsp.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}, "previousResultId": id}),
    );
    assert_eq!(r["result"]["kind"], "unchanged");
    lsp.shutdown();
}

/// Every diagnostic links to its rule's page (`codeDescription`), a file
/// the editor can open: the page `copydesk explain CODE` prints.
#[test]
fn diagnostics_link_to_their_rules_page() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, URI, "plaintext", 1, &article());
    let pushed = lsp.diagnostics(URI, 1);
    let pulled = lsp.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    )["result"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!pushed.is_empty());
    assert_eq!(pushed.len(), pulled.len());
    for d in pushed.iter().chain(&pulled) {
        let code = d["code"].as_str().expect("a code");
        let href = d["codeDescription"]["href"].as_str().expect("a link");
        assert!(
            href.starts_with("file://") && href.ends_with(&format!("/{code}.md")),
            "{href}"
        );
        let path = href.trim_start_matches("file://");
        let page = std::fs::read_to_string(path).expect("the page is there");
        assert!(page.starts_with(&format!("# `{code}`")), "{page}");
    }
    lsp.shutdown();
}

/// A keystroke that moves no diagnostic (after the last one on its line)
/// is not pushed again, and a pull with the last result id is told
/// "unchanged"; one that moves diagnostics (a line break above them) is
/// pushed, and the pull gets the new list.
#[test]
fn diagnostics_that_did_not_change_are_not_sent_again() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    let text = article();
    open(&mut lsp, URI, "plaintext", 1, &text);
    let first = lsp.diagnostics(URI, 1);
    assert!(!first.is_empty());
    let pull = |lsp: &mut Lsp, previous: &Value| {
        lsp.request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}, "previousResultId": previous}),
        )["result"]
            .clone()
    };
    let r = pull(&mut lsp, &Value::Null);
    let id = r["resultId"].clone();
    // The end of the last line: nothing after it.
    let last = text.lines().count() as u64 - 1;
    let end = text.lines().last().unwrap_or("").encode_utf16().count() as u64;
    change(
        &mut lsp,
        URI,
        2,
        json!([{"range": {"start": {"line": last, "character": end}, "end": {"line": last, "character": end}}, "text": " x"}]),
    );
    let r = pull(&mut lsp, &id);
    assert_eq!(r["kind"], "unchanged", "{r}");
    assert_eq!(r["resultId"], id);
    assert_eq!(lsp.diagnostics(URI, 2), first);
    assert_eq!(lsp.pushed[URI].0, Some(1), "version 2 was pushed again");
    // A line break at the top moves every diagnostic down.
    change(
        &mut lsp,
        URI,
        3,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "\n"}]),
    );
    let r = pull(&mut lsp, &id);
    assert_eq!(r["kind"], "full", "{r}");
    let moved = lsp.diagnostics(URI, 3);
    assert_eq!(lsp.pushed[URI].0, Some(3));
    assert_eq!(moved.len(), first.len());
    for (a, b) in first.iter().zip(&moved) {
        assert_eq!(
            a["range"]["start"]["line"].as_u64().map(|l| l + 1),
            b["range"]["start"]["line"].as_u64()
        );
    }
    lsp.shutdown();
}

#[test]
fn bad_input_is_ignored_and_the_server_keeps_answering() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    let text = "Police said the source of the fire 🔥 was a heater.\n\nShare on Facebook\n";
    open(&mut lsp, URI, "plaintext", 5, text);
    assert_eq!(lines_of(&lsp.diagnostics(URI, 5), "boilerplate"), vec![2]);

    // Unknown document, stale version, reversed range: ignored.
    change(
        &mut lsp,
        "file:///desk/never-opened.txt",
        9,
        json!([{"text": "Share on Facebook"}]),
    );
    change(
        &mut lsp,
        URI,
        5,
        json!([{"text": "Share via email\n\nShare on Facebook"}]),
    );
    change(
        &mut lsp,
        URI,
        6,
        json!([{"range": {"start": {"line": 0, "character": 9}, "end": {"line": 0, "character": 2}}, "text": "x"}]),
    );
    // Malformed JSON, a request that is not JSON-RPC and one with the wrong
    // params get errors or are dropped, not a crash.
    lsp.send_raw(b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    lsp.send_raw(b"\xff\xfe not even text");
    lsp.send(&json!({"id": 100, "method": "textDocument/hover", "params": {}}));
    let r = lsp.wait_for(|m| m["id"] == 100);
    assert_eq!(r["error"]["code"], -32600, "{r}");
    let r = lsp.request(
        "textDocument/hover",
        json!({"textDocument": 12, "position": "top"}),
    );
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "file:///nope.txt"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    assert!(r["error"].is_null(), "{r}");
    let r = lsp.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    );
    assert!(
        r["result"]["resultId"]
            .as_str()
            .is_some_and(|id| id.starts_with("5:")),
        "the document is still at version 5: {r}"
    );

    // Positions inside the emoji's surrogate pair and past the end are clamped.
    change(
        &mut lsp,
        URI,
        7,
        json!([
            {"range": {"start": {"line": 0, "character": 36}, "end": {"line": 0, "character": 36}}, "text": "!"},
            {"range": {"start": {"line": 40, "character": 0}, "end": {"line": 41, "character": 3}}, "text": "\n\nFollow us on Facebook"}
        ]),
    );
    let diags = lsp.diagnostics(URI, 7);
    // The text ended with a newline, so the appended paragraph is on line 5.
    assert_eq!(lines_of(&diags, "boilerplate"), vec![2, 5]);
    let r = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 5, "character": 3}}),
    );
    let hover = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(hover.starts_with("**copydesk** · boilerplate"), "{hover}");
    lsp.shutdown();
}

#[test]
fn rapid_edits_publish_only_in_order_and_end_on_the_last_version() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, URI, "plaintext", 1, "Copy.\n");
    lsp.diagnostics(URI, 1);
    // Type "Advertisement" a letter at a time on a new line.
    let word = "\n\nAdvertisement";
    let mut line = 0;
    let mut col = 5;
    for (i, ch) in word.chars().enumerate() {
        change(
            &mut lsp,
            URI,
            2 + i as i64,
            json!([{"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": ch.to_string()}]),
        );
        if ch == '\n' {
            line += 1;
            col = 0;
        } else {
            col += 1;
        }
    }
    let last = 1 + word.chars().count() as i64;
    let diags = lsp.diagnostics(URI, last);
    assert_eq!(lines_of(&diags, "boilerplate"), vec![2]);
    let versions: Vec<i64> = lsp
        .backlog
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    // Strictly: the settings the server fetches after `initialized` may land
    // mid-typing, and when they change nothing nothing is published again.
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "published out of order: {versions:?}"
    );
    lsp.shutdown();
}

#[test]
fn settings_and_a_broken_config_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[rules.boilerplate\nenabled = false\n",
    )
    .expect("write");
    let mut lsp = Lsp::start();
    lsp.settings_value = json!({"placeholder": {"patterns": ["\\bFIXME\\b"]}, "server": {"path": ""}, "trace": {"server": "off"}});
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    let msg = lsp.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(msg["params"]["type"], 1);
    assert!(
        msg["params"]["message"]
            .as_str()
            .is_some_and(|t| t.contains("copydesk.toml")),
        "{msg}"
    );

    let uri = format!("file://{}/story.md", dir.path().display());
    let text = "---\ntitle: FIXME\n---\n\nShare on Facebook\n\nThe FIXME figure.\n\n```\nShare on Facebook\n```\n";
    open(&mut lsp, &uri, "markdown", 1, text);
    let diags = lsp.diagnostics(&uri, 1);
    assert_eq!(
        lines_of(&diags, "boilerplate"),
        vec![4],
        "defaults in force; code and front matter skipped"
    );
    assert_eq!(
        lines_of(&diags, "placeholder"),
        vec![6],
        "editor pattern applies"
    );

    // The user switches boilerplate off in the editor: the same version is re-published.
    lsp.settings_value = json!({"rules": {"boilerplate": {"enabled": false}}});
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let m = lsp.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.iter().all(|d| d["code"] != "boilerplate"))
    });
    assert_eq!(m["params"]["version"], 1);
    lsp.shutdown();
}

#[test]
fn a_huge_document_is_checked() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    let para = "The council’s finance chief said the figures, published on Tuesday, showed a widening gap between income and spending. 📉\r\n\r\n";
    let mut text = para.repeat(20 * 1024 * 1024 / para.len());
    text.push_str("ADVERTISEMENT\r\n");
    let lines = text.matches("\r\n").count() as u64 - 1;
    open(&mut lsp, URI, "plaintext", 1, &text);
    let diags = lsp.diagnostics(URI, 1);
    assert_eq!(lines_of(&diags, "boilerplate"), vec![lines]);
    lsp.shutdown();
}

#[test]
fn clients_that_pass_stdio_are_served() {
    // vscode-languageclient's stdio transport and many other clients add `--stdio`.
    let mut lsp = Lsp::start_with(&["lsp", "--stdio"]);
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, URI, "plaintext", 1, "Copy.\n\nShare via email\n");
    assert_eq!(lines_of(&lsp.diagnostics(URI, 1), "boilerplate"), vec![2]);
    lsp.shutdown();
}
