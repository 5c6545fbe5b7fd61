// Reductions whose threads per row (or column) are not a power of two (TL416). A fragment that one copy lays out gives
// each thread runs of `v` elements (the copy's vector width) and hands a row's N / v runs to consecutive threads; a
// reduction along the last dim combines a row across those threads with warp shuffles, whose width must be a power
// of two: N / v threads, or the whole block when a row wraps around it evenly; and rows narrower than the block must
// tile it (96 threads over rows of 64 runs fail, sweep G). Otherwise lowering fails
// ("is_const_power_of_two_integer(logical_width)" or "no available layout found"; checked with 0.1.15 for 1–128 rows,
// 2–384 columns, 128 and 256 threads). Fragments that several copies and element-wise `T.Parallel` loops lay out are
// judged when every op that can root the layout fails the same way (layout inference tries each; sweep I and its
// follow-up grid: adding the loops never changed the verdict). A reduction along dim 0 of a fragment of at most
// `threads` elements puts one element on each thread, so column j sits on R threads N apart: the shuffle needs R
// and N to be powers of two.

import TileLangSyntax

enum ReduceRowThreads {
  /// Emits TL416 on the source operand of each such reduction. `lanes`: the SIMT vector width planned for each copy
  /// event on `target`.
  /// `candidates`: per fragment, the width each op that can root its free-level layout would plan, and where it is
  /// (FreeFragmentLayouts.candidates; nil when not modelled).
  static func check(
    _ run: KernelRun, target: TargetArch, lanes: [Int: Int], source: SourceText,
    candidates: (Int) -> [(lanes: Int, what: String)]? = { _ in nil }
  ) -> [Diagnostic] {
    guard let threads = run.threads?.constant, threads > 0, !run.narrowedThreads else { return [] }
    var out: [Diagnostic] = []
    for (position, op) in run.layoutOps.enumerated() {
      guard case .reduce(let r) = op, case .buffer(let f) = r.source, f.scope.isFragment, let shape = f.concreteShape,
        let dim = r.dim, let n = SafeArithmetic.product(shape),
        n <= threads || n % threads == 0,  // otherwise TL409's
        !run.gemmOperands.contains(f.id), !run.annotatedLayouts.contains(f.id)
      else { continue }
      if dim == 0, shape.count == 2 {
        if let d = column(run, r, f, shape, threads: threads) { out.append(d) }
        continue
      }
      guard dim == shape.count - 1 else { continue }
      let free =
        freeLevelRow(run, r, f, shape, threads: threads, source: source)
        ?? everyRoot(r, f, shape, threads: threads, candidates: candidates(f.id))
      guard !run.untrackedLayouts.contains(f.id) else {
        if let free { out.append(free) }
        continue
      }
      let copies = run.events.indices.filter { i in
        run.events[i].operands.prefix(2).contains { $0.buffer?.id == f.id }
      }
      guard copies.count == 1, let copy = copies.first, run.events[copy].op == "copy",
        run.events[copy].operands.count >= 2, case .buffer(let dst) = run.events[copy].operands[1], dst.id == f.id,
        let copyPosition = run.layoutOps.firstIndex(where: { if case .copy(copy) = $0 { true } else { false } }),
        copyPosition < position, let v = lanes[copy], v >= 1, let columns = shape.last, columns % v == 0
      else {
        if let free { out.append(free) }
        continue
      }
      guard let failure = rowFailure(columns: columns, lanes: v, threads: threads) else { continue }
      out.append(
        Diagnostic(
          .TL416,
          "T.\(r.op) along the last dim of \(f.name) \(f.shapeText) combines each row across threads, and \(failure.why) (laid out by the copy on line \(source.line(of: run.events[copy].call.range.start) + 1), \(v) lane\(v == 1 ? "" : "s")): \(failure.effect), and lowering fails (\"no available layout found\"); use a power-of-two number of columns per row, or pad the tile",
          at: r.sourceExpr?.range ?? r.call.range))
    }
    return out
  }

  /// Why rows of `columns` elements in runs of `lanes` cannot be combined across `threads` threads (nil when they
  /// can, or the runs do not split the row).
  static func rowFailure(columns: Int, lanes v: Int, threads: Int) -> (why: String, effect: String)? {
    guard v >= 1, columns % v == 0 else { return nil }
    let runs = columns / v
    let width = runs <= threads ? runs : threads
    // A row's runs that fill part of the block must tile it: 96 threads over rows of 64 runs fail (sweep G).
    let straddles = runs < threads && threads % runs != 0
    let fails =
      runs <= threads
      ? !isPowerOfTwo(runs) || straddles : (runs % threads != 0 || !isPowerOfTwo(threads))
    guard fails else { return nil }
    let why =
      runs <= threads
      ? (straddles && isPowerOfTwo(runs)
        ? "its \(columns) columns are \(runs) runs of \(v), and the \(threads) threads are not a whole number of such rows"
        : "its \(columns) columns are \(runs) runs of \(v) on \(runs) threads")
      : "its \(columns) columns are \(runs) runs of \(v), which do not wrap evenly around the \(threads) threads"
    let effect =
      straddles && isPowerOfTwo(runs)
      ? "a row's threads straddle the block" : "the shuffle width \(width) is not a power of two"
    return (why, effect)
  }

