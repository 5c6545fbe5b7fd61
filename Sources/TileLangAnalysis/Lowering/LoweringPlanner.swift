// Plans one copy on one target: instruction selection, vector width, cp.async byte-width fallback, the preview,
// and the lowering-dependent diagnostics.

import TileLangSyntax

enum LoweringPlanner {
  /// What `plan` decided: the hover/JSON entry (when asked for) and, for a SIMT loop, its lanes (the width a
  /// fragment this copy lays out gives the copies that follow it).
  struct Planned {
    var info: LoweringInfo?
    var simtLanes: Int?
  }

  static func plan(_ c: inout CheckContext, model: CopyModel, ctx: CopyContext, buildInfo: Bool = true) -> Planned {
    let e = c.event
    switch model {
    case .scalar:
      guard buildInfo else { return Planned() }
      return Planned(
        info: LoweringInfo(
          op: e.op, range: e.call.range, target: ctx.target, path: "scalar", vectorBits: nil, bytes: nil,
          reason: "both sides are single elements: a plain element store (cast when dtypes differ)",
          preview: "\(c.operandText(1)) = \(c.operandText(0));", extentsText: "point → point",
          specialization: c.run.instance.provenance, inlayLabel: "scalar"))
    case .tile(let copy):
      var plan = CopySelector.select(copy, ctx)
      var vector: VectorPlan?
      if plan.path == "simt" || plan.path == "cp_async" { vector = VectorWidth.plan(copy, ctx) }
      if plan.path == "cp_async", let v = vector {
        let bytes = v.bits / 8
        if ![4, 8, 16].contains(bytes) {
          if e.op == "async_copy" {
            plan.error =
              "Explicit async copy semantics require cp.async lowering, but no eligible global->shared store was rewritten (\(bytes) B per thread; cp.async moves 4, 8 or 16 B)."
            plan.errorCode = "TL209"
          } else {
            plan.notTaken.append("not cp.async: \(bytes) B per thread (cp.async needs 4, 8 or 16 B)")
            plan.path = "simt"
            plan.selected = .normal
          }
        }
      }
      CopyLoweringCheck.check(&c, copy: copy, plan: plan, vector: vector, ctx: ctx)
      return Planned(
        info: buildInfo ? info(c, copy: copy, plan: plan, vector: vector, ctx: ctx) : nil,
        simtLanes: plan.path == "simt" ? vector?.lanes : nil)
    case .rejected, .unknown:
      return Planned()
    }
  }

  /// Whether some `T.copy` inside `loop` is a TMA producer (`isTmaProducer`): among the loop body's own statements
  /// only (`ownStatements`), the ones ProducerConsumerWS splits into the producer branch, or anywhere inside the
  /// loop, which is what makes the function a warp-specialisation candidate (`TiledWSCandidate`).
  static func pipelineHasTmaLoad(_ loop: TextRange, run: KernelRun, target: TargetArch, ownStatements: Bool = true)
    -> Bool
  {
    run.events.contains { e in
      let inside =
        ownStatements
        ? e.loops.last(where: \.isPipelined)?.range == loop && !e.nestedInPipelineBody
        : e.loops.contains { $0.range == loop }
      return inside && isTmaProducer(e, target: target)
    }
  }

  /// `ClassifyWarpSpecializedCopy` gives a TMA load: a global→shared `T.copy` that a TMA load can carry, without
  /// `disable_tma` and without `prefer_instruction="sync"` (left to the consumer) or `"cp_async"` (a cp.async
  /// producer).
  static func isTmaProducer(_ e: CopyEvent, target: TargetArch) -> Bool {
    guard e.op == "copy", e.operands.count >= 2, !disablesTma(e), !["sync", "cp_async"].contains(preference(e)),
      case .tile(let copy) = CopyRegions.model(e.operands[0], e.operands[1], hasAnnotations: false)
    else { return false }
    return copy.src.buffer.scope == .global && copy.dst.buffer.scope.isShared
      && CopyFacts(copy: copy, target: target).canBulkLoadReason == nil
  }

  /// The copy's `prefer_instruction` string (the annotations dict wins over the keyword).
  static func preference(_ e: CopyEvent) -> String? { annotation("prefer_instruction", of: e)?.stringValue }

  /// `disable_tma=True`, or `"disable_tma": True` in the copy's annotations dict (the dict wins over the keyword).
  static func disablesTma(_ e: CopyEvent) -> Bool { annotation("disable_tma", of: e)?.truthiness == true }

