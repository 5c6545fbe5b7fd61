// Runs a driver script of Tests/Support under the pinned tilelang venv over fixture files, split across two
// processes (one per core), and returns the `files` array of each process's JSON output.

import Foundation

public enum CompilerDriver {
  /// The `{"files": [...]}` entries of `script` (a path relative to the package root) run over `files`.
  public static func runFiles(script: String, _ files: [URL], targets: [String]) throws -> [[String: Any]] {
    let scriptURL = CompilerVerdicts.packageRoot.appendingPathComponent(script)
    let halves = [
      files.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
      files.enumerated().filter { $0.offset % 2 == 1 }.map(\.element),
    ]
    var processes: [(Process, Pipe)] = []
    for half in halves where !half.isEmpty {
      let p = Process()
      p.executableURL = CompilerVerdicts.venvPython
      p.arguments = [scriptURL.path, "--targets", targets.joined(separator: ",")] + half.map(\.path)
      var env = ProcessInfo.processInfo.environment
      env["TVM_FFI_DISABLE_TORCH_C_DLPACK"] = "1"
      env["TILELANG_CACHE_DIR"] = NSTemporaryDirectory() + "tl-lsp-tilelang-cache"
      p.environment = env
      let out = Pipe()
      p.standardOutput = out
      p.standardError = FileHandle.nullDevice
      try p.run()
      processes.append((p, out))
    }
    var result: [[String: Any]] = []
    for (p, out) in processes {
      let data = out.fileHandleForReading.readDataToEndOfFile()
      p.waitUntilExit()
      guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        let files = root["files"] as? [[String: Any]]
      else {
        let head = String(decoding: data.prefix(500), as: UTF8.self)
        throw NSError(
          domain: "CompilerDriver", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(script) printed no JSON: \(head)"]
        )
      }
      result += files
    }
    return result
  }
}
