// DocumentStore edits: full and incremental changes in both encodings, clamped ranges, and a randomized
// check that any incremental edit sequence gives the same text as applying the edits to a plain string.

import Testing
import TileLangSyntax

@testable import LanguageServer

struct DocumentStoreTests {
  private func session(_ encoding: LSP.PositionEncoding) -> Session {
    var session = Session()
    session.positionEncoding = encoding
    return session
  }

  private func text(_ store: DocumentStore, _ uri: String = "file:///t.py") -> String {
    String(decoding: store[uri]?.source.bytes ?? [], as: UTF8.self)
  }

  private func edit(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ text: String) -> LSP.TextDocumentContentChangeEvent {
    LSP.TextDocumentContentChangeEvent(
      range: LSP.Range(start: LSP.Position(line: l1, character: c1), end: LSP.Position(line: l2, character: c2)),
      text: text)
  }

  @Test func appliesIncrementalEditsInOrderInUTF16() throws {
    var store = DocumentStore()
    let s = session(.utf16)
    store.open(uri: "file:///t.py", languageID: "python", version: 1, text: "a😀b\ncd\n", session: s)
    let clamped = try store.change(
      uri: "file:///t.py", version: 2,
      changes: [edit(0, 3, 0, 4, "B"), edit(1, 0, 1, 1, "C\nnew"), edit(0, 0, 0, 0, "# ")], session: s)
    #expect(clamped == 0)
    #expect(text(store) == "# a😀B\nC\nnewd\n")
    #expect(store["file:///t.py"]?.version == 2)
    #expect(store["file:///t.py"]?.snapshot.version == 2)
  }

  @Test func appliesIncrementalEditsInUTF8() throws {
    var store = DocumentStore()
    let s = session(.utf8)
    store.open(uri: "file:///t.py", languageID: "python", version: 1, text: "é😀x", session: s)
    _ = try store.change(uri: "file:///t.py", version: 2, changes: [edit(0, 6, 0, 7, "y")], session: s)
    #expect(text(store) == "é😀y")
  }

  @Test func replacesWholeTextAndClampsBadRanges() throws {
    var store = DocumentStore()
    let s = session(.utf16)
    store.open(uri: "file:///t.py", languageID: "python", version: 1, text: "old", session: s)
    let clamped = try store.change(
      uri: "file:///t.py", version: 2,
      changes: [LSP.TextDocumentContentChangeEvent(range: nil, text: "new\ntext"), edit(7, 0, 9, 9, "!")],
      session: s)
    #expect(clamped == 1)
    #expect(text(store) == "new\ntext!")
  }

  @Test func refusesChangesToUnopenedDocuments() {
    var store = DocumentStore()
    #expect(throws: ResponseError.self) {
      try store.change(uri: "file:///nope.py", version: 1, changes: [], session: Session())
    }
  }

  @Test(arguments: [LSP.PositionEncoding.utf16, .utf8])
  func randomIncrementalEditsMatchFullText(encoding: LSP.PositionEncoding) throws {
    var rng = SplitMix64(seed: encoding == .utf16 ? 0x5EED : 0xBEEF)
    let pieces = ["a", "T.copy(", "\n", "😀", "é", "\r\n", "  ", "x", "🧑‍🚀", ")", "中"]
    let s = session(encoding)
    for round in 0..<40 {
      var expected = (0..<rng.below(30)).map { _ in pieces[rng.below(pieces.count)] }.joined()
      var store = DocumentStore()
      store.open(uri: "file:///t.py", languageID: "python", version: 0, text: expected, session: s)
      for step in 1...25 {
        let source = SourceText(expected)
        // Pick scalar-aligned byte offsets, then express them as positions in the encoding under test.
        let boundaries =
          [0]
          + expected.unicodeScalars.indices.dropFirst().map {
            expected.utf8.distance(from: expected.startIndex, to: $0)
          } + [source.count]
        var a = boundaries[rng.below(boundaries.count)]
        var b = boundaries[rng.below(boundaries.count)]
        if a > b { swap(&a, &b) }
        // Keep CRLF pairs whole: LSP positions cannot address the middle of a line break.
        if a > 0, a < source.count, source.bytes[a - 1] == 0x0D, source.bytes[a] == 0x0A { a -= 1 }
        if b > 0, b < source.count, source.bytes[b - 1] == 0x0D, source.bytes[b] == 0x0A { b += 1 }
        let insert = (0..<rng.below(4)).map { _ in pieces[rng.below(pieces.count)] }.joined()
        let change = LSP.TextDocumentContentChangeEvent(
          range: LSP.Range(start: source.lspPosition(a, encoding), end: source.lspPosition(b, encoding)), text: insert)
        var bytes = Array(expected.utf8)
        bytes.replaceSubrange(a..<b, with: Array(insert.utf8))
        expected = String(decoding: bytes, as: UTF8.self)
        let clamped = try store.change(uri: "file:///t.py", version: step, changes: [change], session: s)
        #expect(clamped == 0, "round \(round) step \(step)")
        #expect(text(store) == expected, "round \(round) step \(step)")
        if text(store) != expected { return }
      }
    }
  }
}

/// A tiny deterministic generator so failures reproduce.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}
