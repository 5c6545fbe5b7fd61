// TL222: `import tilelang.x` / `from tilelang.x import ...` of a module the tilelang 0.1.15 package does not have
// (`tilelang.intrinsics`, which later releases moved under `tilelang.cuda`). Python fails with ModuleNotFoundError
// when the import runs: at module level that is before any kernel exists. The package's modules are listed in
// TilelangModules; the first missing component of the dotted path is reported, with the modules that have the same
// last name elsewhere (and complete the rest of the path), or a near spelling under the same parent, as fixes.
// Imports under `if` or `try` are left alone (version and feature probes), except under `if __name__ ==
// "__main__":`, which runs whenever the file does. A name `from tilelang.x import` asks for that the module neither
// binds nor has as a submodule is TL217's (ImportError), for tilelang.language (DSLNames, as a call of it would be)
// and the modules TilelangModuleNames lists; other modules' names are not checked.

import TileLangSyntax

enum ModuleImports {
  /// TL222 findings in the module-level statements `onlyTopLevel` (all when nil).
  static func check(_ module: ModuleIndex, parsed: ParsedFile, onlyTopLevel: Set<Int>?) -> [Diagnostic] {
    guard module.importsTilelang else { return [] }
    var out: [Diagnostic] = []
    for (i, stmt) in parsed.body.enumerated() where onlyTopLevel?.contains(i) ?? true {
      visit(stmt, parsed.source, &out)
    }
    return out
  }

  private static func visit(_ stmt: Stmt, _ source: SourceText, _ out: inout [Diagnostic]) {
    switch stmt.kind {
    case .import(let names):
      for a in names {
        if let d = diagnose(a.name, at: a.range.start, whole: a.range, source) { out.append(d) }
      }
    case .importFrom(let module?, let names, 0):
      out += unknownNames(module, names, source)
      let needle = Array(module.utf8)
      let bytes = Array(source.bytes[source.clamp(stmt.range.start)..<source.clamp(stmt.range.end)])
      let start = bytes.firstOffset(of: needle).map { stmt.range.start + $0 }
      if let d = diagnose(
        module, at: start, whole: start.map { TextRange($0, $0 + needle.count) } ?? stmt.range, source)
      {
        out.append(d)
      }
    case .functionDef(let f):
      for s in f.body { visit(s, source, &out) }
    case .classDef(let c):
      for s in c.body { visit(s, source, &out) }
    case .with(_, let b, _), .for(_, _, let b, _, _):
      for s in b { visit(s, source, &out) }
    case .if(let test, let b, _) where isMainGuard(test):
      for s in b { visit(s, source, &out) }
    default:
      break
    }
  }

  /// `__name__ == "__main__"` (either way round): the block runs whenever the file is run as a script, so it is no
  /// version probe.
  private static func isMainGuard(_ test: Expr) -> Bool {
    guard case .compare(let left, let comparisons) = test.kind, comparisons.count == 1, comparisons[0].op == .eq
    else { return false }
    switch (left.kind, comparisons[0].right.kind) {
    case (.name("__name__"), .string("__main__", false)), (.string("__main__", false), .name("__name__")): return true
    default: return false
    }
  }

