// Parser rules for atoms: names, literals, parenthesised groups/tuples/generators, list/set/dict
// displays and comprehensions, plus the bracketed-list recovery shared by every bracketed rule.

extension Parser {
  mutating func parseAtom() -> Expr {
    let t = tok
    switch t.kind {
    case .name:
      advance()
      return Expr(.name(text(t)), t.range)
    case .int:
      advance()
      return Expr(parseIntLiteral(t), t.range)
    case .float:
      advance()
      return Expr(.float(Double(literalDigits(t)) ?? 0), t.range)
    case .imaginary:
      advance()
      return Expr(.imaginary(text(t)), t.range)
    case .string, .fstring:
      return parseStrings()
    case .kwTrue, .kwFalse:
      advance()
      return Expr(.bool(t.kind == .kwTrue), t.range)
    case .kwNone:
      advance()
      return Expr(.none, t.range)
    case .ellipsis:
      advance()
      return Expr(.ellipsis, t.range)
    case .lParen:
      return parseParenthesized()
    case .lBracket:
      return parseListDisplay()
    case .lBrace:
      return parseBraceDisplay()
    case .rParen, .rBracket, .rBrace:
      if openBrackets.isEmpty {
        errorAtCurrent(SyntaxErrors.unmatched(t.kind.spelling))
      } else {
        errorAtCurrent(SyntaxErrors.expectedExpression)
      }
      return errorHole()
    case .newline, .endOfFile, .indent, .dedent:
      errorAtCurrent(SyntaxErrors.invalidSyntax)
      return errorHole()
    default:
      errorAtCurrent(t.kind.isKeyword ? SyntaxErrors.invalidSyntax : SyntaxErrors.expectedExpression)
      return errorHole()
    }
  }

  // MARK: - Bracketed lists

  /// Parses `item (',' item)* [',']` up to (not including) `closer`, starting after an opening bracket
  /// or after a first item already parsed and its comma. On a bad item or a missing comma, reports and
  /// skips to the next `,` or closing bracket of this list.
  mutating func parseSequence<T>(closer: TokenKind, into items: inout [T], _ item: (inout Parser) -> T) {
    var progress = LoopProgress()
    while kind != closer, kind != .endOfFile, kind != .newline {
      guard progress.madeProgress(pos) else {
        advance()
        continue
      }
      items.append(item(&self))
      if eat(.comma) { continue }
      if kind == closer || kind == .newline || kind == .endOfFile { break }
      if kind == .rParen || kind == .rBracket || kind == .rBrace { break }
      errorAtCurrent(canStartExpression ? SyntaxErrors.forgotComma : SyntaxErrors.expected(closer.spelling))
      if !skipToListSeparator() { break }
    }
  }

  /// Skips tokens (balancing brackets) to the next `,` of the current list (consumed; returns true) or to
  /// a closing bracket, NEWLINE or end of file (not consumed; returns false).
  mutating func skipToListSeparator() -> Bool {
    var level = 0
    while kind != .endOfFile, kind != .newline {
      switch kind {
      case .lParen, .lBracket, .lBrace:
        level += 1
      case .rParen, .rBracket, .rBrace:
        if level == 0 { return false }
        level -= 1
      case .comma where level == 0:
        advance()
        return true
      default: break
      }
      advance()
    }
    return false
  }

  /// Consumes the closing bracket of a list opened at `openedAt`, reporting a mismatched or missing one.
  mutating func closeBracket(_ closer: TokenKind, openedAt open: Int) {
    if eat(closer) { return }
    switch kind {
    case .rParen, .rBracket, .rBrace:
      let opening = String(UnicodeScalar(bytes[max(0, min(open, bytes.count - 1))]))
      errorAtCurrent(SyntaxErrors.mismatched(kind.spelling, opening))
      advance()
    default:
      errorAtCurrent(SyntaxErrors.expected(closer.spelling))
    }
  }

  /// `star_named_expression`: `*bitwise_or` or a named expression (plus `as` inside patterns).
  mutating func parseStarNamedItem() -> Expr {
    if kind == .star {
      let start = tok.start
      advance()
      let value = parseBitwiseOr()
      return Expr(.starred(value), TextRange(start, lastEnd))
    }
    return maybePatternAs(parseNamedExpression())
  }

  // MARK: - Displays

  mutating func parseParenthesized() -> Expr {
    let start = tok.start
    openBrackets.append(start)
    defer { openBrackets.removeLast() }
    advance()
    if eat(.rParen) { return Expr(.tuple([]), TextRange(start, lastEnd)) }
    if kind == .kwYield {
      let y = parseYield()
      closeBracket(.rParen, openedAt: start)
      return y
    }
    let first = parseStarNamedItem()
    if isComprehensionStart {
      let clauses = parseComprehensionClauses()
      closeBracket(.rParen, openedAt: start)
      return Expr(.generator(first, clauses), TextRange(start, lastEnd))
    }
    if eat(.rParen) {
      if case .starred = first.kind, !inPattern { error(SyntaxErrors.starredAlone, at: first.range) }
      return first
    }
    var items = [first]
    if eat(.comma) {
      parseSequence(closer: .rParen, into: &items) { $0.parseStarNamedItem() }
    } else {
      errorAtCurrent(canStartExpression ? SyntaxErrors.forgotComma : SyntaxErrors.expected(")"))
      if skipToListSeparator() {
        parseSequence(closer: .rParen, into: &items) { $0.parseStarNamedItem() }
      }
    }
    closeBracket(.rParen, openedAt: start)
    return Expr(.tuple(items), TextRange(start, lastEnd))
  }

