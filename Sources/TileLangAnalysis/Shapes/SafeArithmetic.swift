// Overflow-checked arithmetic for sizes: broken or absurd input (a shape of 10^18) must give "unknown", never a
// trap. Integer values beyond the 32-bit range TVM uses for shapes are treated as unknown by the evaluator.

enum SafeArithmetic {
  /// Values the evaluator keeps; beyond this an integer is unknown (TVM shapes and indices are 32-bit).
  static let limit = Int(Int32.max)

  /// The product, or nil on overflow.
  static func product(_ values: [Int]) -> Int? {
    var acc = 1
    for v in values {
      let (r, overflow) = acc.multipliedReportingOverflow(by: v)
      if overflow { return nil }
      acc = r
    }
    return acc
  }

  /// `elements × bits / 8`, or nil on overflow.
  static func bytes(_ extents: [Int], bits: Int) -> Int? {
    guard let n = product(extents + [bits]) else { return nil }
    return n / 8
  }

  static func multiply(_ a: Int, _ b: Int) -> Int? {
    let (r, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? nil : r
  }
}
