// Locates the built `tl-lsp` executable for end-to-end tests: `$TL_LSP_BINARY`, next to the test
// bundle, or `.build/debug` of the package this file lives in.

import Foundation

public enum BuiltProducts {
  public struct NotFound: Error, CustomStringConvertible {
    public var searched: [String]
    public var description: String { "tl-lsp executable not found; build it first. Searched: \(searched)" }
  }

  public static func tlLSP(filePath: String = #filePath) throws -> URL {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["TL_LSP_BINARY"], !override.isEmpty {
      candidates.append(URL(fileURLWithPath: override))
    }
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent().appendingPathComponent("tl-lsp"))
    }
    if let first = CommandLine.arguments.first {
      candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("tl-lsp"))
    }
    candidates.append(packageRoot(filePath: filePath).appendingPathComponent(".build/debug/tl-lsp"))
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
      return candidate
    }
    throw NotFound(searched: candidates.map(\.path))
  }

  /// The repository root, from this source file's location (Sources/TileLangTestSupport/<file>).
  public static func packageRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }
}
