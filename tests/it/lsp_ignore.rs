//! Ignore comments through `copydesk lsp`, as an editor drives it: a
//! comment typed above a paragraph silences its finding at the next
//! publish; "Ignore this finding here" writes that comment as one edit;
//! "Ignore in this workspace" turns the rule off in `copydesk.toml`.

use crate::common::*;
use serde_json::{json, Value};

const TEXT: &str =
    "Harbour Bridge will close for six weeks from Monday, Tarrow council said on Tuesday.\r\n\r\n\
Engineers found corrosion in the main cables in March, and the repairs will cost £14m.\r\n\r\n\
“Drivers should plan for delays of up to forty minutes on the ring road.”\r\n\r\n\
The ferry will run every half hour while the work goes on. 🚢\r\n\r\n\
“Lorries over seven and a half tonnes will have to go round by Ashby.”\r\n";

fn quote_lines(diags: &[Value]) -> Vec<u64> {
    diags
        .iter()
        .filter(|d| d["code"] == "unattributed-quote")
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap_or(u64::MAX))
        .collect()
}

fn action(r: &Value, starts: &str) -> Value {
    r["result"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(starts)))
        })
        .cloned()
        .unwrap_or_else(|| panic!("no action {starts}: {r:#}"))
}

#[test]
fn ignore_this_finding_here_writes_the_comment_and_silences_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    let uri = format!("file://{}/harbour.txt", dir.path().display());
    open(&mut lsp, &uri, "plaintext", 1, TEXT);
    let diags = lsp.diagnostics(&uri, 1);
    assert_eq!(quote_lines(&diags), [4, 8], "{diags:#?}");
    let drivers = diags
        .iter()
        .find(|d| d["range"]["start"]["line"] == 4)
        .cloned()
        .expect("drivers quote");

    let r = lsp.request_settled(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": drivers["range"], "context": {"diagnostics": [drivers]}}),
    );
    let here = action(&r, "Ignore this finding here");
    assert_eq!(
        here["title"],
        "Ignore this finding here (<!-- copydesk-ignore unattributed-quote -->)"
    );
    let edits = action_edits(&here, &uri);
    assert_eq!(edits.len(), 1, "one edit, undone at once: {edits:#?}");
    let text = apply_lsp_edits(TEXT, &edits);
    assert!(
        text.contains("£14m.\r\n\r\n<!-- copydesk-ignore unattributed-quote -->\r\n\r\n“Drivers"),
        "{text}"
    );
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    change(&mut lsp, &uri, 2, Value::Array(changes));
    let diags = lsp.diagnostics(&uri, 2);
    assert_eq!(quote_lines(&diags), [10], "{diags:#?}");
    assert!(
        diags.iter().all(|d| d["code"] != "unused-ignore"),
        "{diags:#?}"
    );

    // The quote is rewritten with its speaker: the comment now silences
    // nothing, and says so.
    let at = text.find("road.”").expect("quote end") + "road.”".len();
    let line = text[..at].matches('\n').count() as u64;
    let col = text[..at]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .encode_utf16()
        .count() as u64;
    change(
        &mut lsp,
        &uri,
        3,
        json!([{"range": {"start": {"line": line, "character": col - 1}, "end": {"line": line, "character": col}}, "text": ",” said Cllr Anwen Price, the council leader."}]),
    );
    let diags = lsp.diagnostics(&uri, 3);
    let unused: Vec<_> = diags
        .iter()
        .filter(|d| d["code"] == "unused-ignore")
        .collect();
    assert_eq!(unused.len(), 1, "{diags:#?}");
    assert_eq!(unused[0]["severity"], 3, "information");
    assert_eq!(unused[0]["range"]["start"]["line"], 4);
    lsp.shutdown();
}

#[test]
fn ignore_in_this_workspace_turns_the_rule_off_in_copydesk_toml() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "# Tarrow Gazette desk\n[names]\ncanonical = [\"Anwen Price\"]\n",
    )
    .expect("write");
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    let uri = format!("file://{}/harbour.txt", dir.path().display());
    open(&mut lsp, &uri, "plaintext", 1, TEXT);
    let diags = lsp.diagnostics(&uri, 1);
    let lorries = diags
        .iter()
        .find(|d| d["range"]["start"]["line"] == 8)
        .cloned()
        .expect("lorries quote");
    let r = lsp.request_settled(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": lorries["range"], "context": {"diagnostics": [lorries]}}),
    );
    let workspace = action(&r, "Ignore ‘unattributed-quote’ in this workspace");
    let toml_uri = format!("file://{}/copydesk.toml", dir.path().display());
    let edits = action_edits(&workspace, &toml_uri);
    assert_eq!(edits.len(), 1, "{workspace:#}");
    let old = std::fs::read_to_string(dir.path().join("copydesk.toml")).expect("read");
    let new = apply_lsp_edits(&old, &edits);
    assert_eq!(
        new,
        "# Tarrow Gazette desk\n[names]\ncanonical = [\"Anwen Price\"]\n\n[rules.unattributed-quote]\nenabled = false\n"
    );
    lsp.shutdown();
}
