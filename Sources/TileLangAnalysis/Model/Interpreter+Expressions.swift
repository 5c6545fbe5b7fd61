// Expression evaluation for the interpreter: literals, names, arithmetic, comparisons, containers, subscripts.

import TileLangSyntax

extension Interpreter {
  mutating func eval(_ e: Expr, _ env: inout Env) -> Value {
    guard budget > 0 else { return .unknown }
    budget -= 1
    switch e.kind {
    case .int(let v, _): return v.map { Self.bounded(SymExpr(constant: $0)) } ?? .unknown
    case .float(let d): return .float(d)
    case .string(let s, let isBytes): return isBytes ? .unknown : .string(s)
    case .bool(let b): return .bool(b)
    case .none: return .none
    case .name(let n):
      if !tirScopes.expired.isEmpty { noteRead(n, e.range) }
      let v = lookup(n, env)
      if run != nil, case .buffer(let b) = v, b.scope.isFragment {
        run?.fragmentReferences[b.id, default: []].insert(e.range)
      }
      return v
    case .attribute(let base, let name, _):
      // Evaluated first: `attribute(eval(base, &env), name)` would copy `self` before the mutating `eval` runs.
      let object = eval(base, &env)
      return attribute(object, name)
    case .subscript(let base, let index):
      let items = eval(base, &env)
      if run != nil, case .sequence = items { noteLoopVariableIndex(base, items, index, e.range, env) }  // TL219
      return evalSubscript(items, index, &env, range: e.range)
    case .call: return evalCall(e, &env)
    case .binary(let op, let l, let r):
      let a = varElement(eval(l, &env))
      let b = varElement(eval(r, &env))
      if run != nil { noteZeroDivisor(op, e, divisor: r, b) }
      return binary(op, a, b)
    case .unary(let op, let operand):
      let v = eval(operand, &env)
      switch op {
      case .neg: if let i = v.intValue { return .int(-i) }; if case .float(let d) = v { return .float(-d) }
      case .pos: return v
      case .not: if let t = v.truthiness { return .bool(!t) }
      case .invert: if let c = v.constantInt { return .int(SymExpr(constant: ~c)) }
      }
      return .unknown
    case .boolOp(let op, let values):
      var last = Value.unknown
      for v in values {
        last = eval(v, &env)
        guard let t = last.truthiness else { return .unknown }
        if op == .and, !t { return last }
        if op == .or, t { return last }
      }
      return last
    case .compare(let left, let comparisons):
      var l = eval(left, &env)
      var result = true
      for c in comparisons {
        let r = eval(c.right, &env)
        guard let ok = compare(c.op, l, r) else { return .unknown }
        result = result && ok
        l = r
      }
      return .bool(result)
    case .ifExp(let test, let body, let orElse):
      let t = eval(test, &env)
      guard let known = t.truthiness else {
        let a = eval(body, &env)
        let b = eval(orElse, &env)
        return a.same(as: b) ? a : .unknown
      }
      return eval(known ? body : orElse, &env)
    case .tuple(let elts): return .sequence(evalElements(elts, &env), isList: false)
    case .list(let elts): return .sequence(evalElements(elts, &env), isList: true)
    case .set(let elts): return .sequence(evalElements(elts, &env), isList: true)
    case .dict(let items):
      var entries: [Value.DictEntry] = []
      for item in items {
        let v = eval(item.value, &env)
        if let k = item.key {
          entries.append(Value.DictEntry(key: eval(k, &env), value: v))
        } else if case .dict(let more) = v {
          entries.append(contentsOf: more)
        }
      }
      return .dict(entries)
    case .listComp(let elt, let gens), .setComp(let elt, let gens), .generator(let elt, let gens):
      return comprehension(elt, gens, &env).map { .sequence($0, isList: true) } ?? .unknown
    case .namedExpr(let target, let value):
      let v = eval(value, &env)
      bind(target, v, &env)
      return v
    case .starred(let inner): return eval(inner, &env)
    case .lambda, .fstring, .imaginary, .ellipsis, .slice, .dictComp, .await, .yield, .yieldFrom, .error:
      return .unknown
    }
  }

