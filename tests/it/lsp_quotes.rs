//! Quotes in the editor through the real server: which quotes get a
//! warning, who the speaker is on hover and in inlay hints, the attribution
//! quick fix, the quote sheet and the outline.

use crate::common::*;
use serde_json::{json, Value};

const URI: &str = "file:///desk/kyiv-quotes.txt";

fn article() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kyiv-quotes.txt"
    ))
    .expect("fixture")
}

fn line(text: &str, has: &str) -> u64 {
    text.lines().position(|l| l.contains(has)).expect("line") as u64
}

fn start() -> (Lsp, String, Vec<Value>) {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    let text = article();
    open(&mut lsp, URI, "plaintext", 1, &text);
    let diags = lsp.diagnostics(URI, 1);
    (lsp, text, diags)
}

#[test]
fn only_the_quote_with_no_speaker_is_flagged_and_the_fix_attributes_it() {
    let (mut lsp, text, diags) = start();
    let flagged: Vec<u64> = diags
        .iter()
        .filter(|d| d["code"] == "unattributed-quote")
        .filter_map(|d| d["range"]["start"]["line"].as_u64())
        .collect();
    assert_eq!(
        flagged,
        vec![line(&text, "Nobody in this building")],
        "{diags:#?}"
    );
    assert!(
        diags.iter().all(|d| d["code"] != "unbalanced-quote"),
        "the run-on quote is one quote: {diags:#?}"
    );

    let d = diags
        .iter()
        .find(|d| d["code"] == "unattributed-quote")
        .cloned()
        .expect("warning");
    let r = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = r["result"].as_array().cloned().unwrap_or_default();
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    let attribute = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Attribute to "))
        })
        .cloned()
        .unwrap_or_else(|| panic!("no attribution fix in {titles:?}"));
    let fixed = apply_lsp_edits(&text, &action_edits(&attribute, URI));
    let name = attribute["title"]
        .as_str()
        .unwrap_or_default()
        .trim_start_matches("Attribute to ");
    let surname = name.rsplit(' ').next().unwrap_or_default();
    assert!(
        fixed.contains(&format!(
            "“Nobody in this building is pretending the winter will be easy,” Mr {surname} said."
        )),
        "{fixed}"
    );
    lsp.shutdown();
}

#[test]
fn hover_and_inlay_hints_name_the_speaker() {
    let (mut lsp, text, _) = start();
    let he = line(&text, "He added:");
    let r = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": he, "character": 20}}),
    );
    let card = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(card.contains("**Speaker: Dmytro Kuleba**"), "{card}");
    assert!(
        card.contains("‘He’ → Dmytro Kuleba, named in line"),
        "{card}"
    );
    // The line named is the one that names him (1-based, as editors count).
    let named: usize = card
        .split("named in line ")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("a line number");
    let that = text.lines().nth(named - 1).unwrap_or_default();
    assert!(that.contains("Kuleba"), "line {named} is {that:?}: {card}");

    // The run-on quote's second paragraph and the role-noun quote belong to Kuleba too.
    for has in [
        "The choice is not between war",
        "We are asking for the tools",
    ] {
        let r = lsp.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": line(&text, has), "character": 5}}),
        );
        let card = r["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(card.contains("**Speaker: Dmytro Kuleba**"), "{has}: {card}");
    }

    let last = text.lines().count() as u64;
    let r = lsp.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": last, "character": 0}}}),
    );
    let hints: Vec<(u64, String)> = r["result"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().unwrap_or(0),
                h["label"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(hints.contains(&(he, "‹Kuleba›".to_string())), "{hints:?}");
    assert!(
        hints.contains(&(
            line(&text, "We are asking for the tools"),
            "‹Kuleba›".to_string()
        )),
        "{hints:?}"
    );
    lsp.shutdown();
}

#[test]
fn quote_sheet_and_outline() {
    let (mut lsp, _, _) = start();
    let r = lsp.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.quoteSheet", "arguments": [URI]}),
    );
    let sheet = r["result"].as_str().unwrap_or_default().to_string();
    assert!(
        sheet.starts_with("# Quote sheet: kyiv-quotes.txt"),
        "{sheet}"
    );
    assert!(
        sheet.contains(
            "| 15 | **UNATTRIBUTED** | Nobody in this building is pretending the winter will be …"
        ),
        "{sheet}"
    );
    assert!(
        sheet.contains("| Dmytro Kuleba | Every week we wait, another power station goes dark,"),
        "{sheet}"
    );
    // Only the quote the warning flags is UNATTRIBUTED: a fragment woven
    // into the reporter's sentence is a partial quote, as the CLI sheet says.
    assert_eq!(sheet.matches("**UNATTRIBUTED**").count(), 1, "{sheet}");
    assert!(sheet.contains("| 13 | (partial) | frank"), "{sheet}");
    assert!(
        sheet.contains("with no speaker a reader can find"),
        "{sheet}"
    );

    let r = lsp.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let symbols = r["result"].as_array().cloned().unwrap_or_default();
    let kuleba = symbols
        .iter()
        .find(|s| s["name"] == "Dmytro Kuleba")
        .expect("Kuleba in the outline");
    let quotes = kuleba["children"].as_array().map(Vec::len).unwrap_or(0);
    assert!(quotes >= 4, "Kuleba's quotes as children: {kuleba:#}");
    lsp.shutdown();
}

