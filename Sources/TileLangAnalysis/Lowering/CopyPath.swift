// The copy instruction selector (copy_analysis.cc SelectCopyInstForLowering plus the pipeline/warp-specialization
// promotions): which path a copy takes on a target, why, and why faster paths were not taken.

/// The instruction the selector picks (before lowering fallbacks).
enum CopyInst: String, Sendable {
  case normal = "Normal", cpAsync = "CPAsync", ldsm = "LDSM", stsm = "STSM", bulkLoad = "BulkLoad"
  case bulkStore = "BulkStore", bulkLoad1D = "BulkLoad1D", bulkStore1D = "BulkStore1D"
  case tmemLoad = "TMemLoad", tmemStore = "TMemStore"
}

/// The predicted lowering of one copy.
struct CopyPlan: Sendable {
  var selected: CopyInst
  /// Path name as reported to users: simt, cp_async, tma_load, tma_store, bulk_load, bulk_store, ldmatrix,
  /// stmatrix, tmem_load, tmem_store, scalar.
  var path: String
  var reason: String
  var notTaken: [String] = []
  /// A selection error the compiler raises (`Check failed: (result.supported) is false: ...`).
  var error: String?
  var errorCode: String?
  /// The copy's `prefer_instruction`, when the software pipeline overrides it (TL202).
  var overriddenPreference: String?
  /// The copy becomes a `T.tma_copy` that cannot fall back to a normal copy when the shared layout cannot be
  /// encoded in a TMA descriptor (a warp-specialised producer's load; `prefer_instruction="tma"` does fall back).
  var cannotFallBack = false
}

/// Facts about a copy's operands that gate TMA / cp.async (copy_analysis.cc:625-709).
struct CopyFacts: Sendable {
  var copy: TileCopy
  var target: TargetArch
  /// Trip counts of kernel indices (grid and loop variables), for in-bounds proofs.
  var indexExtents: [String: SymExpr] = [:]
  /// Values known only at run time (`T.dynamic` sizes, scalar parameters): an index whose trip count depends on one
  /// has no bound the compiler's analyzer can use.
  var runtimeVariables: Set<String> = []
  /// Loop variables (`r` of `T.serial(4)`, ...) whose ranges layout inference does not know: it proves a window in
  /// bounds from block indices only, so a window at one of these is not a 1-D bulk copy there and its shared tile
  /// takes a swizzled layout where one exists (`bulk1D`). Empty in a warp-specialised pipeline.
  var loopIndices: Set<String> = []

  var src: CopySide { copy.src }
  var dst: CopySide { copy.dst }
  var srcScope: MemoryScope { src.buffer.scope }
  var dstScope: MemoryScope { dst.buffer.scope }
  /// False only when both dtypes are known and differ (unknown dtypes are given the benefit of the doubt).
  var sameDtype: Bool { src.buffer.dtype == nil || dst.buffer.dtype == nil || src.buffer.dtype == dst.buffer.dtype }
  var bits: Int? { src.buffer.elementBits }

  /// Innermost copied bytes provably not a multiple of 16 → reason text.
  func innerBytesProblem(_ side: CopySide) -> String? {
    guard let last = side.encoded.last?.constant, let bits = side.buffer.elementBits else { return nil }
    if (last * bits) % 128 != 0 {
      return
        "inner extent \(last) × \(bits / 8 == 0 ? "\(bits) bit" : "\(bits / 8) B") = \(last * bits / 8) B is not a multiple of 16 B"
    }
    return nil
  }

  /// `CheckGlobalStrides`: innermost stride 1, outer byte strides multiples of 16.
  func globalStrideProblem(_ b: Buffer) -> String? {
    guard let bits = b.elementBits else { return nil }
    let strides = b.strides ?? Self.rowMajorStrides(b.shape)
    if let inner = strides.last?.constant, inner != 1 { return "global innermost stride is \(inner), not 1" }
    for s in strides.dropLast() {
      if let c = s.constant, (c * bits) % 128 != 0 {
        return "global stride \(c) × \(bits / 8) B is not a multiple of 16 B"
      }
    }
    return nil
  }

  static func rowMajorStrides(_ shape: [SymExpr]) -> [SymExpr] {
    var out: [SymExpr] = []
    var acc = SymExpr(constant: 1)
    for d in shape.reversed() {
      out.append(acc)
      acc = acc * d
    }
    return out.reversed()
  }

