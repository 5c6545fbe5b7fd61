// The worker's long-lived build child (real tilelang in `.venv-tilelang`): one child serves build after build, yet
// each build sees the file's current text and its same-folder helpers, a crash costs only that build, and the child
// is replaced after its build limit or when a build leaves a thread running or a compiler context entered.

import Foundation
import Testing

@testable import CompilerBridge

@Suite struct BuildChildReuseTests {
  /// A bridge of its own (its own worker and child), with extra worker environment such as the build limit.
  func makeBridge(_ environment: [String: String] = [:]) throws -> CompilerBridge {
    try #require(BridgeTestPaths.hasVenv, BridgeTestPaths.missingVenvMessage)
    return CompilerBridge(
      settings: BridgeSettings(
        python: BridgeTestPaths.venvPython, workerScript: BridgeTestPaths.workerScript, timeout: 60,
        environment: environment))
  }

  /// A fresh folder holding `files` (name → text); removed by the caller.
  func folder(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir
  }

  /// The bridge GEMM fixture with `block_K` taken from `blockK` (an expression) and `prologue` after the import.
  func gemm(blockK: String, prologue: String = "") throws -> String {
    let text = try String(contentsOfFile: BridgeTestPaths.fixture("gemm_factory.py"), encoding: .utf8)
    return
      text
      .replacingOccurrences(of: "block_K=32", with: "block_K=\(blockK)")
      .replacingOccurrences(of: "import tilelang.language as T\n", with: "import tilelang.language as T\n\(prologue)\n")
  }

