// Paths the bridge tests need, found from this file's location (the package root, fixtures, the tilelang venv).

import Foundation
import Testing

enum BridgeTestPaths {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/bridge")
  static let transcripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Transcripts")
  static let workerScript = packageRoot.appendingPathComponent("Sources/CompilerBridge/worker.py").path
  static let fakeWorker = fixtures.appendingPathComponent("fake_worker.py").path

  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// `.venv-tilelang/bin/python` in the package root, created by `scripts/setup-tilelang.sh`.
  static var venvPython: String {
    packageRoot.appendingPathComponent(".venv-tilelang/bin/python").path
  }

  static var hasVenv: Bool { FileManager.default.isExecutableFile(atPath: venvPython) }

  static let missingVenvMessage = Comment(
    rawValue:
      "the tilelang venv is missing: run `scripts/setup-tilelang.sh` in the package root first "
      + "(creates .venv-tilelang, ~10 s)"
  )

  /// A plain Python 3 without tilelang (for the unavailable path).
  static var plainPython: String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let p = "\(dir)/python3"
      if FileManager.default.isExecutableFile(atPath: p), !p.contains(".venv-tilelang") { return p }
    }
    return nil
  }
}
