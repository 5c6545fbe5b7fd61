// Reduction outputs of the wrong shape (TL415). The front end (tilelang/language/reduce_op.py) accepts an output
// shaped like the input without the reduced dimension, or with it kept as 1, and a `dim` inside the input's rank.

import TileLangSyntax

enum ReduceShape {
  /// Emits TL415 on each `T.reduce_*` whose `dim` or output shape the front end rejects.
  static func check(_ run: KernelRun, source: SourceText) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for op in run.layoutOps {
      guard case .reduce(let r) = op, case .buffer(let s) = r.source, case .buffer(let d) = r.destination,
        let shape = s.concreteShape, let outShape = d.concreteShape, let dim = r.dim
      else { continue }
      let range = r.destinationExpr?.range ?? r.call.range
      guard dim >= 0, dim < shape.count else {
        out.append(
          Diagnostic(
            .TL415,
            "T.\(r.op) reduces dim \(dim) of \(s.name) \(s.shapeText), which has \(shape.count) dimension\(shape.count == 1 ? "" : "s"): the front end fails; pass a dim from 0 to \(shape.count - 1)",
            at: r.call.range))
        continue
      }
      var dropped = shape
      dropped.remove(at: dim)
      var kept = shape
      kept[dim] = 1
      let accepted = [dropped.isEmpty ? [1] : dropped, kept]
      if !accepted.contains(outShape) {
        let text = accepted.map { "(" + $0.map(String.init).joined(separator: ", ") + ($0.count == 1 ? ",)" : ")") }
        out.append(
          Diagnostic(
            .TL415,
            "T.\(r.op) over dim \(dim) of \(s.name) \(s.shapeText) writes \(d.name) \(d.shapeText), but the output must be \(text[0]) or \(text[1]): the front end fails (\"Invalid reduce output shape\")",
            at: range))
      }
    }
    return out
  }
}
