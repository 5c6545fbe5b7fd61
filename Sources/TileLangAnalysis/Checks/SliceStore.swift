// TL225: a store into a buffer through a slice with an open bound or a step (`acc_o[i, :] = ...`, `s[:N] = 0`,
// `s[i, 0:N:2] = ...`). The front end turns the store into `T.buffer_store` with the slice as a region, and TVM's
// builder computes each slice's extent as `stop - start` (tirx/script/builder/ir.py): an open bound is None, so the
// store fails at elaboration on every target ("TypeError: unsupported operand type(s) for -: 'NoneType' and
// 'NoneType'"), and a step fails with "Buffer slicing with step is not supported". Checked with 0.1.15 (sweep M):
// shared, fragment and global buffers alike; `s[i, 0:N] = A[i, 0:N]` (bounded, a value of the same lanes) and
// `T.copy(A[0, :], s[0, :])` build. Bounded slices: see `noteBoundedSliceStore` below.

import TileLangSyntax

extension Interpreter {
  /// Notes TL225 for a store `b[index] = ...` whose index has a slice the front end cannot store through.
  mutating func noteSliceStore(_ b: Buffer, _ index: Expr, _ target: TextRange, _ env: inout Env) {
    guard run != nil, frontEndErrors[target] == nil else { return }
    for part in index.subscriptIndices {
      guard case .slice(let lower, let upper, let step) = part.kind else { continue }
      let error: String
      if step != nil {
        error = "ValueError: Buffer slicing with step is not supported."
      } else if lower == nil || upper == nil {
        let types = [upper, lower].map { $0 == nil ? "'NoneType'" : "'int'" }.joined(separator: " and ")
        error = "TypeError: unsupported operand type(s) for -: \(types)"
      } else {
        continue
      }
      let open = step != nil ? "a step" : "an open bound"
      frontEndErrors[target] = [
        Diagnostic(
          .TL225,
          "\(b.name) is stored through a slice with \(open): the front end stores a slice as a region from its start and stop, and elaboration fails on every target (\(error)); store element by element in a T.Parallel loop over that dimension, or T.copy from a region",
          at: part.range)
      ]
      return
    }
    noteBoundedSliceStore(b, index, target, &env)
  }
}

// Bounded slices (`s[1, 0:4] = ...`): the front end types the store as a vector whose lanes are the last index's
// extent, and the value must have those lanes; the code generator then needs one vector dimension, registers it can
// address (no fragment), at most 256 bits, and an even lane count for 16-bit floats. Checked with 0.1.15 on
// sm_80/sm_90/sm_100 (TypeError "Incompatible types in BufferStore" before elaboration; "index_lanes ==
// value_dtype.lanes()", "Cannot match type int32x2 vs int32x64", "substituting _i -> T.Ramp", "Unsupported vector
// load size", "only support even lane for half type" when lowering). `T.fill(s[1, 0:4], v)`, a value that is a region
// of the same lanes, or a region times a TIR scalar build.

/// One side of a store through bounded slices: its buffer and, per index, the slice's extent (nil: a plain index).
struct SlicedAccess {
  var buffer: Buffer
  var extents: [Int?]
  /// The subscript as written (`s[1, 0:4]`) and where.
  var text: String
  var range: TextRange
  /// The vector the front end types: the last index's extent (1 for a plain index).
  var lanes: Int { (extents.last ?? nil) ?? 1 }
  /// Indices whose slice is longer than one element.
  var wide: Int { extents.filter { ($0 ?? 1) > 1 }.count }
  /// The type the front end gives the access (`float16x4`).
  var type: String { (buffer.dtype ?? "?") + (lanes > 1 ? "x\(lanes)" : "") }
  var shape: String { lanes > 1 ? "a vector of \(lanes) lanes" : "a single element" }
}

extension Interpreter {
  /// `b[index]` (written at `range`) when its index has a bounded slice of constant extent and no other slice.
  mutating func slicedAccess(_ b: Buffer, _ index: Expr, _ env: inout Env, range: TextRange) -> SlicedAccess? {
    var extents: [Int?] = []
    for part in index.subscriptIndices {
      guard case .slice(let lower, let upper, let step) = part.kind else {
        extents.append(nil)
        continue
      }
      guard step == nil, let lower, let upper, let lo = eval(lower, &env).intValue, let hi = eval(upper, &env).intValue,
        let n = (hi - lo).constant, n >= 1
      else { return nil }
      extents.append(n)
    }
    guard extents.contains(where: { $0 != nil }) else { return nil }
    return SlicedAccess(buffer: b, extents: extents, text: source.text(range), range: range)
  }

