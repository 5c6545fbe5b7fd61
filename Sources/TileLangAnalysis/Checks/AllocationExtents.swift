// TL113: the compiler hoists every allocation of a kernel body (shared, fragment, local) to the top of its block, so
// an allocation inside a loop whose shape uses the loop's variable reads that variable before the loop defines it.
// 0.1.15 fails on every target ("variable i has been used before definition!" for shared and local buffers, "The
// layout for fragment S can not be inferred correctly" for fragments); block indices are defined above, and are fine.

import TileLangSyntax

enum AllocationExtents {
  /// TL113 on the shape argument of each such allocation.
  static func check(_ run: KernelRun) -> [Diagnostic] {
    run.loopExtentAllocations.map { a in
      Diagnostic(
        .TL113,
        "\(a.name) is allocated inside a loop with a dimension of \(a.dim), which uses the loop's variable: the compiler hoists allocations above the loop and fails (\"variable has been used before definition\"); allocate the largest tile once before the loop and copy into a slice of it",
        at: a.shape)
    }
  }
}
