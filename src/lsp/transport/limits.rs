//! The guard's limits: header lines, header blocks, bodies, stalls.

use std::time::Duration;

/// The longest header line read whole (a `Content-Length` line is about 25
/// bytes). A longer line is skipped, all but its last few bytes.
pub const MAX_HEADER_LINE: usize = 4 * 1024;

/// The most lines one header block may have.
pub const MAX_HEADER_LINES: usize = 16;

/// The largest message body accepted: 128 MiB (documents over 64 MiB are
/// kept but not analysed, see `store::analysis::MAX_ANALYSED_BYTES`). A larger
/// message is refused: logged and skipped, never buffered.
pub const MAX_BODY: usize = 128 * 1024 * 1024;

/// How long the client may pause part-way through a body before what came is
/// looked at on its own (a whole JSON value is taken; anything else waits).
pub const STALL: Duration = Duration::from_millis(500);
