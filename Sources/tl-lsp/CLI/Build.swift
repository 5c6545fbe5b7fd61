// `tl-lsp build FILE ...`: builds one kernel through the real tilelang compiler (CompilerBridge) and prints the
// CUDA, or the compiler's errors as TL5xx diagnostics on the kernel file. Runs the file's Python: explicit only.

import CompilerBridge
import Foundation
import LanguageServer
import TileLangAnalysis
import TileLangSyntax

private let buildUsage = """
  usage: tl-lsp build FILE [--kernel NAME] [--target sm_90] [--arg K=V ...] [--pass-config KEY=true|false ...]
                           [--output out.cu] [--python PATH] [--timeout S]
    Builds a kernel with tilelang 0.1.15 (this executes FILE's Python). Sizes come from --arg, a
    `# tl-lsp: M=1024` comment above the kernel's def, or the signature's defaults.
    CUDA goes to stdout (or --output); on failure the diagnostics go to stdout, gcc style.
    Exit status: 0 built, 1 compile error, 2 usage error.

  """

struct BuildOptions {
  var file = ""
  var kernel: String?
  var target = "sm_90"
  var kwargs: [String: ArgumentValue] = [:]
  var passConfigs: [String: Bool] = [:]
  var output: String?
  var python: String?
  var timeout: Double?
  /// `--bench N` (for scripts/bench-bridge.sh): time worker start, N warm builds and N cache hits.
  var benchRuns = 0
  /// `--bench-baseline SCRIPT` (scripts/bench-lower-baseline.py): each warm build is paired with one in-process
  /// `tilelang.lower` of the same kernel in that warm Python process, run right after it (or before: the order
  /// alternates), so that both see the same machine; the ratios are per pair.
  var benchBaseline: String?

  /// Parses the arguments after `build`; returns a message on a usage error.
  static func parse(_ args: [String]) -> Result<BuildOptions, UsageError> {
    var o = BuildOptions()
    var files: [String] = []
    var i = 0
    func value(_ flag: String) -> String? {
      i += 1
      return i < args.count ? args[i] : nil
    }
    while i < args.count {
      let a = args[i]
      var flag = a
      var inline: String?
      if a.hasPrefix("--"), let eq = a.firstIndex(of: "="), !["--arg", "--pass-config"].contains(String(a[..<eq])) {
        flag = String(a[..<eq])
        inline = String(a[a.index(after: eq)...])
      }
      func next() -> String? { inline ?? value(flag) }
      switch flag {
      case "--help", "-h": return .failure(UsageError(message: ""))
      case "--kernel":
        guard let v = next() else { return .failure(UsageError(message: "--kernel needs a name")) }
        o.kernel = v
      case "--target":
        guard let v = next() else { return .failure(UsageError(message: "--target needs a value such as sm_90")) }
        if let arch = TargetArch(parsing: v) {
          o.target = arch.rawValue
        } else if v.range(of: #"^sm_\d+[a-z]?$"#, options: .regularExpression) != nil {
          o.target = v
        } else {
          return .failure(UsageError(message: "unknown target `\(v)` (expected sm_80, sm_90, ...)"))
        }
      case "--arg":
        guard let v = next(), let eq = v.firstIndex(of: "="), eq != v.startIndex else {
          return .failure(UsageError(message: "--arg needs NAME=VALUE"))
        }
        o.kwargs[String(v[..<eq])] = ArgumentValue(parsing: String(v[v.index(after: eq)...]))
      case "--pass-config":
        guard let v = next(), let eq = v.firstIndex(of: "=") else {
          return .failure(UsageError(message: "--pass-config needs KEY=true|false"))
        }
        let raw = v[v.index(after: eq)...].lowercased()
        guard raw == "true" || raw == "false" else {
          return .failure(UsageError(message: "--pass-config value must be true or false, got `\(raw)`"))
        }
        o.passConfigs[String(v[..<eq])] = raw == "true"
      case "--output", "-o":
        guard let v = next() else { return .failure(UsageError(message: "--output needs a path")) }
        o.output = v
      case "--python":
        guard let v = next() else { return .failure(UsageError(message: "--python needs a path")) }
        o.python = v
      case "--bench":
        guard let v = next(), let n = Int(v), n > 0 else {
          return .failure(UsageError(message: "--bench needs a count"))
        }
        o.benchRuns = n
      case "--bench-baseline":
        guard let v = next() else { return .failure(UsageError(message: "--bench-baseline needs a script")) }
        o.benchBaseline = v
      case "--timeout":
        guard let v = next(), let s = Double(v), s > 0 else {
          return .failure(UsageError(message: "--timeout needs a positive number of seconds"))
        }
        o.timeout = s
      default:
        if a.hasPrefix("-") && a != "-" { return .failure(UsageError(message: "unknown option `\(a)`")) }
        files.append(a)
      }
      i += 1
    }
    guard files.count == 1 else {
      return .failure(UsageError(message: files.isEmpty ? "missing FILE" : "build takes one FILE"))
    }
    o.file = files[0]
    return .success(o)
  }
}

