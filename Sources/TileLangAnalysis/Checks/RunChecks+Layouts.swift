// Planning facts about layouts the compiler gives buffers outside the copy itself: register gemm operands, shared
// float64 tiles, and fragments warp specialisation clones into its producer branch.

import TileLangSyntax

extension RunChecks {
  /// TL416 on `target`, each fragment of a free-level component judged by the width every op that could root its
  /// layout would plan (copies from their own plan, loops from their own runs).
  static func reduceThreads(
    _ shared: SharedRun, _ target: TargetArch, _ lanes: [Int: Int], _ free: FreeFragmentLayouts,
    _ loops: ParallelLoopLayouts, _ facts: PlanningFacts, _ source: SourceText
  ) -> [Diagnostic] {
    let own = rootWidths(shared, target, loops, facts, source)
    return ReduceRowThreads.check(
      shared.run, target: target, lanes: lanes, source: source,
      candidates: { free.candidates(of: $0, copyLanes: own.copy, loopLanes: own.loop) })
  }

  /// The width each op would plan on `target` as the root of a free-level layout (FreeFragmentLayouts): a copy
  /// (by event index) from its own plan, a `T.Parallel` loop (by index) from its own runs.
  static func rootWidths(
    _ shared: SharedRun, _ target: TargetArch, _ loops: ParallelLoopLayouts, _ facts: PlanningFacts,
    _ source: SourceText
  ) -> (copy: (Int) -> Int?, loop: (Int) -> Int?) {
    (
      { ownLanes($0, shared, target: target, facts: facts, source: source) },
      { loops.ownRuns(shared.run.parallelLoops[$0], target: target)?.0 }
    )
  }

  /// The fragments a `T.gemm` reads as its A or B operand in registers, with the contiguous elements each thread
  /// holds along the fragment's last dimension in the mma operand layout (mma_macro_generator / wgmma
  /// make_mma_load_layout): a thread holds 32 bits of adjacent K elements (2 halves, 4 bytes, 1 float), so a
  /// K-major operand (A not transposed, B transposed) runs 32 / element-bits elements, and any other runs 1.
  /// Fragments that are also a gemm's accumulator, or operands of gemms that disagree, are left out (the
  /// accumulator layout's 2 elements apply).
  static func gemmOperandRuns(_ run: KernelRun) -> [Int: Int] {
    var runs: [Int: Int] = [:]
    var excluded: Set<Int> = []
    for case .gemm(let g) in run.layoutOps where g.op == "gemm" && g.operands.count >= 3 {
      if case .buffer(let c) = g.operands[2] { excluded.insert(c.id) }
      for (i, transposed) in [(0, g.transposeA), (1, g.transposeB)] {
        guard case .buffer(let b) = g.operands[i], b.scope.isFragment, let bits = b.elementBits, bits > 0 else {
          continue
        }
        guard let transposed else {
          excluded.insert(b.id)
          continue
        }
        let kMajor = i == 0 ? !transposed : transposed
        let elements = kMajor ? max(1, 32 / bits) : 1
        if let old = runs[b.id], old != elements { excluded.insert(b.id) }
        runs[b.id] = elements
      }
    }
    return runs.filter { !excluded.contains($0.key) }
  }

