// JSONValue: deterministic encoding, type-preserving parsing, and the nesting guard.

import Testing

@testable import LanguageServer

struct JSONValueTests {
  @Test func encodesWithSortedKeysAndEscapes() {
    let value: JSONValue = ["b": [1, true, .null], "a": .string("q\"\\\n\u{1}é😀"), "c": .double(1.5)]
    #expect(value.encodedString == #"{"a":"q\"\\\n\u0001é😀","b":[1,true,null],"c":1.5}"#)
  }

  @Test func encodesIntegersDigitByDigit() {
    let value: JSONValue = [0, 7, -42, 1_234_567_890, .int(Int.min), .int(Int.max), .double(-3), .double(2.5)]
    #expect(
      value.encodedString == "[0,7,-42,1234567890,-9223372036854775808,9223372036854775807,-3,2.5]")
  }

  @Test func parsesBooleansAndNumbersDistinctly() throws {
    let value = try JSONValue.parse(Array(#"{"t":true,"f":false,"one":1,"zero":0,"half":0.5,"s":"x"}"#.utf8))
    #expect(value["t"] == .bool(true))
    #expect(value["f"] == .bool(false))
    #expect(value["one"] == .int(1))
    #expect(value["zero"] == .int(0))
    #expect(value["half"] == .double(0.5))
    #expect(value["s"] == .string("x"))
  }

  @Test func roundTripsThroughEncoding() throws {
    let value: JSONValue = ["list": [["x": 1], "y", .null, false], "emoji": "👩‍👩‍👧 ok", "n": -42]
    #expect(try JSONValue.parse(value.encoded()) == value)
  }

  @Test func rejectsDeepNestingBeforeParsing() {
    let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
    #expect(throws: JSONParseError.tooDeep(limit: JSONValue.maxNesting)) { try JSONValue.parse(deep) }
  }

  @Test func acceptsNestingAtTheLimitAndIgnoresBracketsInStrings() throws {
    let depth = JSONValue.maxNesting
    let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    _ = try JSONValue.parse(Array(nested.utf8))
    let inString = "[\"" + String(repeating: "[", count: 2000) + "\\\"\"]"
    #expect(try JSONValue.parse(Array(inString.utf8)).arrayValue?.count == 1)
  }

  @Test func reportsInvalidJSON() {
    #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("{bad".utf8)) }
    #expect(throws: JSONParseError.self) { try JSONValue.parse([0xFF, 0xFE]) }
  }
}
