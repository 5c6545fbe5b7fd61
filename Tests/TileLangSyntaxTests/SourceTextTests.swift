// SourceText tests: line index and UTF-8/UTF-16/scalar columns with emoji, non-ASCII, CRLF and BOM.

import TileLangSyntax
import Testing

struct SourceTextTests {
  @Test func convertsColumnsWithEmojiAndNonASCII() {
    let s = SourceText("a = \"\u{E9}\u{1F600}\" + b\n")
    let bOffset = 15
    #expect(s.utf8Position(bOffset) == LineColumn(line: 0, column: 15))
    #expect(s.utf16Position(bOffset) == LineColumn(line: 0, column: 12))
    #expect(s.scalarPosition(bOffset) == LineColumn(line: 0, column: 11))
    #expect(s.offset(utf16: LineColumn(line: 0, column: 12)) == bOffset)
    #expect(s.offset(scalar: LineColumn(line: 0, column: 11)) == bOffset)
    #expect(s.text(TextRange(bOffset, bOffset + 1)) == "b")
  }

  @Test func alignsOffsetsInsideAScalar() {
    let s = SourceText("😀x")
    #expect(s.utf16Position(2) == LineColumn(line: 0, column: 0))
    #expect(s.utf16Position(4) == LineColumn(line: 0, column: 2))
  }

  @Test func splitsLinesOnCRLFAndLoneCR() {
    let s = SourceText("a\r\nb\rc\nd")
    #expect(s.lineCount == 4)
    #expect(s.lineStarts == [0, 3, 5, 7])
    #expect(s.text(s.lineRange(0)) == "a")
    #expect(s.utf8Position(5) == LineColumn(line: 2, column: 0))
  }

  @Test func countsTheBOMAsBytesOfTheFirstLine() {
    let s = SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("x = 1".utf8))
    #expect(s.utf8Position(3) == LineColumn(line: 0, column: 3))
    #expect(s.utf16Position(3) == LineColumn(line: 0, column: 1))
  }

  @Test func clampsOutOfRangePositions() {
    let s = SourceText("ab\ncd")
    #expect(s.offset(utf16: LineColumn(line: 9, column: 0)) == 5)
    #expect(s.offset(utf16: LineColumn(line: -1, column: 0)) == 0)
    #expect(s.offset(utf8: LineColumn(line: 0, column: 99)) == 2)
    #expect(s.utf16Position(99) == LineColumn(line: 1, column: 2))
  }
}
