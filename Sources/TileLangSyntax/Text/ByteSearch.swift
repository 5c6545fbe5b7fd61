// Substring search over UTF-8 bytes without allocating (message framing, cheap pre-checks before tree walks).

extension Array where Element == UInt8 {
  /// The first offset in `from..<end` where `needle` occurs entirely inside that range, or nil.
  public func firstOffset(of needle: [UInt8], from: Int = 0, end: Int? = nil) -> Int? {
    let end = Swift.min(end ?? count, count)
    guard let first = needle.first, from >= 0, needle.count <= end - from else { return nil }
    return withUnsafeBufferPointer { text in
      var i = from
      let last = end - needle.count
      while i <= last {
        if text[i] == first {
          var k = 1
          while k < needle.count, text[i + k] == needle[k] { k += 1 }
          if k == needle.count { return i }
        }
        i += 1
      }
      return nil
    }
  }
}
