// Fragment partition (TL409): a fragment that only copies (and fills) and element-wise `T.Parallel` loops over its
// whole shape lay out is partitioned over the block's threads; layout inference finds no plan when it has more
// elements than threads but not a multiple of them (checked with 0.1.15 for copies, loops and both).

import TileLangSyntax

enum FragmentPartition {
  /// Emits TL409 on a fragment whose every reference is the buffer of a `T.fill` / `T.clear`: no copy, gemm,
  /// reduction, `T.Parallel` access or layout annotation gives it a layout, and layout inference stops with "The
  /// layout for fragment ... can not be inferred correctly", whatever its size, on every target (checked with 0.1.15
  /// on sm_80, sm_90 and sm_100).
  static func onlyFilled(_ run: KernelRun) -> [Diagnostic] {
    guard !run.budgetExhausted else { return [] }
    var fillNames = Set<TextRange>()
    var firstFill: [Int: TextRange] = [:]
    for t in run.tileOpCalls where t.op == "fill" || t.op == "clear" {
      guard let b = t.operands.first?.buffer, let e = t.operandExprs.first ?? nil else { continue }
      switch e.kind {
      case .name: fillNames.insert(e.range)
      case .subscript(let base, _): if case .name = base.kind { fillNames.insert(base.range) }
      default: continue
      }
      if firstFill[b.id] == nil { firstFill[b.id] = t.call.range }
    }
    var out: [Diagnostic] = []
    for b in run.buffers where b.scope.isFragment {
      guard let refs = run.fragmentReferences[b.id], !refs.isEmpty, refs.isSubset(of: fillNames),
        let fill = firstFill[b.id], !run.layoutProviders.contains(b.id), !run.callLaidOut.contains(b.id),
        !run.gemmOperands.contains(b.id), !run.annotatedLayouts.contains(b.id),
        !run.events.contains(where: { $0.operands.contains { $0.buffer?.id == b.id } }),
        !run.parallelLoops.contains(where: { $0.accesses.contains { $0.buffer.id == b.id } })
      else { continue }
      out.append(
        Diagnostic(
          .TL409,
          "fragment \(b.name) is only filled or cleared and never used otherwise: nothing gives it a layout, and layout inference fails (\"The layout for fragment \(b.name) can not be inferred correctly\"); remove it, or use it",
          at: b.nameRange, related: [RelatedNote(message: "\(b.name) is filled here", range: fill)]))
    }
    return out
  }

  /// Emits TL409 on the first copy (or, without copies, the first `T.Parallel` access) that touches such a fragment.
  /// `free`: fragments of free-level components (FreeFragmentLayouts.plainFragments): whole copies, element-wise
  /// loops and the row reductions that read them lay them out, and each copy or loop plan partitions them the same way
  /// (sweep I: softmax and rms-norm forms at 1–6 rows of 100–640 columns over 128 and 256 threads).
  static func check(_ run: KernelRun, source: SourceText, free: Set<Int> = []) -> [Diagnostic] {
    guard let threads = run.threads?.constant, threads > 0, !run.narrowedThreads else { return [] }
    var out: [Diagnostic] = []
    var seen = Set<Int>()
    func judge(_ b: Buffer, at range: TextRange) {
      guard b.scope.isFragment, seen.insert(b.id).inserted, !run.gemmOperands.contains(b.id),
        let shape = b.concreteShape, let n = SafeArithmetic.product(shape), n > threads, n % threads != 0
      else { return }
      // Reductions that read the fragment take its layout from the copy (sweep G: 32 × 128 float32 over 160 threads
      // fails on every target with a row reduction reading it).
      let readByReductions =
        run.layoutProviders.contains(b.id) && ReduceRowThreads.isFree(b, run, loops: [])
      let component = free.contains(b.id) && !readByReductions
      guard !run.callLaidOut.contains(b.id) || readByReductions || component,
        !run.layoutProviders.contains(b.id) || readByReductions || component || elementwiseOverWhole(b, shape, run)
      else { return }
      let by =
        !run.layoutProviders.contains(b.id)
        ? "only copies"
        : readByReductions
          ? "only copies (and the reductions that read it)"
          : component && run.callLaidOut.contains(b.id)
            ? "only copies, element-wise T.Parallel loops (and the reductions that read it)"
            : run.events.contains(where: { $0.operands.contains { $0.buffer?.id == b.id } })
              ? "only copies and element-wise T.Parallel loops"
              : "only element-wise T.Parallel loops"
      out.append(
        Diagnostic(
          .TL409,
          "fragment \(b.name) \(b.shapeText) holds \(n) elements, more than the \(threads) threads but not a multiple of them, and \(by) lay it out: layout inference fails (\"no available layout found\"); use a multiple of \(threads) elements (or at most \(threads))",
          at: range, related: [RelatedNote(message: "\(b.name) is allocated here", range: b.declarationRange)]))
    }
    for e in run.events where !e.op.containsUTF8("im2col") {
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
