// copydesk for VS Code: a thin client that finds the `copydesk` binary,
// starts `copydesk lsp` on stdio and passes the `copydesk.*` settings.
// All analysis happens in the server.

import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  ServerOptions,
  vsdiag,
} from "vscode-languageclient/node";

const CLIENT_ID = "copydesk";
const QUOTES_SCHEME = "copydesk-quotes";
const LANGUAGES = ["plaintext", "markdown"];
const SCHEMES = ["file", "untitled"];
// Keys of the `copydesk` section that configure this client, not the server.
const CLIENT_ONLY_KEYS = ["server", "trace"];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let extensionPath: string;

/** Where the server binary was found, and how. */
interface ServerLocation {
  command: string;
  origin: "setting" | "bundled" | "PATH";
}

function isExecutableFile(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    if (process.platform === "win32") {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function exeName(): string {
  return process.platform === "win32" ? "copydesk.exe" : "copydesk";
}

function findOnPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d.length > 0);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

function expandHome(p: string): string {
  if (p === "~" || p.startsWith("~/")) {
    return path.join(process.env.HOME ?? "", p.slice(1));
  }
  return p;
}

/**
 * The `copydesk.server.path` setting, else the binary bundled in the
 * extension (server/copydesk), else `copydesk` on PATH.
 * Throws an Error whose message tells the user how to fix it.
 */
function findServer(): ServerLocation {
  const configured = vscode.workspace.getConfiguration("copydesk").get<string>("server.path", "").trim();
  if (configured.length > 0) {
    const resolved = expandHome(configured);
    if (isExecutableFile(resolved)) {
      return { command: resolved, origin: "setting" };
    }
    // A bare command name in the setting is looked up on PATH.
    if (!resolved.includes(path.sep)) {
      const onPath = findOnPath(resolved);
      if (onPath) {
        return { command: onPath, origin: "setting" };
      }
    }
    throw new Error(
      `copydesk: the server in the setting "copydesk.server.path" (${configured}) does not exist or is not executable. ` +
        "Fix the path, or clear the setting to use the bundled server or `copydesk` on your PATH.",
    );
  }
  const bundled = path.join(extensionPath, "server", exeName());
  if (fs.existsSync(bundled)) {
    // A .vsix does not always keep the executable bit.
    if (process.platform !== "win32" && !isExecutableFile(bundled)) {
      try {
        fs.chmodSync(bundled, 0o755);
      } catch (err) {
        output.appendLine(`cannot make ${bundled} executable: ${String(err)}`);
      }
    }
    if (isExecutableFile(bundled)) {
      return { command: bundled, origin: "bundled" };
    }
  }
  const onPath = findOnPath(exeName());
  if (onPath) {
    return { command: onPath, origin: "PATH" };
  }
  throw new Error(
    "copydesk: cannot find the copydesk language server. Install it (`cargo install --path .` in the copydesk repository " +
      'puts `copydesk` on your PATH) or set "copydesk.server.path" to the `copydesk` binary.',
  );
}

/** The `copydesk` settings object as the server should see it. */
function serverSettings(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return value;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of CLIENT_ONLY_KEYS) {
    delete copy[key];
  }
  return copy;
}

function createClient(server: ServerLocation): LanguageClient {
  // No `transport`: TransportKind.stdio would append `--stdio`, which
  // `copydesk lsp` does not take; without one the client talks over stdio.
  const serverOptions: ServerOptions = {
    command: server.command,
    args: ["lsp"],
  };
  const documentSelector = LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language })));
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: {
      // Sends workspace/didChangeConfiguration when a copydesk.* setting
      // changes; the server then pulls the section again.
      configurationSection: "copydesk",
    },
    middleware: {
      // copydesk pushes versioned diagnostics (re-published after a settings
      // change) and also answers pulls. VS Code keeps pushed and pulled
      // diagnostics in separate collections, so taking both would show every
      // finding twice, and pulled ones go stale when the settings change.
      // Use the pushed ones: answer pulls here without asking the server.
      provideDiagnostics: () => ({ kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] }),
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return result.map((value, i) =>
            params.items[i]?.section === "copydesk" ? serverSettings(value) : value,
          );
        },
      },
    },
  };
  return new LanguageClient(CLIENT_ID, "copydesk", serverOptions, clientOptions);
}

async function startClient(): Promise<void> {
  let server: ServerLocation;
  try {
    server = findServer();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.appendLine(message);
    const choice = await vscode.window.showErrorMessage(message, "Open Settings");
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.server.path");
    }
    return;
  }
  output.appendLine(`starting ${server.command} lsp (found via ${server.origin})`);
  const next = createClient(server);
  client = next;
  try {
    await next.start();
  } catch (err) {
    const message = `copydesk: the server ${server.command} failed to start: ${err instanceof Error ? err.message : String(err)}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch (err) {
      output.appendLine(`stopping the server: ${String(err)}`);
    }
  }
}

async function restartServer(): Promise<void> {
  await stopClient();
  await startClient();
  if (client) {
    void vscode.window.setStatusBarMessage("copydesk: server restarted", 3000);
  }
}

/** Read-only documents holding quote sheets, keyed by their copydesk-quotes: uri. */
class QuoteSheetProvider implements vscode.TextDocumentContentProvider {
  private readonly sheets = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.sheets.set(uri.toString(), markdown);
    this.emitter.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.sheets.get(uri.toString()) ?? "";
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function describeError(err: unknown): string {
  if (err instanceof ResponseError) {
    // -32601 MethodNotFound; servers answer an unknown command with an error too.
    if (err.code === -32601) {
      return "this copydesk server cannot make quote sheets (update copydesk)";
    }
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

async function showQuoteSheet(provider: QuoteSheetProvider): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId) || !SCHEMES.includes(editor.document.uri.scheme)) {
    void vscode.window.showWarningMessage("copydesk: open a plain-text or Markdown article to see its quote sheet.");
    return;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage('copydesk: the server is not running. Run "copydesk: Restart server".');
    return;
  }
  const document = editor.document;
  let result: unknown;
  try {
    result = await client.sendRequest(ExecuteCommandRequest.type, {
      command: "copydesk.quoteSheet",
      arguments: [client.code2ProtocolConverter.asUri(document.uri)],
    });
  } catch (err) {
    const message = `copydesk: no quote sheet for ${path.basename(document.uri.path)}: ${describeError(err)}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return;
  }
  if (typeof result !== "string") {
    void vscode.window.showErrorMessage("copydesk: the server sent no quote sheet for this document.");
    return;
  }
  const name = path.basename(document.uri.path) || "untitled";
  const sheetUri = vscode.Uri.from({
    scheme: QUOTES_SCHEME,
    path: `/Quotes - ${name}.md`,
    query: document.uri.toString(),
  });
  provider.set(sheetUri, result);
  const sheet = await vscode.workspace.openTextDocument(sheetUri);
  await vscode.languages.setTextDocumentLanguage(sheet, "markdown");
  await vscode.window.showTextDocument(sheet, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel("copydesk");
  const provider = new QuoteSheetProvider();
  context.subscriptions.push(
    output,
    provider,
    vscode.workspace.registerTextDocumentContentProvider(QUOTES_SCHEME, provider),
    vscode.commands.registerCommand("copydesk.restartServer", restartServer),
    vscode.commands.registerCommand("copydesk.showQuoteSheet", () => showQuoteSheet(provider)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("copydesk.server.path")) {
        void restartServer();
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
