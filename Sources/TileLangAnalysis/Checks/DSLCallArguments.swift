// TL218: a `T.name(...)` call whose arguments tilelang.language rejects before it builds anything: Python's binding
// against the function's parameter list (DSLSignatures: an unexpected keyword such as `T.Pipelined(..., group=...)`,
// a parameter given twice, too many positionals, a missing one) and the string arguments the front end compares to a
// fixed set (`T.use_swizzle(order=...)`, the atomics' `memory_order`). TL219: a Python list or tuple subscripted by
// the variable of a TIR loop (`range`, `T.serial`, `T.Parallel`, `T.Pipelined`, ... inside a kernel body), which
// is a `tir.Var` there, not an int. The interpreter notes both where it runs the call or subscript.

import TileLangSyntax

/// A string parameter the front end compares to a fixed set of values.
struct EnumeratedParameter: Sendable {
  var parameter: String
  var index: Int
  var allowed: [String]
  /// Whether an empty string passes (`if memory_order:` skips the lookup on some paths).
  var emptyPasses = false
  /// The exception Python raises for `value`.
  var error: @Sendable (String) -> String
}

extension Interpreter {
  /// Calls whose arguments TL208 (copies) or TL215 (reductions, scans, fills, gemm) check already.
  static let argumentsCheckedElsewhere = NameSet(
    copyOps.union(reduceOps).union(["cumsum", "cummax", "fill", "clear", "gemm"]))

  static let enumeratedParameters: [String: EnumeratedParameter] = {
    let memoryOrders = ["relaxed", "consume", "acquire", "release", "acq_rel", "seq_cst"]
    let keyError: @Sendable (String) -> String = { "KeyError: '\($0)'" }
    func orders(_ op: String, _ allowed: [String]) -> @Sendable (String) -> String {
      let sorted = allowed.sorted().map { "'\($0)'" }.joined(separator: ", ")
      return { "ValueError: \(op) does not support memory_order='\($0)'; expected one of [\(sorted)]" }
    }
    let load = ["relaxed", "consume", "acquire", "seq_cst"]
    let store = ["relaxed", "release", "seq_cst"]
    var t: [String: EnumeratedParameter] = [
      "use_swizzle": EnumeratedParameter(
        parameter: "order", index: 1, allowed: ["row", "column", "mlx"],
        error: { "ValueError: Unsupported swizzle order: \($0)" }),
      "atomic_load": EnumeratedParameter(
        parameter: "memory_order", index: 1, allowed: load, error: orders("atomic_load", load)),
      "atomic_store": EnumeratedParameter(
        parameter: "memory_order", index: 2, allowed: store, error: orders("atomic_store", store)),
    ]
    for op in ["atomic_add", "atomic_max", "atomic_min", "atomic_or"] {
      t[op] = EnumeratedParameter(
        parameter: "memory_order", index: 2, allowed: memoryOrders, emptyPasses: true, error: keyError)
    }
    return t
  }()

