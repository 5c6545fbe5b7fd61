// Reductions of a gemm accumulator that ReduceOp cannot lower (TL417). ReduceOp rewrites the accumulator's register
// index as a function of the reduced index `rv` and checks, with TVM's arithmetic prover, that removing the bits of
// `rv` that select a thread (lane or warp) leaves the register index unchanged ("ReduceOp cannot lower a layout where a
// source index depends on a thread-owned reduce segment"). Mathematically it always is; the prover fails when a
// register digit of `rv` sits between thread-owned bits and is not merged with the digit below it, and on some wide
// warp splits. The rule below is read off sweeps with 0.1.15 (sm_80 and sm_90; 16-256 rows, 16-256 columns, 64-512
// threads, every policy, dim 0 and 1: 1440 kernels; a second sweep of other shapes and float16 accumulators holds
// it). With each warp holding `rows` register blocks of rows (16 rows for mma; 64 rows per warpgroup for wgmma) and
// `columns` blocks of 8 columns, lowering fails for
// - a column reduction (dim 0) of an mma accumulator with 8 or more warps along M, or 2 to 4 warps along M and
//   rows ≥ 2 and columns ≥ 2;
// - a column reduction of a wgmma accumulator with one warpgroup along M, rows ≥ 2 and columns ≥ 2, or with more
//   warpgroups along M and columns ≥ 2;
// - a row reduction (dim 1) of an mma accumulator with 8 or more warps along N and columns ≥ 2.
// - any reduction whose dim is split over a number of warps that is not a power of two (3, 5, 6, 12; sweep G).
// Column reductions with one warp along M fail irregularly for large tiles (e.g. rows 8 × columns 4 fails and rows
// 4 × columns 8 passes); tl-lsp stays silent there.

import TileLangSyntax

enum ReduceAccumulatorSegments {
  /// Emits TL417 on the source operand of each such reduction on `target`.
  static func check(_ run: KernelRun, target: TargetArch, passConfigs: PassConfigs, source: SourceText)
    -> [Diagnostic]
  {
    guard let threads = run.threads?.constant, !run.narrowedThreads else { return [] }
    var plans: [Int: (GemmPlan, GemmCall)] = [:]
    var conflicting: Set<Int> = []
    var out: [Diagnostic] = []
    for op in run.layoutOps {
      switch op {
      case .gemm(let g):
        guard g.operands.count == 3, case .buffer(let c) = g.operands[2] else { continue }
        let p = GemmFragmentLayout.plan(g, threads: threads, target: target, passConfigs: passConfigs)
        if let p, plans[c.id] == nil || plans[c.id]?.0 == p { plans[c.id] = (p, g) } else { conflicting.insert(c.id) }
      case .reduce(let r):
        guard case .buffer(let f) = r.source, !conflicting.contains(f.id), let (p, g) = plans[f.id],
          f.concreteShape == [p.m, p.n], let dim = r.dim, dim == 0 || dim == 1, fails(p, dim: dim)
        else { continue }
        out.append(diagnostic(r, f, p, g, dim: dim, threads: threads, source: source))
      case .copy:
        continue
      }
    }
    return out
  }

  /// Register blocks per warp along rows (16-row blocks for mma, 64-row blocks per warpgroup for wgmma) and along
  /// columns (8-column blocks).
  static func blocks(_ p: GemmPlan) -> (rows: Int, columns: Int) {
    let rows = p.instruction == .mma ? p.m / p.mWarp / 16 : p.m / (p.mWarp / 4) / 64
    return (rows, p.n / p.nWarp / 8)
  }

  static func fails(_ p: GemmPlan, dim: Int) -> Bool {
    if !reducedWarpsArePowerOfTwo(p, dim: dim) { return true }
    let b = blocks(p)
    if dim == 0 {
      switch p.instruction {
      case .mma: return p.mWarp >= 8 || ((2...4).contains(p.mWarp) && b.rows >= 2 && b.columns >= 2)
      case .wgmma: return p.mWarp == 4 ? b.rows >= 2 && b.columns >= 2 : b.columns >= 2
      }
    }
    return p.instruction == .mma && p.nWarp >= 8 && b.columns >= 2
  }

