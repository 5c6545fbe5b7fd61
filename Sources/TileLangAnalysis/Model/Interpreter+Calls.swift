// Calls in the interpreter: user functions (stepping into factories and macros), builtins, argparse.

import Foundation
import TileLangSyntax

struct CallArguments {
  var positional: [Value] = []
  var positionalArgs: [Argument] = []
  var keywords: Keywords<Value> = [:]
  var keywordArgs: Keywords<Argument> = [:]
  /// True when `*args`/`**kwargs` of unknown content were passed.
  var hasUnknownSpread = false

  /// Parameter `i` of the callee, named `key`: its value and its syntax, when the call passes it.
  func argument(_ i: Int, _ key: String) -> (Value?, Expr?) {
    if i < positional.count {
      // With `*args` expanded, positions in the syntax no longer line up with values.
      return (positional[i], positional.count == positionalArgs.count ? positionalArgs[i].value : nil)
    }
    return (keywords[key], keywordArgs[key]?.value)
  }
}

extension Interpreter {
  mutating func evalCall(_ e: Expr, _ env: inout Env) -> Value {
    guard case .call(let calleeExpr, let args) = e.kind else { return .unknown }
    let callee = eval(calleeExpr, &env)
    let made = instances.count
    var a = CallArguments()
    a.positional.reserveCapacity(args.count)
    // The syntax of the plain positional arguments: usually all of `args`, or a prefix, which is shared, not copied;
    // their indices only once one comes after another kind of argument.
    var plainCount = 0
    var plainIndices: [Int]?
    defer {
      if case .module("tilelang.compile") = callee {
        applyCompilePassConfigs(args, evaluated: a.keywords["pass_configs"], since: made)
      }
    }
    // A region written as a copy's or fill's operand (`S[0:32, 0:16]`) is not an element access: it leaves the
    // fragment's layout to the copies (RunChecks.InheritedFragmentLayouts).
    var tileOperands = false
    if case .dsl(let name) = callee { tileOperands = !(Self.opTraits[name] ?? []).isDisjoint(with: .copyOrFill) }
    func argument(_ e: Expr, _ env: inout Env) -> Value {
      guard tileOperands, case .subscript(let base, let index) = e.kind else { return eval(e, &env) }
      return evalSubscript(eval(base, &env), index, &env, tileOperand: true, range: e.range)
    }
    for (i, arg) in args.enumerated() {
      if arg.isDoubleStar {
        if case .dict(let entries) = eval(arg.value, &env) {
          for entry in entries { if let k = entry.key.stringValue { a.keywords[k] = entry.value } }
        } else {
          a.hasUnknownSpread = true
        }
      } else if let name = arg.name {
        a.keywords[name] = argument(arg.value, &env)
        a.keywordArgs[name] = arg
      } else if case .starred(let inner) = arg.value.kind {
        if let items = eval(inner, &env).elements {
          a.positional.append(contentsOf: items)
        } else {
          a.hasUnknownSpread = true
        }
      } else {
        a.positional.append(argument(arg.value, &env))
        if plainIndices == nil, i != plainCount { plainIndices = Array(0..<plainCount) }
        plainIndices?.append(i)
        plainCount += 1
      }
    }
    a.positionalArgs =
      plainIndices.map { $0.map { args[$0] } } ?? (plainCount == args.count ? args : Array(args[..<plainCount]))
    if case .dsl(let name) = callee, Self.scalarArgumentDSL.contains(name) {
      a.positional = a.positional.map { varElement($0) }
    }
    switch callee {
    case .function(let id, let closure):
      return callFunction(id, closure, a, callRange: e.range, method: nil)
    case .boundMethod(let id, let closure, let method):
      if ["compile", "get_tir", "get_kernel_source", "__call__"].contains(method) {
        return callFunction(id, closure, a, callRange: e.range, method: method)
      }
      return .unknown
    case .dsl(let name):
      return dslCall(name, e, calleeExpr, args, a, &env)
    case .module(let name):
      if name.hasPrefix("tilelang."), case .attribute(_, let attr, let nameRange) = calleeExpr.kind,
        name == "tilelang." + attr, ModuleImports.binds("tilelang", attr) == false
      {
        unknownDSLNames[nameRange] = name  // TL217: `import tilelang as T` then `T.const(...)`
      }
      return moduleCall(name, a)
    case .hostTensorMethod(let t, let method):
      return hostTensorCall(t, method, a)
    default:
      return .unknown
    }
  }

