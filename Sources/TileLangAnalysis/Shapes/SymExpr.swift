// SymExpr: symbolic integers in a normal form (a polynomial over atoms), so equal expressions compare equal.
// Atoms are variables and opaque operations (floordiv, mod, max, min) over normalised operands.

import TileLangSyntax

/// An atom of a monomial: a named variable or an operation that does not distribute.
public indirect enum SymAtom: Hashable, Sendable, Comparable {
  case variable(String)
  case floorDiv(SymExpr, SymExpr)
  case mod(SymExpr, SymExpr)
  case max(SymExpr, SymExpr)
  case min(SymExpr, SymExpr)

  /// Atoms sort by their text (a variable's text is its name, compared without building strings).
  public static func < (lhs: SymAtom, rhs: SymAtom) -> Bool {
    if case .variable(let a) = lhs, case .variable(let b) = rhs { return a < b }
    return lhs.description < rhs.description
  }

  public var description: String {
    switch self {
    case .variable(let n): return n
    case .floorDiv(let a, let b): return "\(a.parenthesized) // \(b.parenthesized)"
    case .mod(let a, let b): return "\(a.parenthesized) % \(b.parenthesized)"
    case .max(let a, let b): return "max(\(a), \(b))"
    case .min(let a, let b): return "min(\(a), \(b))"
    }
  }
}

/// A product of atoms (sorted, with repetition); the empty monomial is the constant 1.
public struct Monomial: Hashable, Sendable, Comparable {
  public var atoms: [SymAtom]
  public init(_ atoms: [SymAtom]) { self.atoms = atoms.count < 2 ? atoms : atoms.sorted() }
  public static let one = Monomial([])
  public static func < (lhs: Monomial, rhs: Monomial) -> Bool {
    if lhs.atoms.count != rhs.atoms.count { return lhs.atoms.count > rhs.atoms.count }
    if lhs.atoms.count == 1 { return lhs.atoms[0] < rhs.atoms[0] }
    return lhs.atoms.map(\.description).joined(separator: "*") < rhs.atoms.map(\.description).joined(separator: "*")
  }
}