  func product(_ r: BuildResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildProduct {
    let p = try #require(r.product, "\(String(describing: r.failure))", sourceLocation: sourceLocation)
    _ = try #require(p.child, "the worker did not say which child built it", sourceLocation: sourceLocation)
    return p
  }

  @Test func oneChildBuildsTheCurrentTextOfAFile() throws {
    let bridge = try makeBridge()
    defer { bridge.shutdown() }
    // The first text also leaves an environment variable and a sys.path entry behind; the second refuses both.
    let first = try gemm(
      blockK: "32", prologue: "import os, sys\nos.environ['TL_LSP_PROBE'] = '1'\nsys.path.append('/x')")
    let second = try gemm(
      blockK: "64", prologue: "import os, sys\nassert 'TL_LSP_PROBE' not in os.environ and '/x' not in sys.path")
    let dir = try folder(["kernel.py": first])
    defer { try? FileManager.default.removeItem(at: dir) }
    let request = BuildRequest(file: dir.appendingPathComponent("kernel.py").path, target: "sm_90")
    let a = try product(bridge.buildBlocking(request))
    try second.write(to: dir.appendingPathComponent("kernel.py"), atomically: true, encoding: .utf8)
    let b = try product(bridge.buildBlocking(request))
    #expect(a.cuda.contains("expect_transaction(8192)") && !a.cuda.contains("expect_transaction(16384)"))
    #expect(b.cuda.contains("expect_transaction(16384)") && !b.cuda.contains("expect_transaction(8192)"))
    #expect(a.child?.processID == b.child?.processID, "the second build ran in another child")
    #expect(b.child?.build == (a.child?.build ?? 0) + 1)
  }

  @Test func anEditedHelperModuleInTheSameFolderIsSeen() throws {
    let bridge = try makeBridge()
    defer { bridge.shutdown() }
    let dir = try folder([
      "tiles.py": "BLOCK_K = 32\n", "kernel.py": try gemm(blockK: "BLOCK_K", prologue: "from tiles import BLOCK_K"),
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let request = BuildRequest(file: dir.appendingPathComponent("kernel.py").path, target: "sm_90")
    let a = try product(bridge.buildBlocking(request))
    try "BLOCK_K = 64\n".write(to: dir.appendingPathComponent("tiles.py"), atomically: true, encoding: .utf8)
    let b = try product(bridge.buildBlocking(request))
    #expect(a.cuda.contains("expect_transaction(8192)"))
    #expect(b.cuda.contains("expect_transaction(16384)"), "the child kept the old tiles module")
    #expect(a.child?.processID == b.child?.processID, "the second build ran in another child")
  }

  @Test func contextsABuildLeavesOpenDoNotReachTheNextBuild() throws {
    let bridge = try makeBridge()
    defer { bridge.shutdown() }
    let leak = try gemm(
      blockK: "32",
      prologue: """
        from tilelang import tvm
        tvm.target.Target({"kind": "cuda", "arch": "sm_80"}).__enter__()
        tvm.transform.PassContext(config={"tl.disable_tma_lower": True}).__enter__()
        """)
    let probe = try gemm(
      blockK: "32",
      prologue: """
        from tilelang import tvm
        assert tvm.target.Target.current(allow_none=True) is None, "a target leaked"
        assert "tl.disable_tma_lower" not in tvm.transform.PassContext.current().config, "a pass config leaked"
        """)
    let dir = try folder(["leak.py": leak, "probe.py": probe])
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = try product(bridge.buildBlocking(BuildRequest(file: dir.appendingPathComponent("leak.py").path)))
    let b = try product(bridge.buildBlocking(BuildRequest(file: dir.appendingPathComponent("probe.py").path)))
    #expect(b.cuda.contains("tma_load"))
    // builds share one thread of the child (its thread-local caches stay warm), so a build that leaves a compiler
    // context entered costs its child: the next build runs in a fresh one
    #expect(a.child?.recycled == true)
    #expect(a.child?.processID != b.child?.processID)
  }

  @Test func threadLocalStateABuildLeavesDoesNotReachTheNextBuild() throws {
    let bridge = try makeBridge()
    defer { bridge.shutdown() }
    let leak = try gemm(
      blockK: "32",
      prologue: """
        import tilelang.language.kernel as launch
        launch._local.left_by_the_build_before = True
        """)
    let probe = try gemm(
      blockK: "32",
      prologue: """
        import tilelang.language.kernel as launch
        assert not hasattr(launch._local, "left_by_the_build_before"), "thread-local state leaked"
        """)
    let dir = try folder(["leak.py": leak, "probe.py": probe])
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = try product(bridge.buildBlocking(BuildRequest(file: dir.appendingPathComponent("leak.py").path)))
    let b = try product(bridge.buildBlocking(BuildRequest(file: dir.appendingPathComponent("probe.py").path)))
    #expect(b.cuda.contains("tma_load"))
    #expect(a.child?.processID == b.child?.processID, "the second build ran in another child")
  }

  @Test func aFailedImportDoesNotNameTheKernelOfTheBuildBefore() throws {
    let bridge = try makeBridge()
    defer { bridge.shutdown() }
    let dir = try folder(["broken.py": "def broken(:\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let ok = try product(bridge.buildBlocking(BuildRequest(file: BridgeTestPaths.fixture("gemm_factory.py"))))
    #expect(ok.kernel == "matmul")
    let f = try #require(bridge.buildBlocking(BuildRequest(file: dir.appendingPathComponent("broken.py").path)).failure)
    #expect(f.phase == "import")
    #expect(f.kernel == nil)
  }

  @Test func aCrashCostsOnlyItsBuild() throws {
    let bridge = try makeBridge()
    defer { bridge.shutdown() }
    let gemm = BuildRequest(file: BridgeTestPaths.fixture("gemm_factory.py"), target: "sm_90")
    let before = try product(bridge.buildBlocking(gemm))
    let crash = try #require(
      bridge.buildBlocking(BuildRequest(file: BridgeTestPaths.fixture("crash_at_import.py"))).failure)
    #expect(crash.kind == .crash)
    #expect(crash.signal == Int(SIGABRT), "\(crash.message)")
    bridge.clearCache()
    let after = try product(bridge.buildBlocking(gemm))
    #expect(after.cuda == before.cuda)
    #expect(after.child?.processID != before.child?.processID)
    #expect(after.child?.build == 1)
  }

  @Test func theChildIsReplacedAfterItsBuildLimit() throws {
    let bridge = try makeBridge(["TL_LSP_CHILD_MAX_BUILDS": "2"])
    defer { bridge.shutdown() }
    let gemm = BuildRequest(file: BridgeTestPaths.fixture("gemm_factory.py"), target: "sm_90")
    var children: [BuildChild] = []
    for _ in 0..<3 {
      bridge.clearCache()
      children.append(try #require(try product(bridge.buildBlocking(gemm)).child))
    }
    #expect(children.map(\.build) == [1, 2, 1])
    #expect(children.map(\.recycled) == [false, true, false])
    #expect(children[0].processID == children[1].processID)
    #expect(children[2].processID != children[1].processID)
  }

  @Test func aThreadLeftRunningRetiresTheChild() throws {
    let bridge = try makeBridge()
    defer { bridge.shutdown() }
    let leaky = try product(bridge.buildBlocking(BuildRequest(file: BridgeTestPaths.fixture("thread_left_running.py"))))
    #expect(leaky.child?.recycled == true)
    let next = try product(bridge.buildBlocking(BuildRequest(file: BridgeTestPaths.fixture("gemm_factory.py"))))
    #expect(next.child?.processID != leaky.child?.processID)
  }
}