  /// `T.*` functions whose positional arguments are scalar values, so a `T.alloc_var` passed to them is its element.
  static let scalarArgumentDSL: NameSet = [
    "min", "max", "ceildiv", "floordiv", "floormod", "truncdiv", "truncmod", "abs", "Pipelined", "serial", "unroll",
  ]

  /// `tilelang.compile(program, pass_configs={...})`: the configs go to the instances its first argument made (a
  /// factory call inside the call, or a name bound to one).
  mutating func applyCompilePassConfigs(_ args: [Argument], evaluated: Value?, since made: Int) {
    guard let pc = args.first(where: { $0.name == "pass_configs" }) else { return }
    var configs = PassConfigDiscovery.literal(pc.value, module: module)
    if configs.isEmpty, let evaluated { configs = PassConfigDiscovery.evaluated(evaluated) }
    guard !configs.isEmpty else { return }
    var targets = made..<instances.count
    if targets.isEmpty, let first = args.first(where: { $0.name == nil || $0.name == "func" }),
      case .name(let n) = first.value.kind, let bound = instancesByName[n]
    {
      targets = bound
    }
    for i in targets where i < instances.count {
      instances[i].compilePassConfigs.merge(configs) { _, new in new }
    }
  }

  // MARK: - User functions

  mutating func defineFunction(_ f: FunctionDef, _ range: TextRange, _ env: inout Env) {
    guard let entry = module.functions.first(where: { $0.range == range }) else {
      env[f.name] = .unknown
      return
    }
    let closure = Closure(variables: env)
    env[f.name] = .function(entry.id, closure)
    switch entry.kind {
    case .primFunc:
      if run == nil {
        instances.append(
          KernelInstance(
            function: entry.id, closure: env, arguments: [:], constSizes: [:], provenance: frames.last?.note,
            isSymbolic: symbolicRun, call: frames.last?.call.flatMap { $0.function == entry.parent ? $0 : nil },
            standIns: standIns))
      }
    default:
      break
    }
  }

