// `textDocument/definition`: where the buffer, kernel or size name under the cursor is defined.

enum Definition {
  static let method = "textDocument/definition"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let offset = try context.offset(params, in: document)
    try context.token.check()
    guard let range = document.analysis.definition(at: offset) else { return .null }
    return LSP.Location(uri: document.uri, range: document.source.lspRange(range, context.encoding)).json
  }
}
