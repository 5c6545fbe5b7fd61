// Fragments layout inference lays out at its free level from their copies and element-wise `T.Parallel` loops.

import TileLangSyntax

/// Fragments that only whole-buffer copies, fills, element-wise `T.Parallel` loops over their whole shape and row
/// reductions (as their source) touch get their layout at layout inference's free level (0.1.15 `InferInFreeMode`):
/// each copy and loop is tried as the root, and the plan with the fewest fragment registers per thread over the
/// component wins, the earliest on a tie. A root copy plans its vector width from its memory side only (a float16 →
/// float32 copy runs 8 lanes, 16 from int8), a root loop from its own accesses; every other copy of the fragment then
/// runs no wider than the root's runs. A component holds the 2-D fragments its loops touch at `[i, j]` (an argmax's
/// index fragment beside the values) and the row vectors (`v[i]`) that reductions of them fill, that those loops read,
/// and that 1-D `T.Parallel` loops over the rows or whole register copies connect to them (an online softmax's
/// running maximum, its previous value and the row sums). Every whole candidate holds the same share of the 2-D
/// fragments, so the row vectors decide: a plan whose runs put fewer rows on each thread wins (a float32 → float16
/// store copy at 8 lanes beats the float32 load at 4 when each row is 256 columns over 128 threads).
///
/// A row vector that a 2-D loop reads beside the fragment (pinned) must be held by every thread that holds its row
/// there, and a reduction gives its output exactly those threads (`ComputeReducerLayout`); so does every row vector
/// connected to a pinned one, and a root that would lay one of them out first fails. Each thread then holds the rows
/// whose runs it owns: every row when a row's runs cover all threads (its registers follow the row index, so a copy
/// of the vector to memory runs per thread), else every `g`-th row. A reduction output that only copies touch
/// (loose) can be a root itself: its own plan needs fewer registers, and the earliest copy or loop of the fragments
/// then lays them out; that wins when it costs less. Checked with tilelang 0.1.15 on sm_80, sm_90 and sm_100 (sweeps
/// E and G).
///
/// Column vectors (`w[j]`, a weight row the loops read beside the fragment, filled by whole copies) join the
/// component, and their copies are candidate roots. Then every fragment's registers per thread count, as 0.1.15's
/// register cost does: under a copy or loop of the 2-D fragments a column vector costs the distinct columns each
/// thread's runs touch; under a column vector's copy each thread holds its runs of columns in every row (so every row
/// of the row vectors), and the other copies run at those lanes. A column vector's copy follows the root's runs on
/// that layout, so its extent need not split evenly over the threads (a (128,) float16 weight beside a 16 × 128 tile
/// at 256 threads moves 8 lanes). Checked with tilelang 0.1.15 on rms-norm-like kernels (sweep I).
struct FreeFragmentLayouts {
  struct Component {
    /// The 2-D fragments (all of one shape).
    var fragments: [Buffer]
    var shape: [Int]
    /// Indices in `run.events` of the copies of the fragments.
    var copies: [Int]
    /// Indices in `run.parallelLoops` of the 2-D loops that touch them.
    var loops: [Int]
    /// Whether a reduction along the last dim fills a row vector from one of them.
    var rowReduced: Bool
    /// Row vectors held by the threads of their rows (pinned, or connected to a pinned one).
    var rows: Set<Int>
    /// Per loose reduction output: the indices in `run.events` of its copies.
    var loose: [Int: [Int]]
    /// Column vectors: 1-D fragments the 2-D loops only read at `[j]` (a weight row broadcast over the rows).
    var columns: Set<Int> = []
    /// Indices in `run.events` of the copies of the column vectors.
    var columnCopies: [Int] = []
    /// Whether 1-D loops or register copies touch the row vectors (an online softmax's running maximum): ops that
    /// can root the layout too, which the row-vector candidates here do not model.
    var rowRoots = false
    var id: Int { fragments.map(\.id).min() ?? 0 }
  }

  private(set) var components: [Int: Component] = [:]
  /// The component of each row vector it follows.
  private var rowComponents: [Int: Int] = [:]
  /// The root chosen per target and component.
  private var roots: [TargetArch: [Int: Root]] = [:]
  private let shared: SharedRun
  var run: KernelRun { _read { yield shared.run } }
  let source: SourceText