  mutating func callFunction(
    _ id: FunctionID, _ closure: Closure, _ a: CallArguments, callRange: TextRange, method: String?
  ) -> Value {
    let entry = module.entry(id)
    guard depth < Self.maxCallDepth, budget > 0 else { return .unknown }
    switch entry.kind {
    case .primFunc:
      return .unknown
    case .macro:
      guard run != nil else { return .unknown }
      var env = closure.variables
      bindParameters(entry.def.params, a, &env, defaultsEnv: closure.variables)
      return invoke(entry, &env)
    case .eagerJit:
      let outerStandIns = standIns
      defer { standIns = outerStandIns }
      var env = closure.variables
      let bound = bindParameters(entry.def.params, a, &env, defaultsEnv: closure.variables)
      var consts: [String: Value] = [:]
      let paramNames = Set(entry.def.params.list.map(\.name))
      for (k, v) in a.keywords where !paramNames.contains(k) { consts[k] = v }
      // Sizes the tensor arguments give (`M, N` from `a` of shape (1024, 1024)), below the `.compile` keywords.
      consts.merge(constSizesFromTensors(entry.def, env, given: consts)) { given, _ in given }
      let note = provenanceNote(bound: bound, consts: consts, line: line(callRange.start))
      let sizes = bound + consts.sorted { $0.key < $1.key }.map { ($0.key, $0.value, fromDefault: false) }
      var instance = KernelInstance(
        function: id, closure: env, arguments: env.filter { paramNames.contains($0.key) }, constSizes: consts,
        provenance: note, isSymbolic: symbolicRun,
        call: FunctionCall(function: id, arguments: sizes, range: callRange), standIns: standIns)
      // Sizes only: no tensors, positional or by the name of a parameter without a default (tensor parameters have
      // none), that could supply the T.const values.
      let tensorLike = Set(entry.def.params.list.filter { $0.defaultValue == nil }.map(\.name))
      if ["compile", "get_tir"].contains(method), a.positional.isEmpty, !a.hasUnknownSpread,
        a.keywords.keys.allSatisfy({ !tensorLike.contains($0) })
      {
        instance.sizesOnly = true
      }
      instances.append(instance)
      executed.insert(id.index)
      return .unknown
    case .jitFactory, .plain:
      if run != nil, entry.kind == .jitFactory { return .unknown }
      if entry.kind == .jitFactory, let configs = autotuneConfigs(entry, closure), needsAutotune(entry, a) {
        var last = Value.unknown
        for (i, config) in configs.prefix(4).enumerated() {
          var ca = a
          for (k, v) in config where ca.keywords[k] == nil { ca.keywords[k] = v }
          last = callFactory(entry, closure, ca, callRange: callRange, autotuneIndex: i)
        }
        return last
      }
      let plainInKernel = run != nil && entry.kind == .plain
      if plainInKernel { plainCallDepth += 1 }
      defer { if plainInKernel { plainCallDepth -= 1 } }
      return callFactory(entry, closure, a, callRange: callRange, autotuneIndex: nil)
    }
  }

  private mutating func callFactory(
    _ entry: FunctionEntry, _ closure: Closure, _ a: CallArguments, callRange: TextRange, autotuneIndex: Int?
  ) -> Value {
    let outerStandIns = standIns
    defer { standIns = outerStandIns }
    var env = closure.variables
    let bound = bindParameters(entry.def.params, a, &env, defaultsEnv: closure.variables)
    let opensKernel = !entry.children.isEmpty
    var note: String?
    if opensKernel {
      note = provenanceNote(bound: bound, consts: [:], line: line(callRange.start))
      if let i = autotuneIndex, let n = note { note = n + " (autotune config \(i + 1))" }
    }
    let call = opensKernel ? FunctionCall(function: entry.id, arguments: bound, range: callRange) : nil
    frames.append((entry.id, note ?? frames.last?.note, call))
    executed.insert(entry.id.index)
    let v = invoke(entry, &env)
    frames.removeLast()
    return v
  }

  private mutating func invoke(_ entry: FunctionEntry, _ env: inout Env) -> Value {
    let outerScope = returnScope
    returnScope = entry.kind == .macro ? (loops.count + tirIfDepth, true) : nil
    defer { returnScope = outerScope }
    depth += 1
    let flow: Flow
    if entry.kind == .macro, macroExpansion?.armed == true {
      macroExpansion?.armed = false
      flow = execCountingMacro(entry.def.body, &env)
    } else {
      flow = exec(entry.def.body, &env)
    }
    depth -= 1
    if case .returned(let v) = flow { return v }
    return .none
  }

