// `textDocument/hover`: the analysis' hover (buffers, copy lowerings), else the `T.*` API table entry.

import TileLangAnalysis

enum Hover {
  static let method = "textDocument/hover"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let offset = try context.offset(params, in: document)
    try context.token.check()
    if let info = document.analysis.hover(at: offset) {
      return info.lsp(document.source, context.encoding).json
    }
    guard let (entry, range) = TileLangAPI.entry(at: offset, in: document.source) else { return .null }
    return LSP.Hover(
      contents: LSP.MarkupContent(value: entry.markdown), range: document.source.lspRange(range, context.encoding)
    ).json
  }
}
