// In-memory LRU cache of build results. The key hashes the kernel file, the local .py modules it imports from
// its own folder, and everything else that changes the build (kernel, sizes, target, pass configs, Python).

import Foundation

struct BuildCacheKey: Hashable, Sendable {
  var contentHash: UInt64
  var request: BuildRequest
  var python: String
  var script: String

  /// Reads the file and its same-folder imports; nil when the file cannot be read (never cached then).
  init?(request: BuildRequest, python: String, script: String) {
    guard let hash = BuildCacheKey.hashSources(file: request.file) else { return nil }
    contentHash = hash
    var r = request
    r.timeout = nil  // the limit does not change the product
    self.request = r
    self.python = python
    self.script = script
  }

  /// FNV-1a over the file's bytes, then over each local module it imports (transitively, same folder).
  static func hashSources(file: String) -> UInt64? {
    guard let data = FileManager.default.contents(atPath: file) else { return nil }
    let dir = (file as NSString).deletingLastPathComponent
    var hash = fnv1a(data, seed: 0xcbf2_9ce4_8422_2325)
    var seen: Set<String> = [file]
    var queue = localImports(in: data, dir: dir)
    while !queue.isEmpty {
      let path = queue.removeFirst()
      guard seen.insert(path).inserted else { continue }
      guard let dep = FileManager.default.contents(atPath: path) else { continue }
      hash = fnv1a(Data(path.utf8), seed: hash)
      hash = fnv1a(dep, seed: hash)
      queue.append(contentsOf: localImports(in: dep, dir: dir))
    }
    return hash
  }

  /// `import a, b` / `from a import x` / `from .a import x` where `dir/a.py` exists.
  static func localImports(in data: Data, dir: String) -> [String] {
    var out: [String] = []
    for raw in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let line = raw.trimmingCharacters(in: .whitespaces)
      var names: [Substring] = []
      if line.hasPrefix("import ") {
        names = line.dropFirst(7).split(separator: ",").map { $0.split(separator: " ").first ?? "" }
      } else if line.hasPrefix("from ") {
        names = [line.dropFirst(5).split(separator: " ").first ?? ""]
      }
      for n in names {
        let top = n.drop(while: { $0 == "." }).split(separator: ".").first.map(String.init) ?? ""
        guard !top.isEmpty else { continue }
        let path = dir + "/" + top + ".py"
        if FileManager.default.fileExists(atPath: path) { out.append(path) }
      }
    }
    return out
  }

  static func fnv1a(_ data: Data, seed: UInt64) -> UInt64 {
    var h = seed
    for b in data {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return h
  }
}

/// A small LRU map, safe to use from several threads.
final class BuildCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [BuildCacheKey: Result<BuildProduct, CompilerFailure>] = [:]
  private var order: [BuildCacheKey] = []
  let capacity: Int

  init(capacity: Int) { self.capacity = max(1, capacity) }

  func get(_ key: BuildCacheKey) -> Result<BuildProduct, CompilerFailure>? {
    lock.withLock {
      guard let value = entries[key] else { return nil }
      if let i = order.firstIndex(of: key) { order.remove(at: i) }
      order.append(key)
      return value
    }
  }

  /// Stores products and deterministic compile errors; never timeouts, crashes, cancellations or missing tools.
  func put(_ key: BuildCacheKey, _ value: Result<BuildProduct, CompilerFailure>) {
    if case .failure(let f) = value, ![.compileError, .missingParameters, .kernelNotFound].contains(f.kind) { return }
    lock.withLock {
      if entries.updateValue(value, forKey: key) == nil {
        order.append(key)
      } else if let i = order.firstIndex(of: key) {
        order.remove(at: i)
        order.append(key)
      }
      while order.count > capacity { entries[order.removeFirst()] = nil }
    }
  }

  var count: Int { lock.withLock { entries.count } }

  func removeAll() {
    lock.withLock {
      entries = [:]
      order = []
    }
  }
}
