// Why a faster path was not taken: one lowering fixture case per "not taken" reason, on sm_80 and sm_90 (the
// lowering fixtures assert the path and width; this asserts the explanation shown in hovers and --explain).

import Foundation
import Testing
import TileLangAnalysis
import TileLangTestSupport

struct LoweringReasonTests {
  struct Case: Sendable, CustomStringConvertible {
    var file: String
    var line: Int
    var target: TargetArch
    var path: String
    var reason: String
    var description: String { "\(file):\(line) \(target.rawValue) \(path): \(reason)" }
  }

  static let cases: [Case] = [
    Case(
      file: "edge_cases.py", line: 216, target: .sm80, path: "simt", reason: "not TMA: sm_80 has no TMA (needs sm_90+)"),
    Case(
      file: "edge_cases.py", line: 180, target: .sm90, path: "simt",
      reason: "not TMA: plain global→shared copies outside T.Pipelined are SIMT unless prefer_instruction=\"tma\""),
    Case(
      file: "edge_cases.py", line: 16, target: .sm90, path: "simt",
      reason: "not cp.async: the warp-specialised producer warpgroup copies synchronously"),
    Case(file: "edge_cases.py", line: 16, target: .sm90, path: "simt", reason: "not TMA: disable_tma=True"),
    Case(
      file: "edge_cases.py", line: 86, target: .sm90, path: "simt", reason: "not TMA: dtypes differ (float32 → float16)"
    ),
    Case(file: "edge_cases.py", line: 86, target: .sm80, path: "simt", reason: "not cp.async: dtypes differ"),
    Case(
      file: "edge_cases.py", line: 39, target: .sm90, path: "cp_async",
      reason: "not TMA: no copy of this pipeline can be a TMA load, so it is not warp-specialised"),
    Case(
      file: "edge_cases.py", line: 62, target: .sm90, path: "simt",
      reason: "not TMA: inner extent 4 × 2 B = 8 B is not a multiple of 16 B"),
    Case(
      file: "stores.py", line: 60, target: .sm90, path: "simt",
      reason: "not TMA store: dtypes differ (float16 → float32)"),
    Case(
      file: "stores.py", line: 75, target: .sm90, path: "simt",
      reason: "not TMA store: inner extent 60 × 2 B = 120 B is not a multiple of 16 B"),
    Case(file: "simt_vectors.py", line: 17, target: .sm80, path: "simt", reason: "not TMA store: disable_tma=True"),
    Case(
      file: "edge_cases.py", line: 232, target: .sm90, path: "simt",
      reason: "not stmatrix: needs a whole gemm fragment, 16-bit shared and the whole shared buffer written"),
    Case(
      file: "simt_vectors.py", line: 82, target: .sm80, path: "simt",
      reason: "not wider: innermost extent 3 is not a multiple of 4"),
    Case(
      file: "simt_vectors.py", line: 30, target: .sm80, path: "simt",
      reason: "not wider: 3840 elements over 128 threads pad less at 2 lanes"),
    Case(
      file: "edge_cases.py", line: 168, target: .sm80, path: "simt",
      reason: "not wider: offsets or row strides are not multiples of the vector width"),
    Case(
      file: "fragments.py", line: 23, target: .sm80, path: "simt",
      reason: "not wider: C_f has the gemm fragment layout (2 adjacent elements per thread)"),
    Case(
      file: "warp_specialized_nested_copies.py", line: 24, target: .sm90, path: "simt",
      reason: "not TMA: nested under an `if` or an inner loop of the T.Pipelined body"),
    Case(
      file: "warp_specialized_nested_copies.py", line: 147, target: .sm90, path: "simt",
      reason: "not TMA or cp.async: warp specialisation cannot split the T.Pipelined loop on line 145"),
    Case(
      file: "prefer_instruction_pipelined.py", line: 19, target: .sm80, path: "cp_async",
      reason: "prefer_instruction=\"sync\" not honoured: the software pipeline issues its loads with cp.async"),
  ]

  @Test(arguments: cases)
  func explainsWhyAFasterPathWasNotTaken(_ c: Case) throws {
    let url = SyntaxFixtures.fixturesDirectory().appendingPathComponent("lowering/\(c.file)")
    let text = try String(contentsOf: url, encoding: .utf8)
    // The fixture's own header (targets, pass configs) with the caret lines blanked out.
    let analysis = DiagnosticFixtures.analyzeFixture(text)
    let lowering = try #require(
      analysis.lowerings.first { analysis.source.line(of: $0.range.start) + 1 == c.line && $0.target == c.target },
      "no lowering on line \(c.line)")
    #expect(lowering.path == c.path)
    #expect(lowering.reason.contains(c.reason), "reason was: \(lowering.reason)")
  }
}
