// Build requests from an analysis: the module-level name the compiler builds a kernel through, and the sizes the
// file's own call of it gives. Sizes, strongest first: the request's own (`--arg`, the command's `args`, the
// `tl-lsp.arguments` setting), a `# tl-lsp:` comment above the kernel, the file's call, the parameters' defaults.

import CompilerBridge
import TileLangAnalysis
import TileLangSyntax

extension FileAnalysis {
  /// The module-level names that build this file's kernels, in source order, each once.
  public var kernelBuilders: [String] { kernelBuilderNames.map(\.name) }

  /// Each builder once, with the range of its name in its `def` (for code lenses).
  var kernelBuilderNames: [(name: String, range: TextRange)] {
    var seen: Set<String> = []
    return kernels.compactMap { k in
      guard let name = k.builder, let range = k.builderNameRange, seen.insert(name).inserted else { return nil }
      return (name, range)
    }
  }

  /// A request to build `kernel` (a module-level name; nil: the file's first kernel that the file itself builds
  /// with sizes, else its first kernel that tl-lsp can name, else the worker's choice). `settingsSizes` apply to the
  /// names the kernel takes.
  public func buildRequest(
    file: String, kernel: String?, sizes: [String: ArgumentValue], settingsSizes: [String: Int] = [:],
    target: String, passConfigs: [String: Bool], timeout: Double? = nil
  ) -> BuildRequest {
    let name = kernel ?? kernels.first { $0.builder != nil && $0.callSizes != nil }?.builder ?? kernelBuilders.first
    let built = kernels.filter { $0.builder != nil && $0.builder == name }
    let known = Set((built.isEmpty ? kernels : built).flatMap(\.parameters))
    var explicit = sizes
    for (key, value) in settingsSizes where known.contains(key) && explicit[key] == nil { explicit[key] = .int(value) }
    let fromFile = built.lazy.compactMap(\.callSizes).first?.values.mapValues(ArgumentValue.init) ?? [:]
    return BuildRequest(
      file: file, kernel: name, keywordArguments: explicit, fileKeywordArguments: fromFile, target: target,
      passConfigs: passConfigs, timeout: timeout)
  }
}

extension FileAnalysis {
  /// The file's copy-like and gemm calls for the compiler's error mapping, each with the builder of the kernel it
  /// is in and the errors tl-lsp reports on it; then the places of tl-lsp's other errors (a pipelined loop, a
  /// reduction) as sites of their own, for compiler errors that name no line. Findings are those for `target`.
  public func copySiteHints(target: String) -> [CopySiteHint] {
    // tl-lsp's findings for other targets say nothing about this build's failure.
    if let t = TargetArch(parsing: target), settings.targets != [t] {
      var single = settings
      single.targets = [t]
      return analyze(parsed: parsed, settings: single).copySiteHints(target: target)
    }
    func builder(_ r: TextRange) -> String? {
      kernels.first { $0.range.start <= r.start && r.end <= $0.range.end }?.builder
    }
    let errors = diagnostics.filter { $0.severity == .error && !$0.code.rawValue.hasPrefix("TL0") }
    let calls = copySites + gemmSites
    let sites = calls.map { site in
      let flagged = errors.filter { site.range.start <= $0.range.start && $0.range.end <= site.range.end }
      return CopySiteHint(
        site, kernel: builder(site.range), flagged: Array(Set(flagged.map(\.code.rawValue))).sorted())
    }
    var elsewhere: [TextRange: Set<String>] = [:]
    for e in errors where !calls.contains(where: { $0.range.start <= e.range.start && e.range.end <= $0.range.end }) {
      elsewhere[e.range, default: []].insert(e.code.rawValue)
    }
    let others = elsewhere.sorted { $0.key < $1.key }.map { range, codes in
      CopySiteHint(
        op: "", range: range, srcBuffer: nil, dstBuffer: nil, kernel: builder(range), flagged: codes.sorted())
    }
    return sites + others
  }
}

extension ArgumentValue {
  init(_ literal: LiteralValue) {
    switch literal {
    case .int(let v): self = .int(v)
    case .double(let v): self = .double(v)
    case .bool(let v): self = .bool(v)
    case .string(let v): self = .string(v)
    case .name(let v): self = .name(v)
    }
  }
}
