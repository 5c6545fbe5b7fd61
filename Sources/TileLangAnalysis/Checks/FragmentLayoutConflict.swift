// Fragment layout conflicts (TL411): layout inference (transform/layout_inference) fixes gemm fragments first and
// then walks the other tile ops, deriving layouts and checking every fragment an op touches against its own
// partition. Two ops that demand different layouts for one fragment fail the compile. tl-lsp follows gemms,
// fragment↔fragment copies, reductions and `T.Parallel` loops over gemm fragments; a fragment anything else may lay
// out is left alone.

import TileLangSyntax

enum FragmentLayoutConflict {
  /// Emits TL411 for the first conflict layout inference meets on `target`, if any.
  static func check(_ shared: SharedRun, target: TargetArch, passConfigs: PassConfigs, source: SourceText)
    -> [Diagnostic]
  {
    guard let threads = shared.run.threads?.constant, !shared.run.narrowedThreads, mayConflict(shared.run) else {
      return []
    }
    var sim = Simulation(run: shared, source: source, target: target)
    if let d = sim.fixGemmLayouts(threads: threads, passConfigs: passConfigs) { return [d] }
    // Without a gemm-fixed layout, nothing is laid out before layout inference's free mode, which is not followed.
    guard !sim.known.isEmpty else { return [] }
    if let d = sim.checkParallelLoops() { return [d] }
    sim.collectEdges()
    sim.taintUntracked()
    return sim.propagate().map { [$0] } ?? []
  }
}

extension FragmentLayoutConflict {
  /// Only a fragment that two ops lay out can conflict: two gemms on one fragment, a copy or reduction between
  /// fragments, or a `T.Parallel` loop over two gemm fragments. Without one the simulation finds nothing, so its
  /// per-element layouts are not computed.
  static func mayConflict(_ run: KernelRun) -> Bool {
    var gemmFragments = Set<Int>()
    for op in run.layoutOps {
      switch op {
      case .gemm(let g):
        for case .buffer(let b) in g.operands where b.scope.isFragment {
          if !gemmFragments.insert(b.id).inserted { return true }
        }
      case .copy(let i):
        guard i < run.events.count else { continue }
        if run.events[i].operands.compactMap(\.buffer).filter(\.scope.isFragment).count >= 2 { return true }
      case .reduce(let r):
        if case .buffer(let s) = r.source, case .buffer(let d) = r.destination, s.scope.isFragment, d.scope.isFragment {
          return true
        }
      }
    }
    return run.parallelLoops.contains { Set($0.accesses.map(\.buffer.id)).intersection(gemmFragments).count >= 2 }
  }
}

// MARK: - Simulation

/// Where a fragment's layout comes from, for messages and related notes.
private struct LayoutOrigin {
  /// A predicate: `is the accumulator of the T.gemm on line 12 (mma, 2×2 warps, policy Square)`.
  var text: String
  /// The op that fixed the layout first (a gemm), or the reduction that derived it.
  var range: TextRange
  /// The gemm role the layout comes from in the end.
  var role: GemmFragmentLayout.Role?
}

private struct KnownLayout {
  var owners: FragmentOwners
  var origin: LayoutOrigin
}

/// A copy or reduction between two fragments, in program order.
private struct LayoutEdge {
  enum Kind {
    /// A SIMT copy: loop points map source indices to destination indices.
    case copy(event: CopyEvent, points: CopyPoints)
    case reduce(ReduceCall, dim: Int)
  }
  var kind: Kind
  var from: Buffer
  var to: Buffer
  /// Propagating a layout along the edge is exact (a whole-buffer copy between equal shapes, or a reduction).
  var exact: Bool
  var range: TextRange
}

/// The loop of a fragment↔fragment copy: each point reads `src` and writes `dst`. Both sides are indexed at their
/// minimum plus the loop variable in their own non-1 dimensions (MakeIndices).
private struct CopyPoints {
  var srcMins: [Int]
  var dstMins: [Int]
  var srcDims: [Int]
  var dstDims: [Int]
  var extents: [Int]
  var count: Int

  /// Calls `body` with each point in loop order until it returns false (no allocation per point).
  func forEach(_ body: (_ src: [Int], _ dst: [Int]) -> Bool) {
    var iv = Array(repeating: 0, count: extents.count)
    var s = srcMins
    var d = dstMins
    for _ in 0..<count {
      guard body(s, d) else { return }
      var n = extents.count - 1
      while n >= 0 {
        iv[n] += 1
        s[srcDims[n]] += 1
        d[dstDims[n]] += 1
        if iv[n] < extents[n] { break }
        s[srcDims[n]] -= iv[n]
        d[dstDims[n]] -= iv[n]
        iv[n] = 0
        n -= 1
      }
    }
  }
}

