// TokenKind: every kind of Python 3.12 token the lexer produces (names, literals, keywords, operators,
// layout tokens), plus keyword lookup over raw UTF-8 bytes.

/// The kind of one token. Keywords get their own kinds so the parser compares small integers.
enum TokenKind: UInt8, Sendable {
  // MARK: - Layout
  case newline, indent, dedent, endOfFile
  // MARK: - Atoms
  case name, int, float, imaginary, string, fstring
  /// A byte sequence that is no Python token (`$`, `?`, a stray `!`, a lone `\`).
  case unknown
  // MARK: - Keywords
  case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass, kwContinue
  case kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal, kwIf, kwImport
  case kwIn, kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry, kwWhile
  case kwWith, kwYield
  // MARK: - Brackets and punctuation
  case lParen, rParen, lBracket, rBracket, lBrace, rBrace
  case comma, colon, semicolon, dot, ellipsis, arrow, colonEqual, at, equal
  // MARK: - Operators
  case plus, minus, star, doubleStar, slash, doubleSlash, percent, atEqual
  case leftShift, rightShift, ampersand, pipe, caret, tilde
  case less, greater, lessEqual, greaterEqual, equalEqual, notEqual
  case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual
  case ampersandEqual, pipeEqual, caretEqual, leftShiftEqual, rightShiftEqual, doubleStarEqual

  var isKeyword: Bool { rawValue >= TokenKind.kwFalse.rawValue && rawValue <= TokenKind.kwYield.rawValue }

  /// The binary operator an augmented-assignment token stands for.
  var augmentedOperator: BinaryOp? {
    switch self {
    case .plusEqual: return .add
    case .minusEqual: return .sub
    case .starEqual: return .mul
    case .atEqual: return .matMul
    case .slashEqual: return .div
    case .doubleSlashEqual: return .floorDiv
    case .percentEqual: return .mod
    case .doubleStarEqual: return .pow
    case .leftShiftEqual: return .lShift
    case .rightShiftEqual: return .rShift
    case .pipeEqual: return .bitOr
    case .caretEqual: return .bitXor
    case .ampersandEqual: return .bitAnd
    default: return nil
    }
  }

  /// Source spelling, for messages (`expected ':'`).
  var spelling: String {
    switch self {
    case .newline: return "newline"
    case .indent: return "indent"
    case .dedent: return "dedent"
    case .endOfFile: return "end of file"
    case .name: return "name"
    case .int, .float, .imaginary: return "number"
    case .string, .fstring: return "string"
    case .unknown: return "character"
    case .lParen: return "("
    case .rParen: return ")"
    case .lBracket: return "["
    case .rBracket: return "]"
    case .lBrace: return "{"
    case .rBrace: return "}"
    case .comma: return ","
    case .colon: return ":"
    case .semicolon: return ";"
    case .dot: return "."
    case .ellipsis: return "..."
    case .arrow: return "->"
    case .colonEqual: return ":="
    case .at: return "@"
    case .equal: return "="
    case .kwAs: return "as"
    case .kwIn: return "in"
    case .kwImport: return "import"
    case .kwElse: return "else"
    default: return String(describing: self)
    }
  }

  /// Looks up a keyword spelled by `bytes[start..<end]` (ASCII letters only); nil for ordinary names.
  static func keyword(_ bytes: [UInt8], _ start: Int, _ end: Int) -> TokenKind? {
    let n = end - start
    guard n >= 2, n <= 8, start >= 0, end <= bytes.count else { return nil }
    @inline(__always) func eq(_ s: StaticString) -> Bool {
      guard s.utf8CodeUnitCount == n else { return false }
      let p = s.utf8Start
      for i in 0..<n where p[i] != bytes[start + i] { return false }
      return true
    }
    switch bytes[start] {
    case UInt8(ascii: "F"): return eq("False") ? .kwFalse : nil
    case UInt8(ascii: "N"): return eq("None") ? .kwNone : nil
    case UInt8(ascii: "T"): return eq("True") ? .kwTrue : nil
    case UInt8(ascii: "a"):
      if eq("and") { return .kwAnd }
      if eq("as") { return .kwAs }
      if eq("assert") { return .kwAssert }
      if eq("async") { return .kwAsync }
      if eq("await") { return .kwAwait }
      return nil
    case UInt8(ascii: "b"): return eq("break") ? .kwBreak : nil
    case UInt8(ascii: "c"):
      if eq("class") { return .kwClass }
      if eq("continue") { return .kwContinue }
      return nil
    case UInt8(ascii: "d"):
      if eq("def") { return .kwDef }
      if eq("del") { return .kwDel }
      return nil
    case UInt8(ascii: "e"):
      if eq("elif") { return .kwElif }
      if eq("else") { return .kwElse }
      if eq("except") { return .kwExcept }
      return nil
    case UInt8(ascii: "f"):
      if eq("finally") { return .kwFinally }
      if eq("for") { return .kwFor }
      if eq("from") { return .kwFrom }
      return nil
    case UInt8(ascii: "g"): return eq("global") ? .kwGlobal : nil
    case UInt8(ascii: "i"):
      if eq("if") { return .kwIf }
      if eq("import") { return .kwImport }
      if eq("in") { return .kwIn }
      if eq("is") { return .kwIs }
      return nil
    case UInt8(ascii: "l"): return eq("lambda") ? .kwLambda : nil
    case UInt8(ascii: "n"):
      if eq("nonlocal") { return .kwNonlocal }
      if eq("not") { return .kwNot }
      return nil
    case UInt8(ascii: "o"): return eq("or") ? .kwOr : nil
    case UInt8(ascii: "p"): return eq("pass") ? .kwPass : nil
    case UInt8(ascii: "r"):
      if eq("raise") { return .kwRaise }
      if eq("return") { return .kwReturn }
      return nil
    case UInt8(ascii: "t"): return eq("try") ? .kwTry : nil
    case UInt8(ascii: "w"):
      if eq("while") { return .kwWhile }
      if eq("with") { return .kwWith }
      return nil
    case UInt8(ascii: "y"): return eq("yield") ? .kwYield : nil
    default: return nil
    }
  }
}