  /// Fragments a `T.Parallel` loop over a gemm-layout fragment's shape lays out. The gemm layout is strict, so the
  /// loop runs at layout inference's common level, before any copy plans its own partition: a 1-D fragment it reads
  /// at the column index (`scale[j]`) takes the threads that hold each column (`CompleteBufferFragment`), so each
  /// thread holds the columns of its runs (2 adjacent for an accumulator or a 16-bit K-major operand,
  /// `operandRuns`) and a copy of it moves those runs per thread; a 1-D loop over the same extent that writes such a
  /// vector hands its layout to the other vectors it reads (`ComputeLoopLayoutFromBuffer` from the written one). A
  /// 2-D fragment the loop reads transposed (`x_local[j, i]`) holds single elements along its last dim (a gemm
  /// layout puts adjacent rows in different threads), and one it reads at `[i, j]` takes the gemm layout itself.
  /// Followed only for fragments that nothing but whole copies, fills, that one loop and those 1-D loops touch.
  /// Returns per fragment the runs and whether a copy of it runs per thread.
  static func gemmLoopRuns(_ run: KernelRun, gemmLayout: Set<Int>, operandRuns: [Int: Int], source: SourceText)
    -> [Int: (runs: Int, perThread: Bool, reason: String)]
  {
    var out: [Int: (runs: Int, perThread: Bool, reason: String)] = [:]
    var dropped: Set<Int> = []
    func loops(touching id: Int) -> [ParallelLoop] {
      run.parallelLoops.filter { $0.accesses.contains { $0.buffer.id == id } }
    }
    // Every reference of b is a whole copy operand, a fill, or an access in one of `within`.
    func onlyCopiesAnd(_ b: Buffer, within: [ParallelLoop]) -> Bool {
      guard b.scope.isFragment, !gemmLayout.contains(b.id), !run.gemmOperands.contains(b.id),
        !run.annotatedLayouts.contains(b.id), !run.serialElementAccess.contains(b.id),
        let refs = run.fragmentReferences[b.id], !refs.isEmpty
      else { return false }
      var allowed: [TextRange] = []
      for e in run.events {
        for (i, o) in e.operands.enumerated() where o.buffer?.id == b.id {
          guard e.op == "copy", i < e.operandExprs.count, case .name = e.operandExprs[i].kind, case .buffer = o else {
            return false
          }
          allowed.append(e.operandExprs[i].range)
        }
      }
      for t in run.tileOpCalls where t.op == "fill" || t.op == "clear" {
        if t.operands.first?.buffer?.id == b.id { allowed.append(t.call.range) }
      }
      for loop in within { allowed.append(contentsOf: loop.accesses.filter { $0.buffer.id == b.id }.map(\.range)) }
      return refs.allSatisfy { ref in allowed.contains { $0.start <= ref.start && ref.end <= $0.end } }
    }
    func note(_ id: Int, _ value: (runs: Int, perThread: Bool, reason: String)) {
      if let old = out[id], old.runs != value.runs || old.perThread != value.perThread { dropped.insert(id) }
      if out[id] == nil { out[id] = value }
    }
    for loop in run.parallelLoops {
      guard let vars = loop.variables, vars.count == 2, let ei = vars[0].extent?.constant,
        let ej = vars[1].extent?.constant
      else { continue }
      let (i, j) = (SymExpr(variable: vars[0].name), SymExpr(variable: vars[1].name))
      guard
        let g = loop.accesses.first(where: {
          gemmLayout.contains($0.buffer.id) && $0.indices == [i, j] && $0.buffer.concreteShape == [ei, ej]
        })?.buffer
      else { continue }
      let columnRuns = operandRuns[g.id] ?? 2
      let line = source.line(of: loop.range.start) + 1
      for a in loop.accesses where a.buffer.id != g.id && !gemmLayout.contains(a.buffer.id) {
        let b = a.buffer
        let sameEverywhere = loop.accesses.filter { $0.buffer.id == b.id }.allSatisfy { $0.indices == a.indices }
        guard sameEverywhere, loops(touching: b.id).filter({ ($0.variables?.count ?? 0) >= 2 }).count == 1 else {
          continue
        }
        if b.concreteShape == [ej], a.indices == [j] {
          // A column vector, and the 1-D loops that write one of these vectors hand the layout on.
          var group = [b]
          var oneD: [ParallelLoop] = []
          var k = 0
          var ok = true
          while ok, k < group.count {
            let v = group[k]
            k += 1
            for l in loops(touching: v.id) where l.range != loop.range {
              guard let lv = l.variables, lv.count == 1, lv[0].extent?.constant == ej else {
                ok = false
                break
              }
              let x = SymExpr(variable: lv[0].name)
              let vectors = l.accesses.filter { $0.buffer.concreteShape == [ej] && $0.indices == [x] }
              let written = vectors.filter(\.isWrite).map(\.buffer.id)
              guard written.count >= 1, group.contains(where: { written.contains($0.id) }),
                l.accesses.allSatisfy({ a in
                  (a.buffer.concreteShape == [ej] && a.indices == [x])
                    || (a.buffer.concreteShape == [1] && a.indices.allSatisfy { $0?.constant == 0 } && !a.isWrite)
                })
              else {
                ok = false
                break
              }
              if !oneD.contains(where: { $0.range == l.range }) { oneD.append(l) }
              for w in vectors where !group.contains(where: { $0.id == w.buffer.id }) { group.append(w.buffer) }
            }
          }
          guard ok, group.allSatisfy({ onlyCopiesAnd($0, within: [loop] + oneD) }),
            group.dropFirst().allSatisfy({ !loops(touching: $0.id).contains { ($0.variables?.count ?? 0) >= 2 } })
          else { continue }
          for v in group {
            note(
              v.id,
              (
                columnRuns, true,
                "\(v.name) is held like the columns of \(g.name)'s gemm layout (the T.Parallel loop on line \(line)): each thread holds runs of \(columnRuns)"
              ))
          }
        } else if b.concreteShape == [ei, ej], a.indices == [i, j], !a.isWrite, onlyCopiesAnd(b, within: [loop]) {
          note(
            b.id,
            (
              columnRuns, false,
              "\(b.name) takes \(g.name)'s gemm layout in the T.Parallel loop on line \(line) (\(columnRuns) adjacent element\(columnRuns == 1 ? "" : "s") per thread)"
            ))
        } else if b.concreteShape == [ej, ei], a.indices == [j, i], !a.isWrite, onlyCopiesAnd(b, within: [loop]) {
          note(
            b.id,
            (
              1, false,
              "\(b.name) is read transposed in the T.Parallel loop on line \(line) over \(g.name)'s gemm layout, which holds no two adjacent rows in one thread"
            ))
        }
      }
    }
    return out.filter { !dropped.contains($0.key) }
  }