  var canBulkLoadReason: String? {
    if !target.hasBulkCopy { return "\(target.rawValue) has no TMA (needs sm_90+)" }
    if srcScope != .global || !dstScope.isShared { return "not global→shared" }
    if !tmaLoadDtypesOK { return "dtypes differ (\(src.buffer.dtype ?? "?") → \(dst.buffer.dtype ?? "?"))" }
    if let p = innerBytesProblem(src) { return p }
    return globalStrideProblem(src.buffer)
  }

  var canBulkStoreReason: String? {
    if !target.hasBulkCopy { return "\(target.rawValue) has no TMA (needs sm_90+)" }
    if !srcScope.isShared || dstScope != .global { return "not shared→global" }
    if !sameDtype { return "dtypes differ (\(src.buffer.dtype ?? "?") → \(dst.buffer.dtype ?? "?"))" }
    if let p = innerBytesProblem(dst) { return p }
    return globalStrideProblem(dst.buffer)
  }

  var canCpAsyncReason: String? {
    if !target.hasAsyncCopy { return "\(target.rawValue) has no cp.async" }
    if srcScope != .global || !dstScope.isShared { return "not global→shared" }
    if !sameDtype { return "dtypes differ" }
    return nil
  }

  var canLdsm: Bool { target.hasLdmatrix && srcScope.isShared && dstScope.isFragment }
  var canStsm: Bool { target.hasStmatrix && srcScope.isFragment && dstScope.isShared }
  var canTmemLoad: Bool { target.hasTmem && srcScope == .tmem && dstScope.isFragment }
  var canTmemStore: Bool { target.hasTmem && srcScope.isFragment && dstScope == .tmem }

  /// 1-D bulk copy (`CheckBulkCopy1D`): shared has no swizzled layout, the global region is contiguous and provably
  /// in bounds, element counts match, and the bytes are not provably a non-multiple of 16. Works on symbolic shapes.
  func bulk1D(global g: CopySide, shared s: CopySide, layoutAnnotated: Bool) -> Bool {
    if layoutAnnotated || g.buffer.strides != nil { return false }
    let shape = g.buffer.shape
    guard shape.count == g.encoded.count else { return false }
    var partialSeen = false
    for d in stride(from: shape.count - 1, through: 0, by: -1) {
      let full = g.encoded[d] == shape[d] && (g.mins[d]?.isConstant(0) ?? false)
      if partialSeen, !g.encoded[d].isConstant(1) { return false }
      if !full { partialSeen = true }
    }
    let gCount = g.encoded.reduce(SymExpr(constant: 1), *)
    let sCount = s.encoded.reduce(SymExpr(constant: 1), *)
    guard gCount == sCount else { return false }
    if let c = gCount.constant, let bits = g.buffer.elementBits, (c * bits) % 128 != 0 { return false }
    // Layout inference decides first, knowing block indices only: a window at a loop variable gives a tile that can
    // be swizzled (2-D or more, rows a multiple of 8) a swizzled layout, and the bulk copy then needs a linear one
    // (checked with 0.1.15: `S[16, 64]` stored to `B[r * 16, 0]` in `T.serial(4)` is a TMA descriptor store; 1-D,
    // 2-row and 4-row tiles there are bulk stores).
    let rows = s.buffer.shape.dropLast().reduce(SymExpr(constant: 1), *)
    let swizzlable = s.buffer.shape.count >= 2 && (rows.constant.map { $0 % 8 == 0 } ?? true)
    if swizzlable,
      [g, s].contains(where: { side in
        side.mins.contains { !($0?.variables.isDisjoint(with: loopIndices) ?? true) }
      })
    {
      return false
    }
    return provablyInBounds(g) && provablyInBounds(s)
  }

  /// In bounds when each dim is the whole dim, or a constant window inside a constant dim, or a window whose start
  /// is a non-negative combination of kernel indices with known trip counts (`by * 64` with `by < 2`), or a
  /// `k * extent` window of a dim that the extent divides.
  func provablyInBounds(_ side: CopySide) -> Bool {
    guard side.buffer.shape.count == side.encoded.count else { return false }
    return side.encoded.indices.allSatisfy { provablyInBounds(side, dim: $0) }
  }

