// Parser rules for operator expressions, from star-expression lists down to primaries (attribute, call,
// subscript trailers), with Python's exact precedence and associativity.

extension Parser {
  // MARK: - Lists of expressions

  mutating func parseStarExpressionsOrYield() -> Expr {
    if kind == .kwYield { return parseYield() }
    return parseStarExpressions()
  }

  /// `star_expressions`: one item, or an unparenthesised tuple when a comma follows.
  mutating func parseStarExpressions(allowNamed: Bool = false) -> Expr {
    let start = tok.start
    let first = parseStarExpressionItem(allowNamed: allowNamed)
    guard kind == .comma else { return first }
    var items = [first]
    var progress = LoopProgress()
    while kind == .comma, progress.madeProgress(pos) {
      advance()
      if !canStartExpression { break }
      items.append(parseStarExpressionItem(allowNamed: allowNamed))
    }
    return Expr(.tuple(items), TextRange(start, lastEnd))
  }

  @inline(__always) mutating func parseStarExpressionItem(allowNamed: Bool = false) -> Expr {
    if kind == .star {
      let start = tok.start
      advance()
      let value = parseBitwiseOr()
      return Expr(.starred(value), TextRange(start, lastEnd))
    }
    return allowNamed ? parseNamedExpression() : parseExpression()
  }

  /// True when the current token can start an expression (used to tell a trailing comma).
  var canStartExpression: Bool {
    switch kind {
    case .name, .int, .float, .imaginary, .string, .fstring, .lParen, .lBracket, .lBrace, .minus, .plus, .tilde,
      .star, .kwNot, .kwAwait, .kwLambda, .kwTrue, .kwFalse, .kwNone, .ellipsis, .doubleStar:
      return true
    default:
      return false
    }
  }

  // MARK: - Named, conditional, boolean

  mutating func parseNamedExpression() -> Expr {
    if kind == .name, peek() == .colonEqual {
      let start = tok.start
      let target = Expr(.name(text(tok)), tok.range)
      advance()
      advance()
      let value = parseExpression()
      return Expr(.namedExpr(target: target, value: value), TextRange(start, lastEnd))
    }
    let e = parseExpression()
    if kind == .colonEqual, !inPattern {
      errorAtCurrent(SyntaxErrors.cannotAssign("expression (walrus target must be a name)"))
    }
    return e
  }

  /// `expression`: conditional expressions and lambdas. Counts one nesting level.
  mutating func parseExpression() -> Expr {
    defer { leave() }
    guard enter() else { return errorHole() }
    if kind == .kwLambda { return parseLambda() }
    let start = tok.start
    let body = parseDisjunction()
    guard kind == .kwIf, !inPattern else { return body }
    advance()
    let test = parseDisjunction()
    var orElse = errorHole()
    if expect(.kwElse) {
      orElse = parseExpression()
    }
    return Expr(.ifExp(test: test, body: body, orElse: orElse), TextRange(start, lastEnd))
  }

  @inline(__always) mutating func parseDisjunction() -> Expr {
    let start = tok.start
    let first = parseConjunction()
    guard kind == .kwOr else { return first }
    var values = [first]
    while eat(.kwOr) { values.append(parseConjunction()) }
    return Expr(.boolOp(.or, values), TextRange(start, lastEnd))
  }

  @inline(__always) mutating func parseConjunction() -> Expr {
    let start = tok.start
    let first = parseInversion()
    guard kind == .kwAnd else { return first }
    var values = [first]
    while eat(.kwAnd) { values.append(parseInversion()) }
    return Expr(.boolOp(.and, values), TextRange(start, lastEnd))
  }

  @inline(__always) mutating func parseInversion() -> Expr {
    kind == .kwNot ? parseNot() : parseComparison()
  }

  /// `not` followed by an inversion.
  private mutating func parseNot() -> Expr {
    let start = tok.start
    defer { leave() }
    guard enter() else { return errorHole() }
    advance()
    let operand = parseInversion()
    return Expr(.unary(.not, operand), TextRange(start, lastEnd))
  }

  @inline(__always) mutating func parseComparison() -> Expr {
    let start = tok.start
    let left = parseBitwiseOr()
    var comparisons: [Comparison] = []
    while true {
      let op: CompareOp
      switch kind {
      case .equalEqual: op = .eq
      case .notEqual: op = .notEq
      case .less: op = .lt
      case .lessEqual: op = .ltE
      case .greater: op = .gt
      case .greaterEqual: op = .gtE
      case .kwIn: op = .in
      case .kwIs: op = peek() == .kwNot ? .isNot : .is
      case .kwNot where peek() == .kwIn: op = .notIn
      default: op = .eq
      }
      guard isComparisonOperator else { break }
      advance()
      if op == .isNot || op == .notIn { advance() }
      comparisons.append(Comparison(op: op, right: parseBitwiseOr()))
    }
    if comparisons.isEmpty { return left }
    return Expr(.compare(left, comparisons), TextRange(start, lastEnd))
  }

  private var isComparisonOperator: Bool {
    switch kind {
    case .equalEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .kwIn, .kwIs: return true
    case .kwNot: return peek() == .kwIn
    default: return false
    }
  }