  mutating func parseListDisplay() -> Expr {
    let start = tok.start
    openBrackets.append(start)
    defer { openBrackets.removeLast() }
    advance()
    var items: [Expr] = []
    if kind != .rBracket {
      let first = parseStarNamedItem()
      if isComprehensionStart {
        let clauses = parseComprehensionClauses()
        closeBracket(.rBracket, openedAt: start)
        return Expr(.listComp(first, clauses), TextRange(start, lastEnd))
      }
      items.append(first)
      if eat(.comma) {
        parseSequence(closer: .rBracket, into: &items) { $0.parseStarNamedItem() }
      } else if kind != .rBracket {
        errorAtCurrent(canStartExpression ? SyntaxErrors.forgotComma : SyntaxErrors.expected("]"))
        if skipToListSeparator() {
          parseSequence(closer: .rBracket, into: &items) { $0.parseStarNamedItem() }
        }
      }
    }
    closeBracket(.rBracket, openedAt: start)
    return Expr(.list(items), TextRange(start, lastEnd))
  }

  mutating func parseBraceDisplay() -> Expr {
    let start = tok.start
    openBrackets.append(start)
    defer { openBrackets.removeLast() }
    advance()
    if eat(.rBrace) { return Expr(.dict([]), TextRange(start, lastEnd)) }
    if kind == .doubleStar {
      var items: [DictItem] = []
      parseSequence(closer: .rBrace, into: &items) { $0.parseDictItem() }
      closeBracket(.rBrace, openedAt: start)
      return Expr(.dict(items), TextRange(start, lastEnd))
    }
    let first = parseStarNamedItem()
    if eat(.colon) {
      let value = maybePatternAs(parseExpression())
      if isComprehensionStart {
        let clauses = parseComprehensionClauses()
        closeBracket(.rBrace, openedAt: start)
        return Expr(.dictComp(key: first, value: value, clauses), TextRange(start, lastEnd))
      }
      var items = [DictItem(key: first, value: value)]
      if eat(.comma) {
        parseSequence(closer: .rBrace, into: &items) { $0.parseDictItem() }
      } else if kind != .rBrace {
        errorAtCurrent(SyntaxErrors.expected("}"))
        if skipToListSeparator() { parseSequence(closer: .rBrace, into: &items) { $0.parseDictItem() } }
      }
      closeBracket(.rBrace, openedAt: start)
      return Expr(.dict(items), TextRange(start, lastEnd))
    }
    if isComprehensionStart {
      let clauses = parseComprehensionClauses()
      closeBracket(.rBrace, openedAt: start)
      return Expr(.setComp(first, clauses), TextRange(start, lastEnd))
    }
    var items = [first]
    if eat(.comma) {
      parseSequence(closer: .rBrace, into: &items) { $0.parseStarNamedItem() }
    } else if kind != .rBrace {
      errorAtCurrent(canStartExpression ? SyntaxErrors.forgotComma : SyntaxErrors.expected("}"))
      if skipToListSeparator() { parseSequence(closer: .rBrace, into: &items) { $0.parseStarNamedItem() } }
    }
    closeBracket(.rBrace, openedAt: start)
    return Expr(.set(items), TextRange(start, lastEnd))
  }

  mutating func parseDictItem() -> DictItem {
    if kind == .doubleStar {
      advance()
      return DictItem(key: nil, value: parseBitwiseOr())
    }
    let key = parseExpression()
    guard expect(.colon) else { return DictItem(key: key, value: errorHole()) }
    return DictItem(key: key, value: maybePatternAs(parseExpression()))
  }

  // MARK: - Comprehensions

  var isComprehensionStart: Bool { kind == .kwFor || (kind == .kwAsync && peek() == .kwFor) }

  mutating func parseComprehensionClauses() -> [Comprehension] {
    var clauses: [Comprehension] = []
    var progress = LoopProgress()
    while isComprehensionStart, progress.madeProgress(pos) {
      let isAsync = eat(.kwAsync)
      advance()
      let target = parseTargetList()
      validateTarget(target, deleting: false)
      var iter = errorHole()
      if expect(.kwIn) { iter = parseDisjunction() }
      var ifs: [Expr] = []
      while eat(.kwIf) { ifs.append(parseDisjunction()) }
      clauses.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
    }
    return clauses
  }

  /// `star_targets` of `for` loops and comprehensions: items at `bitwise_or` level so `in` ends them.
  mutating func parseTargetList() -> Expr {
    let start = tok.start
    let first = parseTargetItem()
    guard kind == .comma else { return first }
    var items = [first]
    var progress = LoopProgress()
    while kind == .comma, progress.madeProgress(pos) {
      advance()
      if kind == .kwIn || !canStartExpression { break }
      items.append(parseTargetItem())
    }
    return Expr(.tuple(items), TextRange(start, lastEnd))
  }

  mutating func parseTargetItem() -> Expr {
    if kind == .star {
      let start = tok.start
      advance()
      let value = parseBitwiseOr()
      return Expr(.starred(value), TextRange(start, lastEnd))
    }
    return parseBitwiseOr()
  }
}
