// A fragment layout reduced to what layout inference compares: for each element of a constant-shaped fragment,
// the sorted set of threads that hold a copy of it (tilelang's Fragment forward_thread over all replicas).

import Foundation

struct FragmentOwners: Sendable, Equatable {
  /// Fragments larger than this are not modelled (the check stays silent).
  static let maxElements = 1 << 16

  let shape: [Int]
  /// `threads[starts[e]..<starts[e + 1]]` are the owners of element `e` (row-major), sorted and distinct.
  private let starts: [Int]
  private let threads: [Int32]

  /// Builds the owner sets of a 2-D shape whose element (i, j) is held by threads `row(i) + column(j) + r * step` for
  /// `r` in `0..<replicas`: already sorted and distinct (`step > 0`), so no element needs sorting. The gemm layouts
  /// are all of this separable form, so each part is computed once per row or column, not per element.
  init?(rows: Int, columns: Int, replicas: Int, step: Int, row: (Int) -> Int, column: (Int) -> Int) {
    guard replicas > 0, replicas <= 1024, step > 0 || replicas == 1,
      let count = Self.elementCount([rows, columns])
    else { return nil }
    let rowBase = (0..<rows).map(row)
    let columnBase = (0..<columns).map(column)
    // Every element has `replicas` owners, so element e starts at e * replicas; both arrays are written in place.
    self.shape = [rows, columns]
    self.starts = [Int](unsafeUninitializedCapacity: count + 1) { out, n in
      for e in 0...count { out[e] = e * replicas }
      n = count + 1
    }
    self.threads = [Int32](unsafeUninitializedCapacity: count * replicas) { out, n in
      var k = 0
      for r0 in rowBase {
        for c0 in columnBase {
          for r in 0..<replicas {
            out[k] = Int32(r0 + c0 + r * step)
            k += 1
          }
        }
      }
      n = k
    }
  }

  /// Builds the owner sets from each element's threads, which `threadsOf` appends (in any order, with repeats) to
  /// a scratch buffer reused across elements.
  private init?(shape: [Int], threadsOf: ([Int], inout [Int32]) -> Void) {
    guard let count = Self.elementCount(shape) else { return nil }
    var starts = [0]
    var threads: [Int32] = []
    starts.reserveCapacity(count + 1)
    threads.reserveCapacity(count)
    var index = Array(repeating: 0, count: shape.count)
    var scratch: [Int32] = []
    for _ in 0..<count {
      scratch.removeAll(keepingCapacity: true)
      threadsOf(index, &scratch)
      if scratch.count > 1 { scratch.sort() }
      var last: Int32?
      for t in scratch where t != last {
        threads.append(t)
        last = t
      }
      starts.append(threads.count)
      Self.advance(&index, shape)
    }
    self.shape = shape
    self.starts = starts
    self.threads = threads
  }

  /// How many integers the table holds (its memory, in units of one element).
  var storedCount: Int { starts.count + threads.count }

  /// Every element has exactly one owner (tilelang: `ReplicateExtent() == 1`).
  var isUnreplicated: Bool { threads.count == starts.count - 1 }

  /// The owners of the element at `index` (which must lie inside `shape`).
  func owners(_ index: [Int]) -> ArraySlice<Int32> {
    let e = Self.flatten(index, shape)
    return threads[starts[e]..<starts[e + 1]]
  }

  /// The layout a reduction over `dim` gives its output (reduce.cc ComputeReducerLayout): each output element is
  /// held by every thread that holds an element of the reduced line.
  func reduced(over dim: Int) -> FragmentOwners? {
    guard dim >= 0, dim < shape.count else { return nil }
    var outShape = shape
    outShape.remove(at: dim)
    let keepsOne = outShape.isEmpty
    if keepsOne { outShape = [1] }
    return FragmentOwners(shape: outShape) { x, out in
      for k in 0..<shape[dim] {
        var full = keepsOne ? [] : x
        full.insert(k, at: dim)
        out.append(contentsOf: owners(full))
      }
    }
  }

  /// The first element index (row-major) whose owner sets differ from `other`'s, when the shapes agree.
  func firstDifference(from other: FragmentOwners) -> [Int]? {
    guard shape == other.shape, let count = Self.elementCount(shape) else { return nil }
    var index = Array(repeating: 0, count: shape.count)
    for _ in 0..<count {
      if owners(index) != other.owners(index) { return index }
      Self.advance(&index, shape)
    }
    return nil
  }

  /// Every thread of `small` is in `large` (both sorted).
  static func contains(_ large: ArraySlice<Int32>, _ small: ArraySlice<Int32>) -> Bool {
    var i = large.startIndex
    for t in small {
      while i < large.endIndex, large[i] < t { i += 1 }
      guard i < large.endIndex, large[i] == t else { return false }
    }
    return true
  }

  static func elementCount(_ shape: [Int]) -> Int? {
    var n = 1
    for d in shape {
      guard d > 0 else { return nil }
      let (m, o) = n.multipliedReportingOverflow(by: d)
      guard !o, m <= maxElements else { return nil }
      n = m
    }
    return n
  }

  /// Steps a row-major index; wraps to all zeros after the last element.
  static func advance(_ index: inout [Int], _ shape: [Int]) {
    var d = shape.count - 1
    while d >= 0 {
      index[d] += 1
      if index[d] < shape[d] { return }
      index[d] = 0
      d -= 1
    }
  }

  private static func flatten(_ index: [Int], _ shape: [Int]) -> Int {
    var e = 0
    for (i, n) in zip(index, shape) { e = e * n + i }
    return e
  }

  /// `[3, 0]` → `(3, 0)`.
  static func text(_ index: [Int]) -> String {
    "(" + index.map(String.init).joined(separator: ", ") + (index.count == 1 ? ",)" : ")")
  }

  /// `thread 32` or `threads 0, 64`.
  static func text(_ owners: ArraySlice<Int32>) -> String {
    let shown = owners.prefix(4).map(String.init).joined(separator: ", ")
    let more = owners.count > 4 ? ", … (\(owners.count) threads)" : ""
    return (owners.count == 1 ? "thread " : "threads ") + shown + more
  }
}

/// A bounded, thread-safe memo of owner tables (the analysis runs on several threads in `--check` and the server).
/// Once the tables held reach `maxElements` elements in all, the memo starts over.
final class OwnersCache<Key: Hashable>: @unchecked Sendable {
  private let lock = NSLock()
  private var tables: [Key: FragmentOwners?] = [:]
  private var elements = 0
  private let maxElements: Int

  init(maxElements: Int) { self.maxElements = maxElements }

  func value(for key: Key, build: () -> FragmentOwners?) -> FragmentOwners? {
    if let hit = lock.withLock({ tables[key] }) { return hit }
    let made = build()
    let size = made?.storedCount ?? 0
    lock.withLock {
      if elements + size > maxElements {
        tables.removeAll(keepingCapacity: true)
        elements = 0
      }
      tables[key] = made
      elements += size
    }
    return made
  }
}
