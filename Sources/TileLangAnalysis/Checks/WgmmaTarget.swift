// TL424: `T.wgmma_gemm` asks for Hopper's warpgroup MMA by name, and 0.1.15 fails the build when it cannot select it
// (cuda/op/gemm.cc, AllowWgmma, then FatalWgmmaUnavailable): the target must be Hopper (sm_90), the block a whole
// number of warpgroups (threads a multiple of 128), the gemm's M (the accumulator's rows) at least 64, and
// `tl.disable_wgmma` unset. `T.gemm` picks the instruction itself and never fails this way. Checked with 0.1.15
// (sweep L): sm_80 and sm_100 fail; on sm_90, M = 32, 64 or 192 threads and the pass config fail, 128 and 256 threads
// with M = 64 or 128 build, with A in shared memory or in registers. `T.tcgen05_gemm` likewise needs sm_100 and
// tcgen05's operand scopes (AllowTcgen5Mma: A in shared or tensor memory, B in shared memory, the accumulator in
// tensor memory): a fragment accumulator fails on every target (tilelang's own test expects it); its shape rules
// (GetTCGEN5MMAMeta) are not judged. Kernels that allocate tensor memory are checked for sm_100 only.

import TileLangSyntax

enum WgmmaTarget {
  /// TL424 at each `T.wgmma_gemm` that cannot be a wgmma on `target`, and each `T.tcgen05_gemm` off sm_100.
  static func check(_ run: KernelRun, target: TargetArch, passConfigs: PassConfigs) -> [Diagnostic] {
    guard !run.otherBackend else { return [] }
    var out: [Diagnostic] = []
    for case .gemm(let g) in run.layoutOps where g.op == "tcgen05_gemm" {
      // Without `mbar` the call fails to bind first (TL218).
      guard case .call(_, let args) = g.call.kind, args.contains(where: { $0.name == "mbar" }) else { continue }
      let scopes = g.operands.prefix(3).map { v -> MemoryScope? in
        if case .buffer(let b) = v { return b.scope } else { return nil }
      }
      let why: String
      if !target.hasTmem {
        why = "\(target.rawValue) has none (it needs sm_100)"
      } else if scopes.count == 3, let c = scopes[2], c != .tmem {
        why = "its accumulator is in \(c.name), and tcgen05 accumulates in tensor memory (T.alloc_tmem)"
      } else if scopes.count == 3, let b = scopes[1], !b.isShared {
        why = "its B operand is in \(b.name), and tcgen05 reads B from shared memory"
      } else if scopes.count == 3, let a = scopes[0], !a.isShared, a != .tmem {
        why = "its A operand is in \(a.name), and tcgen05 reads A from shared or tensor memory"
      } else {
        continue
      }
      out.append(
        Diagnostic(
          .TL424,
          "T.tcgen05_gemm asks for Blackwell's tcgen05 MMA, but \(why): the compiler fails (\"T.tcgen05_gemm() requires Blackwell TCGEN5MMA lowering, but constraints were not satisfied\"); use T.gemm, which picks the instruction for the target",
          at: g.call.range))
    }
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
