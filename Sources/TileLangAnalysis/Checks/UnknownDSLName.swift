// TL217: a call of a name the DSL module `tilelang.language` does not define in tilelang 0.1.15 (`T.alloc_shard`,
// `T.region`, a name from a newer release), or of one of its submodules (`T.kernel(...)` for `T.Kernel`), and a call
// of a name the `tilelang` package itself lacks (`import tilelang as T`, then `T.const(...)`). Building the kernel
// fails with AttributeError (TypeError for a submodule); tl-lsp says so where the name is written, with the nearest
// defined name as a fix. The interpreter notes such calls where it runs them
// (Interpreter.dslCall), so a name that only a local `T` (a sequence length) or a backend dialect has is not one.

import TileLangSyntax

enum UnknownDSLName {
  /// TL217 for the calls the interpreter noted, in the module-level statements `onlyTopLevel` (all when nil).
  static func check(_ names: [TextRange: String], parsed: ParsedFile, onlyTopLevel: Set<Int>?) -> [Diagnostic] {
    guard !names.isEmpty else { return [] }
    // Files that probe the module for names (`hasattr(T, ...)`, `except AttributeError`) are left alone.
    guard !parsed.source.containsAny(["hasattr(", "except AttributeError", "AttributeError)", "AttributeError,"]) else {
      return []
    }
    let statements = onlyTopLevel.map { $0.map { parsed.body[$0].range } }
    return names.sorted { $0.key < $1.key }.compactMap { range, name in
      if let statements, !statements.contains(where: { $0.start <= range.start && range.end <= $0.end }) { return nil }
      if name.hasPrefix("tilelang.") {
        let attr = String(name.dropFirst("tilelang.".count))
        let tail =
          DSLNames.all.contains(attr)
          ? "; `\(attr)` is in tilelang.language: import it as `import tilelang.language as T`" : ""
        return Diagnostic(
          .TL217,
          "the tilelang package has no `\(attr)` in tilelang 0.1.15: building the kernel fails (AttributeError: module 'tilelang' has no attribute '\(attr)')\(tail)",
          at: range)
      }
      let hint = suggestion(name, replacing: range)
      if DSLNames.submodules.contains(name) {
        return Diagnostic(
          .TL217,
          "tilelang.language.\(name) is a module, not a function: building the kernel fails (TypeError: 'module' object is not callable)\(hint.tail)",
          at: range, fixes: hint.fixes)
      }
      return Diagnostic(
        .TL217,
        "tilelang.language has no `\(name)` in tilelang 0.1.15: building the kernel fails (AttributeError: module 'tilelang.language' has no attribute '\(name)')\(hint.tail)",
        at: range, fixes: hint.fixes)
    }
  }

  /// The defined name nearest to `name`, as a message tail ("; did you mean `x`?") and a fix that writes it over
  /// `range`; empty when no defined name is close.
  static func suggestion(_ name: String, replacing range: TextRange) -> (tail: String, fixes: [Fix]) {
    let nearest = CopyAnnotationsCheck.nearest(name, DSLNames.sortedPublic)
    guard CopyAnnotationsCheck.distance(name, nearest) <= max(2, name.count / 4) else { return ("", []) }
    return (
      "; did you mean `\(nearest)`?", [Fix(title: "Use \(nearest)", edits: [TextEdit(range: range, newText: nearest)])]
    )
  }
}
