// Planning facts about layouts the compiler gives buffers outside the copy itself: register gemm operands, shared
// float64 tiles, and fragments warp specialisation clones into its producer branch.

import TileLangSyntax

extension RunChecks {
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
