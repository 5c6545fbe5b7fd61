// The plain (unswizzled) shared layout a descriptor TMA copy reads its box from, per shared buffer and target, and
// whether a copy's shared region is one dense run of it.

import TileLangSyntax

/// How the compiler lays out a shared tile that TMA copies (checked with 0.1.15 on sm_90 and sm_100). Without an
/// annotation the layout comes from a `T.gemm` that reads the tile (a bank swizzle), else at the free level from its
/// TMA copies: a store infers the Hopper bank swizzle of the tile's last two dimensions, a load a linear layout. A
/// bank swizzle of `W` elements (128, 64 or 32 bytes, the widest dividing a row, on tiles of a multiple of 8 rows)
/// stores each `W`-column stripe of the tile whole before the next: its plain layout is
/// `(j / W) * rows * W + i * W + j % W` within each leading index.
enum TmaPlainLayouts {
  /// The stripe width in elements of the bank swizzle `MakeGemmABLayoutHopper` gives a `rows × cols` tile of
  /// `bits`-bit elements; `cols` when it stays linear; nil for float64 (its own layouts).
  static func stripe(rows: Int, cols: Int, bits: Int) -> Int? {
    guard bits > 0, bits != 64, rows > 0, cols > 0 else { return nil }
    guard rows % 8 == 0 else { return cols }
    let rowBits = cols * bits
    for span in [1024, 512, 256] where rowBits % span == 0 { return span / bits }
    return cols
  }

  /// Per shared buffer: the stripe width of the plain layout descriptor TMA copies on `target` read, where it is
  /// decided, from the instruction each copy selects on its own. A buffer with an annotated layout, read by another
  /// kind of gemm or a reduction, or copied by TMA with layouts that differ or that the region reorders, is left out.
  /// For each TMA target of `targets`.
  static func stripes(
    _ shared: SharedRun, targets: [TargetArch], facts: RunChecks.PlanningFacts, source: SourceText
  ) -> [TargetArch: [Int: Int]] {
    guard targets.contains(where: \.hasBulkCopy) else { return [:] }
    let tiles = tiles(shared.run)  // the same on every target
    var out: [TargetArch: [Int: Int]] = [:]
    for t in targets where t.hasBulkCopy {
      out[t] = stripes(shared, tiles: tiles, target: t, facts: facts, source: source)
    }
    return out
  }

  private static func stripes(
    _ shared: SharedRun, tiles: [Tile], target: TargetArch, facts: RunChecks.PlanningFacts, source: SourceText
  ) -> [Int: Int] {
    // Only copies of a shared tile that can take a layout here need an instruction choice (most runs have none).
    guard !tiles.isEmpty else { return [:] }
    let candidates = Set(tiles.filter { !$0.gemmOperand }.map(\.buffer.id))
    var stores: [Int: [[Int?]]] = [:]
    var loads: [Int: [[Int?]]] = [:]
    for (index, event) in shared.run.events.enumerated() where event.operands.count >= 2 {
      guard ["copy", "tma_copy", "async_copy"].contains(event.op),
        event.operands.prefix(2).contains(where: { $0.buffer.map { candidates.contains($0.id) } ?? false })
      else { continue }
      var scratch = CheckContext(source: source, run: shared, event: event)
      let ann = CopyAnnotationsCheck.check(&scratch)
      guard
        case .tile(let copy) = CopyRegions.model(event.operands[0], event.operands[1], hasAnnotations: !ann.isEmpty)
      else { continue }
      let ctx = RunChecks.copyContext(
        index, shared.run, target: target, annotations: ann, facts: facts, source: source, inherited: nil)
      switch CopySelector.select(copy, ctx).selected {
      case .bulkStore: stores[copy.src.buffer.id, default: []].append(copy.src.encoded.map(\.constant))
      case .bulkLoad: loads[copy.dst.buffer.id, default: []].append(copy.dst.encoded.map(\.constant))
      default: break
      }
    }
    return TmaPlainLayouts.stripes(tiles, stores: stores, loads: loads)
  }

  /// `stores` and `loads`: per shared buffer, the constant extents of the regions that copies on one target store to
  /// or load from global memory by descriptor TMA.
  static func stripes(_ tiles: [Tile], stores: [Int: [[Int?]]], loads: [Int: [[Int?]]]) -> [Int: Int] {
    var out: [Int: Int] = [:]
    for t in tiles {
      let (b, dims, bits, hopper, gemmOperand) = (t.buffer, t.dims, t.bits, t.hopper, t.gemmOperand)
      let cols = dims[dims.count - 1]
      if gemmOperand {
        if [16, 32].contains(bits), hopper != cols || (cols * bits) <= 1024 { out[b.id] = hopper }
        continue
      }
      // Each TMA copy's layout: a store's bank swizzle, else the linear layout of the copy's region.
      var widths = (stores[b.id] ?? []).map { hopper != cols ? hopper : linearStripe(dims, region: $0) }
      widths += (loads[b.id] ?? []).map { linearStripe(dims, region: $0) }
      if let w = widths.first, let w, widths.allSatisfy({ $0 == w }) { out[b.id] = w }
    }
    return out
  }

