//! The language server under faults and hostile input, through the real
//! binary over stdio: bad request ids, wrong or huge Content-Lengths,
//! endless headers, an editor that never answers or goes away, unknown `$/`
//! requests.

mod common;

use std::time::Duration;

use common::*;
use serde_json::{json, Value};

const SMALL: &str = "file:///desk/brief.txt";

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
