// The fragment layouts a `T.gemm` fixes before any other op is looked at: which instruction it lowers to, how it
// splits its warps (cuda/op/gemm.cc SelectInst, ComputeWarpPartition), and which threads hold each element of its
// accumulator and register operands (the mma / wgmma emitters' fragments). Checked against the compiler's own
// layouts for 2070 configurations (sm_80, sm_90; 16- and 8-bit operands; all policies; 128 and 256 threads).

/// How one gemm call lowers on one target.
struct GemmPlan: Sendable, Equatable {
  enum Instruction: String, Sendable { case mma, wgmma }

  var instruction: Instruction
  var m: Int
  var n: Int
  var k: Int
  var mWarp: Int
  var nWarp: Int
  var policy: String

  /// `mma, 2×2 warps, policy Square`.
  var summary: String { "\(instruction.rawValue), \(mWarp)×\(nWarp) warps, policy \(policy)" }
}

enum GemmFragmentLayout {
  enum Role: Sendable { case a, b, accumulator }

  /// The plan of a gemm call, or nil when the call is outside what the model covers (symbolic shapes, other
  /// dtypes, transposed register operands, targets before sm_80, a tensor-memory accumulator, ...). From sm_100 on, a
  /// gemm into a fragment is an mma as on sm_80 (tcgen05 needs a `shared.tmem` accumulator; checked with 0.1.15 at
  /// sm_100 and sm_120).
  static func plan(_ g: GemmCall, threads: Int, target: TargetArch, passConfigs: PassConfigs) -> GemmPlan? {
    guard let s = selection(g, threads: threads, target: target, passConfigs: passConfigs),
      let (mWarp, nWarp) = partition(s.instruction, policy: s.policy, m: s.m, n: s.n, warps: threads / 32)
    else { return nil }
    return GemmPlan(instruction: s.instruction, m: s.m, n: s.n, k: s.k, mWarp: mWarp, nWarp: nWarp, policy: s.policy)
  }

  /// The instruction a gemm call selects (cuda/op/gemm.cc SelectInst) and its shape, before the warps are split;
  /// nil outside the model.
  static func selection(_ g: GemmCall, threads: Int, target: TargetArch, passConfigs: PassConfigs)
    -> (instruction: GemmPlan.Instruction, m: Int, n: Int, k: Int, policy: String)?
  {
    guard target.number >= 80, ["gemm", "wgmma_gemm"].contains(g.op), g.operands.count == 3,
      case .buffer(let a) = g.operands[0], case .buffer(let b) = g.operands[1], case .buffer(let c) = g.operands[2],
      let transA = g.transposeA, let transB = g.transposeB, let policy = g.policy,
      let ashape = a.concreteShape, let bshape = b.concreteShape, let cshape = c.concreteShape,
      ashape.count == 2, bshape.count == 2, cshape.count == 2, c.scope.isFragment,
      threads > 0, threads % 32 == 0
    else { return nil }
    let (m, n) = (cshape[0], cshape[1])
    let k = transA ? ashape[0] : ashape[1]
    guard (transA ? ashape[1] : ashape[0]) == m, bshape == (transB ? [n, k] : [k, n]) else { return nil }
    guard let ab = a.dtype, ab == b.dtype, let bits = operandBits(ab), let acc = c.dtype,
      ["float32", "float16", "int32"].contains(acc), k % (256 / bits) == 0
    else { return nil }
    let wgmma =
      target.isHopper && !passConfigs.disableWgmma && m >= 64 && (threads / 32) % 4 == 0 && b.scope.isShared
      && wgmmaAccepts(ab: ab, acc: acc, transA: transA, transB: transB, k: k)
    if g.op == "wgmma_gemm", !wgmma { return nil }
    return (wgmma ? .wgmma : .mma, m, n, k, policy)
  }

  /// The threads holding each element of the operand in `role` (nil when the model does not cover it).
  static func owners(_ role: Role, plan p: GemmPlan, buffer: Buffer, transposed: Bool) -> FragmentOwners? {
    guard let shape = buffer.concreteShape, buffer.scope.isFragment else { return nil }
    let bits: Int
    switch role {
    case .accumulator:
      bits = 16
    case .a:
      guard !transposed, let b = buffer.dtype.flatMap(operandBits) else { return nil }
      bits = b
    case .b:
      guard p.instruction == .mma, buffer.dtype.flatMap(operandBits) == 16 else { return nil }
      bits = 16
    }
    let key = OwnersKey(
      role: role, instruction: p.instruction, m: p.m, n: p.n, mWarp: p.mWarp, nWarp: p.nWarp, shape: shape,
      bits: bits, transposed: transposed)
    return ownersCache.value(for: key) { buildOwners(key) }
  }

  /// Everything an owner table depends on.
  struct OwnersKey: Hashable, Sendable {
    var role: Role
    var instruction: GemmPlan.Instruction
    var m, n, mWarp, nWarp: Int
    var shape: [Int]
    var bits: Int
    var transposed: Bool
  }

  /// The specializations and targets of one kernel ask for the same few tables again (324 tables, 45 distinct, over
  /// the tilelang corpus), so they are kept, up to a bound.
  private static let ownersCache = OwnersCache<OwnersKey>(maxElements: 1 << 18)