/// A symbolic integer: `sum(coefficient * monomial)`, terms sorted, no zero coefficients.
public struct SymExpr: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
  public struct Term: Hashable, Sendable {
    public var monomial: Monomial
    public var coefficient: Int
  }
  // A constant is kept without an array (most integers the interpreter handles are constants): `poly` is empty
  // and `value` is the constant. Any other polynomial: `poly` holds its terms (sorted, merged, no zero coefficients,
  // two or more, or one with a variable part) and `value` is 0. One representation per value, so the synthesized
  // `==` and hash are the polynomial's.
  private var value: Int
  private var poly: [Term]

  /// The terms, sorted (the constant term last), no zero coefficients; a constant 0 has none.
  public var terms: [Term] {
    if !poly.isEmpty { return poly }
    return value == 0 ? [] : [Term(monomial: .one, coefficient: value)]
  }

  public init(integerLiteral value: Int) { self.init(constant: value) }
  public init(constant: Int) {
    value = constant
    poly = []
  }
  public init(variable: String) {
    self.init(canonical: [Term(monomial: Monomial([.variable(variable)]), coefficient: 1)])
  }
  public init(atom: SymAtom) { self.init(canonical: [Term(monomial: Monomial([atom]), coefficient: 1)]) }

  /// From terms already sorted and merged, without zero coefficients.
  private init(canonical t: [Term]) {
    if t.isEmpty {
      value = 0
      poly = []
    } else if t.count == 1, t[0].monomial.atoms.isEmpty {
      value = t[0].coefficient
      poly = []
    } else {
      value = 0
      poly = t
    }
  }

  init(normalizing raw: [Term]) {
    if raw.count <= 1 {
      self.init(canonical: raw.filter { $0.coefficient != 0 })
      return
    }
    guard raw.count <= 32 else {
      var acc: [Monomial: Int] = [:]
      for t in raw { acc[t.monomial, default: 0] &+= t.coefficient }
      self.init(
        canonical: acc.filter { $0.value != 0 }.map { Term(monomial: $0.key, coefficient: $0.value) }
          .sorted { $0.monomial < $1.monomial })
      return
    }
    // Few terms (nearly always): merge equal monomials by comparison, which is cheaper than hashing them.
    var out: [Term] = []
    out.reserveCapacity(raw.count)
    next: for t in raw {
      for i in out.indices where out[i].monomial == t.monomial {
        out[i].coefficient &+= t.coefficient
        continue next
      }
      out.append(t)
    }
    out.removeAll { $0.coefficient == 0 }
    if out.count > 1 { out.sort { $0.monomial < $1.monomial } }
    self.init(canonical: out)
  }

  /// `self + c` for a constant `c`: the constant term sorts last (the empty monomial).
  private func adding(constant c: Int) -> SymExpr {
    if c == 0 { return self }
    if poly.isEmpty { return SymExpr(constant: value &+ c) }
    var t = poly
    if let last = t.last, last.monomial.atoms.isEmpty {
      let sum = last.coefficient &+ c
      if sum == 0 { t.removeLast() } else { t[t.count - 1].coefficient = sum }
    } else {
      t.append(Term(monomial: .one, coefficient: c))
    }
    return SymExpr(canonical: t)
  }

  /// The value when the expression is a constant.
  public var constant: Int? { poly.isEmpty ? value : nil }
  public var isConstant: Bool { constant != nil }
  public func isConstant(_ v: Int) -> Bool { constant == v }

  /// The constant part of the polynomial.
  public var constantTerm: Int {
    if poly.isEmpty { return value }
    return poly.last.flatMap { $0.monomial.atoms.isEmpty ? $0.coefficient : nil } ?? 0
  }

  /// Whether a variable name stands for an element loaded from a tensor (`seqlens[bz]`, as the interpreter names
  /// them): no Python name contains a bracket.
  static func isLoadedElement(_ name: String) -> Bool { name.containsUTF8("[") }

  /// Names of free variables.
  public var variables: Set<String> {
    var out = Set<String>()
    func visit(_ e: SymExpr) {
      for t in e.poly {
        for a in t.monomial.atoms {
          switch a {
          case .variable(let n): out.insert(n)
          case .floorDiv(let x, let y), .mod(let x, let y), .max(let x, let y), .min(let x, let y):
            visit(x)
            visit(y)
          }
        }
      }
    }
    visit(self)
    return out
  }

  // MARK: - Arithmetic

  public static func + (a: SymExpr, b: SymExpr) -> SymExpr {
    if let y = b.constant { return a.adding(constant: y) }
    if let x = a.constant { return b.adding(constant: x) }
    return SymExpr(normalizing: a.terms + b.terms)
  }
  public static prefix func - (a: SymExpr) -> SymExpr { a.scaled(by: -1) }
  public static func - (a: SymExpr, b: SymExpr) -> SymExpr { a + (-b) }
  /// `c * self`: the terms keep their order.
  private func scaled(by c: Int) -> SymExpr {
    if poly.isEmpty { return SymExpr(constant: value &* c) }
    if c == 1 { return self }
    return SymExpr(
      canonical: poly.compactMap {
        $0.coefficient &* c == 0 ? nil : Term(monomial: $0.monomial, coefficient: $0.coefficient &* c)
      })
  }

  public static func * (a: SymExpr, b: SymExpr) -> SymExpr {
    if let x = a.constant { return b.scaled(by: x) }
    if let y = b.constant { return a.scaled(by: y) }
    var out: [Term] = []
    for x in a.terms {
      for y in b.terms {
        out.append(
          Term(monomial: Monomial(x.monomial.atoms + y.monomial.atoms), coefficient: x.coefficient &* y.coefficient))
      }
    }
    return SymExpr(normalizing: out)
  }

  /// Python floor division.
  public static func floorDiv(_ a: SymExpr, _ b: SymExpr) -> SymExpr {
    if let x = a.constant, let y = b.constant, y != 0 { return SymExpr(constant: pyFloorDiv(x, y)) }
    if b.isConstant(1) { return a }
    if let c = b.constant, c > 0, a.terms.allSatisfy({ $0.coefficient % c == 0 }) {
      return SymExpr(normalizing: a.terms.map { Term(monomial: $0.monomial, coefficient: $0.coefficient / c) })
    }
    if a == b, !a.terms.isEmpty { return 1 }
    return SymExpr(atom: .floorDiv(a, b))
  }

  /// Python modulo.
  public static func mod(_ a: SymExpr, _ b: SymExpr) -> SymExpr {
    if let x = a.constant, let y = b.constant, y != 0 { return SymExpr(constant: pyMod(x, y)) }
    if b.isConstant(1) { return 0 }
    if let c = b.constant, c > 0, a.terms.allSatisfy({ $0.coefficient % c == 0 }) { return 0 }
    if a == b { return 0 }
    return SymExpr(atom: .mod(a, b))
  }

  public static func ceilDiv(_ a: SymExpr, _ b: SymExpr) -> SymExpr { floorDiv(a + b - 1, b) }

  public static func max(_ a: SymExpr, _ b: SymExpr) -> SymExpr {
    if let x = a.constant, let y = b.constant { return SymExpr(constant: Swift.max(x, y)) }
    if a == b { return a }
    if let d = (a - b).constant { return d >= 0 ? a : b }
    let (l, r) = a.description <= b.description ? (a, b) : (b, a)
    return SymExpr(atom: .max(l, r))
  }

  public static func min(_ a: SymExpr, _ b: SymExpr) -> SymExpr {
    if let x = a.constant, let y = b.constant { return SymExpr(constant: Swift.min(x, y)) }
    if a == b { return a }
    if let d = (a - b).constant { return d <= 0 ? a : b }
    let (l, r) = a.description <= b.description ? (a, b) : (b, a)
    return SymExpr(atom: .min(l, r))
  }

  /// Substitutes variables by expressions and renormalises.
  public func substituting(_ values: [String: SymExpr]) -> SymExpr {
    if values.isEmpty { return self }
    var result: SymExpr = 0
    for t in terms {
      var product = SymExpr(constant: t.coefficient)
      for a in t.monomial.atoms {
        product = product * Self.substitute(atom: a, values)
      }
      result = result + product
    }
    return result
  }

  private static func substitute(atom: SymAtom, _ v: [String: SymExpr]) -> SymExpr {
    switch atom {
    case .variable(let n): return v[n] ?? SymExpr(variable: n)
    case .floorDiv(let a, let b): return floorDiv(a.substituting(v), b.substituting(v))
    case .mod(let a, let b): return mod(a.substituting(v), b.substituting(v))
    case .max(let a, let b): return max(a.substituting(v), b.substituting(v))
    case .min(let a, let b): return min(a.substituting(v), b.substituting(v))
    }
  }

  // MARK: - Reasoning (for warnings; the compiler's own decisions use `==`)

  /// True when `self < other` holds for every value of the variables, as far as a constant difference shows.
  public func provablyLess(than other: SymExpr) -> Bool {
    if let d = (other - self).constant { return d > 0 }
    return false
  }

  // MARK: - Printing

  public var description: String {
    if terms.isEmpty { return "0" }
    var out = ""
    for (i, t) in terms.enumerated() {
      let mono = t.monomial.atoms.map { atom -> String in
        switch atom {
        case .variable: return atom.description
        default:
          return terms.count > 1 || t.monomial.atoms.count > 1 || t.coefficient != 1
            ? "(\(atom.description))" : atom.description
        }
      }.joined(separator: " * ")
      var c = t.coefficient
      if i > 0 {
        out += c < 0 ? " - " : " + "
        c = abs(c)
      } else if c < 0, !mono.isEmpty {
        out += "-"
        c = abs(c)
      }
      if mono.isEmpty {
        out += String(c)
      } else if c == 1 {
        out += mono
      } else {
        out += "\(c) * \(mono)"
      }
    }
    return out
  }

  var parenthesized: String {
    terms.count > 1 || (terms.count == 1 && terms[0].coefficient != 1 && !isConstant) ? "(\(description))" : description
  }
}

func pyFloorDiv(_ a: Int, _ b: Int) -> Int {
  let q = a / b
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

func pyMod(_ a: Int, _ b: Int) -> Int {
  let r = a % b
  return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
}
