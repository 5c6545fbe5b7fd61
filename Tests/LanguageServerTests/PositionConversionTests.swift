// Byte offsets <-> LSP positions in UTF-16 and UTF-8 (emoji and accented lines), and clamping of
// out-of-range positions.

import Testing
import TileLangSyntax

@testable import LanguageServer

struct PositionConversionTests {
  // Line 1: "a😀b" — 😀 is 4 UTF-8 bytes and 2 UTF-16 units. Line 2: "é=1" — é is 2 bytes, 1 unit.
  let source = SourceText("x = 1\na😀b\né=1\r\nlast")

  @Test func convertsOffsetsInBothEncodings() {
    let b = 6 + 1 + 4  // the "b" after the emoji
    #expect(source.lspPosition(b, .utf16) == LSP.Position(line: 1, character: 3))
    #expect(source.lspPosition(b, .utf8) == LSP.Position(line: 1, character: 5))
    let afterAccent = 6 + 6 + 1 + 2
    #expect(source.lspPosition(afterAccent, .utf16) == LSP.Position(line: 2, character: 1))
    #expect(source.lspPosition(afterAccent, .utf8) == LSP.Position(line: 2, character: 2))
  }

  @Test func convertsPositionsBackWithoutClamping() {
    for offset in [0, 5, 6, 7, 11, 12, 13, 15, 16, 17, 19, 20, source.count] {
      for encoding in [LSP.PositionEncoding.utf16, .utf8] {
        let position = source.lspPosition(offset, encoding)
        let back = source.offset(of: position, encoding)
        #expect(back.offset == offset, "offset \(offset) in \(encoding)")
        #expect(!back.clamped)
      }
    }
  }

  @Test func clampsOutOfRangePositions() {
    let pastLine = source.offset(of: LSP.Position(line: 99, character: 0), .utf16)
    #expect(pastLine.offset == source.count && pastLine.clamped)
    let pastColumn = source.offset(of: LSP.Position(line: 0, character: 500), .utf16)
    #expect(pastColumn.offset == 5 && pastColumn.clamped)
    let negative = source.offset(of: LSP.Position(line: -3, character: -7), .utf8)
    #expect(negative.offset == 0 && negative.clamped)
    let crlfLine = source.offset(of: LSP.Position(line: 2, character: 40), .utf16)
    #expect(crlfLine.offset == 17 && crlfLine.clamped, "the column clamps before \\r\\n")
  }

  @Test func neverSplitsAScalar() {
    // UTF-16 column 2 is inside the surrogate pair of 😀; UTF-8 column 3 is inside its bytes.
    let inPair = source.offset(of: LSP.Position(line: 1, character: 2), .utf16)
    #expect(inPair.offset == 6 + 1 + 4 && inPair.clamped)
    let inBytes = source.offset(of: LSP.Position(line: 1, character: 3), .utf8)
    #expect(inBytes.offset == 6 + 1 && inBytes.clamped)
  }
}