/// Typing into quotes changes no fact, so the server moves its earlier
/// analysis instead of redoing it (and moves the quotes only when a request
/// needs them). Everything a user sees must be what a fresh open of the same
/// text shows: diagnostics, the attribution fix, hover and inlay hints.
#[test]
fn typing_in_quotes_gives_what_a_fresh_open_gives() {
    let (mut lsp, text, _) = start();
    let mut edited = text.clone();
    let mut version = 1;
    let mut typed = Vec::new();
    // Five keys into one word, then one into a quote further down.
    let word = line(&text, "Every week we wait");
    let far = line(&text, "The money is there");
    let col = |t: &str, l: u64, has: &str| -> u64 {
        let l = t.lines().nth(l as usize).expect("line");
        l[..l.find(has).expect("in line")].encode_utf16().count() as u64
    };
    let mut keys: Vec<(u64, u64)> = (0..5)
        .map(|i| (word, col(&text, word, "wait") + 2 + i))
        .collect();
    keys.push((far, col(&text, far, "money") + 3));
    for (l, c) in keys {
        version += 1;
        let key = json!({"range": {"start": {"line": l, "character": c}, "end": {"line": l, "character": c}}, "newText": "é"});
        change(
            &mut lsp,
            URI,
            version,
            json!([{"range": key["range"], "text": "é"}]),
        );
        edited = apply_lsp_edits(&edited, &[key]);
        // Each keystroke analysed on its own, as when typing at human speed.
        typed = lsp.diagnostics(URI, version);
    }
    const FRESH: &str = "file:///desk/kyiv-quotes-fresh.txt";
    open(&mut lsp, FRESH, "plaintext", 1, &edited);
    let fresh = lsp.diagnostics(FRESH, 1);
    assert_eq!(typed, fresh);
    assert!(typed.iter().any(|d| d["code"] == "unattributed-quote"));

    // The attribution fix edits the same places.
    let d = typed
        .iter()
        .find(|d| d["code"] == "unattributed-quote")
        .cloned()
        .expect("warning");
    let fixes = |lsp: &mut Lsp, uri: &str| -> Vec<Value> {
        let r = lsp.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
        );
        r["result"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|a| json!([a["title"], action_edits(a, uri)]))
            .collect()
    };
    assert_eq!(fixes(&mut lsp, URI), fixes(&mut lsp, FRESH));

    // Hover on a quote after both edits, and every inlay hint.
    let below = line(&edited, "We are asking for the tools");
    for uri in [URI, FRESH] {
        let r = lsp.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": below, "character": 5}}),
        );
        let card = r["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default();
        assert!(card.contains("**Speaker: Dmytro Kuleba**"), "{uri}: {card}");
    }
    let hints = |lsp: &mut Lsp, uri: &str| {
        lsp.request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}),
        )["result"]
            .clone()
    };
    let (a, b) = (hints(&mut lsp, URI), hints(&mut lsp, FRESH));
    assert!(a.as_array().is_some_and(|h| !h.is_empty()), "{a}");
    assert_eq!(a, b);
    lsp.shutdown();
}

/// Breaking a cue word ("said" → "saidx") leaves its quotes with no speaker,
/// and mending it gives them back, keystroke by keystroke through the
/// server; each state is what a fresh open of the same text shows.
#[test]
fn breaking_and_mending_a_cue_word() {
    let (mut lsp, text, opened) = start();
    let at = line(&text, "Mr Blinken said");
    let l = text.lines().nth(at as usize).expect("line");
    let col = l[..l.find("Mr Blinken said").expect("cue") + "Mr Blinken said".len()]
        .encode_utf16()
        .count() as u64;
    let unattributed_lines = |diags: &[Value]| -> Vec<u64> {
        diags
            .iter()
            .filter(|d| d["code"] == "unattributed-quote")
            .filter_map(|d| d["range"]["start"]["line"].as_u64())
            .collect()
    };
    assert!(!unattributed_lines(&opened).contains(&at));
    let insert = json!({"range": {"start": {"line": at, "character": col}, "end": {"line": at, "character": col}}, "newText": "x"});
    let delete = json!({"range": {"start": {"line": at, "character": col}, "end": {"line": at, "character": col + 1}}, "newText": ""});
    let mut edited = text.clone();
    for (version, key) in [(2, &insert), (3, &delete)] {
        change(
            &mut lsp,
            URI,
            version,
            json!([{"range": key["range"], "text": key["newText"]}]),
        );
        edited = apply_lsp_edits(&edited, std::slice::from_ref(key));
        let typed = lsp.diagnostics(URI, version);
        let fresh_uri = format!("file:///desk/kyiv-quotes-{version}.txt");
        open(&mut lsp, &fresh_uri, "plaintext", 1, &edited);
        assert_eq!(typed, lsp.diagnostics(&fresh_uri, 1), "version {version}");
        if version == 2 {
            // Both halves of Mr Blinken's quote lose their speaker.
            let flagged = unattributed_lines(&typed);
            assert_eq!(
                flagged.iter().filter(|&&l| l == at).count(),
                2,
                "{flagged:?}"
            );
        } else {
            assert_eq!(typed, opened);
        }
    }
    lsp.shutdown();
}
