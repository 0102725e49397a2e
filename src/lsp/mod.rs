//! The language server: tower-lsp-server adapter over the engine.

/// Runs the server on stdin/stdout until the client exits.
pub fn run_stdio() -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
