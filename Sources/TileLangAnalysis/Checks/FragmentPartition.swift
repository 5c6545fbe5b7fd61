// Fragment partition (TL409): a fragment that only copies (and fills) and element-wise `T.Parallel` loops over its
// whole shape lay out is partitioned over the block's threads; layout inference finds no plan when it has more
// elements than threads but not a multiple of them (checked with 0.1.15 for copies, loops and both).

import TileLangSyntax

enum FragmentPartition {
  /// Emits TL409 on the first copy (or, without copies, the first `T.Parallel` access) that touches such a fragment.
  static func check(_ run: KernelRun, source: SourceText) -> [Diagnostic] {
    guard let threads = run.threads?.constant, threads > 0 else { return [] }
    var out: [Diagnostic] = []
    var seen = Set<Int>()
    func judge(_ b: Buffer, at range: TextRange) {
      guard b.scope.isFragment, seen.insert(b.id).inserted, !run.callLaidOut.contains(b.id),
        !run.gemmOperands.contains(b.id), let shape = b.concreteShape,
        let n = SafeArithmetic.product(shape), n > threads, n % threads != 0,
        !run.layoutProviders.contains(b.id) || elementwiseOverWhole(b, shape, run)
      else { return }
      let by =
        !run.layoutProviders.contains(b.id)
        ? "only copies"
        : run.events.contains(where: { $0.operands.contains { $0.buffer?.id == b.id } })
          ? "only copies and element-wise T.Parallel loops"
          : "only element-wise T.Parallel loops"
      out.append(
        Diagnostic(
          .TL409,
          "fragment \(b.name) \(b.shapeText) holds \(n) elements, more than the \(threads) threads but not a multiple of them, and \(by) lay it out: layout inference fails (\"no available layout found\"); use a multiple of \(threads) elements (or at most \(threads))",
          at: range, related: [RelatedNote(message: "\(b.name) is allocated here", range: b.declarationRange)]))
    }
    for e in run.events where !e.op.contains("im2col") {
      for (i, o) in e.operands.enumerated() {
        guard let b = o.buffer else { continue }
        judge(b, at: i < e.operandExprs.count ? e.operandExprs[i].range : e.call.range)
      }
    }
    for loop in run.parallelLoops {
      for access in loop.accesses { judge(access.buffer, at: access.range) }
    }
    return out
  }

  /// Every `T.Parallel` loop that touches `b` runs over exactly its shape and indexes it by the loop variables.
  static func elementwiseOverWhole(_ b: Buffer, _ shape: [Int], _ run: KernelRun) -> Bool {
    let loops = run.parallelLoops.filter { $0.accesses.contains { $0.buffer.id == b.id } }
    guard !loops.isEmpty else { return false }
    return loops.allSatisfy { loop in
      guard let vars = loop.variables, vars.count == shape.count,
        zip(vars, shape).allSatisfy({ $0.0.extent?.constant == $0.1 })
      else { return false }
      return loop.accesses.filter { $0.buffer.id == b.id }.allSatisfy { access in
        access.indices.count == vars.count
          && zip(access.indices, vars).allSatisfy { $0.0 == SymExpr(variable: $0.1.name) }
      }
    }
  }
}
