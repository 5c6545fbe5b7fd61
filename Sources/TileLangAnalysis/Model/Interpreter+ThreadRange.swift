// The range of threadIdx.x that holds where a tile op sits. Layout inference gives each op the bounds of
// threadIdx.x under its enclosing conditions (layout_inference.cc, CurrentThreadBounds), so a gemm under
// `if tx < 128` in a 384-thread block is split over 4 warps, and one under `with T.ws(1)` over the second
// warpgroup's 4. Only comparisons of threadIdx.x with constants narrow it, as in the compiler's bound analysis.
import TileLangSyntax

/// Threads `lo ..< hi` of threadIdx.x (`hi` is `Int.max` for "no upper bound").
struct ThreadRange: Equatable, Sendable {
  var lo: Int
  var hi: Int

  static let all = ThreadRange(lo: 0, hi: .max)

  func intersected(_ o: ThreadRange) -> ThreadRange { ThreadRange(lo: max(lo, o.lo), hi: min(hi, o.hi)) }
  func hull(_ o: ThreadRange) -> ThreadRange { ThreadRange(lo: min(lo, o.lo), hi: max(hi, o.hi)) }

  /// The threads outside this range, when they form one range (`tx < 128` → `tx >= 128`).
  var complement: ThreadRange? {
    if lo == 0 { return hi == .max ? nil : ThreadRange(lo: hi, hi: .max) }
    return hi == .max ? ThreadRange(lo: 0, hi: lo) : nil
  }
}

extension Interpreter {
  /// The number of threads tile ops see here: the block's threadIdx.x extent, narrowed by the enclosing
  /// thread-index conditions and `T.ws` scopes.
  var opThreads: SymExpr? {
    guard let block = run?.threads else { return nil }
    guard let range = threadRange, let n = block.constant else { return block }
    let r = range.intersected(ThreadRange(lo: 0, hi: n))
    return SymExpr(constant: max(0, r.hi - r.lo))
  }

  /// Restricts tile ops to `r` for the scope being entered; the run then holds ops that do not span the block.
  mutating func narrowThreads(to r: ThreadRange) {
    let narrowed = (threadRange ?? .all).intersected(r)
    threadRange = narrowed
    if let n = run?.threads?.constant, narrowed.lo > 0 || narrowed.hi < n { run?.narrowedThreads = true }
  }

  /// The threads for which `test` holds (`body`) and fails (`orElse`), where that is one range of threadIdx.x.
  mutating func threadRanges(_ test: Expr, _ env: inout Env) -> (body: ThreadRange?, orElse: ThreadRange?) {
    switch test.kind {
    case .boolOp(.and, let items):
      // Holding an `and` narrows to every part's range; failing it is failing any one part, which bounds nothing.
      let bodies = items.compactMap { threadRanges($0, &env).body }
      return (bodies.isEmpty ? nil : bodies.reduce(ThreadRange.all) { $0.intersected($1) }, nil)
    case .boolOp(.or, let items):
      let ranges = items.map { threadRanges($0, &env) }
      guard ranges.allSatisfy({ $0.body != nil }) else {
        return (nil, ranges.compactMap(\.orElse).reduce(nil) { acc, r in acc.map { $0.intersected(r) } ?? r })
      }
      let body = ranges.compactMap(\.body).dropFirst().reduce(ranges[0].body!) { $0.hull($1) }
      let orElse =
        ranges.allSatisfy { $0.orElse != nil }
        ? ranges.compactMap(\.orElse).reduce(ThreadRange.all) { $0.intersected($1) } : nil
      return (body, orElse)
    case .unary(.not, let inner):
      let r = threadRanges(inner, &env)
      return (r.orElse, r.body)
    case .compare(let left, let comparisons):
      // `128 <= tx < 256` holds where each adjacent pair does.
      var operands = [eval(left, &env).intValue]
      for c in comparisons { operands.append(eval(c.right, &env).intValue) }
      var bodies: [ThreadRange] = []
      for (i, c) in comparisons.enumerated() {
        guard let l = operands[i], let r = operands[i + 1] else { continue }
        if let b = threadRange(l - r, c.op) { bodies.append(b) }
      }
      guard !bodies.isEmpty else { return (nil, nil) }
      let body = bodies.reduce(ThreadRange.all) { $0.intersected($1) }
      return (body, comparisons.count == 1 ? body.complement : nil)
    default:
      return (nil, nil)
    }
  }

  /// `diff op 0` with `diff = ±threadIdx.x + c` as a range of threadIdx.x.
  private func threadRange(_ diff: SymExpr, _ op: CompareOp) -> ThreadRange? {
    var sign = 0
    var c = 0
    for t in diff.terms {
      if t.monomial == .one {
        c = t.coefficient
      } else if t.monomial.atoms == [.variable("threadIdx.x")], abs(t.coefficient) == 1 {
        sign = t.coefficient
      } else {
        return nil
      }
    }
    guard sign != 0 else { return nil }
    // sign * tx + c  op  0  →  tx  op'  -sign * c
    let v = -sign * c
    let flipped: CompareOp =
      sign > 0 ? op : [CompareOp.lt: .gt, .ltE: .gtE, .gt: .lt, .gtE: .ltE][op] ?? op
    switch flipped {
    case .lt: return ThreadRange(lo: 0, hi: max(0, v))
    case .ltE: return ThreadRange(lo: 0, hi: max(0, v + 1))
    case .gt: return ThreadRange(lo: max(0, v + 1), hi: .max)
    case .gtE: return ThreadRange(lo: max(0, v), hi: .max)
    case .eq: return ThreadRange(lo: v, hi: v + 1)
    default: return nil
    }
  }

  /// `T.ws(i, j, ...)`: warpgroups of 128 threads, as one range when they are adjacent.
  static func warpGroupRange(_ ids: [Int]) -> ThreadRange? {
    guard let lo = ids.min(), let hi = ids.max(), lo >= 0, Set(ids).count == hi - lo + 1 else { return nil }
    return ThreadRange(lo: lo * 128, hi: (hi + 1) * 128)
  }
}
