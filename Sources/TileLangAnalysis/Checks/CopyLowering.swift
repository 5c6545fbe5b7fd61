// Lowering-dependent copy checks (TL205, TL207, TL209, TL210, TL211, TL402–TL406): they need the instruction the
// selector picks for the target, so they run once per target after the lowering plan is made.

import TileLangSyntax

enum CopyLoweringCheck {
  /// Emits TL205/TL209/TL210 (selection errors), TL207 (loop_layout on a non-SIMT path), TL211 (coalesced width
  /// adjusted), TL202 (coalesced_width on a copy that follows a fragment layout another op fixes, prefer_instruction
  /// on a load the software pipeline issues with cp.async), TL402 (store into
  /// tensor memory, tcgen05 copies off whole warpgroups), TL403 (vector width lost), TL404–TL407 and TL410 (TMA
  /// encoding), TL408 (bool vectors).
  static func check(_ c: inout CheckContext, copy: TileCopy, plan: CopyPlan, vector: VectorPlan?, ctx: CopyContext) {
    let t = ctx.target.rawValue
    if let error = plan.error, let codeText = plan.errorCode, let code = DiagnosticCode(rawValue: codeText) {
      let range = c.event.keywords["prefer_instruction"]?.argument.range ?? c.event.call.range
      c.emit(Diagnostic(code, "\(error) [\(t)]", at: range))
      return
    }
    if let hint = plan.overriddenPreference {
      let range =
        c.annotationValueRange("prefer_instruction") ?? c.event.keywords["prefer_instruction"]?.argument.value.range
        ?? c.event.call.range
      c.emit(
        Diagnostic(
          .TL202,
          "prefer_instruction=\"\(hint)\" has no effect: this load is a stage of the software-pipelined T.Pipelined loop, which issues it with cp.async [\(t)]",
          at: range))
    }
    // Inside a T.Pipelined loop with num_stages ≥ 1 the pipeline supplies the barrier (checked with 0.1.15 on sm_90:
    // num_stages 1 and 2 compile; no loop, a serial loop and num_stages=0 fail).
    if c.event.op == "tma_copy", plan.selected == .bulkLoad || plan.selected == .bulkLoad1D,
      (ctx.pipelineStages ?? 0) < 1,
      c.event.keywords["barrier"].map({ if case .none = $0.value { return true } else { return false } }) ?? true
    {
      c.emit(
        Diagnostic(
          .TL210,
          "T.tma_copy() requires a barrier argument for loads. Use T.tma_copy(src, dst, barrier=mbar[idx]). [\(t)]",
          at: c.event.call.range))
    }
    if ctx.annotations.hasLoopLayout, plan.selected != .normal, plan.selected != .cpAsync {
      let arg = c.event.keywords["loop_layout"]?.argument
      let range = arg?.range ?? c.keywordRange("annotations")
      var fixes: [Fix] = []
      if let arg {
        fixes.append(
          Fix(title: "Remove loop_layout", edits: [c.event.arguments.removal(of: arg)]))
      }
      c.emit(
        Diagnostic(
          .TL207,
          "T.copy loop layout annotation requires SIMT copy; got \(plan.selected.rawValue) for src=\(copy.src.buffer.name), dst=\(copy.dst.buffer.name) on \(t). Remove loop_layout\(copy.dst.buffer.scope == .global ? " or pass disable_tma=True" : "")",
          at: range, fixes: fixes))
    }
    if copy.dst.buffer.scope == .tmem, plan.selected != .tmemStore {
      c.emit(
        Diagnostic(
          .TL402,
          "\(copy.src.buffer.name) (\(copy.src.buffer.scope.name)) → \(copy.dst.buffer.name) (shared.tmem) is not a tcgen05 copy on \(t): the compiler fails with \"We should never directly store data into tmem!\" (only local.fragment ↔ shared.tmem on sm_100 lowers)",
          at: c.operandRange(1)))
    }
    // tcgen05.ld / tcgen05.st run on whole warpgroups (checked with 0.1.15 on sm_100: 64 threads fail). Whether the
    // tensor memory has a layout (only a tcgen05 gemm gives one) is not judged: kernels reach it through views,
    // macros and sliced operands that the kernel model does not tie back to the gemm.
    if plan.selected == .tmemLoad || plan.selected == .tmemStore, ctx.threads % 128 != 0 {
      c.emit(
        Diagnostic(
          .TL402,
          "a tcgen05 copy between \(copy.src.buffer.name) and \(copy.dst.buffer.name) runs on whole warpgroups, but the block has \(ctx.threads) threads: the compiler fails with \"Tensor memory copy requires thread bounds to be aligned to warpgroups\"; use a multiple of 128 threads [\(t)]",
          at: c.event.call.range))
    }
    if plan.selected == .bulkStore || plan.selected == .bulkLoad {
      let shared = plan.selected == .bulkStore ? copy.src : copy.dst
      let global = plan.selected == .bulkStore ? copy.dst : copy.src
      if let dt = shared.buffer.dtype, !DType.tmaEncodable(dt) {
        let arg = c.event.call.range
        c.emit(
          Diagnostic(
            .TL404,
            "this copy lowers to a TMA \(plan.selected == .bulkStore ? "store" : "load") on \(t), and TMA cannot encode dtype \(dt): the compiler fails with \"Check failed: (0) is false: \(dt)\"; pass disable_tma=True",
            at: arg, fixes: insertKeyword(c, "disable_tma=True")))
      }
      if plan.cannotFallBack, shared.buffer.dtype == "float64", ctx.gemmOperands.contains(shared.buffer.id),
        !c.run.annotatedLayout(shared.buffer)
      {
        c.emit(
          Diagnostic(
            .TL404,
            "this copy lowers to a warp-specialised TMA load on \(t), and \(shared.buffer.name) is a float64 gemm operand: TMA cannot encode the swizzled layout the gemm gives it, and the load cannot fall back (\"T.tma_copy() cannot fall back to normal copy in LowerBulk: shared layout cannot be encoded for TMA\"); pass disable_tma=True",
            at: c.event.call.range, fixes: insertKeyword(c, "disable_tma=True")))
      }
      let dynamic = c.dynamicVariables
      for side in [shared, global] {
        if let e = side.encoded.first(where: { !$0.isConstant && !$0.variables.isDisjoint(with: dynamic) }) {
          c.emit(
            Diagnostic(
              .TL405,
              "this copy lowers to a TMA \(plan.selected == .bulkStore ? "store" : "load") on \(t), which needs constant extents, but \(side.buffer.name)'s region has extent \(e): the compiler fails with \"extent of \(side.buffer.scope == .global ? "global" : "shared")_range ... is not constant\"; pass disable_tma=True",
              at: c.operandRange(side.buffer.id == copy.src.buffer.id ? 0 : 1),
              fixes: insertKeyword(c, "disable_tma=True")))
          break
        }
      }
      if let (dim, e, size) = outOfBounds(shared) {
        c.emit(
          Diagnostic(
            .TL410,
            "this copy lowers to a TMA \(plan.selected == .bulkStore ? "store" : "load") on \(t), but its region of \(shared.buffer.name) spans \(e) along dim \(dim) where the buffer has \(size): the compiler fails (\"plain SMEM layout is not a bijection\")",
            at: c.operandRange(shared.buffer.id == copy.src.buffer.id ? 0 : 1)))
      } else if let w = ctx.tmaStripes[shared.buffer.id], let (covered, size) = TmaPlainLayouts.gap(shared, stripe: w) {
        let kind = plan.selected == .bulkStore ? "store" : "load"
        let cols = shared.buffer.shape.last?.constant ?? w
        let bits = shared.buffer.elementBits ?? 8
        let layout =
          w == cols
          ? "laid out row by row"
          : "laid out in \(w * bits / 8)-byte column stripes (\(w) of its \(cols)-element, \(cols * bits / 8)-byte rows), each stripe's rows stored together"
        let region = shared.encoded.map { $0.constant.map(String.init) ?? "?" }.joined(separator: "×")
        c.emit(
          Diagnostic(
            .TL410,
            "this copy lowers to a TMA \(kind) on \(t), but \(shared.buffer.name) \(shared.buffer.shape.tupleText) is \(layout), and its \(region) region is not one dense block of that layout: TMA's box covers \(covered) of its \(size) elements, so the compiler fails (\"plain SMEM layout is not a bijection\": RightInverse covers \(covered) of \(size) elements); copy \(w == cols ? "whole rows" : "all rows of whole stripes, or columns within one stripe"), use a shared buffer of the region's shape, or pass disable_tma=True",
            at: c.operandRange(shared.buffer.id == copy.src.buffer.id ? 0 : 1),
            fixes: insertKeyword(c, "disable_tma=True")))
      }
      let sharedTile = shared.nonUnit.map(\.extent), globalTile = global.nonUnit.map(\.extent)
      if sharedTile.count == globalTile.count,
        let (i, pair) = zip(sharedTile, globalTile).enumerated().first(where: {
          ($0.element.0 - $0.element.1).constant.map { $0 != 0 } ?? false
        })
      {
        c.emit(
          Diagnostic(
            .TL407,
            "this copy lowers to a TMA \(plan.selected == .bulkStore ? "store" : "load") on \(t), which needs equal tiles, but the shared tile has \(pair.0) where the global tile has \(pair.1) (non-1 dim \(i)): \"Shared tile and global tile shape mismatch\"; \(CopyExtents.extentSummary(copy))",
            at: c.operandRange(shared.buffer.id == copy.src.buffer.id ? 1 : 0)))
      }
      if plan.selected == .bulkStore, shared.buffer.rank >= 2, !c.run.annotatedLayout(shared.buffer),
        !ctx.gemmOperands.contains(shared.buffer.id), let bits = shared.buffer.elementBits, bits != 64,
        let cols = shared.buffer.shape.last?.constant, (cols * bits) % 128 != 0
      {
        c.emit(
          Diagnostic(
            .TL406,
            "TMA store from \(shared.buffer.name) \(shared.buffer.shape.tupleText) on \(t): its rows are \(cols) × \(bits / 8) B = \(cols * bits / 8) B, not a multiple of 16 B, so no Hopper layout fits (\"Unsupported layout for Hopper with stride=..., continuous=\(cols)\"); pad the row or pass disable_tma=True",
            at: c.event.call.range, fixes: insertKeyword(c, "disable_tma=True")))
      }
    }
    guard let vector else { return }
    // Observed with tilelang 0.1.15: the vectorized store of 8+ bools has no CUDA type (bool→bool, f16→bool,
    // i8→bool fail); loads of bool converted to another type do not (bool→i8 at 16 lanes compiles).
    // CUDA has bool vectors of at most 4 lanes; a wider vectorized loop fails whichever side is bool. A copy out of
    // a fragment takes its width from the layout another op gives the fragment: it is judged only where that op is
    // a copy the planner follows (f16 fragment → bool at 8 lanes fails, at 4 lanes after coalesced_width=4 not).
    if plan.path == "simt", vector.lanes >= 8, !copy.src.buffer.scope.isFragment || ctx.inheritedLayout != nil,
      let side = [copy.dst, copy.src].first(where: { $0.buffer.dtype == "bool" })
    {
      let narrow =
        ctx.inheritedLayout.map { "give the copy on line \($0.line), which lays out \($0.buffer), coalesced_width=4" }
        ?? (vector.perThread
          ? "copy fewer than 8 elements at a time (each thread runs this copy whole)" : "use coalesced_width=4")
      c.emit(
        Diagnostic(
          .TL408,
          "this copy \(side.buffer.name == copy.dst.buffer.name ? "into" : "from") bool buffer \(side.buffer.name) vectorizes to \(vector.lanes) lanes on \(t), and CUDA codegen fails with \"Cannot convert type boolx\(vector.lanes) to CUDA type\"; copy through uint8 or \(narrow)",
          at: c.event.call.range))
    }
    let coalescedRange =
      c.event.keywords["coalesced_width"]?.argument.value.range ?? c.annotationValueRange("coalesced_width")
      ?? c.event.call.range
    if let before = vector.beforeCoalesced, let cw = ctx.annotations.coalescedWidth {
      c.emit(
        Diagnostic(
          .TL211,
          "Requested coalesced_width=\(cw) is incompatible with the geometry-supported vector width \(before); the compiler uses \(vector.lanes) instead [\(t)]",
          at: coalescedRange))
    }
    // A copy of a fragment that another op lays out follows that layout (checked with 0.1.15: coalesced_width 2, 4
    // and 8 on such copies leave the width the laying-out copy gave; 1 and 4 on a gemm accumulator leave 2 lanes).
    if vector.coalescedIgnored, let cw = ctx.annotations.coalescedWidth,
      let origin = ctx.inheritedLayout.map({ "\($0.buffer)'s layout comes from the copy on line \($0.line)" })
        ?? ctx.fixedLayout
    {
      c.emit(
        Diagnostic(
          .TL202,
          "coalesced_width=\(cw) has no effect: \(origin), and this copy follows it (\(vector.lanes) lanes) [\(t)]",
          at: coalescedRange))
    }
    if plan.path == "simt" || plan.path == "cp_async", vector.lanes == 1, let innerLimit = vector.innerExtentLimit,
      ctx.annotations.coalescedWidth == nil, copy.src.buffer.scope != .local, copy.dst.buffer.scope != .local,
      copy.src.buffer.scope.isShared || copy.dst.buffer.scope.isShared,
      let bits = copy.src.buffer.elementBits, bits <= 16
    {
      c.emit(
        Diagnostic(
          .TL403,
          "scalar copy: each thread moves one \(DType.short(copy.src.buffer.dtype ?? "?")) (\(bits) of a possible \(vector.maxBits) bits) because \(innerLimit) [\(t)]",
          at: c.event.call.range))
    }
  }

