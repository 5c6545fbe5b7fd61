// Lexer: turns the UTF-8 bytes of a Python file (or of one f-string replacement field) into tokens,
// including NEWLINE/INDENT/DEDENT layout tokens and the lexical TL001 diagnostics.

/// A single-pass byte lexer. Every byte access goes through `at(_:)`, which returns 0 past the end, so
/// no input can make it index out of range.
struct Lexer {
  let bytes: [UInt8]
  let end: Int
  /// Lexing one f-string replacement field: no layout tokens, newlines are whitespace.
  let isFieldMode: Bool
  var pos: Int
  var tokens: [Token] = []
  var diagnostics: [Diagnostic] = []
  var indentation = Indentation()
  /// Open brackets: the bracket byte, its offset, and the indentation column of its logical line.
  var brackets: [(byte: UInt8, offset: Int, lineIndent: Int)] = []
  var atLineStart = true
  /// Indentation column of the current logical line.
  var lineIndent = 0
  /// Lazily built line index for messages that name a line.
  var lineIndex: SourceText?
  /// Offsets where a logical line starts at column 0 outside brackets: the lexer's state there is the same as at
  /// the start of a file, so lexing may resume there (incremental parsing).
  var cleanStarts: [Int] = []
  /// End offset and cleanliness (no brackets open) of the last physical newline.
  var lastNewline = (end: -1, clean: false)

  init(bytes: [UInt8], start: Int = 0, end: Int? = nil, isFieldMode: Bool = false) {
    self.bytes = bytes
    self.end = min(end ?? bytes.count, bytes.count)
    self.pos = max(0, start)
    self.isFieldMode = isFieldMode
    self.atLineStart = !isFieldMode
    if !isFieldMode, self.end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, pos == 0 {
      pos = 3
    }
  }

