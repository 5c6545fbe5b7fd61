// TL223: the DSL front end binds a kernel-body name to a TIR value (a buffer, a loop variable, a PrimExpr such as
// `acc = T.Cast(...)`) in the innermost TIR frame open at the assignment — a `for` over a TIR loop, a run-time `if`
// branch — and a read after that frame has closed fails ("Immutable variable `acc` is used outside its defining
// region!", eager/builder.py `rval`). Names bound to Python values, and stores into a `T.alloc_var`, are not scoped.
// Checked with 0.1.15: a PrimExpr re-bound in a `range` loop, a buffer allocated in one, a loop variable, a value
// bound under `if tx < 64` fail when read after; a Python int bound in a loop, a read inside the loop, an alloc_var
// and a Python-valued `if` build.

import TileLangSyntax

/// The TIR frames open in the kernel body being executed and the names bound in them.
struct TirScopes: Sendable {
  /// The call `depth` of the kernel body (`with T.Kernel`); tracking is off elsewhere (helpers, macros, host code).
  var kernelDepth: Int?
  var open: [Int] = []
  var next = 0
  /// Name → the frame it was last bound in, for names bound to TIR values inside a frame.
  var scopeOf: [String: Int] = [:]
  /// Names whose binding's frame has closed: reading one fails.
  var expired: Set<String> = []
  /// Names holding a `T.alloc_var`: assigning a value stores into it, it is not a new binding.
  var allocVars: Set<String> = []
}

extension Interpreter {
  var tracksScopes: Bool { run != nil && tirScopes.kernelDepth == depth }

  mutating func openTirFrame() -> Int? {
    guard tracksScopes else { return nil }
    let id = tirScopes.next
    tirScopes.next += 1
    tirScopes.open.append(id)
    return id
  }

  mutating func closeTirFrame(_ id: Int?) {
    guard let id, tirScopes.open.last == id else { return }
    tirScopes.open.removeLast()
    for (name, scope) in tirScopes.scopeOf where scope == id {
      tirScopes.scopeOf[name] = nil
      tirScopes.expired.insert(name)
    }
  }

  /// Notes the names `target` binds to `value` (before the binding replaces the old value in `env`). `rhs` is the
  /// assigned expression; nil for loop targets, which are always TIR variables.
  mutating func noteBinding(_ target: Expr, _ value: Value, rhs: Expr?, _ env: Env, alsoTir: Bool = false) {
    guard tracksScopes else { return }
    var names = Set<String>()
    target.addTargetNames(to: &names)
    for n in names {
      if case .buffer(let b) = value {
        if b.scope == .localVar { tirScopes.allocVars.insert(n) } else { tirScopes.allocVars.remove(n) }
      } else if tirScopes.allocVars.contains(n) {
        continue  // a store into the alloc_var
      }
      tirScopes.expired.remove(n)
      // Kernel-level TIR names get frame -1, which never closes (they still make later values TIR).
      if alsoTir || (rhs.map { isTirValue(value, $0, env) } ?? true) {
        tirScopes.scopeOf[n] = tirScopes.open.last ?? -1
      } else {
        tirScopes.scopeOf[n] = nil
      }
    }
  }

  /// A value the front end binds as TIR: a buffer, an integer over run-time variables, or an unevaluated value whose
  /// expression reads a buffer element, calls a DSL function or uses another TIR-bound name.
  func isTirValue(_ value: Value, _ rhs: Expr, _ env: Env) -> Bool {
    switch value {
    case .buffer: return true
    case .int(let e):
      if Self.isRunTime(e, run?.runtimeVariables ?? []) { return true }
      if e.constant != nil { return false }
    case .unknown: break
    default: return false
    }
    var found = false
    ASTWalker { e, _ in
      guard !found else { return }
      switch e.kind {
      case .subscript(let base, _):
        if case .name(let n) = base.kind, case .buffer? = env[n] { found = true }
      case .call(let callee, _):
        if case .attribute(let base, _, _) = callee.kind, namesDSLModule(base) { found = true }
      case .name(let n):
        if tirScopes.scopeOf[n] != nil { found = true }
      default:
        break
      }
    }.walk(expression: rhs)
    return found
  }

  /// The names a store's index reads (`B[i * 512 + v] = ...`): the front end evaluates the index, so each is a read,
  /// even where the interpreter does not evaluate it.
  mutating func noteIndexReads(_ index: Expr) {
    guard !tirScopes.expired.isEmpty, tracksScopes else { return }
    var names: [(String, TextRange)] = []
    ASTWalker { e, _ in if case .name(let n) = e.kind { names.append((n, e.range)) } }.walk(expression: index)
    for (n, r) in names { noteRead(n, r) }
  }

  /// A read of `name` at `range`: TL223 when its binding's frame has closed (once per binding).
  mutating func noteRead(_ name: String, _ range: TextRange) {
    guard !tirScopes.expired.isEmpty, tirScopes.expired.contains(name), tracksScopes else { return }
    tirScopes.expired.remove(name)
    run?.expiredBindingReads.append((name, range))
  }
}
