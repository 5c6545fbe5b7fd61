// Byte offsets/ranges <-> LSP positions in the negotiated encoding (UTF-16 by default, UTF-8 when agreed).
// Incoming positions are clamped to the document, and the caller learns whether clamping happened.

import TileLangSyntax

extension SourceText {
  func lspPosition(_ offset: Int, _ encoding: LSP.PositionEncoding) -> LSP.Position {
    let p = encoding == .utf16 ? utf16Position(offset) : utf8Position(offset)
    return LSP.Position(line: p.line, character: p.column)
  }

  func lspRange(_ range: TextRange, _ encoding: LSP.PositionEncoding) -> LSP.Range {
    LSP.Range(start: lspPosition(range.start, encoding), end: lspPosition(range.end, encoding))
  }

  /// The byte offset of `position`, clamped into the document; `clamped` tells whether it was outside
  /// (a line past the end, a column past the line's end, negative values, or inside a surrogate pair).
  func offset(of position: LSP.Position, _ encoding: LSP.PositionEncoding) -> (offset: Int, clamped: Bool) {
    let pos = LineColumn(line: position.line, column: position.character)
    let offset = encoding == .utf16 ? self.offset(utf16: pos) : self.offset(utf8: pos)
    return (offset, lspPosition(offset, encoding) != position)
  }

  func textRange(of range: LSP.Range, _ encoding: LSP.PositionEncoding) -> (range: TextRange, clamped: Bool) {
    let s = offset(of: range.start, encoding)
    let e = offset(of: range.end, encoding)
    return (TextRange(min(s.offset, e.offset), max(s.offset, e.offset)), s.clamped || e.clamped)
  }
}
