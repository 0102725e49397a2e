//! Navigation by person through the real server: hover card, definition,
//! references, rename, document symbols, and the name-variant fix.

use crate::common::*;
use serde_json::{json, Value};

const URI: &str = "file:///desk/kyiv-talks.txt";

fn article() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kyiv-talks.txt"
    ))
    .expect("fixture")
}

/// Position (UTF-16) of the first occurrence of `needle` on the line containing `line_has`.
fn pos(text: &str, line_has: &str, needle: &str) -> Value {
    let (line, l) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(line_has))
        .expect("line");
    let byte = l.find(needle).expect("needle");
    json!({"line": line, "character": l[..byte].encode_utf16().count()})
}

fn start() -> (Lsp, String) {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    let text = article();
    open(&mut lsp, URI, "plaintext", 1, &text);
    lsp.diagnostics(URI, 1);
    (lsp, text)
}

fn at(text: &str, line_has: &str, needle: &str) -> Value {
    json!({"textDocument": {"uri": URI}, "position": pos(text, line_has, needle)})
}

#[test]
fn hover_definition_and_references_follow_the_person() {
    let (mut lsp, text) = start();
    let r = lsp.request("textDocument/hover", at(&text, "Mr Kuleba told", "Kuleba"));
    let card = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        card.starts_with("**Dmytro Kuleba** — Ukraine’s Foreign Minister"),
        "{card}"
    );
    assert!(card.contains("First named: line 3"), "{card}");

    let r = lsp.request(
        "textDocument/definition",
        at(&text, "Mr Kuleba told", "Kuleba"),
    );
    assert_eq!(r["result"]["range"]["start"]["line"], 2, "{r}");

    let mut params = at(&text, "Mr Kuleba’s deputy", "Kuleba");
    params["context"] = json!({"includeDeclaration": true});
    let r = lsp.request("textDocument/references", params);
    let lines: Vec<u64> = r["result"]
        .as_array()
        .expect("locations")
        .iter()
        .filter_map(|l| l["range"]["start"]["line"].as_u64())
        .collect();
    assert_eq!(
        lines,
        vec![0, 2, 6, 8],
        "headline, first reference, quote cue, possessive"
    );

    let r = lsp.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let names: Vec<&str> = r["result"]
        .as_array()
        .expect("symbols")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Dmytro Kuleba") && names.contains(&"Antony Blinken"),
        "{names:?}"
    );
    lsp.shutdown();
}

#[test]
fn rename_keeps_honorifics_and_possessives_and_refuses_non_people() {
    let (mut lsp, text) = start();
    let r = lsp.request(
        "textDocument/prepareRename",
        at(&text, "Mr Kuleba told", "Kuleba"),
    );
    assert_eq!(r["result"]["placeholder"], "Dmytro Kuleba", "{r}");
    let r = lsp.request(
        "textDocument/prepareRename",
        at(&text, "talks with European", "partners"),
    );
    assert!(
        r["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("person")),
        "{r}"
    );

    let mut params = at(&text, "Mr Kuleba told", "Kuleba");
    params["newName"] = json!("Kulebov");
    let r = lsp.request("textDocument/rename", params);
    let renamed = apply_lsp_edits(&text, &action_edits(&json!({"edit": r["result"]}), URI));
    assert!(
        renamed.contains("Foreign Minister Dmytro Kulebov said"),
        "{renamed}"
    );
    assert!(renamed.contains("Mr Kulebov told reporters"));
    assert!(renamed.contains("Mr Kulebov’s deputy"));
    assert!(!renamed.contains("Kuleba "), "{renamed}");
    lsp.shutdown();
}

#[test]
fn a_misspelt_name_is_flagged_and_the_fix_clears_it() {
    let (mut lsp, text) = start();
    let r = lsp.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    );
    let items = r["result"]["items"].as_array().cloned().unwrap_or_default();
    // Blinken and Blinkin are written once each: a tie, both are flagged.
    let variants: Vec<&Value> = items
        .iter()
        .filter(|d| d["code"] == "name-variant")
        .collect();
    assert_eq!(variants.len(), 2, "{variants:#?}");
    assert_eq!(variants[0]["range"]["start"]["line"], 4);
    let variant = variants
        .iter()
        .find(|d| d["range"]["start"]["line"] == 8)
        .copied()
        .cloned()
        .expect("Blinkin flagged");
    assert!(
        variant["message"]
            .as_str()
            .is_some_and(|m| m.contains("Blinken")),
        "{variant}"
    );

    let actions = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": variant["range"], "context": {"diagnostics": [variant]}}),
    );
    let fix = actions["result"]
        .as_array()
        .and_then(|a| {
            a.iter().find(|a| {
                a["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Change to"))
            })
        })
        .cloned()
        .expect("change-to fix");
    let edits = action_edits(&fix, URI);
    let fixed = apply_lsp_edits(&text, &edits);
    assert!(fixed.contains("Mr Blinken said the allies"), "{fixed}");
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    change(&mut lsp, URI, 2, Value::Array(changes));
    let diags = lsp.diagnostics(URI, 2);
    assert!(
        diags.iter().all(|d| d["code"] != "name-variant"),
        "{diags:#?}"
    );
    lsp.shutdown();
}

