// Software-pipelined loops whose trip count is only known at run time (TL212). Without warp specialisation (sm_80, or
// sm_90 without a TMA producer) `T.Pipelined` is lowered by the compiler's software pipeliner
// (transform/pipeline_planning.cc, inject_pipeline.cc): the loop body splits into stages, and the epilogue drains the
// last ones, waiting on cp.async groups. When the trip count and the loop's end are not constants, the epilogue stays
// a loop and a wait count depends on its variable (`ptx_wait_group(3 - k * 2)`), which CUDA code generation rejects.

import TileLangSyntax

enum PipelineEpilogue {
  /// Emits TL212 on each `T.Pipelined` call whose epilogue would wait with a non-constant count on `target`.
  /// `specialized`: the loops warp specialisation takes over on `target` (RunChecks.warpSpecializedLoops).
  static func check(_ run: KernelRun, target: TargetArch, specialized: Set<TextRange>, source: SourceText)
    -> [Diagnostic]
  {
    var out: [Diagnostic] = []
    let dynamic = run.dynamicVariables
    for loop in run.pipelinedLoops {
      // `order=` and `stage=` together replace pipeline planning: the epilogue drains the largest stage given,
      // whatever `num_stages` says (`num_stages=3, order=[0, 1, 2], stage=[0, 0, 1]` compiles on sm_80 with a
      // run-time trip count; `stage=[0, 0, 2]` fails, with or without `num_stages`; `stage=` alone is ignored).
      let explicitDepth = loop.explicitStages?.max()
      // A producer is a copy call, or a T.Parallel loop that copies global elements into a shared tile (a copy stage
      // of its own, even in a body without any T.copy).
      guard let stages = explicitDepth ?? loop.stages, stages >= 2, !loop.annotated,
        loop.firstCopyEvent.map({ $0 < run.events.count }) ?? loop.statements.contains(where: { $0.copiesInto != nil })
      else { continue }
      guard let (start, end) = bounds(loop.extents) else { continue }
      let trip = end - start
      guard trip.constant == nil, end.constant == nil, !end.variables.isEmpty, end.variables.isSubset(of: dynamic),
        start.variables.isSubset(of: dynamic)
      else { continue }
      // Warp specialisation (a TMA producer) replaces the software pipeliner.
      if specialized.contains(loop.range) { continue }
      guard let depth = explicitDepth ?? epilogueStages(loop, stages: stages), depth >= 2 else { continue }
      let fix =
        explicitDepth != nil
        ? "use stage values of at most 1"
        : "use num_stages=\(stages == 2 ? 1 : 2)\(stages == 2 ? "" : " (or 1)")"
      out.append(
        Diagnostic(
          .TL212,
          "this T.Pipelined loop runs \(Interpreter.withoutLoadCounts(trip.description)) times, which is not known at compile time, and its pipeline drains \(depth) stages after the loop: on \(target.rawValue) the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails (\"Downcast from tirx.Sub to ir.IntImm failed\"); \(fix) or a trip count known at compile time",
          at: loop.call))
    }
    return out
  }

  /// `(start, end)` of `T.Pipelined(n)` or `T.Pipelined(start, end)`.
  static func bounds(_ extents: [SymExpr?]) -> (SymExpr, SymExpr)? {
    switch extents.count {
    case 1: return extents[0].map { (SymExpr(constant: 0), $0) }
    case 2: if let a = extents[0], let b = extents[1] { return (a, b) } else { return nil }
    default: return nil
    }
  }

  /// How many stages the epilogue drains: pipeline planning puts consumers at stage `num_stages` and the copies at
  /// stage 0, then, when every copy feeds the body's last consuming statement, moves them to the front and the
  /// consumers back to `num_stages - 1`. nil when the body has no copy stage.
  static func epilogueStages(_ loop: PipelinedLoop, stages: Int) -> Int? {
    let copies = loop.statements.indices.filter { loop.statements[$0].copiesInto != nil }
    guard !copies.isEmpty else { return nil }
    guard let lastOther = loop.statements.indices.last(where: { loop.statements[$0].copiesInto == nil }) else {
      return stages
    }
    let allAtEnd = copies.allSatisfy { i in
      let dst = loop.statements[i].copiesInto!
      let lastUse = loop.statements.indices.last { $0 != i && loop.statements[$0].reads.contains(dst) }
      return lastUse == lastOther
    }
    return allAtEnd ? stages - 1 : stages
  }
}
