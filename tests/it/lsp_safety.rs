//! The language server under faults and hostile input, through the real
//! binary over stdio: a reopened document, broken settings, bad request ids,
//! wrong or huge Content-Lengths, endless headers, an editor that never
//! answers or goes away, unknown `$/` requests, a big document beside a
//! small one, settings that come late, and a root that is not a folder.

use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::{json, Value};

const SMALL: &str = "file:///desk/brief.txt";
const BIG: &str = "file:///desk/big.txt";

fn lines_of(diags: &[Value], code: &str) -> Vec<u64> {
    diags
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap_or(u64::MAX))
        .collect()
}

fn hover_params(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

fn is_answer(id: Value) -> impl Fn(&Value) -> bool {
    move |m: &Value| m["id"] == id && m.get("method").is_none()
}

/// The server answers a request after whatever came before: not dead, not deaf.
fn still_answers(lsp: &mut Lsp) {
    let r = lsp.request("textDocument/hover", hover_params(SMALL, 0, 3));
    assert!(r.get("error").is_none(), "{r}");
}

const BRIEF: &str = "Police said the fire started in a kitchen.\n\nShare on Facebook\n";

// Item 3: everything computed is tied to the text it was computed on.
#[test]
fn a_document_reopened_with_the_same_version_never_gets_the_old_texts_findings_or_fixes() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
    // The old text: long, with furniture every other paragraph, so its
    // analysis is still running when the document is closed and reopened.
    let old =
        "The council’s finance chief said the figures showed a widening gap.\n\nAdvertisement\n\n"
            .repeat(30_000);
    let new = "The mayor opened the bridge on Tuesday.\n\nREAD MORE: Bridge costs soar\n\nShe said it had been worth the wait.\n";
    let new_lines = new.lines().count() as u64;
    open(&mut lsp, BIG, "plaintext", 1, &old);
    // A round trip: the open has been handled and its analysis begun.
    still_answers(&mut lsp);
    std::thread::sleep(Duration::from_millis(50));
    lsp.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": BIG}}),
    );
    open(&mut lsp, BIG, "plaintext", 1, new);
    let diags = lsp.diagnostics(BIG, 1);
    // Give the old analysis time to finish and be (wrongly) used.
    std::thread::sleep(Duration::from_millis(2500));
    let fix_all = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": BIG}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let pulled = lsp.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": BIG}}),
    );
    let published: Vec<Value> = lsp
        .backlog
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == BIG)
        .flat_map(|m| {
            m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .chain(diags.iter().cloned())
        .chain(
            pulled["result"]["items"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        )
        .collect();
    let past_end: Vec<&Value> = published
        .iter()
        .filter(|d| d["range"]["start"]["line"].as_u64().unwrap_or(0) >= new_lines)
        .collect();
    assert!(
        past_end.is_empty(),
        "{} diagnostics past the end of the new text, e.g. {:?}",
        past_end.len(),
        past_end.first()
    );
    assert_eq!(lines_of(&diags, "boilerplate"), vec![2], "{diags:?}");
    let actions = fix_all["result"].as_array().cloned().unwrap_or_default();
    let edits = actions
        .first()
        .map(|a| action_edits(a, BIG))
        .unwrap_or_default();
    let fixed = apply_lsp_edits(new, &edits);
    assert_eq!(
        fixed, "The mayor opened the bridge on Tuesday.\n\nShe said it had been worth the wait.\n",
        "fix-all removes only the new text's furniture"
    );
    lsp.shutdown();
}

// Item 7: a broken copydesk.toml or editor setting keeps the last good settings.
#[test]
fn broken_settings_keep_the_last_good_ones_and_say_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, "[rules.boilerplate]\nenabled = false\n").expect("write");
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], Some(dir.path()));
    let uri = format!("file://{}/story.txt", dir.path().display());
    let text = "Police said the fire started in a kitchen. TK\n\nShare on Facebook\n";
    open(&mut lsp, &uri, "plaintext", 1, text);
    let diags = lsp.diagnostics(&uri, 1);
    assert!(lines_of(&diags, "boilerplate").is_empty(), "{diags:?}");

    // One wrong type in the file.
    std::fs::write(&config, "[rules.boilerplate]\nenabled = \"sometimes\"\n").expect("write");
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", config.display()), "type": 2}]}),
    );
    let msg = lsp.wait_for(|m| m["method"] == "window/showMessage");
    let text_of = |m: &Value| {
        m["params"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(text_of(&msg).contains("copydesk.toml"), "{msg}");
    assert!(text_of(&msg).contains("last good"), "{msg}");
    change(
        &mut lsp,
        &uri,
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]),
    );
    let diags = lsp.diagnostics(&uri, 2);
    assert!(
        lines_of(&diags, "boilerplate").is_empty(),
        "furniture the file turned off stays off: {diags:?}"
    );

    // The same for the editor's settings.
    std::fs::write(&config, "").expect("write");
    lsp.settings_value = json!({"rules": {"placeholder": {"enabled": false}}});
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let m = lsp.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| !d.is_empty() && d.iter().all(|d| d["code"] != "placeholder"))
    });
    assert_eq!(m["params"]["version"], 2);
    lsp.settings_value = json!({"rules": {"placeholder": {"enabled": "nope"}}});
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let msg = lsp.wait_for(|m| m["method"] == "window/showMessage");
    assert!(text_of(&msg).contains("last good"), "{msg}");
    change(
        &mut lsp,
        &uri,
        3,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": ""}]),
    );
    let diags = lsp.diagnostics(&uri, 3);
    assert!(lines_of(&diags, "placeholder").is_empty(), "{diags:?}");
    assert_eq!(lines_of(&diags, "boilerplate"), vec![2], "{diags:?}");
    lsp.shutdown();
}

