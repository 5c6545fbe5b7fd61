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
}

/// Facts about a copy's operands that gate TMA / cp.async (copy_analysis.cc:625-709).
struct CopyFacts: Sendable {
  var copy: TileCopy
  var target: TargetArch

  var src: CopySide { copy.src }
  var dst: CopySide { copy.dst }
  var srcScope: MemoryScope { src.buffer.scope }
  var dstScope: MemoryScope { dst.buffer.scope }
  var sameDtype: Bool { src.buffer.dtype != nil && src.buffer.dtype == dst.buffer.dtype }
  var bits: Int? { src.buffer.elementBits }

  /// Innermost copied bytes provably not a multiple of 16 → reason text.
  func innerBytesProblem(_ side: CopySide) -> String? {
    guard let last = side.encoded.last?.constant, let bits = side.buffer.elementBits else { return nil }
    if (last * bits) % 128 != 0 {
      return "inner extent \(last) × \(bits / 8 == 0 ? "\(bits) bit" : "\(bits / 8) B") = \(last * bits / 8) B is not a multiple of 16 B"
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
    if !sameDtype { return "dtypes differ (\(src.buffer.dtype ?? "?") → \(dst.buffer.dtype ?? "?"))" }
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

  /// 1-D bulk copy: the global region is contiguous, in bounds, element counts match, bytes % 16 == 0.
  func bulk1D(global g: CopySide, shared s: CopySide, layoutAnnotated: Bool) -> Bool {
    if layoutAnnotated { return false }
    guard let gShape = g.buffer.concreteShape, let gExt = Optional(g.encoded.compactMap(\.constant)),
      gExt.count == g.encoded.count, let sExt = Optional(s.encoded.compactMap(\.constant)), sExt.count == s.encoded.count,
      let bits = g.buffer.elementBits, g.buffer.strides == nil
    else { return false }
    // Contiguity: from the innermost dim outwards, full dims until the first partial one, then extent-1 dims.
    var partialSeen = false
    for d in stride(from: gShape.count - 1, through: 0, by: -1) {
      let full = gExt[d] == gShape[d] && (g.mins[d]?.isConstant(0) ?? false)
      if partialSeen, gExt[d] != 1 { return false }
      if !full { partialSeen = true }
    }
    let count = gExt.reduce(1, *)
    guard count == sExt.reduce(1, *), (count * bits) % 128 == 0 else { return false }
    return Self.provablyInBounds(g) && Self.provablyInBounds(s)
  }

  /// In bounds when every dim's min is a constant or a multiple of the extent and the extent divides the shape.
  static func provablyInBounds(_ side: CopySide) -> Bool {
    guard let shape = side.buffer.concreteShape else { return false }
    for (d, ext) in side.encoded.enumerated() {
      guard let e = ext.constant, d < shape.count, e <= shape[d] else { return false }
      guard let m = side.mins[d] else { return false }
      if let c = m.constant {
        if c < 0 || c + e > shape[d] { return false }
      } else if !(shape[d] % e == 0 && m.terms.allSatisfy { $0.coefficient % e == 0 && $0.monomial != .one }) {
        return false
      }
    }
    return true
  }
}

enum CopySelector {
  /// Picks the instruction for `T.copy` / `T.async_copy` / `T.tma_copy` on one target.
  static func select(_ copy: TileCopy, _ ctx: CopyContext) -> CopyPlan {
    let f = CopyFacts(copy: copy, target: ctx.target)
    let ann = ctx.annotations
    let loadReason = f.canBulkLoadReason
    let storeReason = f.canBulkStoreReason
    let srcName = copy.src.buffer.name, dstName = copy.dst.buffer.name
    let tmaUnavailable =
      "T.tma_copy() requires TMA-capable target and global<->shared copy pattern, but TMA is not available for src=\(srcName), dst=\(dstName)"

    func firstTma() -> (CopyInst, String)? {
      let annotated = ctx.annotatedLayout.contains(copy.src.buffer.id) || ctx.annotatedLayout.contains(copy.dst.buffer.id)
      if loadReason == nil {
        if f.bulk1D(global: copy.src, shared: copy.dst, layoutAnnotated: annotated) { return (.bulkLoad1D, "bulk_load") }
        return (.bulkLoad, "tma_load")
      }
      if storeReason == nil {
        if f.bulk1D(global: copy.dst, shared: copy.src, layoutAnnotated: annotated) { return (.bulkStore1D, "bulk_store") }
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
          msg = "T.async_copy is only supported on targets with cp.async support (SM80+). Got target=\(ctx.target.rawValue)"
        } else if f.srcScope != .global || !f.dstScope.isShared {
          msg = "T.async_copy only supports global->shared/shared.dyn copies. Got src=\(srcName) (scope=\(f.srcScope.name)), dst=\(dstName) (scope=\(f.dstScope.name))."
        } else {
          msg = "T.async_copy requires equal byte-addressable dtypes. Got src dtype=\(copy.src.buffer.dtype ?? "?"), dst dtype=\(copy.dst.buffer.dtype ?? "?"). (\(r))"
        }
        return CopyPlan(selected: .normal, path: "simt", reason: "T.async_copy", error: msg, errorCode: "TL209")
      }
      return CopyPlan(selected: .cpAsync, path: "cp_async", reason: "T.async_copy: cp.async + commit, no wait")
    }
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
          error: "T.copy prefer_instruction=\"tma\" conflicts with pass config tl.disable_tma_lower=true.", errorCode: "TL205")
      }
      if let (inst, path) = firstTma() { return CopyPlan(selected: inst, path: path, reason: "prefer_instruction=\"tma\"") }
      let why = loadReason.map { "not TMA: \($0)" } ?? storeReason.map { "not TMA: \($0)" } ?? ""
      return CopyPlan(
        selected: .normal, path: "simt", reason: "prefer_instruction=\"tma\"", notTaken: [why],
        error: "T.copy prefer_instruction=\"tma\" could not be honored: " + tmaUnavailable + " (\(why))", errorCode: "TL205")
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
      return CopyPlan(selected: .cpAsync, path: "cp_async", reason: "prefer_instruction=\"cp_async\": cp.async + commit + wait<0>")
    case "sync":
      return syncLike(f, reason: "prefer_instruction=\"sync\"", ctx)
    default:
      break
    }
    var notTaken: [String] = []
    // Pipelined global→shared copies: warp-specialised TMA on sm_90+, cp.async otherwise.
    if f.srcScope == .global, f.dstScope.isShared, ctx.inPipeline {
      if ctx.warpSpecialized, !ann.disableTma, loadReason == nil {
        return CopyPlan(
          selected: .bulkLoad, path: "tma_load",
          reason: "inside T.Pipelined(num_stages=\(ctx.pipelineStages ?? 0)) on \(ctx.target.rawValue): warp-specialised producer issues TMA")
      }
      if ctx.warpSpecialized, let r = loadReason { notTaken.append("not TMA: \(r)") }
      if !ctx.target.hasBulkCopy { notTaken.append("not TMA: \(ctx.target.rawValue) has no TMA") }
      if ctx.passConfigs.disableWarpSpecialized { notTaken.append("not TMA: tl.disable_warp_specialized") }
      if ctx.passConfigs.useAsyncCopy, f.canCpAsyncReason == nil {
        return CopyPlan(
          selected: .cpAsync, path: "cp_async",
          reason: "inside T.Pipelined(num_stages=\(ctx.pipelineStages ?? 0)): pipeline-managed cp.async", notTaken: notTaken)
      }
      if !ctx.passConfigs.useAsyncCopy { notTaken.append("not cp.async: tirx.use_async_copy=false") }
      if let r = f.canCpAsyncReason { notTaken.append("not cp.async: \(r)") }
    } else if f.srcScope == .global, f.dstScope.isShared, ctx.target.hasBulkCopy {
      notTaken.append("not TMA: plain global→shared copies outside T.Pipelined are SIMT unless prefer_instruction=\"tma\"")
    }
    // Auto TMA store.
    if !ann.disableTma, !ctx.passConfigs.disableTmaLower, storeReason == nil {
      let annotated = ctx.annotatedLayout.contains(copy.src.buffer.id)
      if f.bulk1D(global: copy.dst, shared: copy.src, layoutAnnotated: annotated) {
        return CopyPlan(selected: .bulkStore1D, path: "bulk_store", reason: "shared→global on \(ctx.target.rawValue): contiguous region, 1-D bulk store")
      }
      return CopyPlan(selected: .bulkStore, path: "tma_store", reason: "shared→global on \(ctx.target.rawValue): automatic TMA store")
    }
    if f.srcScope.isShared, f.dstScope == .global {
      if ann.disableTma { notTaken.append("not TMA store: disable_tma=True") }
      else if ctx.passConfigs.disableTmaLower { notTaken.append("not TMA store: tl.disable_tma_lower") }
      else if let r = storeReason { notTaken.append("not TMA store: \(r)") }
    }
    var plan = syncLike(f, reason: "", ctx)
    plan.notTaken = notTaken + plan.notTaken
    return plan
  }

  /// `SyncLike`: LDSM / STSM / TMem when the scopes allow, else the normal SIMT loop (with lowering fallbacks).
  static func syncLike(_ f: CopyFacts, reason: String, _ ctx: CopyContext) -> CopyPlan {
    let r = reason.isEmpty ? "\(f.srcScope.name)→\(f.dstScope.name)" : reason
    if f.canLdsm {
      return CopyPlan(
        selected: .ldsm, path: "simt", reason: r + ": ldmatrix selected",
        notTaken: ["not ldmatrix: the fragment needs the gemm 8×8 fragment layout and the whole fragment copied; otherwise SIMT"])
    }
    if f.canStsm {
      if stsmLowers(f, ctx) { return CopyPlan(selected: .stsm, path: "stmatrix", reason: r + ": stmatrix (gemm accumulator to whole shared tile)") }
      return CopyPlan(
        selected: .stsm, path: "simt", reason: r + ": stmatrix selected",
        notTaken: ["not stmatrix: needs a gemm fragment, 16-bit shared and the whole shared buffer written"])
    }
    if f.canTmemLoad { return CopyPlan(selected: .tmemLoad, path: "tmem_load", reason: r + ": tcgen05.ld") }
    if f.canTmemStore { return CopyPlan(selected: .tmemStore, path: "tmem_store", reason: r + ": tcgen05.st") }
    return CopyPlan(selected: .normal, path: "simt", reason: r)
  }

  static func stsmLowers(_ f: CopyFacts, _ ctx: CopyContext) -> Bool {
    guard ctx.gemmOperands.contains(f.src.buffer.id), f.dst.isWholeBuffer, f.dst.buffer.elementBits == 16,
      f.src.nonUnit.count >= 2
    else { return false }
    return true
  }
}
