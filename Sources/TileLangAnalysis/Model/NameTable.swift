// NameTable: a fixed map from names to values for the static tables the interpreter reads on every DSL call and
// attribute (op traits, signatures, dtype widths). Like `Env`, an open-addressing table (`NameSlots`) over a cheap
// byte hash of the name instead of `Dictionary`'s seeded SipHash; built once, read only.

struct NameTable<Value: Sendable>: Sendable {
  private let names: [String]
  private let hashes: [Int]
  private let values: [Value]
  private let slots: NameSlots

  init(_ dictionary: [String: Value]) {
    let sorted = dictionary.sorted { $0.key < $1.key }
    names = sorted.map(\.key)
    values = sorted.map(\.value)
    hashes = names.map(NameSlots.hash)
    var slots = NameSlots(capacity: names.count * 3 / 2)  // read only: half full, for shorter probes
    for (i, h) in hashes.enumerated() { slots.insert(i, hash: h) }
    self.slots = slots
  }

  /// A table from groups of names, every name of a group mapping to the group's value.
  init(groups: [([String], Value)]) {
    var table: [String: Value] = [:]
    for (names, value) in groups { for n in names { table[n] = value } }
    self.init(table)
  }

  subscript(name: String) -> Value? { self[name, hash: NameSlots.hash(name)] }

  /// The value of `name`, whose `NameSlots.hash` the caller has (one name looked up in several tables).
  subscript(name: String, hash h: Int) -> Value? {
    guard let i = slots.first(hash: h, where: { hashes[$0] == h && names[$0] == name }) else { return nil }
    return values[i]
  }

  func contains(_ name: String) -> Bool { self[name] != nil }
  func contains(_ name: String, hash: Int) -> Bool { self[name, hash: hash] != nil }
}

/// A fixed set of names, read like `NameTable`.
typealias NameSet = NameTable<Bool>

extension NameTable where Value == Bool {
  init(_ names: Set<String>) { self.init(Dictionary(uniqueKeysWithValues: names.map { ($0, true) })) }
}

extension NameTable: ExpressibleByArrayLiteral where Value == Bool {
  init(arrayLiteral names: String...) { self.init(Set(names)) }
}

/// The slots of an open-addressing name table (`Env`, `NameTable`), which keeps its entries in arrays of its own:
/// each slot holds an entry's index + 1, or 0 when empty; linear probing from the name's hash; at most 3/4 full.
struct NameSlots: Sendable {
  /// The slot count is a power of two (none before the first `init(capacity:)`).
  private var slots: [Int32] = []

  init() {}

  /// Empty slots with room for `capacity` entries.
  init(capacity: Int) {
    var size = 8
    while size * 3 < capacity * 4 { size *= 2 }
    slots = Array(repeating: 0, count: size)
  }

  /// Whether `count` entries would fill the slots past 3/4 (always, before the first `init(capacity:)`).
  func needsRoom(for count: Int) -> Bool { count * 4 > slots.count * 3 }

  /// The first entry along `hash`'s probe sequence that `matches`, or nil at the first empty slot.
  @inline(__always) func first(hash h: Int, where matches: (Int) -> Bool) -> Int? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var s = h & mask
    while true {
      let e = Int(slots[s])
      if e == 0 { return nil }
      if matches(e - 1) { return e - 1 }
      s = (s + 1) & mask
    }
  }

  /// Puts entry `entry` in the first empty slot of `hash`'s probe sequence (the caller keeps room).
  mutating func insert(_ entry: Int, hash h: Int) {
    let mask = slots.count - 1
    var s = h & mask
    while slots[s] != 0 { s = (s + 1) & mask }
    slots[s] = Int32(entry + 1)
  }

  /// FNV-1a over the name's UTF-8 bytes, folded.
  static func hash(_ name: String) -> Int {
    func fnv<S: Sequence<UInt8>>(_ bytes: S) -> Int {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
      return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
    return name.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(name.utf8)
  }
}
