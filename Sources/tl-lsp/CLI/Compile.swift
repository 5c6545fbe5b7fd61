// `tl-lsp --check --compile`: builds each checked file's kernels with the real compiler (this runs the files'
// Python) and merges the TL5xx diagnostics into the analysis results, so every output format shows them.

import CompilerBridge
import Foundation
import LanguageServer
import TileLangAnalysis
import TileLangSyntax

enum CompileStep {
  /// Adds TL5xx diagnostics to `results`, building every kernel the file defines (through its factory, jit object or
  /// prim_func). Sizes: `--arg` (names the kernel takes), `# tl-lsp:` comments, the file's own call of the kernel,
  /// the defaults; a kernel without them gets TL505 as a warning. A missing compiler gives one TL503 for the run.
  static func run(_ results: inout [FileResult], options: CheckOptions) {
    let bridge = CompilerBridge(settings: BridgeSettings(python: options.python, timeout: options.timeout ?? 120))
    defer { bridge.shutdown() }
    for index in results.indices {
      guard let analysis = results[index].analysis, !analysis.kernels.isEmpty else { continue }
      // A file the parser rejects would only repeat TL0xx as a compiler SyntaxError.
      if analysis.diagnostics.contains(where: { $0.code.rawValue.hasPrefix("TL0") && $0.severity == .error }) {
        continue
      }
      let path = URL(fileURLWithPath: results[index].path).standardizedFileURL.path
      var added: [Diagnostic] = []
      let builders = analysis.kernelBuilders
      for target in options.settings.targets {
        let sites = analysis.copySiteHints(target: target.rawValue)
        for kernel in builders.isEmpty ? [nil] : builders.map(Optional.some) {
          let request = analysis.buildRequest(
            file: path, kernel: kernel, sizes: [:], settingsSizes: options.settings.arguments,
            target: target.rawValue, passConfigs: options.settings.passConfigs, timeout: options.timeout)
          let result = bridge.buildBlocking(request)
          // A kernel whose sizes nothing in the file gives was not built: a warning, not a failed check.
          added += CompilerErrorMapping.diagnostics(
            for: result, request: request, source: analysis.source, copySites: sites.isEmpty ? nil : sites,
            timeout: options.timeout ?? 120
          ).map { d in
            guard d.code == .TL505 else { return d }
            var d = d
            d.severity = .warning
            return d
          }
          if result.failure?.kind == .unavailable {
            results[index].analysis?.diagnostics = (analysis.diagnostics + added.filter { $0.code == .TL503 }).sorted()
            return
          }
        }
      }
      results[index].analysis?.diagnostics = Array(Set(analysis.diagnostics + added)).sorted()
    }
  }
}
