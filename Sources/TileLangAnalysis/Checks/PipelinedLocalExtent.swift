// TL426: a warp-specialised `T.Pipelined` loop (sm_90 and later, TMA loads) whose trip count reads an element of a
// `T.alloc_local` buffer the kernel computes (`T.ceildiv(hi[0] - lo[0], 64)` after a min/max scan). Warp
// specialisation gives the producer branch its own copies of `local` buffers (`hi_producer_ws`), so the loop variable
// gets a second, different upper bound and 0.1.15's arithmetic analysis fails ("Trying to update var 'k' with a
// different maximum value"). The same scalars in `T.alloc_var`, or a trip count read straight from a global tensor,
// build; sm_80 has no warp specialisation (its epilogue has its own rule, TL212). Checked with 0.1.15 (sweep M): the
// fork's FP8 indexer kernel and probes with a plain copy body and with a gemm.

import TileLangSyntax

enum PipelinedLocalExtent {
  /// TL426 at the `T.Pipelined(...)` call of each such loop on `target`.
  static func check(_ run: KernelRun, target: TargetArch, specialized: Set<TextRange>) -> [Diagnostic] {
    guard !run.localElementSymbols.isEmpty else { return [] }
    var out: [Diagnostic] = []
    // Inside a run-time while loop warp specialisation fails earlier (TL422).
    for loop in run.distinctPipelinedLoops
    where specialized.contains(loop.range) && !loop.annotated && run.enclosingWhile(loop.range) == nil {
      let names = loop.extents.compactMap { $0?.variables }.reduce(Set<String>()) { $0.union($1) }
      guard let local = names.intersection(run.localElementSymbols).sorted().first else { continue }
      let shown = Interpreter.withoutLoadCounts(local)
      out.append(
        Diagnostic(
          .TL426,
          "this T.Pipelined loop is warp-specialised on \(target.rawValue) (it loads with TMA), and its trip count reads \(shown), an element of a T.alloc_local buffer: warp specialisation gives the producer its own copy of that buffer, the loop variable gets two different upper bounds, and the compiler fails (\"Trying to update var ... with a different maximum value\"); hold the value in a T.alloc_var, or pass tl.disable_warp_specialized",
          at: loop.call))
    }
    return out
  }
}
