// Broken code is normal input: random byte-level edits of every fixture and example (deleted, inserted and
// duplicated spans, truncation) are parsed and analysed for two targets, and nothing may trap or hang.
// TL_ROBUSTNESS_ROUNDS raises the number of edits per file (CI runs the default).

import Foundation
import Testing
import TileLangSyntax
import TileLangTestSupport

@testable import TileLangAnalysis

struct RobustnessTests {
  static let files = KernelInputs.files

  static let pieces: [[UInt8]] = [
    "(", ")", "[", "]", ":", ",", "\n", "    ", "0", "-1", "T.copy(", "A[", "0:", "::2", "*", "**", "\"", "'''", "#",
    "\\",
    "lambda", "=", ")]", "T.alloc_shared((", "None", "1e9", "9999999999999999999999",
  ].map { Array($0.utf8) }

  @Test(arguments: files)
  func randomEditsNeverTrap(_ url: URL) throws {
    let original = Array(try Data(contentsOf: url))
    let rounds = Int(ProcessInfo.processInfo.environment["TL_ROBUSTNESS_ROUNDS"] ?? "") ?? 12
    let seed = UInt64(ProcessInfo.processInfo.environment["TL_ROBUSTNESS_SEED"] ?? "") ?? 2_654_435_761
    var rng = SeededLCG(state: UInt64(original.count) &* seed)
    var analysed = 0
    for _ in 0..<rounds {
      var bytes = original
      for _ in 0..<(1 + rng.next(4)) {
        guard !bytes.isEmpty else { break }
        let at = rng.next(bytes.count)
        switch rng.next(4) {
        case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.next(40)))
        case 1: bytes.insert(contentsOf: Self.pieces[rng.next(Self.pieces.count)], at: at)
        case 2:
          let end = min(bytes.count, at + 1 + rng.next(200))
          bytes.insert(contentsOf: Array(bytes[at..<end]), at: rng.next(bytes.count))
        default: bytes.removeSubrange(at..<bytes.count)
        }
      }
      let parsed = parse(bytes: bytes)
      let a = analyze(parsed: parsed, settings: AnalysisSettings(targets: [.sm80, .sm90]))
      _ = a.hover(at: rng.next(max(1, bytes.count)))
      _ = a.inlayHints(in: TextRange(0, bytes.count))
      _ = a.definition(at: rng.next(max(1, bytes.count)))
      _ = a.symbols()
      analysed += 1
    }
    #expect(analysed == rounds)
  }
}
