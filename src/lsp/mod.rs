//! The language server: a tower-lsp-server adapter over the engine.
//!
//! - `store`: open documents, settings, latest analysis (one mutex; edits are
//!   applied synchronously at the top of `did_change`, so they land in order).
//!   An analysis is tied to the open and revision of the text it was made
//!   on, computed once per revision on a blocking thread.
//! - `server`: the handlers, whose work runs on blocking threads; a
//!   publisher task per document coalesces analyses (newest text wins,
//!   stale results are never published).
//! - `convert`: byte ranges ↔ LSP positions in the negotiated encoding.
//! - `panic`: a panic in a handler becomes an error reply, not a crash.
//! - `transport`: the guard in front of the framework's reader: bounded
//!   headers and bodies, resynchronisation after a wrong Content-Length,
//!   malformed requests answered, the end of input noticed.
//! - `reply`: answers what the framework leaves unanswered (malformed
//!   requests, unknown `$/` requests).
//! - `memory`: two malloc arenas, and freed memory given back to the
//!   system after a close.
//! - `output`: one queue of whole frames to stdout, fed by the framework
//!   and by the diagnostics publisher.
//! - `docs`: the rule pages diagnostics link to (`codeDescription`),
//!   written once per version under the user's cache folder.
//! - `diagnostics`: a document's diagnostics as the client has them,
//!   converted once and moved by edits, serialised without `Value`s.

mod actions;
mod convert;
mod diagnostics;
mod docs;
mod hover;
mod memory;
mod output;
mod panic;
mod people;
mod quotes;
mod reply;
mod server;
mod store;
mod stylebook;
mod transport;
mod workspace;

pub use panic::CatchPanic;
pub use server::Backend;
pub use transport::{MAX_BODY, MAX_HEADER_LINE, MAX_HEADER_LINES};

use std::process::ExitCode;
use std::time::Duration;

use tower_lsp_server::{LspService, Server};

/// How many messages the server works on at once. tower-lsp-server's
/// default is 4, and a fifth message (an edit, a request on a small
/// document) waits until one of them is done: four requests queued on a big
/// document would hold up everything. The work itself runs on blocking
/// threads; a handler waiting for it costs little.
const CONCURRENCY: usize = 64;

/// How long the server may go on answering after `exit` or the end of its
/// input (replies already made are written; nothing waits for the client).
const GRACE: Duration = Duration::from_millis(200);

/// Runs the server on stdin/stdout until the client sends `exit` or closes
/// its end. Exits 0 after `shutdown`, 1 otherwise (the LSP rule for `exit`).
pub fn run_stdio() -> anyhow::Result<ExitCode> {
    memory::limit_arenas();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let shutdown = runtime.block_on(async {
        let output = output::Output::spawn(std::io::stdout());
        let (service, socket) =
            LspService::build(|client| Backend::new(client, output.clone())).finish();
        let (guarded, input) = tokio::io::duplex(1 << 16);
        let mut guard = tokio::spawn(transport::guard(tokio::io::stdin(), guarded));
        let serve = Server::new(input, output.frames(), socket)
            .concurrency_level(CONCURRENCY)
            .serve(reply::Replies(CatchPanic(service)));
        tokio::pin!(serve);
        let shutdown = tokio::select! {
            () = &mut serve => {
                // The framework stopped on its own (after `exit`).
                match tokio::time::timeout(GRACE, &mut guard).await {
                    Ok(Ok(Ok(ended))) => ended.shutdown,
                    _ => {
                        tracing::error!("the server stopped without `exit`");
                        false
                    }
                }
            }
            ended = &mut guard => {
                let shutdown = match ended {
                    Ok(Ok(ended)) => {
                        if !ended.exit {
                            tracing::info!("the client closed the connection; exiting");
                        }
                        ended.shutdown
                    }
                    Ok(Err(e)) => {
                        tracing::error!("reading stdin: {e}; exiting");
                        false
                    }
                    Err(e) => {
                        tracing::error!("the input guard failed: {e}; exiting");
                        false
                    }
                };
                // Let the server write what it has; a handler still waiting
                // (on the client, say) is not waited for.
                if tokio::time::timeout(GRACE, &mut serve).await.is_err() {
                    tracing::info!("requests still running at exit were dropped");
                }
                shutdown
            }
        };
        output.flushed(GRACE).await;
        shutdown
    });
    // The stdin reader is a blocking thread that may never return: don't wait for it.
    runtime.shutdown_background();
    Ok(if shutdown {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