  /// The first dimension where a region leaves its buffer (constant extent beyond the shape, or a constant window
  /// past its end).
  static func outOfBounds(_ side: CopySide) -> (dim: Int, extent: Int, size: Int)? {
    for (d, e) in side.encoded.enumerated() where d < side.buffer.shape.count {
      guard let ec = e.constant, let sc = side.buffer.shape[d].constant else { continue }
      let minC = side.mins[d]?.constant
      if ec > sc || (minC.map { $0 + ec > sc } ?? false) { return (d, ec, sc) }
    }
    return nil
  }

  /// An im2col column tile that is not one dense block of its shared buffer: along some dim it takes less than the
  /// buffer's extent (`inner`) while an outer dim spans more than 1 (`outer`). TMA describes the shared side as a
  /// dense box in the buffer's plain (unswizzled) layout; with a row-major plain layout that box must be whole rows.
  /// Judged for buffers without an annotated layout whose rows fit one swizzle atom (128 B). T.copy's TMA copies are
  /// judged against the layout their tile actually gets (`TmaPlainLayouts`).
  static func gapped(_ buffer: Buffer, extents regionExtents: [SymExpr], layoutFixed: Bool) -> (
    inner: (dim: Int, extent: Int, size: Int), outer: (dim: Int, extent: Int)
  )? {
    let shape = buffer.shape.map(\.constant)
    guard !layoutFixed, regionExtents.count == shape.count, let bits = buffer.elementBits,
      let cols = shape.last ?? nil, cols * bits <= 128 * 8
    else { return nil }
    let extents = regionExtents.map(\.constant)
    guard
      let partial = extents.indices.last(where: { d in
        guard let e = extents[d], let s = shape[d] else { return true }
        return e < s
      }), let pe = extents[partial], let ps = shape[partial]
    else { return nil }
    guard let outer = extents.indices.prefix(partial).first(where: { (extents[$0] ?? 1) > 1 }),
      let oe = extents[outer]
    else { return nil }
    return ((partial, pe, ps), (outer, oe))
  }

  /// Inserts `, keyword` before the call's closing parenthesis.
  static func insertKeyword(_ c: CheckContext, _ keyword: String) -> [Fix] {
    let end = c.event.call.range.end
    guard end > 0, end <= c.source.bytes.count, c.source.bytes[end - 1] == 0x29 else { return [] }
    return [
      Fix(title: "Add \(keyword)", edits: [TextEdit(range: TextRange(end - 1, end - 1), newText: ", \(keyword)")])
    ]
  }
}

extension KernelRun {
  func annotatedLayout(_ b: Buffer) -> Bool { annotatedLayouts.contains(b.id) }
}
