// TL225: a store into a buffer through a slice with an open bound or a step (`acc_o[i, :] = ...`, `s[:N] = 0`,
// `s[i, 0:N:2] = ...`). The front end turns the store into `T.buffer_store` with the slice as a region, and TVM's
// builder computes each slice's extent as `stop - start` (tirx/script/builder/ir.py): an open bound is None, so the
// store fails at elaboration on every target ("TypeError: unsupported operand type(s) for -: 'NoneType' and
// 'NoneType'"), and a step fails with "Buffer slicing with step is not supported". Checked with 0.1.15 (sweep M):
// shared, fragment and global buffers alike; `s[i, 0:N] = A[i, 0:N]` (bounded, a value of the same lanes) and
// `T.copy(A[0, :], s[0, :])` build.

import TileLangSyntax

extension Interpreter {
  /// Notes TL225 for a store `b[index] = ...` whose index has a slice the front end cannot store through.
  mutating func noteSliceStore(_ b: Buffer, _ index: Expr, _ target: TextRange) {
    guard run != nil, frontEndErrors[target] == nil else { return }
    let parts: [Expr]
    if case .tuple(let elements) = index.kind { parts = elements } else { parts = [index] }
    for part in parts {
      guard case .slice(let lower, let upper, let step) = part.kind else { continue }
      let error: String
      if step != nil {
        error = "ValueError: Buffer slicing with step is not supported."
      } else if lower == nil || upper == nil {
        let types = [upper, lower].map { $0 == nil ? "'NoneType'" : "'int'" }.joined(separator: " and ")
        error = "TypeError: unsupported operand type(s) for -: \(types)"
      } else {
        continue
      }
      let open = step != nil ? "a step" : "an open bound"
      frontEndErrors[target] = [
        Diagnostic(
          .TL225,
          "\(b.name) is stored through a slice with \(open): the front end stores a slice as a region from its start and stop, and elaboration fails on every target (\(error)); store element by element in a T.Parallel loop over that dimension, or T.copy from a region",
          at: part.range)
      ]
      return
    }
  }
}
