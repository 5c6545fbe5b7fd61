// Fragment partition (TL409): a fragment that only copies (and fills) lay out is partitioned over the block's
// threads; layout inference finds no plan when it has more elements than threads but not a multiple of them.

import TileLangSyntax

enum FragmentPartition {
  /// Emits TL409 on the first copy that touches such a fragment.
  static func check(_ run: KernelRun, source: SourceText) -> [Diagnostic] {
    guard let threads = run.threads?.constant, threads > 0 else { return [] }
    var out: [Diagnostic] = []
    var seen = Set<Int>()
    for e in run.events where !e.op.contains("im2col") {
      for (i, o) in e.operands.enumerated() {
        guard let b = o.buffer, b.scope.isFragment, !seen.contains(b.id), !run.layoutProviders.contains(b.id),
          !run.gemmOperands.contains(b.id), let shape = b.concreteShape
        else { continue }
        seen.insert(b.id)
        guard let n = SafeArithmetic.product(shape) else { continue }
        guard n > threads, n % threads != 0 else { continue }
        let range = i < e.operandExprs.count ? e.operandExprs[i].range : e.call.range
        out.append(
          Diagnostic(
            .TL409,
            "fragment \(b.name) \(b.shapeText) holds \(n) elements, more than the \(threads) threads but not a multiple of them, and only copies lay it out: layout inference fails (\"no available layout found\"); use a multiple of \(threads) elements (or at most \(threads))",
            at: range, related: [RelatedNote(message: "\(b.name) is allocated here", range: b.declarationRange)]))
      }
    }
    return out
  }
}
