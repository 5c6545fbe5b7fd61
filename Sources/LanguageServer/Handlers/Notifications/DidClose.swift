// `textDocument/didClose`: forgets the document (and its last build) and clears its published diagnostics.

enum DidClose {
  static let method = "textDocument/didClose"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    let uri = try params.textDocumentURI()
    guard server.documents.close(uri: uri) else { return }
    server.builds[uri] = nil
    server.sendNotification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
  }
}
