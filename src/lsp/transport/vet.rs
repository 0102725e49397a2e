//! What becomes of one body: passed on as it is, replaced by a
//! [`MALFORMED`] request for the server to answer, or logged and dropped.

use serde::Deserialize;
use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Id, Request, Response};

/// The method malformed requests are turned into.
pub const MALFORMED: &str = "copydesk/malformed";

/// What tower-lsp-server decodes a body as (the same untagged enum, so a
/// body that passes here decodes there).
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // only decoded, to vet
pub(super) enum Message {
    Response(Response),
    Request(Request),
}

/// What to do with one body.
#[derive(Debug, PartialEq)]
pub(super) enum Verdict {
    /// Pass it on as it is.
    Forward { exit: bool, shutdown: bool },
    /// Pass on this replacement (a [`MALFORMED`] request) instead.
    Answer(Vec<u8>),
    /// Log why and drop it.
    Invalid(String),
}

pub(super) fn vet(body: &[u8]) -> Verdict {
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => return Verdict::Invalid(format!("message is not UTF-8: {e}")),
    };
    match serde_json::from_str::<Message>(text) {
        Ok(Message::Request(r)) => {
            // The framework stops at `exit` even with an id (which it
            // should not have), so that ends the session here too.
            return Verdict::Forward {
                exit: r.method() == "exit",
                shutdown: r.method() == "shutdown" && r.id().is_some(),
            };
        }
        Ok(Message::Response(_)) => {
            return Verdict::Forward {
                exit: false,
                shutdown: false,
            }
        }
        Err(_) => {}
    }
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(o)) => o,
        Ok(_) => return Verdict::Invalid("message is not a JSON object".into()),
        Err(e) => return Verdict::Invalid(format!("invalid JSON: {e}")),
    };
    let Some(raw_id) = object.get("id") else {
        return Verdict::Invalid("not a JSON-RPC 2.0 notification or response".into());
    };
    let is_response = !object.contains_key("method")
        && (object.contains_key("result") || object.contains_key("error"));
    if is_response {
        return Verdict::Invalid(format!("malformed response with id {raw_id}"));
    }
    // Integers that fit (i64 holds every LSP integer) and strings are echoed;
    // anything else (1.5, 1e3, 2^63, true, {…}) is answered with id null.
    let (id, why) = match serde_json::from_value::<Id>(raw_id.clone()) {
        Ok(id @ (Id::Number(_) | Id::String(_))) => (id, "not a JSON-RPC 2.0 request".to_string()),
        _ => (
            Id::Null,
            format!("request id {raw_id} is neither an integer nor a string"),
        ),
    };
    let replacement =
        json!({"jsonrpc": "2.0", "id": id, "method": MALFORMED, "params": {"message": why}});
    match serde_json::to_vec(&replacement) {
        Ok(bytes) => Verdict::Answer(bytes),
        Err(e) => Verdict::Invalid(format!("{why} (and no answer: {e})")),
    }
}
