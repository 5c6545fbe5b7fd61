// Arguments of `@tilelang.jit(...)`, `tilelang.compile(...)` and `kernel.compile(...)` that tilelang rejects before
// it lowers anything (TL214): `out_idx` on an eager jit kernel (tilelang/jit/__init__.py initialize_jit_mode), a
// pass-config key the compiler does not register ("Invalid config option" when the PassContext is made; the
// `tir.*` spellings became `tirx.*`), an unknown `PassConfigKey` member, a target string with options
// (`"cuda -arch=sm_90"`: tilelang/backend/target.py wants a dict then), and a lazy jit factory that defines a
// `@T.prim_func` but returns nothing. These depend on the file's text only, so the check runs once per file, not per
// kernel run.

import TileLangSyntax

enum JitArguments {
  /// TL214 findings in the module-level statements `onlyTopLevel` (all when nil).
  static func check(_ module: ModuleIndex, parsed: ParsedFile, onlyTopLevel: Set<Int>?) -> [Diagnostic] {
    let source = parsed.source
    guard module.importsTilelang else { return [] }
    // After an edit only the recomputed statements are looked at (and whole-file scans are skipped).
    guard onlyTopLevel != nil || source.containsAny(["jit", "compile("]) else { return [] }
    var out: [Diagnostic] = []
    for entry in module.functions where onlyTopLevel?.contains(entry.topLevel) ?? true {
      guard let jit = entry.jit, case .call(_, let args) = jit.kind else { continue }
      if entry.kind == .eagerJit, let outIdx = args.first(where: { $0.name == "out_idx" }), !isNone(outIdx.value),
        !args.contains(where: { $0.name == "mode" && isString($0.value, "lazy") })
      {
        out.append(
          Diagnostic(
            .TL214,
            "`out_idx` is only for lazy @tilelang.jit factories that return a @T.prim_func; \(entry.def.name) is an eager kernel (its body opens T.Kernel or declares sizes with T.const), and the first call fails (\"out_idx is only supported in lazy mode\"); declare outputs with T.empty and return them",
            at: outIdx.range, fixes: [Fix(title: "Remove out_idx", edits: [args.removal(of: outIdx)])]))
      }
    }
    for entry in module.functions
    where entry.kind == .jitFactory && onlyTopLevel?.contains(entry.topLevel) ?? true && !returnsValue(entry.def.body) {
      guard let kernel = entry.children.map(module.entry).first(where: { $0.kind == .primFunc }),
        let last = entry.def.body.last
      else { continue }
      let indent = String(repeating: " ", count: source.utf8Position(entry.def.body[0].range.start).column)
      out.append(
        Diagnostic(
          .TL214,
          "\(entry.def.name) defines the @T.prim_func \(kernel.def.name) but never returns it: the jit gets None and fails (\"target function must be a PrimFunc but got <class 'NoneType'>\"); add `return \(kernel.def.name)`",
          at: entry.def.nameRange,
          fixes: [
            Fix(
              title: "Return \(kernel.def.name)",
              edits: [
                TextEdit(
                  range: TextRange(last.range.end, last.range.end), newText: "\n\n\(indent)return \(kernel.def.name)")
              ])
          ]))
    }
    // Arguments of calls (decorators included): only files that pass pass_configs or a target are looked at.
    if onlyTopLevel != nil || source.containsAny(["pass_configs", "target="]) {
      checkCalls(module, onlyTopLevel: onlyTopLevel, into: &out)
    }
    var seen = Set<TextRange>()
    out = out.filter { seen.insert($0.range).inserted }  // a module-level dict several calls pass
    guard let onlyTopLevel else { return out }
    // Statement extents include decorators, where most of these arguments are.
    let kept = parsed.body.indices.filter { onlyTopLevel.contains($0) }.map { parsed.body[$0].extent }
    return out.filter { d in kept.contains { $0.start <= d.range.start && d.range.end <= $0.end } }
  }

  /// TL214 for the `T.const` names a sizes-only `.compile(...)` / `.get_tir(...)` of an eager kernel leaves unbound:
  /// with no tensor to read them from, elaboration fails ("Cannot find value for constexpr variable").
  static func unboundConsts(_ run: KernelRun) -> [Diagnostic] {
    guard run.instance.sizesOnly, !run.unboundConsts.isEmpty else { return [] }
    var byCall: [TextRange: [String]] = [:]
    for (name, call) in run.unboundConsts { byCall[call, default: []].append(name) }
    return byCall.sorted { $0.key < $1.key }.map { call, names in
      let list = names.map { "`\($0)`" }.joined(separator: ", ")
      return Diagnostic(
        .TL214,
        "T.const \(names.count == 1 ? "size" : "sizes") \(list) \(names.count == 1 ? "has" : "have") no value: the `.compile` / `.get_tir` call passes sizes only, so no tensor gives \(names.count == 1 ? "it" : "them") either, and elaboration fails (\"Cannot find value for constexpr variable `\(names[0])`\"); pass \(names.map { "\($0)=..." }.joined(separator: ", "))",
        at: call)
    }
  }