  @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < end ? bytes[i] : 0 }

  /// Lexes everything; the last token is always `.endOfFile`.
  mutating func run() -> (tokens: [Token], diagnostics: [Diagnostic]) {
    tokens.reserveCapacity(max(16, (end - pos) / 4))
    while true {
      if atLineStart {
        atLineStart = false
        if !handleLineStart() { continue }
      }
      skipSpaces()
      guard pos < end else { break }
      let c = bytes[pos]
      switch c {
      case UInt8(ascii: "#"):
        while pos < end, bytes[pos] != 0x0A, bytes[pos] != 0x0D { pos += 1 }
      case 0x0A, 0x0D:
        lexNewline()
      case UInt8(ascii: "\\"):
        lexBackslash()
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        lexNumber()
      case UInt8(ascii: "."):
        if Lexer.isDigit(at(pos + 1)) { lexNumber() } else { lexOperator() }
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        let start = pos
        let isF = scanStringLiteral(prefixStart: start, quoteAt: pos, depth: 0)
        tokens.append(Token(isF ? .fstring : .string, start, pos))
      default:
        if Lexer.isIdentifierStart(c) {
          lexNameOrPrefixedString()
        } else {
          lexOperator()
        }
      }
    }
    endsClean = pos >= end && lastNewline.end == end && lastNewline.clean
    finish()
    return (tokens, diagnostics)
  }

  /// After `run()`: the text ended right after a newline outside brackets, so lexing the text after `end` as well
  /// would have continued from a clean line start.
  private(set) var endsClean = false

  // MARK: - Lines and layout

  /// Handles indentation at the start of a physical line. Returns false when the line is blank or a
  /// comment (then the rest of the line is consumed by the main loop without layout tokens).
  mutating func handleLineStart() -> Bool {
    if isFieldMode || !brackets.isEmpty { return true }
    var col = 0
    var alt = 0
    var i = pos
    scan: while i < end {
      switch bytes[i] {
      case UInt8(ascii: " "): col += 1; alt += 1
      case UInt8(ascii: "\t"): col = (col / 8 + 1) * 8; alt += 1
      case 0x0C: col = 0; alt = 0
      default: break scan
      }
      i += 1
    }
    pos = i
    let c = at(i)
    if i >= end || c == UInt8(ascii: "#") || c == 0x0A || c == 0x0D { return true }
    if c == UInt8(ascii: "\\"), at(i + 1) == 0x0A || at(i + 1) == 0x0D { return true }
    lineIndent = col
    if col == 0, alt == 0 { cleanStarts.append(i) }
    let result = indentation.change(column: col, altColumn: alt)
    if result.inconsistent {
      report(SyntaxErrors.inconsistentTabs, TextRange(i, i))
    }
    if result.mismatch {
      report(SyntaxErrors.unindentMismatch, TextRange(i, i))
    }
    for _ in 0..<result.dedents { tokens.append(Token(.dedent, i, i)) }
    if result.indent { tokens.append(Token(.indent, i, i)) }
    return true
  }

  mutating func lexNewline() {
    let start = pos
    pos += (bytes[pos] == 0x0D && at(pos + 1) == 0x0A) ? 2 : 1
    if isFieldMode { return }
    lastNewline = (pos, brackets.isEmpty)
    if brackets.isEmpty {
      if let last = tokens.last, last.kind != .newline, last.kind != .indent, last.kind != .dedent {
        tokens.append(Token(.newline, start, pos))
      }
      atLineStart = true
    } else if shouldCloseBrackets() {
      closeBrackets(at: start, newlineEnd: pos)
      atLineStart = true
    }
  }

  mutating func lexBackslash() {
    let n = at(pos + 1)
    if n == 0x0A || n == 0x0D {
      pos += (n == 0x0D && at(pos + 2) == 0x0A) ? 3 : 2
      if pos >= end, !isFieldMode {
        report(SyntaxErrors.eofAfterContinuation, TextRange(pos, pos))
      }
      return
    }
    report(SyntaxErrors.continuationCharacter, TextRange(pos, pos + 1))
    tokens.append(Token(.unknown, pos, pos + 1, isRecovery: true))
    pos += 1
  }

  mutating func finish() {
    let eof = end
    if !brackets.isEmpty, !isFieldMode {
      closeBrackets(at: eof, newlineEnd: eof)
    } else if !isFieldMode, let last = tokens.last, last.kind != .newline, last.kind != .indent,
      last.kind != .dedent
    {
      tokens.append(Token(.newline, eof, eof))
    }
    if !isFieldMode {
      for _ in 0..<indentation.closeAll() { tokens.append(Token(.dedent, eof, eof)) }
    }
    tokens.append(Token(.endOfFile, eof, eof))
  }

  /// Reports the innermost unclosed bracket and ends the logical line with a recovery NEWLINE.
  mutating func closeBrackets(at offset: Int, newlineEnd: Int) {
    if let open = brackets.last {
      let spelling = String(UnicodeScalar(open.byte))
      report(SyntaxErrors.neverClosed(spelling), TextRange(open.offset, open.offset + 1))
    }
    brackets.removeAll()
    if let last = tokens.last, last.kind != .newline, last.kind != .indent, last.kind != .dedent {
      tokens.append(Token(.newline, offset, newlineEnd, isRecovery: true))
    }
  }

  mutating func skipSpaces() {
    while pos < end {
      let c = bytes[pos]
      if c == 0x20 || c == 0x09 || c == 0x0C {
        pos += 1
      } else if isFieldMode, c == 0x0A || c == 0x0D {
        pos += 1
      } else {
        return
      }
    }
  }

  // MARK: - Names and numbers

  mutating func lexNameOrPrefixedString() {
    let start = pos
    var invalid: Unicode.Scalar?
    while pos < end {
      let c = bytes[pos]
      if c < 0x80 {
        guard Lexer.isIdentifierContinue(c) else { break }
        pos += 1
      } else {
        let len = SourceText.scalarLength(c)
        if let scalar = decodeScalar(at: pos, length: len), !Lexer.isIdentifierScalar(scalar) {
          if pos == start { invalid = scalar; pos += len }
          break
        }
        pos = min(pos + len, end)
      }
    }
    if let scalar = invalid {
      report(SyntaxErrors.invalidCharacter(scalar), TextRange(start, pos))
      tokens.append(Token(.unknown, start, pos, isRecovery: true))
      return
    }
    let q = at(pos)
    if (q == UInt8(ascii: "\"") || q == UInt8(ascii: "'")), pos - start <= 2, Lexer.isStringPrefix(bytes, start, pos) {
      let isF = scanStringLiteral(prefixStart: start, quoteAt: pos, depth: 0)
      tokens.append(Token(isF ? .fstring : .string, start, pos))
      return
    }
    let kind = TokenKind.keyword(bytes, start, pos) ?? .name
    tokens.append(Token(kind, start, pos))
  }

  mutating func lexNumber() {
    let start = pos
    var kind = TokenKind.int
    let c1 = at(pos + 1) | 0x20
    if at(pos) == UInt8(ascii: "0"), c1 == UInt8(ascii: "x") || c1 == UInt8(ascii: "o") || c1 == UInt8(ascii: "b") {
      pos += 2
      while Lexer.isIdentifierContinue(at(pos)) { pos += 1 }
      tokens.append(Token(.int, start, pos))
      return
    }
    while Lexer.isDigit(at(pos)) || at(pos) == UInt8(ascii: "_") { pos += 1 }
    if at(pos) == UInt8(ascii: ".") {
      kind = .float
      pos += 1
      while Lexer.isDigit(at(pos)) || at(pos) == UInt8(ascii: "_") { pos += 1 }
    }
    let e = at(pos) | 0x20
    if e == UInt8(ascii: "e") {
      var i = pos + 1
      if at(i) == UInt8(ascii: "+") || at(i) == UInt8(ascii: "-") { i += 1 }
      if Lexer.isDigit(at(i)) {
        kind = .float
        pos = i
        while Lexer.isDigit(at(pos)) || at(pos) == UInt8(ascii: "_") { pos += 1 }
      }
    }
    if at(pos) | 0x20 == UInt8(ascii: "j") {
      kind = .imaginary
      pos += 1
    }
    tokens.append(Token(kind, start, pos))
  }

  // MARK: - Operators

  mutating func lexOperator() {
    let start = pos
    let c = bytes[pos]
    let n = at(pos + 1)
    let n2 = at(pos + 2)
    let eq = UInt8(ascii: "=")
    var kind: TokenKind
    var len = 1
    switch c {
    case UInt8(ascii: "("): kind = .lParen
    case UInt8(ascii: "["): kind = .lBracket
    case UInt8(ascii: "{"): kind = .lBrace
    case UInt8(ascii: ")"): kind = .rParen
    case UInt8(ascii: "]"): kind = .rBracket
    case UInt8(ascii: "}"): kind = .rBrace
    case UInt8(ascii: ","): kind = .comma
    case UInt8(ascii: ";"): kind = .semicolon
    case UInt8(ascii: "~"): kind = .tilde
    case UInt8(ascii: ":"): (kind, len) = n == eq ? (.colonEqual, 2) : (.colon, 1)
    case UInt8(ascii: "."):
      (kind, len) = (n == UInt8(ascii: ".") && n2 == UInt8(ascii: ".")) ? (.ellipsis, 3) : (.dot, 1)
    case UInt8(ascii: "@"): (kind, len) = n == eq ? (.atEqual, 2) : (.at, 1)
    case UInt8(ascii: "="): (kind, len) = n == eq ? (.equalEqual, 2) : (.equal, 1)
    case UInt8(ascii: "!"): (kind, len) = n == eq ? (.notEqual, 2) : (.unknown, 1)
    case UInt8(ascii: "+"): (kind, len) = n == eq ? (.plusEqual, 2) : (.plus, 1)
    case UInt8(ascii: "-"):
      if n == eq {
        (kind, len) = (.minusEqual, 2)
      } else if n == UInt8(ascii: ">") {
        (kind, len) = (.arrow, 2)
      } else {
        kind = .minus
      }
    case UInt8(ascii: "%"): (kind, len) = n == eq ? (.percentEqual, 2) : (.percent, 1)
    case UInt8(ascii: "&"): (kind, len) = n == eq ? (.ampersandEqual, 2) : (.ampersand, 1)
    case UInt8(ascii: "|"): (kind, len) = n == eq ? (.pipeEqual, 2) : (.pipe, 1)
    case UInt8(ascii: "^"): (kind, len) = n == eq ? (.caretEqual, 2) : (.caret, 1)
    case UInt8(ascii: "*"):
      if n == UInt8(ascii: "*") {
        (kind, len) = n2 == eq ? (.doubleStarEqual, 3) : (.doubleStar, 2)
      } else {
        (kind, len) = n == eq ? (.starEqual, 2) : (.star, 1)
      }
    case UInt8(ascii: "/"):
      if n == UInt8(ascii: "/") {
        (kind, len) = n2 == eq ? (.doubleSlashEqual, 3) : (.doubleSlash, 2)
      } else {
        (kind, len) = n == eq ? (.slashEqual, 2) : (.slash, 1)
      }
    case UInt8(ascii: "<"):
      if n == UInt8(ascii: "<") {
        (kind, len) = n2 == eq ? (.leftShiftEqual, 3) : (.leftShift, 2)
      } else if n == eq {
        (kind, len) = (.lessEqual, 2)
      } else if n == UInt8(ascii: ">") {
        (kind, len) = (.unknown, 2)
      } else {
        kind = .less
      }
    case UInt8(ascii: ">"):
      if n == UInt8(ascii: ">") {
        (kind, len) = n2 == eq ? (.rightShiftEqual, 3) : (.rightShift, 2)
      } else {
        (kind, len) = n == eq ? (.greaterEqual, 2) : (.greater, 1)
      }
    default:
      kind = .unknown
      len = c < 0x80 ? 1 : SourceText.scalarLength(c)
    }
    pos = min(pos + len, end)
    switch kind {
    case .lParen, .lBracket, .lBrace:
      brackets.append((c, start, lineIndent))
    case .rParen, .rBracket, .rBrace:
      if !brackets.isEmpty { brackets.removeLast() }
    default: break
    }
    tokens.append(Token(kind, start, pos))
  }

  // MARK: - Diagnostics

  mutating func report(_ message: SyntaxErrorMessage, _ range: TextRange) {
    diagnostics.append(Diagnostic(.TL001, message, at: range))
  }

  /// 1-based line number of `offset`, for messages.
  mutating func lineNumber(_ offset: Int) -> Int {
    if lineIndex == nil { lineIndex = SourceText(bytes: bytes) }
    return (lineIndex?.line(of: offset) ?? 0) + 1
  }
}