private struct Simulation {
  private let shared: SharedRun
  var run: KernelRun { _read { yield shared.run } }
  let source: SourceText
  let target: TargetArch
  var known: [Int: KnownLayout] = [:]
  /// Fragments whose layout is fixed before propagation by something tl-lsp cannot compute.
  var fixedUnknown: Set<Int> = []
  /// Fragments whose layout may come from an op tl-lsp does not follow (and everything copied from or to them).
  var tainted: Set<Int> = []
  var edges: [LayoutEdge] = []

  init(run shared: SharedRun, source: SourceText, target: TargetArch) {
    self.shared = shared
    self.source = source
    self.target = target
  }

  func line(_ r: TextRange) -> Int { source.line(of: r.start) + 1 }

  var fixed: Set<Int> { fixedUnknown.union(known.keys) }

  // MARK: Gemms (the strict level)

  /// Every gemm fixes its fragment operands in program order; a second, different layout is fatal
  /// ("Get different layout for ...").
  mutating func fixGemmLayouts(threads: Int, passConfigs: PassConfigs) -> Diagnostic? {
    fixedUnknown = run.annotatedLayouts
    for op in run.layoutOps {
      guard case .gemm(let g) = op else { continue }
      let plan = GemmFragmentLayout.plan(g, threads: threads, target: target, passConfigs: passConfigs)
      let roles: [(GemmFragmentLayout.Role, Bool?)] = [(.a, g.transposeA), (.b, g.transposeB), (.accumulator, false)]
      for (i, (role, transposed)) in roles.enumerated() {
        guard case .buffer(let b) = g.operands[i], b.scope.isFragment else { continue }
        var owners: FragmentOwners?
        if let plan, let transposed {
          owners = GemmFragmentLayout.owners(role, plan: plan, buffer: b, transposed: transposed)
        }
        guard let owners, let plan, !fixedUnknown.contains(b.id) else {
          fixedUnknown.insert(b.id)
          known[b.id] = nil
          continue
        }
        let origin = LayoutOrigin(
          text: "is the \(Self.roleName(role)) of the \(callName(g)) on line \(line(g.call.range)) (\(plan.summary))",
          range: g.call.range, role: role)
        guard let first = known[b.id] else {
          known[b.id] = KnownLayout(owners: owners, origin: origin)
          continue
        }
        guard let x = owners.firstDifference(from: first.owners) else { continue }
        let range = g.operandExprs[i]?.range ?? g.call.range
        let example =
          "element \(FragmentOwners.text(x)) is on \(FragmentOwners.text(owners.owners(x))) here, on "
          + "\(FragmentOwners.text(first.owners.owners(x))) there"
        return Diagnostic(
          .TL411,
          "this \(callName(g)) lays out its \(Self.roleName(role)) \(b.name) \(b.shapeText) for \(plan.summary) on \(target.rawValue), but \(b.name) already \(first.origin.text): \(example); layout inference fails (\"Get different layout for \(b.name)\"); give both gemms the same warp policy or use separate fragments",
          at: range,
          related: [RelatedNote(message: "\(b.name)'s layout is first fixed here", range: first.origin.range)])
      }
    }
    return nil
  }

  func callName(_ g: GemmCall) -> String { "T.\(g.op)" }

  static func roleName(_ role: GemmFragmentLayout.Role) -> String {
    switch role {
    case .a: return "A operand"
    case .b: return "B operand"
    case .accumulator: return "accumulator"
    }
  }

  // MARK: Edges and what tl-lsp does not follow

  /// Copies and reductions between fragments; a fragment in one that cannot be modelled is tainted.
  mutating func collectEdges() {
    for op in run.layoutOps {
      switch op {
      case .gemm: continue
      case .copy(let i):
        guard i < run.events.count else { continue }
        let e = run.events[i]
        let frags = e.operands.compactMap(\.buffer).filter(\.scope.isFragment)
        guard !frags.isEmpty else { continue }
        if let edge = copyEdge(e) {
          edges.append(edge)
        } else if frags.count == e.operands.count || !Self.isNeutral(e) {
          taint(frags)
        }
      case .reduce(let r):
        let frags = [r.source, r.destination].compactMap { v -> Buffer? in
          if case .buffer(let b) = v, b.scope.isFragment { return b }
          return nil
        }
        guard !frags.isEmpty else { continue }
        if let edge = reduceEdge(r) { edges.append(edge) } else { taint(frags) }
      }
    }
  }

