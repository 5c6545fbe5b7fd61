// Parser rules for call arguments, subscripts/slices, parameter lists (def and lambda) and lambdas.

extension Parser {
  // MARK: - Calls

  /// Parses `( arguments )` at the current `(`. A sole generator argument spans the call's parentheses.
  mutating func parseCallArguments() -> (arguments: [Argument], closed: Bool) {
    let open = tok.start
    openBrackets.append(open)
    defer { openBrackets.removeLast() }
    advance()
    var args: [Argument] = []
    var sawKeyword = false
    var sawDoubleStar = false
    var soleGenerator = false
    var index = 0
    parseSequence(closer: .rParen, into: &args) { p in
      let start = p.tok.start
      index += 1
      switch p.kind {
      case .star:
        p.advance()
        let inner = p.parseExpression()
        if sawDoubleStar { p.error(SyntaxErrors.positionalAfterKeywordUnpacking, at: TextRange(start, p.lastEnd)) }
        let value = Expr(.starred(inner), TextRange(start, p.lastEnd))
        return Argument(name: nil, nameRange: nil, value: value, range: TextRange(start, p.lastEnd))
      case .doubleStar:
        p.advance()
        sawDoubleStar = true
        let value = p.parseExpression()
        return Argument(name: nil, nameRange: nil, value: value, isDoubleStar: true, range: TextRange(start, p.lastEnd))
      case .name where p.peek() == .equal:
        let name = p.text(p.tok)
        let nameRange = p.tok.range
        p.advance()
        p.advance()
        sawKeyword = true
        let value = p.maybePatternAs(p.parseExpression())
        return Argument(name: name, nameRange: nameRange, value: value, range: TextRange(start, p.lastEnd))
      default:
        var value = p.maybePatternAs(p.parseNamedExpression())
        if p.isComprehensionStart {
          let clauses = p.parseComprehensionClauses()
          value = Expr(.generator(value, clauses), TextRange(start, p.lastEnd))
          if index == 1, p.kind == .rParen {
            soleGenerator = true
          } else {
            p.error(SyntaxErrors.generatorNotSole, at: value.range)
          }
        } else if p.kind == .equal {
          p.errorAtCurrent(SyntaxErrors.invalidSyntax)
          p.advance()
          let skipped = p.tok.start
          _ = p.parseExpression()
          p.dropCalls(from: skipped)  // skipped, not in the tree
        }
        if sawDoubleStar {
          p.error(SyntaxErrors.positionalAfterKeywordUnpacking, at: value.range)
        } else if sawKeyword {
          p.error(SyntaxErrors.positionalAfterKeyword, at: value.range)
        }
        return Argument(name: nil, nameRange: nil, value: value, range: TextRange(start, p.lastEnd))
      }
    }
    let closed = kind == .rParen
    closeBracket(.rParen, openedAt: open)
    if soleGenerator, closed, args.count == 1 {
      let whole = TextRange(open, lastEnd)
      args[0].value.range = whole
      args[0].range = whole
    }
    return (args, closed)
  }

  // MARK: - Subscripts

  /// The index of a subscript: one slice or expression, or a tuple of them when commas are present.
  mutating func parseSlices() -> Expr {
    let start = tok.start
    let first = parseSliceItem()
    guard kind == .comma else { return first }
    var items = [first]
    var progress = LoopProgress()
    while kind == .comma, progress.madeProgress(pos) {
      advance()
      if kind == .rBracket { break }
      items.append(parseSliceItem())
    }
    return Expr(.tuple(items), TextRange(start, lastEnd))
  }

  mutating func parseSliceItem() -> Expr {
    let start = tok.start
    if kind == .star {
      advance()
      let value = parseBitwiseOr()
      return Expr(.starred(value), TextRange(start, lastEnd))
    }
    var lower: Expr?
    if kind != .colon {
      let e = parseNamedExpression()
      guard kind == .colon else { return e }
      lower = e
    }
    advance()
    var upper: Expr?
    if kind != .colon, kind != .comma, kind != .rBracket { upper = parseExpression() }
    var step: Expr?
    if eat(.colon), kind != .comma, kind != .rBracket {
      step = parseExpression()
    }
    return Expr(.slice(lower: lower, upper: upper, step: step), TextRange(start, lastEnd))
  }

  // MARK: - Parameters

  /// Parameters up to (not including) `closer`: `)` for `def`, `:` for `lambda`.
  mutating func parseParameters(closer: TokenKind, allowAnnotations: Bool) -> Parameters {
    var list: [Parameter] = []
    var sawStar = false
    var sawSlash = false
    var sawDefault = false
    var progress = LoopProgress()
    while kind != closer, kind != .endOfFile, kind != .newline {
      guard progress.madeProgress(pos) else {
        advance()
        continue
      }
      switch kind {
      case .slash:
        if sawSlash || sawStar || list.isEmpty { errorAtCurrent(SyntaxErrors.duplicateStar) }
        sawSlash = true
        advance()
        for i in list.indices where list[i].kind == .normal { list[i].kind = .positionalOnly }
      case .star:
        if sawStar { errorAtCurrent(SyntaxErrors.duplicateStar) }
        sawStar = true
        advance()
        if kind == .name {
          let (name, range) = (text(tok), tok.range)
          advance()
          let annotation = parseAnnotation(allowed: allowAnnotations, allowStar: true)
          list.append(
            Parameter(name: name, nameRange: range, annotation: annotation, defaultValue: nil, kind: .varArgs))
        }
      case .doubleStar:
        advance()
        guard kind == .name else {
          errorAtCurrent(SyntaxErrors.expectedName(after: "**"))
          break
        }
        let (name, range) = (text(tok), tok.range)
        advance()
        let annotation = parseAnnotation(allowed: allowAnnotations, allowStar: false)
        list.append(Parameter(name: name, nameRange: range, annotation: annotation, defaultValue: nil, kind: .kwArgs))
      case .name:
        let (name, range) = (text(tok), tok.range)
        advance()
        let annotation = parseAnnotation(allowed: allowAnnotations, allowStar: false)
        var defaultValue: Expr?
        if eat(.equal) {
          defaultValue = parseExpression()
          if !sawStar { sawDefault = true }
        } else if sawDefault, !sawStar {
          error(SyntaxErrors.defaultOrder, at: range)
        }
        list.append(
          Parameter(
            name: name, nameRange: range, annotation: annotation, defaultValue: defaultValue,
            kind: sawStar ? .keywordOnly : .normal))
      default:
        errorAtCurrent(SyntaxErrors.invalidSyntax)
        if !skipToListSeparator() { return Parameters(list) }
        continue
      }
      if eat(.comma) { continue }
      if kind != closer {
        errorAtCurrent(SyntaxErrors.expected(closer.spelling))
        if !skipToListSeparator() { break }
      }
    }
    return Parameters(list)
  }

  private mutating func parseAnnotation(allowed: Bool, allowStar: Bool) -> Expr? {
    guard allowed, eat(.colon) else { return nil }
    if allowStar, kind == .star { return parseStarExpressionItem() }
    return parseExpression()
  }

  mutating func parseLambda() -> Expr {
    let start = tok.start
    advance()
    let params = parseParameters(closer: .colon, allowAnnotations: false)
    var body = errorHole()
    if expect(.colon) { body = parseExpression() }
    return Expr(.lambda(params, body: body), TextRange(start, lastEnd))
  }
}
