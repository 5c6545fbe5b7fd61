// NameTable: a fixed map from names to values for the static tables the interpreter reads on every DSL call and
// attribute (op traits, signatures, dtype widths). Like `Env`, an open-addressing table over a cheap byte hash of the
// name instead of `Dictionary`'s seeded SipHash; built once, read only.

struct NameTable<Value: Sendable>: Sendable {
  private let names: [String]
  private let hashes: [Int]
  private let values: [Value]
  /// Open addressing over the entries: index + 1, 0 for an empty slot; the count is a power of two.
  private let slots: [Int32]

  init(_ dictionary: [String: Value]) {
    let sorted = dictionary.sorted { $0.key < $1.key }
    names = sorted.map(\.key)
    values = sorted.map(\.value)
    hashes = names.map(Self.hash)
    var size = 8
    while size < names.count * 2 { size *= 2 }
    var slots = [Int32](repeating: 0, count: size)
    for (i, h) in hashes.enumerated() {
      var s = h & (size - 1)
      while slots[s] != 0 { s = (s + 1) & (size - 1) }
      slots[s] = Int32(i + 1)
    }
    self.slots = slots
  }

  subscript(name: String) -> Value? {
    let h = Self.hash(name)
    let mask = slots.count - 1
    var s = h & mask
    while true {
      let e = Int(slots[s])
      if e == 0 { return nil }
      if hashes[e - 1] == h, names[e - 1] == name { return values[e - 1] }
      s = (s + 1) & mask
    }
  }

  func contains(_ name: String) -> Bool { self[name] != nil }

  /// FNV-1a over the name's UTF-8 bytes, folded (the hash `Env` uses).
  static func hash(_ name: String) -> Int {
    func fnv<S: Sequence<UInt8>>(_ bytes: S) -> Int {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
      return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
    return name.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(name.utf8)
  }
}

/// A fixed set of names, read like `NameTable`.
typealias NameSet = NameTable<Bool>

extension NameTable where Value == Bool {
  init(_ names: Set<String>) { self.init(Dictionary(uniqueKeysWithValues: names.map { ($0, true) })) }
}

extension NameTable: ExpressibleByArrayLiteral where Value == Bool {
  init(arrayLiteral names: String...) { self.init(Set(names)) }
}
