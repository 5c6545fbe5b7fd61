// Host-side torch tensors in the interpreter: their shapes, and the `T.const` sizes an eager kernel reads from them.

import TileLangSyntax

extension Interpreter {
  /// Methods that give back a tensor of the same shape; the value is the new dtype, nil to keep it.
  static let shapeKeepingMethods: [String: String?] = [
    "to": nil, "cuda": nil, "cpu": nil, "contiguous": nil, "clone": nil, "detach": nil, "requires_grad_": nil,
    "zero_": nil, "normal_": nil, "uniform_": nil, "fill_": nil, "random_": nil, "half": "float16",
    "float": "float32", "bfloat16": "bfloat16", "double": "float64", "int": "int32", "long": "int64",
  ]

  /// `torch.randn(M, N, dtype=...)` and the other constructors that take a shape; nil for any other call.
  func torchTensor(_ name: String, _ a: CallArguments) -> Value? {
    guard name.hasPrefix("torch."), !a.hasUnknownSpread else { return nil }
    let function = String(name.dropFirst("torch.".count))
    let p = a.positional
    // A `dtype=` the evaluator cannot read leaves the dtype unknown, not the default.
    let dtype = a.keywords["dtype"]?.dtypeName
    let dtypeGiven = a.keywords["dtype"] != nil
    var shape: [SymExpr?]?
    var defaultDType: String? = "float32"
    switch function {
    case "randn", "rand", "zeros", "ones", "empty":
      shape = a.keywords["size"].map(Self.hostShape) ?? (p.count == 1 ? Self.hostShape(p[0]) : Self.hostDims(p))
    case "full":
      shape = (p.first ?? a.keywords["size"]).flatMap(Self.hostShape)
      defaultDType = nil
    case "randint":
      shape = (a.keywords["size"] ?? p.first { $0.elements != nil }).flatMap(Self.hostShape)
      defaultDType = "int64"
    case "randn_like", "rand_like", "zeros_like", "ones_like", "empty_like", "full_like":
      guard case .hostTensor(let t)? = p.first ?? a.keywords["input"] else { return .unknown }
      return .hostTensor(HostTensor(shape: t.shape, dtype: dtypeGiven ? dtype : t.dtype))
    default:
      return nil
    }
    guard let shape else { return .unknown }
    return .hostTensor(HostTensor(shape: shape, dtype: dtypeGiven ? dtype : defaultDType))
  }

  /// A shape given as one value: a tuple, list or `torch.Size`, or a single integer.
  static func hostShape(_ v: Value) -> [SymExpr?]? {
    if let items = v.elements { return hostDims(items) }
    return v.intValue.map { [$0] }
  }

  /// Dimensions given one by one; any item that is neither an integer nor unknown makes it no shape.
  static func hostDims(_ items: [Value]) -> [SymExpr?]? {
    var dims: [SymExpr?] = []
    for item in items {
      if let i = item.intValue {
        dims.append(i)
      } else if case .unknown = item {
        dims.append(nil)
      } else {
        return nil
      }
    }
    return dims.isEmpty ? nil : dims
  }

  func hostTensorAttribute(_ t: HostTensor, _ name: String) -> Value {
    switch name {
    // The dimensions stay unknown: reference implementations loop over them (`M, K = A.shape`, then
    // `for i in range(M // block_M)`), which costs up to 10× a file's check and decides nothing about its kernels.
    case "shape", "ndim", "size", "dim": return .unknown
    case "dtype": return t.dtype.map { .dtype($0) } ?? .unknown
    default: return Self.shapeKeepingMethods[name] != nil ? .hostTensorMethod(t, name) : .unknown
    }
  }

  func hostTensorCall(_ t: HostTensor, _ method: String, _ a: CallArguments) -> Value {
    switch method {
    case "to":
      var out = t
      for v in a.positional + [a.keywords["dtype"] ?? Value.none] {
        if let d = v.dtypeName { out.dtype = d } else if case .hostTensor(let other) = v { out.dtype = other.dtype }
      }
      return .hostTensor(out)
    default:
      guard let change = Self.shapeKeepingMethods[method] else { return .unknown }
      var out = t
      if let d = change { out.dtype = d }
      return .hostTensor(out)
    }
  }

