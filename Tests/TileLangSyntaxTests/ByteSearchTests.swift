// `firstOffset(of:from:end:)` against a naive scan, on random texts over a small alphabet (many partial matches)
// and at the edges of the searched range.

import Testing

@testable import TileLangSyntax

struct ByteSearchTests {
  static func naive(_ text: [UInt8], _ needle: [UInt8], from: Int, end: Int) -> Int? {
    let end = min(end, text.count)
    guard !needle.isEmpty, from >= 0, needle.count <= end - from else { return nil }
    for i in from...(end - needle.count) where Array(text[i..<(i + needle.count)]) == needle { return i }
    return nil
  }

  @Test func agreesWithANaiveScanOnRandomTexts() {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("ab\n".utf8)
    for _ in 0..<2000 {
      let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
      let needle = (0..<Int.random(in: 1...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
      let from = Int.random(in: 0...max(0, text.count), using: &rng)
      let end = Int.random(in: from...(text.count + 2), using: &rng)
      #expect(
        text.firstOffset(of: needle, from: from, end: end) == Self.naive(text, needle, from: from, end: end),
        "text \(text) needle \(needle) from \(from) end \(end)")
    }
  }

  @Test func matchMustEndInsideTheRange() {
    let text = Array("xxabcab".utf8)
    #expect(text.firstOffset(of: Array("abc".utf8)) == 2)
    #expect(text.firstOffset(of: Array("abc".utf8), end: 4) == nil)
    #expect(text.firstOffset(of: Array("ab".utf8), from: 3) == 5)
    #expect(text.firstOffset(of: Array("b".utf8), from: 7) == nil)
    #expect(text.firstOffset(of: []) == nil)
    #expect([UInt8]().firstOffset(of: Array("a".utf8)) == nil)
  }
}