// Item 10: ids the protocol does not allow get InvalidRequest (id null); the server lives.
#[test]
fn request_ids_the_protocol_does_not_allow_are_refused_and_the_server_carries_on() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
    for id in [
        "1.5",
        "1e3",
        "9223372036854775808",
        "-1.0",
        "true",
        "{\"a\": 1}",
    ] {
        let body = format!(
            r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover","params":{}}}"#,
            hover_params(SMALL, 0, 3)
        );
        lsp.send_raw(body.as_bytes());
        let r = lsp.wait_for(|m| m.get("error").is_some() && m["id"].is_null());
        assert_eq!(r["error"]["code"], -32600, "id {id}: {r}");
        still_answers(&mut lsp);
    }
    // Ids the protocol allows are echoed: integers and strings.
    for id in [json!(2147483647), json!(-7), json!("ed-42"), json!("")] {
        lsp.send(&json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": hover_params(SMALL, 2, 2)}));
        let r = lsp.wait_for(is_answer(id.clone()));
        assert!(r["result"]["contents"]["value"].as_str().is_some(), "{r}");
    }
    lsp.shutdown();
}

/// A frame whose Content-Length is off by `delta`.
fn frame_off_by(body: &str, delta: i64) -> Vec<u8> {
    let length = (body.len() as i64 + delta).max(0);
    format!("Content-Length: {length}\r\n\r\n{body}").into_bytes()
}

fn hover_body(id: i64) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": hover_params(SMALL, 2, 2)})
        .to_string()
}

// Item 11: a wrong Content-Length costs at most that message, never the session.
#[test]
fn a_wrong_content_length_does_not_leave_the_server_deaf() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
    // Too long, with the next message right behind: both are answered.
    let mut bytes = frame_off_by(&hover_body(901), 60);
    bytes.extend(frame_off_by(&hover_body(902), 0));
    lsp.write_bytes(&bytes);
    for id in [901, 902] {
        let r = lsp.wait_for(is_answer(json!(id)));
        assert!(r.get("result").is_some(), "{r}");
    }
    // Too short, with the next message right behind: both are answered.
    let mut bytes = frame_off_by(&hover_body(903), -25);
    bytes.extend(frame_off_by(&hover_body(904), 0));
    lsp.write_bytes(&bytes);
    for id in [903, 904] {
        let r = lsp.wait_for(is_answer(json!(id)));
        assert!(r.get("result").is_some(), "{r}");
    }
    // Too long, and the editor then waits for the answer.
    lsp.write_bytes(&frame_off_by(&hover_body(905), 1000));
    let r = lsp.wait_for(is_answer(json!(905)));
    assert!(r.get("result").is_some(), "{r}");
    // A length that is no number: the message runs to the next header.
    lsp.write_bytes(format!("Content-Length: lots\r\n\r\n{}", hover_body(906)).as_bytes());
    lsp.write_bytes(&frame_off_by(&hover_body(907), 0));
    for id in [906, 907] {
        lsp.wait_for(is_answer(json!(id)));
    }
    still_answers(&mut lsp);
    lsp.shutdown();
}

