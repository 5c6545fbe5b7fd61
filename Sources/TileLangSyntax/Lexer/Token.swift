// Token: one lexed token (kind + UTF-8 byte range) and the flags the parser needs for recovery.

/// One token. `start..<end` are UTF-8 byte offsets into the source; layout tokens (NEWLINE, INDENT,
/// DEDENT, end of file) may be empty.
struct Token: Sendable {
  var kind: TokenKind
  /// Set on a NEWLINE the lexer inserted to close brackets that were never closed; the parser does not
  /// report errors at such tokens because the lexer already did.
  var isRecovery: Bool
  var start: Int
  var end: Int

  init(_ kind: TokenKind, _ start: Int, _ end: Int, isRecovery: Bool = false) {
    self.kind = kind
    self.isRecovery = isRecovery
    self.start = start
    self.end = end
  }

  var range: TextRange { TextRange(start, end) }
}
