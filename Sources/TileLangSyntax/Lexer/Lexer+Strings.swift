// Lexer helpers: string tokens, character classes, and the unclosed-bracket recovery that ends a logical
// line when the next line clearly starts a new statement.

extension Lexer {
  // MARK: - Strings

  /// Scans a string literal starting at `prefixStart` (quote at `quoteAt`); moves `pos` past it.
  /// Returns true for f-strings. Unterminated literals end at the end of their line (single quotes) or
  /// of the file (triple quotes) and are reported.
  mutating func scanStringLiteral(prefixStart: Int, quoteAt: Int, depth: Int) -> Bool {
    var scanner = StringScanner(bytes: bytes, end: end)
    let isF = scanner.scanLiteral(prefixStart: prefixStart, quoteAt: quoteAt, depth: depth, collect: true)
    pos = max(scanner.pos, quoteAt + 1)
    for brace in scanner.strayBraces {
      report(SyntaxErrors.singleClosingBrace, TextRange(brace, brace + 1))
    }
    if scanner.failed {
      let q = at(quoteAt)
      let triple = at(quoteAt + 1) == q && at(quoteAt + 2) == q
      let line = lineNumber(min(pos, end))
      let message =
        triple ? SyntaxErrors.unterminatedTripleQuoted(line: line) : SyntaxErrors.unterminatedString(line: line)
      report(message, TextRange(prefixStart, quoteAt + 1))
      if !triple {
        while pos < end, bytes[pos] != 0x0A, bytes[pos] != 0x0D { pos += 1 }
      }
    }
    return isF
  }

  /// Decodes the scalar of `length` bytes at `offset`, or nil when it is not valid UTF-8.
  func decodeScalar(at offset: Int, length: Int) -> Unicode.Scalar? {
    guard length >= 2, length <= 4, offset + length <= end else { return nil }
    var value = UInt32(bytes[offset]) & (0xFF >> UInt32(length + 1))
    for k in 1..<length { value = (value << 6) | (UInt32(bytes[offset + k]) & 0x3F) }
    return Unicode.Scalar(value)
  }

  // MARK: - Character classes

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

  @inline(__always) static func isIdentifierStart(_ c: UInt8) -> Bool {
    (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c >= 0x80
  }

  @inline(__always) static func isIdentifierContinue(_ c: UInt8) -> Bool {
    (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || isDigit(c)
  }

  /// Non-ASCII scalars allowed in names. Python uses XID_Start/XID_Continue; we accept every scalar
  /// except common punctuation, symbols and spaces, which is what real mistakes contain.
  static func isIdentifierScalar(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    switch v {
    case 0x80...0xBF: return v == 0xAA || v == 0xB5 || v == 0xBA || v == 0xB7
    case 0xD7, 0xF7: return false
    case 0x2000...0x206F, 0x2190...0x23FF, 0x2500...0x27BF, 0x3000...0x3003, 0xFEFF: return false
    case 0x1F000...0x1FAFF: return false
    default: return true
    }
  }

  /// True when `bytes[start..<end]` is a valid string prefix (r, u, b, f, br, rb, fr, rf; any case).
  static func isStringPrefix(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
    guard start >= 0, end <= bytes.count else { return false }
    let n = end - start
    if n == 1 {
      let c = bytes[start] | 0x20
      return c == UInt8(ascii: "r") || c == UInt8(ascii: "u") || c == UInt8(ascii: "b") || c == UInt8(ascii: "f")
    }
    if n == 2 {
      let a = bytes[start] | 0x20
      let b = bytes[start + 1] | 0x20
      let r = UInt8(ascii: "r")
      return (a == r && (b == UInt8(ascii: "b") || b == UInt8(ascii: "f")))
        || (b == r && (a == UInt8(ascii: "b") || a == UInt8(ascii: "f")))
    }
    return false
  }

  // MARK: - Unclosed-bracket recovery

  /// At a newline inside brackets: true when the next non-blank line is indented no deeper than the
  /// line that opened the outermost bracket and starts a statement keyword, or an atom right after an
  /// atom (never valid Python). Then the brackets are reported as never closed.
  func shouldCloseBrackets() -> Bool {
    guard let outer = brackets.first else { return false }
    var i = pos
    var col = 0
    while true {
      col = 0
      while i < end {
        let c = bytes[i]
        if c == 0x20 {
          col += 1
        } else if c == 0x09 {
          col = (col / 8 + 1) * 8
        } else if c == 0x0C {
          col = 0
        } else {
          break
        }
        i += 1
      }
      guard i < end else { return false }
      let c = bytes[i]
      if c == UInt8(ascii: "#") {
        while i < end, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
      }
      if i < end, bytes[i] == 0x0A || bytes[i] == 0x0D {
        i += 1
        continue
      }
      break
    }
    guard col <= outer.lineIndent else { return false }
    let first = at(i)
    guard let prev = tokens.last else { return false }
    let prevIsAtom: Bool
    switch prev.kind {
    case .name, .int, .float, .imaginary, .rParen, .rBracket, .rBrace, .kwTrue, .kwFalse, .kwNone, .string, .fstring,
      .kwPass, .kwBreak, .kwContinue:
      prevIsAtom = true
    default: prevIsAtom = false
    }
    let prevIsString = prev.kind == .string || prev.kind == .fstring
    if Lexer.isDigit(first) { return prevIsAtom }
    if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") { return prevIsAtom && !prevIsString }
    guard first < 0x80, Lexer.isIdentifierStart(first) else { return false }
    var j = i
    while Lexer.isIdentifierContinue(at(j)) { j += 1 }
    if at(j) == UInt8(ascii: "\"") || at(j) == UInt8(ascii: "'"), Lexer.isStringPrefix(bytes, i, j) {
      return prevIsAtom && !prevIsString
    }
    guard let keyword = TokenKind.keyword(bytes, i, j) else { return prevIsAtom }
    switch keyword {
    case .kwDef, .kwClass, .kwReturn, .kwImport, .kwFrom, .kwRaise, .kwTry, .kwExcept, .kwFinally, .kwWhile,
      .kwWith, .kwElif, .kwPass, .kwBreak, .kwContinue, .kwGlobal, .kwNonlocal, .kwAssert, .kwDel:
      return true
    default:
      return false
    }
  }
}
