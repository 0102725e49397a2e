//! The frame guard in front of tower-lsp-server's reader.
//!
//! tower-lsp-server's framed reader stops for good after one message it
//! cannot decode, and reads headers and bodies without limits. This guard
//! reads the client's bytes itself and passes on only messages the framework
//! will decode, each in a fresh frame:
//!
//! - A message that decodes is passed through untouched.
//! - A malformed request (not JSON-RPC, or an `id` that is neither an integer
//!   nor a string: `1.5`, `1e3`, `2^63`) becomes a [`MALFORMED`] request with
//!   the same id (or `null` when the id is not one the protocol allows),
//!   which [`super::reply`] answers with an `InvalidRequest` error. Anything
//!   else malformed is logged and dropped.
//! - Limits: a header line is at most [`MAX_HEADER_LINE`] bytes, a header
//!   block at most [`MAX_HEADER_LINES`] lines, a body at most [`MAX_BODY`]
//!   bytes. Past a limit the guard logs an error and skips to the next
//!   header, holding at most a few kilobytes of the refused bytes at a time.
//! - Resynchronisation: a frame starts at a `Content-Length: N` line, found
//!   anywhere in a line (garbage before it is skipped). That line, digits
//!   then a line break, can never occur inside a JSON body (a JSON string
//!   holds no raw line break), so a body that runs into the next header had
//!   a Content-Length that was too long and is cut there; a body that does
//!   not parse is taken on to the next header (its Content-Length was too
//!   short); a body the client stops sending part-way is taken as it is
//!   after [`STALL`] if what came is a whole JSON value. A wrong length
//!   costs at most that one message, never the session.
//! - The guard ends at `exit` (after passing it on) or at the end of input,
//!   and says which, so the server can stop even while a request it sent
//!   to the client is unanswered.

use std::io;
use std::sync::LazyLock;
use std::time::Duration;

use aho_corasick::AhoCorasick;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp_server::jsonrpc::{Id, Request, Response};

/// The method malformed requests are turned into.
pub const MALFORMED: &str = "copydesk/malformed";

/// The longest header line read whole (a `Content-Length` line is about 25
/// bytes). A longer line is skipped, all but its last few bytes.
pub const MAX_HEADER_LINE: usize = 4 * 1024;

/// The most lines one header block may have.
pub const MAX_HEADER_LINES: usize = 16;

/// The largest message body accepted: 128 MiB (documents over 64 MiB are
/// kept but not analysed, see `store::MAX_ANALYSED_BYTES`). A larger
/// message is refused: logged and skipped, never buffered.
pub const MAX_BODY: usize = 128 * 1024 * 1024;

/// How long the client may pause part-way through a body before what came is
/// looked at on its own (a whole JSON value is taken; anything else waits).
pub const STALL: Duration = Duration::from_millis(500);

/// Bytes read at a time.
const CHUNK: usize = 64 * 1024;

/// Bytes kept from a line or a body being skipped, so a header at its end is
/// still found; longer than any `Content-Length` line the scan accepts.
const TAIL: usize = 128;

/// How the guard ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ended {
    /// The client sent `exit` (otherwise its input ended).
    pub exit: bool,
    /// The client asked for `shutdown` first.
    pub shutdown: bool,
}

/// What tower-lsp-server decodes a body as (the same untagged enum, so a
/// body that passes here decodes there).
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // only decoded, to vet
enum Message {
    Response(Response),
    Request(Request),
}

/// What to do with one body.
#[derive(Debug, PartialEq)]
enum Verdict {
    /// Pass it on as it is.
    Forward { exit: bool, shutdown: bool },
    /// Pass on this replacement (a [`MALFORMED`] request) instead.
    Answer(Vec<u8>),
    /// Log why and drop it.
    Invalid(String),
}

fn vet(body: &[u8]) -> Verdict {
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

static CONTENT_LENGTH: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["content-length"])
        .ok()
});

/// After a `content-length` name: optional blanks, a colon, the rest of the
/// value; how far the colon's end is.
fn colon_after(rest: &[u8]) -> Option<usize> {
    let blanks = rest
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    (rest.get(blanks) == Some(&b':')).then_some(blanks + 1)
}