  struct Root {
    var lanes: Int
    var reason: String
    /// The root copy's index in `run.events` (nil for a loop, or when a loose row vector's copy is the root).
    var event: Int?
    /// The root is a column vector's copy: each thread holds its runs of columns in every row.
    var column = false
  }

  var fragments: Set<Int> { Set(components.keys) }
  /// Some component has column vectors.
  private(set) var hasColumns = false

  init(_ shared: SharedRun, excluding: Set<Int>, source: SourceText) {
    self.shared = shared
    self.source = source
    var seen: Set<Int> = []
    for f in shared.run.buffers where f.scope.isFragment && !excluding.contains(f.id) && !seen.contains(f.id) {
      guard let c = Self.component(f, shared.run), c.fragments.allSatisfy({ !excluding.contains($0.id) }) else {
        continue
      }
      for b in c.fragments {
        seen.insert(b.id)
        components[b.id] = c
      }
      for r in c.rows { rowComponents[r] = c.id }
      if !c.columns.isEmpty { hasColumns = true }
    }
  }

  private static func component(_ seed: Buffer, _ run: KernelRun) -> Component? {
    guard let shape = seed.concreteShape, shape.count == 2 else { return nil }
    // The 2-D fragments the element-wise loops connect, and the row vectors those loops touch at [i].
    var fragments = [seed]
    var loopIndices: [Int] = []
    var pinned = Set<Int>()
    var rowBuffers: [Int: Buffer] = [:]
    var columnBuffers: [Int: Buffer] = [:]
    var k = 0
    while k < fragments.count {
      let f = fragments[k]
      k += 1
      guard !run.serialElementAccess.contains(f.id) else { return nil }
      for l in run.parallelLoops.indices where !loopIndices.contains(l) {
        let loop = run.parallelLoops[l]
        guard loop.accesses.contains(where: { $0.buffer.id == f.id }) else { continue }
        guard let vars = loop.variables, vars.count == 2, vars[0].extent?.constant == shape[0],
          vars[1].extent?.constant == shape[1]
        else { return nil }
        let i = SymExpr(variable: vars[0].name)
        let j = SymExpr(variable: vars[1].name)
        for a in loop.accesses {
          if a.buffer.concreteShape == shape, a.buffer.scope.isFragment, a.indices == [i, j] {
            if !fragments.contains(where: { $0.id == a.buffer.id }) { fragments.append(a.buffer) }
          } else if a.buffer.concreteShape == [shape[0]], a.buffer.scope.isFragment, a.indices == [i] {
            pinned.insert(a.buffer.id)
            rowBuffers[a.buffer.id] = a.buffer
          } else if a.buffer.scope.isFragment, !a.isWrite,
            (a.buffer.concreteShape == [shape[1]] && a.indices == [j])
              || (a.buffer.concreteShape == [1, shape[1]] && a.indices == [SymExpr(constant: 0), j])
          {
            // A column vector: `w[j]`, or a (1, N) row read at [0, j] (a broadcast row, cjmcv's rms_norm weight).
            columnBuffers[a.buffer.id] = a.buffer
          } else {
            return nil
          }
        }
        loopIndices.append(l)
      }
    }
    let ids = Set(fragments.map(\.id))
    guard columnBuffers.keys.allSatisfy({ rowBuffers[$0] == nil }) else { return nil }
    // Row reductions of the fragments fill row vectors; nothing else may reduce into or out of the component.
    var outputs = Set<Int>()
    for op in run.layoutOps {
      guard case .reduce(let r) = op else { continue }
      func inside(_ v: Value) -> Bool {
        guard case .buffer(let b) = v else { return false }
        return ids.contains(b.id) || rowBuffers[b.id] != nil || columnBuffers[b.id] != nil
      }
      let from = inside(r.source)
      let into = inside(r.destination)
      guard from || into else { continue }
      guard from, case .buffer(let s) = r.source, ids.contains(s.id), r.dim == 1, case .buffer(let d) = r.destination,
        d.scope.isFragment, d.concreteShape == [shape[0]], !ids.contains(d.id)
      else { return nil }
      outputs.insert(d.id)
      rowBuffers[d.id] = d
    }
    // 1-D loops over the rows and whole register copies connect more row vectors.
    var oneD: [ParallelLoop] = []
    var edges: [Int: Set<Int>] = [:]
    var frontier = Array(rowBuffers.keys)
    while let r = frontier.popLast() {
      for loop in run.parallelLoops where loop.accesses.contains(where: { $0.buffer.id == r }) {
        if loop.accesses.contains(where: { ids.contains($0.buffer.id) }) { continue }  // a 2-D loop, seen above
        guard let vars = loop.variables, vars.count == 1, vars[0].extent?.constant == shape[0] else { return nil }
        let i = SymExpr(variable: vars[0].name)
        for a in loop.accesses {
          guard a.buffer.scope.isFragment, a.buffer.concreteShape == [shape[0]], a.indices == [i] else { return nil }
          edges[r, default: []].insert(a.buffer.id)
          edges[a.buffer.id, default: []].insert(r)
          if rowBuffers[a.buffer.id] == nil {
            rowBuffers[a.buffer.id] = a.buffer
            frontier.append(a.buffer.id)
          }
        }
        if !oneD.contains(where: { $0.range == loop.range }) { oneD.append(loop) }
      }
      for e in run.events where e.op == "copy" {
        guard let (s, d) = e.wholeFragmentCopy, s.id == r || d.id == r else { continue }
        let other = s.id == r ? d : s
        guard other.concreteShape == [shape[0]], !ids.contains(other.id) else { return nil }
        edges[r, default: []].insert(other.id)
        edges[other.id, default: []].insert(r)
        if rowBuffers[other.id] == nil {
          rowBuffers[other.id] = other
          frontier.append(other.id)
        }
      }
    }
    let loops = loopIndices.map { run.parallelLoops[$0] }
    guard !loops.isEmpty || !outputs.isEmpty,
      fragments.allSatisfy({ f in
        (loops.isEmpty || FragmentPartition.elementwiseOverWhole(f, shape, run))
          && ReduceRowThreads.isFree(f, run, loops: loops)
      }),
      rowBuffers.values.allSatisfy({ rowVectorIsFree($0, run, loops: loops + oneD, output: outputs.contains($0.id)) }),
      columnBuffers.values.allSatisfy({ rowVectorIsFree($0, run, loops: loops, output: false) }),
      columnBuffers.isEmpty || rowBuffers.keys.allSatisfy({ !columnBuffers.keys.contains($0) })
    else { return nil }
    // Row vectors connected to a pinned one take its threads; the rest must be lone reduction outputs that only
    // copies and fills touch (loose).
    var held = pinned
    var stack = Array(pinned)
    while let r = stack.popLast() {
      for o in edges[r] ?? [] where !held.contains(o) {
        held.insert(o)
        stack.append(o)
      }
    }
    var loose: [Int: [Int]] = [:]
    for (id, _) in rowBuffers where !held.contains(id) {
      guard outputs.contains(id), edges[id]?.isEmpty ?? true else { return nil }
      loose[id] = run.events.indices.filter { i in
        run.events[i].op == "copy" && run.events[i].operands.prefix(2).contains { $0.buffer?.id == id }
      }
    }
    let copies = run.events.indices.filter { i in
      run.events[i].op == "copy"
        && run.events[i].operands.prefix(2).contains { $0.buffer.map { ids.contains($0.id) } ?? false }
    }
    // A copy from or into tensor memory lays its fragment out with the tcgen05 access layout, not at the free level.
    let tmem = copies.contains { i in run.events[i].operands.prefix(2).contains { $0.buffer?.scope == .tmem } }
    guard !copies.isEmpty, !tmem else { return nil }
    // Column vectors beside loose reduction outputs are not modelled.
    guard columnBuffers.isEmpty || loose.isEmpty else { return nil }
    let columnCopies = run.events.indices.filter { i in
      run.events[i].op == "copy"
        && run.events[i].operands.prefix(2).contains { $0.buffer.map { columnBuffers[$0.id] != nil } ?? false }
    }
    guard columnCopies.allSatisfy({ run.events[$0].wholeFragmentCopy == nil }) else { return nil }
    return Component(
      fragments: fragments, shape: shape, copies: copies, loops: loopIndices, rowReduced: !outputs.isEmpty,
      rows: held, loose: loose, columns: Set(columnBuffers.keys), columnCopies: columnCopies, rowRoots: !edges.isEmpty)
  }

