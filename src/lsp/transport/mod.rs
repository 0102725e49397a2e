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
//!   after [`STALL`](limits::STALL) if what came is a whole JSON value. A
//!   wrong length costs at most that one message, never the session.
//! - The guard ends at `exit` (after passing it on) or at the end of input,
//!   and says which, so the server can stop even while a request it sent
//!   to the client is unanswered.
//!
//! `limits` holds the limits, `input` reads header blocks and bodies within
//! them, `headers` finds where a frame starts, `vet` decides what becomes
//! of a body.

mod headers;
mod input;
mod limits;
mod vet;

#[cfg(test)]
mod tests;

use std::io;

use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};

use input::{Body, Input, Length};
pub use limits::{MAX_BODY, MAX_HEADER_LINE, MAX_HEADER_LINES};
pub use vet::MALFORMED;
use vet::{vet, Verdict};

/// How the guard ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ended {
    /// The client sent `exit` (otherwise its input ended).
    pub exit: bool,
    /// The client asked for `shutdown` first.
    pub shutdown: bool,
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
