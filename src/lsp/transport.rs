//! A guard in front of tower-lsp-server's reader. Its framed reader stops for
//! good after one undecodable message, so a single malformed frame from a
//! client would end the session. This guard re-frames the input: messages
//! that decode are passed through untouched; a malformed one is logged, and
//! if it carried a request id it becomes a `copydesk/malformed` request,
//! which the server answers with an error for that id.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

/// The method malformed requests are turned into.
pub const MALFORMED: &str = "copydesk/malformed";

/// A message body larger than this is skipped.
const MAX_BODY: usize = 1 << 30;

/// What to forward for one body: the body itself, a replacement, or nothing.
fn vet(body: Vec<u8>) -> Option<Vec<u8>> {
    if serde_json::from_slice::<Request>(&body).is_ok()
        || serde_json::from_slice::<Response>(&body).is_ok()
    {
        return Some(body);
    }
    let (id, why) = match serde_json::from_slice::<Value>(&body) {
        Ok(v) => (
            v.get("id").cloned(),
            "not a JSON-RPC 2.0 request, notification or response".to_string(),
        ),
        Err(e) => (None, format!("invalid JSON: {e}")),
    };
    match id {
        Some(id @ (Value::Number(_) | Value::String(_))) => {
            tracing::error!("malformed message with id {id}: {why}; answering with an error");
            let replacement = json!({"jsonrpc": "2.0", "id": id, "method": MALFORMED, "params": {"message": why}});
            serde_json::to_vec(&replacement).ok()
        }
        _ => {
            tracing::error!("malformed message ignored: {why}");
            None
        }
    }
}

/// Copies LSP frames from `input` to `output`, vetting each body.
pub async fn guard(
    input: impl AsyncRead + Unpin,
    mut output: impl AsyncWrite + Unpin,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(input);
    loop {
        let mut length: Option<usize> = None;
        let mut in_headers = false;
        loop {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line).await? == 0 {
                return output.shutdown().await;
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim();
            if text.is_empty() {
                if in_headers {
                    break;
                }
                continue;
            }
            in_headers = true;
            if let Some((name, value)) = text.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().ok();
                }
            }
        }
        let Some(length) = length else {
            tracing::error!("message without a valid Content-Length header ignored");
            continue;
        };
        if length > MAX_BODY {
            tracing::error!(length, "message too large; skipped");
            tokio::io::copy(
                &mut (&mut reader).take(length as u64),
                &mut tokio::io::sink(),
            )
            .await?;
            continue;
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).await?;
        if let Some(body) = vet(body) {
            output
                .write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
                .await?;
            output.write_all(&body).await?;
            output.flush().await?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_messages_pass_and_bad_ones_become_errors_or_vanish() {
        let ok = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#.to_vec();
        assert_eq!(vet(ok.clone()), Some(ok));
        let no_version = br#"{"id":7,"method":"textDocument/hover","params":{}}"#.to_vec();
        let replaced: Value =
            serde_json::from_slice(&vet(no_version).expect("replacement")).expect("json");
        assert_eq!(replaced["method"], MALFORMED);
        assert_eq!(replaced["id"], 7);
        assert_eq!(
            vet(br#"{"jsonrpc": "2.0", "id": 99, "method": "#.to_vec()),
            None
        );
        assert_eq!(vet(b"\xff\xfe garbage".to_vec()), None);
    }
}
