// TL226: a `//`, `%` or `/` in a kernel body whose divisor evaluates to zero for the specialization being built
// (`by // (kv_group_num // block_H)` with 16 heads and block_H = 64). Python evaluates the host-side part at trace
// time, so the divisor is a plain 0 there; TVM's arithmetic then fails while the front end builds the expression
// ("InternalError: Check failed: pb->value != 0 (0 vs. 0) : Divide by zero", every target), and two Python integers
// fail with ZeroDivisionError. Checked with tilelang 0.1.15 (sweep O's vLLM MLA decode).

import TileLangSyntax

extension Interpreter {
  /// Notes TL226 for `left op right` in a kernel body when `right` evaluated to the constant 0.
  mutating func noteZeroDivisor(_ op: BinaryOp, _ e: Expr, divisor: Expr, _ value: Value) {
    guard run != nil, op == .floorDiv || op == .mod || op == .div, run?.sizeErrors[e.range] == nil else { return }
    let zero: Bool
    switch value {
    case .int(let x): zero = x.constant == 0
    case .float(let d): zero = d == 0
    case .bool(let b): zero = !b
    default: zero = false
    }
    guard zero else { return }
    let divisorText = source.text(divisor.range)
    let shown = divisorText == "0" ? "" : " (\(divisorText) is 0 here)"
    run?.sizeErrors[e.range] = Diagnostic(
      .TL226,
      "\(source.text(e.range)) divides by zero\(shown): building the kernel fails on every target (Divide by zero); check the sizes that make the divisor 0, or guard the expression for them",
      at: divisor.range)
  }
}
