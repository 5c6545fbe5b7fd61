// Fragments layout inference lays out at its free level from their copies and element-wise `T.Parallel` loops.

import TileLangSyntax

/// A fragment that only whole-buffer copies, fills, element-wise `T.Parallel` loops over its whole shape and row
/// reductions (as their source) touch gets its layout at layout inference's free level (0.1.15 `InferInFreeMode`):
/// each copy and loop is tried as the root, and the plan with the fewest fragment registers per thread over the
/// component wins, the earliest on a tie. A root copy plans its vector width from its memory side only (a float16 →
/// float32 copy runs 8 lanes, 16 from int8), a root loop from its own accesses; every other copy of the fragment then
/// runs no wider than the root's runs. Every whole candidate holds the same share of the fragment, so the row vectors
/// that reductions of it fill decide: a plan whose runs put fewer rows on each thread wins (a float32 → float16
/// store copy at 8 lanes beats the float32 load at 4 when each row is 256 columns over 128 threads). Followed only
/// where the loops touch nothing but the fragment and row vectors (`v[i]`) that reductions of it fill; checked with
/// tilelang 0.1.15 on sm_80, sm_90 and sm_100 (sweep E).
struct FreeFragmentLayouts {
  struct Component {
    var fragment: Buffer
    var shape: [Int]
    /// Indices in `run.events` of the copies of the whole fragment.
    var copies: [Int]
    /// Indices in `run.parallelLoops` of the loops that touch it.
    var loops: [Int]
    /// Whether a reduction along its last dim fills a row vector from it.
    var rowReduced: Bool
  }

  private(set) var components: [Int: Component] = [:]
  /// The root chosen per target and fragment.
  private var roots: [TargetArch: [Int: Root]] = [:]
  let run: KernelRun
  let source: SourceText

  struct Root {
    var lanes: Int
    var reason: String
    /// The root copy's index in `run.events` (nil for a loop).
    var event: Int?
  }

  var fragments: Set<Int> { Set(components.keys) }

  init(_ run: KernelRun, excluding: Set<Int>, source: SourceText) {
    self.run = run
    self.source = source
    for f in run.buffers where f.scope.isFragment && !excluding.contains(f.id) {
      if let c = Self.component(f, run) { components[f.id] = c }
    }
  }

  private static func component(_ f: Buffer, _ run: KernelRun) -> Component? {
    guard let shape = f.concreteShape, shape.count == 2, !run.serialElementAccess.contains(f.id) else { return nil }
    let loopIndices = run.parallelLoops.indices.filter {
      run.parallelLoops[$0].accesses.contains { $0.buffer.id == f.id }
    }
    let loops = loopIndices.map { run.parallelLoops[$0] }
    var rowOutputs = Set<Int>()
    var rowReduced = false
    for op in run.layoutOps {
      guard case .reduce(let r) = op, case .buffer(let s) = r.source, s.id == f.id else { continue }
      guard r.dim == shape.count - 1, case .buffer(let d) = r.destination, d.concreteShape == [shape[0]] else {
        return nil
      }
      rowOutputs.insert(d.id)
      rowReduced = true
    }
    guard !loops.isEmpty || rowReduced,
      loops.isEmpty || FragmentPartition.elementwiseOverWhole(f, shape, run),
      ReduceRowThreads.isFree(f, run, loops: loops, sourceOf: nil)
    else { return nil }
    // The loops touch only f and the row vectors its reductions fill, indexed by the row variable; those row
    // vectors appear in no other loop.
    for loop in loops {
      guard let vars = loop.variables else { return nil }
      for a in loop.accesses where a.buffer.id != f.id {
        guard rowOutputs.contains(a.buffer.id), a.indices == [SymExpr(variable: vars[0].name)] else { return nil }
      }
    }
    for loop in run.parallelLoops where !loop.accesses.contains(where: { $0.buffer.id == f.id }) {
      if loop.accesses.contains(where: { rowOutputs.contains($0.buffer.id) }) { return nil }
    }
    let copies = run.events.indices.filter { i in
      run.events[i].op == "copy" && run.events[i].operands.prefix(2).contains { $0.buffer?.id == f.id }
    }
    guard !copies.isEmpty else { return nil }
    return Component(fragment: f, shape: shape, copies: copies, loops: loopIndices, rowReduced: rowReduced)
  }

  /// Rows of an (rows, columns) fragment the busiest thread holds when runs of `lanes` go to consecutive threads.
  static func rowsPerThread(rows: Int, columns: Int, lanes: Int, threads: Int) -> Int {
    guard lanes > 0, threads > 0, columns % lanes == 0 else { return rows }
    let runs = rows * columns / lanes
    var most = 0
    for t in 0..<min(threads, runs) {
      var seen = Set<Int>()
      var k = t
      while k < runs {
        seen.insert(k * lanes / columns)
        k += threads
      }
      most = max(most, seen.count)
    }
    return most
  }

  /// The runs copy `event` follows (nil when it is the root, or touches no followed fragment). `copyLanes`: a
  /// candidate copy's own width (its memory side's dtype, no layout followed); `loopLanes`: a candidate loop's own runs.
  mutating func layout(
    forCopy event: Int, target: TargetArch, copyLanes: (Int) -> Int?, loopLanes: (Int) -> Int?
  ) -> (lanes: Int, reason: String)? {
    var best: (lanes: Int, reason: String)?
    for id in components.keys.sorted() {
      guard let c = components[id], c.copies.contains(event) else { continue }
      if roots[target]?[id] == nil {
        guard let root = chooseRoot(c, copyLanes, loopLanes) else { continue }
        roots[target, default: [:]][id] = root
      }
      guard let r = roots[target]?[id], r.event != event else { continue }
      if best == nil || r.lanes < best!.lanes { best = (r.lanes, r.reason) }
    }
    return best
  }

  private func chooseRoot(_ c: Component, _ copyLanes: (Int) -> Int?, _ loopLanes: (Int) -> Int?) -> Root? {
    let threads = run.threads?.constant ?? 128
    let name = c.fragment.name
    // Candidates in program order: a loop runs after the copies before it (`precedingEvents`).
    var candidates: [(order: Int, root: Root)] = []
    for e in c.copies {
      guard let v = copyLanes(e) else { return nil }
      let line = source.line(of: run.events[e].call.range.start) + 1
      let why =
        "\(name)'s layout comes from the copy on line \(line) (\(v) contiguous element\(v == 1 ? "" : "s") per thread)"
      candidates.append((2 * e + 1, Root(lanes: v, reason: why, event: e)))
    }
    for l in c.loops {
      guard let v = loopLanes(l) else { return nil }
      let loop = run.parallelLoops[l]
      let line = source.line(of: loop.range.start) + 1
      let why =
        "\(name)'s layout comes from the T.Parallel loop on line \(line) (\(v) contiguous element\(v == 1 ? "" : "s") per thread)"
      candidates.append((2 * loop.precedingEvents, Root(lanes: v, reason: why, event: nil)))
    }
    candidates.sort { $0.order < $1.order }
    func cost(_ r: Root) -> Int {
      c.rowReduced ? Self.rowsPerThread(rows: c.shape[0], columns: c.shape[1], lanes: r.lanes, threads: threads) : 0
    }
    guard !candidates.isEmpty else { return nil }
    var best = 0
    for i in candidates.indices.dropFirst() where cost(candidates[i].root) < cost(candidates[best].root) { best = i }
    var root = candidates[best].root
    if best > 0 {
      root.reason +=
        ": of the ops that can lay it out, this one leaves each thread the fewest rows of its row reductions"
    }
    return root
  }
}
