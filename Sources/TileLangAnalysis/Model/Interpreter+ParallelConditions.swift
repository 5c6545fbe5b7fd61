// Run-time conditions inside `T.Parallel` bodies: how wide the loop's vectorizer can go before a condition
// changes inside one vector (tilelang 0.1.15 loop_vectorize.cc `CheckConditionVectorized`).

import TileLangSyntax

extension Interpreter {
  /// The widest condition block the lane analysis reports: vector sizes never exceed it.
  static let unlimitedConditionLanes = 64

  /// Records a run-time condition of the innermost open `T.Parallel` loop (an `if` statement's test, or the first
  /// argument of `T.if_then_else` / `T.Select`).
  mutating func noteParallelCondition(_ condition: Expr, _ env: Env) {
    guard run != nil, let loop = openParallel.last, let inner = loop.variables?.last?.name else { return }
    let lanes = conditionLanes(condition, along: inner, env)
    guard lanes < Self.unlimitedConditionLanes, lanes < (loop.conditionLanes ?? Int.max) else { return }
    openParallel[openParallel.count - 1].conditionLanes = lanes
    openParallel[openParallel.count - 1].limitingCondition = condition.range
  }

  /// The widest power of two `v` (at most `unlimitedConditionLanes`) such that `condition` has one value on every
  /// aligned block of `v` consecutive values of `variable`, as TVM's prover shows it: a condition that does not
  /// depend on the variable holds on any block; `j < c` (and `<=`, `>`, `>=`, `j` with coefficient ±1 and a
  /// compile-time constant on the other side) on blocks dividing its boundary; another comparison of index
  /// expressions on the blocks it is unchanged over when `j` is rounded down to the block (`j // 4 == 3`: 4);
  /// `and` / `or` / `not` on the blocks of all their parts; anything else that depends on the variable (a load at
  /// `j`, a comparison with a run-time value) on blocks of 1.
  func conditionLanes(_ condition: Expr, along variable: String, _ env: Env) -> Int {
    let unlimited = Self.unlimitedConditionLanes
    switch condition.kind {
    case .boolOp(_, let values):
      return values.map { conditionLanes($0, along: variable, env) }.min() ?? unlimited
    case .unary(.not, let operand):
      return conditionLanes(operand, along: variable, env)
    case .compare(let left, let comparisons) where comparisons.count == 1:
      guard let l = affineValue(left, env), let r = affineValue(comparisons[0].right, env) else { break }
      let d = l - r
      guard d.variables.contains(variable) else { return unlimited }
      var v = unlimited
      if let boundary = Self.boundary(d, comparisons[0].op, variable) {
        while v > 1, boundary % v != 0 { v /= 2 }
      } else {
        // Any comparison whose sides do not change inside an aligned block (`j // 4 == 3` on blocks of 4).
        let x = SymExpr(variable: variable)
        while v > 1, d.substituting([variable: .floorDiv(x, SymExpr(constant: v)) * SymExpr(constant: v)]) != d {
          v /= 2
        }
      }
      return v
    default:
      break
    }
    return mentions(condition, variable, env) ? 1 : unlimited
  }

  /// For `d op 0` with `d = ±variable + c`: the value `b` where the condition flips (it holds on one side of
  /// `variable < b`); nil for other forms.
  private static func boundary(_ d: SymExpr, _ op: CompareOp, _ variable: String) -> Int? {
    let own = d.terms.filter { $0.monomial == Monomial([.variable(variable)]) }
    guard own.count == 1, abs(own[0].coefficient) == 1,
      d.terms.allSatisfy({ $0.monomial == .one || $0.monomial == own[0].monomial })
    else { return nil }
    let c = d.constantTerm
    // variable + c op 0  ⟺  variable op -c;  -variable + c op 0  ⟺  variable op' c.
    let positive = own[0].coefficient == 1
    let bound = positive ? -c : c
    switch (op, positive) {
    case (.lt, true), (.gtE, true), (.gt, false), (.ltE, false): return bound
    case (.ltE, true), (.gt, true), (.lt, false), (.gtE, false): return bound + 1
    default: return nil
    }
  }

  /// The integer value of a side-effect-free arithmetic expression over names and literals; nil otherwise.
  private func affineValue(_ e: Expr, _ env: Env) -> SymExpr? {
    switch e.kind {
    case .int(let v, _): return v.map { SymExpr(constant: $0) }
    case .name(let n): return lookup(n, env).intValue
    case .unary(.neg, let x): return affineValue(x, env).map { -$0 }
    case .binary(let op, let l, let r):
      guard let a = affineValue(l, env), let b = affineValue(r, env) else { return nil }
      return binary(op, .int(a), .int(b)).intValue
    default: return nil
    }
  }

  /// Whether `e` names `variable`, directly or through a name bound to an index expression that uses it.
  private func mentions(_ e: Expr, _ variable: String, _ env: Env) -> Bool {
    var found = false
    ASTWalker { sub, _ in
      guard !found, case .name(let n) = sub.kind else { return }
      found = n == variable || (lookup(n, env).intValue?.variables.contains(variable) ?? false)
    }.walk(expression: e)
    return found
  }
}
