// Parser rules for compound statements: decorators, def, class, if, while, for, try, with, match, and
// the blocks they own (with recovery for a missing ':' or a missing indented block).

extension Parser {
  mutating func parseCompoundStatement() -> Stmt {
    switch kind {
    case .at: return parseDecorated()
    case .kwDef: return parseFunctionDef(decorators: [], asyncStart: nil)
    case .kwClass: return parseClassDef(decorators: [])
    case .kwIf: return parseIf()
    case .kwWhile: return parseWhile()
    case .kwFor: return parseFor(asyncStart: nil)
    case .kwTry: return parseTry()
    case .kwWith: return parseWith(asyncStart: nil)
    case .kwAsync:
      let start = tok.start
      advance()
      switch kind {
      case .kwDef: return parseFunctionDef(decorators: [], asyncStart: start)
      case .kwFor: return parseFor(asyncStart: start)
      default: return parseWith(asyncStart: start)
      }
    default:
      let statements = parseSimpleStatements()
      if statements.count > 1 { dropCalls(from: statements[1].range.start) }
      return statements.first ?? Stmt(.error, TextRange(tok.start, tok.start))
    }
  }

  // MARK: - Blocks

  /// Consumes the ':' ending a compound-statement header. On a missing ':' reports it and skips the rest
  /// of the header line (consuming a later ':' if there is one), so the block is still parsed.
  mutating func expectHeaderColon() {
    if eat(.colon) { return }
    errorAtCurrent(SyntaxErrors.expected(":"))
    while kind != .newline, kind != .endOfFile, kind != .colon { advance() }
    _ = eat(.colon)
  }

  /// Parses the block after a header's ':' (a same-line simple statement list, or NEWLINE INDENT ...
  /// DEDENT). `what` names the header for "expected an indented block after ..." messages.
  mutating func parseBlock(_ what: String, headerStart: Int) -> [Stmt] {
    if kind != .newline {
      if kind == .endOfFile {
        errorAtCurrent(SyntaxErrors.expectedIndentedBlock(after: what, line: source.line(of: headerStart) + 1))
        return []
      }
      return parseSimpleStatements()
    }
    advance()
    guard kind == .indent else {
      errorAtCurrent(SyntaxErrors.expectedIndentedBlock(after: what, line: source.line(of: headerStart) + 1))
      return []
    }
    advance()
    defer { leave() }
    guard enter() else {
      skipBlock()
      _ = eat(.dedent)
      return [Stmt(.error, TextRange(lastEnd, lastEnd))]
    }
    let body = parseStatementList(untilDedent: true)
    _ = eat(.dedent)
    return body
  }

  /// End offset of a compound statement: its last body statement, or the header.
  func endOf(_ body: [Stmt], orHeader header: Int) -> Int {
    max(body.last?.range.end ?? header, header)
  }

  // MARK: - Definitions

  mutating func parseDecorated() -> Stmt {
    var decorators: [Expr] = []
    var progress = LoopProgress()
    while kind == .at, progress.madeProgress(pos) {
      advance()
      decorators.append(parseNamedExpression())
      if !eat(.newline) {
        errorAtCurrent(SyntaxErrors.invalidSyntax)
        skipToLineEnd()
        _ = eat(.newline)
      }
    }
    switch kind {
    case .kwDef: return parseFunctionDef(decorators: decorators, asyncStart: nil)
    case .kwClass: return parseClassDef(decorators: decorators)
    case .kwAsync where peek() == .kwDef:
      let start = tok.start
      advance()
      return parseFunctionDef(decorators: decorators, asyncStart: start)
    default:
      errorAtCurrent(SyntaxErrors.invalidSyntax)
      let range = decorators.first.map { TextRange($0.range.start, lastEnd) } ?? TextRange(tok.start, tok.start)
      if let first = decorators.first { dropCalls(from: first.range.start) }  // the error statement keeps none
      return Stmt(.error, range)
    }
  }

  mutating func parseFunctionDef(decorators: [Expr], asyncStart: Int?) -> Stmt {
    let start = asyncStart ?? tok.start
    advance()
    let (name, nameRange) = parseDefinedName(after: "def")
    var params = Parameters()
    if kind == .lParen {
      openBrackets.append(tok.start)
      advance()
      params = parseParameters(closer: .rParen, allowAnnotations: true)
      expect(.rParen)
      openBrackets.removeLast()
    } else {
      errorAtCurrent(SyntaxErrors.expected("("))
    }
    let returns = eat(.arrow) ? parseExpression() : nil
    let header = lastEnd
    expectHeaderColon()
    let body = parseBlock("function definition", headerStart: start)
    let def = FunctionDef(
      name: name, nameRange: nameRange, decorators: decorators, params: params, returns: returns, body: body,
      isAsync: asyncStart != nil)
    return Stmt(.functionDef(def), TextRange(start, endOf(body, orHeader: header)))
  }

