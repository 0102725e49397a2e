//! A service wrapper that answers every request the framework would leave
//! unanswered:
//!
//! - a malformed request the transport guard turned into
//!   [`transport::MALFORMED`] gets `InvalidRequest` with its id (or `null`),
//!   before `initialize` as after it;
//! - a request for an unknown `$/…` method gets `MethodNotFound`
//!   (tower-lsp-server drops it, since unknown `$/` *notifications* are to
//!   be ignored; a request would wait for ever).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Request, Response};
use tower_lsp_server::ExitedError;

use super::transport;

/// Wraps the LSP service; see the module documentation.
pub struct Replies<S>(pub S);

type Reply = Pin<Box<dyn Future<Output = Result<Option<Response>, ExitedError>> + Send>>;

impl<S> tower_service::Service<Request> for Replies<S>
where
    S: tower_service::Service<
        Request,
        Response = Option<Response>,
        Error = ExitedError,
        Future = Reply,
    >,
{
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = Reply;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        if req.method() == transport::MALFORMED {
            let (_, id, params) = req.into_parts();
            let why = params
                .as_ref()
                .and_then(|p| p.get("message"))
                .and_then(Value::as_str)
                .unwrap_or("malformed request")
                .to_string();
            let reply = id.map(|id| {
                Response::from_error(
                    id,
                    Error {
                        code: ErrorCode::InvalidRequest,
                        message: format!("copydesk: {why}").into(),
                        data: None,
                    },
                )
            });
            return Box::pin(async move { Ok(reply) });
        }
        let unknown_dollar = req
            .method()
            .starts_with("$/")
            .then(|| (req.method().to_string(), req.id().cloned()));
        let fut = self.0.call(req);
        Box::pin(async move {
            let reply = fut.await?;
            match (reply, unknown_dollar) {
                (None, Some((method, Some(id)))) => {
                    tracing::warn!(method, "request for an unknown method");
                    let mut error = Error::method_not_found();
                    error.data = Some(Value::String(method));
                    Ok(Some(Response::from_error(id, error)))
                }
                (reply, _) => Ok(reply),
            }
        })
    }
}
