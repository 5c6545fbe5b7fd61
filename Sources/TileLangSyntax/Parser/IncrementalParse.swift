// Incremental parsing: after an edit, only the top-level statements around it are lexed and parsed again; the
// statements before it are reused as they are and those after it are reused moved by the edit's length change.
// The result equals a full parse (IncrementalParseTests check it on randomized edits).
//
// Why that is sound: a top-level statement that starts at a *clean line start* (column 0, no bracket open, not a
// continuation line: `Lexer.cleanStarts`) is lexed exactly as if the file began there, and the parser is between
// top-level statements there. So the region from one such statement before the edit to one such statement after
// it can be parsed on its own, provided nothing crosses its borders:
// - the statement before the region may look at the region's first token (e.g. to find `else`): the region starts
//   one statement before the one that contains the edit, whose first token therefore is unchanged;
// - the region's last statement may look at the next token (e.g. `elif`, the `def` after decorators, the indented
//   block after `def f():`): the statement after the region must not start with `else`/`elif`/`except`/`finally`,
//   the old parse must have reported nothing at its start, and the region's parse nothing at or after its end;
// - the region's text must end with a newline outside brackets (a bracket or a string left open would run on).
// Messages that quote a line number ("on line 12") are redone by a full parse when lines were added or removed.

extension Diagnostic {
  /// This diagnostic with its range, notes and fixes moved by `delta` bytes.
  public func shifted(by delta: Int) -> Diagnostic {
    var d = self
    d.range = range.moved(delta)
    d.related = related.map { RelatedNote(message: $0.message, range: $0.range.moved(delta)) }
    d.fixes = fixes.map {
      Fix(title: $0.title, edits: $0.edits.map { TextEdit(range: $0.range.moved(delta), newText: $0.newText) })
    }
    return d
  }
}

enum IncrementalParse {
  /// How many statements after the edit are tried as the region's end before parsing to the end of the file.
  static let endCandidates = 3

  /// The parse of `source` built from `old` (the parse of an earlier text of the same file), or nil when the
  /// edit cannot be handled incrementally (then the caller parses the whole file).
  static func parse(_ source: SourceText, old: ParsedFile) -> ParsedFile? {
    parseReporting(source, old: old)?.file
  }

  /// `parse(_:old:)`, also giving the byte range (of the new text) that was lexed and parsed again.
  static func parseReporting(_ source: SourceText, old: ParsedFile) -> (file: ParsedFile, reparsed: TextRange)? {
    guard !old.body.isEmpty, !old.cleanStarts.isEmpty,
      !old.diagnostics.contains(where: { $0.code == .TL002 || $0.code == .TL003 }),
      UTF8Validation.firstProblem(source.bytes) == nil
    else { return nil }
    let a = old.source.bytes
    let b = source.bytes
    let (prefix, suffix) = commonEnds(a, b)
    if prefix == a.count, prefix == b.count { return (old, TextRange(0, 0)) }
    let oldChangedEnd = a.count - suffix
    let delta = b.count - a.count
    let extents = old.body.map(\.extent.start)
    // Where each statement's line starts, when the statement is the first thing on its line.
    let starts = extents.map { lineStart(a, ofStatementAt: $0) }

    // The region starts one statement before the one the edit begins in, at a clean start the old parse reported
    // nothing at.
    var k = (extents.lastIndex { $0 < prefix } ?? 0) - 1
    func usable(_ i: Int) -> Int? {
      guard let s = starts[i], isCleanStart(s, in: old), !old.diagnostics.contains(where: { $0.range.start == s })
      else { return nil }
      return s
    }
    while k > 0, usable(k) == nil { k -= 1 }
    let keep = max(k, 0)
    let regionStart = k <= 0 ? 0 : starts[k] ?? 0

    // The new file: the statements before the region as they were, the region, and the old statements from
    // `tail` on (which start at old offset `from`) moved by the edit's length.
    func assemble(_ region: ParsedFile, tail: Int, from: Int) -> ParsedFile {
      let after = delta == 0 ? Array(old.body[tail...]) : old.body[tail...].map { $0.shifted(by: delta) }
      return ParsedFile(
        source: source,
        body: Array(old.body[..<keep]) + region.body + after,
        diagnostics: old.diagnostics.filter { $0.range.start < regionStart } + region.diagnostics
          + old.diagnostics.filter { $0.range.start >= from }.map { $0.shifted(by: delta) },
        cleanStarts: old.cleanStarts.filter { $0 < regionStart } + region.cleanStarts
          + old.cleanStarts.filter { $0 >= from }.map { $0 + delta })
    }

    // The region ends where a reusable old statement starts after the edit.
    let lineDelta = newlineCount(b, prefix..<(b.count - suffix)) - newlineCount(a, prefix..<oldChangedEnd)
    var tried = 0
    var j = extents.firstIndex { $0 >= oldChangedEnd && $0 > regionStart } ?? starts.count
    while j < starts.count, tried < endCandidates {
      defer { j += 1 }
      guard let s = usable(j), s >= oldChangedEnd, !startsWithContinuationKeyword(a, at: s) else { continue }
      tried += 1
      let end = s + delta
      var parser = Parser(source: source, start: regionStart, end: end, validate: false)
      let region = parser.parseFile()
      guard parser.endsClean, !region.diagnostics.contains(where: { $0.range.start >= end }) else { continue }
      if lineDelta != 0, old.diagnostics.contains(where: { $0.range.start >= s && $0.message.containsUTF8(" line ") }) {
        return nil
      }
      return (assemble(region, tail: j, from: s), TextRange(regionStart, end))
    }
    // No reusable statement after the edit: parse from the region's start to the end of the file.
    var parser = Parser(source: source, start: regionStart, end: b.count, validate: false)
    return (assemble(parser.parseFile(), tail: old.body.count, from: .max), TextRange(regionStart, b.count))
  }

