// Substring search over UTF-8 bytes without allocating (message framing, cheap pre-checks before tree walks).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Array where Element == UInt8 {
  /// The first offset in `from..<end` where `needle` occurs entirely inside that range, or nil.
  public func firstOffset(of needle: [UInt8], from: Int = 0, end: Int? = nil) -> Int? {
    let end = Swift.min(end ?? count, count)
    return withUnsafeBufferPointer { text in
      needle.withUnsafeBufferPointer { TileLangSyntax.firstOffset(in: text, of: $0, from: from, end: end) }
    }
  }
}

extension StringProtocol {
  /// Whether `needle` occurs in the string, compared byte by byte in UTF-8. For the ASCII needles the analysis looks
  /// for this is what `contains(_:)` answers, without the detour through `NSString` that Foundation's version takes
  /// (which costs about 100 times as much on a short name).
  @inlinable public func containsUTF8(_ needle: StaticString) -> Bool {
    let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    guard !n.isEmpty else { return true }
    func search(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
      firstOffset(in: text, of: n, from: 0, end: text.count) != nil
    }
    if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
    var copy = String(self)
    copy.makeContiguousUTF8()
    return copy.utf8.withContiguousStorageIfAvailable(search) ?? false
  }
}

/// The first offset in `from..<end` of `text` where `needle` occurs entirely inside that range, or nil (also for an
/// empty needle).
@usableFromInline func firstOffset(
  in text: UnsafeBufferPointer<UInt8>, of needle: UnsafeBufferPointer<UInt8>, from: Int, end: Int
) -> Int? {
  guard !needle.isEmpty, from >= 0, needle.count <= end - from, let base = text.baseAddress else { return nil }
  // memchr finds the candidates for the needle's rarest byte (vectorised in the C library): `target=` is looked for at
  // its `g`, not at every `t` of the file.
  var pivot = 0
  for k in needle.indices where commonness(needle[k]) < commonness(needle[pivot]) { pivot = k }
  let key = needle[pivot]
  var i = from + pivot
  let last = end - needle.count + pivot
  while i <= last {
    guard let hit = memchr(base + i, Int32(key), last - i + 1) else { return nil }
    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    let s = i - pivot
    var k = 0
    while k < needle.count, text[s + k] == needle[k] { k += 1 }
    if k == needle.count { return s }
    i += 1
  }
  return nil
}

/// A rough rank of how often a byte occurs in Python source (higher: more often).
private func commonness(_ b: UInt8) -> Int {
  switch b {
  case UInt8(ascii: " "): 9
  case UInt8(ascii: "e"), UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "n"), UInt8(ascii: "i"),
    UInt8(ascii: "o"), UInt8(ascii: "s"), UInt8(ascii: "r"):
    8
  case UInt8(ascii: "l"), UInt8(ascii: "d"), UInt8(ascii: "c"), UInt8(ascii: "_"), UInt8(ascii: "\n"),
    UInt8(ascii: "p"), UInt8(ascii: "m"), UInt8(ascii: "u"):
    7
  case UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), UInt8(ascii: "="),
    UInt8(ascii: "f"), UInt8(ascii: "h"), UInt8(ascii: "b"), UInt8(ascii: "T"):
    6
  case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "g"), UInt8(ascii: "y"), UInt8(ascii: "k"),
    UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "M"), UInt8(ascii: "N"), UInt8(ascii: "K"),
    UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "\""):
    5
  case UInt8(ascii: "a")...UInt8(ascii: "z"): 4
  default: 3
  }
}

extension String {
  /// The non-empty parts between `separator` bytes: what `split(separator:)` gives for an ASCII separator, without
  /// comparing grapheme clusters (about ten times cheaper on a dotted module name).
  public func splitUTF8(_ separator: UInt8) -> [Substring] {
    var parts: [Substring] = []
    var start = utf8.startIndex
    var i = start
    while i != utf8.endIndex {
      if utf8[i] == separator {
        if start != i { parts.append(self[start..<i]) }
        start = utf8.index(after: i)
      }
      i = utf8.index(after: i)
    }
    if start != utf8.endIndex { parts.append(self[start..<utf8.endIndex]) }
    return parts
  }
}
