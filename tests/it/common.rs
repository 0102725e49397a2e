//! A small JSON-RPC client that drives `copydesk lsp` over stdio, as an editor does.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Lsp {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for something else.
    pub backlog: Vec<Value>,
    /// The answer to `workspace/configuration`.
    pub settings_value: Value,
    /// Whether requests from the server are answered (as an editor does)
    /// while waiting; when not, they are kept in the backlog.
    pub answer_requests: bool,
    /// The diagnostics last pushed for each document, with their version:
    /// what an editor shows.
    pub pushed: std::collections::HashMap<String, (Option<i64>, Vec<Value>)>,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Lsp {
    /// Starts `copydesk lsp`.
    pub fn start() -> Self {
        Self::start_with(&["lsp"])
    }

    /// Starts the binary with these arguments.
    pub fn start_with(args: &[&str]) -> Self {
        // COPYDESK_TEST_BIN runs the suite against another build (say, the
        // last release, to see a test fail before a fix).
        let bin = std::env::var_os("COPYDESK_TEST_BIN")
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_copydesk").into());
        let mut child = Command::new(bin)
            .args(args)
            .env("COPYDESK_LOG", "debug")
            // The rule pages diagnostics link to go here, not to the
            // user's cache folder.
            .env(
                "COPYDESK_DOCS_DIR",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/rule-pages"),
            )
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(if std::env::var_os("COPYDESK_TEST_STDERR").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .expect("start copydesk lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            stdin: Some(stdin),
            rx,
            next_id: 1,
            backlog: Vec::new(),
            settings_value: json!({}),
            answer_requests: true,
            pushed: Default::default(),
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A field of the server's `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM`).
    pub fn status_kib(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
    }

    /// Closes the server's input, as an editor that quits does.
    pub fn close_input(&mut self) {
        self.stdin = None;
    }

    /// Waits up to `within` for the server to exit.
    pub fn wait_exit(&mut self, within: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if start.elapsed() > within {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends a request without waiting for its answer; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Like [`Lsp::wait_for`] but gives up after `within`, returning `None`.
    pub fn wait_for_within(
        &mut self,
        pred: impl Fn(&Value) -> bool,
        within: Duration,
    ) -> Option<Value> {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return Some(self.backlog.remove(i));
        }
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self.rx.recv_timeout(left).ok()?;
            self.record(&m);
            if self.answer_requests && m.get("method").is_some() && m.get("id").is_some() {
                self.answer(&m);
                continue;
            }
            if pred(&m) {
                return Some(m);
            }
            self.backlog.push(m);
        }
    }

    pub fn send(&mut self, msg: &Value) {
        self.send_raw(&serde_json::to_vec(msg).expect("json"));
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.write_bytes(header.as_bytes());
        self.write_bytes(body);
    }

    /// Writes bytes as they are: no header added.
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("input open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response, answering server requests
    /// (`workspace/configuration` with `settings`) on the way.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// A request asked again, as an editor does, while the server answers
    /// that the document changed under it (`ContentModified`: a workspace
    /// scan finishing may re-analyse an open document at any moment).
    pub fn request_settled(&mut self, method: &str, params: Value) -> Value {
        const CONTENT_MODIFIED: i64 = -32801;
        let mut r = self.request(method, params.clone());
        for _ in 0..5 {
            if r["error"]["code"].as_i64() != Some(CONTENT_MODIFIED) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
            r = self.request(method, params.clone());
        }
        r
    }

    fn next_message(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(m) => {
                self.record(&m);
                m
            }
            Err(RecvTimeoutError::Timeout) => panic!(
                "timed out waiting for the server; backlog: {:#?}",
                self.backlog
            ),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("server closed its output; backlog: {:#?}", self.backlog)
            }
        }
    }

    /// Waits for a message matching `pred`, answering server-to-client requests.
    pub fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let m = self.next_message(deadline);
            if self.answer_requests && m.get("method").is_some() && m.get("id").is_some() {
                self.answer(&m);
                continue;
            }
            if pred(&m) {
                return m;
            }
            self.backlog.push(m);
        }
    }

    pub fn answer(&mut self, req: &Value) {
        let id = req["id"].clone();
        let result = match req["method"].as_str() {
            Some("workspace/configuration") => {
                let n = req["params"]["items"].as_array().map_or(1, Vec::len);
                Value::Array(vec![self.settings_value.clone(); n])
            }
            _ => Value::Null,
        };
        self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
    }

    /// Keeps pushed diagnostics as an editor does.
    fn record(&mut self, m: &Value) {
        if m["method"] == "textDocument/publishDiagnostics" {
            if let Some(uri) = m["params"]["uri"].as_str() {
                let diags = m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                self.pushed
                    .insert(uri.to_string(), (m["params"]["version"].as_i64(), diags));
            }
        }
    }

    /// The diagnostics the editor shows for `uri` once `version` (the
    /// newest sent) is analysed: those pushed last. The server pushes a
    /// version's diagnostics only when they differ from the last it pushed,
    /// and answers a pull only after that push, so once a pull is answered
    /// every push of the version is in; the pull must agree with it.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let pulled = loop {
            let r = self.request(
                "textDocument/diagnostic",
                json!({"textDocument": {"uri": uri}}),
            );
            // ContentModified: the text changed while it was worked on.
            if r["error"]["code"] != -32801 {
                break r;
            }
        };
        let Some((pushed_version, diags)) = self.pushed.get(uri).cloned() else {
            panic!("no diagnostics pushed for {uri}; pulled {pulled}");
        };
        assert!(
            pushed_version.is_some_and(|v| v <= version),
            "{uri}: pushed for version {pushed_version:?}, expected at most {version}"
        );
        assert_eq!(
            pulled["result"]["items"],
            Value::Array(diags.clone()),
            "{uri}: pushed and pulled diagnostics disagree at version {version}"
        );
        diags
    }

    pub fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "shutdown failed: {r}");
        self.notify("exit", Value::Null);
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "server exited with {status}");
                return;
            }
            assert!(start.elapsed() < TIMEOUT, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// The `initialize` + `initialized` handshake; returns the server capabilities.
pub fn initialize(lsp: &mut Lsp, encodings: &[&str], root: Option<&std::path::Path>) -> Value {
    let root_uri = root.map(|p| format!("file://{}", p.display()));
    handshake(
        lsp,
        json!({
            "processId": null,
            "rootUri": root_uri,
            "capabilities": {
                "general": {"positionEncodings": encodings},
                "workspace": {"configuration": true, "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}},
                "textDocument": {"publishDiagnostics": {"versionSupport": true}}
            }
        }),
    )
}

/// The `initialize` (with these params) + `initialized` handshake; returns
/// the server capabilities.
pub fn handshake(lsp: &mut Lsp, params: Value) -> Value {
    let r = lsp.request("initialize", params);
    lsp.notify("initialized", json!({}));
    r["result"]["capabilities"].clone()
}

pub fn open(lsp: &mut Lsp, uri: &str, language: &str, version: i64, text: &str) {
    lsp.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
    );
}

pub fn change(lsp: &mut Lsp, uri: &str, version: i64, changes: Value) {
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
    );
}

/// Applies LSP text edits (UTF-16 positions) to a text, as an editor would.
pub fn apply_lsp_edits(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap_or(0) as usize;
        let ch = pos["character"].as_u64().unwrap_or(0) as usize;
        let mut start = 0;
        for _ in 0..line {
            match text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return text.len(),
            }
        }
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch || c == '\n' || c == '\r' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

/// The text edits of a code action's workspace edit for `uri`.
pub fn action_edits(action: &Value, uri: &str) -> Vec<Value> {
    let edit = &action["edit"];
    if let Some(changes) = edit["documentChanges"].as_array() {
        return changes
            .iter()
            .filter(|c| c["textDocument"]["uri"] == uri)
            .flat_map(|c| c["edits"].as_array().cloned().unwrap_or_default())
            .collect();
    }
    edit["changes"][uri].as_array().cloned().unwrap_or_default()
}