  /// TL217 for names `from <module> import ...` asks for that the tilelang module neither binds nor has as a
  /// submodule: the import fails with ImportError ("cannot import name ... from '<module>'"). Names with a leading `_`
  /// are left alone (TilelangModuleNames lists public names only).
  private static func unknownNames(_ module: String, _ names: [ImportAlias], _ source: SourceText) -> [Diagnostic] {
    guard binds(module, "") != nil else { return [] }
    let unknown = names.filter { $0.name != "*" && !$0.name.hasPrefix("_") && binds(module, $0.name) == false }
    guard !unknown.isEmpty, let bound = boundNames(module) else { return [] }
    let prefix = String(module.dropFirst("tilelang.".count))
    let submodules =
      module == "tvm"
      ? TvmModules.topLevel
      : Set(
        TilelangModules.all.compactMap { m -> String? in
          if module == "tilelang" { return m.containsUTF8(".") ? nil : m }
          guard m.hasPrefix(prefix + ".") else { return nil }
          let rest = m.dropFirst(prefix.count + 1)
          return rest.containsUTF8(".") ? nil : String(rest)
        })
    let candidates =
      module == "tilelang.language" ? [] : bound.union(submodules.filter { !$0.hasPrefix("_") }).sorted()
    func among(_ name: String) -> [String] { module == "tvm" ? extensionsFirst(of: name, candidates) : candidates }
    return unknown.compactMap { a in
      guard !submodules.contains(a.name) else { return nil }
      let range = TextRange(a.range.start, a.range.start + a.name.utf8.count)
      guard source.text(range) == a.name else { return nil }
      let hint =
        module == "tilelang.language"
        ? UnknownDSLName.suggestion(a.name, replacing: range)
        : suggestion(a.name, among: among(a.name), replacing: range)
      return Diagnostic(
        .TL217,
        "\(module) has no `\(a.name)` in tilelang 0.1.15\(module == "tvm" ? "'s bundled TVM" : ""): the import fails (ImportError: cannot import name '\(a.name)' from '\(module)')\(hint.tail)",
        at: range, fixes: hint.fixes)
    }
  }

