// ModuleIndex: what a file defines at a glance — the DSL module's aliases, imported names, and every
// function with its decorators classified (prim_func, jit factory, eager jit, macro, autotune).

import TileLangSyntax

struct FunctionEntry: Sendable {
  enum Kind: Sendable, Equatable { case plain, primFunc, jitFactory, eagerJit, macro }
  var id: FunctionID
  var def: FunctionDef
  var range: TextRange
  var parent: FunctionID?
  var kind: Kind
  /// The `@autotune(configs=...)` decorator call, when present.
  var autotune: Expr?
  /// The `@tilelang.jit(...)` decorator, when present (call or bare).
  var jit: Expr?
  /// Functions defined directly inside this one.
  var children: [FunctionID] = []
  /// Index of the module-level statement that contains this function.
  var topLevel = 0
  /// Decorated `@tilelang.testing.requires_metal` (a Metal test).
  var requiresMetal = false
}

struct ModuleIndex: Sendable {
  /// Local names bound to modules or module members: `T` → `tilelang.language`, `jit` → `tilelang.jit`.
  private(set) var imports = NameTable<String>([:])
  var functions: [FunctionEntry] = []
  var importsTilelang = false
  /// Names declared with `T.dynamic("n")` / `T.symbolic("n")` anywhere in the file: symbolic at compile time.
  var dynamicNames: Set<String> = []
  /// Module-level variables bound to a dict literal (`pass_configs = {...}`), by name; the last binding wins.
  var moduleDicts: [String: Expr] = [:]
  /// The file compiles for a backend other than CUDA somewhere (`target="metal"`, `Target("cpu")`, a Metal test,
  /// ...): its gemms are not judged by CUDA's warp and accumulator rules.
  var otherBackend = false
  /// The calls (decorators included) of the module-level statements `onlyTopLevel` names, or of all of them when a
  /// whole-file scan needs them, in source order, outer before inner, each with the index of its statement: the
  /// file-level checks read this list instead of each walking the tree.
  var calls: [CallSite] = []

  /// `onlyTopLevel`: the module-level statements an incremental analysis looks at (all when nil). `callSites`: the
  /// parser's record of the file's calls (`ParsedFile.callSites`); without it the statements are walked.
  init(_ body: [Stmt], source: SourceText, callSites: [CallSite]? = nil, onlyTopLevel: Set<Int>? = nil) {
    var importMap: [String: String] = [:]
    Self.collectImports(body, into: &importMap, tilelang: &importsTilelang)
    imports = NameTable(importMap)
    let scansTargets = source.containsAny(["target=", "target =", "Target("])
    let scansDynamic = source.containsAny(["dynamic(", "symbolic(", "Var(", "var("])
    // The statements whose calls are listed: all (nil) when a whole-file scan needs them.
    let selected = scansTargets || scansDynamic ? nil : onlyTopLevel
    if let callSites {
      calls = selected.map { only in callSites.filter { only.contains($0.statement) } } ?? callSites
    } else {
      var found: [Expr] = []
      for (i, stmt) in body.enumerated() where selected?.contains(i) ?? true {
        ASTWalker { e, _ in if case .call = e.kind { found.append(e) } }.walk([stmt])
      }
      calls = CallSite.sites(of: found, in: body)
    }
    for (i, stmt) in body.enumerated() {
      let before = functions.count
      collectFunctions([stmt], parent: nil)
      for j in before..<functions.count { functions[j].topLevel = i }
    }
    for stmt in body {
      if case .assign(let targets, let value) = stmt.kind, case .dict = value.kind, targets.count == 1,
        case .name(let n) = targets[0].kind
      {
        moduleDicts[n] = value
      }
    }
    if scansTargets {
      var other = false
      for site in calls {
        guard !other, case .call(let callee, let args) = site.call.kind else { continue }
        var spec: Expr?
        if let t = args.first(where: { $0.name == "target" }) {
          spec = t.value
        } else if case .attribute(_, "Target", _) = callee.kind, let first = args.first, first.name == nil {
          spec = first.value
        }
        guard let spec, case .string(let s, _) = spec.kind else { continue }
        let kind = s.split(separator: " ").first.map(String.init) ?? s
        if ["metal", "cpu", "llvm", "c", "hip", "rocm", "webgpu"].contains(kind) { other = true }
      }
      otherBackend = other
    }
    // Metal tests (`@tilelang.testing.requires_metal`): read from the decorators, no scan of the text (this index is
    // rebuilt on every edit).
    if !otherBackend, functions.contains(where: { $0.requiresMetal }) { otherBackend = true }
    var names = Set<String>()
    let index = self
    guard scansDynamic else { return }
    for site in calls {
      guard case .call(let callee, let args) = site.call.kind, case .attribute(_, let attr, _) = callee.kind,
        ["dynamic", "symbolic", "Var", "var", "SizeVar", "size_var"].contains(attr),
        let q = index.qualifiedName(callee), Self.dynamicConstructors.contains(q),
        let first = args.first, case .string(let spec, _) = first.value.kind
      else { continue }
      names.formUnion(Self.declaredNames(spec))
    }
    dynamicNames = names
  }

