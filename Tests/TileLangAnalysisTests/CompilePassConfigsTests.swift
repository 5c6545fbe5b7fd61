// `pass_configs` given to `tilelang.compile` apply to the kernels it builds, also when they reach the call through a
// variable (a helper's parameter, as test files write `_check(..., pass_configs=_FORCE_MMA)`). The kernel is the
// fixture's `gemm_b_layout(24, 128, False)`, a wgmma on sm_90 whose N-major B fails (TL414) unless
// `tl.disable_wgmma` turns the gemm into an mma.

import Foundation
import Testing
import TileLangAnalysis
import TileLangSyntax
import TileLangTestSupport

struct CompilePassConfigsTests {
  static func codes(calling call: String) throws -> [String] {
    let kernel = try #require(
      SyntaxFixtures.excerpt("diagnostics/layout/tile_op_rules.py", from: "def gemm_b_layout(", to: "if __name__ =="))
    let source = """
      import tilelang
      import tilelang.language as T

      FORCE_MMA = {"tl.disable_wgmma": True}


      \(kernel)

      def build(configs):
          return tilelang.compile(gemm_b_layout(24, 128, False), out_idx=[2], pass_configs=configs)


      if __name__ == "__main__":
          \(call)

      """
    let result = analyze(parsed: parse(source), settings: AnalysisSettings(targets: [.sm90]))
    return result.diagnostics.map(\.code.rawValue)
  }

  @Test func withoutConfigsTheWgmmaLayoutFails() throws {
    #expect(try Self.codes(calling: "build({})") == ["TL414"])
  }

  @Test(arguments: ["build(FORCE_MMA)", "build({\"tl.disable_wgmma\": True})", "build(configs=FORCE_MMA)"])
  func configsThroughAVariableReachTheKernel(call: String) throws {
    #expect(try Self.codes(calling: call) == [])
  }
}
