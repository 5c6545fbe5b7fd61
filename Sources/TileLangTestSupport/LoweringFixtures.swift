// Lowering fixtures: caret lines `#  ^^^^ lowering sm_90: tma_load` (or `simt 128b`) under each copy call, one per
// target, compared with `FileAnalysis.lowerings` both ways; update mode rewrites them.

import Foundation
import TileLangAnalysis
import TileLangSyntax

public enum LoweringFixtures {
  /// The expectation text for one lowering: the path, plus the access width for SIMT and cp.async copies.
  public static func summary(_ l: LoweringInfo) -> String {
    if let bits = l.vectorBits, l.path == "simt" || l.path == "cp_async" { return "\(l.path) \(bits)b" }
    return l.path
  }

  /// The caret expectations of a lowering fixture (`lowering` lines only).
  public static func expectations(in text: String) -> [FixtureExpectation] {
    DiagnosticFixtures.expectations(in: text).filter { $0.severity == "lowering" }
  }

  /// What the analysis plans, in fixture form: severity `lowering`, code = target, message = summary.
  public static func produced(_ analysis: FileAnalysis) -> [FixtureExpectation] {
    analysis.lowerings.map { l in
      let a = analysis.source.scalarPosition(l.range.start)
      let b = analysis.source.scalarPosition(l.range.end)
      let multi = b.line != a.line
      let lineEnd = analysis.source.scalarPosition(analysis.source.lineRange(a.line).end).column
      return FixtureExpectation(
        line: a.line + 1, startColumn: a.column,
        endColumn: multi ? max(a.column + 1, lineEnd) : max(b.column, a.column + 1),
        endLine: multi ? b.line + 1 : nil, severity: "lowering", code: l.target.rawValue, message: summary(l))
    }
  }
}