  /// Whether the tilelang module `module` binds `name` in 0.1.15 (nil for a module whose names are not listed): a
  /// whole-word search of its table entry, so a file's imports cost no set of the module's names.
  static func binds(_ module: String, _ name: String) -> Bool? {
    if module == "tilelang.language" { return DSLNames.all.contains(name) }
    if module == "tvm" { return name.isEmpty ? false : TvmModules.rootNames.contains(name) }
    guard let text = TilelangModuleNames.table[module] else { return nil }
    guard !name.isEmpty else { return false }
    let word = Array(name.utf8)
    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A }
    return text.utf8.withContiguousStorageIfAvailable { t -> Bool in
      guard t.count >= word.count else { return false }
      var i = 0
      while i <= t.count - word.count {
        if t[i] == word[0], i == 0 || isSpace(t[i - 1]), i + word.count == t.count || isSpace(t[i + word.count]) {
          var k = 1
          while k < word.count, t[i + k] == word[k] { k += 1 }
          if k == word.count { return true }
        }
        i += 1
      }
      return false
    } ?? boundNames(module)!.contains(name)
  }

  /// The names the tilelang module `module` binds in 0.1.15 (the public ones; all of them for tilelang.language); nil
  /// for a module whose names are not listed.
  static func boundNames(_ module: String) -> Set<String>? {
    if module == "tilelang.language" { return DSLNames.all }
    if module == "tvm" { return TvmModules.rootNames.union(TvmModules.topLevel) }
    return TilelangModuleNames.table[module].map { Set($0.split(whereSeparator: \.isWhitespace).map(String.init)) }
  }

  /// The name among `names` nearest to `name` as a message tail and a fix, as UnknownDSLName.suggestion does.
  private static func suggestion(_ name: String, among names: [String], replacing range: TextRange) -> (
    tail: String, fixes: [Fix]
  ) {
    guard !names.isEmpty else { return ("", []) }
    let nearest = CopyAnnotationsCheck.nearest(name, names)
    guard CopyAnnotationsCheck.distance(name, nearest) <= max(2, name.count / 4) else { return ("", []) }
    return (
      "; did you mean `\(nearest)`?", [Fix(title: "Use \(nearest)", edits: [TextEdit(range: range, newText: nearest)])]
    )
  }

  /// The diagnostic for the dotted module `name` written at `start` (nil when unknown: the range is then `whole`).
  private static func diagnose(_ name: String, at start: Int?, whole: TextRange, _ source: SourceText) -> Diagnostic? {
    let parts = name.splitUTF8(UInt8(ascii: ".")).map(String.init)
    if parts.count >= 2, parts[0] == "tvm" { return diagnoseTvm(parts, at: start, whole: whole, source) }
    guard parts.count >= 2, parts[0] == "tilelang" else { return nil }
    var k = 1
    while k < parts.count, TilelangModules.all.contains(parts[1...k].joined(separator: ".")) { k += 1 }
    guard k < parts.count else { return nil }
    let missing = parts[1...k].joined(separator: ".")
    let rest = parts[(k + 1)...]
    let last = parts[k]
    // Where the module lives now: the same last name elsewhere, with the rest of the path under it.
    var candidates = TilelangModules.all.filter { m in
      guard m == last || m.hasSuffix("." + last) else { return false }
      return rest.isEmpty || TilelangModules.all.contains(([m] + rest).joined(separator: "."))
    }.sorted()
    if candidates.isEmpty {
      let parent = parts[1..<k].joined(separator: ".")
      let siblings = TilelangModules.all.filter { m in
        let p = m.split(separator: ".").dropLast().joined(separator: ".")
        return p == parent
      }.map { String($0.split(separator: ".").last ?? "") }.sorted()
      if !siblings.isEmpty {
        let nearest = CopyAnnotationsCheck.nearest(last, siblings)
        if CopyAnnotationsCheck.distance(last, nearest) <= max(2, last.count / 4) {
          candidates = [parent.isEmpty ? nearest : parent + "." + nearest]
        }
      }
    }
    candidates = Array(candidates.prefix(3))
    let written = "tilelang." + missing
    var range = whole
    var fixes: [Fix] = []
    if let start {
      let prefix = TextRange(start, start + written.utf8.count)
      if source.text(prefix) == written {
        range = prefix
        fixes = candidates.map {
          Fix(title: "Import from tilelang.\($0)", edits: [TextEdit(range: prefix, newText: "tilelang." + $0)])
        }
      }
    }
    let hint =
      candidates.isEmpty
      ? "" : "; did you mean \(candidates.map { "`tilelang.\($0)`" }.joined(separator: " or "))?"
    return Diagnostic(
      .TL222,
      "tilelang 0.1.15 has no module `\(written)`: the import fails (ModuleNotFoundError: No module named '\(written)')\(hint)",
      at: range, fixes: fixes)
  }

  /// TL222 for `import tvm.x...` / `from tvm.x... import` where the bundled TVM has no top-level module `x` (`tvm.tir`,
  /// which is `tvm.tirx` there); deeper components are not judged.
  private static func diagnoseTvm(_ parts: [String], at start: Int?, whole: TextRange, _ source: SourceText)
    -> Diagnostic?
  {
    let missing = parts[1]
    guard !TvmModules.topLevel.contains(missing) else { return nil }
    let written = "tvm." + missing
    let nearest = CopyAnnotationsCheck.nearest(missing, extensionsFirst(of: missing, TvmModules.topLevel.sorted()))
    let close = CopyAnnotationsCheck.distance(missing, nearest) <= max(2, missing.count / 4)
    var range = whole
    var fixes: [Fix] = []
    if let start, source.text(TextRange(start, start + written.utf8.count)) == written {
      range = TextRange(start, start + written.utf8.count)
      if close {
        fixes = [Fix(title: "Import from tvm.\(nearest)", edits: [TextEdit(range: range, newText: "tvm." + nearest)])]
      }
    }
    return Diagnostic(
      .TL222,
      "the TVM that tilelang 0.1.15 bundles has no module `\(written)`: the import fails (ModuleNotFoundError: No module named '\(written)')\(close ? "; did you mean `tvm.\(nearest)`?" : "")",
      at: range, fixes: fixes)
  }

  /// `names` with those that extend `name` first, so that a tie in spelling distance goes to the longer name a module
  /// was renamed to (`tir` → `tirx`, not `ir`).
  private static func extensionsFirst(of name: String, _ names: [String]) -> [String] {
    names.filter { $0.hasPrefix(name) } + names.filter { !$0.hasPrefix(name) }
  }
}
