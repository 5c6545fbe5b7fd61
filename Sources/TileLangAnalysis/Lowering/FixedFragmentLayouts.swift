// Fragments whose layout an op other than a copy fixes before layout inference reaches their copies: a copy of one
// runs on that layout, so its `coalesced_width` is never read.

import TileLangSyntax

/// Layout inference (0.1.15 `layout_inference.cc`) lets a copy's SIMT loop plan its own partition, and read
/// `coalesced_width`, only when none of its fragments has a layout yet (`ParallelOpNode::InferLayout` →
/// `ComputePlanCandidate`). A fragment that a gemm lays out (strict level), or that takes a gemm fragment's layout
/// through a `T.Parallel` loop or a whole copy (`RunChecks.gemmLayoutFragments`), has one before any copy runs;
/// so does a fragment that an element-wise `T.Parallel` loop touches before any copy does (the free level keeps the
/// earliest op among equally costly roots). The copy's loop then takes the fragment's layout
/// (`ComputeLoopLayoutFromBuffer`) and vectorizes along its contiguous runs.
struct FixedFragmentLayouts {
  /// Fragment buffer id → why its layout is fixed ("C_f's layout comes from the gemm on line 14"), and the index of
  /// the first copy event that already sees it (0 for a gemm layout, which comes first).
  var fixed: [Int: (origin: String, fromEvent: Int)] = [:]

  init() {}

  init(_ run: KernelRun, gemmLayout: Set<Int>, source: SourceText) {
    func line(_ r: TextRange) -> Int { source.line(of: r.start) + 1 }
    for op in run.layoutOps {
      guard case .gemm(let g) = op else { continue }
      for case .buffer(let b) in g.operands where b.scope.isFragment && fixed[b.id] == nil {
        fixed[b.id] = ("\(b.name)'s layout comes from the gemm on line \(line(g.call.range))", 0)
      }
    }
    for b in run.buffers where gemmLayout.contains(b.id) && fixed[b.id] == nil {
      fixed[b.id] = ("\(b.name) takes a gemm fragment's layout", 0)
    }
    // A fragment only T.Parallel loops and copies lay out: the loop is the root when it comes before every copy.
    for loop in run.parallelLoops {
      for access in loop.accesses where fixed[access.buffer.id] == nil {
        let b = access.buffer
        guard !run.callLaidOut.contains(b.id), !run.annotatedLayouts.contains(b.id) else { continue }
        let firstCopy = run.events.firstIndex { e in e.operands.prefix(2).contains { $0.buffer?.id == b.id } }
        // Loops come in program order, so the first one to touch the fragment decides.
        guard loop.precedingEvents <= firstCopy ?? Int.max else { continue }
        fixed[b.id] = (
          "\(b.name)'s layout comes from the T.Parallel loop on line \(line(loop.range))", loop.precedingEvents
        )
      }
    }
  }

  /// The fixed layout that copy `event` (of `run.events`) runs on: the first of its fragments that has one by then.
  func layout(_ event: Int, in run: KernelRun) -> String? {
    for b in run.events[event].operands.prefix(2).compactMap(\.buffer) where b.scope.isFragment {
      if let f = fixed[b.id], f.fromEvent <= event { return f.origin }
    }
    return nil
  }
}
