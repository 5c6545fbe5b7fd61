// TL422: a warp-specialised `T.Pipelined` loop inside a run-time `while` loop. Warp specialisation (sm_90 and later,
// a pipelined loop with TMA loads) rewrites the pipelined loop where it finds it among the kernel's `for` loops and
// `if`s, and 0.1.15's rewriter does not descend into `while` loops: the loop it planned is never replaced and the
// build fails ("ProducerConsumerWS: failed to replace pipeline loop"). Loops that are not warp-specialised
// (num_stages=0, no TMA load, tl.disable_warp_specialized, sm_80) build inside a `while`. Loops given `annotations=`
// (a hand-written warp-specialisation schedule, `T.WSID`) are left alone: unverified.

import TileLangSyntax

enum PipelineInWhile {
  /// TL422 at each warp-specialised pipelined loop nested in a run-time `while`.
  /// `specialized`: the loops warp specialisation takes over on `target` (RunChecks.warpSpecializedLoops).
  static func check(_ run: KernelRun, target: TargetArch, specialized: Set<TextRange>, source: SourceText)
    -> [Diagnostic]
  {
    guard !run.whileLoops.isEmpty else { return [] }
    var out: [Diagnostic] = []
    for loop in run.pipelinedLoops where specialized.contains(loop.range) && !loop.annotated {
      guard let w = run.enclosingWhile(loop.range) else { continue }
      let line = source.line(of: w.start) + 1
      out.append(
        Diagnostic(
          .TL422,
          "this T.Pipelined loop is warp-specialised on \(target.rawValue) (it loads with TMA), and it sits inside the while loop on line \(line): warp specialisation does not look inside while loops, so the compiler fails (\"ProducerConsumerWS: failed to replace pipeline loop\"); use a for loop (T.serial) for the outer loop, or pass tl.disable_warp_specialized",
          at: loop.call,
          related: [RelatedNote(message: "the while loop", range: TextRange(w.start, w.start + 5))]))
    }
    return out
  }
}