  /// TL218 for one call of `T.name` whose signature DSLSignatures knows: the binding's TypeErrors, else a string
  /// argument outside the set the front end accepts.
  mutating func noteDSLArguments(
    _ name: String, _ signature: CallSignature, _ call: Expr, _ args: [Argument], _ a: CallArguments
  ) {
    // The common call: positionals only, as many as the function takes, and no string to judge.
    if a.keywords.isEmpty, !a.hasUnknownSpread, signature.requiredKeywordOnly.isEmpty,
      a.positional.count == args.count, args.count >= signature.required,
      signature.variadic || args.count <= signature.parameters.count, Self.enumeratedParameters[name] == nil
    {
      return
    }
    guard frontEndErrors[call.range] == nil,
      let binding = signature.bindingErrors(.TL218, arguments: args, call: call.range, operands: [])
    else { return }
    if !binding.isEmpty {
      frontEndErrors[call.range] = binding
      return
    }
    guard let e = Self.enumeratedParameters[name],
      case (.string(let value)?, let expr?) = a.argument(e.index, e.parameter),
      !e.allowed.contains(value), !(e.emptyPasses && value.isEmpty)
    else { return }
    // A unique completion of what was written (`"col"` → `"column"`), else a near spelling.
    let completions = value.isEmpty ? [] : e.allowed.filter { $0.hasPrefix(value) }
    let nearest = completions.count == 1 ? completions[0] : CopyAnnotationsCheck.nearest(value, e.allowed)
    let close =
      completions.count == 1
      || (!value.isEmpty && CopyAnnotationsCheck.distance(value, nearest) <= max(1, value.count / 3))
    frontEndErrors[call.range] = [
      Diagnostic(
        .TL218,
        "T.\(name) does not take \(e.parameter)=\"\(value)\" (\(e.error(value))); it accepts \(e.allowed.map { "\"\($0)\"" }.joined(separator: ", "))\(close ? "; did you mean \"\(nearest)\"?" : "")",
        at: expr.range,
        fixes: close
          ? [Fix(title: "Use \"\(nearest)\"", edits: [TextEdit(range: expr.range, newText: "\"\(nearest)\"")])] : [])
    ]
  }

  /// TL218 for an allocation whose dtype argument is a Python number (`T.alloc_shared(block_M, block_N)`, the shape
  /// spread over two arguments): the buffer builder takes a DataType and fails with "TypeError: Mismatched type on
  /// argument #1 ... Expected `DataType` but got `int`" (tilelang 0.1.15, every target).
  mutating func noteNumericDType(_ name: String, _ call: Expr, _ dtype: Value?) {
    guard Self.shapeThenDType.contains(name), frontEndErrors[call.range] == nil, case .call(_, let args) = call.kind
    else { return }
    let kind: String
    switch dtype {
    case .int(let e)? where e.constant != nil: kind = "int"
    case .float?: kind = "float"
    default: return
    }
    let argument = args.count > 1 && args[1].name == nil ? args[1] : args.first(where: { $0.name == "dtype" })
    guard let argument else { return }
    frontEndErrors[call.range] = [
      Diagnostic(
        .TL218,
        "T.\(name)'s dtype is \(source.text(argument.value.range)), a Python \(kind): building the kernel fails on every target (TypeError: Mismatched type on argument #1 ... Expected `DataType` but got `\(kind)`); pass the shape as one tuple, `T.\(name)((...), dtype)`",
        at: argument.range)
    ]
  }

  /// Allocations whose parameters are `(shape, dtype, ...)`.
  static let shapeThenDType: Set<String> = [
    "alloc_shared", "alloc_fragment", "alloc_local", "alloc_reducer", "alloc_global", "alloc_buffer", "decl_buffer",
    "alloc_tmem",
  ]

  /// TL219: `items[t]` where `items` is a name bound to a Python list or tuple and the index is a loop variable of an enclosing TIR
  /// loop (or `t + 1`, `2 * t`: integer arithmetic on one), not rebound since; a plain Python function called from the
  /// kernel runs its own `range` loops in Python, so nothing is noted inside one.
  mutating func noteLoopVariableIndex(_ base: Expr, _ items: Value, _ index: Expr, _ range: TextRange, _ env: Env) {
    guard run != nil, plainCallDepth == 0, !serialLoopNames.isEmpty, case .sequence(_, let isList) = items,
      case .name(let name) = base.kind, frontEndErrors[range] == nil, let variable = loopVariable(in: index, env)
    else { return }
    let kind = isList ? "list" : "tuple"
    let shown = "`\(name)`"
    frontEndErrors[range] = [
      Diagnostic(
        .TL219,
        "\(shown) is a Python \(kind) indexed by `\(variable)`, a TIR loop variable (a tir.Var, not an int): elaboration fails (TypeError: \(kind) indices must be integers or slices, not \(Self.primExprClass(index))); iterate over the \(kind) in Python (a `for` over it expands the body per element) or hold its values in a buffer",
        at: index.range)
    ]
  }

  /// TL219 for the `items[t]` inside `e`, an index that is not evaluated (a copy operand of a tensor whose shape the
  /// evaluator does not know).
  mutating func noteLoopVariableIndices(in e: Expr, _ env: Env) {
    guard run != nil, plainCallDepth == 0, !serialLoopNames.isEmpty else { return }
    var found: [(base: Expr, index: Expr, range: TextRange)] = []
    ASTWalker { x, _ in
      if case .subscript(let base, let index) = x.kind, case .name = base.kind { found.append((base, index, x.range)) }
    }
    .walk(expression: e)
    for f in found {
      guard case .name(let n) = f.base.kind, let items = env[n], case .sequence = items else { continue }
      noteLoopVariableIndex(f.base, items, f.index, f.range, env)
    }
  }

  /// The class of the PrimExpr an index built by `loopVariable(in:)` evaluates to in the front end.
  static func primExprClass(_ e: Expr) -> String {
    guard case .binary(let op, _, _) = e.kind else { return "Var" }
    switch op {
    case .add: return "Add"
    case .sub: return "Sub"
    case .mul: return "Mul"
    case .floorDiv: return "FloorDiv"
    default: return "FloorMod"
    }
  }

  /// The loop variable an index of names, integer literals and `+ - * // %` uses, when every name in it is an int
  /// literal or an enclosing loop's variable still bound to itself; nil otherwise.
  private func loopVariable(in e: Expr, _ env: Env) -> String? {
    var found: String?
    func walk(_ e: Expr) -> Bool {
      switch e.kind {
      case .int: return true
      case .name(let n):
        guard serialLoopNames.contains(where: { $0.contains(n) }), case .int(let v)? = env[n],
          v == SymExpr(variable: n)
        else { return false }
        found = found ?? n
        return true
      case .binary(let op, let l, let r):
        guard [.add, .sub, .mul, .floorDiv, .mod].contains(op) else { return false }
        return walk(l) && walk(r)
      default: return false
      }
    }
    return walk(e) ? found : nil
  }
}