  /// One dim of `provablyInBounds`: where it fails, the compiler's SIMT copy guards the dim with `index < size`.
  func provablyInBounds(_ side: CopySide, dim d: Int) -> Bool {
    let shape = side.buffer.shape
    guard shape.count == side.encoded.count, d < shape.count, let m = side.mins[d] else { return false }
    let ext = side.encoded[d]
    if m.isConstant(0), ext == shape[d] { return true }
    if ext.constant == nil, clampedWindowInBounds(min: m, extent: ext, size: shape[d]) { return true }
    guard let e = ext.constant, let sd = shape[d].constant, e > 0, e <= sd else { return false }
    if let c = m.constant {
      if c < 0 || c + e > sd { return false }
    } else if let (low, high) = bounds(m) {
      if low < 0 || high + e > sd { return false }
    } else if !(sd % e == 0 && m.terms.allSatisfy { $0.coefficient % e == 0 && $0.monomial != .one })
      || m.variables.contains(where: SymExpr.isLoadedElement)
    {
      // An element loaded from a tensor (`ids[i]`) can take any value: nothing bounds the window.
      return false
    } else if m.variables.contains(where: { v in
      indexExtents[v].map { !$0.variables.isDisjoint(with: runtimeVariables) } ?? false
    }) {
      // `bx * 64` with `bx < ceildiv(m, 64)`, `m` a run-time scalar: nothing bounds the window within the dim
      // (checked with 0.1.15: such a store is a TMA store, not the 1-D bulk copy, on sm_90 and sm_100; sweep E).
      return false
    }
    return true
  }

  /// A window of run-time length `min(a, b)` (a tail tile: `rows = T.min(64, M - bx * 64)`) starting at a
  /// non-negative `m` is in bounds when `m + a` or `m + b` provably stays within `size` (the compiler's analyzer
  /// proves `bx * 64 + min(64, M - bx * 64) <= M` the same way).
  func clampedWindowInBounds(min m: SymExpr, extent: SymExpr, size: SymExpr) -> Bool {
    guard extent.terms.count == 1, extent.terms[0].coefficient == 1, extent.terms[0].monomial.atoms.count == 1,
      case .min(let a, let b) = extent.terms[0].monomial.atoms[0], nonNegative(m)
    else { return false }
    return [a, b].contains { bound in
      let over = m + bound - size
      if let c = over.constant { return c <= 0 }
      return bounds(over).map { $0.high <= 0 } ?? false
    }
  }

  /// A non-negative constant plus non-negative multiples of kernel indices.
  func nonNegative(_ e: SymExpr) -> Bool {
    e.terms.allSatisfy { t in
      if t.monomial == .one { return t.coefficient >= 0 }
      guard t.coefficient > 0, t.monomial.atoms.count == 1, case .variable(let v) = t.monomial.atoms[0] else {
        return false
      }
      return indexExtents[v] != nil
    }
  }

  /// The smallest and largest values of a linear combination of kernel indices with known trip counts (indices
  /// start at 0): `(C - 1 - k) * 512` with `k < C` spans 0 ... (C - 1) * 512.
  func bounds(_ e: SymExpr) -> (low: Int, high: Int)? {
    var low = 0
    var high = 0
    for t in e.terms {
      if t.monomial == .one {
        low += t.coefficient
        high += t.coefficient
        continue
      }
      guard t.monomial.atoms.count == 1, case .variable(let v) = t.monomial.atoms[0],
        let trips = indexExtents[v]?.constant, trips >= 1
      else { return nil }
      let span = t.coefficient * (trips - 1)
      if span < 0 { low += span } else { high += span }
    }
    return (low, high)
  }

  /// dtype pairs a TMA load accepts: equal, or packed fp4 in global into unpacked fp4 in shared.
  var tmaLoadDtypesOK: Bool {
    if sameDtype { return true }
    return src.buffer.dtype == "float4_e2m1fn" && dst.buffer.dtype == "float4_e2m1_unpacked"
  }
}