// Item 12: headers and bodies are bounded; past a limit, refused and skipped.
#[test]
fn a_giant_content_length_or_an_endless_header_is_refused_without_buffering_it() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
    still_answers(&mut lsp);
    let before = lsp.status_kib("VmRSS").expect("rss");
    // 10 GB announced, a little sent.
    lsp.write_bytes(b"Content-Length: 10000000000\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1");
    lsp.write_bytes(&frame_off_by(&hover_body(911), 0));
    lsp.wait_for(is_answer(json!(911)));
    // A header line of 64 MiB that never ends, then a real message.
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..64 {
        lsp.write_bytes(&chunk);
    }
    lsp.write_bytes(&frame_off_by(&hover_body(912), 0));
    lsp.wait_for(is_answer(json!(912)));
    // A body over the limit (128 MiB) is skipped as it streams in.
    lsp.write_bytes(format!("Content-Length: {}\r\n\r\n", 160 << 20).as_bytes());
    let quoted = vec![b'"'; 1 << 20];
    for _ in 0..160 {
        lsp.write_bytes(&quoted);
    }
    lsp.write_bytes(&frame_off_by(&hover_body(913), 0));
    lsp.wait_for(is_answer(json!(913)));
    let peak = lsp.status_kib("VmHWM").expect("peak rss");
    assert!(
        peak < before + 48 * 1024,
        "memory grew from {before} KiB to a peak of {peak} KiB"
    );
    lsp.shutdown();
}

// Item 13: exit promptly after shutdown+exit or when the editor goes away,
// even while a request to the editor is unanswered.
#[test]
fn the_server_exits_promptly_while_its_request_to_the_editor_is_unanswered() {
    for ending in ["exit", "hang up"] {
        let mut lsp = Lsp::start();
        lsp.answer_requests = false;
        initialize(&mut lsp, &["utf-16"], None);
        let asked = lsp.wait_for(|m| m["method"] == "workspace/configuration");
        assert!(asked.get("id").is_some());
        open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
        if ending == "exit" {
            let r = lsp.request("shutdown", Value::Null);
            assert!(r.get("error").is_none(), "{r}");
            lsp.notify("exit", Value::Null);
        } else {
            lsp.close_input();
        }
        let status = lsp.wait_exit(Duration::from_secs(10));
        assert!(status.is_some(), "no exit after {ending}");
        if ending == "exit" {
            assert!(status.is_some_and(|s| s.success()), "{status:?}");
        }
    }
}

