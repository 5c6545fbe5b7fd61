// `textDocument/codeAction`: each fix of a diagnostic that matches the request's context diagnostics
// (same range and code), or that overlaps the requested range when the context names none; and, inside a kernel,
// building it with the real compiler or showing its lowered CUDA for each target (commands, no kind, so they are
// offered only when the request does not restrict the kinds).

import TileLangAnalysis
import TileLangSyntax

enum CodeAction {
  static let method = "textDocument/codeAction"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    let range = try context.range(params, in: document)
    let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
    if let only, !only.contains(where: { "quickfix".hasPrefix($0) }) { return [] }
    var actions: [JSONValue] = []
    if only == nil { actions += buildActions(document, range: range, targets: context.settings.analysis.targets) }
    let wanted = (params["context"]?["diagnostics"]?.arrayValue ?? []).compactMap(LSP.Diagnostic.matchKey)
    try context.token.check()
    let source = document.source
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

  /// Build and show-CUDA commands for the kernel whose body or builder `def` holds the start of `range`.
  static func buildActions(_ document: DocumentSnapshot, range: TextRange, targets: [TargetArch]) -> [JSONValue] {
    let analysis = document.analysis
    let line = document.source.line(of: range.start)
    guard
      let kernel = analysis.kernels.first(where: { k in
        guard k.builder != nil else { return false }
        let onBuilder = k.builderNameRange.map { document.source.line(of: $0.start) == line } ?? false
        return onBuilder || (k.range.start <= range.start && range.start <= k.range.end)
      }), let name = kernel.builder
    else { return [] }
    return targets.prefix(CodeLens.maxTargets).flatMap { target in
      BuildCommands.commands(uri: document.uri, kernel: name, target: target.rawValue, short: false).map {
        ["title": $0["title"] ?? "", "command": $0] as JSONValue
      }
    }
  }
}
