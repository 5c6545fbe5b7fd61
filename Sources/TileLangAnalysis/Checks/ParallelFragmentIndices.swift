// Fragments accessed at two different indices in one `T.Parallel` loop (TL418). The compiler lays a parallel loop out
// from the indices each fragment is accessed at, and records one index tuple per fragment: a second load or store of
// the same fragment at other indices fails (src/op/parallel.cc `RecordBufferAccess`: "Check failed:
// (StructuralEqual()(it->second.indices, indices))"). Shared and global buffers are exempt; a serial loop inside the
// parallel one is part of it. Checked with 0.1.15: `x[i, j] - x[i, j + D // 2]` (rotate-half), `x[i, 0]` beside
// `x[i, k]`, and `x[i, j] * x[0, 0]` fail; `x[j, i]` alone and `x[i, j + 0]` beside `x[i, j]` pass.

import TileLangSyntax

enum ParallelFragmentIndices {
  /// Emits TL418 on the first access of each fragment whose indices differ from its earlier access in the loop.
  static func check(_ run: KernelRun, source: SourceText) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for loop in run.parallelLoops {
      var first: [Int: ParallelLoop.Access] = [:]
      var reported: Set<Int> = []
      for access in loop.accesses where !reported.contains(access.buffer.id) {
        guard !access.indices.contains(where: { $0 == nil }) else {
          reported.insert(access.buffer.id)  // an index it cannot evaluate: judge this fragment no further
          continue
        }
        guard let earlier = first[access.buffer.id] else {
          first[access.buffer.id] = access
          continue
        }
        guard earlier.indices != access.indices else { continue }
        reported.insert(access.buffer.id)
        let b = access.buffer
        let line = source.line(of: earlier.range.start) + 1
        out.append(
          Diagnostic(
            .TL418,
            "\(b.name) is \(access.isWrite ? "written" : "read") here as \(source.text(access.range)) and \(earlier.isWrite ? "written" : "read") as \(source.text(earlier.range)) on line \(line), in the same T.Parallel loop: the compiler lays the loop out from one index tuple per fragment and fails (\"Check failed: (StructuralEqual()(it->second.indices, indices))\" naming \(b.name)); read the other elements through a shared buffer, or copy them into a fragment of their own first",
            at: access.range))
      }
    }
    return out
  }
}