  /// Binds parameters from the call; missing ones take their default or become symbolic integers.
  /// Returns the names bound from the call (explicitly or by default) for provenance notes.
  @discardableResult
  mutating func bindParameters(_ params: Parameters, _ a: CallArguments, _ env: inout Env, defaultsEnv: Env)
    -> [(String, Value, fromDefault: Bool)]
  {
    var bound: [(String, Value, fromDefault: Bool)] = []
    var positional = a.positional[...]
    var extraKeywords = a.keywords
    for p in params.list {
      switch p.kind {
      case .varArgs:
        env[p.name] = .sequence(Array(positional), isList: false)
        positional = []
      case .kwArgs:
        env[p.name] = .dict(extraKeywords.map { Value.DictEntry(key: .string($0.key), value: $0.value) })
      default:
        var value: Value?
        if p.kind != .keywordOnly, let v = positional.first {
          value = v
          positional = positional.dropFirst()
        } else if let v = a.keywords[p.name] {
          value = v
          extraKeywords[p.name] = nil
        }
        if var value {
          // A value the evaluator cannot know (a runtime tensor's shape, say) is a symbolic integer named after
          // the parameter, as if the call had not given it: shapes built from it stay usable.
          if case .unknown = value {
            value = .int(SymExpr(variable: p.name))
            standIns.insert(p.name)
          } else {
            standIns.remove(p.name)
          }
          env[p.name] = value
          bound.append((p.name, value, false))
        } else if let d = p.defaultValue, !symbolicRun {
          var denv = defaultsEnv
          let v = eval(d, &denv)
          env[p.name] = v
          standIns.remove(p.name)
          bound.append((p.name, v, true))
        } else {
          env[p.name] = a.hasUnknownSpread ? .unknown : .int(SymExpr(variable: p.name))
          standIns.insert(p.name)
        }
      }
    }
    return bound
  }

  func provenanceNote(bound: [(String, Value, fromDefault: Bool)], consts: [String: Value], line: Int) -> String? {
    var parts: [String] = []
    var allDefaults = true
    for (name, v, fromDefault) in bound {
      if let i = v.intValue, !i.isConstant { continue }
      guard let d = v.shortDescription else { continue }
      parts.append("\(name)=\(d)")
      if !fromDefault { allDefaults = false }
    }
    for (k, v) in consts.sorted(by: { $0.key < $1.key }) {
      if let i = v.intValue, !i.isConstant { continue }
      if let d = v.shortDescription { parts.append("\(k)=\(d)") }
      allDefaults = false
    }
    if parts.isEmpty { return nil }
    return "with " + parts.joined(separator: ", ") + (allDefaults ? " (defaults)" : " from line \(line)")
  }

  // MARK: - Autotune

  private func needsAutotune(_ entry: FunctionEntry, _ a: CallArguments) -> Bool {
    let required = entry.def.params.list.filter { ($0.kind == .normal || $0.kind == .keywordOnly) }
    return required.count > a.positional.count + a.keywords.count
  }

  private mutating func autotuneConfigs(_ entry: FunctionEntry, _ closure: Closure) -> [[String: Value]]? {
    guard let deco = entry.autotune, case .call(_, let args) = deco.kind,
      let configsArg = args.first(where: { $0.name == "configs" }) ?? args.first(where: { $0.name == nil })
    else { return nil }
    var env = closure.variables
    guard let items = eval(configsArg.value, &env).elements else { return nil }
    var out: [[String: Value]] = []
    for item in items {
      guard case .dict(let entries) = item else { return nil }
      var c: [String: Value] = [:]
      for e in entries { if let k = e.key.stringValue { c[k] = e.value } }
      out.append(c)
    }
    return out.isEmpty ? nil : out
  }

  // MARK: - Builtins and other modules

  /// The module functions `moduleCall` evaluates, one case per group of names (one table lookup instead of comparing
  /// the name with each string in turn).
  enum ModuleCallCase {
    case dynamicVar, range, getattr, len, int, float, minMax, abs, sum, listOrTuple, dict, enumerate, zip, print,
      ceilFloor, log2, cdiv, nextPowerOf2, product, argumentParser
  }

