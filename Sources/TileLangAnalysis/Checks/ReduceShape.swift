// Reduction outputs of the wrong shape (TL415). The front end (tilelang/language/reduce_op.py) accepts an output
// shaped like the input without the reduced dimension, or with it kept as 1, and a `dim` inside the input's rank.
// The kept form then fails in layout inference, which gives the output the input's layout without the reduced
// dimension (src/op/reduce.cc `InferLayout`: "Check failed: vars.size() == InputDim() (2 vs. 1)"; checked with 0.1.15
// for dim 0 and 1, shared and fragment sources and outputs; not judged for other buffers or backends).

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
      let expected = dropped.isEmpty ? [1] : dropped
      let text = "(" + expected.map(String.init).joined(separator: ", ") + (expected.count == 1 ? ",)" : ")")
      if outShape == kept, kept != expected {
        // Checked on CUDA for shared and fragment buffers; `local` buffers on the CPU backend keep the dim.
        guard !run.otherBackend, s.scope.isShared || s.scope.isFragment, d.scope.isShared || d.scope.isFragment
        else { continue }
        out.append(
          Diagnostic(
            .TL415,
            "T.\(r.op) over dim \(dim) of \(s.name) \(s.shapeText) writes \(d.name) \(d.shapeText), keeping the reduced dim as 1: the front end accepts that, but layout inference gives the output \(s.name)'s layout without dim \(dim) and fails (\"Check failed: vars.size() == InputDim() (\(shape.count) vs. \(shape.count - 1))\"); allocate \(d.name) as \(text)",
            at: range))
      } else if outShape != expected, outShape != kept {
        out.append(
          Diagnostic(
            .TL415,
            "T.\(r.op) over dim \(dim) of \(s.name) \(s.shapeText) writes \(d.name) \(d.shapeText), but the output must be \(text): the front end fails (\"Invalid reduce output shape\")",
            at: range))
      }
    }
    return out
  }
}
