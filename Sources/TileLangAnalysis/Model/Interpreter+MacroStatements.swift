// Counting the statements a `T.macro` call of a `T.Pipelined` body expands into. The front end inlines a macro's
// body, so `order=` / `stage=` lists index the inlined statements (pipeline planning compares their length with the
// body's statement count after expansion). Counted while the macro runs, with the rules of the loop body itself
// (execPipelinedStatements): a `T.*` call or a loop over a `T.*` range is one statement, an element store is one, a
// name binding is one the planner may leave out, an `if` on a Python value the interpreter decides contributes its
// taken branch, and a nested macro call its own statements. Anything else (a run-time `if`, a Python loop, an
// annotated binding, a `return`) leaves the count undecided.

import TileLangSyntax

/// The statements a macro call expands into so far; `armed` until the macro starts running.
struct MacroExpansion {
  var all = 0
  var plain = 0
  var judged = true
  var armed = false
}

extension Interpreter {
  /// `e` calls a `@T.macro` function of the module by name.
  func callsMacro(_ e: Expr, _ env: Env) -> Bool {
    guard case .call(let callee, _) = e.kind, case .name(let n) = callee.kind,
      case .function(let id, _) = lookup(n, env)
    else { return false }
    return module.entry(id).kind == .macro
  }

  /// Runs a macro body one statement at a time, counting each into `macroExpansion`.
  mutating func execCountingMacro(_ body: [Stmt], _ env: inout Env) -> Flow {
    for stmt in body {
      countMacroStatement(stmt, env, nested: true)
      let flow = exec([stmt], &env)
      macroExpansion?.armed = false
      if case .normal = flow { continue }
      macroExpansion?.judged = false
      return flow
    }
    return .normal
  }

  /// Counts one statement of a macro body; `nested`: a macro call here may count its own statements (not inside a
  /// folded `if`, whose branch runs without the counting hook).
  private mutating func countMacroStatement(_ stmt: Stmt, _ env: Env, nested: Bool) {
    func add(_ all: Int, _ plain: Int) {
      macroExpansion?.all += all
      macroExpansion?.plain += plain
    }
    switch stmt.kind {
    case .pass: break
    case .expr(let e) where callsDSL(e): add(1, 1)
    case .expr(let e) where nested && callsMacro(e, env): macroExpansion?.armed = true
    case .expr(let e):
      if case .string = e.kind { break }  // a docstring
      macroExpansion?.judged = false
    case .for(_, let iter, _, _, _) where callsDSL(iter): add(1, 1)
    case .assign(let targets, _):
      add(1, Self.assignmentBinds(targets) ? 0 : 1)
    case .if(let test, let then, let orElse):
      guard let known = decidedTruthiness(test, env) else {
        macroExpansion?.judged = false
        return
      }
      for s in known ? then : orElse { countMacroStatement(s, env, nested: false) }
    default:
      macroExpansion?.judged = false
    }
  }
}