enum FrontEndErrors {
  /// TL218, TL219 and TL225 as the interpreter noted them, in the module-level statements `onlyTopLevel` (all when nil).
  static func check(_ errors: [TextRange: [Diagnostic]], parsed: ParsedFile, onlyTopLevel: Set<Int>?) -> [Diagnostic] {
    guard !errors.isEmpty else { return [] }
    let statements = onlyTopLevel.map { $0.map { parsed.body[$0].range } }
    var indexedLines = Set<Int>()
    return errors.sorted { $0.key < $1.key }.flatMap { range, diagnostics -> [Diagnostic] in
      if let statements, !statements.contains(where: { $0.start <= range.start && range.end <= $0.end }) { return [] }
      // Python stops at the first subscript of a line that fails; one TL219 a line says it.
      if diagnostics.first?.code == .TL219, !indexedLines.insert(parsed.source.line(of: range.start)).inserted {
        return []
      }
      return diagnostics
    }
  }
}

/// TL218 on `@T.prim_func(...)` and `@T.macro(...)` decorators whose arguments do not bind to the function (a fork's
/// `@T.prim_func(auto_overlap=True)`): the decorator call raises TypeError when the code around it runs (sweep M).
enum DecoratorArguments {
  /// Findings in the module-level statements `onlyTopLevel` (all when nil).
  static func check(_ module: ModuleIndex, parsed: ParsedFile, onlyTopLevel: Set<Int>?) -> [Diagnostic] {
    guard module.importsTilelang else { return [] }
    var out: [Diagnostic] = []
    for entry in module.functions where onlyTopLevel?.contains(entry.topLevel) ?? true {
      for decorator in entry.def.decorators {
        guard case .call(let callee, let args) = decorator.kind, let q = module.qualifiedName(callee),
          q == "tilelang.language.prim_func" || q == "tilelang.language.macro",
          let signature = DSLSignatures.byName[String(q.dropFirst("tilelang.language.".count))]
        else { continue }
        out += signature.bindingErrors(.TL218, arguments: args, call: decorator.range, operands: []) ?? []
      }
    }
    return out
  }
}
