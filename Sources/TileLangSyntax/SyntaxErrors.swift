// SyntaxErrors: every message the lexer and parser report (TL001/TL002/TL003), each with a stable id so
// tests, docs and tools can refer to a message independent of its wording.

/// One parser message: a stable kebab-case id plus the human-readable text (modelled on CPython's wording).
struct SyntaxErrorMessage: Sendable, Hashable {
  let id: String
  let text: String
}

enum SyntaxErrors {
  // MARK: - Generic
  static let invalidSyntax = SyntaxErrorMessage(id: "invalid-syntax", text: "invalid syntax")
  static let expectedExpression = SyntaxErrorMessage(id: "expected-expression", text: "expected expression")
  static let forgotComma = SyntaxErrorMessage(
    id: "missing-comma", text: "invalid syntax. Perhaps you forgot a comma?")
  static func expected(_ what: String) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "expected-token", text: "expected '\(what)'")
  }
  static func expectedName(after what: String) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "expected-name", text: "expected a name after '\(what)'")
  }
  static let expectedStatementEnd = SyntaxErrorMessage(
    id: "expected-statement-end", text: "invalid syntax: expected end of statement")
  static let expectedExcept = SyntaxErrorMessage(
    id: "expected-except", text: "expected 'except' or 'finally' block")
  static let importStarParenthesized = SyntaxErrorMessage(
    id: "import-star-parenthesized", text: "cannot use '*' in a parenthesised import list")

  // MARK: - Brackets
  static func neverClosed(_ bracket: String) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "bracket-never-closed", text: "'\(bracket)' was never closed")
  }
  static func unmatched(_ bracket: String) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "bracket-unmatched", text: "unmatched '\(bracket)'")
  }
  static func mismatched(_ closing: String, _ opening: String) -> SyntaxErrorMessage {
    SyntaxErrorMessage(
      id: "bracket-mismatched",
      text: "closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'")
  }

  // MARK: - Indentation
  static let unexpectedIndent = SyntaxErrorMessage(id: "unexpected-indent", text: "unexpected indent")
  static let unindentMismatch = SyntaxErrorMessage(
    id: "unindent-mismatch", text: "unindent does not match any outer indentation level")
  static let inconsistentTabs = SyntaxErrorMessage(
    id: "inconsistent-tabs", text: "inconsistent use of tabs and spaces in indentation")
  static func expectedIndentedBlock(after what: String, line: Int) -> SyntaxErrorMessage {
    SyntaxErrorMessage(
      id: "expected-indented-block", text: "expected an indented block after \(what) on line \(line)")
  }

  // MARK: - Tokens
  static func unterminatedString(line: Int) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "unterminated-string", text: "unterminated string literal (detected at line \(line))")
  }
  static func unterminatedTripleQuoted(line: Int) -> SyntaxErrorMessage {
    SyntaxErrorMessage(
      id: "unterminated-triple-quoted-string",
      text: "unterminated triple-quoted string literal (detected at line \(line))")
  }
  static let singleClosingBrace = SyntaxErrorMessage(
    id: "fstring-single-brace", text: "f-string: single '}' is not allowed")
  static let emptyFStringField = SyntaxErrorMessage(
    id: "fstring-empty-expression", text: "f-string: valid expression required before '}'")
  static func invalidCharacter(_ scalar: Unicode.Scalar) -> SyntaxErrorMessage {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    return SyntaxErrorMessage(id: "invalid-character", text: "invalid character '\(scalar)' (U+\(padded))")
  }
  static let continuationCharacter = SyntaxErrorMessage(
    id: "line-continuation", text: "unexpected character after line continuation character")
  static let eofAfterContinuation = SyntaxErrorMessage(
    id: "eof-after-continuation", text: "unexpected EOF while parsing")
  static let invalidNumber = SyntaxErrorMessage(id: "invalid-number", text: "invalid number literal")

  // MARK: - Semantic shape
  static func cannotAssign(_ what: String) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "invalid-target", text: "cannot assign to \(what)")
  }
  static func cannotDelete(_ what: String) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "invalid-delete-target", text: "cannot delete \(what)")
  }
  static let positionalAfterKeyword = SyntaxErrorMessage(
    id: "positional-after-keyword", text: "positional argument follows keyword argument")
  static let positionalAfterKeywordUnpacking = SyntaxErrorMessage(
    id: "positional-after-keyword-unpacking",
    text: "positional argument follows keyword argument unpacking")
  static let defaultOrder = SyntaxErrorMessage(
    id: "parameter-default-order", text: "non-default argument follows default argument")
  static let duplicateStar = SyntaxErrorMessage(id: "parameter-star-order", text: "invalid parameter list")
  static let starredAlone = SyntaxErrorMessage(
    id: "starred-alone", text: "can't use starred expression here")
  static let generatorNotSole = SyntaxErrorMessage(
    id: "generator-not-parenthesized", text: "Generator expression must be parenthesized")
  static let annotatedTupleTarget = SyntaxErrorMessage(
    id: "annotated-tuple-target", text: "only single target (not tuple) can be annotated")

  // MARK: - Limits and file
  static let nestingTooDeep = SyntaxErrorMessage(
    id: "nesting-too-deep", text: "too many nested parentheses, blocks or operators (limit \(Parser.maxDepth))")
  static func notUTF8(offset: Int) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "file-not-utf8", text: "file is not UTF-8 text (invalid byte at offset \(offset))")
  }
  static func nulByte(offset: Int) -> SyntaxErrorMessage {
    SyntaxErrorMessage(id: "file-has-nul", text: "file is not UTF-8 text (NUL byte at offset \(offset))")
  }
}

extension Diagnostic {
  init(_ code: DiagnosticCode, _ message: SyntaxErrorMessage, at range: TextRange) {
    self.init(code, message.text, at: range)
  }
}

extension SyntaxErrors {
  static let mixedBytes = SyntaxErrorMessage(id: "mixed-bytes", text: "cannot mix bytes and nonbytes literals")
  static let leadingZeros = SyntaxErrorMessage(
    id: "leading-zeros",
    text: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
}
