// Shared state of the checks for one copy-like call: the kernel run, the event, the file, and emission.

import TileLangSyntax

struct CheckContext {
  let source: SourceText
  private let shared: SharedRun
  var run: KernelRun { _read { yield shared.run } }
  let event: CopyEvent
  var diagnostics: [Diagnostic] = []

  init(source: SourceText, run: SharedRun, event: CopyEvent) {
    self.source = source
    self.shared = run
    self.event = event
  }

  mutating func emit(_ d: Diagnostic) { diagnostics.append(d) }

  func text(_ r: TextRange) -> String { source.text(r) }

  /// Range of operand `i` (src/img = 0, dst/col = 1), falling back to the call.
  func operandRange(_ i: Int) -> TextRange {
    i < event.operandExprs.count ? event.operandExprs[i].range : event.call.range
  }

  /// Range of a keyword argument's value, or of the whole call when absent.
  func keywordRange(_ name: String) -> TextRange { event.keywords[name]?.argument.value.range ?? event.call.range }

  /// `A` or `A[0:64, 0:32]` as written.
  func operandText(_ i: Int) -> String { text(operandRange(i)) }

  /// Variables that stay symbolic at compile time: kernel loop/block indices and `T.dynamic` sizes.
  var dynamicVariables: Set<String> { run.dynamicVariables }

  /// Range of a key's value inside the `annotations` dict, when the dict sets it.
  func annotationValueRange(_ key: String) -> TextRange? {
    guard let arg = event.keywords["annotations"]?.argument, case .dict(let items) = arg.value.kind else { return nil }
    for item in items {
      if let k = item.key, case .string(let s, _) = k.kind, s == key { return item.value.range }
    }
    return nil
  }
}

extension KernelRun {
  var dynamicVariables: Set<String> {
    loopVariables.union(declaredDynamic).union(moduleDynamic).union(loadedVariables)
  }
  /// Names whose values are known only at run time: dynamic sizes and kernel indices (CopyContext.runtimeVariables).
  var runtimeVariables: Set<String> { dynamicVariables.union(indexExtents.keys) }
}

extension Array where Element == Argument {
  /// Deletes `arg` with the comma that separates it from its neighbour (the next one, or for the last argument the
  /// one before), so the call stays valid.
  func removal(of arg: Argument) -> TextEdit {
    guard let i = firstIndex(where: { $0.range == arg.range }) else { return TextEdit(range: arg.range, newText: "") }
    if i + 1 < count { return TextEdit(range: TextRange(arg.range.start, self[i + 1].range.start), newText: "") }
    if i > 0 { return TextEdit(range: TextRange(self[i - 1].range.end, arg.range.end), newText: "") }
    return TextEdit(range: arg.range, newText: "")
  }
}
