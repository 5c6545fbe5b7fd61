// TL222: `import tilelang.x` / `from tilelang.x import ...` of a module the tilelang 0.1.15 package does not have
// (`tilelang.intrinsics`, which later releases moved under `tilelang.cuda`). Python fails with ModuleNotFoundError
// when the import runs: at module level that is before any kernel exists. The package's modules are listed in
// TilelangModules; the first missing component of the dotted path is reported, with the modules that have the same
// last name elsewhere (and complete the rest of the path), or a near spelling under the same parent, as fixes.
// Imports under `if` or `try` are left alone (version and feature probes). A name `from tilelang.language import`
// asks for that the DSL module does not define is TL217's, as a call of it would be.

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
      if module == "tilelang.language" { out += unknownDSLNames(names, source) }
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
    default:
      break
    }
  }

  /// TL217 for names `from tilelang.language import ...` asks for that the DSL module neither defines nor has as a
  /// submodule: the import fails with ImportError ("cannot import name ... from 'tilelang.language'").
  private static func unknownDSLNames(_ names: [ImportAlias], _ source: SourceText) -> [Diagnostic] {
    names.compactMap { a in
      guard a.name != "*", !DSLNames.all.contains(a.name), !TilelangModules.all.contains("language." + a.name) else {
        return nil
      }
      let range = TextRange(a.range.start, a.range.start + a.name.utf8.count)
      guard source.text(range) == a.name else { return nil }
      let hint = UnknownDSLName.suggestion(a.name, replacing: range)
      return Diagnostic(
        .TL217,
        "tilelang.language has no `\(a.name)` in tilelang 0.1.15: the import fails (ImportError: cannot import name '\(a.name)' from 'tilelang.language')\(hint.tail)",
        at: range, fixes: hint.fixes)
    }
  }

  /// The diagnostic for the dotted module `name` written at `start` (nil when unknown: the range is then `whole`).
  private static func diagnose(_ name: String, at start: Int?, whole: TextRange, _ source: SourceText) -> Diagnostic? {
    let parts = name.split(separator: ".").map(String.init)
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
}