  /// A fragment of a free-level component (copies, element-wise loops, row reductions): layout inference tries each
  /// copy and loop as the root, so the reduction fails when every candidate's width fails (`candidates`). Checked with
  /// 0.1.15 on softmax, rms-norm and two-pass softmax forms (loops before and after the reduction, loops that write
  /// other fragments, a shared staging tile), 1–8 rows, 96–640 columns, 128 and 256 threads, float16 and float32.
  static func everyRoot(
    _ r: ReduceCall, _ f: Buffer, _ shape: [Int], threads: Int, candidates: [(lanes: Int, what: String)]?
  ) -> Diagnostic? {
    guard let candidates, let first = candidates.first, let columns = shape.last else { return nil }
    var failures: [(why: String, effect: String)] = []
    for c in candidates {
      guard let failure = rowFailure(columns: columns, lanes: c.lanes, threads: threads) else { return nil }
      failures.append(failure)
    }
    let roots = candidates.map { "\($0.what) at \($0.lanes) lane\($0.lanes == 1 ? "" : "s")" }.joined(separator: ", ")
    return Diagnostic(
      .TL416,
      "T.\(r.op) along the last dim of \(f.name) \(f.shapeText) combines each row across threads, and \(failures[0].why) (laid out by \(first.what), \(first.lanes) lane\(first.lanes == 1 ? "" : "s")): \(failures[0].effect); layout inference tries every op that can lay \(f.name) out as the root (\(roots)) and each plan fails this way, so lowering fails (\"no available layout found\"); use a power-of-two number of columns per row, or pad the tile",
      at: r.sourceExpr?.range ?? r.call.range)
  }

  /// A reduction along dim 0 of an (R, N) fragment of at most `threads` elements that only copies lay out: each
  /// thread holds one element, so column j sits on R threads N apart, and the shuffle needs both R (its width) and
  /// N (its stride) to be powers of two. Checked with 0.1.15 on sm_90 for 2–96 rows, 1–32 columns, 64, 128 and
  /// 256 threads, float16, bfloat16 and float32, T.reduce_sum and T.reduce_max. Larger fragments depend on the
  /// plan's width and are not judged.
  static func column(_ run: KernelRun, _ r: ReduceCall, _ f: Buffer, _ shape: [Int], threads: Int) -> Diagnostic? {
    let (rows, columns) = (shape[0], shape[1])
    guard rows * columns <= threads, !isPowerOfTwo(rows) || !isPowerOfTwo(columns),
      !run.untrackedLayouts.contains(f.id), !run.serialElementAccess.contains(f.id),
      isFree(f, run, loops: []),
      run.events.contains(where: { e in
        e.op == "copy" && e.operands.count >= 2 && e.operands[1].buffer?.id == f.id
      }),
      case .buffer(let d) = r.destination, d.scope.isFragment, !run.untrackedLayouts.contains(d.id),
      FreeFragmentLayouts.rowVectorIsFree(d, run, loops: [], output: true)
    else { return nil }
    let why =
      !isPowerOfTwo(rows)
      ? "the \(rows) threads of a column are not a power of two"
      : "the stride \(columns) between a column's threads is not a power of two"
    return Diagnostic(
      .TL416,
      "T.\(r.op) along dim 0 of \(f.name) \(f.shapeText) combines each column across threads: its \(rows * columns) elements sit one per thread (of \(threads)), so a column's \(rows) elements are on \(rows) threads \(columns) apart, and \(why): lowering fails (\"is_const_power_of_two_integer\" or a ReplicateExtent check); use a power-of-two number of rows and columns, or pad the tile",
      at: r.sourceExpr?.range ?? r.call.range)
  }

