// Which `if`s are on Python values (the front end builds one branch) and which open a TIR frame, and the `return`s of
// kernel bodies and macros that the DSL front end rejects (TL221): the check at each `return` the interpreter
// executes in a kernel.

import TileLangSyntax

extension Interpreter {
  /// An integer over run-time variables: kernel, thread and loop indices, `T.dynamic` sizes (`runtime`), elements
  /// loaded from buffers, `threadIdx.x`-style bindings.
  static func isRunTime(_ e: SymExpr, _ runtime: Set<String>) -> Bool {
    e.variables.contains { runtime.contains($0) || SymExpr.isLoadedElement($0) || $0.containsUTF8(".") }
  }

  /// Whether an `if` condition the evaluator could not decide is a Python value (the front end then builds one
  /// branch) rather than a run-time one (both branches are compiled): every name it reads was bound before the
  /// kernel's `with T.Kernel(...)` (a parameter, a closure value) or is a module-level name, and none is a buffer or
  /// an integer over run-time variables (kernel indices, loop variables, `T.dynamic` sizes, loaded elements).
  func conditionIsHostValue(_ test: Expr, _ value: Value, _ env: Env) -> Bool {
    guard let run, let before = namesBeforeKernel else { return false }
    let runtime = run.runtimeVariables
    func atRunTime(_ e: SymExpr) -> Bool { Self.isRunTime(e, runtime) }
    if case .int(let e) = value, atRunTime(e) { return false }
    var host = true
    ASTWalker { e, _ in
      guard host, case .name(let n) = e.kind, let v = env[n] else { return }
      switch v {
      case .buffer: host = false
      case .int(let e) where atRunTime(e): host = false
      default: if before[n] == nil { host = false }
      }
    }.walk(expression: test)
    return host
  }

  /// Whether an `if` condition that is not a Python value (the caller has ruled out `conditionIsHostValue`) is
  /// certainly a run-time value: it is an integer over run-time variables, or reads one (a kernel or thread index, a
  /// thread binding, a loop variable, a `T.dynamic` size) or an element of a buffer.
  func conditionIsRunTime(_ test: Expr, _ value: Value, _ env: Env) -> Bool {
    guard let run else { return false }
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
