// Vector width of SIMT copy loops (transform/loop_vectorize.cc and the thread-padding heuristic of
// src/op/parallel.cc, tilelang-copy-semantics §4.3).

struct VectorPlan: Sendable {
  /// Elements per access.
  var lanes: Int
  /// Bits per access of the widest accessed dtype (registers included: a float32 fragment stored to float16 at 4
  /// lanes reads 128 bits).
  var bits: Int
  /// That dtype.
  var dtype: String? = nil
  /// Why it is not wider, when it is narrower than the maximum.
  var limit: String?
  /// Vector width before `coalesced_width` was applied, when that changed it.
  var beforeCoalesced: Int?
  var maxBits: Int
  /// Set when the innermost extent itself (not alignment or thread padding) caps the width below the maximum.
  var innerExtentLimit: String?
  /// The copy's `coalesced_width` has no effect: it follows a fragment layout another op set (TL202).
  var coalescedIgnored = false
  /// Each thread runs the whole loop (a `local` side, or a fragment every thread holds whole).
  var perThread = false
}

enum VectorWidth {
  static func plan(_ copy: TileCopy, _ ctx: CopyContext) -> VectorPlan {
    // Only memory accesses bound the width by their dtype: a `local` side's does not (registers; the conversion goes
    // through a cast buffer), so a bool → float32 local copy vectorizes to 16 bool lanes, and neither does the side
    // of a fragment that copies lay out: an int8 → float32 fragment copy runs 16 (checked with 0.1.15). Its width
    // can still be capped by the layout a copy gave it (`inheritedLayout` below). A fragment that another op lays
    // out (a T.Parallel loop, a reduction) keeps its dtype as a bound: that op vectorized it, 128 bits at a time.
    // (The two sides' buffers are read directly: arrays of the `CopySide`s would copy them for every plan.)
    let src = copy.src.buffer
    let dst = copy.dst.buffer
    func perThread(_ b: Buffer) -> Bool { b.scope == .local || ctx.replicated.contains(b.id) }
    let touchesMemory = src.scope == .global || src.scope.isShared || dst.scope == .global || dst.scope.isShared
    func boundsWidth(_ b: Buffer) -> Bool {
      !perThread(b)
        && !(b.scope.isFragment && (ctx.copyLaidOut.contains(b.id) || touchesMemory && ctx.freeLaidOut.contains(b.id)))
    }
    let srcBits = src.elementBits ?? 16
    let dstBits = dst.elementBits ?? 16
    let srcBounds = boundsWidth(src)
    let dstBounds = boundsWidth(dst)
    let bound =
      srcBounds || dstBounds ? max(srcBounds ? srcBits : 0, dstBounds ? dstBits : 0) : max(srcBits, dstBits)
    let widest = dstBits > srcBits ? dst : src
    let wide = max(srcBits, dstBits)
    // 256-bit accesses (sm_100+) only for loops that touch global memory and no shared memory: a register copy
    // between fragments stays at 128 (loop_vectorize.cc MaxVectorLoadBits).
    let globalOnly = (src.scope == .global || dst.scope == .global) && !src.scope.isShared && !dst.scope.isShared
    let maxBits = ctx.target.supportsVectorize256 && !ctx.passConfigs.disableVectorize256 && globalOnly ? 256 : 128
    if ctx.passConfigs.disableVectorize {
      return VectorPlan(lanes: 1, bits: wide, limit: "tirx.disable_vectorize", maxBits: maxBits)
    }
    let base = copy.base
    guard let inner = base.nonUnit.last?.extent else {
      return VectorPlan(lanes: 1, bits: wide, limit: nil, maxBits: maxBits)
    }
    guard let innerC = inner.constant else {
      return VectorPlan(
        lanes: 1, bits: wide, limit: "innermost extent \(inner) is not a compile-time constant", maxBits: maxBits)
    }
    // The copy's loops are fused before vectorizing, so a run-time extent anywhere makes the fused trip count
    // symbolic, and a symbolic trip count vectorizes to 1 (checked with 0.1.15: `S[0:T.min(n, 64), :]` rows).
    // Unknown compile-time sizes (a factory parameter in a run without call sites) are not run-time extents.
    if let symbolic = base.nonUnit.first(where: {
      $0.extent.constant == nil && !$0.extent.variables.isDisjoint(with: ctx.runtimeVariables)
    }) {
      return VectorPlan(
        lanes: 1, bits: wide,
        limit: "extent \(symbolic.extent) is not a compile-time constant (the fused loop's trip count is symbolic)",
        maxBits: maxBits)
    }
    var v = gcd(maxBits, innerC)
    var limit: String?
    var innerLimit: String?
    v = gcd(v, max(1, maxBits / bound))
    if v < maxBits / bound, innerC % (maxBits / bound) != 0 {
      limit = "innermost extent \(innerC) is not a multiple of \(maxBits / bound)"
      innerLimit =
        "the innermost extent \(innerC) is not a multiple of \(maxBits / bound) elements (at most \(v) per access\(v > 1 ? ", and thread padding then prefers 1" : ""))"
    }
    // A gemm operand fragment carries the mma/wgmma fragment layout: each thread owns runs of 2 adjacent columns,
    // so the layout's last output dim caps the access at 2 elements (a float2 / half2 per access). So does a fragment
    // a T.Parallel loop fills elementwise from one. A whole copy between two fragments of one shape instead runs
    // over each thread's registers, which are contiguous (an accumulator → float16 cast copy runs 4 float lanes).
    for buffer in [src, dst] where !copy.isRegisterCopy && buffer.scope.isFragment && ctx.gemmLayout.contains(buffer.id)
    {
      // A register A/B operand holds 32 bits of adjacent K elements, or single elements when K is not its last dim.
      let run = ctx.operandRuns[buffer.id] ?? 2
      if v > run {
        v = run
        limit =
          "\(buffer.name) has the gemm \(ctx.operandRuns[buffer.id] == nil ? "fragment" : "operand") layout (\(run) adjacent element\(run == 1 ? "" : "s") per thread)"
      }
    }
    // A shared float64 tile whose layout swizzles single elements is accessed one element at a time.
    for buffer in [src, dst] where buffer.scope.isShared && ctx.singleElementRuns.contains(buffer.id) {
      if v > 1 {
        v = 1
        limit = "\(buffer.name)'s float64 layout swizzles single elements"
      }
    }
    // Offsets must stay aligned: halve until every side's flattened offset is divisible.
    while v > 1, !(aligned(copy.src, lanes: v, loop: base) && aligned(copy.dst, lanes: v, loop: base)) {
      v /= 2
      limit = "offsets or row strides are not multiples of the vector width"
    }
    // A global dim the compiler cannot prove in bounds gets a guard (`bx * 1024 + i < N`), and the vectorizer keeps
    // only widths over which the guard cannot change: the innermost dim's size must be a multiple of the width
    // (a 1-D tail tile over 100002 halves moves 2 lanes; a `T.dynamic` size, 1). Outer dims' guards are the same
    // for every lane.
    let facts = CopyFacts(
      copy: copy, target: ctx.target, indexExtents: ctx.indexExtents, runtimeVariables: ctx.runtimeVariables)
    for side in [copy.src, copy.dst] where side.buffer.scope == .global {
      guard let d = side.nonUnit.last?.dim, d < side.buffer.shape.count, v > 1,
        !divisible(side.buffer.shape[d], v), !facts.provablyInBounds(side, dim: d)
      else { continue }
      while v > 1, !divisible(side.buffer.shape[d], v) { v /= 2 }
      limit =
        "\(side.buffer.name)'s tile can run past its last dim (\(side.buffer.shape[d])), and the bounds check must hold for a whole vector"
    }
    if let inherited = ctx.inheritedLayout, v > inherited.lanes {
      v = inherited.lanes
      limit =
        "\(inherited.buffer)'s layout comes from the copy on line \(inherited.line) (\(inherited.lanes) contiguous elements per thread)"
    }
    if let loop = ctx.loopLayout, v > loop.lanes {
      v = loop.lanes
      limit = loop.reason
    }
    // A fragment every thread holds whole runs per thread like a `local` one (a (16,) bool mask read in a serial
    // loop is copied 16 lanes at a time, checked with 0.1.15).
    let partitioned = !perThread(src) && !perThread(dst)
    let constants = base.nonUnit.compactMap(\.extent.constant)
    let total = constants.count == base.nonUnit.count ? SafeArithmetic.product(constants) : nil
    let registers =
      copy.isRegisterCopy ? (ctx.rowRegisters[copy.src.buffer.id] ?? ctx.rowRegisters[copy.dst.buffer.id]) : nil
    if let registers {
      // A register copy of a gemm's row reduction: each thread holds `registers` rows of it (replicated over the
      // threads of a row), and the copy runs over those (scores_max → scores_max_prev: 2 float lanes).
      while v > 1, registers % v != 0 {
        v /= 2
        limit = "each thread holds \(registers) of \(copy.src.buffer.name)'s rows"
      }
    } else if partitioned, let total, ctx.threads > 0 {
      let isFragment = copy.src.buffer.scope.isFragment || copy.dst.buffer.scope.isFragment
      // A copy between memory and a fragment with a gemm layout runs on that layout (ComputeLoopLayoutFromBuffer),
      // not on a plan of its own: its extent need not split evenly over the threads (`acc_o[:valid_h, :]`: 2
      // float32 lanes), and the layout's runs (above) bound it. Register copies keep the split, which keeps them
      // within each thread's registers.
      let onGemmLayout =
        !copy.isRegisterCopy
        && [src, dst].contains { $0.scope.isFragment && ctx.gemmLayout.contains($0.id) }
      if isFragment, onGemmLayout || ctx.onBufferLayout {
        // The gemm layout's runs bound it above.
      } else if isFragment {
        while v > 1, total % (ctx.threads * v) != 0 {
          v /= 2
          limit = "\(total) elements do not split evenly over \(ctx.threads) threads at a wider width"
        }
      } else if ctx.annotations.coalescedWidth == nil {
        var best = v
        var bestPad = Int.max
        var w = v
        while w >= 1 {
          let chunk = ctx.threads * w
          let pad = (total + chunk - 1) / chunk * chunk - total
          if pad < bestPad {
            best = w
            bestPad = pad
          }
          w /= 2
        }
        if best < v { limit = "\(total) elements over \(ctx.threads) threads pad less at \(best) lanes" }
        v = best
      }
    }
    var before: Int?
    // coalesced_width takes effect where the loop is partitioned over threads; a copy with a `local` side runs
    // per thread and keeps its width (checked with 0.1.15: float16 → local with coalesced_width 2, 3, 4 stays 8 lanes).
    // So does a copy of a fragment that a gemm or an earlier T.Parallel loop lays out (checked with 0.1.15: an
    // accumulator copied out with coalesced_width 1 keeps its 2 lanes, a T.Parallel-filled one its 4).
    let coalescedIgnored =
      partitioned && (ctx.inheritedLayout != nil || ctx.fixedLayout != nil) && ctx.annotations.coalescedWidth != nil
    if partitioned, !coalescedIgnored, let c = ctx.annotations.coalescedWidth, c > 0 {
      // 0.1.15 (src/op/parallel.cc): the largest divisor of the geometry width not above the request; the
      // compiler warns whenever that differs from the request.
      var e = min(v, c)
      while e > 1, v % e != 0 { e -= 1 }
      if e != c { before = v }
      v = e
      if before != nil { limit = "coalesced_width=\(c)" }
    }
    return VectorPlan(
      lanes: v, bits: v * wide, dtype: widest.dtype, limit: limit, beforeCoalesced: before, maxBits: maxBits,
      innerExtentLimit: innerLimit, coalescedIgnored: coalescedIgnored, perThread: !partitioned)
  }

  /// The side's flattened offset (mins × strides and the outer loop strides) is a multiple of `lanes`.
  static func aligned(_ side: CopySide, lanes: Int, loop: CopySide) -> Bool {
    let strides = side.buffer.strides ?? CopyFacts.rowMajorStrides(side.buffer.shape)
    guard strides.count == side.encoded.count else { return true }
    let nonUnit = side.nonUnit.map(\.dim)
    for (d, stride) in strides.enumerated() {
      let isInner = d == nonUnit.last
      if let m = side.mins[d] {
        let offset = m * stride
        if !divisible(offset, lanes) { return false }
      } else {
        return false
      }
      if nonUnit.contains(d), !isInner, !divisible(stride, lanes) { return false }
    }
    if let innerDim = nonUnit.last, innerDim < strides.count, let s = strides[innerDim].constant, s != 1 {
      return false
    }
    return true
  }

  static func divisible(_ e: SymExpr, _ n: Int) -> Bool { e.terms.allSatisfy { $0.coefficient % n == 0 } }

  static func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (abs(a), abs(b))
    while y != 0 { (x, y) = (y, x % y) }
    return max(x, 1)
  }
}
