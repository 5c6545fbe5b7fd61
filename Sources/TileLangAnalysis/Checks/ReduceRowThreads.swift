// Row reductions whose threads per row are not a power of two (TL416). A fragment that one copy lays out gives each
// thread runs of `v` elements (the copy's vector width) and hands a row's N / v runs to consecutive threads; a
// reduction along the last dim combines a row across those threads with warp shuffles, whose width must be a power
// of two: N / v threads, or the whole block when a row wraps around it evenly. Otherwise lowering fails
// ("is_const_power_of_two_integer(logical_width)" or "no available layout found"; checked with 0.1.15 for 1–128 rows,
// 2–384 columns, 128 and 256 threads). Only fragments nothing else lays out (no gemm, annotation, T.Parallel or other
// element access, one copy into the whole fragment before the reduction) are judged: with a T.Parallel loop in the
// picture, which op roots the layout is not modelled.

import TileLangSyntax

enum ReduceRowThreads {
  /// Emits TL416 on the source operand of each such reduction. `lanes`: the SIMT vector width planned for each copy
  /// event on `target`.
  static func check(_ run: KernelRun, target: TargetArch, lanes: [Int: Int], source: SourceText) -> [Diagnostic] {
    guard let threads = run.threads?.constant, threads > 0 else { return [] }
    var out: [Diagnostic] = []
    for (position, op) in run.layoutOps.enumerated() {
      guard case .reduce(let r) = op, case .buffer(let f) = r.source, f.scope.isFragment, let shape = f.concreteShape,
        let dim = r.dim, dim == shape.count - 1, let n = SafeArithmetic.product(shape),
        n <= threads || n % threads == 0,  // otherwise TL409's
        !run.gemmOperands.contains(f.id), !run.annotatedLayouts.contains(f.id), !run.untrackedLayouts.contains(f.id)
      else { continue }
      let copies = run.events.indices.filter { i in
        run.events[i].operands.prefix(2).contains { $0.buffer?.id == f.id }
      }
      guard copies.count == 1, let copy = copies.first, run.events[copy].op == "copy",
        run.events[copy].operands.count >= 2, case .buffer(let dst) = run.events[copy].operands[1], dst.id == f.id,
        let copyPosition = run.layoutOps.firstIndex(where: { if case .copy(copy) = $0 { true } else { false } }),
        copyPosition < position, let v = lanes[copy], v >= 1, let columns = shape.last, columns % v == 0
      else { continue }
      let runs = columns / v
      let width = runs <= threads ? runs : threads
      let fails = runs <= threads ? !isPowerOfTwo(runs) : (runs % threads != 0 || !isPowerOfTwo(threads))
      guard fails else { continue }
      let why =
        runs <= threads
        ? "its \(columns) columns are \(runs) runs of \(v) on \(runs) threads"
        : "its \(columns) columns are \(runs) runs of \(v), which do not wrap evenly around the \(threads) threads"
      out.append(
        Diagnostic(
          .TL416,
          "T.\(r.op) along the last dim of \(f.name) \(f.shapeText) combines each row across threads, and \(why) (laid out by the copy on line \(source.line(of: run.events[copy].call.range.start) + 1), \(v) lane\(v == 1 ? "" : "s")): the shuffle width \(width) is not a power of two, and lowering fails (\"no available layout found\"); use a power-of-two number of columns per row, or pad the tile",
          at: r.sourceExpr?.range ?? r.call.range))
    }
    return out
  }

  static func isPowerOfTwo(_ x: Int) -> Bool { x > 0 && x & (x - 1) == 0 }
}