  /// Fragments some untracked op may lay out, and everything linked to them or to unknown fixed layouts.
  mutating func taintUntracked() {
    for b in run.buffers where b.scope.isFragment && (run.untrackedLayouts.contains(b.id) || b.concreteShape == nil) {
      taint([b])
    }
    for e in edges where !e.exact { taint([e.from, e.to]) }
    for e in edges where fixedUnknown.contains(e.from.id) || fixedUnknown.contains(e.to.id) { taint([e.from, e.to]) }
    var changed = true
    while changed {
      changed = false
      for e in edges where tainted.contains(e.from.id) != tainted.contains(e.to.id) {
        let before = tainted.count
        taint([e.from, e.to])
        changed = changed || tainted.count != before
      }
    }
  }

  /// Taints the fragments among `buffers` whose layout is not fixed by a gemm.
  mutating func taint(_ buffers: [Buffer]) {
    let f = fixed
    for b in buffers where b.scope.isFragment && !f.contains(b.id) { tainted.insert(b.id) }
  }

  func copyEdge(_ e: CopyEvent) -> LayoutEdge? {
    guard e.op == "copy", e.operands.count >= 2, e.operandExprs.count >= 2, e.keywords.isEmpty,
      !e.loops.contains(where: \.isParallel),
      case .tile(let c) = CopyRegions.model(e.operands[0], e.operands[1], hasAnnotations: true),
      c.src.buffer.scope.isFragment, c.dst.buffer.scope.isFragment, c.src.buffer.id != c.dst.buffer.id,
      let srcShape = c.src.buffer.concreteShape, let dstShape = c.dst.buffer.concreteShape
    else { return nil }
    // Both sides are fragments: the loop runs over the source's non-1 extents (MakeIterVars), and each side is
    // indexed at min + loop variable in its own non-1 dimensions (MakeIndices).
    let loopDims = c.src.nonUnit
    let dstDims = c.dst.nonUnit
    guard dstDims.count == loopDims.count, let srcMins = Self.constants(c.src.mins),
      let dstMins = Self.constants(c.dst.mins),
      let extents = Self.constants(loopDims.map { Optional($0.extent) }),
      let count = FragmentOwners.elementCount(extents.isEmpty ? [1] : extents)
    else { return nil }
    // The loop's box lies inside both buffers (it is convex, so its corners decide), and the copy is the identity
    // when both sides start at the same place and walk the same dimensions.
    let srcDims = loopDims.map(\.dim)
    let dstDimIndices = dstDims.map(\.dim)
    if count > 0 {
      var srcLast = srcMins
      var dstLast = dstMins
      for (n, x) in extents.enumerated() {
        srcLast[srcDims[n]] += x - 1
        dstLast[dstDimIndices[n]] += x - 1
      }
      guard Self.inside(srcMins, srcShape), Self.inside(srcLast, srcShape), Self.inside(dstMins, dstShape),
        Self.inside(dstLast, dstShape)
      else { return nil }
    }
    let points = CopyPoints(
      srcMins: srcMins, dstMins: dstMins, srcDims: srcDims, dstDims: dstDimIndices, extents: extents, count: count)
    let identity = count == 0 || (srcMins == dstMins && srcDims == dstDimIndices)
    let exact = srcShape == dstShape && identity && FragmentOwners.elementCount(dstShape) == count
    return LayoutEdge(
      kind: .copy(event: e, points: points), from: c.src.buffer, to: c.dst.buffer, exact: exact,
      range: e.operandExprs[1].range)
  }

  func reduceEdge(_ r: ReduceCall) -> LayoutEdge? {
    guard case .buffer(let s) = r.source, case .buffer(let d) = r.destination, s.scope.isFragment,
      d.scope.isFragment, let dim = r.dim, let ss = s.concreteShape, let ds = d.concreteShape, dim >= 0, dim < ss.count,
      !r.loops.contains(where: \.isParallel)
    else { return nil }
    var expected = ss
    expected.remove(at: dim)
    if expected.isEmpty { expected = [1] }
    guard ds == expected else { return nil }
    return LayoutEdge(
      kind: .reduce(r, dim: dim), from: s, to: d, exact: true, range: r.destinationExpr?.range ?? r.call.range)
  }

