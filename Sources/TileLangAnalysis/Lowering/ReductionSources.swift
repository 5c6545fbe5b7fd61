// Fragments that reductions only read: a reduction takes its source's layout and lays out its output from it, so the
// source is laid out by its copies, like a fragment only copies touch.

import TileLangSyntax

enum ReductionSources {
  /// The fragments `onlyReduced` holds for, among the sources of the run's reductions.
  static func fragments(_ run: KernelRun) -> Set<Int> {
    var out: Set<Int> = []
    var seen: Set<Int> = []
    for op in run.layoutOps {
      guard case .reduce(let r) = op, case .buffer(let s) = r.source, seen.insert(s.id).inserted else { continue }
      if onlyReduced(s, run) { out.insert(s.id) }
    }
    return out
  }

  /// Whether every reference to fragment `b` is a whole-buffer copy operand, a fill, or the source of a reduction
  /// that does not run along the last dim of a 2-D fragment (those, with the row vectors they fill, are
  /// `FreeFragmentLayouts`' components): a 1-D fragment's sum, a column sum. Checked with tilelang 0.1.15 (sweep I,
  /// L-A): a float16 → float32 copy into such a fragment moves 8 lanes, sized by its memory side.
  static func onlyReduced(_ b: Buffer, _ run: KernelRun) -> Bool {
    guard b.scope.isFragment, !run.serialElementAccess.contains(b.id) else { return false }
    var reduced = false
    for op in run.layoutOps {
      guard case .reduce(let r) = op, case .buffer(let s) = r.source, s.id == b.id else { continue }
      guard let dim = r.dim, let rank = b.concreteShape?.count, rank == 1 || (rank == 2 && dim == 0) else {
        return false
      }
      reduced = true
    }
    return reduced && ReduceRowThreads.isFree(b, run, loops: [])
  }

  /// Column sums: a reduction along dim 0 of a 2-D fragment its copies lay out gives its output the source's column
  /// runs (each thread holds the columns it held, replicated over the rows' threads), so a copy of the output runs
  /// on that layout (a float32 sum of a float16 tile loaded 8 lanes at a time is stored 4 lanes at a time, 8 on
  /// sm_100). Output fragment id → the summed fragment.
  static func columnSums(_ run: KernelRun, reducedOnly: Set<Int>) -> [Int: Buffer] {
    var out: [Int: Buffer] = [:]
    for op in run.layoutOps {
      guard case .reduce(let r) = op, r.dim == 0, case .buffer(let d) = r.destination, case .buffer(let s) = r.source,
        s.concreteShape?.count == 2, reducedOnly.contains(s.id)
      else { continue }
      out[d.id] = s
    }
    return out
  }

  /// The runs copy `event` follows when one of its sides is a column sum (`columnSums`); `runsOf`: the lanes a
  /// fragment's root copy laid it out with, and its line.
  static func outputRuns(
    forCopy event: Int, _ run: KernelRun, sums: [Int: Buffer], runsOf: (Int) -> (lanes: Int, line: Int)?
  ) -> (lanes: Int, reason: String)? {
    guard !sums.isEmpty else { return nil }
    for operand in run.events[event].operands.prefix(2) {
      guard let d = operand.buffer, let src = sums[d.id], let runs = runsOf(src.id) else { continue }
      return (
        runs.lanes,
        "\(d.name) sums \(src.name)'s columns and holds its runs (\(runs.lanes) contiguous element\(runs.lanes == 1 ? "" : "s") per thread, from the copy on line \(runs.line))"
      )
    }
    return nil
  }
}
