// `textDocument/didChange`: applies full or incremental changes in order, then schedules diagnostics.

enum DidChange {
  static let method = "textDocument/didChange"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    let uri = try params.textDocumentURI()
    guard let rawChanges = params["contentChanges"]?.arrayValue else {
      throw ResponseError.invalidParams("didChange needs contentChanges")
    }
    let changes = try rawChanges.map(LSP.TextDocumentContentChangeEvent.init(json:))
    let version = params["textDocument"]?["version"]?.intValue ?? ((server.documents[uri]?.version ?? 0) + 1)
    let clamped = try server.documents.change(uri: uri, version: version, changes: changes, session: server.session)
    if clamped > 0 { server.logger.warning("didChange \(uri): clamped \(clamped) out-of-range change range(s)") }
    server.scheduleAnalysis(uri)
  }
}