  /// A tile copy between a fragment and shared or global memory: it lays nothing out while propagation runs
  /// (its loop has no laid-out fragment to start from, or follows the fragment's layout).
  static func isNeutral(_ e: CopyEvent) -> Bool {
    guard e.op == "copy", e.operands.count >= 2,
      !e.loops.contains(where: \.isParallel),
      case .tile = CopyRegions.model(e.operands[0], e.operands[1], hasAnnotations: true)
    else { return false }
    return e.keywords["loop_layout"] == nil && e.keywords["annotations"] == nil
  }

  static func constants(_ xs: [SymExpr?]) -> [Int]? {
    let c = xs.compactMap { $0?.constant }
    return c.count == xs.count ? c : nil
  }

  static func inside(_ index: [Int], _ shape: [Int]) -> Bool {
    index.count == shape.count && zip(index, shape).allSatisfy { $0 >= 0 && $0 < $1 }
  }

  // MARK: Propagation (the common level)

  /// Runs the edges in program order, as the engine's first pass over its queue does; an edge with no laid-out
  /// end waits until one of its fragments gets a layout, and then runs next (the engine puts it at the front of
  /// its queue). Returns the first conflict.
  mutating func propagate() -> Diagnostic? {
    var pending: [Int] = []
    var queue = edges.indices[...]
    var woken: [Int] = []
    while !woken.isEmpty || !queue.isEmpty {
      let i = woken.isEmpty ? queue.removeFirst() : woken.removeFirst()
      let e = edges[i]
      guard !tainted.contains(e.from.id), !tainted.contains(e.to.id), !fixedUnknown.contains(e.from.id),
        !fixedUnknown.contains(e.to.id)
      else { continue }
      switch step(e) {
      case .conflict(let d): return d
      case .waiting: pending.append(i)
      case .laidOut(let b):
        let users = pending.filter { edges[$0].from.id == b || edges[$0].to.id == b }
        pending.removeAll { users.contains($0) }
        woken = users + woken
      case .done: break
      }
    }
    return nil
  }

  enum StepResult {
    case conflict(Diagnostic)
    case waiting
    case laidOut(Int)
    case done
  }

  mutating func step(_ e: LayoutEdge) -> StepResult {
    switch e.kind {
    case .copy(let event, let points):
      switch (known[e.from.id], known[e.to.id]) {
      case (let s?, let d?):
        return copyConflict(e, event: event, points: points, src: s, dst: d).map { .conflict($0) } ?? .done
      case (let s?, nil):
        known[e.to.id] = KnownLayout(owners: s.owners, origin: through(s, e.from, event))
        return .laidOut(e.to.id)
      case (nil, let d?):
        known[e.from.id] = KnownLayout(owners: d.owners, origin: through(d, e.to, event))
        return .laidOut(e.from.id)
      case (nil, nil):
        return .waiting
      }
    case .reduce(let r, let dim):
      guard let s = known[e.from.id] else { return .waiting }
      guard let reduced = s.owners.reduced(over: dim) else { return .done }
      let origin = LayoutOrigin(
        text:
          "is the output of the T.\(r.op) on line \(line(r.call.range)) over \(e.from.name), which \(s.origin.text)",
        range: r.call.range, role: nil)
      guard let d = known[e.to.id] else {
        known[e.to.id] = KnownLayout(owners: reduced, origin: origin)
        return .laidOut(e.to.id)
      }
      return reduceConflict(e, r, reduced: reduced, sourceText: s.origin.text, dst: d).map { .conflict($0) } ?? .done
    }
  }

  func through(_ k: KnownLayout, _ b: Buffer, _ event: CopyEvent) -> LayoutOrigin {
    LayoutOrigin(
      text:
        "takes its layout through the T.copy on line \(line(event.call.range)) from \(b.name), which \(k.origin.text)",
      range: k.origin.range, role: k.origin.role)
  }

