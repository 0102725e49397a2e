//! The language server: a tower-lsp-server adapter over the engine.
//!
//! - `store`: open documents, settings, latest analysis (one mutex; edits are
//!   applied synchronously at the top of `did_change`, so they land in order).
//! - `server`: the handlers; a publisher task per document coalesces
//!   analyses (newest version wins, stale results are never published).
//! - `convert`: byte ranges ↔ LSP positions in the negotiated encoding.
//! - `panic`: a panic in a handler becomes an error reply, not a crash.
//! - `transport`: malformed frames are answered or dropped, never fatal.

mod actions;
mod convert;
mod hover;
mod panic;
mod people;
mod quotes;
mod server;
mod store;
mod stylebook;
mod transport;

pub use panic::CatchPanic;
pub use server::Backend;

use tower_lsp_server::{LspService, Server};

/// Runs the server on stdin/stdout until the client exits.
pub fn run_stdio() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let (service, socket) = LspService::build(Backend::new)
            .custom_method(transport::MALFORMED, Backend::malformed)
            .finish();
        let (guarded, input) = tokio::io::duplex(1 << 16);
        let guard = tokio::spawn(async move {
            if let Err(e) = transport::guard(tokio::io::stdin(), guarded).await {
                tracing::error!("reading stdin: {e}");
            }
        });
        Server::new(input, tokio::io::stdout(), socket)
            .serve(CatchPanic(service))
            .await;
        guard.abort();
    });
    // The stdin reader is a blocking thread that may never return: don't wait for it.
    runtime.shutdown_background();
    Ok(())
}
