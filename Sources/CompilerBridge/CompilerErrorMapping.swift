// Turns a compiler failure (and compiler warnings in its logs) into TL5xx diagnostics on the kernel file,
// re-attributing errors that point at an allocation (or nowhere) to the copy / im2col call that caused them.

import Foundation
import TileLangSyntax

public enum CompilerErrorMapping {
  /// Diagnostics for a failed build. `copySites` come from the analysis; nil scans the text for them.
  /// Emits TL501, TL503, TL504 and TL505 (TL502 comes from `warnings(in:...)`).
  public static func diagnostics(
    for failure: CompilerFailure, file: String, source: SourceText, copySites: [CopySiteHint]? = nil,
    kernel: String? = nil, timeout: Double? = nil
  ) -> [Diagnostic] {
    let kernel = failure.kernel ?? kernel
    let sites = (copySites ?? CopySiteHint.scan(source)).filter { $0.mayBelong(to: kernel) }
    let anchor = kernelAnchor(source, kernel: kernel)
    let name = kernel.map { "`\($0)`" } ?? "the kernel"
    switch failure.kind {
    case .cancelled:
      return []
    case .unavailable:
      return [
        Diagnostic(
          .TL503, "the tilelang compiler is unavailable: \(failure.message); \(PythonLocator.installHint)",
          at: fileStart(source))
      ]
    case .timeout:
      let limit = timeout.map { " within \(format($0)) s" } ?? ""
      return [
        Diagnostic(
          .TL504,
          "the tilelang compiler did not finish building \(name)\(limit); it was stopped "
            + "(raise the limit with `--timeout S`)",
          at: anchor)
      ]
    case .missingParameters:
      let list = failure.parameters.joined(separator: ", ")
      let example = failure.parameters.map { "\($0)=..." }.joined(separator: " ")
      let args = failure.parameters.map { "--arg \($0)=..." }.joined(separator: " ")
      return [
        Diagnostic(
          .TL505,
          "cannot build \(name): no value for \(list); give them with `\(args)`, a `# tl-lsp: \(example)` "
            + "comment on the line above the def, the settings' arguments map, or a call in the file that passes "
            + "literal values",
          at: anchor)
      ]
    case .kernelNotFound:
      let known = failure.candidates.isEmpty ? "" : " (kernels: \(failure.candidates.joined(separator: ", ")))"
      return [Diagnostic(.TL505, "cannot build: \(failure.message)\(known)", at: anchor)]
    case .crash:
      let sig = failure.signal.map { " (signal \($0)\(signalName($0)))" } ?? ""
      return [
        Diagnostic(
          .TL501, "the tilelang compiler crashed while building \(name)\(sig)", at: anchor,
          related: logNote(failure.logs, at: anchor))
      ]
    case .workerDied:
      return [
        Diagnostic(
          .TL501, "the compiler worker stopped during the build: \(failure.message); it restarts on the next build",
          at: anchor, related: logNote(failure.logs, at: anchor))
      ]
    case .compileError:
      return [compileError(failure, file: file, source: source, sites: sites, anchor: anchor)]
    }
  }

  /// Every TL5xx diagnostic of one build: the failure's (if any) plus the compiler's warnings, sorted.
  public static func diagnostics(
    for result: BuildResult, request: BuildRequest, source: SourceText, copySites: [CopySiteHint]?,
    timeout: Double? = nil
  ) -> [Diagnostic] {
    switch result.outcome {
    case .success(let product):
      return warnings(
        in: product.logs, file: request.file, source: source, copySites: copySites, kernel: product.kernel
      )
      .sorted()
    case .failure(let failure):
      let kernel = failure.kernel ?? request.kernel
      return
        (diagnostics(
          for: failure, file: request.file, source: source, copySites: copySites, kernel: request.kernel,
          timeout: timeout)
        + warnings(in: failure.logs, file: request.file, source: source, copySites: copySites, kernel: kernel))
        .sorted()
    }
  }

  /// TL502 for every `Warning:` line the compiler printed, on the copy it names or the kernel's def.
  public static func warnings(
    in logs: String, file: String, source: SourceText, copySites: [CopySiteHint]? = nil, kernel: String? = nil
  ) -> [Diagnostic] {
    let sites = (copySites ?? CopySiteHint.scan(source)).filter { $0.mayBelong(to: kernel) }
    let anchor = kernelAnchor(source, kernel: kernel)
    var seen: Set<String> = []
    var out: [Diagnostic] = []
    for line in logs.split(separator: "\n") {
      guard let r = line.range(of: "Warning: ") else { continue }
      let text = String(line[r.upperBound...]).trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty, seen.insert(text).inserted else { continue }
      let range = siteByBufferNames(text, sites)?.range ?? anchor
      out.append(Diagnostic(.TL502, "tilelang: \(text)", at: range))
    }
    return out
  }

