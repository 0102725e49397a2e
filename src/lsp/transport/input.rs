//! The client's bytes, read into a buffer the guard can look back in:
//! header lines and blocks, bodies of a known length and bodies that run
//! to the next header, all within the limits, what is refused skipped as
//! it streams in.

use std::io;
use std::time::Duration;

use serde::de::IgnoredAny;
use tokio::io::{AsyncRead, AsyncReadExt};

use super::headers::{content_length_in, ends_like_json, find_header};
use super::limits::{MAX_HEADER_LINE, MAX_HEADER_LINES, STALL};

/// Bytes read at a time.
const CHUNK: usize = 64 * 1024;

/// Bytes kept from a line or a body being skipped, so a header at its end is
/// still found; longer than any `Content-Length` line the scan accepts.
const TAIL: usize = 128;

enum Fill {
    Data,
    Eof,
    Stalled,
}

/// What a header block said about the body after it.
pub(super) enum Length {
    Known(usize),
    /// No usable Content-Length: the body runs to the next header.
    Unknown,
}

/// A body as read.
pub(super) struct Body {
    pub(super) bytes: Vec<u8>,
    /// It was cut short of its Content-Length (at the next header, or when
    /// the client stopped sending).
    pub(super) cut: bool,
}

/// The client's bytes, read into a buffer the guard can look back in.
pub(super) struct Input<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl<R: AsyncRead + Unpin> Input<R> {
    pub(super) fn new(reader: R) -> Self {
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
    pub(super) async fn headers(&mut self) -> io::Result<Option<Length>> {
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
    pub(super) async fn body(&mut self, n: usize) -> io::Result<Option<Body>> {
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
    pub(super) async fn until_header(&mut self, cap: usize) -> io::Result<Option<Vec<u8>>> {
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
