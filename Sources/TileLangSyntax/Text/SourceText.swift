// SourceText: the bytes of one file plus a line index that converts byte offsets to
// line/column positions in UTF-8, UTF-16 and Unicode-scalar units (editors and the CLI need all three).

/// A 0-based line and column; the unit of `column` depends on the API that produced it.
public struct LineColumn: Hashable, Sendable {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// The text of one file as UTF-8 bytes, with a line index.
public struct SourceText: Sendable {
  public let bytes: [UInt8]
  /// Byte offset of the first byte of each line. Lines end at `\n`, `\r\n` or a lone `\r`.
  public let lineStarts: [Int]

  public init(_ string: String) {
    self.init(bytes: Array(string.utf8))
  }

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    var i = 0
    let n = bytes.count
    if bytes.firstOffset(of: [0x0D]) == nil {
      // `\n` only (most files): jump from newline to newline.
      let newline: [UInt8] = [0x0A]
      while let nl = bytes.firstOffset(of: newline, from: i) {
        i = nl + 1
        starts.append(i)
      }
      self.lineStarts = starts
      return
    }
    while i < n {
      let b = bytes[i]
      if b == 0x0A {
        starts.append(i + 1)
      } else if b == 0x0D {
        if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
        starts.append(i + 1)
      }
      i += 1
    }
    self.lineStarts = starts
  }

  public var count: Int { bytes.count }
  public var lineCount: Int { lineStarts.count }

  /// The text of `range` (clamped), decoded leniently.
  public func text(_ range: TextRange) -> String {
    let s = clamp(range.start), e = clamp(range.end)
    return String(decoding: bytes[s..<max(s, e)], as: UTF8.self)
  }

  public func clamp(_ offset: Int) -> Int { min(max(0, offset), bytes.count) }

  /// 0-based line containing `offset` (clamped).
  public func line(of offset: Int) -> Int {
    let o = clamp(offset)
    var lo = 0, hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// Byte range of line `line` without its terminator (clamped to the file).
  public func lineRange(_ line: Int) -> TextRange {
    let l = min(max(0, line), lineStarts.count - 1)
    let start = lineStarts[l]
    var end = l + 1 < lineStarts.count ? lineStarts[l + 1] : bytes.count
    while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
    return TextRange(start, end)
  }

  // MARK: - Offset -> position

  public func utf8Position(_ offset: Int) -> LineColumn {
    let o = clamp(offset)
    let l = line(of: o)
    return LineColumn(line: l, column: o - lineStarts[l])
  }

  public func utf16Position(_ offset: Int) -> LineColumn {
    let o = alignToScalar(clamp(offset))
    let l = line(of: o)
    return LineColumn(line: l, column: countUnits(from: lineStarts[l], to: o, utf16: true))
  }

  public func scalarPosition(_ offset: Int) -> LineColumn {
    let o = alignToScalar(clamp(offset))
    let l = line(of: o)
    return LineColumn(line: l, column: countUnits(from: lineStarts[l], to: o, utf16: false))
  }

  // MARK: - Position -> offset (clamped: out-of-range lines/columns never trap)

  public func offset(utf8 pos: LineColumn) -> Int {
    let r = lineRange(pos.line)
    if pos.line >= lineStarts.count { return bytes.count }
    if pos.line < 0 { return 0 }
    return alignToScalar(min(r.start + max(0, pos.column), r.end))
  }

  public func offset(utf16 pos: LineColumn) -> Int { offset(unitPosition: pos, utf16: true) }
  public func offset(scalar pos: LineColumn) -> Int { offset(unitPosition: pos, utf16: false) }

  private func offset(unitPosition pos: LineColumn, utf16: Bool) -> Int {
    if pos.line >= lineStarts.count { return bytes.count }
    if pos.line < 0 { return 0 }
    let r = lineRange(pos.line)
    var units = 0
    var i = r.start
    while i < r.end, units < pos.column {
      let len = Self.scalarLength(bytes[i])
      units += (utf16 && len == 4) ? 2 : 1
      i = min(i + len, r.end)
    }
    return i
  }

  // MARK: - Helpers

  /// Moves `offset` back to the start of the UTF-8 scalar containing it.
  public func alignToScalar(_ offset: Int) -> Int {
    var o = offset
    while o > 0, o < bytes.count, bytes[o] & 0xC0 == 0x80 { o -= 1 }
    return o
  }

  private func countUnits(from start: Int, to end: Int, utf16: Bool) -> Int {
    var units = 0
    var i = start
    while i < end {
      let len = Self.scalarLength(bytes[i])
      units += (utf16 && len == 4) ? 2 : 1
      i += len
    }
    return units
  }

  static func scalarLength(_ lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead >> 5 == 0x6 { return 2 }
    if lead >> 4 == 0xE { return 3 }
    if lead >> 3 == 0x1E { return 4 }
    return 1
  }
}