  /// Every reference to row vector `b` is a whole-buffer copy operand, a fill, an access in one of `loops`, or (for
  /// a reduction output) the destination of a reduction.
  static func rowVectorIsFree(_ b: Buffer, _ run: KernelRun, loops: [ParallelLoop], output: Bool) -> Bool {
    guard !run.serialElementAccess.contains(b.id) else { return false }
    var allowed: [TextRange] = []
    for op in run.layoutOps {
      guard case .reduce(let r) = op else { continue }
      if case .buffer(let s) = r.source, s.id == b.id { return false }
      if case .buffer(let d) = r.destination, d.id == b.id {
        guard output, let e = r.destinationExpr else { return false }
        allowed.append(e.range)
      }
    }
    for loop in loops { allowed.append(contentsOf: loop.accesses.filter { $0.buffer.id == b.id }.map(\.range)) }
    return run.referencedOnly(b, within: allowed)
  }

  /// Rows of an (rows, columns) fragment the busiest thread holds when runs of `lanes` go to consecutive threads.
  static func rowsPerThread(rows: Int, columns: Int, lanes: Int, threads: Int) -> Int {
    guard lanes > 0, threads > 0, columns % lanes == 0 else { return rows }
    return busiestThread(runs: rows * columns / lanes, threads: threads, limit: rows) { $0 * lanes / columns }
  }

