//! The guard: messages vetted, header lines found only where no JSON body
//! can hold them, wrong lengths and garbage costing one message at most.

use serde_json::{json, Value};

use super::headers::find_header;
use super::vet::{vet, Message, Verdict};
use super::*;

#[test]
fn good_messages_pass_and_bad_ones_become_errors_or_vanish() {
    let ok = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
    assert_eq!(
        vet(ok),
        Verdict::Forward {
            exit: false,
            shutdown: true
        }
    );
    // `exit` ends the session even sent as a request, as the framework
    // treats it.
    assert_eq!(
        vet(br#"{"jsonrpc":"2.0","id":4,"method":"exit"}"#),
        Verdict::Forward {
            exit: true,
            shutdown: false
        }
    );
    let answer = |body: &[u8]| -> Value {
        match vet(body) {
            Verdict::Answer(r) => serde_json::from_slice(&r).expect("json"),
            v => panic!("not answered: {v:?}"),
        }
    };
    let replaced = answer(br#"{"id":7,"method":"textDocument/hover","params":{}}"#);
    assert_eq!(replaced["method"], MALFORMED);
    assert_eq!(replaced["id"], 7);
    for id in ["1.5", "1e3", "9223372036854775808", "true", "[1]", "{}"] {
        let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"shutdown"}}"#);
        let replaced = answer(body.as_bytes());
        assert_eq!(replaced["id"], Value::Null, "{id}");
        assert!(
            serde_json::from_slice::<Message>(&serde_json::to_vec(&replaced).expect("json"))
                .is_ok()
        );
    }
    assert_eq!(
        answer(br#"{"jsonrpc":"2.0","id":"x","method":5}"#)["id"],
        "x"
    );
    assert!(matches!(
        vet(br#"{"jsonrpc": "2.0", "id": 99, "method": "#),
        Verdict::Invalid(_)
    ));
    assert!(matches!(vet(b"\xff\xfe garbage"), Verdict::Invalid(_)));
    assert!(matches!(
        vet(br#"{"jsonrpc":"2.0","id":1.5,"result":null}"#),
        Verdict::Invalid(_)
    ));
}

#[test]
fn a_header_line_is_found_only_where_no_json_body_can_hold_it() {
    assert_eq!(find_header(b"xx}Content-Length: 12\r\n\r\n{}"), Some(3));
    assert_eq!(find_header(b"content-length:7\n"), Some(0));
    assert_eq!(find_header(br#"{"text":"Content-Length: 12"}"#), None);
    assert_eq!(find_header(b"Content-Length: 12"), None, "no line end yet");
    assert_eq!(find_header(b"Content-Length: x\r\n"), None);
}

/// Runs the guard over `input` and returns the bodies it passed on.
fn through(input: &[u8]) -> (Vec<Value>, Ended) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let (mut out_w, out_r) = tokio::io::duplex(1 << 20);
        let ended = guard(input, &mut out_w).await.expect("guard");
        drop(out_w);
        let mut forwarded = Input::new(out_r);
        let mut bodies = Vec::new();
        while let Some(Length::Known(n)) = forwarded.headers().await.expect("headers") {
            let body = forwarded.body(n).await.expect("body").expect("whole");
            bodies.push(serde_json::from_slice(&body.bytes).expect("forwarded json"));
        }
        (bodies, ended)
    })
}

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

#[test]
fn wrong_lengths_and_garbage_cost_one_message_at_most() {
    let a = r#"{"jsonrpc":"2.0","id":1,"method":"a"}"#;
    let b = r#"{"jsonrpc":"2.0","id":2,"method":"b"}"#;
    let c = r#"{"jsonrpc":"2.0","method":"exit"}"#;
    let ids = |bodies: &[Value]| bodies.iter().map(|v| v["id"].clone()).collect::<Vec<_>>();
    // Too long: it runs into the next frame's header.
    let input = format!(
        "Content-Length: {}\r\n\r\n{a}{}{}",
        a.len() + 30,
        frame(b),
        frame(c)
    );
    let (bodies, ended) = through(input.as_bytes());
    assert_eq!(ids(&bodies), vec![json!(1), json!(2), Value::Null]);
    assert!(ended.exit);
    // Too short: the message is taken to the next header.
    let input = format!("Content-Length: 10\r\n\r\n{a}{}", frame(b));
    let (bodies, ended) = through(input.as_bytes());
    assert_eq!(ids(&bodies), vec![json!(1), json!(2)]);
    assert!(!ended.exit);
    // Garbage, an overlong header line, a missing and an invalid length.
    let input = format!(
        "garbage\r\n{}\r\nX-Junk: {}{}Content-Length: nine\r\n\r\n{a}{}",
        "y".repeat(10 * MAX_HEADER_LINE),
        "z".repeat(3 * MAX_HEADER_LINE),
        frame(b),
        frame(c)
    );
    let (bodies, _) = through(input.as_bytes());
    assert_eq!(ids(&bodies), vec![json!(2), json!(1), Value::Null]);
    // A refused giant: skipped to the next header, not buffered.
    let input = format!("Content-Length: 10000000000\r\n\r\n{a}{}", frame(b));
    let (bodies, _) = through(input.as_bytes());
    assert_eq!(ids(&bodies), vec![json!(2)]);
}
