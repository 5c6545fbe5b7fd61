// `textDocument/foldingRange`: one fold per multi-line kernel and buffer symbol from the outline.

import TileLangAnalysis

enum FoldingRange {
  static let method = "textDocument/foldingRange"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    try context.token.check()
    var folds: [LSP.FoldingRange] = []
    var stack = document.analysis.symbols()
    while let symbol = stack.popLast() {
      let first = document.source.line(of: symbol.range.start)
      let last = document.source.line(of: symbol.range.end)
      if last > first { folds.append(LSP.FoldingRange(startLine: first, endLine: last)) }
      stack.append(contentsOf: symbol.children)
    }
    return .array(folds.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }.map(\.json))
  }
}
