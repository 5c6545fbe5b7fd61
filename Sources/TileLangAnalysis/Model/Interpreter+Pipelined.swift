// Running a `T.Pipelined` body: its top-level statements as the compiler's pipeline planning and warp specialisation
// see them, after the front end folds the `if`s whose condition is a Python value.

import TileLangSyntax

extension Interpreter {
  /// Runs a `T.Pipelined` body one top-level statement at a time, noting which are lone global → shared copies and
  /// whether the body is one `if` without `else` after its leading assignments (`PipelinedLoop.guardedBody`). An `if`
  /// on a Python value the interpreter decides is folded the way the front end folds it (the eager builder emits a TIR
  /// `if` only for a `PrimExpr` condition): the statements of the taken branch are statements of the body.
  mutating func execPipelinedBody(_ body: [Stmt], _ env: inout Env) -> Flow {
    var folded: Set<TextRange> = []
    let flat = foldedPipelinedBody(body, env, rebound: Self.boundNames(body), folded: &folded)
    let statements = flat.drop {
      if case .assign = $0.kind { return true }
      if case .annAssign = $0.kind { return true }
      return false
    }
    var soleGuard: TextRange?
    if statements.count == 1, let only = statements.first, case .if(_, _, let orElse) = only.kind, orElse.isEmpty {
      soleGuard = only.range
    }
    return execPipelinedStatements(body, &env, folded: folded, soleGuard: soleGuard)
  }

  /// The statements of a `T.Pipelined` body after folding the `if`s whose condition the interpreter decides before
  /// the body runs (`folded` collects their ranges); `pass` statements make none. A condition naming something the
  /// body binds is left to run time.
  private func foldedPipelinedBody(_ body: [Stmt], _ env: Env, rebound: Set<String>, folded: inout Set<TextRange>)
    -> [Stmt]
  {
    var out: [Stmt] = []
    for stmt in body {
      if case .pass = stmt.kind { continue }
      if case .if(let test, let then, let orElse) = stmt.kind {
        var names = Set<String>()
        ASTWalker { e, _ in if case .name(let n) = e.kind { names.insert(n) } }.walk(expression: test)
        if names.isDisjoint(with: rebound) {
          if let known = decidedTruthiness(test, env) {
            folded.insert(stmt.range)
            out += foldedPipelinedBody(known ? then : orElse, env, rebound: rebound, folded: &folded)
            continue
          }
        }
      }
      out.append(stmt)
    }
    return out
  }

  private mutating func execPipelinedStatements(
    _ body: [Stmt], _ env: inout Env, folded: Set<TextRange>, soleGuard: TextRange?
  ) -> Flow {
    for stmt in body {
      if case .pass = stmt.kind { continue }
      if folded.contains(stmt.range), case .if(let test, let then, let orElse) = stmt.kind,
        let known = eval(test, &env).truthiness
      {
        let flow = execPipelinedStatements(known ? then : orElse, &env, folded: folded, soleGuard: soleGuard)
        if case .normal = flow { continue }
        return flow
      }
      if let soleGuard, case .if = stmt.kind, stmt.range == soleGuard {
        nextIfGuardsPipelinedBody = true
      }
      if case .assign(let targets, let value) = stmt.kind, targets.count == 1, case .name(let n) = targets[0].kind,
        loadsBuffer(value, env)
      {
        openPipelined[openPipelined.count - 1].loadedScalars[n] = stmt.range
      }
      let before = run?.events.count ?? 0
      var statement = PipelinedLoop.Statement(range: stmt.range)
      switch stmt.kind {
      case .assign(let targets, _):
        statement.binds = Self.assignmentBinds(targets)
        statement.isSingle = true
      case .annAssign(let target, _, _): if case .name = target.kind { statement.binds = true }
      case .expr(let e):
        statement.isCall = true
        statement.isSingle = callsDSL(e)
        if !statement.isSingle, callsMacro(e, env) { macroExpansion = MacroExpansion(armed: true) }
      case .for(_, let iter, _, _, _):
        statement.isSingle = callsDSL(iter)
      case .if(_, let then, let orElse):
        let branches = then + orElse
        if branches.allSatisfy({ if case .expr = $0.kind { true } else { false } }) {
          statement.guardedCalls = branches.count
        }
      default: break
      }
      openPipelined[openPipelined.count - 1].statements.append(statement)
      let flow = exec([stmt], &env)
      nextIfGuardsPipelinedBody = false
      if let m = macroExpansion {
        if !m.armed, m.judged, let last = openPipelined[openPipelined.count - 1].statements.indices.last {
          openPipelined[openPipelined.count - 1].statements[last].expansion = (m.all, m.plain)
          openPipelined[openPipelined.count - 1].statements[last].isSingle = true
        }
        macroExpansion = nil
      }
      let after = run?.events.count ?? 0
      if let last = openPipelined[openPipelined.count - 1].statements.indices.last, before <= after {
        openPipelined[openPipelined.count - 1].statements[last].events = before..<after
      }
      if before < after, openPipelined[openPipelined.count - 1].firstCopyEvent == nil {
        openPipelined[openPipelined.count - 1].firstCopyEvent = before
      }
      if case .expr = stmt.kind, after == before + 1, let e = run?.events[before], ["copy", "im2col"].contains(e.op),
        let src = e.operands.first?.buffer, src.scope == .global,
        let dst = e.operands.dropFirst().first?.buffer, dst.scope.isShared
      {
        let last = openPipelined[openPipelined.count - 1].statements.count - 1
        openPipelined[openPipelined.count - 1].statements[last].copiesInto = dst.id
        openPipelined[openPipelined.count - 1].statements[last].isIm2col = e.op == "im2col"
      } else if case .for(_, let iter, let body, _, _) = stmt.kind, isParallelRange(iter), let run,
        let last = openPipelined[openPipelined.count - 1].statements.indices.last
      {
        // A `T.Parallel` loop that only copies global elements into one shared tile (`s[i, j] = A[...]`, through
        // `T.cast` or `T.if_then_else` too, not arithmetic) is a producer stage too: pipeline planning classifies it
        // as a copy stage (pipeline_planning.cc IsPureCopyStmt) and the epilogue drains it like a T.copy's.
        let st = openPipelined[openPipelined.count - 1].statements[last]
        let scope = { (id: Int) in run.buffer(id)?.scope }
        if st.writes.count == 1, let dst = st.writes.keys.first, scope(dst)?.isShared == true, !st.reads.isEmpty,
          st.reads.allSatisfy({ scope($0) == .global }),
          body.allSatisfy({ stmt in
            guard case .assign(let targets, let value) = stmt.kind, targets.count == 1 else { return false }
            return isGlobalCopyValue(value, env)
          })
        {
          openPipelined[openPipelined.count - 1].statements[last].copiesInto = dst
        }
      }
      if case .normal = flow { continue }
      return flow
    }
    return .normal
  }

