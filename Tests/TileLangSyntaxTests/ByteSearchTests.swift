// `firstOffset(of:from:end:)` against a naive scan, on random texts over a small alphabet (many partial matches)
// and at the edges of the searched range; `containsUTF8` and `splitUTF8` against the standard library's
// `contains` and `split` on random strings with non-ASCII characters, and on substrings.

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

  static func randomString(_ rng: inout some RandomNumberGenerator, _ alphabet: [Character], upTo n: Int) -> String {
    String((0..<Int.random(in: 0...n, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
  }

  @Test func containsUTF8AgreesWithContainsOnRandomStrings() {
    var rng = SystemRandomNumberGenerator()
    let alphabet: [Character] = ["a", "b", "[", ".", " ", "é", "語"]
    let needles: [(StaticString, String)] = [("[", "["), (".", "."), ("ab", "ab"), (" a.", " a."), ("", "")]
    for _ in 0..<2000 {
      let text = Self.randomString(&rng, alphabet, upTo: 12)
      for (needle, plain) in needles {
        let expected =
          plain.isEmpty
          || text.utf8.count >= plain.utf8.count
            && (0...(text.utf8.count - plain.utf8.count)).contains {
              Array(text.utf8.dropFirst($0).prefix(plain.utf8.count)) == Array(plain.utf8)
            }
        #expect(text.containsUTF8(needle) == expected, "text \(text.debugDescription) needle \(plain)")
        #expect(text.dropFirst().containsUTF8(needle) == String(text.dropFirst()).containsUTF8(needle))
      }
    }
  }

  @Test func splitUTF8AgreesWithSplitOnRandomStrings() {
    var rng = SystemRandomNumberGenerator()
    let alphabet: [Character] = ["a", "b", ".", "é", "語"]
    for _ in 0..<2000 {
      let text = Self.randomString(&rng, alphabet, upTo: 12)
      #expect(text.splitUTF8(UInt8(ascii: ".")) == text.split(separator: "."), "text \(text.debugDescription)")
    }
    #expect("tilelang.language".splitUTF8(UInt8(ascii: ".")) == ["tilelang", "language"])
    #expect("..".splitUTF8(UInt8(ascii: ".")).isEmpty)
  }
}