  /// Distinct columns of an (rows, columns) fragment the busiest thread holds when runs of `lanes` go to consecutive
  /// threads: the registers of a column vector read beside it.
  static func columnsPerThread(rows: Int, columns: Int, lanes: Int, threads: Int) -> Int {
    guard lanes > 0, threads > 0, columns % lanes == 0 else { return columns }
    let blocks = columns / lanes
    return lanes * busiestThread(runs: rows * columns / lanes, threads: threads, limit: blocks) { $0 % blocks }
  }

  /// The most distinct `key(k)` among the runs one thread holds when `runs` runs go round the `threads` threads
  /// (thread t holds runs t, t + threads, ...), counting at most `limit` per thread. Keys lie in `0..<limit`.
  static func busiestThread(runs: Int, threads: Int, limit: Int, key: (Int) -> Int) -> Int {
    guard limit > 0 else { return 0 }
    // `seenBy[key]` is the last thread that counted `key`: one array for all threads, no set per thread.
    var seenBy = [Int](repeating: -1, count: limit)
    var most = 0
    for t in 0..<min(threads, runs) {
      var seen = 0
      var k = t
      while k < runs, seen < limit {
        let x = key(k)
        if seenBy[x] != t {
          seenBy[x] = t
          seen += 1
        }
        k += threads
      }
      most = max(most, seen)
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
      guard let c = components[id], c.copies.contains(event), let r = root(c, target, copyLanes, loopLanes),
        r.event != event
      else { continue }
      if best == nil || r.lanes < best!.lanes { best = (r.lanes, r.reason) }
    }
    return best
  }

  /// The runs a copy of a column vector follows when a copy or loop of its 2-D fragments is the root (the copy then
  /// runs on that layout, not on a plan of its own), or when another column vector's copy is.
  mutating func columnLayout(
    forCopy event: Int, target: TargetArch, copyLanes: (Int) -> Int?, loopLanes: (Int) -> Int?
  ) -> (lanes: Int, reason: String)? {
    guard hasColumns else { return nil }
    for id in components.keys.sorted() {
      guard let c = components[id], c.columnCopies.contains(event), let r = root(c, target, copyLanes, loopLanes),
        r.event != event, r.lanes > 0, c.shape[1] % r.lanes == 0
      else { continue }
      let vector = run.events[event].operands.prefix(2).compactMap(\.buffer).first { c.columns.contains($0.id) }
      let name = vector?.name ?? "the column vector"
      let why =
        r.column
        ? r.reason
        : "\(name) is read at the columns of \(c.fragments[0].name) and holds its runs: \(r.reason)"
      return (r.lanes, why)
    }
    return nil
  }