func runBuild(arguments: [String]) -> Int32 {
  let options: BuildOptions
  switch BuildOptions.parse(arguments) {
  case .failure(let e):
    let prefix = e.message.isEmpty ? "" : "tl-lsp build: \(e.message)\n"
    FileHandle.standardError.write(Data((prefix + buildUsage).utf8))
    return e.message.isEmpty ? 0 : 2
  case .success(let o): options = o
  }
  let path = URL(fileURLWithPath: options.file).standardizedFileURL.path
  guard let bytes = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("tl-lsp build: cannot read \(options.file)\n".utf8))
    return 2
  }
  let text = String(decoding: bytes, as: UTF8.self)
  let analysis = analyze(text: text)
  let source = analysis.source
  let hints = analysis.copySiteHints(target: options.target)

  let bridge = CompilerBridge(settings: BridgeSettings(python: options.python, timeout: options.timeout ?? 120))
  defer { bridge.shutdown() }
  let request = analysis.buildRequest(
    file: path, kernel: options.kernel, sizes: options.kwargs, target: options.target,
    passConfigs: options.passConfigs, timeout: options.timeout)
  if options.benchRuns > 0 { return runBench(bridge, request, options) }
  let result = bridge.buildBlocking(request)
  let sites = hints.isEmpty ? nil : hints
  switch result.outcome {
  case .success(let product):
    let warnings = CompilerErrorMapping.warnings(
      in: product.logs, file: path, source: source, copySites: sites, kernel: product.kernel)
    printDiagnostics(warnings, path: options.file, source: source, to: .standardError)
    if let out = options.output {
      do {
        try Data(product.cuda.utf8).write(to: URL(fileURLWithPath: out))
      } catch {
        FileHandle.standardError.write(Data("tl-lsp build: cannot write \(out): \(error.localizedDescription)\n".utf8))
        return 2
      }
    } else {
      FileHandle.standardOutput.write(Data(product.cuda.utf8))
    }
    return 0
  case .failure(let failure):
    var diags = CompilerErrorMapping.diagnostics(
      for: failure, file: path, source: source, copySites: sites, kernel: request.kernel,
      timeout: options.timeout ?? 120)
    diags += CompilerErrorMapping.warnings(
      in: failure.logs, file: path, source: source, copySites: sites, kernel: request.kernel)
    printDiagnostics(diags.sorted(), path: options.file, source: source, to: .standardOutput)
    return 1
  }
}

/// gcc-style lines: `path:line:col: error: message [TL501]`, then `path:line:col: note: ...` for related notes.
private func printDiagnostics(_ diags: [Diagnostic], path: String, source: SourceText, to handle: FileHandle) {
  var out = ""
  for d in diags {
    let p = source.utf8Position(d.range.start)
    out += "\(path):\(p.line + 1):\(p.column + 1): \(d.severity.rawValue): \(d.message) [\(d.code.rawValue)]\n"
    for n in d.related {
      let q = source.utf8Position(n.range.start)
      let lines = n.message.split(separator: "\n", omittingEmptySubsequences: false)
      out += "\(path):\(q.line + 1):\(q.column + 1): note: \(lines.first ?? "")\n"
      for l in lines.dropFirst() { out += "    \(l)\n" }
    }
  }
  handle.write(Data(out.utf8))
}