  /// Calls that declare run-time sizes by name: `T.dynamic("m")` and TVM's own variables (`tvm.te.var("m")`).
  static let dynamicConstructors: Set<String> = [
    "tilelang.language.dynamic", "tilelang.language.symbolic", "tilelang.language.Var", "tvm.te.var", "tvm.te.size_var",
    "tvm.tir.Var", "tvm.tir.SizeVar",
  ]

  /// The names a `T.const` / `T.dynamic` spec declares: `"m, k"` → m, k.
  static func declaredNames(_ spec: String) -> [String] {
    spec.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
  }

  func entry(_ id: FunctionID) -> FunctionEntry { functions[id.index] }

  /// The dotted name an expression refers to, with imports resolved: `T.copy` → `tilelang.language.copy`.
  func qualifiedName(_ e: Expr) -> String? {
    switch e.kind {
    case .name(let n): return Self.canonicalModule(imports[n] ?? n)
    case .attribute(let base, let name, _):
      guard let b = qualifiedName(base) else { return nil }
      return Self.canonicalModule(b + "." + name)
    case .call(let callee, _): return qualifiedName(callee)
    default: return nil
    }
  }

  /// Maps backend dialects (`tilelang.cuda.language`) and the package's `tl` spelling onto `tilelang.language`.
  static func canonicalModule(_ name: String) -> String {
    guard name.hasPrefix("tilelang.") else { return name }
    // `from tilelang import tvm`: tilelang re-exports TVM's Python package.
    if name.hasPrefix("tilelang.tvm.") { return String(name.dropFirst("tilelang.".count)) }
    if name.hasPrefix("tilelang.language") { return name }
    for (backend, dotted) in backendLanguages {
      if name == backend { return "tilelang.language" }
      if name.hasPrefix(dotted) { return "tilelang.language" + name.dropFirst(backend.count) }
    }
    return name
  }

  /// The backend dialects of `tilelang.language`, with their `.`-terminated prefixes.
  private static let backendLanguages = ["tilelang.cuda.language", "tilelang.rocm.language", "tilelang.metal.language"]
    .map { ($0, $0 + ".") }

  // MARK: - Collection

