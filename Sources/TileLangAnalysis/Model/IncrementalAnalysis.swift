// Incremental re-analysis: after an edit confined to top-level functions, only the functions connected to the
// edited ones (by name references, either way, transitively) are analysed again; the results of the others are
// reused, shifted to their new positions. The result equals a full analysis (checked by a randomized test).

import TileLangSyntax

/// Analyzes `parsed`, reusing `previous` where the edit cannot have changed the result.
public func analyze(parsed: ParsedFile, settings: AnalysisSettings, reusing previous: FileAnalysis?) -> FileAnalysis {
  guard let previous, previous.settings == settings,
    let plan = IncrementalPlan(old: previous.parsed, new: parsed, previous: previous)
  else { return analyze(parsed: parsed, settings: settings) }
  var fresh = analyze(parsed: parsed, settings: settings, onlyTopLevel: plan.recompute)
  let keep = { (r: TextRange) -> (Int)? in plan.shift(forOldRange: r) }
  for d in previous.diagnostics where d.code.rawValue.hasPrefix("TL") && !d.code.isSyntax {
    if let delta = keep(d.range) { fresh.diagnostics.append(d.shifted(by: delta)) }
  }
  fresh.diagnostics.sort()
  for l in previous.lowerings {
    guard let delta = keep(l.range) else { continue }
    var l = l
    l.range = l.range.shifted(by: delta)
    fresh.lowerings.append(l)
  }
  fresh.lowerings.sort { ($0.range, $0.target) < ($1.range, $1.target) }
  for k in previous.kernels {
    guard let delta = keep(k.range) else { continue }
    var k = k
    k.range = k.range.shifted(by: delta)
    k.nameRange = k.nameRange.shifted(by: delta)
    k.builderNameRange = k.builderNameRange?.shifted(by: delta)  // the same top-level def, or the kernel itself
    k.buffers = k.buffers.map { b in
      var b = b
      b.nameRange = b.nameRange.shifted(by: delta)
      b.declarationRange = b.declarationRange.shifted(by: delta)
      return b
    }
    fresh.kernels.append(k)
  }
  fresh.kernels.sort { $0.range < $1.range }
  func moved(_ sites: [CopySiteInfo]) -> [CopySiteInfo] {
    sites.compactMap { site in
      guard let delta = keep(site.range) else { return nil }
      var site = site
      site.range = site.range.shifted(by: delta)
      site.srcRange = site.srcRange?.shifted(by: delta)
      site.dstRange = site.dstRange?.shifted(by: delta)
      return site
    }
  }
  fresh.copySites = (fresh.copySites + moved(previous.copySites)).sorted { $0.range < $1.range }
  fresh.gemmSites = (fresh.gemmSites + moved(previous.gemmSites)).sorted { $0.range < $1.range }
  return fresh
}

extension DiagnosticCode {
  var isSyntax: Bool { rawValue.hasPrefix("TL0") }
}

/// Which top-level functions to analyse again, and how to move the results of the others.
struct IncrementalPlan {
  /// Indices (in the new module body) of the top-level statements whose results are recomputed.
  var recompute: Set<Int>
  /// Old extent → byte delta for each reused top-level statement.
  var reused: [(old: TextRange, delta: Int)]

  func shift(forOldRange r: TextRange) -> Int? {
    reused.first { $0.old.contains(r) }?.delta
  }

  init?(old: ParsedFile, new: ParsedFile, previous: FileAnalysis) {
    guard old.body.count == new.body.count else { return nil }
    let oldItems = old.body.map(\.extent)
    let newItems = new.body.map(\.extent)
    var changed = Set<Int>()
    for i in old.body.indices {
      let a = old.source.bytes[oldItems[i].start..<oldItems[i].end]
      let b = new.source.bytes[newItems[i].start..<newItems[i].end]
      if a != b { changed.insert(i) }
    }
    // Syntax errors need no special care: a module-level statement with the same text parses the same, and the
    // new parse's syntax diagnostics are all reported afresh.
    // Only edits inside function definitions are handled incrementally.
    for i in changed {
      guard case .functionDef(let f) = new.body[i].kind, case .functionDef(let g) = old.body[i].kind, f.name == g.name
      else {
        return nil
      }
    }
    // Names each top-level statement defines; the names it references are read only where needed (edited and
    // affected statements), and "uses a name" is a byte scan with no allocation.
    let defined = new.body.map { Self.definedNames($0) }
    var references: [Int: Set<String>] = [:]
    func refs(_ i: Int) -> Set<String> {
      if let r = references[i] { return r }
      var r = Self.identifiers(new.source.bytes, newItems[i])
      if changed.contains(i) { r.formUnion(Self.identifiers(old.source.bytes, oldItems[i])) }
      references[i] = r
      return r
    }
    // Affected statements: the edited ones; any statement that uses a name an affected one defines (it consumes
    // the change); and any function an affected statement refers to (it may receive new arguments).
    var recompute = changed
    func propagate(_ start: [Int]) {
      var frontier = start
      while let i = frontier.popLast() {
        let names = defined[i].map { Array($0.utf8) }
        let used = refs(i)
        for j in new.body.indices where !recompute.contains(j) {
          let consumes = Self.mentions(new.source.bytes, newItems[j], names)
          var isFunction = false
          if case .functionDef = new.body[j].kind { isFunction = true }
          let called = isFunction && !used.isDisjoint(with: defined[j])
          if consumes || called {
            recompute.insert(j)
            frontier.append(j)
          }
        }
      }
    }
    propagate(Array(changed))
    // Specialization notes name call lines ("from line 88"); when lines moved, results quoting a line after the
    // edit are recomputed too.
    let firstChanged = changed.map { newItems[$0].start }.min() ?? 0
    let lineDelta = new.source.lineCount - old.source.lineCount
    if lineDelta != 0 {
      let editLine = old.source.line(of: firstChanged) + 1
      var quoting: [Int] = []
      for j in new.body.indices where !recompute.contains(j) {
        let r = oldItems[j]
        let quotesLaterLine =
          previous.diagnostics.contains {
            r.contains($0.range) && Self.quotedLines($0.message).contains { $0 >= editLine }
          }
          || previous.lowerings.contains {
            r.contains($0.range) && Self.quotedLines($0.specialization ?? "").contains { $0 >= editLine }
          }
        if quotesLaterLine {
          recompute.insert(j)
          quoting.append(j)
        }
      }
      // A kernel recomputed for its notes needs the statements that instantiate it (a call in another function)
      // recomputed too, or its instances are lost.
      propagate(quoting)
    }
    self.recompute = recompute
    self.reused = new.body.indices.filter { !recompute.contains($0) }.map {
      (oldItems[$0], newItems[$0].start - oldItems[$0].start)
    }
  }