  /// How row vector `id` sits in the threads, when it is held by the threads of its rows: the rows each thread
  /// holds, and whether every thread holds every row (in row order, so a copy of it runs per thread).
  mutating func rows(
    of id: Int, target: TargetArch, copyLanes: (Int) -> Int?, loopLanes: (Int) -> Int?
  ) -> (registers: Int, everyRow: Bool, reason: String)? {
    guard let cid = rowComponents[id], let c = components[cid], let r = root(c, target, copyLanes, loopLanes),
      let threads = run.threads?.constant, threads > 0
    else { return nil }
    let (m, n) = (c.shape[0], c.shape[1])
    guard r.lanes > 0, n % r.lanes == 0, r.column || (m * n) % (threads * r.lanes) == 0 else { return nil }
    let held = r.column ? m : Self.rowsPerThread(rows: m, columns: n, lanes: r.lanes, threads: threads)
    let name = c.fragments[0].name
    let vector = run.buffer(id)?.name ?? "the row vector"
    let runs = "\(r.lanes)-element runs of \(n)-element rows over \(threads) threads"
    let why =
      held == m
      ? "\(vector) is held like \(name)'s rows: every thread holds all \(m) in row order (\(runs)), so the copy runs per thread"
      : "\(vector) is held like \(name)'s rows: each thread holds \(held) of the \(m)\(held > 1 ? ", \(m / held) apart" : "") (\(runs))"
    return (held, held == m, why)
  }

  /// Fragments of components without column vectors: only whole copies, fills, element-wise loops and row
  /// reductions lay them out, each copy and loop a candidate root (FragmentPartition, ReduceRowThreads).
  var plainFragments: Set<Int> { Set(components.filter { $0.value.columns.isEmpty && !$0.value.rowRoots }.keys) }

  /// The width each op that can root fragment `id`'s layout would plan, and where it is: the component's copies and
  /// loops (nil when `id` is in no component without column vectors, or a candidate's width is unknown).
  func candidates(of id: Int, copyLanes: (Int) -> Int?, loopLanes: (Int) -> Int?) -> [(lanes: Int, what: String)]? {
    guard let c = components[id], c.columns.isEmpty, !c.rowRoots else { return nil }
    var out: [(lanes: Int, what: String)] = []
    for e in c.copies {
      guard let v = copyLanes(e) else { return nil }
      out.append((v, "the copy on line \(source.line(of: run.events[e].call.range.start) + 1)"))
    }
    for l in c.loops {
      guard let own = loopLanes(l), let v = Self.alignedRuns(run.parallelLoops[l], own) else { return nil }
      out.append((v, "the T.Parallel loop on line \(source.line(of: run.parallelLoops[l].range.start) + 1)"))
    }
    return out.isEmpty ? nil : out
  }

  /// `lanes` narrowed until every global and shared access of the loop starts on a multiple of it when the innermost
  /// variable is 0 (a row stride of 385 elements, or `j + 1`, makes a float16 softmax loop 1 lane: sweep I's
  /// follow-up); nil when an access's offset is unknown.
  static func alignedRuns(_ loop: ParallelLoop, _ lanes: Int) -> Int? {
    guard let inner = loop.variables?.last?.name else { return nil }
    var v = lanes
    for access in loop.memoryAccesses where v > 1 {
      guard access.buffer.strides == nil, let offset = ParallelLoop.flatOffset(access.buffer, access.indices) else {
        return nil
      }
      let start = offset.substituting([inner: SymExpr(constant: 0)])
      while v > 1, !VectorWidth.divisible(start, v) { v /= 2 }
    }
    return v
  }