  static let moduleCallCases = NameTable<ModuleCallCase>(groups: [
    (["tvm.te.var", "tvm.te.size_var", "tvm.tir.Var", "tvm.tir.SizeVar"], .dynamicVar),
    (["builtins.range"], .range),
    (["builtins.getattr"], .getattr),
    (["builtins.len"], .len),
    (["builtins.int"], .int),
    (["builtins.float"], .float),
    (["builtins.min", "builtins.max"], .minMax),
    (["builtins.abs"], .abs),
    (["builtins.sum"], .sum),
    (["builtins.list", "builtins.tuple"], .listOrTuple),
    (["builtins.dict"], .dict),
    (["builtins.enumerate"], .enumerate),
    (["builtins.zip"], .zip),
    (["builtins.print"], .print),
    (["math.ceil", "math.floor"], .ceilFloor),
    (["math.log2"], .log2),
    (["tilelang.cdiv", "tilelang.math.cdiv"], .cdiv),
    (["tilelang.math.next_power_of_2"], .nextPowerOf2),
    (["itertools.product"], .product),
    (["argparse.ArgumentParser"], .argumentParser),
  ])

  mutating func moduleCall(_ name: String, _ a: CallArguments) -> Value {
    // torch calls are the most frequent and match none of the names below: straight to the torch model.
    if name.hasPrefix("torch.") { return torchTensor(name, a) ?? .unknown }
    let p = a.positional
    switch Self.moduleCallCases[name] {
    case .dynamicVar?:
      return declareDynamic(p.first?.stringValue ?? a.keywords["name"]?.stringValue)
    case .range?:
      let ints = p.compactMap(\.constantInt)
      guard ints.count == p.count, !ints.isEmpty else {
        // In a kernel body the front end turns `range(...)` into `T.serial(...)` whatever its bounds (eager
        // builder's iter_call): a run-time `range(n)` is a serial loop that binds its target in a frame of its own.
        return run != nil && !p.isEmpty ? .loopRange(.serial(extents: p.map(\.intValue))) : .unknown
      }
      let (start, stop, step) = ints.count == 1 ? (0, ints[0], 1) : (ints[0], ints[1], ints.count > 2 ? ints[2] : 1)
      guard step != 0 else { return .unknown }
      let values = Array(stride(from: start, to: stop, by: step).prefix(256))
      return .loopRange(.hostRange(values))
    case .getattr?:
      // `getattr(T.GemmWarpPolicy, name)` with a name the evaluator knows: the attribute, as `T.GemmWarpPolicy.FullRow`
      // would give it (DSL and module paths only; an object's attributes stay unknown, and so does a default).
      guard p.count == 2, let attr = p[1].stringValue else { return .unknown }
      switch p[0] {
      case .dsl, .module: return attribute(p[0], attr)
      default: return .unknown
      }
    case .len?:
      if let items = p.first?.iterableItems { return .int(SymExpr(constant: items.count)) }
      if case .string(let s)? = p.first { return .int(SymExpr(constant: s.count)) }
      return .unknown
    case .int?:
      if let v = p.first?.intValue { return .int(v) }
      if case .float(let d)? = p.first, d.isFinite, abs(d) < 1e15 { return .int(SymExpr(constant: Int(d))) }
      if let s = p.first?.stringValue, let i = Int(s) { return .int(SymExpr(constant: i)) }
      return .unknown
    case .float?:
      return p.first?.floatValue.map { .float($0) } ?? .unknown
    case .minMax?:
      let items = p.count == 1 ? (p[0].iterableItems ?? []) : p
      let ints = items.compactMap(\.intValue)
      guard ints.count == items.count, var acc = ints.first else { return .unknown }
      for x in ints.dropFirst() { acc = name == "builtins.min" ? .min(acc, x) : .max(acc, x) }
      return .int(acc)
    case .abs?:
      if let c = p.first?.constantInt { return .int(SymExpr(constant: abs(c))) }
      return .unknown
    case .sum?:
      // `sum(batch_sizes_list)`, `sum((s + 63) // 64 for s in sizes)`: integers only (a float sum stays unknown).
      guard let items = p.first?.iterableItems, items.count <= 4096 else { return .unknown }
      let ints = items.compactMap(\.intValue)
      guard ints.count == items.count else { return .unknown }
      let start = p.count > 1 ? p[1].intValue : SymExpr(constant: 0)
      return start.map { s in .int(ints.reduce(s, +)) } ?? .unknown
    case .listOrTuple?:
      if p.isEmpty { return .sequence([], isList: name == "builtins.list") }
      return p.first?.iterableItems.map { .sequence($0, isList: name == "builtins.list") } ?? .unknown
    case .dict?:
      return .dict(a.keywords.sorted { $0.key < $1.key }.map { Value.DictEntry(key: .string($0.key), value: $0.value) })
    case .enumerate?:
      guard let items = p.first?.iterableItems else { return .unknown }
      return .sequence(
        items.enumerated().map { .sequence([.int(SymExpr(constant: $0.offset)), $0.element], isList: false) },
        isList: true)
    case .zip?:
      let lists = p.compactMap(\.iterableItems)
      guard lists.count == p.count, let n = lists.map(\.count).min() else { return .unknown }
      return .sequence((0..<n).map { i in .sequence(lists.map { $0[i] }, isList: false) }, isList: true)
    case .print?:
      return .none
    case .ceilFloor?:
      guard let d = p.first?.floatValue, d.isFinite, abs(d) < 1e15 else { return .unknown }
      return .int(SymExpr(constant: Int(name == "math.ceil" ? d.rounded(.up) : d.rounded(.down))))
    case .log2?:
      guard let d = p.first?.floatValue, d > 0 else { return .unknown }
      return .float(Foundation.log2(d))
    case .cdiv?:
      // tilelang/math: plain Python helpers, `(a + b - 1) // b` and the next power of two.
      guard p.count == 2, let a = p[0].intValue, let b = p[1].intValue, (b.constant ?? 0) > 0 else { return .unknown }
      return .int(.ceilDiv(a, b))
    case .nextPowerOf2?:
      guard let x = p.first?.constantInt, x >= 1, x <= 1 << 40 else { return .unknown }
      return .int(SymExpr(constant: x == 1 ? 1 : 1 << (Int.bitWidth - (x - 1).leadingZeroBitCount)))
    case .product?:
      let lists = p.compactMap(\.iterableItems)
      guard lists.count == p.count else { return .unknown }
      var combos: [[Value]] = [[]]
      for l in lists {
        combos = combos.flatMap { c in l.map { c + [$0] } }
        if combos.count > 256 { return .unknown }
      }
      return .sequence(combos.map { .sequence($0, isList: false) }, isList: true)
    case .argumentParser?:
      return .argParser(0)
    case nil:
      break
    }
    if let tensor = torchTensor(name, a) { return tensor }
    if name.hasPrefix("argparse.parser") {
      if name.hasSuffix(".add_argument") { recordArgument(a) }
      if name.hasSuffix(".parse_args") { return .namespace(argparseDefaults) }
      // `args, unknown = parser.parse_known_args()`: the namespace and the arguments it did not know.
      if name.hasSuffix(".parse_known_args") {
        return .sequence([.namespace(argparseDefaults), .sequence([], isList: true)], isList: false)
      }
    }
    return .unknown
  }

  /// `parser.add_argument("--block_M", type=int, default=128)` → `args.block_M` is 128.
  private mutating func recordArgument(_ a: CallArguments) {
    guard
      let flag = a.positional.compactMap(\.stringValue).first(where: { $0.hasPrefix("--") })
        ?? a.positional.first?.stringValue
    else { return }
    let dest =
      a.keywords["dest"]?.stringValue
      ?? String(flag.drop { $0 == "-" }.map { $0 == "-" ? "_" : $0 })
    if let d = a.keywords["default"] {
      argparseDefaults[dest] = d
    } else if a.keywords["action"]?.stringValue == "store_true" {
      argparseDefaults[dest] = .bool(false)
    } else {
      argparseDefaults[dest] = nil  // no default: the command line gives it, so `args.<dest>` stays unknown
    }
  }
}