  /// Lengths of the longest common prefix and of the longest common suffix that does not overlap it.
  static func commonEnds(_ a: [UInt8], _ b: [UInt8]) -> (prefix: Int, suffix: Int) {
    let n = min(a.count, b.count)
    return a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        var p = 0
        while p < n, pa[p] == pb[p] { p += 1 }
        var s = 0
        while s < n - p, pa[a.count - 1 - s] == pb[b.count - 1 - s] { s += 1 }
        return (p, s)
      }
    }
  }

  /// The start of the line a statement begins on, when only blanks and a decorator's `@` precede the statement's
  /// first expression there; nil when the statement shares its line with an earlier one (`x = 1; y = 2`).
  static func lineStart(_ bytes: [UInt8], ofStatementAt offset: Int) -> Int? {
    var i = offset
    var sawAt = false
    while i > 0 {
      let c = bytes[i - 1]
      if c == 0x0A || c == 0x0D { break }
      if c == UInt8(ascii: "@"), !sawAt {
        sawAt = true
      } else if c != UInt8(ascii: " "), c != UInt8(ascii: "\t"), c != 0x0C {
        return nil
      }
      i -= 1
    }
    return i
  }

  static func isCleanStart(_ offset: Int, in file: ParsedFile) -> Bool {
    var lo = 0
    var hi = file.cleanStarts.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if file.cleanStarts[mid] < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo < file.cleanStarts.count && file.cleanStarts[lo] == offset
  }

  /// Whether the text at `offset` is a keyword that continues the previous compound statement.
  static func startsWithContinuationKeyword(_ bytes: [UInt8], at offset: Int) -> Bool {
    for word in ["else", "elif", "except", "finally"] {
      let w = Array(word.utf8)
      guard offset + w.count <= bytes.count, bytes[offset..<(offset + w.count)].elementsEqual(w) else { continue }
      let next = offset + w.count < bytes.count ? bytes[offset + w.count] : 0
      if !(Lexer.isIdentifierStart(next) || (next >= 0x30 && next <= 0x39)) { return true }
    }
    return false
  }

  static func newlineCount(_ bytes: [UInt8], _ r: Range<Int>) -> Int {
    var n = 0
    for i in r where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
      n += 1
    }
    return n
  }
}

/// Parses `source`, reusing the parse of an earlier version of the same file where the edit cannot have changed
/// it. The result equals `parse(source:)`.
public func parse(source: SourceText, reusing previous: ParsedFile?) -> ParsedFile {
  if let previous, let result = IncrementalParse.parse(source, old: previous) { return result }
  return parse(source: source)
}
