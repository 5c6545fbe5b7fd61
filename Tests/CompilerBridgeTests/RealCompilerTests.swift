// Integration tests against the real tilelang 0.1.15 in `.venv-tilelang` (run scripts/setup-tilelang.sh first):
// GEMMs and a conv for sm_80/sm_90, every bad kernel of compiler-bridge.md, timeouts, a killed worker, cancel.

import Foundation
import Testing
import TileLangSyntax

@testable import CompilerBridge

/// One worker for the whole suite (it imports tilelang once); the suite is serialized.
let sharedRealBridge = CompilerBridge(
  settings: BridgeSettings(python: BridgeTestPaths.venvPython, workerScript: BridgeTestPaths.workerScript, timeout: 60))

@Suite(.serialized) struct RealCompilerTests {
  let bridge = sharedRealBridge

  func build(
    _ fixture: String, target: String = "sm_90", kwargs: [String: ArgumentValue] = [:], timeout: Double? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> BuildResult {
    try #require(BridgeTestPaths.hasVenv, BridgeTestPaths.missingVenvMessage, sourceLocation: sourceLocation)
    return bridge.buildBlocking(
      BuildRequest(
        file: BridgeTestPaths.fixture(fixture), keywordArguments: kwargs, target: target, timeout: timeout))
  }

  func diagnostics(_ fixture: String, _ result: BuildResult) throws -> (SourceText, [Diagnostic]) {
    let path = BridgeTestPaths.fixture(fixture)
    let source = SourceText(try String(contentsOfFile: path, encoding: .utf8))
    let f = try #require(result.failure, "expected a failure for \(fixture)")
    return (source, CompilerErrorMapping.diagnostics(for: f, file: path, source: source, timeout: 2))
  }

  @Test func factoryGemmOnSm80UsesCpAsync() throws {
    let r = try build("gemm_factory.py", target: "sm_80")
    let p = try #require(r.product, "\(String(describing: r.failure))")
    #expect(p.cuda.contains("cp_async_gs"))
    #expect(!p.cuda.contains("tma_load"))
    #expect(p.argumentsFromComment.sorted() == ["K", "M", "N"])
    #expect(p.lineMap.contains { $0.pythonLine == 17 }, "the A copy (line 17) maps into the CUDA")
  }

  @Test func factoryGemmOnSm90UsesTma() throws {
    let r = try build("gemm_factory.py", target: "sm_90")
    let p = try #require(r.product, "\(String(describing: r.failure))")
    #expect(p.cuda.contains("tma_load"))
    let a = try #require(p.tmaDescriptors.first { $0.name == "A_desc" }, "\(p.tmaDescriptors)")
    #expect(a.function == "__tvm_tensormap_create_tiled")
    // rank 2, the global tensor A (1024 x 1024, innermost first), a box of block_K x block_M = 32 x 128
    #expect(a.arguments[2...5] == ["2", "A", "1024", "1024"] && a.arguments[8...9] == ["32", "128"], "\(a.arguments)")
  }

  @Test func eagerJitGemmTakesConstSizesAsKeywords() throws {
    let r = try build("gemm_eager.py", target: "sm_90", kwargs: ["M": .int(512)])
    let p = try #require(r.product, "\(String(describing: r.failure))")
    #expect(p.cuda.contains("tma_load"))
    #expect(p.usedArguments["M"] == "512" && p.usedArguments["N"] == "1024")
  }

  @Test func convIm2colLowersToTmaIm2colOnSm90() throws {
    let r = try build("conv_im2col.py", target: "sm_90")
    let p = try #require(r.product, "\(String(describing: r.failure))")
    #expect(p.cuda.contains("tma_load_im2col"))
    #expect(p.tmaDescriptors.contains { $0.function == "__tvm_tensormap_create_im2col" }, "\(p.tmaDescriptors)")
  }

  @Test func secondBuildIsACacheHit() throws {
    _ = try build("gemm_factory.py", target: "sm_90")
    let hit = try build("gemm_factory.py", target: "sm_90")
    #expect(hit.fromCache)  // its speed is measured by scripts/bench-bridge.sh (docs/performance.md), not asserted
  }

  static let badKernels: [(String, String, Int)] = [
    ("bad/copy_region_larger_than_tile.py", "sm_90", 10), ("bad/copy_point_rank.py", "sm_90", 10),
    ("bad/eviction_policy_unknown.py", "sm_90", 10), ("bad/loop_layout_on_tma_copy.py", "sm_90", 16),
    ("bad/prefer_tma_on_sm80.py", "sm_80", 10), ("bad/im2col_dtype_mismatch.py", "sm_90", 10),
    ("bad/im2col_column_1d.py", "sm_90", 10),
  ]

  @Test(arguments: badKernels) func badKernelGetsTL501OnTheCallLine(_ c: (String, String, Int)) throws {
    let r = try build(c.0, target: c.1)
    let (source, diags) = try diagnostics(c.0, r)
    #expect(diags.count == 1)
    let d = try #require(diags.first)
    #expect(d.code == .TL501, "\(d.message)")
    #expect(source.line(of: d.range.start) + 1 == c.2, "\(d.message)")
    let call = source.text(d.range)
    #expect(call.hasPrefix("T.copy(") || call.hasPrefix("T.im2col("), "\(call)")
  }

  @Test func missingSizesGiveTL505() throws {
    let (_, diags) = try diagnostics("missing_sizes.py", try build("missing_sizes.py"))
    #expect(diags.map(\.code) == [.TL505])
    #expect(diags.first?.message.contains("M, N, K") == true)
  }

  @Test func hangingImportTimesOutAndNextBuildWorks() throws {
    let r = try build("hang_at_import.py", timeout: 2)
    let (_, diags) = try diagnostics("hang_at_import.py", r)
    #expect(diags.map(\.code) == [.TL504])
    #expect(try build("bad/prefer_tma_on_sm80.py", target: "sm_90").product != nil)
  }

  @Test func killedWorkerIsReportedAndRestarted() throws {
    try #require(BridgeTestPaths.hasVenv, BridgeTestPaths.missingVenvMessage)
    _ = try build("gemm_factory.py", target: "sm_90")
    let pid = try #require(bridge.workerProcessID)
    let killer = Thread {
      usleep(800_000)
      kill(pid, SIGKILL)
    }
    killer.start()
    let r = try build("hang_at_import.py", timeout: 30)
    let (_, diags) = try diagnostics("hang_at_import.py", r)
    #expect(r.failure?.kind == .workerDied)
    #expect(diags.map(\.code) == [.TL501])
    #expect(try build("conv_im2col.py", target: "sm_90").product != nil)
    #expect(bridge.workerProcessID != pid)
  }

  @Test func cancellingTheTaskStopsTheBuild() async throws {
    try #require(BridgeTestPaths.hasVenv, BridgeTestPaths.missingVenvMessage)
    let req = BuildRequest(file: BridgeTestPaths.fixture("hang_at_import.py"), timeout: 30)
    let start = Date()
    let task = Task { await bridge.build(req) }
    try await Task.sleep(nanoseconds: 700_000_000)
    task.cancel()
    let r = await task.value
    #expect(r.failure?.kind == .cancelled)
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func pythonWithoutTilelangGivesOneTL503() throws {
    let plain = try #require(BridgeTestPaths.plainPython)
    let b = CompilerBridge(settings: BridgeSettings(python: plain, workerScript: BridgeTestPaths.workerScript))
    defer { b.shutdown() }
    let r = b.buildBlocking(BuildRequest(file: BridgeTestPaths.fixture("gemm_factory.py")))
    let (_, diags) = try diagnostics("gemm_factory.py", r)
    #expect(diags.map(\.code) == [.TL503])
    #expect(diags.first?.message.contains("pip install tilelang==0.1.15") == true)
  }
}
