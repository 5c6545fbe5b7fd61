// StringScanner: finds the end of a Python string literal (any prefix, single or triple quotes) and, for
// f-strings, the byte ranges of the replacement-field expressions, including nested fields and strings.

/// Scans one string literal over `bytes[..<end]`. Used by the lexer (to find the token's end) and by the
/// parser (to find the f-string fields it parses as expressions).
struct StringScanner {
  let bytes: [UInt8]
  let end: Int
  var pos = 0
  /// Set when the literal (or a literal nested in one of its fields) is not terminated.
  var failed = false
  /// Field expression ranges of the top-level literal, in source order (collected when asked).
  var fields: [TextRange] = []
  /// Offsets of single `}` characters in literal text (an error in Python).
  var strayBraces: [Int] = []

  static let maxNesting = 64

  init(bytes: [UInt8], end: Int) {
    self.bytes = bytes
    self.end = min(end, bytes.count)
  }

  @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < end ? bytes[i] : 0 }

  /// Scans the literal whose prefix starts at `prefixStart` and whose opening quote is at `quoteAt`.
  /// Leaves `pos` after the closing quote (or where scanning failed). Returns true for f-strings.
  mutating func scanLiteral(prefixStart: Int, quoteAt: Int, depth: Int, collect: Bool) -> Bool {
    var isF = false
    var isRaw = false
    var i = prefixStart
    while i < quoteAt {
      switch at(i) | 0x20 {
      case UInt8(ascii: "f"): isF = true
      case UInt8(ascii: "r"): isRaw = true
      default: break
      }
      i += 1
    }
    let quote = at(quoteAt)
    let triple = at(quoteAt + 1) == quote && at(quoteAt + 2) == quote
    pos = quoteAt + (triple ? 3 : 1)
    if depth > StringScanner.maxNesting {
      failed = true
      return isF
    }
    while !failed {
      guard pos < end else {
        failed = true
        return isF
      }
      let c = bytes[pos]
      if c == quote {
        if !triple {
          pos += 1
          return isF
        }
        if at(pos + 1) == quote, at(pos + 2) == quote {
          pos += 3
          return isF
        }
        pos += 1
      } else if c == UInt8(ascii: "\\") {
        skipEscape(isF: isF, isRaw: isRaw)
      } else if c == 0x0A || c == 0x0D {
        if !triple {
          failed = true
          return isF
        }
        pos += 1
      } else if isF, c == UInt8(ascii: "{") {
        if at(pos + 1) == UInt8(ascii: "{") {
          pos += 2
        } else {
          pos += 1
          scanField(quote: quote, triple: triple, depth: depth, collect: collect)
        }
      } else if isF, c == UInt8(ascii: "}") {
        if at(pos + 1) == UInt8(ascii: "}") {
          pos += 2
        } else {
          if collect { strayBraces.append(pos) }
          pos += 1
        }
      } else {
        pos += 1
      }
    }
    return isF
  }

  private mutating func skipEscape(isF: Bool, isRaw: Bool) {
    let n = at(pos + 1)
    if n == 0x0D, at(pos + 2) == 0x0A {
      pos += 3
    } else if isF, n == UInt8(ascii: "{") || n == UInt8(ascii: "}") {
      pos += 1
    } else if isF, !isRaw, n == UInt8(ascii: "N"), at(pos + 2) == UInt8(ascii: "{") {
      pos += 3
      while pos < end, bytes[pos] != UInt8(ascii: "}"), bytes[pos] != 0x0A { pos += 1 }
      if at(pos) == UInt8(ascii: "}") { pos += 1 }
    } else {
      pos = min(pos + 2, end)
    }
  }

  /// Scans a replacement field; `pos` is just after its `{`. Leaves `pos` after the closing `}`.
  private mutating func scanField(quote: UInt8, triple: Bool, depth: Int, collect: Bool) {
    let exprStart = pos
    var exprEnd = -1
    var nesting = 0
    while !failed {
      guard pos < end else {
        failed = true
        return
      }
      let c = bytes[pos]
      if nesting == 0 {
        if c == UInt8(ascii: "}") {
          if collect { fields.append(TextRange(exprStart, exprEnd >= 0 ? exprEnd : pos)) }
          pos += 1
          return
        }
        if c == UInt8(ascii: "!"), at(pos + 1) != UInt8(ascii: "=") {
          if exprEnd < 0 { exprEnd = pos }
          pos += 1
          while Lexer.isIdentifierContinue(at(pos)) { pos += 1 }
          continue
        }
        if c == UInt8(ascii: ":") {
          if exprEnd < 0 { exprEnd = pos }
          if collect { fields.append(TextRange(exprStart, exprEnd)) }
          pos += 1
          scanFormatSpec(quote: quote, triple: triple, depth: depth, collect: collect)
          return
        }
        if c == UInt8(ascii: "="), at(pos + 1) != UInt8(ascii: "="), !StringScanner.isComparisonLead(at(pos - 1)) {
          exprEnd = pos
          pos += 1
          continue
        }
      }
      switch c {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        nesting += 1
        pos += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        nesting = max(0, nesting - 1)
        pos += 1
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        _ = scanLiteral(prefixStart: pos, quoteAt: pos, depth: depth + 1, collect: false)
      case UInt8(ascii: "#"):
        while pos < end, bytes[pos] != 0x0A, bytes[pos] != 0x0D { pos += 1 }
      case 0x0A, 0x0D:
        if !triple {
          failed = true
          return
        }
        pos += 1
      default:
        if Lexer.isIdentifierStart(c), c < 0x80 {
          let wordStart = pos
          while Lexer.isIdentifierContinue(at(pos)) { pos += 1 }
          let q = at(pos)
          if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'"), pos - wordStart <= 2,
            Lexer.isStringPrefix(bytes, wordStart, pos)
          {
            _ = scanLiteral(prefixStart: wordStart, quoteAt: pos, depth: depth + 1, collect: false)
          }
        } else {
          pos += 1
        }
      }
    }
  }

  /// Scans a format spec after `:`; nested `{...}` fields are collected too. Leaves `pos` after the `}`.
  private mutating func scanFormatSpec(quote: UInt8, triple: Bool, depth: Int, collect: Bool) {
    while !failed {
      guard pos < end else {
        failed = true
        return
      }
      let c = bytes[pos]
      switch c {
      case UInt8(ascii: "}"):
        pos += 1
        return
      case UInt8(ascii: "{"):
        if at(pos + 1) == UInt8(ascii: "{") {
          pos += 2
        } else {
          pos += 1
          scanField(quote: quote, triple: triple, depth: depth + 1, collect: collect)
        }
      case quote:
        if !triple || (at(pos + 1) == quote && at(pos + 2) == quote) {
          failed = true
          return
        }
        pos += 1
      case 0x0A, 0x0D:
        if !triple {
          failed = true
          return
        }
        pos += 1
      case UInt8(ascii: "\\"):
        pos = min(pos + 2, end)
      default:
        pos += 1
      }
    }
  }

  static func isComparisonLead(_ c: UInt8) -> Bool {
    c == UInt8(ascii: "=") || c == UInt8(ascii: "!") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">")
  }
}