  // MARK: - Binary operators

  @inline(__always) mutating func parseBitwiseOr() -> Expr { parseBinary(minPrecedence: 1) }

  /// Precedence climbing over `| ^ & << >> + - * / // % @` (all left-associative).
  mutating func parseBinary(minPrecedence: Int) -> Expr {
    let start = tok.start
    var left = parseFactor()
    while let (op, precedence) = binaryOperator(kind), precedence >= minPrecedence {
      advance()
      let right = parseBinary(minPrecedence: precedence + 1)
      left = Expr(.binary(op, left, right), TextRange(start, lastEnd))
    }
    return left
  }

  private func binaryOperator(_ k: TokenKind) -> (BinaryOp, Int)? {
    switch k {
    case .pipe: return (.bitOr, 1)
    case .caret: return (.bitXor, 2)
    case .ampersand: return (.bitAnd, 3)
    case .leftShift: return (.lShift, 4)
    case .rightShift: return (.rShift, 4)
    case .plus: return (.add, 5)
    case .minus: return (.sub, 5)
    case .star: return (.mul, 6)
    case .slash: return (.div, 6)
    case .doubleSlash: return (.floorDiv, 6)
    case .percent: return (.mod, 6)
    case .at: return (.matMul, 6)
    default: return nil
    }
  }

  /// `factor`: unary `+ - ~` (right-recursive, one nesting level each) or `power`.
  @inline(__always) mutating func parseFactor() -> Expr {
    switch kind {
    case .plus, .minus, .tilde: parseUnary()
    default: parsePower()
    }
  }

  /// A unary `+ - ~` and its operand.
  private mutating func parseUnary() -> Expr {
    let op: UnaryOp
    switch kind {
    case .plus: op = .pos
    case .minus: op = .neg
    default: op = .invert
    }
    let start = tok.start
    defer { leave() }
    guard enter() else { return errorHole() }
    advance()
    let operand = parseFactor()
    return Expr(.unary(op, operand), TextRange(start, lastEnd))
  }

  /// `power`: `await_primary ['**' factor]` — `**` binds tighter than a unary minus on its left and is
  /// right-associative through `factor`.
  @inline(__always) mutating func parsePower() -> Expr {
    let start = tok.start
    let base: Expr
    if kind == .kwAwait {
      advance()
      let operand = parsePrimary()
      base = Expr(.await(operand), TextRange(start, lastEnd))
    } else {
      base = parsePrimary()
    }
    guard kind == .doubleStar else { return base }
    defer { leave() }
    guard enter() else { return errorHole() }
    advance()
    let exponent = parseFactor()
    return Expr(.binary(.pow, base, exponent), TextRange(start, lastEnd))
  }

  // MARK: - Primaries

  mutating func parsePrimary() -> Expr {
    let start = tok.start
    var e = parseAtom()
    if case .error = e.kind { return e }
    var progress = LoopProgress()
    while progress.madeProgress(pos) {
      switch kind {
      case .dot:
        advance()
        if kind == .name {
          let name = text(tok)
          let nameRange = tok.range
          advance()
          e = Expr(.attribute(e, name: name, nameRange: nameRange), TextRange(start, lastEnd))
        } else {
          errorAtCurrent(SyntaxErrors.expectedName(after: "."))
          e = Expr(.attribute(e, name: "", nameRange: TextRange(lastEnd, lastEnd)), TextRange(start, lastEnd))
          return e
        }
      case .lParen:
        let args = parseCallArguments().arguments
        e = Expr(.call(e, args: args), TextRange(start, lastEnd))
        if !inPattern { calls.append(e) }  // a class pattern (`case Point(x=0):`) matches, it does not call
      case .lBracket:
        let open = tok.start
        openBrackets.append(open)
        advance()
        let index = parseSlices()
        closeBracket(.rBracket, openedAt: open)
        openBrackets.removeLast()
        e = Expr(.subscript(e, index: index), TextRange(start, lastEnd))
      default:
        return e
      }
    }
    return e
  }

  /// `yield [star_expressions]` or `yield from expression`.
  mutating func parseYield() -> Expr {
    let start = tok.start
    advance()
    if eat(.kwFrom) {
      let value = parseExpression()
      return Expr(.yieldFrom(value), TextRange(start, lastEnd))
    }
    guard canStartExpression else { return Expr(.yield(nil), TextRange(start, lastEnd)) }
    let value = parseStarExpressions()
    return Expr(.yield(value), TextRange(start, lastEnd))
  }

  /// In a `case` pattern, `pattern as name` (kept as a named expression).
  mutating func maybePatternAs(_ e: Expr) -> Expr {
    guard inPattern, kind == .kwAs else { return e }
    advance()
    guard kind == .name else {
      errorAtCurrent(SyntaxErrors.expectedName(after: "as"))
      return e
    }
    let target = Expr(.name(text(tok)), tok.range)
    advance()
    return Expr(.namedExpr(target: target, value: e), TextRange(e.range.start, lastEnd))
  }
}
