// `tl-lsp --check --compile`: builds each checked file's kernels with the real compiler (this runs the files'
// Python) and merges the TL5xx diagnostics into the analysis results, so every output format shows them.

import CompilerBridge
import Foundation
import LanguageServer
import TileLangAnalysis
import TileLangSyntax

enum CompileStep {
  /// Adds TL5xx diagnostics to `results`. Sizes come from the worker (defaults, `# tl-lsp:` comments) and
  /// `--arg` (only names the kernel takes). A missing compiler gives one TL503 for the whole run.
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
      let sites = analysis.copySites.map(CopySiteHint.init)
      var added: [Diagnostic] = []
      for target in options.settings.targets {
        for kernel in topLevelKernels(analysis) {
          let request = BuildRequest(
            file: path, kernel: kernel?.name, keywordArguments: sizes(options, kernel, analysis),
            target: target.rawValue, passConfigs: options.settings.passConfigs, timeout: options.timeout)
          let result = bridge.buildBlocking(request)
          added += CompilerErrorMapping.diagnostics(
            for: result, request: request, source: analysis.source, copySites: sites.isEmpty ? nil : sites,
            timeout: options.timeout ?? 120)
          if result.failure?.kind == .unavailable {
            results[index].analysis?.diagnostics = (analysis.diagnostics + added.filter { $0.code == .TL503 }).sorted()
            return
          }
        }
      }
      results[index].analysis?.diagnostics = Array(Set(analysis.diagnostics + added)).sorted()
    }
  }

  /// Kernels defined at the top level (what the worker can name); `[nil]` lets the worker pick the first one.
  static func topLevelKernels(_ analysis: FileAnalysis) -> [KernelInfo?] {
    let source = analysis.source
    let top = analysis.kernels.filter { k in
      let start = k.nameRange.start
      return start >= 4 && source.utf8Position(start).column == 4
        && Array(source.bytes[(start - 4)..<start]) == Array("def ".utf8)
    }
    var seen: Set<String> = []
    let unique = top.filter { seen.insert($0.name).inserted }
    return unique.isEmpty ? [nil] : unique
  }

  /// `--arg` values the kernel takes (all of them when the worker picks the kernel).
  static func sizes(_ options: CheckOptions, _ kernel: KernelInfo?, _ analysis: FileAnalysis) -> [String: ArgumentValue]
  {
    let known = Set((kernel.map { [$0] } ?? analysis.kernels).flatMap(\.parameters))
    var out: [String: ArgumentValue] = [:]
    for (name, value) in options.settings.arguments where known.contains(name) { out[name] = .int(value) }
    return out
  }
}
