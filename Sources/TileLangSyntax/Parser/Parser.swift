// Parser: the token cursor of the recursive-descent Python parser, its error reporting (TL001/TL002),
// the depth limit and the loop-progress guard. Grammar rules live in the Parser+*.swift extensions.

/// An error-tolerant recursive-descent parser over the lexer's tokens. It never traps and never stops
/// early: errors become diagnostics and `.error` nodes, and parsing resumes at the next statement.
struct Parser {
  /// Nesting limit for expressions and blocks; deeper input yields one TL002.
  static let maxDepth = 200

  let source: SourceText
  let bytes: [UInt8]
  var tokens: [Token]
  var pos = 0
  var diagnostics: [Diagnostic] = []
  /// End offset of the last consumed non-layout token (node ranges end here).
  var lastEnd = 0
  var depth = 0
  var reportedTooDeep = false
  /// Set after TL002 until the end of the statement: the follow-on errors are noise.
  var suppressErrors = false
  /// Start offset of the last reported error; later reports must be strictly after it.
  var lastErrorOffset = -1
  /// Offsets of the brackets the parser is currently inside (for "'(' was never closed").
  var openBrackets: [Int] = []
  /// Parsing a `case` pattern: `x as y` is accepted inside elements.
  var inPattern = false
  /// Diagnostics from the lexer, merged at the end.
  var lexerDiagnostics: [Diagnostic] = []
  /// Checks the remaining thread stack once nesting gets deep (created lazily).
  var stackGuard: StackGuard?
  /// Set when the file is not text; parsing is skipped.
  var fileProblem: Diagnostic?

  /// Clean line starts the lexer found (see `Lexer.cleanStarts`).
  var cleanStarts: [Int] = []
  /// Whether the lexed text ended at a clean line start (see `Lexer.endsClean`).
  var endsClean = false
  /// Every call built so far that is in the tree (`ParsedFile.callSites`): a rule that drops what it parsed drops its
  /// calls too (`dropCalls(from:)`).
  var calls: [Expr] = []

  init(source: SourceText) {
    self.init(source: source, start: 0, end: source.bytes.count, validate: true)
  }

  /// A parser for the top-level statements in `start..<end`, which must begin at a clean line start (incremental
  /// parsing; the text is known to be valid UTF-8 when `validate` is false).
  init(source: SourceText, start: Int, end: Int, validate: Bool) {
    self.source = source
    self.bytes = source.bytes
    self.lastEnd = start
    if validate, let problem = UTF8Validation.firstProblem(source.bytes) {
      switch problem {
      case .invalid(let offset):
        fileProblem = Diagnostic(.TL003, SyntaxErrors.notUTF8(offset: offset), at: TextRange(offset, offset + 1))
      case .nul(let offset):
        fileProblem = Diagnostic(.TL003, SyntaxErrors.nulByte(offset: offset), at: TextRange(offset, offset + 1))
      }
      self.tokens = [Token(.endOfFile, 0, 0)]
      return
    }
    var lexer = Lexer(bytes: source.bytes, start: start, end: end)
    let result = lexer.run()
    self.tokens = result.tokens
    self.lexerDiagnostics = result.diagnostics
    self.cleanStarts = lexer.cleanStarts
    self.endsClean = lexer.endsClean
  }

  /// A parser for one f-string replacement field `range` of `source`.
  init(source: SourceText, fieldRange: TextRange, depth: Int) {
    self.source = source
    self.bytes = source.bytes
    var lexer = Lexer(bytes: source.bytes, start: fieldRange.start, end: fieldRange.end, isFieldMode: true)
    let result = lexer.run()
    self.tokens = result.tokens
    self.lexerDiagnostics = result.diagnostics
    self.depth = depth
    self.lastEnd = fieldRange.start
  }

  /// Parses the whole file. Files that are not UTF-8 text get one TL003 and an empty body: their
  /// bytes cannot be shown or edited meaningfully, so no syntax errors are reported on top.
  mutating func parseFile() -> ParsedFile {
    if let problem = fileProblem {
      return ParsedFile(source: source, body: [], diagnostics: [problem])
    }
    let body = parseStatementList(untilDedent: false)
    var all = lexerDiagnostics + diagnostics
    all.sort()
    return ParsedFile(
      source: source, body: body, diagnostics: all, cleanStarts: cleanStarts,
      callSites: CallSite.sites(of: calls, in: body))
  }