  /// The global → fragment `T.copy` calls that warp specialisation moves into its producer branch on `target`
  /// (producer_consumer_ws.cc): the consumer statements of a warp-specialised loop that come before the first one
  /// reading a TMA-loaded tile are moved when every one of them is "movable"; a lone copy from global memory into a
  /// fragment is, and so is a run-time `if` whose branches hold nothing but such copies (the producer keeps the
  /// condition; checked with 0.1.15 on block-index, loop-variable and loaded conditions, with and without `else`).
  /// The producer then writes a per-thread `local` clone of the fragment (`<name>_producer_ws`,
  /// the whole buffer in each thread: 128-bit accesses on sm_90, 256 on sm_100, checked with 0.1.15). Judged only
  /// for loop bodies of lone copies and other statements, without bindings or a guarding `if`, and without
  /// global → shared copies that are not TMA loads (cp.async or synchronous producers move the waits).
  static func producerFragmentCopies(_ run: KernelRun, target: TargetArch, specialized: Set<TextRange>) -> Set<Int> {
    var out: Set<Int> = []
    for loop in run.pipelinedLoops where specialized.contains(loop.range) {
      guard !loop.guardedBody, !loop.statements.contains(where: \.binds) else { continue }
      func lone(_ s: PipelinedLoop.Statement) -> CopyEvent? {
        guard s.isCall, s.events.count == 1, s.events.lowerBound < run.events.count else { return nil }
        return run.events[s.events.lowerBound]
      }
      var tma: [Int] = []  // statement indices of TMA loads, in order
      var blocked = false
      for (i, s) in loop.statements.enumerated() {
        guard let e = lone(s), e.op == "copy", e.operands.first?.buffer?.scope == .global,
          e.operands.dropFirst().first?.buffer?.scope.isShared ?? false
        else { continue }
        if LoweringPlanner.isTmaProducer(e, target: target) { tma.append(i) } else { blocked = true }
      }
      guard !blocked, !tma.isEmpty else { continue }
      let consumers = loop.statements.indices.filter { !tma.contains($0) }
      func intoFragment(_ e: CopyEvent) -> Bool {
        e.op == "copy" && e.operands.count >= 2 && e.operands[0].buffer?.scope == .global
          && (e.operands[1].buffer?.scope.isFragment ?? false)
      }
      // A run-time `if` whose branches are all such copies moves too, under its condition.
      func movable(_ i: Int) -> Bool {
        let s = loop.statements[i]
        if let e = lone(s) { return intoFragment(e) }
        guard let n = s.guardedCalls, n > 0, s.events.count == n, s.events.upperBound <= run.events.count else {
          return false
        }
        return s.events.allSatisfy { intoFragment(run.events[$0]) }
      }
      var cursor = 0
      for t in tma {
        guard let tile = loop.statements[t].copiesInto else { continue }
        let wait = consumers.firstIndex { loop.statements[$0].reads.contains(tile) } ?? 0
        if wait <= cursor {
          cursor = max(cursor, wait)
          continue
        }
        let prefix = consumers[cursor..<wait]
        if prefix.allSatisfy(movable) {
          for i in prefix { out.formUnion(loop.statements[i].events) }
        }
        cursor = wait
      }
    }
    return out
  }

