// `textDocument/diagnostic` (pull): the document's diagnostics, or "unchanged" for a current resultId.

enum DocumentDiagnostic {
  static let method = "textDocument/diagnostic"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let current = resultID(document, context)
    if params["previousResultId"]?.stringValue == current {
      return ["kind": "unchanged", "resultId": .string(current)]
    }
    try context.token.check()
    return ["kind": "full", "resultId": .string(current), "items": items(document, context)]
  }

  /// The analysis' diagnostics plus the TL5xx of the last build while the text is the compiled one.
  static func items(_ document: DocumentSnapshot, _ context: RequestContext) -> JSONValue {
    let diagnostics = document.analysis.diagnostics + (context.build(of: document)?.diagnostics ?? [])
    return .array(diagnostics.map { $0.lsp(document.source, uri: document.uri, context.encoding).json })
  }

  /// Changes with the text, the settings and each build.
  static func resultID(_ document: DocumentSnapshot, _ context: RequestContext) -> String {
    context.build(of: document).map { "\(document.resultID).b\($0.generation)" } ?? document.resultID
  }
}
