// `T.gemm` operands the front end or gemm lowering rejects (TL414): A's and B's K disagree (after `transpose_A` /
// `transpose_B`), A and B have different dtypes outside the fp8/fp6/fp4 family, the block's warps cannot split
// M × N into 16-row × 8-column pieces, or (on CUDA) the accumulator is in shared memory or `local` registers. The
// Metal and CPU backends take such accumulators: files that name another backend (`run.otherBackend`) are not judged
// on the CUDA-only rules.

import TileLangSyntax

enum GemmOperands {
  /// Emits TL414 on the first problem of each `T.gemm`.
  static func check(_ run: KernelRun, source: SourceText) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for op in run.layoutOps {
      guard case .gemm(let g) = op, g.op == "gemm", g.operands.count == 3,
        case .buffer(let a) = g.operands[0], case .buffer(let b) = g.operands[1], case .buffer(let c) = g.operands[2]
      else { continue }
      func range(_ i: Int) -> TextRange { g.operandExprs[i]?.range ?? g.call.range }
      guard c.scope.isFragment else {  // tmem on sm_100 (tcgen05); shared or local on the Metal and CPU backends
        if !run.otherBackend, c.scope.isShared || c.scope == .local || c.scope == .localVar {
          out.append(
            Diagnostic(
              .TL414,
              "T.gemm accumulates into \(c.name), \(c.scope.isShared ? "a shared-memory" : "a \(c.scope.name)") buffer: on CUDA the accumulator must be a register fragment, and gemm lowering fails (\"local_buf acc must be a fragment\"); allocate \(c.name) with T.alloc_fragment and copy it out after the gemm",
              at: range(2)))
        }
        continue
      }
      if let ta = g.transposeA, let tb = g.transposeB, let sa = a.concreteShape, let sb = b.concreteShape,
        sa.count == 2, sb.count == 2
      {
        let ka = ta ? sa[0] : sa[1]
        let kb = tb ? sb[1] : sb[0]
        if ka != kb {
          out.append(
            Diagnostic(
              .TL414,
              "T.gemm multiplies \(a.name) \(a.shapeText)\(ta ? " transposed" : "") by \(b.name) \(b.shapeText)\(tb ? " transposed" : ""): K is \(ka) for A and \(kb) for B, and the front end fails (\"T.gemm K shape check failed: K_A = \(ka), K_B = \(kb)\"); \(tb ? "" : "if B is stored (N, K), pass transpose_B=True")",
              at: range(1)))
          continue
        }
      }
      if let da = a.dtype, let db = b.dtype, da != db, !(lowPrecision(da) && lowPrecision(db)) {
        out.append(
          Diagnostic(
            .TL414,
            "T.gemm's A is \(da) and B is \(db): the compiler multiplies mixed dtypes only within the fp8/fp6/fp4 family (\"Mixed-dtype GEMM only supports f8f6f4 family operands\"); cast one of them",
            at: range(1)))
        continue
      }
      if !run.otherBackend, let threads = run.threads?.constant, threads % 32 == 0, let sc = c.concreteShape,
        sc.count == 2,
        !partitionExists(m: sc[0], n: sc[1], warps: threads / 32)
      {
        out.append(
          Diagnostic(
            .TL414,
            "T.gemm's accumulator \(c.name) is \(sc[0])×\(sc[1]), which \(threads / 32) warps cannot split into pieces of 16 rows × 8 columns: the compiler fails (\"No valid warp partition for T.gemm\"); use a larger tile or fewer threads",
            at: range(2)))
      }
    }
    return out
  }

  static func lowPrecision(_ dtype: String) -> Bool {
    dtype.hasPrefix("float8") || dtype.hasPrefix("float6") || dtype.hasPrefix("float4")
  }

  /// Some m × n = warps with M a multiple of 16·m and N a multiple of 8·n.
  static func partitionExists(m: Int, n: Int, warps: Int) -> Bool {
    guard warps > 0 else { return true }
    for wm in 1...warps where warps % wm == 0 {
      let wn = warps / wm
      if m % (16 * wm) == 0, n % (8 * wn) == 0 { return true }
    }
    return false
  }
}
