// TL420: `T.alloc_barrier` (and `T.alloc_cluster_barrier`) allocate hardware mbarriers in shared memory; before sm_90
// there are none, and 0.1.15's CUDA pipeline rejects a module that uses one (tilelang/cuda/pipeline.py,
// `have_mbarrier`) before it emits code, instead of nvcc failing on an undefined `Barrier`.

import TileLangSyntax

enum BarrierTarget {
  /// TL420 at the allocation of each barrier, used or not, on a target without mbarriers.
  static func check(_ run: KernelRun, target: TargetArch) -> [Diagnostic] {
    guard !target.hasBulkCopy, !run.otherBackend else { return [] }
    return run.buffers.filter { $0.scope == .barrier }.map { b in
      Diagnostic(
        .TL420,
        "\(b.name) is a hardware mbarrier (T.alloc_barrier), which \(target.rawValue) lacks: the compiler fails (\"T.alloc_barrier() requires sm_90 (Hopper) or later, but the current target is \(target.rawValue)\"); synchronise with T.sync_threads() before sm_90, or build for sm_90 or later",
        at: b.declarationRange)
    }
  }
}
