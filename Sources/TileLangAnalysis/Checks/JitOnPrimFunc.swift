// TL220: `tilelang.jit` applied to a function that is already a `@T.prim_func` — `@tilelang.jit` (bare or with
// arguments) written above `@T.prim_func` (or `@T.prim_func` above `@tilelang.jit`, which fails the other way), or `tilelang.jit(kernel, ...)` / `tilelang.jit(...)(kernel)` on a name the
// same scope binds with a `@T.prim_func` def. In tilelang 0.1.15 the jit decorator elaborates its argument as an
// eager function and asks for its signature; a PrimFunc is not callable, so it fails with TypeError ("... is not a
// callable object") the moment it runs, on every target. `tilelang.compile(kernel, ...)` is the form that builds a
// PrimFunc. Older tilelang accepted the stacked form, so code written for it has it often.

import TileLangSyntax

enum JitOnPrimFunc {
  /// Keywords `tilelang.compile` takes as well: a call with only these becomes `tilelang.compile(...)` verbatim.
  static let compileKeywords: Set<String> = [
    "out_idx", "execution_backend", "target", "target_host", "verbose", "pass_configs", "compile_flags",
  ]

  /// TL220 findings in the module-level statements `onlyTopLevel` (all when nil).
  static func check(_ module: ModuleIndex, parsed: ParsedFile, onlyTopLevel: Set<Int>?) -> [Diagnostic] {
    guard module.importsTilelang, parsed.source.containsAny(["jit"]) else { return [] }
    var out: [Diagnostic] = []
    for entry in module.functions where onlyTopLevel?.contains(entry.topLevel) ?? true {
      // Decorators apply bottom-up: a jit written above the prim_func decorator receives the PrimFunc; a prim_func
      // written above the jit receives the JIT wrapper, which it cannot parse.
      let decorators = entry.def.decorators
      guard let jit = decorators.firstIndex(where: { isJit($0, module) }),
        let prim = decorators.firstIndex(where: { isPrimFunc($0, module) })
      else { continue }
      let name = entry.def.name
      if jit < prim {
        guard entry.kind == .primFunc else { continue }
        out.append(
          Diagnostic(
            .TL220,
            "@\(parsed.source.text(decorators[jit].range)) is applied to \(name), which @T.prim_func has already made a PrimFunc: tilelang 0.1.15 fails when the decorator runs (TypeError: \"... is not a callable object\"); keep @T.prim_func and build it with tilelang.compile(\(name), ...)",
            at: decorators[jit].range))
      } else {
        out.append(
          Diagnostic(
            .TL220,
            "@\(parsed.source.text(decorators[prim].range)) is applied to the JIT wrapper that tilelang.jit made of \(name), which it cannot parse: tilelang 0.1.15 fails when the decorator runs (TypeError: \"... code object was expected, got JITImpl\"); use @tilelang.jit alone (an eager kernel) or @T.prim_func with tilelang.compile(\(name), ...)",
            at: decorators[prim].range))
      }
    }
    for site in module.calls where onlyTopLevel?.contains(site.statement) ?? true {
      let e = site.call
      guard case .call(let callee, let args) = e.kind, mayBeJit(callee, module), isJit(callee, module) else { continue }
      // `tilelang.jit(k, ...)`, or the decorator factory called on it: `tilelang.jit(...)(k)`.
      var options = args.filter { $0.name != nil }
      if case .call(let inner, let innerArgs) = callee.kind {
        guard isJit(inner, module), innerArgs.allSatisfy({ $0.name != nil }) else { continue }
        options = innerArgs
      }
      let positional = args.filter { $0.name == nil && !$0.isDoubleStar }
      guard let first = positional.first, case .name(let name) = first.value.kind,
        let kernel = primFunc(named: name, visibleAt: e.range, module: module, parsed: parsed)
      else { continue }
      var fixes: [Fix] = []
      let base: Expr? = {
        if case .call(let inner, _) = callee.kind, case .attribute(let b, _, _) = inner.kind { return b }
        if case .attribute(let b, _, _) = callee.kind { return b }
        return nil
      }()
      if let base, module.qualifiedName(base) == "tilelang", positional.count == 1,
        options.allSatisfy({ compileKeywords.contains($0.name ?? "") })
      {
        let rest = options.map { parsed.source.text($0.range) }
        let call = "\(parsed.source.text(base.range)).compile(\(([name] + rest).joined(separator: ", ")))"
        fixes = [Fix(title: "Use tilelang.compile", edits: [TextEdit(range: e.range, newText: call)])]
      }
      out.append(
        Diagnostic(
          .TL220,
          "tilelang.jit is given \(name), the @T.prim_func defined on line \(parsed.source.line(of: kernel.def.nameRange.start) + 1): tilelang 0.1.15 fails at once (TypeError: \"... is not a callable object\"); a PrimFunc is built with tilelang.compile(\(name), ...)",
          at: first.range, fixes: fixes))
    }
    return out
  }

  /// A cheap syntactic filter before `isJit`'s name resolution: `x.jit`, an imported name, or a call of one of those.
  static func mayBeJit(_ e: Expr, _ module: ModuleIndex) -> Bool {
    switch e.kind {
    case .attribute(_, let attr, _): return attr == "jit"
    case .name(let n): return module.imports[n] != nil
    case .call(let inner, _): return mayBeJit(inner, module)
    default: return false
    }
  }

  /// `tilelang.jit` itself (not another package's `jit`), as written or imported.
  static func isJit(_ e: Expr, _ module: ModuleIndex) -> Bool {
    guard let q = module.qualifiedName(e) else { return false }
    return q == "tilelang.jit" || q == "tilelang.jit.jit"
  }

  static func isPrimFunc(_ e: Expr, _ module: ModuleIndex) -> Bool {
    module.qualifiedName(e) == "tilelang.language.prim_func"
  }

  /// The `@T.prim_func` def that `name` refers to at `site`: defined before it in the innermost function around it
  /// (or at module level), and bound by nothing else in that scope.
  static func primFunc(named name: String, visibleAt site: TextRange, module: ModuleIndex, parsed: ParsedFile)
    -> FunctionEntry?
  {
    let scope = module.functions.filter { $0.range.start <= site.start && site.end <= $0.range.end }
      .max { $0.range.start < $1.range.start }
    guard
      let kernel = module.functions.first(where: {
        $0.kind == .primFunc && $0.def.name == name && $0.parent == scope?.id && $0.range.end <= site.start
      })
    else { return nil }
    var bindings = 0
    func count(_ body: [Stmt]) {
      for s in body {
        if let names = s.simpleBoundNames {
          if names.contains(name) { bindings += 1 }
          continue
        }
        switch s.kind {
        case .if(_, let b, let o), .while(_, let b, let o):
          count(b)
          count(o)
        case .for(let t, _, let b, let o, _):
          var targets = Set<String>()
          t.addTargetNames(to: &targets)
          if targets.contains(name) { bindings += 1 }
          count(b)
          count(o)
        case .with(let items, let b, _):
          for item in items {
            var targets = Set<String>()
            item.target?.addTargetNames(to: &targets)
            if targets.contains(name) { bindings += 1 }
          }
          count(b)
        case .try(let b, let handlers, let o, let f, _):
          count(b)
          for h in handlers { count(h.body) }
          count(o)
          count(f)
        case .global(let names), .nonlocal(let names):
          if names.contains(name) { bindings += 1 }
        default:
          break
        }
      }
    }
    count(scope?.def.body ?? parsed.body)
    return bindings == 1 ? kernel : nil
  }
}
