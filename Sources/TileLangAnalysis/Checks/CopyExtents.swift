// Copy extents (TL101–TL112): the front end's argument forms and legalization, the loop-space errors of
// MakeIterVars, and the silent miscopies the compiler accepts (tilelang-copy-semantics §1).

import TileLangSyntax

enum CopyExtents {
  /// Emits TL107 and TL108 (subscript problems raised while tracing) for every copy-like call.
  static func checkSubscripts(_ c: inout CheckContext) {
    for p in c.event.problems {
      switch p {
      case .indexCount(let b, let given, let range):
        c.emit(
          Diagnostic(
            .TL107,
            "Buffer \(b.name) is \(b.rank)-dimensional (shape=\(b.shape.tupleText)), but \(given) index(es) were provided; give exactly \(b.rank)",
            at: range))
      case .sliceStep(let range):
        c.emit(Diagnostic(.TL108, "Buffer slicing with step is not supported: `\(c.text(range))`", at: range))
      }
    }
  }

  /// Emits TL101, TL103, TL104, TL105, TL106, TL109 (rejections) and TL102, TL110, TL111, TL112 (silent miscopies).
  /// With `frontEndOnly`, only the front end's rejections (TL104–TL106, TL109) are reported.
  static func check(_ c: inout CheckContext, model: CopyModel, frontEndOnly: Bool = false) {
    switch model {
    case .scalar, .unknown:
      return
    case .rejected(let r):
      if frontEndOnly {
        switch r {
        case .loopSmallerThanSource, .extraNonUnit: return
        default: break
        }
      }
      reject(&c, r)
    case .tile(let copy):
      if !frontEndOnly { warnMiscopies(&c, copy) }
    }
  }

  /// Emits TL105 for `T.atomic_add` / `T.atomic_max` / `T.atomic_min` of two whole buffers whose shapes differ: the
  /// front end asserts their shapes structurally equal before it looks at extents (checked with 0.1.15).
  static func atomicShapes(_ run: KernelRun) -> [Diagnostic] {
    run.atomicBufferCalls.filter { provablyDifferent($0.dst.shape, $0.value.shape, open: run.instance.standIns) }.map {
      a in
      Diagnostic(
        .TL105,
        "T.\(a.op) of whole buffers needs equal shapes: \(a.dst.name) is \(a.dst.shape.tupleText), \(a.value.name) is \(a.value.shape.tupleText) (the front end raises ValueError: StructuralEqual check failed); pass regions of equal extents instead",
        at: a.valueRange ?? a.call)
    }
  }

  /// Two buffer shapes the front end's StructuralEqual check tells apart for certain: other ranks, dims that differ
  /// by a constant, or dims built from different run-time sizes. A size the instance leaves `open` (a parameter
  /// standing for a compile-time constant tl-lsp does not know, such as `K` and `V` read from tensor shapes) may equal
  /// any other, so dims that differ only through one are not a proven mismatch (sweep P).
  static func provablyDifferent(_ a: [SymExpr], _ b: [SymExpr], open: Set<String>) -> Bool {
    a.count != b.count
      || zip(a, b).contains { x, y in
        x != y && ((x - y).constant.map { $0 != 0 } ?? x.variables.union(y.variables).isDisjoint(with: open))
      }
  }

  // MARK: - Rejections

  private static func reject(_ c: inout CheckContext, _ r: CopyRejection) {
    let op = "T.\(c.event.op)"
    switch r {
    case .shapeMismatch(let a, let b):
      guard provablyDifferent(a.shape, b.shape, open: c.run.instance.standIns) else { return }
      c.emit(
        Diagnostic(
          .TL105,
          "\(op) of whole buffers needs equal shapes: \(a.name) is \(a.shape.tupleText), \(b.name) is \(b.shape.tupleText) (the front end raises ValueError: StructuralEqual check failed)",
          at: c.operandRange(1)))
    case .noExtents:
      c.emit(
        Diagnostic(
          .TL106,
          "Can't deduce copy extents from args: neither `\(c.operandText(0))` nor `\(c.operandText(1))` is a buffer or region",
          at: c.event.call.range))
    case .notBuffer(let i):
      c.emit(
        Diagnostic(
          .TL109,
          "\(op) operand `\(c.operandText(i))` is not a buffer, region or element (ValueError: Unsupported argument type for to_buffer_region)",
          at: c.operandRange(i)))
    case .pointRankTooSmall(let i, let indices, let extents):
      let other = i == 0 ? 1 : 0
      c.emit(
        Diagnostic(
          .TL104,
          "\(i == 0 ? "source" : "destination") `\(c.operandText(i))` is a point load with \(indices) indices, but the other side `\(c.operandText(other))` needs \(extents.count) extents \(extents.tupleText); the front end fails with a bare AssertionError. Write both sides as slices with the same number of non-1 extents",
          at: c.operandRange(i)))
    case .loopSmallerThanSource(let copy, let baseDim, let srcDim, let base, let src):
      let baseSide = copy.base
      c.emit(
        Diagnostic(
          .TL101,
          "copy loop runs over \(baseSide.buffer.name) (\(baseSide.buffer.scope.name)) with extent \(base) at dim \(baseDim), smaller than the source's \(src) at dim \(srcDim): the compiler aborts with \"Selected loop range is smaller than original src range\"; \(extentSummary(copy))",
          at: c.operandRange(copy.baseIsSource ? 0 : 1),
          related: [
            RelatedNote(message: "\(baseSide.buffer.name) is declared here", range: baseSide.buffer.declarationRange)
          ]))
    case .extraNonUnit(let copy, let side, let dim):
      let target = side == "src" ? 0 : (side == "dst" ? 1 : (copy.baseIsSource ? 0 : 1))
      let s = copy.src.nonUnit.map(\.extent), d = copy.dst.nonUnit.map(\.extent)
      c.emit(
        Diagnostic(
          .TL103,
          "the two sides keep different numbers of non-1 extents: src \(s.timesText.isEmpty ? "none" : s.timesText) vs dst \(d.timesText.isEmpty ? "none" : d.timesText) (extra non-1 extent at dim \(dim) of the \(side == "base" ? "loop side" : side)); the compiler fails in MakeIterVars. \(extentSummary(copy))",
          at: c.operandRange(target)))
    }
  }