  /// The copy's loop takes the destination's layout; every thread of it must hold the source element it reads
  /// (ParallelOpNode::ValidateCandidateAgainstFragments).
  func copyConflict(
    _ e: LayoutEdge, event: CopyEvent, points: CopyPoints, src: KnownLayout, dst: KnownLayout
  ) -> Diagnostic? {
    var bad: (src: [Int], dst: [Int])?
    points.forEach { s, d in
      if FragmentOwners.contains(src.owners.owners(s), dst.owners.owners(d)) { return true }
      bad = (s, d)
      return false
    }
    if let p = bad {
      let need = dst.owners.owners(p.dst)
      let have = src.owners.owners(p.src)
      let example =
        "\(e.to.name)\(FragmentOwners.text(p.dst)) is on \(FragmentOwners.text(need)), but "
        + "\(e.from.name)\(FragmentOwners.text(p.src)) is only on \(FragmentOwners.text(have))"
      var hint = "stage the copy through shared memory"
      switch (src.origin.role, dst.origin.role) {
      case (.accumulator?, .a?):
        hint += ", or split both gemms' warps over rows only (policy=FullRow in both)"
      case (.accumulator?, .accumulator?) where e.exact:
        hint += ", or give both gemms the same warp partition"
      default:
        break
      }
      return Diagnostic(
        .TL411,
        "this copy between fragments of conflicting layouts fails on \(target.rawValue): \(e.to.name) \(dst.origin.text), and \(e.from.name) \(src.origin.text); \(example): layout inference fails (\"Layout infer conflict between \(e.from.name) and \(e.to.name) in T.Parallel loop\"); \(hint)",
        at: e.range, related: Self.layoutNotes([(e.to.name, dst), (e.from.name, src)]))
    }
    return nil
  }

  /// "A's layout comes from here" for each fragment of a conflict.
  static func layoutNotes(_ fragments: [(name: String, layout: KnownLayout)]) -> [RelatedNote] {
    fragments.map { RelatedNote(message: "\($0.name)'s layout comes from here", range: $0.layout.origin.range) }
  }

  /// A reduction into a fragment that already has a layout: the old layout must place every element only on
  /// threads the reduction leaves it on (ReduceOpNode::InferLayout).
  func reduceConflict(
    _ e: LayoutEdge, _ r: ReduceCall, reduced: FragmentOwners, sourceText: String, dst: KnownLayout
  ) -> Diagnostic? {
    guard let shape = dst.owners.shape.count == reduced.shape.count ? reduced.shape : nil,
      let count = FragmentOwners.elementCount(shape)
    else { return nil }
    var index = Array(repeating: 0, count: shape.count)
    for _ in 0..<count {
      let old = dst.owners.owners(index)
      let new = reduced.owners(index)
      if !FragmentOwners.contains(new, old) {
        return Diagnostic(
          .TL411,
          "this reduction into \(e.to.name) fails on \(target.rawValue): \(e.to.name) already \(dst.origin.text), and \(e.from.name) \(sourceText); \(e.to.name)\(FragmentOwners.text(index)) is on \(FragmentOwners.text(old)), but the reduction leaves it only on \(FragmentOwners.text(new)): layout inference fails (\"Layout may conflict with ReduceOp for buffer \(e.to.name) vs. \(e.from.name)\"); reduce into a separate fragment",
          at: e.range, related: [RelatedNote(message: "\(e.to.name)'s layout comes from here", range: dst.origin.range)]
        )
      }
      FragmentOwners.advance(&index, shape)
    }
    return nil
  }

  // MARK: T.Parallel loops (the common level)

