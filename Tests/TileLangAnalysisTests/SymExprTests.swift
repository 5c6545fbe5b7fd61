// SymExpr's normal form: equal polynomials compare equal however they were built, and evaluating one at a point
// gives what integer arithmetic gives. Random expressions over three variables, both merge paths (few terms, and
// the many-term path above 32 raw terms).

import Testing
import TileLangAnalysis

struct SymExprTests {
  /// A small deterministic generator (the tests must give the same expressions on every run).
  struct Rng {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
  }

  static let names = ["M", "block_M", "k"]

  /// A random expression as a SymExpr and as a function of the variables' values.
  static func random(_ rng: inout Rng, depth: Int) -> (SymExpr, ([String: Int]) -> Int) {
    if depth == 0 || rng.next(4) == 0 {
      if rng.next(2) == 0 {
        let c = rng.next(9) - 4
        return (SymExpr(constant: c), { _ in c })
      }
      let n = names[rng.next(names.count)]
      return (SymExpr(variable: n), { $0[n]! })
    }
    let (a, fa) = random(&rng, depth: depth - 1)
    let (b, fb) = random(&rng, depth: depth - 1)
    switch rng.next(3) {
    case 0: return (a + b, { fa($0) + fb($0) })
    case 1: return (a - b, { fa($0) - fb($0) })
    default: return (a * b, { fa($0) * fb($0) })
    }
  }

  @Test func evaluationMatchesIntegerArithmetic() {
    var rng = Rng(state: 2026)
    for _ in 0..<400 {
      let (e, f) = Self.random(&rng, depth: 4)
      for _ in 0..<3 {
        let point = Dictionary(uniqueKeysWithValues: Self.names.map { ($0, rng.next(21) - 10) })
        let value = e.substituting(point.mapValues { SymExpr(constant: $0) })
        #expect(value.constant == f(point), "\(e) at \(point)")
      }
    }
  }

  @Test func equalPolynomialsCompareEqual() {
    var rng = Rng(state: 42)
    for _ in 0..<300 {
      let (a, _) = Self.random(&rng, depth: 3)
      let (b, _) = Self.random(&rng, depth: 3)
      #expect(a + b == b + a)
      #expect(a * b == b * a)
      #expect((a + b) - b == a)
      #expect(a * (b + 1) - a * b == a)
      #expect((a + 3) + -3 == a)
    }
  }

  @Test func constantsCancelAndSortLast() {
    let m = SymExpr(variable: "M")
    #expect((m + 1) - m == 1)
    #expect((m - m).constant == 0)
    #expect((m + 2).description == "M + 2")
    #expect((2 + m).description == "M + 2")
    #expect((m * m + m + 1).description == "M * M + M + 1")
  }

  @Test func manyTermsTakeTheSameNormalForm() {
    // A product of two 6-term sums has 36 raw terms (the merge path for many terms); built in another order, the
    // same polynomial must come out, and equal its expansion term by term (the path for few terms).
    let xs = (0..<6).map { SymExpr(variable: "x\($0)") }
    let s = xs.reduce(SymExpr(constant: 0), +)
    let t = xs.reversed().reduce(SymExpr(constant: 1), +)
    var expanded: SymExpr = 0
    for x in xs { for y in xs.reversed() + [SymExpr(constant: 1)] { expanded = expanded + x * y } }
    #expect(s * t == t * s)
    #expect(s * t == expanded)
    #expect((s * t - expanded).constant == 0)
  }
}
