//! A service wrapper that turns a panic in any handler into an error reply
//! (for requests) or a log line (for notifications), so a bug never takes
//! the server down.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::FutureExt;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Request, Response};
use tower_lsp_server::ExitedError;

/// Wraps the LSP service; see the module documentation.
pub struct CatchPanic<S>(pub S);

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

impl<S> tower_service::Service<Request> for CatchPanic<S>
where
    S: tower_service::Service<Request, Response = Option<Response>, Error = ExitedError>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = Pin<Box<dyn Future<Output = Result<Option<Response>, ExitedError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let method = req.method().to_string();
        let id = req.id().cloned();
        let call = std::panic::catch_unwind(AssertUnwindSafe(|| self.0.call(req)));
        Box::pin(async move {
            let outcome = match call {
                Ok(fut) => AssertUnwindSafe(fut).catch_unwind().await,
                Err(payload) => Err(payload),
            };
            match outcome {
                Ok(result) => result,
                Err(payload) => {
                    let msg = panic_message(payload.as_ref());
                    tracing::error!(method, "handler panicked: {msg}");
                    Ok(id.map(|id| {
                        Response::from_error(
                            id,
                            Error {
                                code: ErrorCode::InternalError,
                                message: format!("copydesk: internal error in {method}: {msg}")
                                    .into(),
                                data: None,
                            },
                        )
                    }))
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::future::BoxFuture;
    use tower_lsp_server::jsonrpc::Id;
    use tower_service::Service;

    /// A service with a bug: it panics while building or while running the reply.
    struct Buggy;

    impl Service<Request> for Buggy {
        type Response = Option<Response>;
        type Error = ExitedError;
        type Future = BoxFuture<'static, Result<Option<Response>, ExitedError>>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), ExitedError>> {
            Poll::Ready(Ok(()))
        }

        fn call(&mut self, req: Request) -> Self::Future {
            match req.method() {
                "textDocument/hover" => panic!("index out of bounds"),
                "textDocument/codeAction" => Box::pin(async { panic!("slice end past length") }),
                _ => Box::pin(async { Ok(None) }),
            }
        }
    }

    #[test]
    fn a_panicking_handler_answers_with_an_internal_error() {
        let mut service = CatchPanic(Buggy);
        for method in ["textDocument/hover", "textDocument/codeAction"] {
            let req = Request::build(method).id(7).finish();
            let reply = futures::executor::block_on(service.call(req)).expect("service alive");
            let (id, body) = reply.expect("a reply to a request").into_parts();
            assert_eq!(id, Id::Number(7));
            let err = body.expect_err("an error reply");
            assert_eq!(err.code, ErrorCode::InternalError);
            assert!(err.message.contains(method), "{}", err.message);
        }
        // A notification that panics gets no reply, and the service still works.
        let note = Request::build("textDocument/hover").finish();
        assert_eq!(
            futures::executor::block_on(service.call(note)).ok(),
            Some(None)
        );
        let ok = Request::build("textDocument/didSave").finish();
        assert_eq!(
            futures::executor::block_on(service.call(ok)).ok(),
            Some(None)
        );
    }
}
