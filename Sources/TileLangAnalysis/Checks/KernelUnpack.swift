// TL227: `with T.Kernel(...) as (bx, by)` unpacks the frame's block indices, one per grid dimension, with Python's
// tuple assignment: a grid of one dimension unpacked into two names fails with "ValueError: not enough values to unpack
// (expected 2, got 1)", three dimensions into two with "too many values to unpack (expected 2)" (tilelang 0.1.15,
// every target). One name (`as bx`) takes the index, or the list of indices, whatever the grid; so does `as (bx,)` for
// one dimension.

import TileLangSyntax

extension Interpreter {
  /// Notes TL227 for a `T.Kernel` frame (evaluated from `context`) bound to a tuple or list `target`.
  mutating func noteKernelUnpack(_ context: Expr, _ target: Expr, _ frame: Value) {
    guard run != nil, case .kernelFrame(_, let grid) = frame, case .call(_, let args) = context.kind,
      !args.contains(where: { arg in
        if case .starred = arg.value.kind { return true }
        return arg.isDoubleStar
      })
    else { return }
    let names: [Expr]
    switch target.kind {
    case .tuple(let e), .list(let e): names = e
    default: return
    }
    guard !names.contains(where: { if case .starred = $0.kind { true } else { false } }), names.count != grid.count
    else { return }
    let error =
      names.count > grid.count
      ? "not enough values to unpack (expected \(names.count), got \(grid.count))"
      : "too many values to unpack (expected \(names.count))"
    let dims = grid.count == 1 ? "1 dimension" : "\(grid.count) dimensions"
    frontEndErrors[target.range] = [
      Diagnostic(
        .TL227,
        "\(source.text(target.range)) names \(names.count) block indices, but the grid of \(source.text(context.range)) has \(dims): building the kernel fails on every target (ValueError: \(error)); name one index per grid dimension",
        at: target.range)
    ]
  }
}
