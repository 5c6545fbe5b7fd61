// `workspace/textDocumentContent` (LSP 3.18): the text of a virtual `tl-lsp-cuda:` document (lowered CUDA).

enum TextDocumentContent {
  static let method = "workspace/textDocumentContent"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let uri = try params.requiredString("uri")
    guard let text = context.lowered[uri] else {
      throw ResponseError.invalidParams("no lowered CUDA for \(uri); run tilelang.showLoweredCUDA first")
    }
    return ["text": .string(text)]
  }
}
