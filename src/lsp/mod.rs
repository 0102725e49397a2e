//! The language server: a tower-lsp-server adapter over the engine.
//!
//! - `store`: open documents, settings, latest analysis (one mutex; edits are
//!   applied synchronously at the top of `did_change`, so they land in order).
//! - `server`: the handlers; a publisher task per document coalesces
//!   analyses (newest version wins, stale results are never published).
//! - `convert`: byte ranges ↔ LSP positions in the negotiated encoding.
//! - `panic`: a panic in a handler becomes an error reply, not a crash.

mod actions;
mod convert;
mod hover;
mod panic;
mod server;
mod store;

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
        let (service, socket) = LspService::new(Backend::new);
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(CatchPanic(service))
            .await;
    });
    Ok(())
}
