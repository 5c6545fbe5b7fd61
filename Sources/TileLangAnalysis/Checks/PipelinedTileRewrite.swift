// TL423: in a loop that goes through pipeline planning (num_stages >= 1, not warp-specialised: sm_80, or sm_90 and
// later without a TMA producer), a lone, unconditional global → shared `T.copy` / `T.im2col` of the body is a copy
// stage, and no later statement of the body may write the tile it loads: an in-place update (`tile[i, j] = tile[i, j]
// + 1`), a fill, a copy into it. Pipeline planning's last-use analysis (transform/pipeline_planning.cc,
// AnalyzeCopyLastUse) treats any write to the same buffer as overlapping, even a disjoint half, and fails ("Multiple
// writes to overlapping buffer regions detected"). A run-time `if` around the lone copy is still a copy stage. Checked with 0.1.15 on sm_80 and sm_90 (sweep L): num_stages 1 to 3,
// T.Parallel updates, fills, copies from a fragment, disjoint halves; writes to another buffer, a fragment tile, a
// copy from shared and num_stages=0 build, and so does every form on a warp-specialised loop.

import TileLangSyntax

enum PipelinedTileRewrite {
  /// TL423 at the first write of each later statement, on `target`. `specialized`: loops warp specialisation takes;
  /// `unpipelined`: loops that lose their pipelining.
  static func check(
    _ run: KernelRun, target: TargetArch, specialized: Set<TextRange>, unpipelined: Set<TextRange>,
    source: SourceText
  ) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for loop in run.distinctPipelinedLoops {
      guard (loop.stages ?? 0) >= 1, loop.explicitStages == nil, !loop.annotated, !specialized.contains(loop.range),
        !unpipelined.contains(loop.range)
      else { continue }
      var reported: Set<Int> = []
      for (i, load) in loop.statements.enumerated() {
        guard let tile = load.copiesInto ?? guardedLoad(load, run), !reported.contains(tile) else { continue }
        for later in loop.statements[(i + 1)...] {
          guard let at = later.writes[tile], mayOverlap(load, writtenAt: at, run) else { continue }
          reported.insert(tile)
          let name = run.buffer(tile)?.name ?? "the tile"
          let op = load.isIm2col ? "T.im2col" : "T.copy"
          out.append(
            Diagnostic(
              .TL423,
              "the \(op) on line \(source.line(of: load.range.start) + 1) loads \(name) from global memory as a pipelined stage of this T.Pipelined loop (num_stages=\(loop.stages ?? 1)), and this statement writes \(name) again: on \(target.rawValue) the loop is software-pipelined and pipeline planning fails (\"Multiple writes to overlapping buffer regions detected ... both writing to buffer '\(name)'\"); write the result into another buffer (a fragment or a second shared tile), or use num_stages=0",
              at: at,
              related: [RelatedNote(message: "the pipelined load", range: load.range)]))
          break
        }
      }
    }
    return out
  }

  /// Whether the write at `at` may touch the region the load fills. Pipeline planning can tell two copies' regions
  /// apart when their bounds differ by constants (`As[0:64, :]` then `As[64:128, :]` builds); an element store or a
  /// fill it takes as overlapping, even in the other half of the tile (its index depends on a loop variable).
  static func mayOverlap(_ load: PipelinedLoop.Statement, writtenAt at: TextRange, _ run: KernelRun) -> Bool {
    guard !load.events.isEmpty, let loaded = run.events[load.events.lowerBound].operands.dropFirst().first,
      let copy = run.events.first(where: { $0.call.range == at }), copy.operands.count >= 2
    else { return true }
    func intervals(_ o: Operand) -> [(SymExpr, SymExpr)?]? {
      switch o {
      case .region(_, let mins, let extents):
        return zip(mins, extents).map { m, e in m.flatMap { m in e.map { (m, m + $0) } } }
      case .point(_, let indices):
        return indices.map { i in i.map { ($0, $0 + SymExpr(constant: 1)) } }
      default: return nil
      }
    }
    guard let a = intervals(loaded), let b = intervals(copy.operands[1]), a.count == b.count else { return true }
    for case let ((aLow, aHigh)?, (bLow, bHigh)?) in zip(a, b) {
      if let gap = (bLow - aHigh).constant, gap >= 0 { return false }
      if let gap = (aLow - bHigh).constant, gap >= 0 { return false }
    }
    return true
  }

  /// A run-time `if` around one global → shared copy (`if ko % 2 == 0: T.copy(A[...], A_s)`): pipeline planning still
  /// sees a pure copy stage (checked with 0.1.15 on sm_80).
  static func guardedLoad(_ statement: PipelinedLoop.Statement, _ run: KernelRun) -> Int? {
    guard statement.guardedCalls == 1, statement.events.count == 1 else { return nil }
    let e = run.events[statement.events.lowerBound]
    guard ["copy", "im2col"].contains(e.op), e.operands.first?.buffer?.scope == .global,
      let dst = e.operands.dropFirst().first?.buffer, dst.scope.isShared
    else { return nil }
    return dst.id
  }
}
