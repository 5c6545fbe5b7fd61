// `tl-lsp --explain FILE:LINE [--target ...]`: the predicted lowering of each copy/im2col on that line.

import Foundation
import TileLangAnalysis
import TileLangSyntax

enum ExplainCommand {
  static func run(_ options: CheckOptions) -> Int32 {
    guard let (path, line) = options.explain else { return 2 }
    guard let data = FileManager.default.contents(atPath: path) else {
      printError("tl-lsp: cannot read \(path)")
      return 2
    }
    let a = analyze(parsed: parse(bytes: [UInt8](data)), settings: options.settings)
    let hits = a.lowerings.filter {
      let l0 = a.source.line(of: $0.range.start) + 1, l1 = a.source.line(of: max($0.range.start, $0.range.end - 1)) + 1
      return line >= l0 && line <= l1
    }
    if hits.isEmpty {
      printError("tl-lsp: no T.copy / T.im2col call with a known lowering on \(path):\(line)")
      return 1
    }
    for l in hits {
      let p = a.source.scalarPosition(l.range.start)
      print(
        "\(path):\(p.line + 1):\(p.column + 1): T.\(l.op) on \(l.target.rawValue): \(l.path)\(l.vectorBits.map { " (\($0)-bit accesses)" } ?? "")\(l.bytes.map { ", \($0) bytes per tile" } ?? "")"
      )
      print("  extents: \(l.extentsText)")
      if let s = l.specialization { print("  specialization: \(s)") }
      print("  why: \(l.reason)")
      print("  predicted CUDA (tl-lsp model, not compiler output):")
      for pl in l.preview.split(separator: "\n", omittingEmptySubsequences: false) { print("    \(pl)") }
    }
    return 0
  }
}
