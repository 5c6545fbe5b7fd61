// NameTable, Env and Keywords against Dictionary: the same answers for every name bound and for names that are not,
// on many names (so probes wrap and collide) including non-ASCII ones and the empty string.

import Testing
import TileLangTestSupport

@testable import TileLangAnalysis

struct NameTableTests {
  static func names(_ count: Int, seed: UInt64) -> [String] {
    var rng = SeededLCG(state: seed)
    let alphabet = Array("abT_0xé語.")
    return (0..<count).map { _ in String((0..<rng.next(13)).map { _ in alphabet[rng.next(alphabet.count)] }) }
  }

  @Test func answersLikeADictionary() {
    let bound = Self.names(1500, seed: 1)
    var dictionary: [String: Int] = [:]
    for (i, n) in bound.enumerated() { dictionary[n] = i }
    let table = NameTable(dictionary)
    for n in bound + Self.names(1500, seed: 2) + ["", "copy", "tilelang.language"] {
      #expect(table[n] == dictionary[n], "name \(n.debugDescription)")
      #expect(table.contains(n) == (dictionary[n] != nil))
    }
    #expect(NameTable<Int>([:])["a"] == nil)
  }

  @Test func groupsMapEveryNameToTheirValue() {
    let table = NameTable<Int>(groups: [(["min", "max"], 1), (["abs"], 2), ([], 3)])
    #expect(table["min"] == 1 && table["max"] == 1 && table["abs"] == 2)
    #expect(table["mi"] == nil && table[""] == nil)
  }

  @Test func nameSetAnswersLikeASet() {
    let members: NameSet = ["min", "max", "abs"]
    #expect(members.contains("max"))
    #expect(!members.contains("maxi"))
    #expect(!members.contains(""))
  }

  @Test func envAnswersLikeADictionaryAcrossStoresAndRemovals() {
    var rng = SeededLCG(state: 3)
    let pool = Self.names(300, seed: 4)
    var env = Env()
    var dictionary: [String: Value] = [:]
    for step in 0..<5000 {
      let n = pool[rng.next(pool.count)]
      if rng.next(4) == 0 {
        env.removeValue(forKey: n)
        dictionary[n] = nil
      } else {
        env[n] = .int(SymExpr(constant: step))
        dictionary[n] = .int(SymExpr(constant: step))
      }
    }
    for n in pool + Self.names(300, seed: 5) {
      #expect(env[n]?.constantInt == dictionary[n]?.constantInt, "name \(n.debugDescription)")
      #expect((env[n] == nil) == (dictionary[n] == nil))
    }
    #expect(Set(env.keys) == Set(dictionary.keys))
  }

  @Test func keywordsAnswerLikeADictionaryAndKeepTheirOrder() {
    var rng = SeededLCG(state: 6)
    let pool = Self.names(40, seed: 7)
    var keywords = Keywords<Int>()
    var dictionary: [String: Int] = [:]
    var order: [String] = []
    for step in 0..<2000 {
      let n = pool[rng.next(pool.count)]
      if rng.next(4) == 0 {
        keywords[n] = nil
        dictionary[n] = nil
        order.removeAll { $0 == n }
      } else {
        if dictionary[n] == nil { order.append(n) }
        keywords[n] = step
        dictionary[n] = step
      }
    }
    for n in pool + Self.names(40, seed: 8) { #expect(keywords[n] == dictionary[n], "name \(n.debugDescription)") }
    #expect(keywords.keys == order)
    #expect(keywords.map(\.key) == order)
    #expect(keywords.values == order.map { dictionary[$0]! })
    #expect(keywords.count == dictionary.count)
    let literal: Keywords<Int> = ["dtype": 1, "scope": 2]
    #expect(literal.keys == ["dtype", "scope"] && literal["scope"] == 2 && !literal.isEmpty)
  }
}
