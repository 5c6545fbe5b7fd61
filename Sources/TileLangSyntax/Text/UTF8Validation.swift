// UTF8Validation: finds the first byte that makes a file not UTF-8 text (invalid UTF-8 or a NUL byte).

enum UTF8Validation {
  enum Problem: Sendable, Equatable {
    case invalid(offset: Int)
    case nul(offset: Int)
  }

  /// The first problem in `bytes`, or nil when they are UTF-8 text without NUL bytes.
  static func firstProblem(_ bytes: [UInt8]) -> Problem? {
    let n = bytes.count
    var i = 0
    while i < n {
      // Eight ASCII bytes without a NUL at a time (most of a source file).
      if i + 8 <= n {
        let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }
        let ascii = word & 0x8080_8080_8080_8080 == 0
        let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        if ascii, !hasZero {
          i += 8
          continue
        }
      }
      let b = bytes[i]
      if b < 0x80 {
        if b == 0 { return .nul(offset: i) }
        i += 1
        continue
      }
      let len: Int
      var minValue: UInt32
      if b >= 0xC2 && b <= 0xDF {
        len = 2
        minValue = 0x80
      } else if b >= 0xE0 && b <= 0xEF {
        len = 3
        minValue = 0x800
      } else if b >= 0xF0 && b <= 0xF4 {
        len = 4
        minValue = 0x10000
      } else {
        return .invalid(offset: i)
      }
      guard i + len <= n else { return .invalid(offset: i) }
      var value = UInt32(b) & (0xFF >> UInt32(len + 1))
      for k in 1..<len {
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return .invalid(offset: i) }
        value = (value << 6) | UInt32(c & 0x3F)
      }
      if value < minValue || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) {
        return .invalid(offset: i)
      }
      minValue = 0
      i += len
    }
    return nil
  }
}
