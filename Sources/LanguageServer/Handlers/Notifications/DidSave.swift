// `textDocument/didSave`: nothing to do yet; `tl-lsp.compileOnSave` builds here once the bridge is wired.

enum DidSave {
  static let method = "textDocument/didSave"

  static func handle(_ server: Server, _ params: JSONValue) throws {
    let uri = try params.textDocumentURI()
    if server.session.settings.compileOnSave { server.logger.info("compileOnSave: no compiler bridge yet for \(uri)") }
  }
}