  /// The shared tiles whose layout this check can name: constant 2-D+ shapes with a Hopper bank swizzle, no annotated
  /// layout, and used by no op other than copies and a `T.gemm` reading them as A or B.
  typealias Tile = (buffer: Buffer, dims: [Int], bits: Int, hopper: Int, gemmOperand: Bool)

  static func tiles(_ run: KernelRun) -> [Tile] {
    var gemmAB: Set<Int> = []
    var otherOps: Set<Int> = []
    for op in run.layoutOps {
      switch op {
      case .gemm(let g):
        var ids: [Int] = []
        for case .buffer(let b) in g.operands { ids.append(b.id) }
        for case .some(let r) in g.regions { if let b = r.buffer { ids.append(b.id) } }
        if g.op == "gemm" {
          for case .buffer(let b) in g.operands.prefix(2) { gemmAB.insert(b.id) }
          for case .some(let r) in g.regions.prefix(2) { if let b = r.buffer { gemmAB.insert(b.id) } }
          if g.operands.count > 2, case .buffer(let c) = g.operands[2] { otherOps.insert(c.id) }
        } else {
          otherOps.formUnion(ids)
        }
      case .reduce(let r):
        for case .buffer(let b) in [r.source, r.destination] { otherOps.insert(b.id) }
      case .copy:
        break
      }
    }
    otherOps.formUnion(run.gemmOperands.subtracting(gemmAB))
    var out: [Tile] = []
    for b in run.buffers where b.scope.isShared && b.rank >= 2 && !run.annotatedLayouts.contains(b.id) {
      guard !otherOps.contains(b.id), let bits = b.elementBits,
        let dims = Optional(b.shape.compactMap(\.constant)), dims.count == b.rank,
        let hopper = stripe(rows: dims[dims.count - 2], cols: dims[dims.count - 1], bits: bits)
      else { continue }
      out.append((b, dims, bits, hopper, gemmAB.contains(b.id)))
    }
    return out
  }

  /// The stripe width of `MakeTmaLinearLayout` for a tile of shape `dims` and a copy region: it splits a dimension
  /// over 256 that 256 divides into 256-element parts, and orders the dimensions as those the region takes one index
  /// of, the split parts' outer indices, then the rest. Row-major (`cols`) without a split and with the
  /// single-index dimensions leading; 256-element stripes when only the last dimension splits and every leading
  /// dimension is a single index; nil otherwise.
  static func linearStripe(_ dims: [Int], region: [Int?]) -> Int? {
    let rank = dims.count
    guard region.count == rank, region.allSatisfy({ $0 != nil }) else { return nil }
    let splits = dims.indices.filter { dims[$0] > 256 && dims[$0] % 256 == 0 && region[$0] != 1 }
    let firstWide = region.firstIndex { $0 != 1 } ?? rank
    let singlesLead = !region[firstWide...].contains { $0 == 1 }
    if splits.isEmpty || (splits.count == 1 && splits[0] == firstWide && firstWide < rank - 1) {
      return singlesLead ? dims[rank - 1] : nil
    }
    if splits == [rank - 1], firstWide == rank - 2, region[rank - 2] != 1 { return 256 }
    return nil
  }

  /// The elements of a shared region's box that TMA's plain-layout inverse covers, and the box's size, when the
  /// copy's tile is not one dense run of the buffer's plain layout (`stripe`-wide stripes): the inverse follows the
  /// tile's modes from stride 1 while each mode's stride is the product of those before it.
  static func gap(_ side: CopySide, stripe w: Int) -> (covered: Int, size: Int)? {
    let dims = side.buffer.shape.map(\.constant)
    guard dims.count >= 2, side.encoded.count == dims.count, w > 0 else { return nil }
    let shape = dims.compactMap { $0 }
    guard shape.count == dims.count else { return nil }
    let rank = shape.count
    let rows = shape[rank - 2], cols = shape[rank - 1]
    guard cols % w == 0 else { return nil }
    var lead = rows * cols
    var subModes: [[(size: Int, stride: Int)]] = Array(repeating: [], count: rank)
    subModes[rank - 1] = w == cols ? [(cols, 1)] : [(w, 1), (cols / w, rows * w)]
    subModes[rank - 2] = [(rows, w)]
    for d in stride(from: rank - 3, through: 0, by: -1) {
      subModes[d] = [(shape[d], lead)]
      lead *= shape[d]
    }
    var modes: [(size: Int, stride: Int)] = []
    var size = 1
    for d in 0..<rank {
      guard let e = side.encoded[d].constant, e >= 1 else { return nil }
      size *= e
      var rest = e
      for m in subModes[d] where rest > 1 {
        if rest <= m.size {
          modes.append((rest, m.stride))
          rest = 1
        } else {
          guard rest % m.size == 0 else { return nil }
          modes.append(m)
          rest /= m.size
        }
      }
      if rest != 1 { return nil }
    }
    var covered = 1
    for m in modes.sorted(by: { $0.stride < $1.stride }) where m.stride == covered { covered *= m.size }
    return covered < size ? (covered, size) : nil
  }
}