/// Where a whole `Content-Length: N` line (digits, then a line break) starts
/// in `bytes`, if one does.
fn find_header(bytes: &[u8]) -> Option<usize> {
    let ac = CONTENT_LENGTH.as_ref()?;
    ac.find_iter(bytes)
        .map(|m| (m.start(), m.end()))
        .find(|&(_, end)| {
            let rest = &bytes[end..];
            let Some(colon) = colon_after(rest) else {
                return false;
            };
            let value = &rest[colon..];
            let blanks = value
                .iter()
                .take_while(|b| **b == b' ' || **b == b'\t')
                .count();
            let digits = value[blanks..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let after = &value[blanks + digits..];
            let trailing = after
                .iter()
                .take_while(|b| **b == b' ' || **b == b'\t')
                .count();
            digits > 0
                && digits <= 20
                && matches!(&after[trailing..], [b'\n', ..] | [b'\r', b'\n', ..])
        })
        .map(|(start, _)| start)
}

/// The value of the last `Content-Length:` header in a line, and where its
/// name starts.
fn content_length_in(line: &[u8]) -> Option<(usize, &[u8])> {
    let ac = CONTENT_LENGTH.as_ref()?;
    ac.find_iter(line)
        .filter_map(|m| {
            let colon = colon_after(&line[m.end()..])?;
            Some((m.start(), &line[m.end() + colon..]))
        })
        .last()
}

/// Whether the bytes could be a whole JSON object or array (worth parsing).
fn ends_like_json(bytes: &[u8]) -> bool {
    matches!(
        bytes.iter().rev().find(|b| !b.is_ascii_whitespace()),
        Some(b'}' | b']')
    )
}

enum Fill {
    Data,
    Eof,
    Stalled,
}

/// What a header block said about the body after it.
enum Length {
    Known(usize),
    /// No usable Content-Length: the body runs to the next header.
    Unknown,
}

/// A body as read.
struct Body {
    bytes: Vec<u8>,
    /// It was cut short of its Content-Length (at the next header, or when
    /// the client stopped sending).
    cut: bool,
}

/// The client's bytes, read into a buffer the guard can look back in.
struct Input<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(reader: R) -> Self {
        Self {
            reader,
            buf: Vec::new(),
            pos: 0,
            eof: false,
        }
    }

    fn available(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Reads more; with `stall`, gives up after that long without a byte.
    async fn fill(&mut self, stall: Option<Duration>) -> io::Result<Fill> {
        if self.eof {
            return Ok(Fill::Eof);
        }
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        let read = self.reader.read(&mut self.buf[old..]);
        let read = match stall {
            Some(d) => match tokio::time::timeout(d, read).await {
                Ok(r) => r,
                Err(_) => {
                    self.buf.truncate(old);
                    return Ok(Fill::Stalled);
                }
            },
            None => read.await,
        };
        let n = match read {
            Ok(n) => n,
            Err(e) => {
                self.buf.truncate(old);
                return Err(e);
            }
        };
        self.buf.truncate(old + n);
        if n == 0 {
            self.eof = true;
            return Ok(Fill::Eof);
        }
        Ok(Fill::Data)
    }

    /// Takes `n` bytes off the front.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let out = self.buf[self.pos..self.pos + n].to_vec();
        self.pos += n;
        // Do not keep a big message's buffer for the rest of the session.
        if self.buf.capacity() > 1 << 20 && self.available() < CHUNK {
            self.buf.drain(..self.pos);
            self.pos = 0;
            self.buf.shrink_to(CHUNK * 2);
        }
        out
    }

    /// The next line without its line break; `None` at the end of input. A
    /// line longer than [`MAX_HEADER_LINE`] is skipped but for its last
    /// [`TAIL`] bytes (where a header that ends it would be).
    async fn line(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut searched = 0;
        let mut skipped = 0usize;
        loop {
            let from = self.pos + searched;
            if let Some(i) = self.buf[from..].iter().position(|b| *b == b'\n') {
                let line = self.take(searched + i);
                self.pos += 1; // the line break
                if skipped > 0 {
                    tracing::error!(
                        skipped,
                        "header line longer than {MAX_HEADER_LINE} bytes; skipped"
                    );
                }
                return Ok(Some(line));
            }
            searched = self.available();
            if searched > MAX_HEADER_LINE {
                let drop = searched - TAIL;
                self.pos += drop;
                skipped += drop;
                searched = TAIL;
            }
            if let Fill::Eof = self.fill(None).await? {
                if self.available() > 0 || skipped > 0 {
                    tracing::error!("input ended inside a header line");
                }
                return Ok(None);
            }
        }
    }

    /// Reads a header block; `None` at the end of input. Lines before a
    /// `Content-Length` (or `Content-Type`) line are garbage and skipped.
    async fn headers(&mut self) -> io::Result<Option<Length>> {
        let mut length: Option<Result<usize, String>> = None;
        let mut lines = 0;
        let mut garbage = 0usize;
        let end = loop {
            let Some(line) = self.line().await? else {
                break None;
            };
            let text = line.trim_ascii();
            if text.is_empty() {
                if lines > 0 {
                    break Some(());
                }
                continue;
            }
            if let Some((at, value)) = content_length_in(text) {
                if at > 0 {
                    garbage += at;
                }
                if lines > 0 && length.is_some() {
                    tracing::error!(
                        "a header block with no end; starting again at the next Content-Length"
                    );
                    lines = 0;
                }
                let value = String::from_utf8_lossy(value).trim().to_string();
                length = Some(value.parse::<usize>().map_err(|_| value));
                lines += 1;
            } else if lines > 0 || text.to_ascii_lowercase().starts_with(b"content-type:") {
                lines += 1;
            } else {
                garbage += line.len() + 1;
                continue;
            }
            if lines > MAX_HEADER_LINES {
                tracing::error!("more than {MAX_HEADER_LINES} header lines; skipped");
                lines = 0;
                length = None;
            }
        };
        if garbage > 0 {
            tracing::error!(
                bytes = garbage,
                "skipped input that was not a message header; resynchronised"
            );
        }
        if end.is_none() {
            return Ok(None);
        }
        Ok(Some(match length {
            Some(Ok(n)) => Length::Known(n),
            Some(Err(value)) => {
                tracing::error!(
                    "invalid Content-Length {value:?}; the body is read to the next header"
                );
                Length::Unknown
            }
            None => {
                tracing::error!(
                    "header without Content-Length; the body is read to the next header"
                );
                Length::Unknown
            }
        }))
    }

    /// A body of `n` bytes, cut at a header found inside it (the
    /// Content-Length was too long) or, when the client stops sending, at
    /// what came if that is a whole JSON value. `None` at the end of input.
    async fn body(&mut self, n: usize) -> io::Result<Option<Body>> {
        let mut scanned = 0;
        loop {
            let available = self.available();
            let limit = available.min(n.saturating_add(TAIL));
            if limit > scanned {
                let from = scanned.saturating_sub(TAIL);
                let start = self.pos;
                if let Some(p) = find_header(&self.buf[start + from..start + limit]) {
                    let p = from + p;
                    if p < n {
                        tracing::error!(
                            content_length = n,
                            "the next message starts {p} bytes into this one; Content-Length too long, resynchronised"
                        );
                        return Ok(Some(Body {
                            bytes: self.take(p),
                            cut: true,
                        }));
                    }
                }
                scanned = limit;
            }
            if available >= n {
                return Ok(Some(Body {
                    bytes: self.take(n),
                    cut: false,
                }));
            }
            match self.fill(Some(STALL)).await? {
                Fill::Data => {}
                Fill::Eof => {
                    tracing::error!(
                        content_length = n,
                        received = available,
                        "input ended inside a message"
                    );
                    return Ok(None);
                }
                Fill::Stalled => {
                    let partial = &self.buf[self.pos..];
                    if ends_like_json(partial)
                        && serde_json::from_slice::<IgnoredAny>(partial).is_ok()
                    {
                        tracing::error!(
                            content_length = n,
                            received = available,
                            "the client stopped part-way through a message that is whole; Content-Length too long, taken as it is"
                        );
                        return Ok(Some(Body {
                            bytes: self.take(available),
                            cut: true,
                        }));
                    }
                }
            }
        }
    }

    /// The bytes up to the next header, the client pausing for [`STALL`], or
    /// the end of input. At most `cap` are returned; past that they are
    /// skipped (`None`), holding only a few kilobytes at a time.
    async fn until_header(&mut self, cap: usize) -> io::Result<Option<Vec<u8>>> {
        let mut scanned = 0;
        let mut over = false;
        loop {
            let available = self.available();
            if available > scanned {
                let from = scanned.saturating_sub(TAIL);
                if let Some(p) = find_header(&self.buf[self.pos + from..]) {
                    let bytes = self.take(from + p);
                    return Ok((!over).then_some(bytes));
                }
                scanned = available;
            }
            if available > cap.max(TAIL) {
                // Keep only the tail, where a header may be starting.
                let drop = available - TAIL;
                self.pos += drop;
                scanned -= drop;
                over = true;
            }
            match self.fill(Some(STALL)).await? {
                Fill::Data => {}
                Fill::Eof | Fill::Stalled => {
                    let bytes = self.take(self.available());
                    return Ok((!over).then_some(bytes));
                }
            }
        }
    }
}

