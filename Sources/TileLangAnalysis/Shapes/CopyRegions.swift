// The front end's and MakeIterVars' view of a copy: extents before and after `legalize_pairwise_extents`,
// the encoded regions (`to_buffer_region`), and the loop space the compiler picks (tilelang-copy-semantics §1).

/// One side of a copy after encoding.
struct CopySide: Sendable {
  var buffer: Buffer
  /// Extents as written (nil for a point load).
  var written: [SymExpr]?
  /// Extents after legalization.
  var legalized: [SymExpr]
  /// Extents of the encoded region (`tl.region`): what the compiler iterates over.
  let encoded: [SymExpr]
  var mins: [SymExpr?]
  var isWholeBuffer: Bool
  var isPoint: Bool
  /// The encoded extents other than 1, with their dimensions (kept: the checks and the planner ask often).
  let nonUnit: [(dim: Int, extent: SymExpr)]

  init(
    buffer: Buffer, written: [SymExpr]?, legalized: [SymExpr], encoded: [SymExpr], mins: [SymExpr?],
    isWholeBuffer: Bool, isPoint: Bool
  ) {
    self.buffer = buffer
    self.written = written
    self.legalized = legalized
    self.encoded = encoded
    self.mins = mins
    self.isWholeBuffer = isWholeBuffer
    self.isPoint = isPoint
    nonUnit = encoded.enumerated().filter { !$0.element.isConstant(1) }.map { ($0.offset, $0.element) }
  }
}

/// The outcome of the front end and loop-space construction for one `T.copy`.
enum CopyModel: Sendable {
  /// Both sides are point loads and no annotation is given: a plain element store.
  case scalar
  /// A front-end or loop-space error; the compiler rejects the copy.
  case rejected(CopyRejection)
  case tile(TileCopy)
  /// Something could not be evaluated; nothing is claimed.
  case unknown
}

enum CopyRejection: Sendable {
  case shapeMismatch(src: Buffer, dst: Buffer)
  case noExtents
  case notBuffer(operandIndex: Int)
  case pointRankTooSmall(operandIndex: Int, indices: Int, extents: [SymExpr])
  case loopSmallerThanSource(TileCopy, baseDim: Int, srcDim: Int, base: SymExpr, src: SymExpr)
  case extraNonUnit(TileCopy, side: String, dim: Int)
}

struct TileCopy: Sendable {
  var src: CopySide
  var dst: CopySide
  /// True when `legalize_pairwise_extents` changed anything.
  var legalizationChanged: Bool
  /// Pairs promoted to `max(x, y)` (right-aligned offsets from the end).
  var promotions: [(fromEnd: Int, a: SymExpr, b: SymExpr)]
  /// The side whose extents give the loop space.
  var baseIsSource: Bool
  var base: CopySide { baseIsSource ? src : dst }

  /// A whole fragment into a whole fragment of the same constant shape: a register copy, which runs over each
  /// thread's registers and hands the source's layout on (the tile-level `CopyEvent.wholeFragmentCopy`).
  var isRegisterCopy: Bool {
    src.buffer.scope.isFragment && dst.buffer.scope.isFragment && src.isWholeBuffer && dst.isWholeBuffer
      && src.buffer.concreteShape != nil && src.buffer.concreteShape == dst.buffer.concreteShape
  }
}

enum CopyRegions {
  /// Models `T.copy(src, dst)`; `hasAnnotations` disables the scalar fast path.
  static func model(_ src: Operand, _ dst: Operand, hasAnnotations: Bool) -> CopyModel {
    // _normalize_copy_regions
    if case .buffer(let a) = src, case .buffer(let b) = dst, a.shape != b.shape {
      return .rejected(.shapeMismatch(src: a, dst: b))
    }
    guard let se = extents(src), let de = extents(dst) else { return .unknown }
    if se.value == nil, de.value == nil {
      if case .point = src, case .point = dst { return hasAnnotations ? .unknown : .scalar }
      if case .notBuffer = src { return .rejected(.noExtents) }
      if case .notBuffer = dst { return .rejected(.noExtents) }
      return .rejected(.noExtents)
    }
    if case .notBuffer = src { return .rejected(.notBuffer(operandIndex: 0)) }
    if case .notBuffer = dst { return .rejected(.notBuffer(operandIndex: 1)) }
    let s0 = se.value ?? Array(repeating: SymExpr(constant: 1), count: de.value?.count ?? 0)
    let d0 = de.value ?? Array(repeating: SymExpr(constant: 1), count: s0.count)
    let (s1, d1, promotions) = legalize(s0, d0)
    guard let srcSide = encode(src, written: se.value, legal: s1) else {
      if case .point(_, let ix) = src {
        return .rejected(.pointRankTooSmall(operandIndex: 0, indices: ix.count, extents: s1))
      }
      return .unknown
    }
    guard let dstSide = encode(dst, written: de.value, legal: d1) else {
      if case .point(_, let ix) = dst {
        return .rejected(.pointRankTooSmall(operandIndex: 1, indices: ix.count, extents: d1))
      }
      return .unknown
    }
    let baseIsSource = srcSide.buffer.scope.level >= dstSide.buffer.scope.level
    let copy = TileCopy(
      src: srcSide, dst: dstSide, legalizationChanged: s1 != s0 || d1 != d0, promotions: promotions,
      baseIsSource: baseIsSource)
    // MakeIterVars: pair the non-1 extents of the base with those of the source, in order.
    let baseNon1 = copy.base.nonUnit
    let srcNon1 = srcSide.nonUnit
    for (b, s) in zip(baseNon1, srcNon1) where b.extent.provablyLess(than: s.extent) {
      return .rejected(.loopSmallerThanSource(copy, baseDim: b.dim, srcDim: s.dim, base: b.extent, src: s.extent))
    }
    if baseNon1.count > srcNon1.count {
      return .rejected(.extraNonUnit(copy, side: "base", dim: baseNon1[srcNon1.count].dim))
    }
    if srcNon1.count > baseNon1.count {
      return .rejected(.extraNonUnit(copy, side: "src", dim: srcNon1[baseNon1.count].dim))
    }
    // MakeIndices for the other side: it must have exactly as many non-1 extents as the loop space.
    let other = baseIsSource ? dstSide : srcSide
    if other.nonUnit.count != baseNon1.count {
      return .rejected(.extraNonUnit(copy, side: baseIsSource ? "dst" : "src", dim: other.nonUnit.last?.dim ?? 0))
    }
    return .tile(copy)
  }

