// Finds the Python interpreter and the worker script: explicit setting → environment → defaults.
// Pure functions of their inputs (environment and a file-exists probe), so tests can drive them.

import Foundation

enum PythonLocator {
  /// The tilelang version the bridge is written against.
  static let wantedTilelang = "0.1.15"
  static let installHint =
    "run `scripts/setup-tilelang.sh` (test/CI venv) or `pip install tilelang==0.1.15`, "
    + "then point tl-lsp at that Python (`--python PATH` or TL_LSP_PYTHON)"

  /// Explicit setting → `TL_LSP_PYTHON` → `python3` on `PATH`. Returns nil when none is executable.
  static func python(
    explicit: String?, environment: [String: String],
    isExecutable: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
  ) -> String? {
    if let explicit, !explicit.isEmpty {
      return resolve(explicit, environment: environment, isExecutable: isExecutable)
    }
    if let env = environment["TL_LSP_PYTHON"], !env.isEmpty {
      return resolve(env, environment: environment, isExecutable: isExecutable)
    }
    return resolve("python3", environment: environment, isExecutable: isExecutable)
  }

  /// A name with a slash must be executable as given; a bare name is searched on `PATH`.
  static func resolve(_ name: String, environment: [String: String], isExecutable: (String) -> Bool) -> String? {
    if name.contains("/") { return isExecutable(name) ? name : nil }
    for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
      let candidate = dir + "/" + name
      if isExecutable(candidate) { return candidate }
    }
    return nil
  }

  /// Explicit setting → `TL_LSP_WORKER` → the bundled resource → the source tree (development builds).
  static func workerScript(
    explicit: String?, environment: [String: String],
    exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
  ) -> String? {
    if let explicit, !explicit.isEmpty { return exists(explicit) ? explicit : nil }
    if let env = environment["TL_LSP_WORKER"], !env.isEmpty { return exists(env) ? env : nil }
    return bundledCandidates().first(where: exists)
  }

  /// Where SwiftPM puts the `.copy("worker.py")` resource: the places `Bundle.module` looks, checked without
  /// trapping when the bundle is missing, then this file's own folder.
  static func bundledCandidates() -> [String] {
    let bundleName = "tl-lsp_CompilerBridge"
    var dirs: [URL] = [Bundle.main.bundleURL]
    if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
    let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    dirs.append(arg0.deletingLastPathComponent())
    var out: [String] = []
    for d in dirs {
      out.append(d.appendingPathComponent("\(bundleName).resources/worker.py").path)
      out.append(d.appendingPathComponent("\(bundleName).bundle/Contents/Resources/worker.py").path)
      out.append(d.appendingPathComponent("\(bundleName).bundle/worker.py").path)
    }
    out.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("worker.py").path)
    return out
  }
}