enum CopySelector {
  /// Picks the instruction for `T.copy` / `T.async_copy` / `T.tma_copy` on one target.
  static func select(_ copy: TileCopy, _ ctx: CopyContext) -> CopyPlan {
    let f = CopyFacts(
      copy: copy, target: ctx.target, indexExtents: ctx.indexExtents, runtimeVariables: ctx.runtimeVariables,
      loopIndices: ctx.loopIndices)
    let ann = ctx.annotations
    let loadReason = f.canBulkLoadReason
    let storeReason = f.canBulkStoreReason
    let srcName = copy.src.buffer.name, dstName = copy.dst.buffer.name
    let tmaUnavailable =
      "T.tma_copy() requires TMA-capable target and global<->shared copy pattern, but TMA is not available for src=\(srcName), dst=\(dstName)"

    func firstTma() -> (CopyInst, String)? {
      let annotated =
        ctx.annotatedLayout.contains(copy.src.buffer.id) || ctx.annotatedLayout.contains(copy.dst.buffer.id)
        || ctx.gemmOperands.contains(copy.src.buffer.id) || ctx.gemmOperands.contains(copy.dst.buffer.id)
      if loadReason == nil {
        if f.bulk1D(global: copy.src, shared: copy.dst, layoutAnnotated: annotated) {
          return (.bulkLoad1D, "bulk_load")
        }
        return (.bulkLoad, "tma_load")
      }
      if storeReason == nil {
        if f.bulk1D(global: copy.dst, shared: copy.src, layoutAnnotated: annotated) {
          return (.bulkStore1D, "bulk_store")
        }
        return (.bulkStore, "tma_store")
      }
      return nil
    }

    if ctx.op == "tma_copy" {
      if let (inst, path) = firstTma() { return CopyPlan(selected: inst, path: path, reason: "T.tma_copy") }
      return CopyPlan(selected: .normal, path: "simt", reason: "T.tma_copy", error: tmaUnavailable, errorCode: "TL210")
    }
    if ctx.op == "async_copy" {
      if let r = f.canCpAsyncReason {
        let msg: String
        if !ctx.target.hasAsyncCopy {
          msg =
            "T.async_copy is only supported on targets with cp.async support (SM80+). Got target=\(ctx.target.rawValue)"
        } else if f.srcScope != .global || !f.dstScope.isShared {
          msg =
            "T.async_copy only supports global->shared/shared.dyn copies. Got src=\(srcName) (scope=\(f.srcScope.name)), dst=\(dstName) (scope=\(f.dstScope.name))."
        } else {
          msg =
            "T.async_copy requires equal byte-addressable dtypes. Got src dtype=\(copy.src.buffer.dtype ?? "?"), dst dtype=\(copy.dst.buffer.dtype ?? "?"). (\(r))"
        }
        return CopyPlan(selected: .normal, path: "simt", reason: "T.async_copy", error: msg, errorCode: "TL209")
      }
      return CopyPlan(selected: .cpAsync, path: "cp_async", reason: "T.async_copy: cp.async + commit, no wait")
    }
    if let hint = ann.preferInstruction, let plan = pipelineManagedCpAsync(f, ctx, hint: hint) { return plan }
    switch ann.preferInstruction {
    case "tma":
      if ann.disableTma {
        return CopyPlan(
          selected: .normal, path: "simt", reason: "prefer_instruction=\"tma\"",
          error: "T.copy prefer_instruction=\"tma\" conflicts with disable_tma=true.", errorCode: "TL205")
      }
      if ctx.passConfigs.disableTmaLower {
        return CopyPlan(
          selected: .normal, path: "simt", reason: "prefer_instruction=\"tma\"",
          error: "T.copy prefer_instruction=\"tma\" conflicts with pass config tl.disable_tma_lower=true.",
          errorCode: "TL205")
      }
      if let (inst, path) = firstTma() {
        return CopyPlan(selected: inst, path: path, reason: "prefer_instruction=\"tma\"")
      }
      let why = loadReason.map { "not TMA: \($0)" } ?? storeReason.map { "not TMA: \($0)" } ?? ""
      return CopyPlan(
        selected: .normal, path: "simt", reason: "prefer_instruction=\"tma\"", notTaken: [why],
        error: "T.copy prefer_instruction=\"tma\" could not be honored: " + tmaUnavailable + " (\(why))",
        errorCode: "TL205")
    case "cp_async":
      if !ctx.passConfigs.enableAsyncCopy {
        return CopyPlan(
          selected: .normal, path: "simt", reason: "prefer_instruction=\"cp_async\"",
          error: "T.copy prefer_instruction=\"cp_async\" conflicts with pass config tl.enable_async_copy=false.",
          errorCode: "TL205")
      }
      if let r = f.canCpAsyncReason {
        return CopyPlan(
          selected: .normal, path: "simt", reason: "prefer_instruction=\"cp_async\"",
          error: "T.copy prefer_instruction=\"cp_async\" could not be honored: \(r)", errorCode: "TL205")
      }
      return CopyPlan(
        selected: .cpAsync, path: "cp_async", reason: "prefer_instruction=\"cp_async\": cp.async + commit + wait<0>")
    case "sync":
      return syncLike(f, reason: "prefer_instruction=\"sync\"", ctx)
    default:
      break
    }
    var notTaken: [String] = []
    // Pipelined global→shared copies: warp-specialised TMA on sm_90+, cp.async otherwise.
    if f.srcScope == .global, f.dstScope.isShared, ctx.inPipeline {
      if ctx.warpSpecialized, ctx.pipelineHasTmaLoad, ctx.nestedInPipelineBody {
        // ProducerConsumerWS moves only the body's own statements into the producer branch.
        var plan = syncLike(
          f, reason: "inside a warp-specialised T.Pipelined on \(ctx.target.rawValue): consumer-side synchronous copy",
          ctx)
        plan.notTaken =
          [
            "not TMA: nested under an `if` or an inner loop of the T.Pipelined body, so warp specialisation leaves it in the consumer branch"
          ] + plan.notTaken
        return plan
      }
      if ctx.warpSpecialized, ctx.pipelineHasTmaLoad || ctx.handScheduled, !ann.disableTma, loadReason == nil {
        // ClassifyWarpSpecializedCopy prefers the descriptor-free 1-D bulk copy when it holds.
        if case (.bulkLoad1D, _)? = firstTma() {
          return CopyPlan(
            selected: .bulkLoad1D, path: "bulk_load",
            reason:
              "inside T.Pipelined(num_stages=\(ctx.pipelineStages ?? 0)) on \(ctx.target.rawValue): warp-specialised producer issues a 1-D bulk copy (contiguous, in-bounds region)"
          )
        }
        return CopyPlan(
          selected: .bulkLoad, path: "tma_load",
          reason:
            "inside T.Pipelined(num_stages=\(ctx.pipelineStages ?? 0)) on \(ctx.target.rawValue): warp-specialised producer issues TMA",
          cannotFallBack: true)
      }
      if ctx.warpSpecialized, ctx.pipelineHasTmaLoad {
        // ClassifyWarpSpecializedCopy: a producer copy that cannot be TMA is issued synchronously (SIMT) by the
        // producer warpgroup; cp.async only appears when the pipeline is not warp-specialised.
        notTaken.append(ann.disableTma ? "not TMA: disable_tma=True" : "not TMA: \(loadReason ?? "not eligible")")
        notTaken.append("not cp.async: the warp-specialised producer warpgroup copies synchronously")
        var plan = syncLike(
          f, reason: "inside a warp-specialised T.Pipelined on \(ctx.target.rawValue): producer-side SIMT copy", ctx)
        plan.notTaken = notTaken + plan.notTaken
        return plan
      }
      if ctx.warpSpecialized {
        notTaken.append(
          !ann.disableTma && loadReason == nil
            ? "not TMA: warp specialisation splits only the kernel's first T.Pipelined loop with num_stages >= 1"
            : "not TMA: no copy of this pipeline can be a TMA load, so it is not warp-specialised")
      }
      if !ctx.target.hasBulkCopy { notTaken.append("not TMA: \(ctx.target.rawValue) has no TMA") }
      if ctx.passConfigs.disableWarpSpecialized { notTaken.append("not TMA: tl.disable_warp_specialized") }
      if !ctx.pipelineConsumed {
        notTaken.append("not cp.async: nothing in the T.Pipelined loop reads this tile, so the loop is not pipelined")
      } else if ctx.conditionalInPipeline {
        // pipeline_planning.cc: a statement under a run-time condition is not a producer (copy) stage.
        notTaken.append("not cp.async: under an `if` inside the T.Pipelined loop, the pipeliner leaves it synchronous")
      } else if ctx.passConfigs.useAsyncCopy, f.canCpAsyncReason == nil {
        return CopyPlan(
          selected: .cpAsync, path: "cp_async",
          reason: "inside T.Pipelined(num_stages=\(ctx.pipelineStages ?? 0)): pipeline-managed cp.async",
          notTaken: notTaken)
      }
      if ctx.pipelineConsumed, !ctx.passConfigs.useAsyncCopy {
        notTaken.append("not cp.async: tirx.use_async_copy=false")
      }
      if ctx.pipelineConsumed, let r = f.canCpAsyncReason { notTaken.append("not cp.async: \(r)") }
    } else if f.srcScope == .global, f.dstScope.isShared, let line = ctx.feedsWarpSpecializedLoop, !ann.disableTma,
      loadReason == nil
    {
      // ProducerConsumerWS classifies the statements before the pipelined loop: a load whose tile the loop reads
      // moves into the producer branch and is issued like the loop's own loads.
      let why = "before the warp-specialised T.Pipelined loop on line \(line), which reads \(copy.dst.buffer.name)"
      if case (.bulkLoad1D, _)? = firstTma() {
        return CopyPlan(
          selected: .bulkLoad1D, path: "bulk_load",
          reason: "\(why): the producer issues a 1-D bulk copy (contiguous, in-bounds region)")
      }
      return CopyPlan(selected: .bulkLoad, path: "tma_load", reason: "\(why): the producer issues TMA")
    } else if f.srcScope == .global, f.dstScope.isShared, let line = ctx.unpipelinedLoop {
      notTaken.append(
        "not TMA or cp.async: warp specialisation cannot split the T.Pipelined loop on line \(line) (none of its TMA loads is a statement of the loop body itself), so the compiler drops the loop's pipelining"
      )
    } else if f.srcScope == .global, f.dstScope.isShared, ctx.target.hasBulkCopy {
      notTaken.append(
        "not TMA: plain global→shared copies outside T.Pipelined are SIMT unless prefer_instruction=\"tma\"")
    }
    // Auto TMA store (not from a float64 tile whose layout TMA cannot encode: the copy falls back to SIMT).
    let unencodable = ctx.tmaUnencodable.contains(copy.src.buffer.id)
    if unencodable, !ann.disableTma, !ctx.passConfigs.disableTmaLower, storeReason == nil {
      notTaken.append("not TMA store: TMA cannot encode the float64 layout of \(copy.src.buffer.name)")
    }
    if !ann.disableTma, !ctx.passConfigs.disableTmaLower, storeReason == nil, !unencodable {
      let annotated = ctx.annotatedLayout.contains(copy.src.buffer.id) || ctx.gemmOperands.contains(copy.src.buffer.id)
      if f.bulk1D(global: copy.dst, shared: copy.src, layoutAnnotated: annotated) {
        return CopyPlan(
          selected: .bulkStore1D, path: "bulk_store",
          reason: "shared→global on \(ctx.target.rawValue): contiguous region, 1-D bulk store")
      }
      return CopyPlan(
        selected: .bulkStore, path: "tma_store", reason: "shared→global on \(ctx.target.rawValue): automatic TMA store")
    }
    if f.srcScope.isShared, f.dstScope == .global {
      if ann.disableTma {
        notTaken.append("not TMA store: disable_tma=True")
      } else if ctx.passConfigs.disableTmaLower {
        notTaken.append("not TMA store: tl.disable_tma_lower")
      } else if let r = storeReason {
        notTaken.append("not TMA store: \(r)")
      }
    }
    var plan = syncLike(f, reason: "", ctx)
    plan.notTaken = notTaken + plan.notTaken
    return plan
  }

