// `textDocument/codeAction`: each fix of a diagnostic that matches the request's context diagnostics
// (same range and code), or that overlaps the requested range when the context names none.

import TileLangSyntax

enum CodeAction {
  static let method = "textDocument/codeAction"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let range = try context.range(params, in: document)
    let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
    if let only, !only.contains(where: { "quickfix".hasPrefix($0) }) { return [] }
    let wanted = (params["context"]?["diagnostics"]?.arrayValue ?? []).compactMap(LSP.Diagnostic.matchKey)
    try context.token.check()
    let source = document.source
    var actions: [JSONValue] = []
    for diagnostic in document.analysis.diagnostics where !diagnostic.fixes.isEmpty {
      let lspRange = source.lspRange(diagnostic.range, context.encoding)
      let matches =
        wanted.isEmpty
        ? diagnostic.range.touches(range.start) || range.contains(diagnostic.range.start)
          || diagnostic.range.contains(range)
        : wanted.contains { $0.range == lspRange && $0.code == diagnostic.code.rawValue }
      guard matches else { continue }
      for fix in diagnostic.fixes {
        let preferred = diagnostic.fixes.count == 1
        actions.append(
          fix.codeAction(for: diagnostic, source, uri: document.uri, context.encoding, preferred: preferred).json)
      }
    }
    return .array(actions)
  }
}
