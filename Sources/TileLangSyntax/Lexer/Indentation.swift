// Indentation: the stack of indentation levels behind INDENT/DEDENT tokens, with CPython's tab rules
// (tabs to multiples of 8, cross-checked against tab-as-one-column to detect inconsistent mixing).

struct Indentation: Sendable {
  struct Level: Sendable {
    var column: Int
    var altColumn: Int
    /// A level pushed after an unindent mismatch: it got no INDENT, so it gets no DEDENT either.
    var isPhantom: Bool
  }

  struct Change: Sendable {
    var indent = false
    var dedents = 0
    var mismatch = false
    var inconsistent = false
  }

  private(set) var levels: [Level] = [Level(column: 0, altColumn: 0, isPhantom: false)]

  /// Applies the indentation of a new logical line.
  mutating func change(column: Int, altColumn: Int) -> Change {
    var result = Change()
    guard let top = levels.last else { return result }
    if column == top.column {
      result.inconsistent = altColumn != top.altColumn
      return result
    }
    if column > top.column {
      result.inconsistent = altColumn <= top.altColumn
      levels.append(Level(column: column, altColumn: altColumn, isPhantom: false))
      result.indent = true
      return result
    }
    while let last = levels.last, levels.count > 1, column < last.column {
      levels.removeLast()
      if !last.isPhantom { result.dedents += 1 }
    }
    if let last = levels.last, column != last.column {
      result.mismatch = true
      levels.append(Level(column: column, altColumn: altColumn, isPhantom: true))
    } else if let last = levels.last {
      result.inconsistent = altColumn != last.altColumn
    }
    return result
  }

  /// Pops every level at end of file; returns the number of DEDENT tokens owed.
  mutating func closeAll() -> Int {
    var count = 0
    while levels.count > 1, let last = levels.popLast() {
      if !last.isPhantom { count += 1 }
    }
    return count
  }
}
