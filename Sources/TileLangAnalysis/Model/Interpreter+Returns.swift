// The `return`s of kernel bodies and macros that the DSL front end rejects (TL221): which `if`s open a TIR frame,
// and the check at each `return` the interpreter executes in a kernel.

import TileLangSyntax

extension Interpreter {
  /// Whether an `if` condition is certainly a run-time value: it is an integer over run-time variables, or reads
  /// one (a kernel or thread index, a thread binding, a loop variable, a `T.dynamic` size) or an element of a
  /// buffer, and is not a Python value (`conditionIsHostValue`).
  func conditionIsRunTime(_ test: Expr, _ value: Value, _ env: Env) -> Bool {
    guard let run, !conditionIsHostValue(test, value, env) else { return false }
    let runtime = run.runtimeVariables
    func atRunTime(_ e: SymExpr) -> Bool { Self.isRunTime(e, runtime) }
    if case .int(let e) = value, atRunTime(e) { return true }
    var found = false
    ASTWalker { e, _ in
      guard !found else { return }
      switch e.kind {
      case .name(let n):
        if case .int(let v)? = env[n], atRunTime(v) { found = true }
      case .subscript(let base, _):
        if case .name(let n) = base.kind, case .buffer? = env[n] { found = true }
      default:
        break
      }
    }.walk(expression: test)
    return found
  }

  /// Records a `return` the DSL front end rejects (TL221): under a run-time `if` or loop opened inside the kernel's
  /// body or the macro being executed, or, in the kernel's body, of a buffer that T.empty did not allocate.
  mutating func noteReturn(_ range: TextRange, _ value: Value) {
    guard let scope = returnScope else { return }
    if loops.count + tirIfDepth > scope.base {
      run?.rejectedReturns.append((range, scope.macro ? .macroControlFlow : .primFuncControlFlow))
    } else if !scope.macro, case .buffer(let b) = value, b.allocator != "empty" {
      run?.rejectedReturns.append((range, .primFuncValue(b.name)))
    }
  }
}
