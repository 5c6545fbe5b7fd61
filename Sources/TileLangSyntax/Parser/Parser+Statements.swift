// Parser rules for statement lists and simple statements: expression statements, assignments, return,
// del, raise, assert, import, global/nonlocal, type aliases, and target validation.

extension Parser {
  // MARK: - Statement lists

  /// Parses statements until end of file (module) or the DEDENT closing the current block (not consumed).
  /// An unexpected INDENT is reported and its statements are spliced in, so nothing is dropped.
  mutating func parseStatementList(untilDedent: Bool) -> [Stmt] {
    var body: [Stmt] = []
    var progress = LoopProgress()
    while kind != .endOfFile {
      if !progress.madeProgress(pos) {
        advance()
        continue
      }
      suppressErrors = false
      switch kind {
      case .dedent:
        if untilDedent { return body }
        advance()
      case .newline:
        advance()
      case .indent:
        errorAtCurrent(SyntaxErrors.unexpectedIndent)
        advance()
        if enter() {
          body += parseStatementList(untilDedent: true)
        } else {
          skipBlock()
          body.append(Stmt(.error, TextRange(tok.start, tok.start)))
        }
        leave()
        _ = eat(.dedent)
      default:
        parseStatement(into: &body)
      }
    }
    return body
  }

  /// Skips tokens up to and including the DEDENT that balances an INDENT already consumed.
  mutating func skipBlock() {
    var level = 1
    while kind != .endOfFile {
      if kind == .indent { level += 1 }
      if kind == .dedent {
        level -= 1
        if level == 0 { return }
      }
      pos += 1
    }
  }

  mutating func parseStatement() -> [Stmt] {
    var out: [Stmt] = []
    parseStatement(into: &out)
    return out
  }

  /// Parses one statement line (or compound statement) and appends its statements to `body`.
  mutating func parseStatement(into body: inout [Stmt]) {
    switch kind {
    case .kwDef, .kwClass, .kwIf, .kwWhile, .kwFor, .kwTry, .kwWith, .at:
      body.append(parseCompoundStatement())
    case .kwAsync where [.kwDef, .kwFor, .kwWith].contains(peek()):
      body.append(parseCompoundStatement())
    case .name where isSoftKeyword("match"):
      if let stmt = parseMatchStatement() {
        body.append(stmt)
      } else {
        parseSimpleStatements(into: &body)
      }
    default:
      parseSimpleStatements(into: &body)
    }
  }

  mutating func parseSimpleStatements() -> [Stmt] {
    var out: [Stmt] = []
    parseSimpleStatements(into: &out)
    return out
  }

  /// `small_stmt (';' small_stmt)* [';'] NEWLINE`, with recovery to the end of the line.
  mutating func parseSimpleStatements(into out: inout [Stmt]) {
    var progress = LoopProgress()
    while progress.madeProgress(pos) {
      out.append(parseSmallStatement())
      if kind == .semicolon {
        advance()
        if kind == .newline || kind == .endOfFile { break }
        continue
      }
      break
    }
    if kind == .newline {
      advance()
    } else if kind != .endOfFile {
      if kind == .rParen || kind == .rBracket || kind == .rBrace {
        errorAtCurrent(SyntaxErrors.unmatched(kind.spelling))
      } else {
        errorAtCurrent(SyntaxErrors.invalidSyntax)
      }
      skipToLineEnd()
      _ = eat(.newline)
    }
  }

  mutating func parseSmallStatement() -> Stmt {
    let start = tok.start
    func finish(_ k: StmtKind) -> Stmt { Stmt(k, TextRange(start, max(start, lastEnd))) }
    switch kind {
    case .kwPass:
      advance()
      return finish(.pass)
    case .kwBreak:
      advance()
      return finish(.break)
    case .kwContinue:
      advance()
      return finish(.continue)
    case .kwReturn:
      advance()
      let value = atStatementEnd ? nil : parseStarExpressions()
      return finish(.return(value))
    case .kwDel:
      advance()
      let targets = parseExpressionListItems { $0.parseStarExpressionItem() }
      for t in targets { validateTarget(t, deleting: true) }
      return finish(.delete(targets))
    case .kwGlobal, .kwNonlocal:
      let isGlobal = kind == .kwGlobal
      advance()
      var names: [String] = []
      repeat {
        if kind == .name {
          names.append(text(tok))
          advance()
        } else {
          errorAtCurrent(SyntaxErrors.expectedName(after: isGlobal ? "global" : "nonlocal"))
          break
        }
      } while eat(.comma)
      return finish(isGlobal ? .global(names) : .nonlocal(names))
    case .kwAssert:
      advance()
      let test = parseExpression()
      let msg = eat(.comma) ? parseExpression() : nil
      return finish(.assert(test: test, msg: msg))
    case .kwRaise:
      advance()
      if atStatementEnd { return finish(.raise(exc: nil, cause: nil)) }
      let exc = parseExpression()
      let cause = eat(.kwFrom) ? parseExpression() : nil
      return finish(.raise(exc: exc, cause: cause))
    case .kwImport:
      advance()
      return finish(.import(parseImportNames(dotted: true)))
    case .kwFrom:
      return parseFromImport()
    case .name where isSoftKeyword("type") && peek() == .name && (peek(2) == .equal || peek(2) == .lBracket):
      advance()
      let name = Expr(.name(text(tok)), tok.range)
      advance()
      if kind == .lBracket { skipBalanced() }
      expect(.equal)
      let value = parseExpression()
      return finish(.typeAlias(name: name, value: value))
    default:
      return parseExpressionStatement()
    }
  }

  var atStatementEnd: Bool { kind == .newline || kind == .semicolon || kind == .endOfFile }