  /// The value of the copy annotation `key`: its entry in the `annotations` dict, else the keyword of that name.
  static func annotation(_ key: String, of e: CopyEvent) -> Value? {
    if case .dict(let entries)? = e.keywords["annotations"]?.value,
      let v = entries.first(where: { $0.key.stringValue == key })?.value
    {
      return v
    }
    return e.keywords[key]?.value
  }

  static func info(_ c: CheckContext, copy: TileCopy, plan: CopyPlan, vector: VectorPlan?, ctx: CopyContext)
    -> LoweringInfo
  {
    let shared = copy.dst.buffer.scope.isShared ? copy.dst : (copy.src.buffer.scope.isShared ? copy.src : copy.base)
    let tileExtents = copy.base.nonUnit.map(\.extent)
    let elems = tileExtents.compactMap(\.constant)
    let bits = shared.buffer.elementBits ?? copy.dst.buffer.elementBits
    let bytes = elems.count == tileExtents.count && bits != nil ? SafeArithmetic.bytes(elems, bits: bits ?? 8) : nil
    let threads = ctx.threads
    let eviction = ctx.annotations.evictionPolicy.flatMap {
      [0: "EVICT_NORMAL", 1: "EVICT_FIRST", 2: "EVICT_LAST"][$0]
    }
    let preview: String
    switch plan.path {
    case "cp_async":
      let explicit: String? =
        c.event.op == "async_copy"
        ? "tl::cp_async_commit();"
        : (ctx.inPipeline ? nil : "tl::cp_async_commit(); tl::cp_async_wait<0>(); __syncthreads();")
      preview = CudaPreview.cpAsync(
        copy, vector ?? VectorPlan(lanes: 1, bits: 16, maxBits: 128), threads: threads, stages: ctx.pipelineStages,
        explicit: explicit)
    case "tma_load":
      preview = CudaPreview.tmaLoad(
        copy, bytes: bytes, warpSpecialized: ctx.inPipeline && ctx.warpSpecialized, stages: ctx.pipelineStages,
        eviction: eviction)
    case "tma_store":
      preview = CudaPreview.tmaStore(copy, threads: threads)
    case "bulk_load":
      preview = CudaPreview.bulk1D(copy, bytes: bytes, load: true)
    case "bulk_store":
      preview = CudaPreview.bulk1D(copy, bytes: bytes, load: false)
    case "stmatrix":
      preview =
        "tl::ptx_stmatrix_m8n8_x4(&\(copy.dst.buffer.name)[...], __pack_half2(\(copy.src.buffer.name)[0], \(copy.src.buffer.name)[1]), ...);"
    case "tmem_load":
      preview = "tl::tcgen05_ld_32dp32bNx<...>(\(copy.src.buffer.name)[0], 0, &\(copy.dst.buffer.name)[0]);"
    case "tmem_store":
      preview = "tl::tcgen05_st_32dp32bNx<...>(\(copy.dst.buffer.name)[0], 0, &\(copy.src.buffer.name)[0]);"
    default:
      preview = CudaPreview.simt(copy, vector ?? VectorPlan(lanes: 1, bits: 16, maxBits: 128), threads: threads)
    }
    var reason = plan.reason
    if let v = vector, plan.path == "simt" || plan.path == "cp_async" {
      reason += "; \(v.lanes) × \(DType.short(v.dtype ?? copy.src.buffer.dtype ?? "?")) = \(v.bits) bits per access"
      if let l = v.limit { reason += " (not wider: \(l))" }
      if let rows = ctx.perThreadRows { reason += "; \(rows)" }
    }
    if !plan.notTaken.isEmpty { reason += "; " + plan.notTaken.joined(separator: "; ") }
    let dtype = DType.short(shared.buffer.dtype ?? copy.dst.buffer.dtype ?? "?")
    var label = "\(tileExtents.isEmpty ? "1" : tileExtents.timesText) \(dtype) · \(plan.path)"
    if let v = vector, plan.path == "simt" || plan.path == "cp_async" { label += " \(v.bits)b" }
    if let b = bytes, plan.path != "simt" { label += " " + formatBytes(b) }
    return LoweringInfo(
      op: c.event.op, range: c.event.call.range, target: ctx.target, path: plan.path, vectorBits: vector?.bits,
      bytes: bytes,
      reason: reason, preview: preview, extentsText: CopyExtents.extentSummary(copy),
      specialization: c.run.instance.provenance, inlayLabel: label)
  }
}
