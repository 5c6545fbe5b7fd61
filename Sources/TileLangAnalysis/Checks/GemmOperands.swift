// `T.gemm` operands the front end or gemm lowering rejects (TL414): A's M differs from C's rows, A's and B's K
// disagree, or B's N differs from C's columns (after `transpose_A` / `transpose_B`; the front end checks M, then K,
// then N), A and B have different dtypes (the mma and wgmma paths a fragment accumulator selects never mix them:
// only tcgen05 takes mixed fp8/fp6/fp4 operands, and its accumulator is in tensor memory), the block's warps cannot split
// M × N into 16-row × 8-column pieces, or (on CUDA) the accumulator is in shared memory or `local` registers. The
// Metal and CPU backends take such accumulators: files that name another backend (`run.otherBackend`) are not judged
// on the CUDA-only rules. On sm_90 (`checkWgmma`), a wgmma whose B tile is N-major and too narrow per warpgroup for a
// swizzled layout. And a K tile the mma's K step (256 bits) does not divide. A or B in global memory, or a global
// accumulator, fails gemm lowering on every target ("Unsupported gemm combination, A: global, ...").

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
        if !run.otherBackend, c.scope.isShared || c.scope == .local || c.scope == .localVar || c.scope == .global {
          let kind =
            c.scope.isShared
            ? "a shared-memory buffer" : c.scope == .global ? "a global tensor" : "a \(c.scope.name) buffer"
          out.append(
            Diagnostic(
              .TL414,
              "T.gemm accumulates into \(c.name), \(kind): on CUDA the accumulator must be a register fragment, and gemm lowering fails (\"local_buf acc must be a fragment\"); allocate \(c.name) with T.alloc_fragment and copy it out after the gemm",
              at: range(2)))
        }
        continue
      }
      if let ta = g.transposeA, let tb = g.transposeB, let sa = a.concreteShape, let sb = b.concreteShape,
        sa.count == 2, sb.count == 2
      {
        let ma = ta ? sa[1] : sa[0]
        let ka = ta ? sa[0] : sa[1]
        let kb = tb ? sb[1] : sb[0]
        let nb = tb ? sb[0] : sb[1]
        let sc = c.concreteShape.flatMap { $0.count == 2 ? $0 : nil }
        if let sc, ma != sc[0] {
          out.append(
            Diagnostic(
              .TL414,
              "T.gemm writes \(c.name) \(c.shapeText) from \(a.name) \(a.shapeText)\(ta ? " transposed" : ""): M is \(ma) for A and \(sc[0]) for C, and the front end fails (\"T.gemm M shape check failed: M_A = \(ma), M_C = \(sc[0])\")\(!ta && sa[1] == sc[0] ? "; if A is stored (K, M), pass transpose_A=True" : "")",
              at: range(0)))
          continue
        }
        if ka != kb {
          out.append(
            Diagnostic(
              .TL414,
              "T.gemm multiplies \(a.name) \(a.shapeText)\(ta ? " transposed" : "") by \(b.name) \(b.shapeText)\(tb ? " transposed" : ""): K is \(ka) for A and \(kb) for B, and the front end fails (\"T.gemm K shape check failed: K_A = \(ka), K_B = \(kb)\")\(tb ? "" : "; if B is stored (N, K), pass transpose_B=True")",
              at: range(1)))
          continue
        }
        if let sc, nb != sc[1] {
          out.append(
            Diagnostic(
              .TL414,
              "T.gemm writes \(c.name) \(c.shapeText) from \(b.name) \(b.shapeText)\(tb ? " transposed" : ""): N is \(nb) for B and \(sc[1]) for C, and the front end fails (\"T.gemm N shape check failed: N_B = \(nb), N_C = \(sc[1])\")\(!tb && sb[0] == sc[1] ? "; if B is stored (N, K), pass transpose_B=True" : "")",
              at: range(2)))
          continue
        }
      }
      if let da = a.dtype, let db = b.dtype, da != db {
        let note =
          lowPrecision(da) && lowPrecision(db)
          ? ", and only on tcgen05 (sm_100, an accumulator in tensor memory): \(c.name) is a fragment"
          : ""
        out.append(
          Diagnostic(
            .TL414,
            "T.gemm's A is \(da) and B is \(db): the compiler multiplies mixed dtypes only within the fp8/fp6/fp4 family (\"Mixed-dtype GEMM only supports f8f6f4 family operands\")\(note); cast one of them",
            at: range(1)))
        continue
      }
      // A and B must each be shared or a fragment (gemm_base.py is_gemm_ss/sr/rs/rr): a global tensor is neither.
      if !run.otherBackend, let (i, t) = [(0, a), (1, b)].first(where: { $0.1.scope == .global }) {
        out.append(
          Diagnostic(
            .TL414,
            "T.gemm's \(i == 0 ? "A" : "B") operand \(t.name) is a global tensor: gemm reads its operands from shared memory or registers, and lowering fails (\"Unsupported gemm combination, A: \(a.scope.name), B: \(b.scope.name)\"); copy a tile of \(t.name) into a T.alloc_shared buffer and pass that",
            at: range(i)))
        continue
      }
      if !run.otherBackend, let threads = (g.threads ?? run.threads)?.constant, threads % 32 == 0,
        let sc = c.concreteShape,
        sc.count == 2,
        !partitionExists(m: sc[0], n: sc[1], warps: threads / 32)
      {
        out.append(
          Diagnostic(
            .TL414,
            "T.gemm's accumulator \(c.name) is \(sc[0])×\(sc[1]), which \(threads / 32) warps cannot split into pieces of 16 rows × 8 columns: the compiler fails (\"No valid warp partition for T.gemm\"); use a larger tile or fewer threads",
            at: range(2)))
        continue
      }
      // The mma steps K by k = min(256 / bits, K) (cuda/intrinsics/macro/mma_macro_generator.py); a K tile k does not
      // divide fails gemm lowering. wgmma takes no such K either and falls back to mma (checked with 0.1.15 on sm_80,
      // sm_90 and sm_100: float16/bfloat16 K = 24, 40; int8/float8 K = 48).
      if !run.otherBackend, let ta = g.transposeA, let sa = a.concreteShape, sa.count == 2, let da = a.dtype,
        let step = mmaKStep(da)
      {
        let k = ta ? sa[0] : sa[1]
        if k > step, k % step != 0 {
          out.append(
            Diagnostic(
              .TL414,
              "T.gemm's K tile is \(k) (\(a.name) \(a.shapeText)\(ta ? " transposed" : "")), and the \(da) mma steps K by \(step): gemm lowering fails (\"block_K (\(k)) must be a multiple of micro_size_k (\(step))\"); use a K tile that is a multiple of \(step)",
              at: range(0)))
        }
      }
    }
    return out
  }

  /// TL414 for a gemm that runs before a warp-specialised loop: warp specialisation adds a producer warpgroup of 128
  /// threads to the block, and the statements before the loop run over all of them, so the gemm's accumulator must
  /// split over (threads + 128) / 32 warps ("No valid warp partition for T.gemm: M=64, N=64 cannot be evenly covered
  /// by 12 warps" with 256 threads). Gemms inside the loop keep the consumers' threads, and one after it builds.
  /// Checked with 0.1.15 on sm_80/sm_90/sm_100 (sweep N's WY solve kernel and 7 probes).
  static func checkProducerWarps(_ run: KernelRun, target: TargetArch, specialized: Set<TextRange>) -> [Diagnostic] {
    guard !run.otherBackend, let first = specialized.map(\.start).min() else { return [] }
    var out: [Diagnostic] = []
    for op in run.layoutOps {
      guard case .gemm(let g) = op, g.call.range.end <= first, let threads = run.threads?.constant,
        (g.threads?.constant ?? threads) == threads, threads % 32 == 0,
        case .buffer(let c)? = g.operands.dropFirst(2).first, let sc = c.concreteShape, sc.count == 2,
        partitionExists(m: sc[0], n: sc[1], warps: threads / 32),
        !partitionExists(m: sc[0], n: sc[1], warps: (threads + 128) / 32)
      else { continue }
      out.append(
        Diagnostic(
          .TL414,
          "on \(target.rawValue) a later T.Pipelined loop is warp-specialised, which adds a producer warpgroup of 128 threads to the block, and this T.gemm before it runs over all \(threads + 128): its accumulator \(c.name) is \(sc[0])×\(sc[1]), which \((threads + 128) / 32) warps cannot split into pieces of 16 rows × 8 columns, and the compiler fails (\"No valid warp partition for T.gemm\"); use fewer threads, or the pass config tl.disable_warp_specialized",
          at: g.operandExprs[2]?.range ?? g.call.range))
    }
    return out
  }

  /// TL414 for gemms that select wgmma on sm_90 (M ≥ 64, warps in groups of 4) but whose warpgroups cannot split the
  /// accumulator: each warpgroup along M takes a multiple of 64 rows, so M = 96 over 4 or 8 warps fails ("No valid
  /// warp partition for T.gemm (Warp-Group MMA)"; the compiler does not fall back to mma). And for wgmma's B operand
  /// stored (K, N) in shared memory (cuda/op/gemm/gemm_wgmma.py `infer_layout`): its
  /// swizzle is chosen from the instruction's N (the widest legal n dividing each warpgroup's N / n_warp columns),
  /// and without a swizzle (N not a multiple of 16 16-bit elements) the descriptor needs one 16-byte chunk per row of
  /// the whole tile (wgmma_macro_generator.py `compute_gmma_descriptor`: "Not a canonical GMMA_MN layout"). Checked
  /// with 0.1.15 (330 gemms, N from 8 to 256, 128-512 threads, every policy): N = 8, 24, 40, 56, 72 over one
  /// warpgroup and N = 16, 32, 96 over 2 or 4 warpgroups along N fail; 16, 48, 80 over one pass, as does B stored
  /// (N, K) with transpose_B=True.
  static func checkWgmma(_ run: KernelRun, target: TargetArch, passConfigs: PassConfigs) -> [Diagnostic] {
    guard target.isHopper, !run.otherBackend else { return [] }
    var out: [Diagnostic] = []
    for op in run.layoutOps {
      guard case .gemm(let g) = op, let threads = (g.threads ?? run.threads)?.constant,
        let s = GemmFragmentLayout.selection(g, threads: threads, target: target, passConfigs: passConfigs),
        s.instruction == .wgmma
      else { continue }
      let warps = threads / 32
      guard let (mWarp, nWarp) = GemmFragmentLayout.partition(.wgmma, policy: s.policy, m: s.m, n: s.n, warps: warps)
      else {
        if partitionExists(m: s.m, n: s.n, warps: warps) {  // otherwise check(_:source:) reports the mma split
          out.append(
            Diagnostic(
              .TL414,
              "On \(target.rawValue) this T.gemm is a wgmma (M ≥ 64, \(warps) warps in warpgroups of 4), whose warpgroups each take a multiple of 64 rows and 8 columns of the \(s.m)×\(s.n) accumulator: no split of \(warps / 4) warpgroup\(warps == 4 ? "" : "s") covers it, and the compiler fails (\"No valid warp partition for T.gemm (Warp-Group MMA)\"); use a multiple of 64 rows, a thread count that is not a multiple of 128, or the pass config tl.disable_wgmma",
              at: g.operandExprs[2]?.range ?? g.call.range))
        }
        continue
      }
      guard g.transposeB == false,
        case .buffer(let b) = g.operands[1], b.scope.isShared, !run.annotatedLayouts.contains(b.id),
        let shape = b.concreteShape, shape.count == 2, let dtype = b.dtype,
        let bits = GemmFragmentLayout.operandBits(dtype), bits == 16
      else { continue }
      let p = GemmPlan(
        instruction: .wgmma, m: s.m, n: s.n, k: s.k, mWarp: mWarp, nWarp: nWarp, policy: s.policy)
      let perGroup = p.n / p.nWarp
      let instN = wgmmaInstructionN(perGroup)
      let chunks = shape[1] * bits / 128
      guard instN % (2 * 128 / bits) != 0 else { continue }
      let split = p.nWarp == 1 ? "" : " (its \(p.n) columns over \(p.nWarp) warpgroups along N)"
      let failure =
        chunks == 1
        ? "unswizzled, its 8-column rows are a single 16-byte chunk, which the descriptor takes for K-major (\"WGMMA operand layout contiguity (k_major=True) disagrees with the row-major expectation\")"
        : "unswizzled, the tile's \(shape[1])-column rows are \(chunks) 16-byte chunks where wgmma reads one (\"Not a canonical GMMA_MN layout: stride<1,0>=\(chunks) != W=1\")"
      out.append(
        Diagnostic(
          .TL414,
          "On \(target.rawValue) this T.gemm is a wgmma (\(p.mWarp)×\(p.nWarp) warps, policy \(p.policy)) reading B \(b.name) \(b.shapeText) N-major from shared memory: each warpgroup multiplies \(perGroup) columns\(split), instruction n\(instN), too narrow for a swizzled layout (a multiple of 16 columns), and \(failure), so lowering fails; store B as (N, K) and pass transpose_B=True, or give each warpgroup a multiple of 16 columns",
          at: g.operandExprs[1]?.range ?? g.call.range))
    }
    return out
  }

  /// wgmma_macro_generator.py `select_wgmma_inst_n`: the widest multiple of 16 up to 256 dividing `columns`, else
  /// gcd(columns, 256).
  static func wgmmaInstructionN(_ columns: Int) -> Int {
    var (a, b) = (columns, 256)
    while b != 0 { (a, b) = (b, a % b) }
    let fallback = a
    guard columns % 16 == 0 else { return fallback }
    for candidate in stride(from: 256, to: fallback, by: -16) where columns % candidate == 0 { return candidate }
    return fallback
  }

  static func lowPrecision(_ dtype: String) -> Bool {
    dtype.hasPrefix("float8") || dtype.hasPrefix("float6") || dtype.hasPrefix("float4")
  }

  /// The mma's K step for 16-bit and 8-bit operands (256 bits of K per step); nil for the others.
  static func mmaKStep(_ dtype: String) -> Int? {
    switch dtype {
    case "float16", "bfloat16": return 16
    case "int8", "uint8": return 32
    default: return dtype.hasPrefix("float8") ? 32 : nil
    }
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
