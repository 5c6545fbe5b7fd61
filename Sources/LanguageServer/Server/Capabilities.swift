// The capabilities advertised in `initialize`; each feature here has its row in Dispatch.swift
// (`tilelang/loweredCUDA` is announced as `experimental.loweredCUDAProvider`).

enum Capabilities {
  static func server(encoding: LSP.PositionEncoding) -> JSONValue {
    var capabilities: [String: JSONValue] = [
      "positionEncoding": .string(encoding.rawValue),
      "textDocumentSync": [
        "openClose": true, "change": 2, "save": ["includeText": false],
      ],
      "hoverProvider": true,
      "inlayHintProvider": ["resolveProvider": false],
      "codeActionProvider": ["codeActionKinds": ["quickfix"], "resolveProvider": false],
      "codeLensProvider": ["resolveProvider": false],
      "documentSymbolProvider": true,
      "definitionProvider": true,
      "completionProvider": ["triggerCharacters": ["."], "resolveProvider": false],
      "signatureHelpProvider": ["triggerCharacters": ["(", ","], "retriggerCharacters": [","]],
      "foldingRangeProvider": true,
      "diagnosticProvider": [
        "identifier": "tl-lsp", "interFileDependencies": false, "workspaceDiagnostics": true,
      ],
    ]
    capabilities["workspace"] = ["textDocumentContent": ["schemes": [.string(loweredCUDAScheme)]]]
    capabilities["experimental"] = ["loweredCUDAProvider": true]
    if !ExecuteCommand.commands.isEmpty {
      capabilities["executeCommandProvider"] = [
        "commands": .array(ExecuteCommand.commands.keys.sorted().map { .string($0) })
      ]
    }
    return .object(capabilities)
  }

  /// The request methods each capability promises; a tidy test checks this against the dispatch table.
  static let advertisedRequestMethods: Set<String> = [
    Hover.method, InlayHint.method, CodeAction.method, CodeLens.method, DocumentSymbol.method, Definition.method,
    Completion.method, SignatureHelp.method, FoldingRange.method, DocumentDiagnostic.method,
    WorkspaceDiagnostic.method, TextDocumentContent.method, LoweredCUDA.method,
  ]
}