  // MARK: - TL501 compile errors

  /// Emits TL501: on a copy/im2col line the compiler named, else the copy its message names, else its location.
  static func compileError(
    _ f: CompilerFailure, file: String, source: SourceText, sites: [CopySiteHint], anchor: TextRange
  ) -> Diagnostic {
    let inFile = f.locations.filter { sameFile($0.file, file) }
    let ordered =
      inFile.filter { $0.source == .syntax } + inFile.filter { $0.source == .traceback }.reversed()
      + inFile.filter { $0.source == .span }
    let firstLine = (f.message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "")
      .trimmingCharacters(in: .whitespaces)
    let verb = ["import": "importing the file", "elaborate": "elaborating", "lower": "lowering"][f.phase] ?? f.phase
    var message =
      firstLine.isEmpty
      ? "tilelang \(f.type) (no message) while \(verb)" : "tilelang \(f.type) while \(verb): \(firstLine)"
    if let pass = f.pass { message += " [pass \(pass)]" }
    if let hint = explanation(f) { message += " (\(hint))" }

    var related: [RelatedNote] = []
    let range: TextRange
    if let (loc, site) = ordered.lazy.compactMap({ l in site(onLine: l.line, sites, source).map { (l, $0) } }).first {
      range = site.range
      _ = loc
    } else if let site = siteByBufferNames(f.message, sites) ?? im2colSite(f.message, sites)
      ?? (ordered.isEmpty ? gemmSite(f.message, sites) : nil)
    {
      range = site.range
      if let loc = ordered.first {
        related.append(RelatedNote(message: "the compiler points here", range: lineRange(source, loc.line)))
      }
    } else if let loc = ordered.first, isAllocation(source, loc.line), let site = onlyFlaggedSite(sites) {
      // The compiler points at the buffer's allocation; tl-lsp knows the one statement that misuses it.
      range = site.range
      related.append(RelatedNote(message: "the compiler points here", range: lineRange(source, loc.line)))
      related.append(
        RelatedNote(
          message: "tl-lsp's \(site.flagged.joined(separator: ", ")) flags this statement", range: site.range))
    } else if let loc = ordered.first {
      range = lineRange(source, loc.line)
    } else if let site = onlyFlaggedSite(sites) {
      range = site.range
      related.append(
        RelatedNote(
          message: "the compiler names no line; tl-lsp's \(site.flagged.joined(separator: ", ")) flags this call",
          range: site.range))
    } else {
      range = anchor
    }
    let full = f.message.trimmingCharacters(in: .whitespacesAndNewlines)
    if full.contains("\n") || full != firstLine {
      related.append(RelatedNote(message: "compiler message:\n\(full)", range: range))
    }
    return Diagnostic(.TL501, message, at: range, related: related)
  }