  /// The layouts the compiler gives shared float64 tiles (src/layout/gemm_layouts.cc). A shared A or B operand of a
  /// `T.gemm` (an mma for float64 on every target) gets `make_swizzled_layout`: with a last dimension that is a
  /// multiple of 16 that is `makeGemmABLayoutF64_Kinner`, an XOR swizzle of single elements, else a padded layout;
  /// TMA encodes neither. On TMA targets a tile with no other layout that a `T.copy` can store to global memory by
  /// TMA gets its layout from that store (`MakeGemmABLayoutHopper`, k-inner): the same single-element swizzle when
  /// its last dimension is a multiple of 16, which TMA cannot encode either, so the store falls back to SIMT.
  /// Checked with 0.1.15 on sm_80, sm_90 and sm_100: such tiles move 64 bits per access (cp.async or SIMT), a padded
  /// gemm operand 128.
  static func float64SharedLayouts(_ run: KernelRun, target: TargetArch, passConfigs: PassConfigs)
    -> (singleElement: Set<Int>, tmaUnencodable: Set<Int>)
  {
    var single: Set<Int> = []
    var unencodable: Set<Int> = []
    let candidates = run.buffers.filter {
      $0.scope.isShared && $0.dtype == "float64" && !run.annotatedLayouts.contains($0.id) && $0.rank >= 2
    }
    if candidates.isEmpty { return (single, unencodable) }
    var operands: Set<Int> = []
    for case .gemm(let g) in run.layoutOps where g.op == "gemm" {
      for case .buffer(let b) in g.operands.prefix(2) where b.scope.isShared { operands.insert(b.id) }
    }
    var stored: Set<Int> = []
    if target.hasBulkCopy, !passConfigs.disableTmaLower {
      for e in run.events where e.op == "copy" && e.operands.count >= 2 && !LoweringPlanner.disablesTma(e) {
        guard case .tile(let copy) = CopyRegions.model(e.operands[0], e.operands[1], hasAnnotations: false),
          copy.src.buffer.scope.isShared, copy.dst.buffer.scope == .global,
          CopyFacts(copy: copy, target: target).canBulkStoreReason == nil
        else { continue }
        stored.insert(copy.src.buffer.id)
      }
    }
    for b in candidates {
      guard let last = b.shape.last?.constant else { continue }
      if operands.contains(b.id) {
        unencodable.insert(b.id)
        if last % 16 == 0 { single.insert(b.id) }
      } else if stored.contains(b.id), last % 16 == 0 {
        unencodable.insert(b.id)
        single.insert(b.id)
      }
    }
    return (single, unencodable)
  }

  /// The operand with its buffer replaced by a `local` buffer of the same shape (a branch-private clone).
  static func localClone(_ operand: Operand) -> Operand {
    func clone(_ b: Buffer) -> Buffer {
      Buffer(
        id: -1 - b.id, name: b.name, shape: b.shape, dtype: b.dtype, scope: .local, strides: b.strides,
        declarationRange: b.declarationRange, nameRange: b.nameRange, allocator: b.allocator)
    }
    switch operand {
    case .buffer(let b): return .buffer(clone(b))
    case .region(let b, let mins, let extents): return .region(clone(b), mins: mins, extents: extents)
    case .point(let b, let indices): return .point(clone(b), indices: indices)
    default: return operand
    }
  }
}