/// Writes one frame.
async fn send(output: &mut (impl AsyncWrite + Unpin), body: &[u8]) -> io::Result<()> {
    output
        .write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    output.write_all(body).await?;
    output.flush().await
}

/// Copies LSP frames from `input` to `output`, vetting each body (see the
/// module documentation), until `exit` or the end of input.
pub async fn guard(
    input: impl AsyncRead + Unpin,
    mut output: impl AsyncWrite + Unpin,
) -> io::Result<Ended> {
    let mut input = Input::new(input);
    let mut shutdown = false;
    let ended = |exit, shutdown| Ended { exit, shutdown };
    loop {
        let Some(length) = input.headers().await? else {
            break;
        };
        let body = match length {
            Length::Known(n) if n > MAX_BODY => {
                tracing::error!(
                    content_length = n,
                    "message refused: larger than the limit of {MAX_BODY} bytes; skipped to the next header"
                );
                input.until_header(0).await?;
                continue;
            }
            Length::Known(n) => match input.body(n).await? {
                Some(body) => body,
                None => break,
            },
            Length::Unknown => match input.until_header(MAX_BODY).await? {
                Some(bytes) => Body { bytes, cut: true },
                None => {
                    tracing::error!("message refused: larger than the limit of {MAX_BODY} bytes");
                    continue;
                }
            },
        };
        let mut bytes = body.bytes;
        let mut verdict = vet(&bytes);
        if let (Verdict::Invalid(_), false) = (&verdict, body.cut) {
            // Perhaps the Content-Length was too short and the message goes
            // on to the next header.
            let room = MAX_BODY - bytes.len();
            if let Some(more) = input.until_header(room).await? {
                if !more.trim_ascii().is_empty() {
                    let mut whole = std::mem::take(&mut bytes);
                    whole.extend_from_slice(&more);
                    let longer = vet(&whole);
                    if !matches!(longer, Verdict::Invalid(_)) {
                        tracing::error!(
                            "the message went on past its Content-Length; taken up to the next header"
                        );
                        verdict = longer;
                    }
                    bytes = whole;
                }
            }
        }
        match verdict {
            Verdict::Forward { exit, shutdown: s } => {
                send(&mut output, &bytes).await?;
                shutdown |= s;
                if exit {
                    return Ok(ended(true, shutdown));
                }
            }
            Verdict::Answer(replacement) => {
                tracing::error!("malformed request answered with an error");
                send(&mut output, &replacement).await?;
            }
            Verdict::Invalid(why) => tracing::error!("malformed message ignored: {why}"),
        }
    }
    tracing::info!("the client closed its input");
    output.shutdown().await?;
    Ok(ended(false, shutdown))
}

#[cfg(test)]
mod tests {
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
            assert!(serde_json::from_slice::<Message>(
                &serde_json::to_vec(&replaced).expect("json")
            )
            .is_ok());
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
}