  /// Records that the current statement of the innermost `T.Pipelined` body writes `id` at `range`.
  mutating func markWritten(_ id: Int, at range: TextRange) {
    guard !openPipelined.isEmpty, let last = openPipelined[openPipelined.count - 1].statements.indices.last,
      openPipelined[openPipelined.count - 1].statements[last].writes[id] == nil
    else { return }
    openPipelined[openPipelined.count - 1].statements[last].writes[id] = range
  }

  /// Records that `id` is read inside every enclosing `T.Pipelined` loop.
  mutating func markConsumed(_ id: Int) {
    if !openPipelined.isEmpty, let last = openPipelined[openPipelined.count - 1].statements.indices.last {
      openPipelined[openPipelined.count - 1].statements[last].reads.insert(id)
    }
    for frame in loops {
      if case .pipelined = frame.kind { run?.pipelineConsumers[frame.range, default: []].insert(id) }
    }
  }

  /// The truth value of `test` when the interpreter decides it before the code runs; evaluated on copies, since the
  /// real evaluation happens when the statement runs.
  func decidedTruthiness(_ test: Expr, _ env: Env) -> Bool? {
    var probe = self
    var scratch = env
    return probe.eval(test, &scratch).truthiness
  }

  /// An assignment that binds names (`kk = k * 32`, `a, b = ...`) rather than storing into an element.
  static func assignmentBinds(_ targets: [Expr]) -> Bool {
    !targets.contains { if case .subscript = $0.kind { true } else { false } }
  }

  /// `e` copies a global element: a load of a global buffer, through `T.cast` / `T.Cast` or either branch of
  /// `T.if_then_else` (whose other branch is such a load or holds no load).
  func isGlobalCopyValue(_ e: Expr, _ env: Env) -> Bool {
    switch e.kind {
    case .subscript(let base, _):
      guard case .name(let n) = base.kind, case .buffer(let b) = lookup(n, env) else { return false }
      return b.scope == .global
    case .call(let callee, let args):
      guard case .attribute(let base, let name, _) = callee.kind, namesDSLModule(base) else { return false }
      let values = args.map(\.value)
      switch name {
      case "cast": return values.first.map { isGlobalCopyValue($0, env) } ?? false
      case "Cast": return values.count > 1 && isGlobalCopyValue(values[1], env)
      case "if_then_else":
        guard values.count == 3 else { return false }
        let branches = values.dropFirst()
        return branches.contains { isGlobalCopyValue($0, env) }
          && branches.allSatisfy { isGlobalCopyValue($0, env) || !loadsBuffer($0, env) }
      default: return false
      }
    default: return false
    }
  }

  /// `e` is `T.Parallel(...)`.
  func isParallelRange(_ e: Expr) -> Bool {
    guard case .call(let callee, _) = e.kind, case .attribute(let base, "Parallel", _) = callee.kind else {
      return false
    }
    return namesDSLModule(base)
  }

  /// `e` is a call of a `T.*` function (`T.copy(...)`, `T.Parallel(...)`), not of a macro or a Python function.
  func callsDSL(_ e: Expr) -> Bool {
    guard case .call(let callee, _) = e.kind, case .attribute(let base, _, _) = callee.kind else { return false }
    return namesDSLModule(base)
  }

  /// Names that statements in `body` (at any depth) bind: assignment, loop and `with` targets, walrus targets,
  /// definitions and imports.
  static func boundNames(_ body: [Stmt]) -> Set<String> {
    var out = Set<String>()
    ASTWalker { e, _ in if case .namedExpr(let t, _) = e.kind { t.addTargetNames(to: &out) } }.walk(body)
    func visit(_ stmts: [Stmt]) {
      for s in stmts {
        if let names = s.simpleBoundNames {
          out.formUnion(names)
          continue
        }
        switch s.kind {
        case .if(_, let a, let b), .while(_, let a, let b):
          visit(a)
          visit(b)
        case .for(let t, _, let a, let b, _):
          t.addTargetNames(to: &out)
          visit(a)
          visit(b)
        case .with(let items, let a, _):
          for item in items { item.target?.addTargetNames(to: &out) }
          visit(a)
        case .try(let a, let handlers, let b, let c, _):
          visit(a)
          for h in handlers {
            if let n = h.name { out.insert(n) }
            visit(h.body)
          }
          visit(b)
          visit(c)
        default: break
        }
      }
    }
    visit(body)
    return out
  }
}
