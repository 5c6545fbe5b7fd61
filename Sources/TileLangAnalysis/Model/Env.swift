// Env: the interpreter's scope, a map from Python names to values. Scopes are read and written far more than any
// other table (every name load, store, call and branch), so it is a small open-addressing table (`NameSlots`) with a
// cheap byte hash of the name instead of `Dictionary`'s seeded SipHash; entries keep their insertion order.

struct Env: Sendable, Sequence, ExpressibleByDictionaryLiteral {
  fileprivate struct Entry: Sendable {
    var name: String
    var hash: Int
    /// nil: removed (the entry stays so that probe sequences through it still work).
    var value: Value?
  }

  private var entries: [Entry] = []
  private var slots = NameSlots()

  init() {}

  init(dictionaryLiteral elements: (String, Value)...) {
    for (k, v) in elements { self[k] = v }
  }

  subscript(name: String) -> Value? {
    get { self[name, hash: NameSlots.hash(name)] }
    set { set(name, hash: NameSlots.hash(name), newValue) }
  }

  private mutating func set(_ name: String, hash h: Int, _ newValue: Value?) {
    if let i = index(of: name, hash: h) {
      entries[i].value = newValue
      return
    }
    guard let newValue else { return }
    if slots.needsRoom(for: entries.count + 1) { rebuild(minimumCapacity: entries.count + 1) }
    entries.append(Entry(name: name, hash: h, value: newValue))
    slots.insert(entries.count - 1, hash: h)
  }

  /// The value of `name`, whose `NameSlots.hash` the caller has.
  subscript(name: String, hash h: Int) -> Value? {
    guard let i = index(of: name, hash: h) else { return nil }
    return entries[i].value
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

  /// This scope with `other`'s bindings added: a name only `other` binds gets its value; where both bind a name,
  /// `resolve(mine, theirs)` gives the value, or nil to keep mine. Uses the stored hashes, not the names'.
  func merged(with other: Env, _ resolve: (Value, Value) -> Value?) -> Env {
    var out = self
    for e in other.entries {
      guard let theirs = e.value else { continue }
      if let i = index(of: e.name, hash: e.hash), let mine = entries[i].value {
        if let v = resolve(mine, theirs) { out.set(e.name, hash: e.hash, v) }
      } else {
        out.set(e.name, hash: e.hash, theirs)
      }
    }
    return out
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

  private func index(of name: String, hash h: Int) -> Int? {
    slots.first(hash: h) { entries[$0].hash == h && entries[$0].name == name }
  }

  /// Drops removed entries and re-hashes into slots with room for `minimumCapacity` entries.
  private mutating func rebuild(minimumCapacity: Int) {
    entries.removeAll { $0.value == nil }
    slots = NameSlots(capacity: Swift.max(minimumCapacity, entries.count + 1))
    for (i, e) in entries.enumerated() { slots.insert(i, hash: e.hash) }
  }
}