  private mutating func root(
    _ c: Component, _ target: TargetArch, _ copyLanes: (Int) -> Int?, _ loopLanes: (Int) -> Int?
  ) -> Root? {
    if let r = roots[target]?[c.id] { return r }
    guard let r = chooseRoot(c, copyLanes, loopLanes) else { return nil }
    roots[target, default: [:]][c.id] = r
    return r
  }

  private func chooseRoot(_ c: Component, _ copyLanes: (Int) -> Int?, _ loopLanes: (Int) -> Int?) -> Root? {
    let threads = run.threads?.constant ?? 128
    guard threads > 0 else { return nil }
    let name = c.fragments[0].name
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
    for e in c.columnCopies {
      guard let v = copyLanes(e) else { return nil }
      let line = source.line(of: run.events[e].call.range.start) + 1
      let vector = run.events[e].operands.prefix(2).compactMap(\.buffer).first { c.columns.contains($0.id) }
      let why =
        "\(name)'s layout follows \(vector?.name ?? "a column vector")'s, which the copy on line \(line) lays out (\(v) contiguous element\(v == 1 ? "" : "s") per thread)"
      candidates.append((2 * e + 1, Root(lanes: v, reason: why, event: e, column: true)))
    }
    candidates.sort { $0.order < $1.order }
    guard !candidates.isEmpty else { return nil }
    let (m, n) = (c.shape[0], c.shape[1])
    // Row vectors: each costs the rows a thread holds of it under the candidate's runs.
    let vectors = max(1, c.rows.count + c.loose.count)
    func held(_ lanes: Int) -> Int { Self.rowsPerThread(rows: m, columns: n, lanes: lanes, threads: threads) }
    // With column vectors, every fragment's registers count (0.1.15 `CountRegisterSlots`): a column root gives each
    // thread whole columns of the 2-D fragments and every row of the row vectors, the column vector's own share of
    // the columns (one run each when fewer columns than threads × lanes: replicated).
    func columnCost(_ r: Root) -> Int {
      let rowVectors = c.rows.count
      let lanes = max(1, r.lanes)
      let chunk = threads * lanes
      if r.column {
        let own = n >= chunk ? (n + chunk - 1) / chunk * lanes : lanes
        return c.fragments.count * m * own + rowVectors * m + c.columns.count * own
      }
      let own = m * n >= chunk ? (m * n + chunk - 1) / chunk * lanes : lanes
      return c.fragments.count * own + rowVectors * held(lanes)
        + c.columns.count * Self.columnsPerThread(rows: m, columns: n, lanes: lanes, threads: threads)
    }
    func cost(_ r: Root) -> Int {
      if !c.columns.isEmpty { return columnCost(r) }
      return c.rowReduced ? held(r.lanes) * vectors : 0
    }
    var best = 0
    for i in candidates.indices.dropFirst() where cost(candidates[i].root) < cost(candidates[best].root) { best = i }
    var root = candidates[best].root
    if best > 0 {
      root.reason +=
        c.columns.isEmpty
        ? ": of the ops that can lay it out, this one leaves each thread the fewest rows of its row reductions"
        : ": of the ops that can lay it out, this one leaves each thread the fewest registers"
    }
    // A loose reduction output's copy as the root: its own plan holds max(1, m / threads) registers; the first
    // candidate then lays out the fragments, and the reduction into the loose vector stays valid only when every
    // thread holds every row (its plan's threads are among the reduction's). Registers decide, the earliest on a tie.
    let first = candidates[0].root
    if !c.loose.isEmpty, held(first.lanes) == m, threads > 0 {
      let looseCost = (vectors - 1) * held(first.lanes) + max(1, m / threads)
      let rootOrder = candidates[best].order
      for (_, events) in c.loose.sorted(by: { ($0.value.first ?? 0) < ($1.value.first ?? 0) }) {
        guard let e = events.first else { continue }
        if looseCost < cost(root) || (looseCost == cost(root) && 2 * e + 1 < rootOrder) {
          let line = source.line(of: run.events[e].call.range.start) + 1
          root = first
          root.event = nil
          root.reason +=
            " (the copy on line \(line) of a reduction output is the root, so the first op that can lay \(name) out does)"
        }
        break
      }
    }
    return root
  }
}
