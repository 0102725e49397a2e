//! The server's output: one queue of whole frames, written to stdout in
//! order by a thread of its own.
//!
//! The framework writes its messages (responses, and notifications and
//! requests sent through its `Client`) into [`Frames`], which cuts them into
//! frames (its codec writes `Content-Length: N\r\n\r\n` and N bytes) and
//! queues each whole one. The diagnostics publisher serialises its own
//! `textDocument/publishDiagnostics` frames (straight from the converted
//! diagnostics, without building a `serde_json::Value` of a thousand
//! diagnostics first) and queues them with [`Output::send`]. Frames from
//! both interleave only at frame boundaries, each source's in the order it
//! queued them.
//!
//! Queueing never waits: a client that stops reading holds up only the
//! writer thread, and the queue holds what the server produced meanwhile
//! (at most one set of diagnostics per analysed version).

use std::io::{self, Write};
use std::pin::Pin;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::AsyncWrite;

enum Item {
    Frame(Vec<u8>),
    /// Everything queued before this is written and flushed: answer.
    Flushed(tokio::sync::oneshot::Sender<()>),
}

/// Where the server's frames go: cheap to clone, never blocks.
#[derive(Clone)]
pub struct Output {
    tx: Sender<Item>,
}

impl Output {
    /// The queue, and its writer thread writing to `out`.
    pub fn spawn(out: impl Write + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new()
            .name("copydesk-output".into())
            .spawn(move || write_frames(rx, out));
        if let Err(e) = spawned {
            tracing::error!("no output thread: {e}");
        }
        Self { tx }
    }

    /// Queues a message body, framed.
    pub fn send(&self, body: &[u8]) {
        let mut frame = Vec::with_capacity(body.len() + 32);
        frame.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        frame.extend_from_slice(body);
        self.queue(frame);
    }

    fn queue(&self, frame: Vec<u8>) {
        if self.tx.send(Item::Frame(frame)).is_err() {
            tracing::debug!("output closed; a message was dropped");
        }
    }

    /// The framework's `stdout`.
    pub fn frames(&self) -> Frames {
        Frames {
            output: self.clone(),
            pending: Vec::new(),
        }
    }

    /// Waits (at most `bound`) until everything queued so far is written.
    pub async fn flushed(&self, bound: Duration) {
        let (tx, rx) = tokio::sync::oneshot::channel();
        if self.tx.send(Item::Flushed(tx)).is_ok() {
            let _ = tokio::time::timeout(bound, rx).await;
        }
    }
}

fn write_frames(rx: Receiver<Item>, mut out: impl Write) {
    let mut ok = true;
    while let Ok(mut item) = rx.recv() {
        // Everything queued meanwhile, then one flush.
        loop {
            match item {
                Item::Frame(frame) if ok => {
                    if let Err(e) = out.write_all(&frame) {
                        tracing::error!("writing to the client: {e}");
                        ok = false;
                    }
                }
                Item::Frame(_) => {}
                Item::Flushed(done) => {
                    let _ = out.flush();
                    let _ = done.send(());
                }
            }
            match rx.try_recv() {
                Ok(next) => item = next,
                Err(_) => break,
            }
        }
        if ok && out.flush().is_err() {
            ok = false;
        }
    }
}

/// The framework's `stdout`: takes everything written at once and queues
/// each whole frame.
pub struct Frames {
    output: Output,
    pending: Vec<u8>,
}

impl Frames {
    /// Queues the whole frames at the front of `pending`.
    fn cut(&mut self) {
        while let Some(len) = frame_len(&self.pending) {
            let frame = if len == self.pending.len() {
                std::mem::take(&mut self.pending)
            } else {
                let rest = self.pending.split_off(len);
                std::mem::replace(&mut self.pending, rest)
            };
            self.output.queue(frame);
        }
    }
}

/// The length of the whole frame at the front of `bytes` (header and
/// body), once all of it is there.
fn frame_len(bytes: &[u8]) -> Option<usize> {
    let head = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let body = std::str::from_utf8(&bytes[..head])
        .ok()?
        .split("\r\n")
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })?;
    let len = head + 4 + body;
    (bytes.len() >= len).then_some(len)
}

impl AsyncWrite for Frames {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.pending.extend_from_slice(data);
        self.cut();
        Poll::Ready(Ok(data.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().expect("sink").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn frames_written_in_pieces_interleave_only_whole() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async {
            use tokio::io::AsyncWriteExt;
            let sink = Sink::default();
            let output = Output::spawn(sink.clone());
            let mut frames = output.frames();
            let a = b"Content-Length: 7\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}";
            frames.write_all(&a[..10]).await.expect("write");
            // Half a header, then another source's frame: it goes first.
            output.send(b"[1]");
            frames.write_all(&a[10..25]).await.expect("write");
            frames.write_all(&a[25..]).await.expect("write");
            output.flushed(Duration::from_secs(5)).await;
            let written = sink.0.lock().expect("sink").clone();
            assert_eq!(
                String::from_utf8(written).expect("utf-8"),
                "Content-Length: 3\r\n\r\n[1]Content-Length: 7\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}"
            );
        });
    }
}
