// `textDocument/diagnostic` (pull): the document's diagnostics, or "unchanged" for a current resultId.

enum DocumentDiagnostic {
  static let method = "textDocument/diagnostic"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    if params["previousResultId"]?.stringValue == document.resultID {
      return ["kind": "unchanged", "resultId": .string(document.resultID)]
    }
    try context.token.check()
    return ["kind": "full", "resultId": .string(document.resultID), "items": items(document, context.encoding)]
  }

  static func items(_ document: DocumentSnapshot, _ encoding: LSP.PositionEncoding) -> JSONValue {
    .array(document.analysis.diagnostics.map { $0.lsp(document.source, uri: document.uri, encoding).json })
  }
}