  mutating func evalElements(_ elts: [Expr], _ env: inout Env) -> [Value] {
    var out: [Value] = []
    out.reserveCapacity(elts.count)
    for e in elts {
      if case .starred(let inner) = e.kind {
        if let items = eval(inner, &env).elements { out.append(contentsOf: items) } else { out.append(.unknown) }
      } else {
        out.append(eval(e, &env))
      }
    }
    return out
  }

  /// List comprehensions over known sequences (bounded), as used in autotune config lists.
  private mutating func comprehension(_ elt: Expr, _ gens: [Comprehension], _ env: inout Env) -> [Value]? {
    var results: [Value] = []
    var ok = true
    func loop(_ i: Int, _ scope: Env, _ me: inout Interpreter) {
      guard ok, results.count < 64 else { return }
      var scope = scope
      if i == gens.count {
        results.append(me.eval(elt, &scope))
        return
      }
      let g = gens[i]
      guard let items = me.eval(g.iter, &scope).iterableItems else {
        ok = false
        return
      }
      for item in items.prefix(64) {
        var inner = scope
        me.bind(g.target, item, &inner)
        var keep = true
        for cond in g.ifs {
          guard let t = me.eval(cond, &inner).truthiness else {
            ok = false
            return
          }
          keep = keep && t
        }
        if keep { loop(i + 1, inner, &me) }
      }
    }
    loop(0, env, &self)
    return ok ? results : nil
  }

  func lookup(_ name: String, _ env: Env) -> Value {
    let h = NameSlots.hash(name)  // one hash for the scope, the imports and the builtins
    if let v = env[name, hash: h] { return v }
    switch name {
    case "True": return .bool(true)
    case "False": return .bool(false)
    case "None": return .none
    case "__name__": return .string("__main__")
    default: break
    }
    if let q = module.imports[name, hash: h] { return moduleValue(q) }
    if Self.builtins.contains(name, hash: h) { return .module("builtins." + name) }
    return .unknown
  }

  static let builtins: NameSet = [
    "range", "len", "int", "float", "min", "max", "abs", "list", "tuple", "dict", "print", "enumerate", "zip", "str",
    "bool", "round", "sum", "sorted", "isinstance", "getattr",
  ]

  func attribute(_ base: Value, _ name: String) -> Value {
    switch base {
    case .dsl(let path):
      let full = path.isEmpty ? name : path + "." + name
      if path.isEmpty, DType.isKnown(name) { return .dtype(DType.canonical(name)) }
      return .dsl(full)
    case .module(let m):
      if m == "torch" || m == "tilelang", DType.isKnown(name) { return .dtype(DType.canonical(name)) }
      guard m.hasPrefix("tilelang") else { return .module(m + "." + name) }
      let full = ModuleIndex.canonicalModule(m + "." + name)
      if full == "tilelang.language" { return .dsl("") }
      if full.hasPrefix("tilelang.language.") { return .dsl(String(full.dropFirst("tilelang.language.".count))) }
      return .module(full)
    case .namespace(let attrs):
      return attrs[name] ?? .unknown
    case .buffer(let b):
      switch name {
      case "shape": return .sequence(b.shape.map { .int($0) }, isList: true)
      case "dtype": return b.dtype.map { .dtype($0) } ?? .unknown
      default: return .unknown
      }
    case .function(let id, let closure):
      return .boundMethod(id, closure, name)
    case .hostTensor(let t):
      return hostTensorAttribute(t, name)
    case .argParser(let id):
      return .module("argparse.parser\(id)." + name)
    case .dict:
      return name == "values" || name == "keys" || name == "items" || name == "get" ? .module("dict." + name) : .unknown
    default:
      return .unknown
    }
  }