  private static func collectImports(_ body: [Stmt], into importMap: inout [String: String], tilelang: inout Bool) {
    for stmt in body {
      switch stmt.kind {
      case .import(let names):
        for a in names {
          if a.name.hasPrefix("tilelang") { tilelang = true }
          if let alias = a.asName {
            importMap[alias] = a.name
          } else {
            let first = a.boundName
            if !first.isEmpty { importMap[first] = first }
          }
        }
      case .importFrom(let module, let names, _):
        guard let module else { continue }
        if module.hasPrefix("tilelang") { tilelang = true }
        for a in names where a.name != "*" {
          importMap[a.asName ?? a.name] = module + "." + a.name
        }
      case .if(_, let b, let o), .while(_, let b, let o):
        collectImports(b, into: &importMap, tilelang: &tilelang)
        collectImports(o, into: &importMap, tilelang: &tilelang)
      case .try(let b, let handlers, let o, let f, _):
        collectImports(b, into: &importMap, tilelang: &tilelang)
        for h in handlers { collectImports(h.body, into: &importMap, tilelang: &tilelang) }
        collectImports(o, into: &importMap, tilelang: &tilelang)
        collectImports(f, into: &importMap, tilelang: &tilelang)
      case .functionDef(let f):
        collectImports(f.body, into: &importMap, tilelang: &tilelang)
      case .with(_, let b, _):
        collectImports(b, into: &importMap, tilelang: &tilelang)
      default:
        break
      }
    }
  }

  private mutating func collectFunctions(_ body: [Stmt], parent: FunctionID?) {
    for stmt in body {
      switch stmt.kind {
      case .functionDef(let f):
        let id = FunctionID(index: functions.count)
        functions.append(classify(f, range: stmt.range, id: id, parent: parent))
        if let parent { functions[parent.index].children.append(id) }
        collectFunctions(f.body, parent: id)
      case .classDef(let c):
        collectFunctions(c.body, parent: parent)
      case .if(_, let b, let o), .while(_, let b, let o), .for(_, _, let b, let o, _):
        collectFunctions(b, parent: parent)
        collectFunctions(o, parent: parent)
      case .with(_, let b, _):
        collectFunctions(b, parent: parent)
      case .try(let b, let handlers, let o, let f, _):
        collectFunctions(b, parent: parent)
        for h in handlers { collectFunctions(h.body, parent: parent) }
        collectFunctions(o, parent: parent)
        collectFunctions(f, parent: parent)
      default:
        break
      }
    }
  }

  private func classify(_ f: FunctionDef, range: TextRange, id: FunctionID, parent: FunctionID?) -> FunctionEntry {
    var kind = FunctionEntry.Kind.plain
    var autotune: Expr?
    var jit: Expr?
    var metal = false
    for d in f.decorators {
      guard let q = qualifiedName(d) else { continue }
      if q.hasSuffix("requires_metal") { metal = true }
      if q == "tilelang.language.prim_func" || q.hasSuffix(".prim_func") || q == "prim_func" {
        kind = .primFunc
      } else if q == "tilelang.language.macro" || q == "macro" {
        kind = .macro
      } else if q == "tilelang.jit" || q == "tilelang.jit.jit" || q.hasSuffix(".jit") || q == "jit" {
        jit = d
      } else if q.hasSuffix("autotune") {
        autotune = d
      }
    }
    if jit != nil, kind == .plain {
      kind = Self.opensKernelDirectly(f.body, module: self) ? .eagerJit : .jitFactory
    }
    var entry = FunctionEntry(id: id, def: f, range: range, parent: parent, kind: kind, autotune: autotune, jit: jit)
    entry.requiresMetal = metal
    return entry
  }

  /// An eager `@tilelang.jit` body opens `T.Kernel` itself (or declares sizes with `T.const`).
  private static func opensKernelDirectly(_ body: [Stmt], module: ModuleIndex) -> Bool {
    for s in body {
      switch s.kind {
      case .with(let items, let b, _):
        if items.contains(where: { module.qualifiedName($0.context) == "tilelang.language.Kernel" }) { return true }
        if opensKernelDirectly(b, module: module) { return true }
      case .if(_, let b, let o):
        if opensKernelDirectly(b, module: module) || opensKernelDirectly(o, module: module) { return true }
      case .assign(_, let v), .annAssign(_, _, .some(let v)):
        if module.qualifiedName(v) == "tilelang.language.const" { return true }
      default:
        break
      }
    }
    return false
  }
}

extension SourceText {
  /// True when any of the ASCII needles occurs in the text (a cheap pre-check before walking the tree).
  func containsAny(_ needles: [String]) -> Bool {
    needles.contains { bytes.firstOffset(of: Array($0.utf8)) != nil }
  }
}