  /// A `T.copy` load that the software pipeline (not warp specialisation) makes a producer stage is cp.async whatever
  /// its `prefer_instruction`: the pipeline marks the stage (`kAsyncCopyNoImplicitCommitWait`), and
  /// `SelectCopyInstForLowering` reads that mark before the hint (checked with 0.1.15: "sync" and "tma" on sm_80, and
  /// "sync" on sm_90 when no load of the loop is a TMA producer, all give cp.async). A hand-written schedule on a TMA
  /// target is warp-specialised instead. Nil when the copy is not such a stage.
  static func pipelineManagedCpAsync(_ f: CopyFacts, _ ctx: CopyContext, hint: String) -> CopyPlan? {
    guard ctx.op == "copy", f.srcScope == .global, f.dstScope.isShared, ctx.inPipeline,
      !(ctx.warpSpecialized && (ctx.pipelineHasTmaLoad || ctx.handScheduled)), ctx.pipelineConsumed,
      !ctx.conditionalInPipeline,
      ctx.passConfigs.useAsyncCopy, f.canCpAsyncReason == nil
    else { return nil }
    var plan = CopyPlan(
      selected: .cpAsync, path: "cp_async",
      reason: "inside T.Pipelined(num_stages=\(ctx.pipelineStages ?? 0)): pipeline-managed cp.async")
    if hint != "cp_async" {
      plan.notTaken = [
        "prefer_instruction=\"\(hint)\" not honoured: the software pipeline issues its loads with cp.async"
      ]
      plan.overriddenPreference = hint
    }
    return plan
  }

