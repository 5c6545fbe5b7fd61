// Python / worker discovery order, argument parsing, and build cache keys (content, imports, options) and LRU.

import Foundation
import Testing

@testable import CompilerBridge

@Suite struct DiscoveryAndCacheTests {
  @Test func pythonDiscoveryOrder() {
    let all: Set<String> = ["/opt/py", "/env/py", "/usr/bin/python3"]
    let exe: (String) -> Bool = { all.contains($0) }
    let env = ["TL_LSP_PYTHON": "/env/py", "PATH": "/usr/bin"]
    #expect(PythonLocator.python(explicit: "/opt/py", environment: env, isExecutable: exe) == "/opt/py")
    #expect(PythonLocator.python(explicit: nil, environment: env, isExecutable: exe) == "/env/py")
    #expect(
      PythonLocator.python(explicit: nil, environment: ["PATH": "/nope:/usr/bin"], isExecutable: exe)
        == "/usr/bin/python3")
    #expect(PythonLocator.python(explicit: "/missing/py", environment: env, isExecutable: exe) == nil)
    #expect(PythonLocator.python(explicit: nil, environment: ["PATH": "/nope"], isExecutable: exe) == nil)
  }

  @Test func workerScriptDiscovery() {
    let exists: (String) -> Bool = { $0 == "/w.py" }
    #expect(
      PythonLocator.workerScript(explicit: nil, environment: ["TL_LSP_WORKER": "/w.py"], exists: exists) == "/w.py")
    #expect(PythonLocator.workerScript(explicit: "/gone.py", environment: [:], exists: exists) == nil)
    // The bundled (or source-tree) worker is always found in a development build.
    #expect(PythonLocator.workerScript(explicit: nil, environment: [:]) != nil)
  }

  @Test func argumentValuesParse() {
    #expect(ArgumentValue(parsing: "1024") == .int(1024))
    #expect(ArgumentValue(parsing: "0.5") == .double(0.5))
    #expect(ArgumentValue(parsing: "true") == .bool(true))
    #expect(ArgumentValue(parsing: "float16") == .string("float16"))
    #expect(ArgumentValue(parsing: "'bfloat16'") == .string("bfloat16"))
  }

  @Test func cacheKeyTracksContentImportsAndOptions() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let main = dir.appendingPathComponent("k.py")
    let helper = dir.appendingPathComponent("helpers.py")
    try "import helpers\nfrom os import path\n".write(to: main, atomically: false, encoding: .utf8)
    try "X = 1\n".write(to: helper, atomically: false, encoding: .utf8)
    let req = BuildRequest(file: main.path, keywordArguments: ["M": .int(1024)], target: "sm_90")
    func key(_ r: BuildRequest) -> BuildCacheKey? { BuildCacheKey(request: r, python: "/p", script: "/w") }
    let k1 = try #require(key(req))
    #expect(key(req) == k1)
    var r2 = req
    r2.timeout = 5
    #expect(key(r2) == k1, "the time limit is not part of the key")
    r2.target = "sm_80"
    #expect(key(r2) != k1)
    r2 = req
    r2.keywordArguments["M"] = .int(512)
    #expect(key(r2) != k1)
    r2 = req
    r2.passConfigs["tl.disable_tma_lower"] = true
    #expect(key(r2) != k1)
    try "X = 2\n".write(to: helper, atomically: false, encoding: .utf8)
    #expect(key(req) != k1, "an edit of a local import changes the key")
    #expect(key(BuildRequest(file: dir.appendingPathComponent("none.py").path)) == nil)
  }

  @Test func cacheIsLRUAndSkipsTransientFailures() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-lru-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("k.py")
    try "x = 1\n".write(to: file, atomically: false, encoding: .utf8)
    let cache = BuildCache(capacity: 2)
    let product = BuildProduct(
      kernel: "k", cuda: "", tmaDescriptors: [], lineMap: [], usedArguments: [:], argumentsFromComment: [], times: [:],
      logs: "")
    let keys = try ["sm_80", "sm_86", "sm_90"].map {
      try #require(BuildCacheKey(request: BuildRequest(file: file.path, target: $0), python: "p", script: "w"))
    }
    cache.put(keys[0], .success(product))
    cache.put(keys[1], .success(product))
    _ = cache.get(keys[0])
    cache.put(keys[2], .success(product))
    #expect(cache.get(keys[0]) != nil)
    #expect(cache.get(keys[1]) == nil, "least recently used is evicted")
    cache.removeAll()
    cache.put(keys[0], .failure(CompilerFailure(kind: .timeout, type: "Timeout", message: "", phase: "lower")))
    #expect(cache.get(keys[0]) == nil)
  }
}