  static func checkCalls(_ module: ModuleIndex, onlyTopLevel: Set<Int>?, into out: inout [Diagnostic]) {
    var found: [Diagnostic] = []
    for site in module.calls where onlyTopLevel?.contains(site.statement) ?? true {
      guard case .call(let callee, let args) = site.call.kind,
        args.contains(where: { $0.name == "pass_configs" || $0.name == "target" })
      else { continue }
      let isJit = module.qualifiedName(callee).map { ["tilelang.jit", "tilelang.jit.jit"].contains($0) } ?? false
      let isCompile: Bool
      if case .attribute(_, "compile", _) = callee.kind { isCompile = true } else { isCompile = false }
      guard isJit || isCompile else { continue }
      for a in args {
        switch a.name {
        case "pass_configs": found += passConfigKeys(a.value, module: module)
        case "target": if let d = targetString(a.value) { found.append(d) }
        default: break
        }
      }
    }
    out += found
  }

  /// Keys of a `pass_configs` dict literal (or of the module-level dict it names) that the compiler rejects.
  static func passConfigKeys(_ e: Expr, module: ModuleIndex) -> [Diagnostic] {
    var dict = e
    if case .name(let n) = e.kind, let bound = module.moduleDicts[n] { dict = bound }
    guard case .dict(let items) = dict.kind else { return [] }
    var out: [Diagnostic] = []
    for item in items {
      guard let key = item.key else { continue }
      if case .string(let s, _) = key.kind, !PassConfigRegistry.keys.contains(s) {
        let hint = suggestion(for: s).map { "; did you mean \"\($0)\"?" } ?? ""
        let fixes = suggestion(for: s).map {
          [Fix(title: "Use \"\($0)\"", edits: [TextEdit(range: key.range, newText: "\"\($0)\"")])]
        }
        out.append(
          Diagnostic(
            .TL214,
            "\"\(s)\" is not a pass config of tilelang 0.1.15: making the PassContext fails (\"Invalid config option '\(s)'\")\(hint)",
            at: key.range, fixes: fixes ?? []))
      } else if case .attribute(let base, let member, let memberRange) = key.kind,
        module.qualifiedName(base).map({ $0 == "tilelang.PassConfigKey" || $0.hasSuffix(".PassConfigKey") }) ?? false,
        !PassConfigRegistry.enumMembers.contains(member)
      {
        out.append(
          Diagnostic(
            .TL214,
            "tilelang.PassConfigKey has no member \(member) (tilelang 0.1.15): the dict fails with an AttributeError",
            at: memberRange))
      }
    }
    return out
  }

  /// The registered key a misspelt one most likely meant: `tir.x` → `tirx.x`, else the nearest by edit distance
  /// (at most 3 edits).
  static func suggestion(for key: String) -> String? {
    if key.hasPrefix("tir."), PassConfigRegistry.keys.contains("tirx." + key.dropFirst(4)) {
      return "tirx." + key.dropFirst(4)
    }
    let ranked = PassConfigRegistry.keys.map { ($0, CopyAnnotationsCheck.distance(key, $0)) }.filter { $0.1 <= 3 }
    return ranked.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
  }

  /// A target string with command-line options, which tilelang 0.1.15's TVM no longer parses.
  static func targetString(_ e: Expr) -> Diagnostic? {
    guard case .string(let s, _) = e.kind, let kind = s.split(separator: " ").first, s.containsUTF8(" -") else {
      return nil
    }
    var hint = ""
    if let option = s.split(separator: " ").first(where: { $0.hasPrefix("-arch=") }) {
      hint = "; pass a dict: {\"kind\": \"\(kind)\", \"arch\": \"\(option.dropFirst(6))\"}"
    }
    return Diagnostic(
      .TL214,
      "target \"\(s)\": tilelang 0.1.15 does not parse target strings with options (\"Target \(s) is not supported. Pass target options as a dict when the target needs attributes.\")\(hint)",
      at: e.range)
  }

  /// Whether a function body returns a value somewhere (nested functions and classes aside).
  static func returnsValue(_ body: [Stmt]) -> Bool {
    body.contains { s in
      switch s.kind {
      case .return(let value): return value != nil
      case .if(_, let b, let o), .while(_, let b, let o), .for(_, _, let b, let o, _):
        return returnsValue(b) || returnsValue(o)
      case .with(_, let b, _): return returnsValue(b)
      case .try(let b, let handlers, let o, let f, _):
        return returnsValue(b) || handlers.contains { returnsValue($0.body) } || returnsValue(o) || returnsValue(f)
      case .match(_, let cases): return cases.contains { returnsValue($0.body) }
      default: return false
      }
    }
  }

  static func isNone(_ e: Expr) -> Bool {
    if case .none = e.kind { return true }
    return false
  }

  static func isString(_ e: Expr, _ value: String) -> Bool {
    if case .string(let s, _) = e.kind { return s == value }
    return false
  }

}