// Item 14: unknown `$/` requests get MethodNotFound; notifications are ignored.
#[test]
fn unknown_dollar_requests_are_answered_and_notifications_ignored() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
    let r = lsp.request("$/copydesk/unheardOf", json!({"x": 1}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    lsp.notify("$/copydesk/unheardOf", json!({"x": 1}));
    let r = lsp.request("$/setTrace", json!({"value": "off"}));
    assert!(
        r.get("error").is_some(),
        "a notification sent as a request: {r}"
    );
    still_answers(&mut lsp);
    assert!(
        !lsp.backlog
            .iter()
            .any(|m| m["id"].is_null() && m.get("error").is_some()),
        "a notification was answered: {:?}",
        lsp.backlog
    );
    lsp.shutdown();
}

fn big_text() -> String {
    let para = "The council’s finance chief said the figures, published on Tuesday, showed a widening gap between income and spending. 📉\n\n";
    para.repeat(22 * 1024 * 1024 / para.len())
}

// Item 15: long work goes off the main loop, can be cancelled, and a small
// document stays responsive while a big one is busy.
#[test]
fn a_small_document_answers_while_a_big_one_is_busy() {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
    still_answers(&mut lsp);
    let big = big_text();
    let end = big.matches('\n').count() as u32;
    open(&mut lsp, BIG, "plaintext", 1, &big);
    // Typed while the big document is still being scanned: kept, in order.
    change(
        &mut lsp,
        BIG,
        2,
        json!([{"range": {"start": {"line": end, "character": 0}, "end": {"line": end, "character": 0}}, "text": "ADVERTISEMENT\n"}]),
    );
    let symbols = lsp.send_request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": BIG}}),
    );
    let cancelled = lsp.send_request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": BIG}}),
    );
    lsp.notify("$/cancelRequest", json!({"id": cancelled}));
    let hover = lsp.send_request("textDocument/hover", hover_params(SMALL, 2, 2));
    let started = Instant::now();
    let mut order = Vec::new();
    while order.len() < 3 {
        let m = lsp.wait_for(|m| {
            m.get("method").is_none() && [symbols, cancelled, hover].iter().any(|id| m["id"] == *id)
        });
        order.push((m["id"].as_i64().unwrap_or(0), m, started.elapsed()));
    }
    let position = |id| {
        order
            .iter()
            .position(|(i, _, _)| *i == id)
            .unwrap_or(usize::MAX)
    };
    assert!(
        position(hover) < position(symbols),
        "the small document's hover waited for the big one: {:?}",
        order.iter().map(|(i, _, t)| (i, t)).collect::<Vec<_>>()
    );
    let (_, hover_reply, _) = &order[position(hover)];
    assert!(hover_reply["result"]["contents"]["value"]
        .as_str()
        .is_some_and(|v| v.contains("boilerplate")));
    let (_, cancel_reply, _) = &order[position(cancelled)];
    assert_eq!(cancel_reply["error"]["code"], -32800, "{cancel_reply}");
    let (_, symbol_reply, _) = &order[position(symbols)];
    assert!(symbol_reply["result"].is_array(), "{symbol_reply}");
    let diags = lsp.diagnostics(BIG, 2);
    assert_eq!(lines_of(&diags, "boilerplate"), vec![u64::from(end)]);
    lsp.shutdown();
}

// Item 19: the first diagnostics wait (briefly) for the editor's settings.
#[test]
fn the_first_diagnostics_use_the_editors_settings_even_when_they_come_late() {
    let mut lsp = Lsp::start();
    lsp.answer_requests = false;
    initialize(&mut lsp, &["utf-16"], None);
    let asked = lsp.wait_for(|m| m["method"] == "workspace/configuration");
    open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
    // The editor is slow to answer.
    std::thread::sleep(Duration::from_millis(400));
    lsp.settings_value = json!({"rules": {"boilerplate": {"enabled": false}}});
    lsp.answer(&asked);
    lsp.answer_requests = true;
    let first = lsp.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == SMALL
    });
    let diags = first["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        lines_of(&diags, "boilerplate").is_empty(),
        "the first diagnostics ignored the editor's settings: {diags:?}"
    );
    lsp.shutdown();
}

// Item 19: a root that is not a local folder is not read as a path.
#[test]
fn a_root_uri_that_is_not_a_file_is_not_read_as_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[rules.boilerplate]\nenabled = false\n",
    )
    .expect("write");
    for root in [
        format!("vscode-vfs://github{}", dir.path().display()),
        format!("untitled:{}", dir.path().display()),
    ] {
        let mut lsp = Lsp::start();
        let r = lsp.request(
            "initialize",
            json!({"processId": null, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "remote"}],
                   "capabilities": {"workspace": {"configuration": true}}}),
        );
        assert!(r.get("result").is_some(), "{r}");
        lsp.notify("initialized", json!({}));
        open(&mut lsp, SMALL, "plaintext", 1, BRIEF);
        lsp.diagnostics(SMALL, 1);
        // Once the settings are surely in, an edit: its diagnostics are made
        // with whatever the server read.
        std::thread::sleep(Duration::from_millis(300));
        change(
            &mut lsp,
            SMALL,
            2,
            json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]),
        );
        let diags = lsp.diagnostics(SMALL, 2);
        assert_eq!(
            lines_of(&diags, "boilerplate"),
            vec![2],
            "{root} was read as a folder"
        );
        lsp.shutdown();
    }
}