  /// True for a value the front end builds as a scalar: numbers, TIR scalars, loads at plain indices, dtype
  /// constructors and element-wise `T.*` math of those, and arithmetic of them. Other calls may build vectors
  /// (`T.Broadcast`, `T.atomic_addx2(..., return_prev=True)`).
  func isScalarValue(_ e: Expr, _ env: Env) -> Bool {
    switch e.kind {
    case .int, .float, .bool: return true
    case .name(let n):
      switch lookup(n, env) {
      case .int, .float, .bool: return true
      default: return false
      }
    case .subscript(let base, let index):
      guard case .name(let n) = base.kind, case .buffer = lookup(n, env) else { return false }
      return index.subscriptIndices.allSatisfy { if case .slice = $0.kind { false } else { isScalarValue($0, env) } }
    case .binary(_, let l, let r): return isScalarValue(l, env) && isScalarValue(r, env)
    case .unary(_, let x): return isScalarValue(x, env)
    case .call(let callee, let args):
      guard case .attribute(let base, let name, _) = callee.kind, namesDSLModule(base),
        DType.bits(of: name) != nil || Self.scalarDSLFunctions.contains(name)
      else { return false }
      return args.allSatisfy {
        if case .string = $0.value.kind { return true }
        return isScalarValue($0.value, env)
      }
    default: return false
    }
  }
}

extension Interpreter {
  /// `T.*` functions whose value has the lanes of their arguments.
  static let scalarDSLFunctions: Set<String> = [
    "cast", "Cast", "max", "min", "abs", "exp", "exp2", "log", "log2", "sqrt", "rsqrt", "if_then_else", "infinity",
    "max_value", "min_value", "floor", "ceil", "round", "tanh", "sin", "cos", "floordiv", "floormod", "truncdiv",
    "truncmod", "pow", "clamp",
  ]

  /// Notes TL225 for a store through bounded slices that the front end or the code generator rejects.
  mutating func noteBoundedSliceStore(_ b: Buffer, _ index: Expr, _ target: TextRange, _ env: inout Env) {
    guard let value = storeValue, let lhs = slicedAccess(b, index, &env, range: target) else { return }
    var rhs: SlicedAccess?
    if case .subscript(let base, let rIndex) = value.kind, case .name(let n) = base.kind,
      case .buffer(let rb) = lookup(n, env)
    {
      rhs = slicedAccess(rb, rIndex, &env, range: value.range)
    }
    let every = "fails on every target"
    let problem: (String, TextRange)
    if let rhs {
      if lhs.lanes != rhs.lanes {
        problem = (
          "\(lhs.text) is \(lhs.shape) along its last index and \(rhs.text) \(rhs.shape): the front end \(every) (TypeError: Incompatible types in BufferStore, \(lhs.type) against \(rhs.type)); make the last slices the same length, or T.copy the region",
          value.range
        )
      } else if lhs.lanes == 1 {
        return
      } else if openParallel.isEmpty, let wide = [lhs, rhs].first(where: { $0.wide > 1 }) {
        problem = (
          "\(wide.text) slices \(wide.wide) dimensions by more than one element, and a sliced store is one vector access along the last: lowering \(every) (Cannot match type int32x…); T.copy the region instead",
          wide.range
        )
      } else if let f = [lhs, rhs].first(where: { $0.buffer.scope.isFragment }) {
        problem = (
          "\(f.text) reads or writes \(f.lanes) lanes of fragment \(f.buffer.name) as one vector, which a fragment's thread layout cannot index: lowering \(every) (substituting the index with a Ramp); T.copy the region, or store element by element in a T.Parallel loop",
          f.range
        )
      } else if openParallel.isEmpty,
        let w = [lhs, rhs].first(where: { ($0.buffer.elementBits ?? 0) * $0.lanes > 256 })
      {
        problem = (
          "\(w.text) moves \(w.lanes) \(w.buffer.dtype ?? "") lanes, \((w.buffer.elementBits ?? 0) * w.lanes) bits, as one vector, and CUDA vectors hold at most 256: lowering \(every) (Unsupported vector load size); T.copy the region, which splits it over the threads",
          w.range
        )
      } else if openParallel.isEmpty, lhs.lanes % 2 == 1,
        let h = [lhs, rhs].first(where: { $0.buffer.dtype == "float16" || $0.buffer.dtype == "bfloat16" })
      {
        problem = (
          "\(h.text) moves \(h.lanes) \(h.buffer.dtype ?? "") lanes as one vector, and CUDA's 16-bit float vectors need an even lane count: lowering \(every) (only support even lane for half type); T.copy the region, or store element by element",
          h.range
        )
      } else {
        return
      }
    } else if lhs.wide > 0, isScalarValue(value, env) {
      let fill =
        b.scope.isFragment
        ? "store element by element in a T.Parallel loop" : "fill the range with T.fill(\(lhs.text), value)"
      if lhs.lanes > 1 {
        problem = (
          "\(lhs.text) is a vector of \(lhs.lanes) lanes (its last index is a slice) and \(source.text(value.range)) a scalar: the front end \(every) (TypeError: Incompatible types in BufferStore, \(lhs.type) against a scalar); \(fill)",
          value.range
        )
      } else {
        problem = (
          "\(lhs.text) indexes \(lhs.extents.compactMap { $0 }.max() ?? 1) elements through a slice before its last index, and \(source.text(value.range)) is a scalar: lowering \(every) (index_lanes == value_dtype.lanes()); \(fill)",
          value.range
        )
      }
    } else {
      return
    }
    run?.sizeErrors[target] = Diagnostic(.TL225, problem.0, at: problem.1)
  }
}
