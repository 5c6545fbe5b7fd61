// Shared tiles that a software pipeline multi-buffers (TL412). A `T.Pipelined(num_stages >= 2)` loop gives each
// shared tile it fills with a copy and reads itself one version per stage (the buffer becomes
// `(num_stages, ...)`), and only the loop's own stages know which version to use. A use of the tile anywhere else
// fails to compile: on sm_90 ("Versioned buffer load escaped pipeline stage context") and in layout inference
// (the versioned and the plain shape disagree). Only the software pipeliner (no warp specialisation) lets two
// loops with the same number of stages share one tile.

import TileLangSyntax

enum PipelinedBufferEscape {
  /// Emits TL412 on the first use outside its loop of each shared tile a pipelined loop multi-buffers.
  /// `specialized`: the loops warp specialisation takes over on `target` (RunChecks.warpSpecializedLoops).
  static func check(_ run: KernelRun, target: TargetArch, specialized ws: Set<TextRange>, source: SourceText)
    -> [Diagnostic]
  {
    // Tile → (loop, stages, warp-specialised) for every loop that multi-buffers it.
    var versioned: [Int: [(loop: PipelinedLoop, stages: Int, specialized: Bool)]] = [:]
    var names: [Int: String] = [:]
    for loop in run.pipelinedLoops {
      guard let stages = loop.stages, stages >= 2, !loop.annotated else { continue }
      let specialized = ws.contains(loop.range)
      var tiles = Set<Int>()
      for (op, dst) in run.pipelinedFills(of: loop.range) where ["copy", "tma_copy", "async_copy"].contains(op) {
        if tiles.insert(dst.id).inserted {
          versioned[dst.id, default: []].append((loop, stages, specialized))
          names[dst.id] = dst.name
        }
      }
    }
    var out: [Diagnostic] = []
    for (tile, all) in versioned.sorted(by: { $0.key < $1.key }) {
      // Loops in opposite branches of an undecided `if` never meet: judge against the first loop's world.
      guard let head = all.first else { continue }
      let owners = all.filter { !BranchStep.exclusive($0.loop.branches, head.loop.branches) }
      guard let uses = run.pipelineUses[tile], let owner = owners.first else { continue }
      let loopRanges = Set(owners.map(\.loop.range))
      let shareable =
        owners.allSatisfy { !$0.specialized } && Set(owners.map(\.stages)).count == 1
      let outside = uses.filter { use in
        if BranchStep.exclusive(use.branches, owner.loop.branches) { return false }  // never runs with the loop
        guard let loop = use.loop else { return true }
        if loop == owner.loop.range { return false }
        return !loopRanges.contains(loop) || !shareable
      }
      guard let first = outside.min(by: { $0.range.start < $1.range.start }) else { continue }
      let where_ = first.loop
      let range = first.range
      let name = names[tile] ?? "the tile"
      let line = source.line(of: owner.loop.call.start) + 1
      let other = owners.first { $0.loop.range == where_ }
      let why =
        other.map { o in
          "the T.Pipelined loop on line \(source.line(of: o.loop.call.start) + 1) multi-buffers it too (num_stages=\(o.stages)\(o.specialized || owner.specialized ? ", warp-specialised" : ""))"
        } ?? "this use is outside that loop"
      out.append(
        Diagnostic(
          .TL412,
          "\(name) is multi-buffered by the T.Pipelined loop on line \(line) (num_stages=\(owner.stages): one copy per stage, which only that loop's stages can tell apart), and \(why): the compiler fails on \(target.rawValue) (\(target.hasBulkCopy ? "\"Versioned buffer load escaped pipeline stage context\" or " : "")a layout shape check); copy the tile into another shared buffer inside the loop, or use a separate buffer here",
          at: range))
    }
    return out
  }
}
