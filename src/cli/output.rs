//! What a command writes: standard output that takes a closed pipe, error
//! lines, the exit status of an error.

use std::io::Write;

/// The exit status of a usage or input/output error.
pub(super) const USAGE_OR_IO: u8 = 2;

/// Prints an error line to stderr.
pub(super) fn report_error(message: impl std::fmt::Display) {
    eprintln!("copydesk: {message}");
}

/// Standard output that takes a closed pipe (`copydesk check | head -1`)
/// as the reader having seen enough: writing stops, the run goes on, and
/// the exit status is the one it would have had.
#[derive(Debug, Default)]
pub struct Stdout {
    closed: bool,
}

impl Stdout {
    /// Writes bytes; `Ok` when the reader has gone.
    pub fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        match out.write_all(bytes).and_then(|()| out.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                tracing::debug!("stdout closed by its reader");
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }

    pub fn print(&mut self, s: &str) -> std::io::Result<()> {
        self.write(s.as_bytes())
    }

    /// Whether the reader has gone.
    pub fn closed(&self) -> bool {
        self.closed
    }
}