  // MARK: - Silent miscopies

  private static func warnMiscopies(_ c: inout CheckContext, _ copy: TileCopy) {
    for p in copy.promotions {
      c.emit(
        Diagnostic(
          .TL111,
          "legalization promoted extents \(p.a) and \(p.b) (dim -\(p.fromEnd) from the end) to max = \(SymExpr.max(p.a, p.b)); \(extentSummary(copy))",
          at: c.event.call.range))
    }
    var partial = false
    for (i, side) in [copy.src, copy.dst].enumerated() where side.isWholeBuffer {
      for (d, e) in side.encoded.enumerated() where d < side.buffer.shape.count {
        guard let ec = e.constant, let sc = side.buffer.shape[d].constant, ec > sc else { continue }
        partial = true
        let what =
          i == 1
          ? (sc == 1
            ? "only \(d == side.encoded.count - 1 ? "column" : "row") 0 of the \(ec) copied \(d == side.encoded.count - 1 ? "columns" : "rows") is written"
            : "only \(sc) of the \(ec) copied \(d == side.encoded.count - 1 ? "columns" : "rows") are written")
          : "the extra \(ec - sc) are read as 0"
        c.emit(
          Diagnostic(
            .TL110,
            "legalization gives whole buffer \(side.buffer.name) \(side.buffer.shape.tupleText) extent \(ec) at dim \(d), beyond its shape: \(what); \(extentSummary(copy))",
            at: c.operandRange(i)))
        break
      }
    }
    // Different extents on the two sides with equal non-1 counts: the loop side's extents win silently.
    let s = copy.src.nonUnit, d = copy.dst.nonUnit
    if !partial, s.count == d.count {
      for (a, b) in zip(s, d) where a.extent != b.extent {
        guard let diff = (a.extent - b.extent).constant, diff != 0 else { continue }
        let baseExt = copy.baseIsSource ? a.extent : b.extent
        let message: String
        if copy.baseIsSource {
          message =
            diff < 0
            ? "destination `\(c.operandText(1))` has extent \(b.extent) at dim \(b.dim) but only \(a.extent) are copied (the loop follows the source)"
            : "copies \(a.extent) along dim \(a.dim) into destination `\(c.operandText(1))`, whose extent there is \(b.extent)"
        } else {
          message =
            diff < 0
            ? "reads \(baseExt) along dim \(a.dim) of \(copy.src.buffer.name) where the slice `\(c.operandText(0))` has \(a.extent) (the loop follows \(copy.dst.buffer.name))"
            : "copies only \(b.extent) of the source's \(a.extent) along dim \(a.dim) (the loop follows \(copy.dst.buffer.name))"
        }
        var fixes: [Fix] = []
        if !copy.baseIsSource, copy.dst.isWholeBuffer, diff < 0, let fix = sliceFix(c, copy) { fixes.append(fix) }
        c.emit(
          Diagnostic(
            .TL102, message + "; " + extentSummary(copy), at: c.operandRange(copy.baseIsSource ? 1 : 0), fixes: fixes))
        break
      }
    }
    // A tile larger than the tensor it touches.
    for (i, side) in [copy.src, copy.dst].enumerated() where !side.isWholeBuffer {
      for (dim, e) in side.encoded.enumerated() where dim < side.buffer.shape.count {
        guard let ec = e.constant, let sc = side.buffer.shape[dim].constant else { continue }
        let minC = side.mins[dim]?.constant
        if ec > sc || (minC.map { $0 + ec > sc } ?? false) {
          c.emit(
            Diagnostic(
              .TL112,
              "the tile `\(c.operandText(i))` spans \(ec) along dim \(dim)\(minC.map { " from \($0)" } ?? ""), but \(side.buffer.name) has only \(sc) there; out-of-range elements are \(i == 0 ? "read as 0" : "dropped")",
              at: c.operandRange(i)))
          break
        }
      }
    }
  }

  /// Fix for a whole-buffer destination that is larger than the source slice: copy into a matching slice.
  private static func sliceFix(_ c: CheckContext, _ copy: TileCopy) -> Fix? {
    guard copy.dst.buffer.rank == copy.src.encoded.count else { return nil }
    let parts = copy.src.encoded.map { e -> String in e.isConstant(1) ? "0" : "0:\(e)" }
    let text = "\(c.operandText(1))[\(parts.joined(separator: ", "))]"
    return Fix(title: "Copy into `\(text)`", edits: [TextEdit(range: c.operandRange(1), newText: text)])
  }

  /// `src A (128, 32) · dst S (64, 32) → (64, 32) · loop over S 64×32`.
  static func extentSummary(_ copy: TileCopy) -> String {
    func side(_ s: CopySide, _ label: String) -> String {
      let before = s.written.map(\.tupleText) ?? "point"
      let after = s.encoded.tupleText
      return "\(label) \(s.buffer.name) \(before)\(before == after ? "" : " → \(after)")"
    }
    let loop = copy.base.nonUnit.map(\.extent)
    return
      "\(side(copy.src, "src")), \(side(copy.dst, "dst")), loop over \(copy.base.buffer.name) \(loop.isEmpty ? "1" : loop.timesText)"
  }
}
