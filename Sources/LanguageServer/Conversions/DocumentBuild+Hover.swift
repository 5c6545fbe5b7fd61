// The "exact" hover section: the CUDA lines that the compiler's `#line` markers tie to a copy's source lines,
// from the document's last build (shown only while the text is the compiled one).

import CompilerBridge
import TileLangAnalysis
import TileLangSyntax

extension DocumentBuild {
  static let exactLineCap = 20

  /// Markdown for the `T.copy` / `T.im2col` call at `offset`, or nil when no copy is there or no CUDA maps to it.
  func exactSection(at offset: Int, analysis: FileAnalysis) -> String? {
    guard
      let site = analysis.copySites.first(where: {
        ($0.op.hasSuffix("copy") || $0.op.hasSuffix("im2col")) && $0.range.start <= offset && offset <= $0.range.end
      })
    else { return nil }
    let source = analysis.source
    let first = source.line(of: site.range.start) + 1
    let last = source.line(of: max(site.range.start, site.range.end - 1)) + 1
    for (target, product) in products {
      var lines = Self.cudaLines(product, pythonLines: first...last)
      var how = ""
      if lines.isEmpty, let src = site.srcBuffer, let dst = site.dstBuffer {
        lines = Self.cudaLines(product, naming: [src, dst])
        how = " (matched by the names `\(src)`/`\(dst)`: the compiler's `#line` markers do not name this line)"
      }
      guard !lines.isEmpty else { continue }
      let shown = lines.prefix(Self.exactLineCap)
      var body = shown.joined(separator: "\n")
      if lines.count > shown.count { body += "\n// … \(lines.count - shown.count) more lines" }
      let descriptors = Self.descriptors(product, usedBy: shown)
      let host =
        descriptors.isEmpty
        ? "" : "\nhost side, before the launch:\n```\n\(descriptors.map(\.declaration).joined(separator: "\n"))\n```"
      return """
        **exact (tilelang \(CompilerBridge.tilelangVersion), \(target))**, kernel `\(product.kernel)`\(Self.sizes(product))\(how):
        ```cuda
        \(body)
        ```
        """ + host
    }
    return nil
  }

  /// ` with M=1024, N=512 (from the file's call)`: the sizes the build used, where they came from.
  static func sizes(_ product: BuildProduct) -> String {
    guard !product.usedArguments.isEmpty else { return "" }
    let list = product.usedArguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    let fromFile = Set(product.argumentsFromFile)
    let fromComment = Set(product.argumentsFromComment)
    let origins = [
      fromFile.isEmpty ? nil : "\(fromFile.count == product.usedArguments.count ? "" : "some ")from the file's call",
      fromComment.isEmpty
        ? nil : "\(fromComment.count == product.usedArguments.count ? "" : "some ")from the `# tl-lsp:` comment",
    ].compactMap { $0 }
    return " with \(list)" + (origins.isEmpty ? "" : " (\(origins.joined(separator: ", ")))")
  }

  /// The TMA descriptors (`A_desc`) that `lines` name.
  static func descriptors(_ product: BuildProduct, usedBy lines: some Sequence<String>) -> [TMADescriptor] {
    let text = lines.joined(separator: "\n")
    return product.tmaDescriptors.filter { d in
      text.range(of: "(?<![A-Za-z0-9_])\(d.name)(?![A-Za-z0-9_])", options: .regularExpression) != nil
    }
  }

  /// CUDA lines that use both buffers (`A_shared` and `A` or its TMA descriptor `A_desc`), trimmed.
  static func cudaLines(_ product: BuildProduct, naming names: [String]) -> [String] {
    let words = names.map { name in
      [name, name + "_desc"].map { "(?<![A-Za-z0-9_])\($0)(?![A-Za-z0-9_])" }.joined(separator: "|")
    }
    return product.cuda.split(separator: "\n").map(String.init).filter { line in
      !line.hasPrefix("#line") && words.allSatisfy { line.range(of: $0, options: .regularExpression) != nil }
    }.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// CUDA lines after each `#line N` marker with N in `pythonLines`, up to the next marker.
  static func cudaLines(_ product: BuildProduct, pythonLines: ClosedRange<Int>) -> [String] {
    let cuda = product.cuda.split(separator: "\n", omittingEmptySubsequences: false)
    let starts = product.lineMap.map(\.cudaLine).sorted()
    var out: [String] = []
    for mapping in product.lineMap where pythonLines.contains(mapping.pythonLine) {
      let next = starts.first { $0 > mapping.cudaLine } ?? (cuda.count + 2)
      var line = mapping.cudaLine  // 1-based: the line after the marker
      while line < next - 1, line <= cuda.count {
        let text = cuda[line - 1]
        if !text.hasPrefix("#line"), !text.trimmingCharacters(in: .whitespaces).isEmpty { out.append(String(text)) }
        line += 1
      }
    }
    return out
  }
}
