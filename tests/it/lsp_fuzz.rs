//! Protocol fuzzing through the real binary: random and malformed JSON-RPC
//! frames (odd ids and versions, unknown and `$/` methods, wrong params,
//! truncated bodies, wrong, missing, non-numeric and giant Content-Lengths,
//! stray bytes and header fragments) go in before a valid request, which
//! must still get its answer, and the server must still be running. The
//! seed is fixed, so a run is repeatable; each case starts a fresh server.

use std::time::Duration;

use crate::common::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::{json, Value};

const URI: &str = "file:///desk/fuzz.txt";
const TEXT: &str = "Mr Kuleba said: “We will not give up.”\n\nShare on Facebook\n";

#[derive(Clone, Debug)]
enum Junk {
    /// A body in a frame whose Content-Length is off by `delta`.
    Frame { body: String, delta: i64 },
    /// Bytes as they are, no frame.
    Raw(Vec<u8>),
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1".to_string()),
        (-5i64..5).prop_map(|n| n.to_string()),
        Just("1.5".to_string()),
        Just("1e3".to_string()),
        Just("-0.0".to_string()),
        Just("9223372036854775808".to_string()),
        Just("-9223372036854775809".to_string()),
        Just("18446744073709551616".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("[1]".to_string()),
        Just("{\"n\":1}".to_string()),
        "[a-z0-9]{0,8}".prop_map(|s| format!("\"{s}\"")),
    ]
}

fn method() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("textDocument/hover"),
        Just("textDocument/codeAction"),
        Just("textDocument/documentSymbol"),
        Just("textDocument/diagnostic"),
        Just("textDocument/didChange"),
        Just("textDocument/didOpen"),
        Just("workspace/executeCommand"),
        Just("workspace/didChangeConfiguration"),
        Just("initialize"),
        Just("$/cancelRequest"),
        Just("$/setTrace"),
        Just("$/copydesk/unheardOf"),
        Just("copydesk/malformed"),
        Just(""),
    ]
    .prop_map(|m| format!("\"{m}\""))
}

fn params() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{}".to_string()),
        Just("null".to_string()),
        Just("[]".to_string()),
        Just("7".to_string()),
        Just(
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 4}})
                .to_string()
        ),
        Just(
            json!({"textDocument": {"uri": URI}, "position": {"line": 99999, "character": -1}})
                .to_string()
        ),
        Just(
            json!({"textDocument": {"uri": URI, "version": 1}, "contentChanges": [{"text": 5}]})
                .to_string()
        ),
        Just(json!({"id": 1.5}).to_string()),
        Just(json!({"settings": {"copydesk": {"rules": 3}}}).to_string()),
        Just(json!({"textDocument": 12, "position": "top"}).to_string()),
    ]
}

fn message() -> impl Strategy<Value = String> {
    let version = prop_oneof![
        Just(r#""jsonrpc":"2.0","#.to_string()),
        Just(r#""jsonrpc":"1.0","#.to_string()),
        Just(r#""jsonrpc":2,"#.to_string()),
        Just(String::new()),
    ];
    (version, prop::option::of(id()), method(), params()).prop_map(
        |(version, id, method, params)| {
            let id = id.map(|id| format!(r#""id":{id},"#)).unwrap_or_default();
            format!(r#"{{{version}{id}"method":{method},"params":{params}}}"#)
        },
    )
}

fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => message(),
        // Cut short anywhere.
        2 => (message(), 0.0f64..1.0).prop_map(|(m, cut)| {
            let mut at = (m.len() as f64 * cut) as usize;
            while !m.is_char_boundary(at) {
                at -= 1;
            }
            m[..at].to_string()
        }),
        1 => Just("[]".to_string()),
        1 => Just(String::new()),
        1 => "[ -~]{0,40}",
        1 => Just(r#"{"jsonrpc":"2.0","id":3,"result":null}"#.to_string()),
    ]
}

fn junk() -> impl Strategy<Value = Junk> {
    let delta = prop_oneof![
        6 => Just(0i64),
        3 => -20i64..20,
        1 => Just(1 << 40),
    ];
    let fragment = prop_oneof![
        Just(b"Content-Length: ".to_vec()),
        Just(b"Content-Length: 12\r\n".to_vec()),
        Just(b"Content-Length: 9999999999999999999999\r\n\r\n".to_vec()),
        Just(b"Content-Length: -4\r\n\r\n".to_vec()),
        Just(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r\n\r\n".to_vec()),
        Just(b"{\"jsonrpc\":\"2.0\",".to_vec()),
        prop::collection::vec(any::<u8>(), 0..64),
    ];
    prop_oneof![
        3 => (body(), delta).prop_map(|(body, delta)| Junk::Frame { body, delta }),
        1 => prop::collection::vec(fragment, 1..4).prop_map(|f| Junk::Raw(f.concat())),
    ]
}

fn bytes_of(junk: &Junk) -> Vec<u8> {
    match junk {
        Junk::Frame { body, delta } => {
            let length = (body.len() as i64).saturating_add(*delta).max(0);
            let mut out = format!("Content-Length: {length}\r\n\r\n").into_bytes();
            out.extend_from_slice(body.as_bytes());
            out
        }
        Junk::Raw(bytes) => bytes.clone(),
    }
}

/// One case: a fresh server, the junk, then a hover that must be answered.
fn survives(junks: &[Junk]) -> Result<(), TestCaseError> {
    let mut lsp = Lsp::start();
    initialize(&mut lsp, &["utf-16"], None);
    open(&mut lsp, URI, "plaintext", 1, TEXT);
    let mut input: Vec<u8> = junks.iter().flat_map(bytes_of).collect();
    let probe = json!({"jsonrpc": "2.0", "id": 777_777, "method": "textDocument/hover",
                       "params": {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 4}}});
    let probe = serde_json::to_vec(&probe).expect("json");
    input.extend(format!("Content-Length: {}\r\n\r\n", probe.len()).into_bytes());
    input.extend(probe);
    lsp.write_bytes(&input);
    let answer = lsp.wait_for_within(
        |m| m["id"] == 777_777 && m.get("method").is_none(),
        Duration::from_secs(10),
    );
    prop_assert!(answer.is_some(), "the server went deaf or died");
    let answer = answer.unwrap_or(Value::Null);
    prop_assert!(answer.get("error").is_none(), "{answer}");
    prop_assert!(lsp.wait_exit(Duration::ZERO).is_none(), "the server exited");
    // And it still shuts down cleanly.
    let r = lsp.request("shutdown", Value::Null);
    prop_assert!(r.get("error").is_none(), "{r}");
    lsp.notify("exit", Value::Null);
    let status = lsp.wait_exit(Duration::from_secs(10));
    prop_assert!(status.is_some_and(|s| s.success()), "{status:?}");
    Ok(())
}

#[test]
fn garbage_never_leaves_the_server_dead_or_deaf() {
    let config = Config {
        cases: 40,
        max_shrink_iters: 50,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let result = runner.run(&prop::collection::vec(junk(), 1..6), |junks| {
        survives(&junks)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