  private static func buildOwners(_ k: OwnersKey) -> FragmentOwners? {
    guard k.shape.count == 2 else { return nil }
    let (rows, columns) = (k.shape[0], k.shape[1])
    switch k.role {
    case .accumulator:
      // (j / cols) * mWarp + rowWarp(i) is the warp, and lane(i, j) splits into a row and a column part.
      let warpRows = k.m / k.mWarp
      let cols = k.n / k.nWarp
      return FragmentOwners(
        rows: rows, columns: columns, replicas: 1, step: 0,
        row: { i in
          rowWarp(i, m: k.m, mWarp: k.mWarp, wgmma: k.instruction == .wgmma, rows: warpRows) * 32 + laneRow(i)
        },
        column: { j in (j / cols) * k.mWarp * 32 + laneColumn(j, bits: 16) })
    case .a:
      // Replica r is the r-th warp column: (r * mWarp + warp) * 32 + lane.
      let warpRows = k.m / k.mWarp
      return FragmentOwners(
        rows: rows, columns: columns, replicas: k.nWarp, step: k.mWarp * 32,
        row: { i in
          let warp = k.instruction == .wgmma ? (i % (16 * k.mWarp)) / 16 : i / warpRows
          return warp * 32 + laneRow(i)
        },
        column: { j in laneColumn(j, bits: k.bits) })
    case .b:
      // Replica r is the r-th warp of the column's warp group: (col / cols) * mWarp * 32 + r * 32 + lane.
      let cols = k.n / k.nWarp
      func colPart(_ col: Int) -> Int { (col / cols) * k.mWarp * 32 + laneRow(col) }
      return FragmentOwners(
        rows: rows, columns: columns, replicas: k.mWarp, step: 32,
        row: { i in k.transposed ? colPart(i) : laneColumn(i, bits: 16) },
        column: { j in k.transposed ? laneColumn(j, bits: 16) : colPart(j) })
    }
  }

  /// Warp partition (m_warp, n_warp); nil where the compiler finds none (it fails elsewhere then).
  static func partition(_ inst: GemmPlan.Instruction, policy: String, m: Int, n: Int, warps: Int) -> (Int, Int)? {
    let group = inst == .wgmma ? 4 : 1
    guard warps % group == 0, m % 16 == 0, n % 8 == 0 else { return nil }
    func valid(_ mw: Int, _ nw: Int) -> Bool {
      mw * nw == warps && mw % group == 0 && m % (mw * 16) == 0 && n % (nw * 8) == 0
    }
    let rowCounts = stride(from: group, through: warps, by: group).filter { warps % $0 == 0 }
    switch policy {
    case "FullRow":
      return rowCounts.reversed().first { valid($0, warps / $0) }.map { ($0, warps / $0) }
    case "FullCol":
      return rowCounts.first { valid($0, warps / $0) }.map { ($0, warps / $0) }
    default:
      // Square: the compiler scores in single precision and keeps the first of equal scores.
      let ideal = Float(m) / Float(n)
      var best: (score: Float, mw: Int)?
      for mw in rowCounts where valid(mw, warps / mw) {
        let score = abs((Float(m) / Float(mw * 16)) / (Float(n) / Float((warps / mw) * 8)) - ideal)
        if let b = best, score >= b.score { continue }
        best = (score, mw)
      }
      return best.map { ($0.mw, warps / $0.mw) }
    }
  }

  // MARK: - Helpers

  /// Bits of an operand dtype the model covers.
  static func operandBits(_ dtype: String) -> Int? {
    switch dtype {
    case "float16", "bfloat16": return 16
    case "int8", "uint8": return 8
    case "float32": return 32  // tf32 mma (m16n8k8)
    default: return nil
    }
  }

  /// The warp an accumulator row belongs to: mma tiles rows by warp; wgmma by warpgroups of 4 warps × 16 rows,
  /// 64-row atoms repeating inside each warpgroup's share of rows.
  private static func rowWarp(_ i: Int, m: Int, mWarp: Int, wgmma: Bool, rows: Int) -> Int {
    guard wgmma else { return i / rows }
    let groupRows = m / (mWarp / 4)
    return (i / groupRows) * 4 + (i % 64) / 16
  }

  /// The lane of an element inside its 16-row tile is `laneRow(row) + laneColumn(col)`: 8 rows × 4 lanes, each lane
  /// holding one 32-bit register of consecutive elements along the other dimension. The row part: 4 lanes per row.
  private static func laneRow(_ row: Int) -> Int { (row % 8) * 4 }

  /// The column part: which of the row's 4 lanes holds the 32-bit register of column `col`.
  private static func laneColumn(_ col: Int, bits: Int) -> Int {
    let perRegister = 32 / bits
    return (col % (4 * perRegister)) / perRegister
  }

  /// cuda/op/gemm.cc CheckWgmma for the dtypes the model covers.
  private static func wgmmaAccepts(ab: String, acc: String, transA: Bool, transB: Bool, k: Int) -> Bool {
    switch (ab, acc) {
    case ("float16", "float16"), ("float16", "float32"), ("bfloat16", "float32"): return k % 16 == 0
    case ("int8", "int32"), ("uint8", "int32"): return !transA && transB && k % 32 == 0
    default: return false
    }
  }
}