#[test]
fn the_style_book_is_written_by_an_action_and_then_wins() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    let uri = format!("file://{}/zelensky.txt", dir.path().display());
    let text = "KYIV — President Volodymyr Zelenskyy said on Friday that the grain corridor would stay open.\n\n“We will not be blackmailed,” Mr Zelenskyy told the nation.\n";
    open(&mut lsp, &uri, "plaintext", 1, text);
    let diags = lsp.diagnostics(&uri, 1);
    assert!(
        diags.iter().all(|d| d["code"] != "name-variant"),
        "self-consistent: {diags:#?}"
    );

    // The desk's style book does not exist yet: the action creates it.
    let p = pos(text, "President", "Zelenskyy");
    let r = lsp.request_settled(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": p, "end": p}, "context": {"diagnostics": []}}),
    );
    let action = r["result"]
        .as_array()
        .and_then(|a| {
            a.iter().find(|a| {
                a["title"]
                    .as_str()
                    .is_some_and(|t| t.contains("style book"))
            })
        })
        .cloned()
        .expect("style book action");
    assert_eq!(
        action["title"],
        "Add ‘Volodymyr Zelenskyy’ to the style book (copydesk.toml)"
    );
    let ops = action["edit"]["documentChanges"]
        .as_array()
        .expect("operations");
    assert_eq!(ops[0]["kind"], "create");
    assert_eq!(
        ops[1]["edits"][0]["newText"],
        "[names]\ncanonical = [\"Volodymyr Zelenskyy\"]\n"
    );

    // The desk prefers another spelling: its style book wins once saved.
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[names]\ncanonical = [\"Volodymyr Zelensky\"]\n",
    )
    .expect("write");
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}/copydesk.toml", dir.path().display()), "type": 1}]}),
    );
    let m = lsp.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.iter().any(|d| d["code"] == "name-variant"))
    });
    let variants: Vec<&Value> = m["params"]["diagnostics"]
        .as_array()
        .expect("diags")
        .iter()
        .filter(|d| d["code"] == "name-variant")
        .collect();
    assert_eq!(variants.len(), 2, "{variants:#?}");
    assert!(variants.iter().all(|d| d["message"]
        .as_str()
        .is_some_and(|t| t.contains("Zelensky"))));
    lsp.shutdown();
}

#[test]
fn the_cast_follows_edits_to_names_and_survives_other_edits() {
    let (mut lsp, text) = start();
    // An edit away from any name: the card is the same.
    let p = pos(&text, "Antony Blinken", "within weeks");
    change(
        &mut lsp,
        URI,
        2,
        json!([{"range": {"start": p, "end": p}, "text": "or days "}]),
    );
    lsp.diagnostics(URI, 2);
    let r = lsp.request("textDocument/hover", at(&text, "Mr Kuleba told", "Kuleba"));
    let card = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(card.starts_with("**Dmytro Kuleba**"), "{card}");

    // The reporter respells the given name at first reference: the person follows.
    let p = pos(&text, "Foreign Minister Dmytro", "Dmytro");
    let end = json!({"line": p["line"], "character": p["character"].as_u64().unwrap_or(0) + 6});
    change(
        &mut lsp,
        URI,
        3,
        json!([{"range": {"start": p, "end": end}, "text": "Dmitro"}]),
    );
    lsp.diagnostics(URI, 3);
    let r = lsp.request("textDocument/hover", at(&text, "Mr Kuleba told", "Kuleba"));
    let card = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(card.starts_with("**Dmitro Kuleba**"), "{card}");
    lsp.shutdown();
}
