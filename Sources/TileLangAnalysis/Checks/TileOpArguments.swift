// Arguments of reductions, scans, fills and gemms that tilelang 0.1.15 rejects (TL215): Python's binding against the
// signatures `tilelang.language` exports (the CUDA dialect's reduce_max/min/absmax add nan_propagate; reduce_abssum has
// no clear), then the front end's own checks (language/reduce_op.py `reduce`, language/scan_op.py
// `_prepare_scan_args`) and the nan_propagate dtype check of reduce lowering.

import TileLangSyntax

enum TileOpArguments {
  /// The reductions, scans and fills TL215 checks, with their signatures from DSLSignatures (held to the installed
  /// package by a test).
  static let signatures: [String: CallSignature] = DSLSignatures.table.filter {
    $0.key.hasPrefix("reduce_") || ["cumsum", "cummax", "fill", "clear"].contains($0.key)
  }

  /// `T.gemm` (tilelang/cuda/language/gemm_op.py; 0.1.15 takes `mbar`, not `k_pack` or `wg_wait`).
  static let gemm = DSLSignatures.table["gemm"]

  /// Emits TL215 on each reduction, scan or fill whose arguments the compiler rejects, and on each `T.gemm` whose
  /// arguments do not bind to its signature.
  static func check(_ run: KernelRun) -> [Diagnostic] {
    run.tileOpCalls.flatMap(diagnostics(for:))
      + run.layoutOps.flatMap { op -> [Diagnostic] in
        guard case .gemm(let g) = op, g.op == "gemm", case .call(_, let args) = g.call.kind else { return [] }
        return gemm?.bindingErrors(.TL215, arguments: args, call: g.call.range, operands: ["A", "B", "C"]) ?? []
      }
  }

  /// TL215 for one call: the binding's TypeErrors, else the first front-end check that fails (Python stops there),
  /// plus the lowering's nan_propagate check.
  static func diagnostics(for call: TileOpCall) -> [Diagnostic] {
    guard let signature = signatures[call.op], !call.hasUnknownSpread else { return [] }
    let binding = signature.bindingErrors(
      .TL215, positional: call.positional.count, positionalArgs: call.positionalArgs,
      keywords: call.keywords.mapValues(\.argument), arguments: call.arguments, call: call.call.range,
      operands: ["buffer", "out", "src", "dst"])
    // The binding does not depend on values; the checks below do, so they need the call reached with these values.
    if !binding.isEmpty || call.undecided { return binding }
    if Interpreter.reduceOps.contains(call.op) {
      // Python stops at the first check that fails; the nan_propagate check runs later, in lowering.
      if let d = batch(call, signature) ?? bitwiseDtype(call) ?? scopes(call) ?? nanPropagate(call) { return [d] }
      return []
    }
    if call.op.hasPrefix("cum") { return scanShapes(call).map { [$0] } ?? [] }
    return []
  }

  // MARK: - Reductions

  /// `batch must be >= 1, got False`: a batch below 1, often a `clear` flag passed in batch's position.
  private static func batch(_ call: TileOpCall, _ signature: CallSignature) -> Diagnostic? {
    guard let index = signature.parameters.firstIndex(of: "batch"), let passed = call.argument(index, "batch") else {
      return nil
    }
    let (value, argument) = passed
    let shown: String
    switch value {
    case .bool(let b) where !b: shown = "False"
    case .int(let e) where (e.constant ?? 1) < 1: shown = "\(e.constant ?? 1)"
    default: return nil
    }
    var note = ""
    var fixes: [Fix] = []
    if case .bool = value, argument.name == nil {
      let noClear = !signature.parameters.contains("clear")
      note =
        "; positional argument \(index + 1) of T.\(call.op) is `batch`\(noClear ? " (it has no `clear`: it always clears its output)" : "")"
      fixes = [Fix(title: "Remove `\(shown)`", edits: [call.arguments.removal(of: argument)])]
    }
    return Diagnostic(
      .TL215, "T.\(call.op) gets batch=\(shown): the front end fails (\"batch must be >= 1, got \(shown)\")\(note)",
      at: argument.value.range, fixes: fixes)
  }

  /// `reduce_bitand requires an integer/bool buffer, got dtype float32` (the output's dtype is checked).
  private static func bitwiseDtype(_ call: TileOpCall) -> Diagnostic? {
    guard ["reduce_bitand", "reduce_bitor", "reduce_bitxor"].contains(call.op), call.operands.count > 1,
      let out = call.operands[1].buffer, let dtype = out.dtype,
      !(dtype.hasPrefix("int") || dtype.hasPrefix("uint") || dtype == "bool")
    else { return nil }
    return Diagnostic(
      .TL215,
      "T.\(call.op) writes \(out.name), a \(dtype) buffer: bitwise reductions need integer or bool buffers, and the front end fails (\"\(call.op) requires an integer/bool buffer, got dtype \(dtype)\")",
      at: operandRange(call, 1))
  }