  /// A `T.Parallel` loop that touches two gemm-laid-out fragments takes its thread partition from one of them (the
  /// last one it writes, else the first it reads with one owner per element) and checks the others against it
  /// (ParallelOpNode::InferLayout, ValidateCandidateAgainstFragments): a fragment it reads must be held by the
  /// loop's thread at every point, one it writes by exactly that thread. Only loops whose fragment indices are
  /// affine in the loop variables, with constant trip counts, are followed.
  func checkParallelLoops() -> Diagnostic? {
    for loop in run.parallelLoops {
      guard let variables = loop.variables, let extents = Self.constants(variables.map(\.extent)),
        !extents.isEmpty, let count = FragmentOwners.elementCount(extents), count <= FragmentOwners.maxElements
      else { continue }
      let names = variables.map(\.name)
      var laidOut: [(access: ParallelLoop.Access, layout: KnownLayout, index: [AffineIndex])] = []
      var modelled = true
      for a in loop.accesses where !fixedUnknown.contains(a.buffer.id) && !tainted.contains(a.buffer.id) {
        guard let layout = known[a.buffer.id] else { continue }
        guard a.indices.count == layout.owners.shape.count,
          let index = AffineIndex.of(a.indices, in: names)
        else {
          modelled = false
          break
        }
        if let other = laidOut.first(where: { $0.access.buffer.id == a.buffer.id }) {
          if other.index != index { modelled = false }  // one buffer at two index patterns: not followed
          if !modelled { break }
          continue
        }
        laidOut.append((a, layout, index))
      }
      guard modelled, laidOut.count >= 2,
        let source = laidOut.last(where: { $0.access.isWrite })
          ?? laidOut.first(where: { $0.layout.owners.isUnreplicated })
      else { continue }
      // Fragments read or written at the source's own indices with the source's own layout always fit.
      let others = laidOut.filter {
        $0.access.buffer.id != source.access.buffer.id
          && !($0.index == source.index && $0.layout.owners == source.layout.owners)
      }
      guard !others.isEmpty else { continue }
      var point = Array(repeating: 0, count: extents.count)
      var at = Array(repeating: 0, count: source.index.count)
      var x: [Int] = []
      for _ in 0..<count {
        for (d, e) in source.index.enumerated() { at[d] = e.value(point) }
        if Self.inside(at, source.layout.owners.shape) {
          let threads = source.layout.owners.owners(at)
          for other in others {
            x.removeAll(keepingCapacity: true)
            for e in other.index { x.append(e.value(point)) }
            guard Self.inside(x, other.layout.owners.shape) else { continue }
            let held = other.layout.owners.owners(x)
            let fits =
              FragmentOwners.contains(held, threads)
              && (!other.access.isWrite || FragmentOwners.contains(threads, held))
            if !fits {
              return parallelConflict(
                loop, other: other.access, otherLayout: other.layout, element: x, held: held, source: source.access,
                sourceLayout: source.layout, sourceElement: at, threads: threads,
                sameIndex: other.index == source.index)
            }
          }
        }
        FragmentOwners.advance(&point, extents)
      }
    }
    return nil
  }

  func parallelConflict(
    _ loop: ParallelLoop, other: ParallelLoop.Access, otherLayout: KnownLayout, element: [Int],
    held: ArraySlice<Int32>, source: ParallelLoop.Access, sourceLayout: KnownLayout, sourceElement: [Int],
    threads: ArraySlice<Int32>, sameIndex: Bool
  ) -> Diagnostic {
    let a = other.buffer.name
    let s = source.buffer.name
    let example =
      "\(s)\(FragmentOwners.text(sourceElement)) is on \(FragmentOwners.text(threads)), but "
      + "\(a)\(FragmentOwners.text(element)) is \(other.isWrite ? "" : "only ")on \(FragmentOwners.text(held))"
    var hint = "stage one of them through shared memory"
    if sameIndex, sourceLayout.origin.role == .accumulator, otherLayout.origin.role == .accumulator {
      hint = "give both gemms the same warp policy, or " + hint
    } else if !sameIndex {
      hint = "index both fragments alike, or " + hint
    }
    return Diagnostic(
      .TL411,
      "this T.Parallel loop takes its threads from \(s), which \(sourceLayout.origin.text), but \(a) \(otherLayout.origin.text): \(example); layout inference fails (\"Layout infer conflict between \(a) and \(s) in T.Parallel loop\") on \(target.rawValue); \(hint)",
      at: other.range, related: Self.layoutNotes([(s, sourceLayout), (a, otherLayout)]))
  }
}

/// A fragment index `c + Σ k·v` in a loop's variables, evaluated at each loop point.
private struct AffineIndex: Equatable {
  var constant: Int
  var coefficients: [Int]

  func value(_ point: [Int]) -> Int {
    var v = constant
    for (k, x) in zip(coefficients, point) { v += k * x }
    return v
  }

  /// nil when some index is unknown or not affine in `names` (another variable, a division, a product).
  static func of(_ indices: [SymExpr?], in names: [String]) -> [AffineIndex]? {
    var out: [AffineIndex] = []
    for e in indices {
      guard let e else { return nil }
      var index = AffineIndex(constant: 0, coefficients: Array(repeating: 0, count: names.count))
      for term in e.terms {
        if term.monomial == .one {
          index.constant += term.coefficient
        } else if term.monomial.atoms.count == 1, case .variable(let n) = term.monomial.atoms[0],
          let i = names.firstIndex(of: n)
        {
          index.coefficients[i] += term.coefficient
        } else {
          return nil
        }
      }
      out.append(index)
    }
    return out
  }
}
