// TL424: `T.wgmma_gemm` asks for Hopper's warpgroup MMA by name, and 0.1.15 fails the build when it cannot select it
// (cuda/op/gemm.cc, AllowWgmma, then FatalWgmmaUnavailable): the target must be Hopper (sm_90), the block a whole
// number of warpgroups (threads a multiple of 128), the gemm's M (the accumulator's rows) at least 64, and
// `tl.disable_wgmma` unset. `T.gemm` picks the instruction itself and never fails this way. Checked with 0.1.15
// (sweep L): sm_80 and sm_100 fail; on sm_90, M = 32, 64 or 192 threads and the pass config fail, 128 and 256 threads
// with M = 64 or 128 build, with A in shared memory or in registers.

import TileLangSyntax

enum WgmmaTarget {
  /// TL424 at each `T.wgmma_gemm` that cannot be a wgmma on `target`.
  static func check(_ run: KernelRun, target: TargetArch, passConfigs: PassConfigs) -> [Diagnostic] {
    guard !run.otherBackend else { return [] }
    var out: [Diagnostic] = []
    for case .gemm(let g) in run.layoutOps where g.op == "wgmma_gemm" {
      let threads = (g.threads ?? run.threads)?.constant
      var accumulator: Buffer?
      if g.operands.count >= 3, case .buffer(let c) = g.operands[2] { accumulator = c }
      let rows = accumulator?.concreteShape?.first
      let why: String
      if !target.isHopper {
        why = "\(target.rawValue) has no wgmma (only sm_90 does)"
      } else if passConfigs.disableWgmma {
        why = "the pass config tl.disable_wgmma turns it off"
      } else if let threads, threads % 128 != 0 {
        why = "the \(threads) threads are not whole warpgroups (a multiple of 128)"
      } else if let rows, rows < 64 {
        why = "its M is \(rows), and a wgmma needs at least 64 rows"
      } else {
        continue
      }
      let over = threads.map { " over \($0) threads" } ?? ""
      let what = accumulator.map { " into \($0.name) \($0.shapeText)\(over)" } ?? over
      out.append(
        Diagnostic(
          .TL424,
          "T.wgmma_gemm\(what) asks for Hopper's warpgroup MMA, but \(why): the compiler fails (\"T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied\"); use T.gemm, which picks the instruction for the target",
          at: g.call.range))
    }
    return out
  }
}
