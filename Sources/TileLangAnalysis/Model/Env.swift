// Env: the interpreter's scope, a map from Python names to values. Scopes are read and written far more than any
// other table (every name load, store, call and branch), so it is a small open-addressing table with a cheap byte
// hash of the name instead of `Dictionary`'s seeded SipHash; entries keep their insertion order.

struct Env: Sendable, Sequence, ExpressibleByDictionaryLiteral {
  fileprivate struct Entry: Sendable {
    var name: String
    var hash: Int
    /// nil: removed (the entry stays so that probe sequences through it still work).
    var value: Value?
  }

  private var entries: [Entry] = []
  /// Open addressing over `entries`: index + 1, 0 for an empty slot; the count is a power of two.
  private var slots: [Int32] = []

  init() {}

  init(dictionaryLiteral elements: (String, Value)...) {
    for (k, v) in elements { self[k] = v }
  }

  subscript(name: String) -> Value? {
    get {
      guard let i = index(of: name, hash: Self.hash(name)) else { return nil }
      return entries[i].value
    }
    set {
      let h = Self.hash(name)
      if let i = index(of: name, hash: h) {
        entries[i].value = newValue
        return
      }
      guard let newValue else { return }
      if (entries.count + 1) * 4 > slots.count * 3 { rebuild(minimumCapacity: entries.count + 1) }
      entries.append(Entry(name: name, hash: h, value: newValue))
      insertSlot(entries.count - 1, hash: h)
    }
  }

  subscript(name: String, default value: @autoclosure () -> Value) -> Value {
    get { self[name] ?? value() }
    set { self[name] = newValue }
  }

  /// The names bound, in insertion order.
  var keys: [String] { entries.compactMap { $0.value == nil ? nil : $0.name } }

  @discardableResult
  mutating func removeValue(forKey name: String) -> Value? {
    let old = self[name]
    if old != nil { self[name] = nil }
    return old
  }

  /// The bindings `isIncluded` keeps, as a dictionary.
  func filter(_ isIncluded: ((key: String, value: Value)) throws -> Bool) rethrows -> [String: Value] {
    var out: [String: Value] = [:]
    for e in self where try isIncluded(e) { out[e.key] = e.value }
    return out
  }

  struct Iterator: IteratorProtocol {
    fileprivate let entries: [Entry]
    fileprivate var position = 0

    mutating func next() -> (key: String, value: Value)? {
      while position < entries.count {
        let e = entries[position]
        position += 1
        if let v = e.value { return (e.name, v) }
      }
      return nil
    }
  }

  func makeIterator() -> Iterator { Iterator(entries: entries) }

  // MARK: - Table

  @inline(__always) private static func hash(_ name: String) -> Int { NameTable<Value>.hash(name) }

  private func index(of name: String, hash h: Int) -> Int? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var s = h & mask
    while true {
      let e = Int(slots[s])
      if e == 0 { return nil }
      if entries[e - 1].hash == h, entries[e - 1].name == name { return e - 1 }
      s = (s + 1) & mask
    }
  }

  private mutating func insertSlot(_ entry: Int, hash h: Int) {
    let mask = slots.count - 1
    var s = h & mask
    while slots[s] != 0 { s = (s + 1) & mask }
    slots[s] = Int32(entry + 1)
  }

  /// Drops removed entries and re-hashes into a table with room for `minimumCapacity` entries.
  private mutating func rebuild(minimumCapacity: Int) {
    entries.removeAll { $0.value == nil }
    var size = 8
    while size * 3 < Swift.max(minimumCapacity, entries.count + 1) * 4 { size *= 2 }
    slots = Array(repeating: 0, count: size)
    for (i, e) in entries.enumerated() { insertSlot(i, hash: e.hash) }
  }
}
