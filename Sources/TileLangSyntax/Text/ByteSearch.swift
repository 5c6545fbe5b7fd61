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
    guard let first = needle.first, from >= 0, needle.count <= end - from else { return nil }
    return withUnsafeBufferPointer { text -> Int? in
      guard let base = text.baseAddress else { return nil }
      var i = from
      let last = end - needle.count
      while i <= last {
        // memchr finds the next candidate for the first byte (vectorised in the C library).
        guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
        i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        var k = 1
        while k < needle.count, text[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
        i += 1
      }
      return nil
    }
  }
}
