// Minimal VS Code client for tl-lsp: starts the server on stdio for Python files and forwards the
// `tl-lsp` configuration section (pulled by the server through workspace/configuration).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("tl-lsp");
  const command = config.get("path") || "tl-lsp";
  const serverOptions = { run: { command }, debug: { command, args: ["--log", "/tmp/tl-lsp.log"] } };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "python" }, { scheme: "untitled", language: "python" }],
    synchronize: { configurationSection: "tl-lsp" },
    // The server pushes diagnostics; skip the pull model (document and workspace) so that each
    // diagnostic shows once and the workspace pull does not re-poll.
    middleware: { provideDiagnostics: () => undefined, provideWorkspaceDiagnostics: () => undefined },
  };
  client = new LanguageClient("tl-lsp", "TileLang (tl-lsp)", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