  /// The name after `def` / `class` (empty, with an error, when missing), then any type-parameter list, skipped.
  mutating func parseDefinedName(after keyword: String) -> (String, TextRange) {
    var name = ""
    var nameRange = TextRange(tok.start, tok.start)
    if kind == .name {
      name = text(tok)
      nameRange = tok.range
      advance()
    } else {
      errorAtCurrent(SyntaxErrors.expectedName(after: keyword))
    }
    if kind == .lBracket { skipBalanced() }
    return (name, nameRange)
  }

  mutating func parseClassDef(decorators: [Expr]) -> Stmt {
    let start = tok.start
    advance()
    let (name, nameRange) = parseDefinedName(after: "class")
    var bases: [Argument] = []
    if kind == .lParen {
      bases = parseCallArguments().arguments
    }
    let header = lastEnd
    expectHeaderColon()
    let body = parseBlock("class definition", headerStart: start)
    let def = ClassDef(name: name, nameRange: nameRange, decorators: decorators, bases: bases, body: body)
    return Stmt(.classDef(def), TextRange(start, endOf(body, orHeader: header)))
  }

  // MARK: - Control flow

  mutating func parseIf() -> Stmt {
    let start = tok.start
    let keyword = kind == .kwIf ? "'if' statement" : "'elif' statement"
    advance()
    let test = parseNamedExpression()
    let header = lastEnd
    expectHeaderColon()
    let body = parseBlock(keyword, headerStart: start)
    var orElse: [Stmt] = []
    if kind == .kwElif {
      orElse = [parseIf()]
    } else if kind == .kwElse {
      orElse = parseElse()
    }
    return Stmt(
      .if(test: test, body: body, orElse: orElse),
      TextRange(start, endOf(orElse.isEmpty ? body : orElse, orHeader: header)))
  }

  mutating func parseElse() -> [Stmt] {
    let start = tok.start
    advance()
    expectHeaderColon()
    return parseBlock("'else' statement", headerStart: start)
  }

  mutating func parseWhile() -> Stmt {
    let start = tok.start
    advance()
    let test = parseNamedExpression()
    let header = lastEnd
    expectHeaderColon()
    let body = parseBlock("'while' statement", headerStart: start)
    let orElse = kind == .kwElse ? parseElse() : []
    return Stmt(
      .while(test: test, body: body, orElse: orElse),
      TextRange(start, endOf(orElse.isEmpty ? body : orElse, orHeader: header)))
  }

  mutating func parseFor(asyncStart: Int?) -> Stmt {
    let start = asyncStart ?? tok.start
    advance()
    let target = parseTargetList()
    validateTarget(target, deleting: false)
    var iter = errorHole()
    if expect(.kwIn) {
      iter = parseStarExpressions()
    }
    let header = lastEnd
    expectHeaderColon()
    let body = parseBlock("'for' statement", headerStart: start)
    let orElse = kind == .kwElse ? parseElse() : []
    return Stmt(
      .for(target: target, iter: iter, body: body, orElse: orElse, isAsync: asyncStart != nil),
      TextRange(start, endOf(orElse.isEmpty ? body : orElse, orHeader: header)))
  }

  mutating func parseTry() -> Stmt {
    let start = tok.start
    advance()
    var header = lastEnd
    expectHeaderColon()
    let body = parseBlock("'try' statement", headerStart: start)
    var handlers: [ExceptHandler] = []
    var isStar = false
    var progress = LoopProgress()
    while kind == .kwExcept, progress.madeProgress(pos) {
      let hStart = tok.start
      advance()
      if eat(.star) { isStar = true }
      var type: Expr?
      var name: String?
      if kind != .colon {
        type = parseExpression()
        if eat(.kwAs) {
          if kind == .name {
            name = text(tok)
            advance()
          } else {
            errorAtCurrent(SyntaxErrors.expectedName(after: "as"))
          }
        }
      }
      header = lastEnd
      expectHeaderColon()
      let hBody = parseBlock("'except' statement", headerStart: hStart)
      handlers.append(
        ExceptHandler(type: type, name: name, body: hBody, range: TextRange(hStart, endOf(hBody, orHeader: header))))
    }
    var end = handlers.last?.range.end ?? endOf(body, orHeader: header)
    var orElse: [Stmt] = []
    if kind == .kwElse {
      orElse = parseElse()
      end = endOf(orElse, orHeader: end)
    }
    var finalBody: [Stmt] = []
    if kind == .kwFinally {
      let fStart = tok.start
      advance()
      header = lastEnd
      expectHeaderColon()
      finalBody = parseBlock("'finally' statement", headerStart: fStart)
      end = endOf(finalBody, orHeader: header)
    }
    if handlers.isEmpty, finalBody.isEmpty {
      errorAtCurrent(SyntaxErrors.expectedExcept)
    }
    return Stmt(
      .try(body: body, handlers: handlers, orElse: orElse, finalBody: finalBody, isStar: isStar),
      TextRange(start, end))
  }
}