  /// `tileOperand`: the subscript is an operand of a copy or fill, whose region is not an element access when it
  /// slices.
  mutating func evalSubscript(
    _ base: Value, _ index: Expr, _ env: inout Env, tileOperand: Bool = false, range: TextRange? = nil
  ) -> Value {
    if run != nil, case .buffer(let b) = base {
      run?.touch(b.id)
      notePipelineUse(b, range ?? index.range)
      markConsumed(b.id)
      if !(tileOperand && index.containsSlice) { run?.untrackedLayouts.insert(b.id) }
      // Element accesses inside T.Parallel give a fragment its layout from that loop's partition.
      if loops.contains(where: \.isParallel) {
        run?.layoutProviders.insert(b.id)
      } else if b.scope.isFragment, !tileOperand {
        run?.serialElementAccess.insert(b.id)
      }
      if b.scope == .global, !openParallel.isEmpty { openParallel[openParallel.count - 1].readsGlobal = true }
      if !tileOperand { noteLocalParallelIndex(b, index, env, at: range ?? index.range) }
      if !openParallel.isEmpty, !tileOperand, b.scope == .global || b.scope.isShared {
        let indices = Self.indexList(evalIndex(index, &env))
        openParallel[openParallel.count - 1].noteAccess(b, isStore: false, indices: indices)
        return .unknown
      }
      if !openParallel.isEmpty, !tileOperand { openParallel[openParallel.count - 1].noteAccess(b, isStore: false) }
      if b.scope.isFragment, !openParallel.isEmpty, !tileOperand {
        recordParallelAccess(b, evalIndex(index, &env), isWrite: false, range: range ?? index.range)
        return .unknown
      }
    }
    // An integer element of a global tensor (`seqlens[bz]`, `cu_seqlens[b + 1]`) is a value known only at run time:
    // a symbol named after the load, with its index as evaluated. Tensors other than globals can be written by the
    // kernel between two loads, so their elements stay unknown.
    if run != nil, !tileOperand, case .buffer(let b) = base, b.scope == .global, let dtype = b.dtype,
      dtype.hasPrefix("int") || dtype.hasPrefix("uint")
    {
      let value = evalIndex(index, &env)
      let parts = value.elements.map { $0.map(\.intValue) } ?? [value.intValue]
      guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return .unknown }
      let name = "\(b.name)[\(parts.map { $0!.description }.joined(separator: ", "))]"
      run?.loadedVariables.insert(name)
      return .int(SymExpr(variable: name))
    }
    // An integer element of a per-thread or shared buffer (`start_iter[0]` of a `local` one, a `T.alloc_var`,
    // `split_shared[bz]`) read outside T.Parallel is a run-time value too; the kernel can write it between two loads,
    // so each load is a new symbol (`s[0]`, `s[0]#2`): arithmetic keeps its factors (`(k + s[0]) * 32` stays a
    // multiple of 32).
    if run != nil, !tileOperand, case .buffer(let b) = base,
      b.scope == .local || b.scope == .localVar || b.scope.isFragment || b.scope.isShared,
      let dtype = b.dtype, dtype.hasPrefix("int") || dtype.hasPrefix("uint")
    {
      _ = eval(index, &env)
      let name = freshRunTimeName("\(b.name)[\(source.text(index.range))]")
      if b.scope == .local { run?.localElementSymbols.insert(name) }
      return .int(SymExpr(variable: name))
    }
    switch base {
    case .sequence(let items, _):
      guard let i = eval(index, &env).constantInt else { return .unknown }
      let j = i < 0 ? items.count + i : i
      return j >= 0 && j < items.count ? items[j] : .unknown
    case .dict(let entries):
      let k = eval(index, &env)
      return entries.last { $0.key.same(as: k) }?.value ?? .unknown
    case .dsl(let name) where ["Tensor", "Buffer", "StridedTensor", "SharedBuffer", "FragmentBuffer"].contains(name):
      // T.Tensor[(M, K), dtype] spelling.
      var args: [Value] = []
      if case .tuple(let elts) = index.kind { args = elts.map { eval($0, &env) } } else { args = [eval(index, &env)] }
      return tensorType(name, args, [:])
    default:
      _ = eval(index, &env)
      return .unknown
    }
  }

  /// A `T.alloc_var` buffer used as a value (`e - s`, `T.min(s, x)`, an index `A[s]`): the front end loads its
  /// element, a run-time value, a new symbol at each load. Other values pass through.
  mutating func varElement(_ v: Value) -> Value {
    guard run != nil, case .buffer(let b) = v, b.scope == .localVar, let dtype = b.dtype,
      dtype.hasPrefix("int") || dtype.hasPrefix("uint")
    else { return v }
    return .int(SymExpr(variable: freshRunTimeName(b.name)))
  }

  /// An index as a value: a tuple's items and a single index, with `T.alloc_var` buffers read as their elements.
  mutating func evalIndex(_ index: Expr, _ env: inout Env) -> Value {
    let v = eval(index, &env)
    if case .sequence(let items, let isList) = v { return .sequence(items.map { varElement($0) }, isList: isList) }
    return varElement(v)
  }

  /// `text` as written in a message: run-time loads lose the `#2` that `freshRunTimeName` adds to tell two loads of one
  /// element apart (`(e#2 - s#2 + 63) // 64` → `(e - s + 63) // 64`).
  static func withoutLoadCounts(_ text: String) -> String {
    var out = ""
    var inSuffix = false
    for ch in text {
      if ch == "#" {
        inSuffix = true
      } else if inSuffix, ch.isNumber {
        continue
      } else {
        inSuffix = false
        out.append(ch)
      }
    }
    return out
  }

  /// A new run-time symbol named after `base` (`s[0]`, then `s[0]#2`, ...), known only at run time.
  mutating func freshRunTimeName(_ base: String) -> String {
    let n = (run?.runTimeNameCounts[base] ?? 0) + 1
    run?.runTimeNameCounts[base] = n
    let name = n == 1 ? base : "\(base)#\(n)"
    run?.loadedVariables.insert(name)
    return name
  }

  /// An integer value, or unknown when a constant or coefficient leaves the 32-bit range (see SafeArithmetic).
  static func bounded(_ e: SymExpr) -> Value {
    e.terms.allSatisfy({ abs($0.coefficient) <= SafeArithmetic.limit }) ? .int(e) : .unknown
  }

  func binary(_ op: BinaryOp, _ a: Value, _ b: Value) -> Value {
    let result = unboundedBinary(op, a, b)
    if case .int(let e) = result { return Self.bounded(e) }
    return result
  }

  private func unboundedBinary(_ op: BinaryOp, _ a: Value, _ b: Value) -> Value {
    if let x = a.intValue, let y = b.intValue {
      switch op {
      case .add: return .int(x + y)
      case .sub: return .int(x - y)
      case .mul: return .int(x * y)
      case .floorDiv:
        if y.constant == 0 { return .unknown }
        return .int(.floorDiv(x, y))
      case .mod:
        if y.constant == 0 { return .unknown }
        return .int(.mod(x, y))
      case .pow:
        if let xb = x.constant, let e = y.constant, e >= 0, e < 64 {
          var r = 1
          for _ in 0..<e { r = r &* xb }
          return .int(SymExpr(constant: r))
        }
        return .unknown
      case .div:
        if let xc = x.constant, let yc = y.constant, yc != 0 { return .float(Double(xc) / Double(yc)) }
        return .unknown
      case .lShift:
        if let xc = x.constant, let yc = y.constant, yc >= 0, yc < 63 { return .int(SymExpr(constant: xc << yc)) }
      case .rShift:
        if let xc = x.constant, let yc = y.constant, yc >= 0, yc < 63 { return .int(SymExpr(constant: xc >> yc)) }
      case .bitAnd: if let xc = x.constant, let yc = y.constant { return .int(SymExpr(constant: xc & yc)) }
      case .bitOr: if let xc = x.constant, let yc = y.constant { return .int(SymExpr(constant: xc | yc)) }
      case .bitXor: if let xc = x.constant, let yc = y.constant { return .int(SymExpr(constant: xc ^ yc)) }
      case .matMul: break
      }
      return .unknown
    }
    if let x = a.floatValue, let y = b.floatValue {
      switch op {
      case .add: return .float(x + y)
      case .sub: return .float(x - y)
      case .mul: return .float(x * y)
      case .div: return y == 0 ? .unknown : .float(x / y)
      default: return .unknown
      }
    }
    switch (op, a, b) {
    case (.add, .string(let x), .string(let y)): return .string(x + y)
    case (.add, .sequence(let x, let l), .sequence(let y, _)): return .sequence(x + y, isList: l)
    case (.mul, .sequence(let x, let l), _):
      if let n = b.constantInt, n >= 0, n * x.count <= 256 {
        return .sequence(Array(repeating: x, count: n).flatMap { $0 }, isList: l)
      }
      return .unknown
    default: return .unknown
    }
  }

  func compare(_ op: CompareOp, _ a: Value, _ b: Value) -> Bool? {
    if let x = a.intValue, let y = b.intValue {
      let d = x - y
      guard let c = d.constant else {
        if op == .eq || op == .notEq { return nil }
        return nil
      }
      switch op {
      case .eq, .is: return c == 0
      case .notEq, .isNot: return c != 0
      case .lt: return c < 0
      case .ltE: return c <= 0
      case .gt: return c > 0
      case .gtE: return c >= 0
      default: return nil
      }
    }
    if let x = a.floatValue, let y = b.floatValue {
      switch op {
      case .eq: return x == y
      case .notEq: return x != y
      case .lt: return x < y
      case .ltE: return x <= y
      case .gt: return x > y
      case .gtE: return x >= y
      default: return nil
      }
    }
    switch op {
    case .eq, .is, .notEq, .isNot:
      let positive = op == .eq || op == .is
      switch (a, b) {
      case (.none, .none): return positive
      case (.none, .int), (.int, .none), (.none, .string), (.string, .none), (.none, .bool), (.bool, .none):
        return !positive
      case (.string(let x), .string(let y)): return (x == y) == positive
      case (.none, let v) where op == .is || op == .isNot, (let v, .none) where op == .is || op == .isNot:
        // Identity with None: any value known not to be None (a DSL name such as `T.GemmWarpPolicy.FullCol`, a
        // dtype, a buffer, a float, a sequence) is not None; module attributes and unknowns may still be.
        return v.isKnownNotNone ? !positive : nil
      default:
        if let x = a.dtypeName, let y = b.dtypeName { return (x == y) == positive }
        return nil
      }
    case .in, .notIn:
      guard let items = b.iterableItems else { return nil }
      var found = false
      for item in items {
        if item.same(as: a) { found = true }
      }
      if !found, items.contains(where: { if case .unknown = $0 { return true } else { return false } }) { return nil }
      return op == .in ? found : !found
    default:
      return nil
    }
  }
}

extension Value {
  var floatValue: Double? {
    switch self {
    case .float(let d): return d
    case .int(let e): return e.constant.map(Double.init)
    default: return nil
    }
  }

  /// Items of a sequence, the keys of a dict, or a known `range`.
  var iterableItems: [Value]? {
    switch self {
    case .sequence(let items, _): return items
    case .dict(let entries): return entries.map(\.key)
    case .loopRange(.hostRange(let values)): return values.map { .int(SymExpr(constant: $0)) }
    default: return nil
    }
  }
}

extension Expr {
  /// A subscript's index as its items: `i, 0:32` → `[i, 0:32]`, a single index → `[index]`.
  var subscriptIndices: [Expr] {
    if case .tuple(let items) = kind { return items }
    return [self]
  }

  /// `0:32` or `i, 0:32`: a subscript index that takes a region rather than an element.
  fileprivate var containsSlice: Bool {
    switch kind {
    case .slice: return true
    case .tuple(let items): return items.contains { if case .slice = $0.kind { return true } else { return false } }
    default: return false
    }
  }
}