  /// Names a module-level statement binds: a def or class name, assignment targets, imported names.
  static func definedNames(_ s: Stmt) -> Set<String> {
    // Compound statements (if/for/with/try at module level) may bind anything: treat every name they mention as
    // bound, so their users are recomputed with them.
    s.simpleBoundNames ?? names(in: [s])
  }

  static func names(in body: [Stmt]) -> Set<String> {
    var out = Set<String>()
    ASTWalker { e, _ in
      if case .name(let n) = e.kind { out.insert(n) }
      if case .attribute(_, let n, _) = e.kind { out.insert(n) }
    }.walk(body)
    return out
  }

  /// Every identifier-like word in a byte range (including words in strings and comments): a superset of the
  /// names a statement refers to, which can only make more statements count as affected.
  static func identifiers(_ bytes: [UInt8], _ r: TextRange) -> Set<String> {
    var out = Set<String>()
    _ = firstIdentifier(bytes, r) { word in
      out.insert(String(decoding: bytes[word], as: UTF8.self))
      return false
    }
    return out
  }

  /// Whether an identifier in the byte range equals one of `names` (a substring search with word-boundary checks;
  /// nothing allocated).
  static func mentions(_ bytes: [UInt8], _ r: TextRange, _ names: [[UInt8]]) -> Bool {
    guard !names.isEmpty else { return false }
    let end = min(r.end, bytes.count)
    return names.contains { name in
      var from = r.start
      while let i = bytes.firstOffset(of: name, from: from, end: end) {
        if i == r.start || !isPart(bytes[i - 1]), i + name.count == end || !isPart(bytes[i + name.count]) {
          return true
        }
        from = i + 1
      }
      return false
    }
  }

  /// Scans the identifier-like words of a byte range in order; stops at, and returns true for, the first word
  /// `stop` accepts.
  @inline(__always)
  static func firstIdentifier(_ bytes: [UInt8], _ r: TextRange, _ stop: (Range<Int>) -> Bool) -> Bool {
    var i = r.start
    let end = min(r.end, bytes.count)
    while i < end {
      if isStart(bytes[i]), i == r.start || !isPart(bytes[i - 1]) {
        var j = i + 1
        while j < end, isPart(bytes[j]) { j += 1 }
        if stop(i..<j) { return true }
        i = j
      } else {
        i += 1
      }
    }
    return false
  }

  /// A byte that can start an identifier-like word (ASCII letter, `_`, or part of a non-ASCII scalar).
  @inline(__always) static func isStart(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
  }

  /// A byte that can continue an identifier-like word.
  @inline(__always) static func isPart(_ b: UInt8) -> Bool { isStart(b) || (b >= 0x30 && b <= 0x39) }

  static func quotedLines(_ text: String) -> [Int] {
    var out: [Int] = []
    var rest = Substring(text)
    while let r = rest.range(of: "from line ") {
      let digits = rest[r.upperBound...].prefix { $0.isNumber }
      if let n = Int(digits) { out.append(n) }
      rest = rest[r.upperBound...]
    }
    return out
  }
}

extension Stmt {
  /// The names a simple statement binds: a def or class name, assignment targets, imported names (`import a.b` binds
  /// `a`); nil for any other statement.
  var simpleBoundNames: Set<String>? {
    var out = Set<String>()
    switch kind {
    case .functionDef(let f): out.insert(f.name)
    case .classDef(let c): out.insert(c.name)
    case .assign(let ts, _): for t in ts { t.addTargetNames(to: &out) }
    case .annAssign(let t, _, _), .augAssign(let t, _, _): t.addTargetNames(to: &out)
    case .import(let names), .importFrom(_, let names, _):
      for a in names { out.insert(a.boundName) }
    default: return nil
    }
    return out
  }
}

extension Expr {
  /// The names an assignment, loop or `with` target binds: `x`, `a, b`, `[a, *rest]`.
  func addTargetNames(to out: inout Set<String>) {
    switch kind {
    case .name(let n): out.insert(n)
    case .tuple(let xs), .list(let xs): for x in xs { x.addTargetNames(to: &out) }
    case .starred(let x): x.addTargetNames(to: &out)
    default: break
    }
  }
}
