// TL421: `T.pdl_sync()` / `T.pdl_trigger()` (programmatic dependent launch: wait for the previous grid, let the next
// one start) exist from sm_90 on. 0.1.15's CUDA pipeline marks the kernels that call them in a pass that, on a target
// before sm_90, fails the build when either call is present at all ("PDL is not supported"), whether or not it is
// reached. No other T.* call fails that way merely by being present before sm_90 except the barrier allocations of
// TL420 (probed with tilelang 0.1.15: the wgmma, TMA-store, cluster, register-count and fence calls lower at sm_80).

import TileLangSyntax

enum PDLTarget {
  /// TL421 at each PDL call, on a CUDA target before sm_90.
  static func check(_ run: KernelRun, target: TargetArch) -> [Diagnostic] {
    guard !target.hasBulkCopy, !run.otherBackend else { return [] }
    return run.pdlCalls.map { name, call in
      Diagnostic(
        .TL421,
        "T.\(name)() is programmatic dependent launch, which \(target.rawValue) lacks (it needs sm_90 or later): the compiler fails (\"PDL is not supported\"); call it only when building for sm_90 or later",
        at: call)
    }
  }
}