  /// `SyncLike`: LDSM / STSM / TMem when the scopes allow, else the normal SIMT loop (with lowering fallbacks).
  static func syncLike(_ f: CopyFacts, reason: String, _ ctx: CopyContext) -> CopyPlan {
    let r = reason.isEmpty ? "\(f.srcScope.name)→\(f.dstScope.name)" : reason
    if f.canLdsm {
      if ldsmLowers(f, ctx) {
        return CopyPlan(
          selected: .ldsm, path: "ldmatrix", reason: r + ": ldmatrix (whole shared tile into a gemm operand fragment)")
      }
      return CopyPlan(
        selected: .ldsm, path: "simt", reason: r + ": ldmatrix selected",
        notTaken: [
          ctx.readsVersionedTile
            ? "not ldmatrix: the enclosing T.Pipelined loop keeps one version of the shared tile per stage"
            : "not ldmatrix: the fragment needs the gemm 8×8 fragment layout and the whole fragment copied; otherwise SIMT"
        ])
    }
    if f.canStsm {
      if stsmLowers(f, ctx) {
        return CopyPlan(
          selected: .stsm, path: "stmatrix", reason: r + ": stmatrix (gemm accumulator to whole shared tile)")
      }
      return CopyPlan(
        selected: .stsm, path: "simt", reason: r + ": stmatrix selected",
        notTaken: ["not stmatrix: needs a whole gemm fragment, 16-bit shared and the whole shared buffer written"])
    }
    if f.canTmemLoad { return CopyPlan(selected: .tmemLoad, path: "tmem_load", reason: r + ": tcgen05.ld") }
    if f.canTmemStore { return CopyPlan(selected: .tmemStore, path: "tmem_store", reason: r + ": tcgen05.st") }
    return CopyPlan(selected: .normal, path: "simt", reason: r)
  }