  /// Expression statements and every assignment form.
  mutating func parseExpressionStatement() -> Stmt {
    let start = tok.start
    func finish(_ k: StmtKind) -> Stmt { Stmt(k, TextRange(start, max(start, lastEnd))) }
    let first = parseStarExpressionsOrYield()
    if case .error = first.kind, lastEnd <= start {
      errorAtCurrent(SyntaxErrors.invalidSyntax)
      skipToLineEnd()
      return Stmt(.error, TextRange(start, max(start, lastEnd)))
    }
    switch kind {
    case .equal:
      var targets = [first]
      var value = first
      while eat(.equal) {
        value = parseStarExpressionsOrYield()
        if kind == .equal { targets.append(value) }
      }
      for t in targets { validateTarget(t, deleting: false) }
      return finish(.assign(targets: targets, value: value))
    case .colon:
      advance()
      switch first.kind {
      case .name, .attribute, .subscript: break
      case .tuple: error(SyntaxErrors.annotatedTupleTarget, at: first.range)
      default: validateTarget(first, deleting: false)
      }
      let annotation = parseExpression()
      let value = eat(.equal) ? parseStarExpressionsOrYield() : nil
      return finish(.annAssign(target: first, annotation: annotation, value: value))
    default:
      if let op = kind.augmentedOperator {
        advance()
        switch first.kind {
        case .name, .attribute, .subscript: break
        default: error(SyntaxErrors.cannotAssign("expression (augmented assignment)"), at: first.range)
        }
        let value = parseStarExpressionsOrYield()
        return finish(.augAssign(target: first, op: op, value: value))
      }
      if kind == .colonEqual {
        errorAtCurrent(SyntaxErrors.invalidSyntax)
      }
      return finish(.expr(first))
    }
  }

  /// Reports targets Python cannot assign to (or delete): literals, calls, operators.
  mutating func validateTarget(_ e: Expr, deleting: Bool) {
    let what: String
    switch e.kind {
    case .name, .attribute, .subscript, .error: return
    case .tuple(let items), .list(let items):
      for item in items { validateTarget(item, deleting: deleting) }
      return
    case .starred(let inner):
      if deleting {
        what = "starred"
      } else {
        validateTarget(inner, deleting: deleting)
        return
      }
    case .call: what = "function call"
    case .int, .float, .imaginary, .string, .bool, .none, .ellipsis, .fstring: what = "literal"
    case .namedExpr: what = "named expression"
    case .compare: what = "comparison"
    case .lambda: what = "lambda"
    case .ifExp: what = "conditional expression"
    case .await: what = "await expression"
    case .yield, .yieldFrom: what = "yield expression"
    case .listComp: what = "list comprehension"
    case .generator: what = "generator expression"
    default: what = "expression"
    }
    error(deleting ? SyntaxErrors.cannotDelete(what) : SyntaxErrors.cannotAssign(what), at: e.range)
  }

  /// A comma-separated list of items up to the end of the statement (`del a, b`).
  mutating func parseExpressionListItems(_ item: (inout Parser) -> Expr) -> [Expr] {
    var items: [Expr] = []
    var progress = LoopProgress()
    while progress.madeProgress(pos) {
      items.append(item(&self))
      guard eat(.comma), !atStatementEnd else { break }
    }
    return items
  }

  // MARK: - Imports

  mutating func parseImportNames(dotted: Bool) -> [ImportAlias] {
    var names: [ImportAlias] = []
    var progress = LoopProgress()
    while progress.madeProgress(pos) {
      let start = tok.start
      guard kind == .name else {
        errorAtCurrent(SyntaxErrors.expectedName(after: "import"))
        break
      }
      var name = text(tok)
      advance()
      while dotted, kind == .dot {
        advance()
        guard kind == .name else {
          errorAtCurrent(SyntaxErrors.expectedName(after: "."))
          break
        }
        name += "." + text(tok)
        advance()
      }
      var asName: String?
      if eat(.kwAs) {
        if kind == .name {
          asName = text(tok)
          advance()
        } else {
          errorAtCurrent(SyntaxErrors.expectedName(after: "as"))
        }
      }
      names.append(ImportAlias(name: name, asName: asName, range: TextRange(start, lastEnd)))
      guard eat(.comma) else { break }
      if kind == .rParen { break }
    }
    return names
  }

  mutating func parseFromImport() -> Stmt {
    let start = tok.start
    advance()
    var level = 0
    while kind == .dot || kind == .ellipsis {
      level += kind == .dot ? 1 : 3
      advance()
    }
    var module: String?
    if kind == .name {
      var name = text(tok)
      advance()
      while kind == .dot, peek() == .name {
        advance()
        name += "." + text(tok)
        advance()
      }
      module = name
    } else if level == 0 {
      errorAtCurrent(SyntaxErrors.expectedName(after: "from"))
    }
    var names: [ImportAlias] = []
    if expect(.kwImport) {
      if kind == .star {
        names = [ImportAlias(name: "*", asName: nil, range: tok.range)]
        advance()
      } else if kind == .lParen {
        openBrackets.append(tok.start)
        advance()
        names = parseImportNames(dotted: false)
        expect(.rParen)
        openBrackets.removeLast()
      } else {
        names = parseImportNames(dotted: false)
      }
    }
    return Stmt(.importFrom(module: module, names: names, level: level), TextRange(start, lastEnd))
  }

  /// Skips a bracketed group (type parameters), balancing nested brackets; stops at a NEWLINE.
  mutating func skipBalanced() {
    var level = 0
    repeat {
      switch kind {
      case .lParen, .lBracket, .lBrace: level += 1
      case .rParen, .rBracket, .rBrace: level -= 1
      case .newline, .endOfFile: return
      default: break
      }
      advance()
    } while level > 0
  }
}