  /// Plain words for the compiler's bare checks (tilelang-copy-semantics.md §6).
  static func explanation(_ f: CompilerFailure) -> String? {
    let m = f.message
    if f.type == "AssertionError", m.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      return "a point-load side of a copy has fewer indices than the other side has extents"
    }
    if f.type == "KeyError", m.hasPrefix("'evict") {
      return "eviction_policy must be evict_normal, evict_first or evict_last"
    }
    if m.contains("src->dtype == dst->dtype") { return "the im2col image and column buffers have different dtypes" }
    if m.contains("src->shape.size() == 4") { return "the im2col image must be rank 4 (NHWC)" }
    return nil
  }

  static func site(onLine line: Int, _ sites: [CopySiteHint], _ source: SourceText) -> CopySiteHint? {
    let l = line - 1
    return sites.first {
      source.line(of: $0.range.start) <= l && l <= source.line(of: max($0.range.start, $0.range.end - 1))
    }
  }

  /// `src=A, dst=A_shared`, `Copy between buffer A and A_shared`, `src name = A, dst name = B`, `src buffer: A`.
  static func siteByBufferNames(_ message: String, _ sites: [CopySiteHint]) -> CopySiteHint? {
    let sites = sites.filter { !$0.isGemm }
    let patterns = [
      #"src=`?(\w+)`?(?: \(scope=[^)]*\))?, dst=`?(\w+)"#, #"Copy between buffer (\w+) and (\w+)"#,
      #"src name = (\w+), dst name = (\w+)"#, #"src buffer: (\w+)[^\n]*\ndst buffer: (\w+)"#,
      #"from local buffer `(\w+)` to \S+ buffer `(\w+)`"#,
    ]
    for p in patterns {
      guard let (a, b) = firstPair(p, in: message) else { continue }
      if let s = sites.first(where: { !$0.isIm2col && $0.srcBuffer == a && $0.dstBuffer == b }) { return s }
      if let s = sites.first(where: { !$0.isIm2col && $0.srcBuffer == b && $0.dstBuffer == a }) { return s }
      if let s = sites.first(where: { $0.srcBuffer == a || $0.dstBuffer == b }) { return s }
    }
    return nil
  }

  /// The one place in the built kernel that tl-lsp's analysis reports an error on, if there is exactly one (a
  /// finding outside every kernel does not count).
  static func onlyFlaggedSite(_ sites: [CopySiteHint]) -> CopySiteHint? {
    let flagged = sites.filter { !$0.flagged.isEmpty && ($0.kernel != nil || !$0.op.isEmpty) }
    return flagged.count == 1 ? flagged[0] : nil
  }

  /// A gemm lowering error that points nowhere in the file (`Mixed-dtype GEMM only supports ...`, `local_buf C_s must
  /// be a fragment`): the gemm whose operand it names, else the kernel's only gemm.
  static func gemmSite(_ message: String, _ sites: [CopySiteHint]) -> CopySiteHint? {
    let markers = ["GEMM", "gemm", "Gemm", "GMMA", "gmma", "local_buf", "tcgen05", "MMA"]
    let gemms = sites.filter(\.isGemm)
    guard !gemms.isEmpty, markers.contains(where: { message.contains($0) }) else { return nil }
    let words = Set(message.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
    let named = gemms.filter { g in
      [g.srcBuffer, g.dstBuffer, g.accumulator].contains { $0.map(words.contains) ?? false }
    }
    if named.count == 1 { return named[0] }
    return gemms.count == 1 ? gemms[0] : nil
  }

  /// im2col checks that name no buffer: `T.im2col(`, `im2col dstRegion`, the dtype/rank/scope checks of Im2ColOp.
  static func im2colSite(_ message: String, _ sites: [CopySiteHint]) -> CopySiteHint? {
    let markers = [
      "im2col", "src->dtype == dst->dtype", "src->shape.size() == 4", "IsGlobalBuffer(src) && IsSharedBuffer(dst)",
      "divisible channel case",
    ]
    guard markers.contains(where: { message.contains($0) }) else { return nil }
    return sites.first(where: \.isIm2col)
  }

  private static func firstPair(_ pattern: String, in text: String) -> (String, String)? {
    guard let re = try? NSRegularExpression(pattern: pattern),
      let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), m.numberOfRanges >= 3,
      let r1 = Range(m.range(at: 1), in: text), let r2 = Range(m.range(at: 2), in: text)
    else { return nil }
    return (String(text[r1]), String(text[r2]))
  }

  // MARK: - Ranges

  /// The kernel's `def` line (its name), else the first `def`, else the first line.
  static func kernelAnchor(_ source: SourceText, kernel: String?) -> TextRange {
    let text = String(decoding: source.bytes, as: UTF8.self)
    let needles = (kernel.map { ["def \($0)(", "def \($0) ("] } ?? []) + ["def "]
    for needle in needles {
      if let r = text.range(of: needle) {
        let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        let nameStart = start + 4
        var end = nameStart
        while end < source.bytes.count, source.bytes[end] != UInt8(ascii: "("), source.bytes[end] != 0x20 { end += 1 }
        return TextRange(nameStart, end)
      }
    }
    return fileStart(source)
  }

  static func fileStart(_ source: SourceText) -> TextRange {
    let r = source.lineRange(0)
    return r.isEmpty ? TextRange(0, 0) : r
  }

  /// Whether the 1-based `line` allocates a buffer (`x_f = T.alloc_fragment(...)`).
  static func isAllocation(_ source: SourceText, _ line: Int) -> Bool {
    let r = lineRange(source, line)
    return source.bytes[r.start..<r.end].firstRange(of: Array(".alloc_".utf8)) != nil
  }

  /// The 1-based `line`, without leading indentation.
  static func lineRange(_ source: SourceText, _ line: Int) -> TextRange {
    let r = source.lineRange(max(0, line - 1))
    var s = r.start
    while s < r.end, source.bytes[s] == 0x20 || source.bytes[s] == 0x09 { s += 1 }
    return TextRange(s, r.end)
  }

  static func sameFile(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    let ra = URL(fileURLWithPath: a).resolvingSymlinksInPath().path
    let rb = URL(fileURLWithPath: b).resolvingSymlinksInPath().path
    return ra == rb
  }

  private static func logNote(_ logs: String, at range: TextRange) -> [RelatedNote] {
    let tail = logs.split(separator: "\n").suffix(8).joined(separator: "\n")
    return tail.isEmpty ? [] : [RelatedNote(message: "compiler output:\n\(tail)", range: range)]
  }

  private static func signalName(_ s: Int) -> String {
    [6: ", SIGABRT", 9: ", SIGKILL", 11: ", SIGSEGV", 7: ", SIGBUS", 8: ", SIGFPE"][s] ?? ""
  }
}