  /// `LowerLDSM` keeps ldmatrix for a 16-bit shared tile read whole into a gemm operand fragment of the same dtype,
  /// unless a software pipeline multi-buffers the tile.
  static func ldsmLowers(_ f: CopyFacts, _ ctx: CopyContext) -> Bool {
    guard !ctx.readsVersionedTile, ctx.gemmOperands.contains(f.dst.buffer.id), f.dst.isWholeBuffer,
      f.src.buffer.elementBits == 16,
      f.src.buffer.dtype == f.dst.buffer.dtype, f.src.nonUnit.count >= 2,
      f.src.nonUnit.map(\.extent) == f.dst.buffer.shape.filter({ !$0.isConstant(1) })
    else { return false }
    return true
  }

  /// `LowerLDSM` keeps stmatrix for a gemm fragment stored into a whole 16-bit shared tile when the copy's extents
  /// are the fragment's whole shape (a sub-region of the accumulator, `acc[:rows, :]`, is a SIMT copy). The fragment
  /// may be one that takes a gemm fragment's layout (a T.Parallel loop that writes it at the accumulator's indices,
  /// a whole copy from one), of any dtype: only the shared side must be 16-bit (a float32 block-scaled accumulator
  /// stored into bfloat16 shared memory is stmatrix, checked with 0.1.15 on sm_90 and sm_100; sweep E).
  static func stsmLowers(_ f: CopyFacts, _ ctx: CopyContext) -> Bool {
    guard ctx.gemmOperands.contains(f.src.buffer.id) || ctx.gemmLayout.contains(f.src.buffer.id),
      f.dst.isWholeBuffer, f.dst.buffer.elementBits == 16,
      f.src.nonUnit.count >= 2,
      f.src.nonUnit.map(\.extent) == f.src.buffer.shape.filter({ !$0.isConstant(1) })
    else { return false }
    return true
  }
}
