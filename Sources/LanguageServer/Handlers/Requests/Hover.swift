// `textDocument/hover`: the analysis' hover (buffers, copy lowerings), else the `T.*` API table entry; on a copy,
// plus the exact CUDA of the document's last build when the text is still the compiled one.

import TileLangAnalysis

enum Hover {
  static let method = "textDocument/hover"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let offset = try context.offset(params, in: document)
    try context.token.check()
    let exact = context.build(of: document)?.exactSection(at: offset, analysis: document.analysis)
    if var info = document.analysis.hover(at: offset) {
      if let exact { info.markdown += "\n\n---\n\n" + exact }
      return info.lsp(document.source, context.encoding).json
    }
    guard let (entry, range) = TileLangAPI.entry(at: offset, in: document.source) else { return .null }
    let markdown = exact.map { entry.markdown + "\n\n---\n\n" + $0 } ?? entry.markdown
    return LSP.Hover(
      contents: LSP.MarkupContent(value: markdown), range: document.source.lspRange(range, context.encoding)
    ).json
  }
}