  /// The warps along the reduced dim must be a power of two: the all-reduce across them is an XOR butterfly
  /// (3, 5, 6 or 12 warps along it fail on every target, mma and wgmma: "XOR-butterfly AllReduce requires
  /// logical_width ... to be a positive power of two" or the thread-owned segment check).
  static func reducedWarpsArePowerOfTwo(_ p: GemmPlan, dim: Int) -> Bool {
    let along = dim == 0 ? p.mWarp : p.nWarp
    return along & (along - 1) == 0
  }

  private static func diagnostic(
    _ r: ReduceCall, _ f: Buffer, _ p: GemmPlan, _ g: GemmCall, dim: Int, threads: Int, source: SourceText
  ) -> Diagnostic {
    let b = blocks(p)
    let rowBlock = p.instruction == .mma ? 16 : 64
    let holder = p.instruction == .mma ? "warp" : "warpgroup"
    let held =
      dim == 0
      ? "its rows are split over \(p.mWarp) warps, each \(holder) holding \(b.rows) block\(b.rows == 1 ? "" : "s") of \(rowBlock) rows and \(b.columns) block\(b.columns == 1 ? "" : "s") of 8 columns in registers"
      : "its columns are split over \(p.nWarp) warps, each holding \(b.columns) block\(b.columns == 1 ? "" : "s") of 8 columns in registers"
    let line = source.line(of: g.call.range.start) + 1
    var message =
      reducedWarpsArePowerOfTwo(p, dim: dim)
      ? "T.\(r.op) along dim \(dim) of \(f.name) \(f.shapeText), the accumulator of the gemm on line \(line) (\(p.summary)): \(held), and the compiler cannot prove that the register index does not depend on the thread-owned part of the reduced index, so lowering fails (\"ReduceOp cannot lower a layout where a source index depends on a thread-owned reduce segment\")"
      : "T.\(r.op) along dim \(dim) of \(f.name) \(f.shapeText), the accumulator of the gemm on line \(line) (\(p.summary)): \(dim == 0 ? "its rows are split over \(p.mWarp)" : "its columns are split over \(p.nWarp)") warps, not a power of two, and the compiler's all-reduce across them is an XOR butterfly, so lowering fails (\"XOR-butterfly AllReduce requires logical_width ... to be a positive power of two\", or the thread-owned reduce segment check)"
    var fixes: [Fix] = []
    let others = ["Square", "FullRow", "FullCol"].filter { $0 != p.policy }
    let passing = others.filter { policy in
      guard
        let (mw, nw) = GemmFragmentLayout.partition(p.instruction, policy: policy, m: p.m, n: p.n, warps: threads / 32)
      else { return false }
      var q = p
      (q.mWarp, q.nWarp, q.policy) = (mw, nw, policy)
      return !fails(q, dim: dim)
    }
    if passing.isEmpty {
      message += "; reduce a tile whose warps hold one block along the reduced dim, or reduce through shared memory"
    } else {
      message += "; the warp policy \(passing.map { "GemmWarpPolicy.\($0)" }.joined(separator: " or ")) avoids it"
      if let edit = policyEdit(g, source: source) {
        fixes = passing.map { policy in
          Fix(title: "Use policy=\(edit.module).GemmWarpPolicy.\(policy) on the gemm", edits: [edit.edit(policy)])
        }
      }
    }
    return Diagnostic(.TL417, message, at: r.sourceExpr?.range ?? r.call.range, fixes: fixes)
  }

  /// How to set the gemm's policy: replace a `policy=` keyword's value, or append one after the last argument.
  private static func policyEdit(_ g: GemmCall, source: SourceText)
    -> (module: String, edit: (String) -> TextEdit)?
  {
    guard case .call(let callee, let args) = g.call.kind, case .attribute(let base, _, _) = callee.kind,
      let last = args.last, !args.contains(where: \.isDoubleStar)
    else { return nil }
    let module = source.text(base.range)
    if let keyword = args.first(where: { $0.name == "policy" }) {
      return (module, { TextEdit(range: keyword.value.range, newText: "\(module).GemmWarpPolicy.\($0)") })
    }
    guard args.filter({ $0.name == nil }).count <= 5 else { return nil }
    let end = TextRange(last.range.end, last.range.end)
    return (module, { TextEdit(range: end, newText: ", policy=\(module).GemmWarpPolicy.\($0)") })
  }
}
