// TL203 on `T.Parallel(..., coalesced_width=4)`: the loop keeps the keyword's raw Python int in its annotations, and
// 0.1.15's parallel op wants a TIR integer there ("coalesced_width should be an IntImmNode", src/op/parallel.cc) on
// every target; `T.int32(4)` builds. Judged for integer literals only: a name may hold either.

import TileLangSyntax

enum ParallelAnnotations {
  static func check(_ run: KernelRun) -> [Diagnostic] {
    var seen = Set<TextRange>()
    return run.literalCoalescedWidths.compactMap { value, range in
      guard seen.insert(range).inserted else { return nil }
      return Diagnostic(
        .TL203,
        "T.Parallel's coalesced_width must be a TIR integer: the Python int \(value) fails in the compiler (\"coalesced_width should be an IntImmNode\"); write T.int32(\(value))",
        at: range,
        fixes: [Fix(title: "Use T.int32(\(value))", edits: [TextEdit(range: range, newText: "T.int32(\(value))")])])
    }
  }
}
