// Keywords: a call's keyword arguments by name, in the order written. A call passes a handful at most, so a linear
// search over the names beats hashing each one into a `Dictionary` (which costs a seeded SipHash and a table
// allocation per call).

struct Keywords<V>: Sequence, ExpressibleByDictionaryLiteral {
  private(set) var keys: [String] = []
  private(set) var values: [V] = []

  init() {}

  init(dictionaryLiteral elements: (String, V)...) {
    for (k, v) in elements { self[k] = v }
  }

  var count: Int { keys.count }
  var isEmpty: Bool { keys.isEmpty }

  /// The value passed as `name`; setting nil removes it.
  subscript(name: String) -> V? {
    get {
      guard let i = keys.firstIndex(of: name) else { return nil }
      return values[i]
    }
    set {
      if let i = keys.firstIndex(of: name) {
        if let newValue {
          values[i] = newValue
        } else {
          keys.remove(at: i)
          values.remove(at: i)
        }
      } else if let newValue {
        keys.append(name)
        values.append(newValue)
      }
    }
  }

  struct Iterator: IteratorProtocol {
    let keywords: Keywords
    var i = 0
    mutating func next() -> (key: String, value: V)? {
      guard i < keywords.keys.count else { return nil }
      defer { i += 1 }
      return (keywords.keys[i], keywords.values[i])
    }
  }

  func makeIterator() -> Iterator { Iterator(keywords: self) }
}