  /// `Invalid buffer scopes: local.fragment and global`: a reduction runs between shared and fragment buffers, or from
  /// a `local` buffer into a `local` one.
  private static func scopes(_ call: TileOpCall) -> Diagnostic? {
    let judged: [MemoryScope] = [.global, .shared, .sharedDyn, .fragment, .local, .localVar]
    guard call.operands.count > 1, let src = call.operands[0].buffer, let dst = call.operands[1].buffer,
      judged.contains(src.scope), judged.contains(dst.scope),
      src.allocator != "alloc_reducer", dst.allocator != "alloc_reducer"
    else { return nil }
    let tile: (MemoryScope) -> Bool = { $0.isShared || $0.isFragment }
    if src.scope == .local ? [.local, .localVar].contains(dst.scope) : tile(src.scope) && tile(dst.scope) {
      return nil
    }
    let advice: String
    let bad: Int
    if tile(src.scope) {
      (advice, bad) = ("reduce into a fragment and T.copy it to \(dst.name)", 1)
    } else if src.scope == .local {
      (advice, bad) = ("a local buffer reduces only into a local one (T.alloc_local or T.alloc_var)", 1)
    } else {
      (advice, bad) = ("T.copy \(src.name) into a fragment and reduce that", 0)
    }
    let (s, d) = (src.scope.name, dst.scope.name)
    return Diagnostic(
      .TL215,
      "T.\(call.op) reads \(src.name) (\(s)) into \(dst.name) (\(d)): reductions run between shared and fragment buffers (or local into local), and the front end fails (\"Invalid buffer scopes: \(s) and \(d)\"); \(advice)",
      at: operandRange(call, bad))
  }

  /// `reduce_max with nan_propagate=True requires float16 or bfloat16 output, got float32` (reduce lowering).
  private static func nanPropagate(_ call: TileOpCall) -> Diagnostic? {
    guard ["reduce_max", "reduce_min", "reduce_absmax"].contains(call.op), call.operands.count > 1,
      let out = call.operands[1].buffer, let dtype = out.dtype, dtype != "float16", dtype != "bfloat16"
    else { return nil }
    // The annotations dict's key wins over the keyword (CUDA reduce_op.py `_with_nan_propagate`: setdefault).
    var flag: (value: Value, range: TextRange)?
    if let annotations = call.argument(6, "annotations"), case .dict(let entries) = annotations.value,
      let entry = entries.first(where: { $0.key.stringValue == "nan_propagate" })
    {
      flag = (entry.value, annotations.argument.value.range)
    } else if let keyword = call.argument(5, "nan_propagate") {
      flag = (keyword.value, keyword.argument.range)
    }
    guard let flag, flag.value.truthiness == true else { return nil }
    return Diagnostic(
      .TL215,
      "T.\(call.op) with nan_propagate=True writes \(out.name) (\(dtype)): NaN-propagating reductions need a float16 or bfloat16 output, and lowering fails (\"\(call.op) with nan_propagate=True requires float16 or bfloat16 output, got \(dtype)\")",
      at: flag.range)
  }

  // MARK: - Scans

  /// `_prepare_scan_args`: `dim` inside the source's rank, and a `dst` of the source's shape.
  private static func scanShapes(_ call: TileOpCall) -> Diagnostic? {
    guard let src = shape(call.operands.first ?? .unknown) else { return nil }
    let rank = src.dims.count
    let dimArgument = call.argument(2, "dim")
    var dim = 0
    if let d = dimArgument {
      guard let c = d.value.constantInt else { return nil }
      dim = c
    }
    if dim >= rank || dim < -rank {
      return Diagnostic(
        .TL215,
        "T.\(call.op) over dim \(dim) of \(src.name) \(src.text), which has \(rank) dimension\(rank == 1 ? "" : "s"): the front end fails (\"Dimension \(dim) is out of bounds for buffer with shape \(src.text)\"); pass a dim from \(-rank) to \(rank - 1)",
        at: dimArgument?.argument.range ?? call.call.range)
    }
    guard call.operands.count > 1, let dst = shape(call.operands[1]) else { return nil }
    var mismatch: String?
    if dst.dims.count != rank {
      mismatch = "rank mismatch"
    } else if let i = src.dims.indices.first(where: { ((src.dims[$0] - dst.dims[$0]).constant ?? 0) != 0 }) {
      mismatch = "dim \(i) mismatch"
    }
    guard let mismatch else { return nil }
    return Diagnostic(
      .TL215,
      "T.\(call.op) writes \(dst.name) \(dst.text) from \(src.name) \(src.text): the output must have the input's shape, and the front end fails (\"\(call.op) dst shape \(dst.text) must match src shape \(src.text) (\(mismatch))\")",
      at: operandRange(call, 1))
  }

  /// An operand's shape as the front end's `retrieve_shape` returns it: a buffer's shape (printed as a tuple) or a
  /// region's extents (a list); nil for anything else or an unknown extent.
  static func shape(_ operand: Operand) -> (name: String, dims: [SymExpr], text: String)? {
    switch operand {
    case .buffer(let b):
      return (b.name, b.shape, b.shapeText)
    case .region(let b, _, let extents):
      let dims = extents.compactMap { $0 }
      guard dims.count == extents.count else { return nil }
      return (b.name, dims, "[" + dims.map(\.description).joined(separator: ", ") + "]")
    default:
      return nil
    }
  }

  static func operandRange(_ call: TileOpCall, _ i: Int) -> TextRange {
    (i < call.operandExprs.count ? call.operandExprs[i]?.range : nil) ?? call.call.range
  }
}
