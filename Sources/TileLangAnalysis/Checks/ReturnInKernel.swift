// TL221: a `return` the DSL front end rejects (Interpreter.noteReturn records them). In a `@T.prim_func` body a
// `return` under a run-time `if` or loop (a kernel index, a loop variable, a loaded element in the condition; any
// T.serial / T.Parallel / T.Pipelined / range loop) leaves the PrimFunc unfinished: elaboration fails with "Cannot
// find where to insert PrimFunc". A `@T.macro` raises NotImplementedError for a `return` under control flow it opened.
// A prim_func may return only tensors from T.empty. A `return` on a path the front end decides in Python (an `if` on
// a Python value) or at the end of the body or of the `with T.Kernel` block builds.

import TileLangSyntax

enum ReturnInKernel {
  static func check(_ run: KernelRun) -> [Diagnostic] {
    var seen = Set<TextRange>()
    return run.rejectedReturns.compactMap { range, problem in
      guard seen.insert(range).inserted else { return nil }
      switch problem {
      case .primFuncControlFlow:
        return Diagnostic(
          .TL221,
          "`return` under a run-time `if` or loop of a @T.prim_func: the front end cannot finish the kernel (ValueError: \"Cannot find where to insert PrimFunc\"); put the rest of the body under the opposite condition instead of returning early",
          at: range)
      case .macroControlFlow:
        return Diagnostic(
          .TL221,
          "`return` under a run-time `if` or loop of a @T.macro: the front end rejects it (NotImplementedError: \"In tilelang macro, return from control flow is not supported yet\"); assign a T.alloc_var inside the branches and return it after them",
          at: range)
      case .primFuncValue(let name):
        return Diagnostic(
          .TL221,
          "a @T.prim_func returns \(name), which T.empty did not allocate: the front end fails (RuntimeError: \"Only tensor allocated from `T.empty` can be returned in a prim_func\"); write results into an output parameter and drop the `return`",
          at: range)
      }
    }
  }
}
