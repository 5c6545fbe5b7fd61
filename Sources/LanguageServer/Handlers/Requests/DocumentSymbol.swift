// `textDocument/documentSymbol`: kernels with their buffers, as a hierarchy.

enum DocumentSymbol {
  static let method = "textDocument/documentSymbol"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    try context.token.check()
    return .array(document.analysis.symbols().map { $0.lsp(document.source, context.encoding).json })
  }
}