  /// A fragment that copies of the whole buffer and element-wise `T.Parallel` loops over its whole shape lay out
  /// (layout inference's free level: each of them is tried as the root). Every such plan hands a row's `N / v` runs
  /// (`v` a power of two, the plan's vector width) to consecutive threads, so when `N` is not a power of two and at
  /// most the thread count, no plan gives a power-of-two shuffle width and every root fails. Checked with 0.1.15 on
  /// sm_80, sm_90 and sm_100 for 3–200 columns, 1–32 rows, 64–256 threads, float16 and float32 sources, with and
  /// without loops, with a second fragment feeding the reduced one. Larger rows depend on the plan's width and are
  /// not judged.
  static func freeLevelRow(
    _ run: KernelRun, _ r: ReduceCall, _ f: Buffer, _ shape: [Int], threads: Int, source: SourceText
  ) -> Diagnostic? {
    guard let columns = shape.last, columns <= threads, !isPowerOfTwo(columns),
      !run.serialElementAccess.contains(f.id)
    else { return nil }
    let loops = run.parallelLoops.filter { $0.accesses.contains { $0.buffer.id == f.id } }
    guard loops.isEmpty || FragmentPartition.elementwiseOverWhole(f, shape, run),
      isFree(f, run, loops: loops)
    else { return nil }
    // A row vector of the component that a 1-D `T.Parallel` loop or a register copy also touches roots plans of its
    // own (the loop spreads the rows over `threads / rows` threads each, and the reduction lays the tile out from
    // them): an online softmax of 4 × 384 over 512 threads compiles.
    func rowVectorStaysFree(_ g: Buffer) -> Bool {
      FreeFragmentLayouts.rowVectorIsFree(g, run, loops: loops, output: true)
        && !run.events.contains { e in
          e.op == "copy" && e.operands.prefix(2).contains { $0.buffer?.id == g.id }
            && e.operands.prefix(2).allSatisfy { $0.buffer?.scope.isFragment ?? false }
        }
    }
    if case .buffer(let d) = r.destination, d.scope.isFragment, !rowVectorStaysFree(d) { return nil }
    // The other fragments these loops touch: same-shape fragments laid out the same way, or row vectors indexed by
    // the row variable that no gemm or annotation lays out.
    for loop in loops {
      guard let vars = loop.variables else { return nil }
      for access in loop.accesses where access.buffer.id != f.id && access.buffer.scope.isFragment {
        let g = access.buffer
        guard !run.gemmOperands.contains(g.id), !run.annotatedLayouts.contains(g.id),
          !run.serialElementAccess.contains(g.id), let gShape = g.concreteShape
        else { return nil }
        if gShape == shape {
          let gLoops = run.parallelLoops.filter { $0.accesses.contains { $0.buffer.id == g.id } }
          guard FragmentPartition.elementwiseOverWhole(g, gShape, run), isFree(g, run, loops: gLoops)
          else { return nil }
        } else {
          guard gShape == [shape[0]], access.indices == [SymExpr(variable: vars[0].name)], rowVectorStaysFree(g)
          else { return nil }
        }
      }
    }
    func lines(_ ranges: [TextRange]) -> String {
      let l = Array(Set(ranges.map { source.line(of: $0.start) + 1 })).sorted()
      return (l.count == 1 ? "line " : "lines ") + l.map(String.init).joined(separator: ", ")
    }
    let copyRanges = run.events.filter { e in e.operands.prefix(2).contains { $0.buffer?.id == f.id } }.map(
      \.call.range)
    var roots: [String] = []
    if !copyRanges.isEmpty { roots.append("copies (\(lines(copyRanges)))") }
    if !loops.isEmpty { roots.append("element-wise T.Parallel loops (\(lines(loops.map(\.range))))") }
    return Diagnostic(
      .TL416,
      "T.\(r.op) along the last dim of \(f.name) \(f.shapeText) combines each row across the \(threads) threads, and its rows have \(columns) columns, which is not a power of two: only \(roots.joined(separator: " and ")) lay \(f.name) out, each plan hands a row's runs (a power-of-two width each) to consecutive threads, so the shuffle width is never a power of two and lowering fails (\"no available layout found\"); use a power-of-two number of columns per row, or pad the tile",
      at: r.sourceExpr?.range ?? r.call.range)
  }

  /// Every reference to `b` is a whole-buffer copy operand, a fill, an access in one of `loops`, or the source
  /// operand of a reduction; nothing else (gemm, annotation, reduction output, other DSL call, region copy) can lay
  /// it out.
  static func isFree(_ b: Buffer, _ run: KernelRun, loops: [ParallelLoop]) -> Bool {
    var allowed: [TextRange] = []
    for op in run.layoutOps {
      guard case .reduce(let r) = op else { continue }
      if case .buffer(let d) = r.destination, d.id == b.id { return false }
      if case .buffer(let s) = r.source, s.id == b.id {
        guard let e = r.sourceExpr else { return false }
        allowed.append(e.range)
      }
    }
    for loop in loops { allowed.append(contentsOf: loop.accesses.filter { $0.buffer.id == b.id }.map(\.range)) }
    return run.referencedOnly(b, within: allowed)
  }

  static func isPowerOfTwo(_ x: Int) -> Bool { x > 0 && x & (x - 1) == 0 }
}
