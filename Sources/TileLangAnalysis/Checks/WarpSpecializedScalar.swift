// Scalars the consumer computes but a producer loop uses (TL213). On sm_90 warp specialisation splits a pipelined
// loop into a producer warpgroup (the loads) and consumers (the rest). A `T.Parallel` loop that loads global memory
// into shared memory is a load, so it moves to the producer; a scalar the body binds from a buffer load
// (`s = Sb[k]`, a LetStmt) stays with the consumer, and the producer's use of it fails to compile.

import TileLangSyntax

enum WarpSpecializedScalar {
  /// Emits TL213 on the binding of each such scalar, once per loop.
  /// `specialized`: the loops warp specialisation takes over on `target` (RunChecks.warpSpecializedLoops).
  static func check(_ run: KernelRun, target: TargetArch, specialized: Set<TextRange>, source: SourceText)
    -> [Diagnostic]
  {
    var out: [Diagnostic] = []
    for loop in run.pipelinedLoops
    where !loop.loadedScalars.isEmpty && !loop.annotated && specialized.contains(loop.range) {
      for producer in loop.parallelLoops where producer.writesShared && producer.readsGlobal {
        for (name, range) in loop.loadedScalars.sorted(by: { $0.value.start < $1.value.start })
        where producer.names.contains(name) {
          let line = source.line(of: producer.range.start) + 1
          out.append(
            Diagnostic(
              .TL213,
              "\(name) is loaded in the body of a warp-specialised T.Pipelined loop, and the T.Parallel loop on line \(line) uses it while it loads global memory into shared memory: on \(target.rawValue) that loop moves to the producer warpgroup and \(name) stays with the consumers, so the compiler fails (\"variable \(name) has been used before definition\"); load the value inside that T.Parallel loop, or pass tl.disable_warp_specialized",
              at: range))
        }
      }
    }
    return out
  }
}