  /// `get_extent`: whole buffer → shape, region → extents, point → nil. `nil` result: not evaluable.
  static func extents(_ o: Operand) -> (value: [SymExpr]?, Void)? {
    switch o {
    case .buffer(let b): return (b.shape.isEmpty ? nil : b.shape, ())
    case .region(_, _, let ext):
      let e = ext.compactMap { $0 }
      return e.count == ext.count ? (e, ()) : nil
    case .point: return (nil, ())
    case .notBuffer: return (nil, ())
    case .unknown: return nil
    }
  }

  /// `legalize_pairwise_extents` (tilelang/utils/language.py), exactly: early exit on equal non-1 counts,
  /// right alignment, broadcast of 1, `max` promotion.
  static func legalize(_ a0: [SymExpr], _ b0: [SymExpr]) -> ([SymExpr], [SymExpr], [(Int, SymExpr, SymExpr)]) {
    var a = a0
    var b = b0
    func non1(_ x: [SymExpr]) -> Int { x.filter { !$0.isConstant(1) }.count }
    if non1(a) == non1(b) { return (a, b, []) }
    var promotions: [(Int, SymExpr, SymExpr)] = []
    let n = min(a.count, b.count)
    if n == 0 { return (a, b, []) }
    for i in 1...n {
      let x = a[a.count - i]
      let y = b[b.count - i]
      if x == y { continue }
      if x.isConstant(1) {
        a[a.count - i] = y
      } else if y.isConstant(1) {
        b[b.count - i] = x
      } else {
        let m = SymExpr.max(x, y)
        a[a.count - i] = m
        b[b.count - i] = m
        promotions.append((i, x, y))
      }
    }
    return (a, b, promotions)
  }

  /// `to_buffer_region`: regions are clamped with `min`, whole buffers take the legalized extents verbatim,
  /// point loads are left-padded with 1s; nil when a point has fewer indices than extents (AssertionError).
  static func encode(_ o: Operand, written: [SymExpr]?, legal: [SymExpr]) -> CopySide? {
    switch o {
    case .buffer(let b):
      return CopySide(
        buffer: b, written: written, legalized: legal, encoded: legal, mins: b.shape.map { _ in SymExpr(constant: 0) },
        isWholeBuffer: true, isPoint: false)
    case .region(let b, let mins, let ext):
      let e = ext.compactMap { $0 }
      guard e.count == legal.count else { return nil }
      let clamped = zip(e, legal).map { SymExpr.min($0, $1) }
      return CopySide(
        buffer: b, written: written, legalized: legal, encoded: clamped, mins: mins, isWholeBuffer: false,
        isPoint: false)
    case .point(let b, let indices):
      var ext = legal
      if indices.count > ext.count {
        ext = Array(repeating: SymExpr(constant: 1), count: indices.count - ext.count) + ext
      }
      guard indices.count == ext.count else { return nil }
      return CopySide(
        buffer: b, written: nil, legalized: legal, encoded: ext, mins: indices, isWholeBuffer: false, isPoint: true)
    default:
      return nil
    }
  }
}

extension Array where Element == SymExpr {
  /// `(128, 32)` / `128×32` renderings for messages and hints.
  var tupleText: String { "(" + map(\.description).joined(separator: ", ") + (count == 1 ? ",)" : ")") }
  var timesText: String { map(\.description).joined(separator: "×") }
}
