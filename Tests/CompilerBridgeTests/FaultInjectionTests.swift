// Fault injection with a fake worker (Tests/Fixtures/bridge/fake_worker.py): crash, hang, garbage, wrong
// version, missing Python. Each gives one clear failure, and the next request works.

import Foundation
import Testing
import TileLangSyntax

@testable import CompilerBridge

@Suite struct FaultInjectionTests {
  func fakeBridge(timeout: Double = 5, version: String = "0.1.15") throws -> CompilerBridge {
    let python = try #require(BridgeTestPaths.plainPython, "python3 must be on PATH for the fault-injection tests")
    return CompilerBridge(
      settings: BridgeSettings(
        python: python, workerScript: BridgeTestPaths.fakeWorker, timeout: timeout,
        environment: ["FAKE_TILELANG_VERSION": version], supervisionMargin: 0.5))
  }

  func request(_ name: String) -> BuildRequest { BuildRequest(file: BridgeTestPaths.fixture(name)) }

  func expectNextBuildWorks(_ bridge: CompilerBridge, sourceLocation: SourceLocation = #_sourceLocation) {
    let ok = bridge.buildBlocking(request("fake_ok.py"))
    #expect(
      ok.product?.cuda.contains("fake cuda") == true, "\(String(describing: ok.failure))",
      sourceLocation: sourceLocation)
  }

  @Test func crashedWorkerIsReportedAndRestarted() throws {
    let bridge = try fakeBridge()
    defer { bridge.shutdown() }
    expectNextBuildWorks(bridge)
    let first = bridge.workerProcessID
    let crash = bridge.buildBlocking(request("fake_crash.py"))
    let f = try #require(crash.failure)
    #expect(f.kind == .workerDied)
    #expect(f.message.contains("signal 6"), "\(f.message)")
    #expect(f.logs.contains("aborting"))
    let path = BridgeTestPaths.fixture("fake_crash.py")
    let diags = CompilerErrorMapping.diagnostics(for: f, file: path, source: SourceText("# x\n"))
    #expect(diags.map(\.code) == [.TL501])
    expectNextBuildWorks(bridge)
    #expect(bridge.workerProcessID != first)
  }

  @Test func hangingWorkerTimesOutAndIsReplaced() throws {
    let bridge = try fakeBridge(timeout: 0.5)
    defer { bridge.shutdown() }
    let start = Date()
    let hang = bridge.buildBlocking(request("fake_hang.py"))
    #expect(hang.failure?.kind == .timeout)
    #expect(Date().timeIntervalSince(start) < 5)
    let diags = CompilerErrorMapping.diagnostics(
      for: try #require(hang.failure), file: "/x.py", source: SourceText("def k():\n  pass\n"), timeout: 0.5)
    #expect(diags.map(\.code) == [.TL504])
    expectNextBuildWorks(bridge)
  }

  @Test func garbageOnStdoutIsReported() throws {
    let bridge = try fakeBridge()
    defer { bridge.shutdown() }
    let bad = bridge.buildBlocking(request("fake_garbage.py"))
    #expect(bad.failure?.kind == .workerDied)
    #expect(bad.failure?.message.contains("not protocol: this is not json") == true)
    expectNextBuildWorks(bridge)
  }

  @Test func wrongTilelangVersionIsUnavailable() throws {
    let bridge = try fakeBridge(version: "0.1.6")
    defer { bridge.shutdown() }
    let r = bridge.buildBlocking(request("fake_ok.py"))
    let f = try #require(r.failure)
    #expect(f.kind == .unavailable)
    #expect(f.message.contains("0.1.6") && f.message.contains("0.1.15"))
    let diags = CompilerErrorMapping.diagnostics(for: f, file: "/x.py", source: SourceText("x = 1\n"))
    #expect(diags.map(\.code) == [.TL503])
    #expect(diags.first?.message.contains("scripts/setup-tilelang.sh") == true)
  }

  @Test func missingPythonIsUnavailableThenSettingsFixIt() throws {
    let bridge = try fakeBridge()
    defer { bridge.shutdown() }
    var s = bridge.settings
    s.python = "/nonexistent/python3"
    bridge.update(settings: s)
    let r = bridge.buildBlocking(request("fake_ok.py"))
    #expect(r.failure?.kind == .unavailable)
    #expect(r.failure?.message.contains("/nonexistent/python3") == true)
    s.python = BridgeTestPaths.plainPython
    bridge.update(settings: s)
    expectNextBuildWorks(bridge)
  }
}
