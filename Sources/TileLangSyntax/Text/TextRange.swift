// Byte offsets and half-open byte ranges into a source file's UTF-8 text.

/// A half-open range `[start, end)` of UTF-8 byte offsets into a `SourceText`.
public struct TextRange: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  public static let empty = TextRange(0, 0)
  public var length: Int { end - start }
  public var isEmpty: Bool { start == end }

  public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
  /// True when `offset` lies inside or exactly at the end (cursor positions).
  public func touches(_ offset: Int) -> Bool { offset >= start && offset <= end }
  public func contains(_ other: TextRange) -> Bool { other.start >= start && other.end <= end }
  public func cover(_ other: TextRange) -> TextRange { TextRange(min(start, other.start), max(end, other.end)) }

  public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }

  public var description: String { "\(start)..<\(end)" }
}