  /// The `T.const` sizes an eager kernel's tensor arguments give: each name that a top-level annotation of a
  /// parameter (`A: T.Tensor((M, N), dtype)`, `T.Tensor[(M, N), dtype]`, `T.Buffer`) uses as a bare dimension takes
  /// that dimension of the argument, from the first annotation that uses it. Names in `given` (`.compile(M=...)`)
  /// keep their value; a dimension the evaluator does not know as a constant leaves the name symbolic.
  func constSizesFromTensors(_ def: FunctionDef, _ env: Env, given: [String: Value]) -> [String: Value] {
    let params = Set(def.params.list.map(\.name))
    var constName: [String: String] = [:]
    var claimed = Set<String>()
    var out: [String: Value] = [:]
    for stmt in def.body {
      switch stmt.kind {
      case .assign(let targets, let value):
        guard targets.count == 1 else { continue }
        // `KH, KW = K, K`: another name for the same size.
        if let aliases = Self.nameAliases(targets[0], value, constName) {
          constName.merge(aliases) { _, new in new }
          continue
        }
        // Any other assignment rebinds its names: they no longer stand for a `T.const` size.
        for t in Self.dimExprs(targets[0]) ?? [targets[0]] { if case .name(let x) = t.kind { constName[x] = nil } }
        guard case .call(let callee, let args) = value.kind else { continue }
        let q = module.qualifiedName(callee)
        if q == "tilelang.language.const", case .string(let spec, false)? = args.first?.value.kind {
          let names = ModuleIndex.declaredNames(spec)
          let vars: [Expr]
          switch targets[0].kind {
          case .tuple(let items), .list(let items): vars = items
          default: vars = [targets[0]]
          }
          guard vars.count == names.count else { continue }
          for (v, n) in zip(vars, names) { if case .name(let x) = v.kind { constName[x] = n } }
        } else if q == "tilelang.language.empty" {
          // An output declared before the annotations may be the first buffer to use a name: its size then has
          // no tensor to come from.
          for e in args.filter({ $0.name == nil }).flatMap({ Self.dimExprs($0.value) ?? [$0.value] }) {
            if case .name(let x) = e.kind, let n = constName[x] { claimed.insert(n) }
          }
        }
      case .annAssign(let target, let annotation, nil):
        guard case .name(let x) = target.kind, params.contains(x) else { continue }
        // Strides are not modelled: a `T.StridedTensor` claims the names it uses, binding none.
        if let dims = stridedDims(annotation) {
          for e in dims { if case .name(let v) = e.kind, let n = constName[v] { claimed.insert(n) } }
          continue
        }
        guard let dims = annotatedShape(annotation) else { continue }
        let tensor: HostTensor?
        if case .hostTensor(let t)? = env[x], t.shape.count == dims.count { tensor = t } else { tensor = nil }
        for (i, e) in dims.enumerated() {
          guard case .name(let v) = e.kind, let n = constName[v], claimed.insert(n).inserted else { continue }
          if given[n] == nil, let d = tensor?.shape[i], d.isConstant { out[n] = .int(d) }
        }
      default:
        continue
      }
    }
    return out
  }

  /// The shape expressions of `T.Tensor((M, N), dtype)`, `T.Tensor[(M, N), dtype]` or `T.Buffer(...)`.
  private func annotatedShape(_ e: Expr) -> [Expr]? {
    let kinds: Set<String> = ["tilelang.language.Tensor", "tilelang.language.Buffer"]
    switch e.kind {
    case .call(let callee, let args):
      guard let q = module.qualifiedName(callee), kinds.contains(q) else { return nil }
      return (args.first { $0.name == nil } ?? args.first { $0.name == "shape" }).flatMap { Self.dimExprs($0.value) }
    case .subscript(let callee, let index):
      guard let q = module.qualifiedName(callee), kinds.contains(q) else { return nil }
      if case .tuple(let items) = index.kind, let first = items.first { return Self.dimExprs(first) }
      return nil
    default:
      return nil
    }
  }

  /// `X = M` or `X, Y = M, N` where every right-hand name is a `T.const` variable: the targets' `T.const` names.
  private static func nameAliases(_ target: Expr, _ value: Expr, _ constName: [String: String]) -> [String: String]? {
    let targets = dimExprs(target) ?? [target]
    let values = dimExprs(value) ?? [value]
    guard targets.count == values.count else { return nil }
    var out: [String: String] = [:]
    for (t, v) in zip(targets, values) {
      guard case .name(let x) = t.kind, case .name(let y) = v.kind, let n = constName[y] else { return nil }
      out[x] = n
    }
    return out
  }

  /// The shape and stride expressions of `T.StridedTensor(shape, strides, dtype)` or `T.StridedTensor[...]`.
  private func stridedDims(_ e: Expr) -> [Expr]? {
    let parts: [Expr]
    switch e.kind {
    case .call(let callee, let args) where module.qualifiedName(callee) == "tilelang.language.StridedTensor":
      parts = args.map(\.value)
    case .subscript(let callee, let index) where module.qualifiedName(callee) == "tilelang.language.StridedTensor":
      parts = Self.dimExprs(index) ?? [index]
    default:
      return nil
    }
    return parts.flatMap { Self.dimExprs($0) ?? [] }
  }

  private static func dimExprs(_ e: Expr) -> [Expr]? {
    switch e.kind {
    case .tuple(let items), .list(let items): return items
    default: return nil
    }
  }
}
