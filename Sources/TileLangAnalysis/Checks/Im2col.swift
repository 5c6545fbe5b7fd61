// im2col (TL301–TL309): image rank, column rank, dtypes, geometry ints and output size, the Hopper TMA path's
// scope / channel / box rules, and the deprecated `T.c2d_im2col` alias (tilelang-copy-semantics §5).

import TileLangSyntax

struct Im2colGeometry: Sendable {
  var kernel: Int, stride: Int, dilation: Int, pad: Int
}

enum Im2colCheck {
  static let parameterNames = ["img", "col", "nhw_step", "c_step", "kernel", "stride", "dilation", "pad"]

  /// Emits TL301–TL311 for one `T.im2col` / `T.c2d_im2col` call on `target`; returns its lowering.
  static func check(_ c: inout CheckContext, target: TargetArch, firstTarget: Bool) -> LoweringInfo? {
    let e = c.event
    if firstTarget, e.op == "c2d_im2col", case .attribute(_, _, let nameRange) = e.callee.kind {
      c.emit(
        Diagnostic(
          .TL309, "T.c2d_im2col is deprecated, use T.im2col instead (DeprecationWarning; removed in a later release)",
          at: nameRange,
          fixes: [Fix(title: "Rename to T.im2col", edits: [TextEdit(range: nameRange, newText: "im2col")])]))
    }
    guard e.operands.count >= 2, let img = e.operands[0].buffer, let col = e.operands[1].buffer else { return nil }
    let colExtents: [SymExpr]
    switch e.operands[1] {
    case .buffer(let b): colExtents = b.shape
    case .region(_, _, let ext): colExtents = ext.map { $0 ?? SymExpr(variable: "?") }
    case .point(_, let ix): colExtents = ix.map { _ in SymExpr(constant: 1) }
    default: return nil
    }
    if firstTarget {
      if img.rank != 4 {
        c.emit(
          Diagnostic(
            .TL301,
            "the im2col image \(img.name) has rank \(img.rank) \(img.shape.tupleText); it must be rank 4 (N, H, W, C)",
            at: c.operandRange(0)))
      }
      if colExtents.count < 2 {
        c.emit(
          Diagnostic(
            .TL302,
            "im2col dstRegion must have at least 2 dims: \(col.name) has \(colExtents.count) \(colExtents.tupleText)",
            at: c.operandRange(1)))
      }
      if let a = img.dtype, let b = col.dtype, a != b {
        c.emit(
          Diagnostic(
            .TL303, "im2col copies without conversion: image \(img.name) is \(a) but column tile \(col.name) is \(b)",
            at: c.operandRange(1)))
      }
      if col.scope.isFragment, !otherUseOf(col, c) {
        c.emit(
          Diagnostic(
            .TL307,
            "the column tile \(col.name) is a fragment: im2col infers no fragment layout, so layout inference fails (\"The layout for fragment \(col.name) can not be inferred correctly\"); use T.alloc_shared",
            at: c.operandRange(1)))
      }
    }
    // Geometry: Python ints only.
    var geometry: [String: Int] = [:]
    for (i, name) in parameterNames.enumerated().dropFirst(4) {
      let valueAndRange: (Value, TextRange)?
      if i < e.positional.count, i < e.positionalArgs.count {
        valueAndRange = (e.positional[i], e.positionalArgs[i].value.range)
      } else if let k = e.keywords[name] {
        valueAndRange = (k.value, k.argument.value.range)
      } else {
        valueAndRange = nil
      }
      guard let (v, range) = valueAndRange else { continue }
      if let n = v.constantInt {
        geometry[name] = n
      } else if firstTarget, isPrimExpr(v, c) {
        c.emit(
          Diagnostic(
            .TL304,
            "im2col \(name) must be a Python int, but `\(c.text(range))` is a symbolic value (the compiler fails with bad_optional_access)",
            at: range))
      }
    }
    if firstTarget {
      for name in ["kernel", "stride"] where geometry[name] == 0 {
        c.emit(
          Diagnostic(
            .TL305,
            "im2col \(name)=0 makes the compiler divide by zero (\"Check failed: pb->value != 0 : Divide by zero\")",
            at: geometryRange(c, name) ?? e.call.range))
      }
    }
    if firstTarget, let k = geometry["kernel"], let s = geometry["stride"], let d = geometry["dilation"],
      let p = geometry["pad"], k != 0, s != 0
    {
      if k < 0 || s < 0 || d <= 0 || p < 0 {
        c.emit(
          Diagnostic(
            .TL310,
            "im2col geometry should have kernel, stride, dilation > 0 and pad ≥ 0; got kernel=\(k), stride=\(s), dilation=\(d), pad=\(p): the compiler accepts it and gathers the wrong pixels",
            at: e.call.range))
      } else if img.rank == 4 {
        for (dim, label) in [(1, "H"), (2, "W")] {
          guard let size = img.shape[dim].constant else { continue }
          let out = pyFloorDiv(size + 2 * p - (k - 1) * d - 1, s) + 1
          if out == 0 {
            c.emit(
              Diagnostic(
                .TL305,
                "im2col output \(label == "H" ? "height" : "width") is 0 (\(label)=\(size), kernel \(k), stride \(s), dilation \(d), pad \(p)): the compiler divides by zero decomposing output pixels (\"Check failed: pb->value != 0 : Divide by zero\")",
                at: e.call.range))
            break
          }
          if out < 1 {
            c.emit(
              Diagnostic(
                .TL310,
                "im2col output \(label == "H" ? "height" : "width") is \(out) (\(label)=\(size), kernel \(k), stride \(s), dilation \(d), pad \(p)): no output pixel exists; the compiler accepts it and reads only padding",
                at: e.call.range))
            break
          }
        }
      }
    }
    if firstTarget { checkSteps(&c, img: img, colExtents: colExtents, geometry: geometry) }
    let bits = img.elementBits ?? 16
    let bk = colExtents.last?.constant
    let channels = img.rank == 4 ? img.shape[3].constant : nil
    if target.isHopper, colExtents.count > 2, let leading = colExtents.dropLast(2).first(where: { $0.constant != 1 }),
      leading.constant != nil
    {
      // The TMA im2col box is [pixels, channels] (the region's last two extents); the shared region must match it
      // once unit dims are dropped (cuda/op/copy.cc: "Shared tile and global tile shape mismatch").
      c.emit(
        Diagnostic(
          .TL302,
          "on \(target.rawValue) im2col lowers to a TMA box of \(Array(colExtents.suffix(2)).tupleText) (pixels, channels), and the column region \(col.name) \(colExtents.tupleText) has a dim of \(leading) before those: the compiler fails (\"Shared tile and global tile shape mismatch\"); write into one slice, e.g. \(col.name)[0, :, :] [\(target.rawValue)]",
          at: c.operandRange(1)))
    }
    if target.isHopper {
      if img.scope != .global || !col.scope.isShared {
        if !col.scope.isFragment || otherUseOf(col, c) {
          c.emit(
            Diagnostic(
              .TL307,
              "on \(target.rawValue) im2col lowers to TMA and needs a global image and a shared column tile; got \(img.name) (\(img.scope.name)) → \(col.name) (\(col.scope.name)) [\(target.rawValue)]",
              at: c.operandRange(img.scope != .global ? 0 : 1)))
        }
      } else if let bk, let channels, bk > 0, channels % bk != 0 {
        c.emit(
          Diagnostic(
            .TL306,
            "on \(target.rawValue) im2col needs the image channels C=\(channels) to be a multiple of the column tile width \(bk) (\"Currently can only support divisible channel case\") [\(target.rawValue)]",
            at: c.operandRange(1)))
      } else if let bk, (bk * bits) % 128 != 0 {
        c.emit(
          Diagnostic(
            .TL308,
            "on \(target.rawValue) the im2col TMA box is \(bk) channels × \(bits / 8) B = \(bk * bits / 8) B wide, not a multiple of 16 B (\"im2col cannot lower the shared tile of \(col.name)\") [\(target.rawValue)]",
            at: c.operandRange(1)))
      } else if let (inner, outer) = CopyLoweringCheck.gapped(
        col, extents: colExtents, layoutFixed: c.run.annotatedLayout(col))
      {
        // The TMA box is written densely into the column tile (cuda/op/copy.cc, "plain SMEM layout is not a
        // bijection"): part of each row of several rows leaves gaps.
        c.emit(
          Diagnostic(
            .TL308,
            "on \(target.rawValue) im2col's TMA box is written densely into \(col.name) \(col.shapeText), but this tile takes \(inner.extent) of \(inner.size) along dim \(inner.dim) over \(outer.extent) along dim \(outer.dim), so its rows have gaps: the compiler fails (\"plain SMEM layout is not a bijection\"); use whole rows of \(col.name) or a buffer of the tile's shape [\(target.rawValue)]",
            at: c.operandRange(1)))
      }
    }
    return lowering(c, img: img, col: col, colExtents: colExtents, target: target)
  }

