// The dispatch table: each LSP method, its handler, and its execution class (mutating on the loop, or
// snapshot off the loop). Unknown methods get MethodNotFound; lifecycle gating happens in Server.

import TileLangSyntax

enum Route: Sendable {
  /// Runs on the main loop and may change server state (lifecycle, configuration).
  case mutating(@Sendable (Server, JSONValue) throws -> JSONValue)
  /// Runs off the loop on immutable snapshots; reads may run in parallel.
  case snapshot(@Sendable (JSONValue, RequestContext) throws -> JSONValue)
  /// Runs through the compiler worker: prepared on the loop, built off it, answered on the loop when done.
  case build(@Sendable (Server, JSONValue) throws -> BuildJob)
}

enum Dispatch {
  static let requests: [String: Route] = [
    Initialize.method: .mutating(Initialize.handle),
    Shutdown.method: .mutating(Shutdown.handle),
    ExecuteCommand.method: .build(ExecuteCommand.handle),
    TextDocumentContent.method: .snapshot(TextDocumentContent.handle),
    LoweredCUDA.method: .snapshot(LoweredCUDA.handle),
    Hover.method: .snapshot(Hover.handle),
    InlayHint.method: .snapshot(InlayHint.handle),
    CodeAction.method: .snapshot(CodeAction.handle),
    CodeLens.method: .snapshot(CodeLens.handle),
    DocumentSymbol.method: .snapshot(DocumentSymbol.handle),
    Definition.method: .snapshot(Definition.handle),
    Completion.method: .snapshot(Completion.handle),
    SignatureHelp.method: .snapshot(SignatureHelp.handle),
    FoldingRange.method: .snapshot(FoldingRange.handle),
    DocumentDiagnostic.method: .snapshot(DocumentDiagnostic.handle),
    WorkspaceDiagnostic.method: .snapshot(WorkspaceDiagnostic.handle),
  ]

  static let notifications: [String: @Sendable (Server, JSONValue) throws -> Void] = [
    Initialized.method: Initialized.handle,
    DidOpen.method: DidOpen.handle,
    DidChange.method: DidChange.handle,
    DidClose.method: DidClose.handle,
    DidSave.method: DidSave.handle,
    Cancel.method: Cancel.handle,
    SetTrace.method: SetTrace.handle,
    DidChangeConfiguration.method: DidChangeConfiguration.handle,
  ]
}

/// What a snapshot handler may read: copies of the session values and the open documents' snapshots.
struct RequestContext: Sendable {
  let encoding: LSP.PositionEncoding
  let settings: ServerSettings
  let documents: [String: DocumentSnapshot]
  let token: CancellationToken
  let logger: Logger
  /// The last build of each document, and the lowered CUDA by `tl-lsp-cuda:` URI.
  var builds: [String: DocumentBuild] = [:]
  var lowered: [String: String] = [:]

  /// The last build of `document`, when its text is still the compiled one.
  func build(of document: DocumentSnapshot) -> DocumentBuild? {
    guard let build = builds[document.uri], build.textHash == document.textHash else { return nil }
    return build
  }

  /// The snapshot of `params.textDocument.uri`; InvalidParams when the document is not open.
  func document(_ params: JSONValue) throws(ResponseError) -> DocumentSnapshot {
    let uri = try params.textDocumentURI()
    guard let snapshot = documents[uri] else { throw .invalidParams("document is not open: \(uri)") }
    return snapshot
  }

  /// The byte offset of `params.position`, clamped (and logged) when outside the document.
  func offset(_ params: JSONValue, in snapshot: DocumentSnapshot) throws(ResponseError) -> Int {
    let position = try params.position()
    let (offset, clamped) = snapshot.source.offset(of: position, encoding)
    if clamped {
      logger.info("clamped out-of-range position \(position.line):\(position.character) in \(snapshot.uri)")
    }
    return offset
  }

  func range(_ params: JSONValue, in snapshot: DocumentSnapshot) throws(ResponseError) -> TextRange {
    let range = try params.range()
    let (textRange, clamped) = snapshot.source.textRange(of: range, encoding)
    if clamped { logger.info("clamped out-of-range range in \(snapshot.uri)") }
    return textRange
  }
}