  /// Forgets the calls recorded from `offset` on: the rule that parsed them leaves them out of the tree. They are the
  /// last ones recorded (a call is recorded when it ends, and the calls enclosing them have not ended yet).
  mutating func dropCalls(from offset: Int) {
    while let last = calls.last, last.range.start >= offset { calls.removeLast() }
  }

  // MARK: - Cursor

  @inline(__always) var tok: Token { tokens[min(pos, tokens.count - 1)] }
  @inline(__always) var kind: TokenKind { tok.kind }

  @inline(__always) func peek(_ n: Int = 1) -> TokenKind {
    let i = pos + n
    return i < tokens.count ? tokens[i].kind : .endOfFile
  }

  @inline(__always) func token(at index: Int) -> Token { tokens[max(0, min(index, tokens.count - 1))] }

  @inline(__always) mutating func advance() {
    let t = tok
    guard t.kind != .endOfFile else { return }
    switch t.kind {
    case .newline, .indent, .dedent: break
    default: lastEnd = t.end
    }
    pos += 1
  }

  @inline(__always) mutating func eat(_ k: TokenKind) -> Bool {
    if kind == k {
      advance()
      return true
    }
    return false
  }

  /// Consumes `k` or reports `expected 'k'` at the current token.
  @discardableResult
  mutating func expect(_ k: TokenKind) -> Bool {
    if eat(k) { return true }
    errorAtCurrent(SyntaxErrors.expected(k.spelling))
    return false
  }

  /// The text of a token.
  func text(_ t: Token) -> String {
    let s = max(0, min(t.start, bytes.count))
    let e = max(s, min(t.end, bytes.count))
    return String(decoding: bytes[s..<e], as: UTF8.self)
  }

  /// True when the current token is the name `word` (soft keywords: match, case, type, _).
  func isSoftKeyword(_ word: StaticString, at index: Int? = nil) -> Bool {
    let t = token(at: index ?? pos)
    guard t.kind == .name, t.end - t.start == word.utf8CodeUnitCount, t.end <= bytes.count else { return false }
    let p = word.utf8Start
    for k in 0..<word.utf8CodeUnitCount where bytes[t.start + k] != p[k] { return false }
    return true
  }

  // MARK: - Errors

  /// Reports a TL001 at the current token, unless the lexer already reported it.
  mutating func errorAtCurrent(_ message: SyntaxErrorMessage) {
    let t = tok
    if t.isRecovery { return }
    if t.kind == .unknown {
      error(SyntaxErrors.invalidSyntax, at: t.range)
      return
    }
    error(message, at: t.range)
  }

  mutating func error(_ message: SyntaxErrorMessage, at range: TextRange) {
    if suppressErrors || range.start <= lastErrorOffset { return }
    lastErrorOffset = range.start
    diagnostics.append(Diagnostic(.TL001, message, at: range))
  }

  /// Skips to the end of the logical line (not consuming its NEWLINE).
  mutating func skipToLineEnd() {
    while kind != .newline, kind != .endOfFile { advance() }
  }

  // MARK: - Depth limit

  /// Enters one nesting level. Returns false (after reporting TL002 once and skipping the rest of the
  /// statement) when the limit is exceeded; the caller must still call `leave()`.
  mutating func enter() -> Bool {
    depth += 1
    #if DEBUG
      if depth <= 8 { return true }
    #else
      if depth <= 32 { return true }
    #endif
    if depth <= Parser.maxDepth {
      if stackGuard == nil { stackGuard = StackGuard() }
      if stackGuard?.isLow() != true { return true }
    }
    if !reportedTooDeep {
      reportedTooDeep = true
      diagnostics.append(Diagnostic(.TL002, SyntaxErrors.nestingTooDeep, at: tok.range))
    }
    suppressErrors = true
    skipToLineEnd()
    return false
  }

  @inline(__always) mutating func leave() { depth -= 1 }

  /// An error expression at the current position (zero width). It counts as consumed text, so the
  /// enclosing nodes' ranges contain it.
  mutating func errorHole() -> Expr {
    let at = max(tok.start, lastEnd)
    lastEnd = at
    return Expr(.error, TextRange(at, at))
  }
}

/// Guards a parsing loop: `check` returns false when the previous iteration consumed nothing, after
/// which the caller must advance or stop, so no input can hang the parser.
struct LoopProgress {
  private var last = -1
  mutating func madeProgress(_ pos: Int) -> Bool {
    defer { last = pos }
    return pos != last
  }
}