  /// True when another copy or a gemm gives the buffer a layout.
  private static func otherUseOf(_ b: Buffer, _ c: CheckContext) -> Bool {
    c.run.events.contains { ev in ev.call.range != c.event.call.range && ev.operands.contains { $0.buffer?.id == b.id }
    }
      || c.run.gemmOperands.contains(b.id)
  }

  /// Emits TL311: over the range of `nhw_step` (a grid or loop index, or a constant) the row tiles must cover the
  /// N·OH·OW output pixels without starting past them; likewise `c_step` for the KH·KW·C patch columns.
  private static func checkSteps(_ c: inout CheckContext, img: Buffer, colExtents: [SymExpr], geometry: [String: Int]) {
    guard img.rank == 4, colExtents.count >= 2, let k = geometry["kernel"], let s = geometry["stride"], k > 0, s > 0,
      let d = geometry["dilation"], let p = geometry["pad"], let n = img.shape[0].constant,
      let h = img.shape[1].constant,
      let w = img.shape[2].constant, let ch = img.shape[3].constant, let bm = colExtents[colExtents.count - 2].constant,
      let bk = colExtents[colExtents.count - 1].constant, bm > 0, bk > 0
    else { return }
    let oh = pyFloorDiv(h + 2 * p - (k - 1) * d - 1, s) + 1
    let ow = pyFloorDiv(w + 2 * p - (k - 1) * d - 1, s) + 1
    guard oh >= 1, ow >= 1 else { return }
    let axes = [
      ("nhw_step", 2, bm, n * oh * ow, "output pixels (N·OH·OW = \(n)·\(oh)·\(ow))"),
      ("c_step", 3, bk, k * k * ch, "patch columns (KH·KW·C = \(k)·\(k)·\(ch))"),
    ]
    for (name, index, tile, total, what) in axes {
      guard let range = geometryRange(c, name) else { continue }
      let value = index < c.event.positional.count ? c.event.positional[index] : c.event.keywords[name]?.value
      guard let e = value?.intValue else { continue }
      if let v = e.constant {
        if v * tile >= total {
          c.emit(
            Diagnostic(
              .TL311,
              "\(name)=\(v) selects rows \(v * tile)..<\((v + 1) * tile), past the \(total) \(what): the tile is all padding",
              at: range))
        }
        continue
      }
      guard e.terms.count == 1, e.terms[0].coefficient == 1, e.terms[0].monomial.atoms.count == 1,
        case .variable(let name2) = e.terms[0].monomial.atoms[0], let trips = c.run.indexExtents[name2]?.constant,
        trips > 0
      else { continue }
      if trips * tile < total {
        c.emit(
          Diagnostic(
            .TL311,
            "\(name) = \(name2) takes \(trips) values, so \(trips) tiles of \(tile) cover \(trips * tile) of the \(total) \(what); the rest is never computed",
            at: range))
      } else if (trips - 1) * tile >= total {
        c.emit(
          Diagnostic(
            .TL311,
            "\(name) = \(name2) takes \(trips) values, but \((total + tile - 1) / tile) tiles of \(tile) already cover the \(total) \(what); the others are all padding",
            at: range))
      }
    }
  }

