// Parser rules for `with` (including 3.9+ parenthesised with-item lists) and `match` (a soft keyword,
// recognised by speculative parsing), plus the snapshot/restore that speculation needs.

extension Parser {
  /// Everything speculation must undo.
  struct Snapshot {
    var pos: Int
    var lastEnd: Int
    var diagnosticCount: Int
    var lastErrorOffset: Int
    var openBrackets: [Int]
    var depth: Int
    var reportedTooDeep: Bool
    var suppressErrors: Bool
    var callCount: Int
  }

  func snapshot() -> Snapshot {
    Snapshot(
      pos: pos, lastEnd: lastEnd, diagnosticCount: diagnostics.count, lastErrorOffset: lastErrorOffset,
      openBrackets: openBrackets, depth: depth, reportedTooDeep: reportedTooDeep, suppressErrors: suppressErrors,
      callCount: calls.count)
  }

  mutating func restore(_ s: Snapshot) {
    pos = s.pos
    lastEnd = s.lastEnd
    if diagnostics.count > s.diagnosticCount { diagnostics.removeLast(diagnostics.count - s.diagnosticCount) }
    lastErrorOffset = s.lastErrorOffset
    openBrackets = s.openBrackets
    depth = s.depth
    reportedTooDeep = s.reportedTooDeep
    suppressErrors = s.suppressErrors
    if calls.count > s.callCount { calls.removeLast(calls.count - s.callCount) }
  }

  // MARK: - with

  mutating func parseWith(asyncStart: Int?) -> Stmt {
    let start = asyncStart ?? tok.start
    if kind == .kwWith { advance() } else { errorAtCurrent(SyntaxErrors.invalidSyntax) }
    var items: [WithItem] = []
    if kind == .lParen, let parenthesized = parseParenthesizedWithItems() {
      items = parenthesized
    } else {
      var progress = LoopProgress()
      while progress.madeProgress(pos) {
        items.append(parseWithItem())
        guard eat(.comma) else { break }
      }
    }
    let header = lastEnd
    expectHeaderColon()
    let body = parseBlock("'with' statement", headerStart: start)
    return Stmt(
      .with(items: items, body: body, isAsync: asyncStart != nil), TextRange(start, endOf(body, orHeader: header)))
  }

  /// `with (a as b, c):` — tried first, as CPython does; nil (nothing consumed) when the parentheses
  /// turn out to belong to an expression, e.g. `with (a, b) as c:` or `with (yield x):`.
  mutating func parseParenthesizedWithItems() -> [WithItem]? {
    let saved = snapshot()
    let open = tok.start
    openBrackets.append(open)
    advance()
    var items: [WithItem] = []
    var progress = LoopProgress()
    while kind != .rParen, progress.madeProgress(pos) {
      items.append(parseWithItem())
      guard eat(.comma) else { break }
    }
    openBrackets.removeLast()
    guard !items.isEmpty, eat(.rParen), kind == .colon, diagnostics.count == saved.diagnosticCount else {
      restore(saved)
      return nil
    }
    return items
  }

  mutating func parseWithItem() -> WithItem {
    let context = parseExpression()
    guard eat(.kwAs) else { return WithItem(context: context, target: nil) }
    let target = parseTargetItem()
    validateTarget(target, deleting: false)
    return WithItem(context: context, target: target)
  }

  // MARK: - match

  /// `match subject: NEWLINE INDENT case ...`. Returns nil (nothing consumed) when the statement is an
  /// ordinary one that starts with the name `match`.
  mutating func parseMatchStatement() -> Stmt? {
    switch peek() {
    case .equal, .dot, .newline, .endOfFile, .colon, .comma, .rParen, .semicolon: return nil
    default: break
    }
    if peek().augmentedOperator != nil { return nil }
    let saved = snapshot()
    let start = tok.start
    advance()
    let subject = parseStarExpressions(allowNamed: true)
    guard kind == .colon, peek() == .newline, peek(2) == .indent, isSoftKeyword("case", at: pos + 3),
      diagnostics.count == saved.diagnosticCount
    else {
      restore(saved)
      return nil
    }
    advance()
    advance()
    advance()
    var cases: [MatchCase] = []
    var progress = LoopProgress()
    while kind != .dedent, kind != .endOfFile {
      guard progress.madeProgress(pos) else {
        advance()
        continue
      }
      suppressErrors = false
      if isSoftKeyword("case") {
        cases.append(parseCase())
      } else if kind == .newline {
        advance()
      } else {
        errorAtCurrent(SyntaxErrors.expected("case"))
        let stray = parseStatement()
        cases.append(MatchCase(pattern: Expr(.error, TextRange(lastEnd, lastEnd)), guardExpr: nil, body: stray))
      }
    }
    _ = eat(.dedent)
    let end = cases.last?.body.last?.range.end ?? lastEnd
    return Stmt(.match(subject: subject, cases: cases), TextRange(start, max(end, start)))
  }

  mutating func parseCase() -> MatchCase {
    let start = tok.start
    advance()
    inPattern = true
    let patternStart = tok.start
    var pattern = parsePatternItem()
    if kind == .comma {
      var items = [pattern]
      var progress = LoopProgress()
      while kind == .comma, progress.madeProgress(pos) {
        advance()
        if !canStartExpression { break }
        items.append(parsePatternItem())
      }
      pattern = Expr(.tuple(items), TextRange(patternStart, lastEnd))
    }
    inPattern = false
    let guardExpr = eat(.kwIf) ? parseNamedExpression() : nil
    expectHeaderColon()
    let body = parseBlock("'case' statement", headerStart: start)
    return MatchCase(pattern: pattern, guardExpr: guardExpr, body: body)
  }

  private mutating func parsePatternItem() -> Expr {
    if kind == .star {
      let start = tok.start
      advance()
      let value = parseBitwiseOr()
      return Expr(.starred(value), TextRange(start, lastEnd))
    }
    return maybePatternAs(parseBitwiseOr())
  }
}
