// `textDocument/inlayHint`: lowering hints in the requested range (off when `tl-lsp.inlayHints` is false).

enum InlayHint {
  static let method = "textDocument/inlayHint"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let range = try context.range(params, in: document)
    guard context.settings.inlayHints else { return [] }
    try context.token.check()
    let hints = document.analysis.inlayHints(in: range)
    if hints.isEmpty {  // the analysis has no hint layer yet: show each planned lowering's label
      let lowerings = document.analysis.lowerings.filter { range.start <= $0.range.end && $0.range.end <= range.end }
      return .array(lowerings.map { $0.inlayHint(document.source, context.encoding).json })
    }
    return .array(hints.map { $0.lsp(document.source, context.encoding).json })
  }
}