  /// Range of a geometry argument, positional or keyword.
  private static func geometryRange(_ c: CheckContext, _ name: String) -> TextRange? {
    guard let i = parameterNames.firstIndex(of: name) else { return nil }
    if i < c.event.positionalArgs.count { return c.event.positionalArgs[i].value.range }
    return c.event.keywords[name]?.argument.value.range
  }

  /// True when a value is a TIR expression rather than a Python int (kernel indices, `T.dynamic` sizes).
  private static func isPrimExpr(_ v: Value, _ c: CheckContext) -> Bool {
    if case .float = v { return true }
    if let e = v.intValue { return !e.variables.isDisjoint(with: c.dynamicVariables) }
    return false
  }

  private static func lowering(_ c: CheckContext, img: Buffer, col: Buffer, colExtents: [SymExpr], target: TargetArch)
    -> LoweringInfo
  {
    let tma = target.isHopper
    let bytes =
      colExtents.compactMap(\.constant).count == colExtents.count
      ? SafeArithmetic.bytes(colExtents.compactMap(\.constant), bits: col.elementBits ?? 16) : nil
    let preview: String
    if tma {
      preview = """
        if (tl::tl_shuffle_elect<THREADS>()) {
          bar.arrive_and_expect_tx(\(bytes.map(String.init) ?? "bytes"));
          tl::tma_load_im2col(\(img.name)_desc, bar, &\(col.name)[0], c0, w0, h0, n0, off_w, off_h);
        }
        bar.wait(phase);
        """
    } else {
      preview = """
        // predicated gather: zero outside the padded image
        for (...) \(col.name)[...] = (0 <= h && h < H && 0 <= w && w < W) ? \(img.name)[n, h, w, c] : 0;
        """
    }
    let label = "\(colExtents.timesText) \(DType.short(col.dtype ?? "?")) · \(tma ? "im2col_tma" : "im2col_simt")"
    return LoweringInfo(
      op: c.event.op, range: c.event.call.range, target: target, path: tma ? "im2col_tma" : "im2col_simt",
      vectorBits: nil, bytes: bytes,
      reason: tma
        ? "Hopper (\(target.rawValue)) always lowers im2col to tma_load_im2col"
        : "im2col uses the SIMT gather on \(target.rawValue) (TMA im2col is Hopper-only)",
      preview: preview, extentsText: "img \(img.name) \(img.shape.tupleText) · col \(col.name) \(colExtents.tupleText)",
      specialization: c.run.instance.provenance, inlayLabel: label + (bytes.map { " " + formatBytes($0) } ?? ""))
  }
}

func formatBytes(_ n: Int) -> String {
  if n >= 1024, n % 1024 == 0 { return "\(n / 1024) KiB" }
  if n >= 1024 { return String(format: "%.1f KiB", Double(n) / 1024) }
  return "\(n) B"
}

import Foundation
