// CUDA-only gemm rules (TL414's warp split and accumulator scope) are not applied to files that build for another
// backend: Metal and CPU kernels accumulate into shared or local buffers. The kernel is the fixture's
// `gemm_accumulator("shared")`, which fails on CUDA; the markers below each move the file to another backend.

import Foundation
import Testing
import TileLangAnalysis
import TileLangSyntax
import TileLangTestSupport

struct OtherBackendTests {
  static func codes(adding marker: String) throws -> [String] {
    let kernel = try #require(
      SyntaxFixtures.excerpt(
        "diagnostics/layout/tile_op_rules.py", from: "def gemm_accumulator(scope):", to: "def row_sums("))
    let source = """
      import tilelang
      import tilelang.language as T


      \(kernel)
      \(marker)

      if __name__ == "__main__":
          gemm_accumulator("shared")

      """
    let result = analyze(parsed: parse(source), settings: AnalysisSettings(targets: [.sm80, .sm90]))
    return result.diagnostics.map(\.code.rawValue)
  }

  @Test func cudaFilesAreJudged() throws {
    #expect(try Self.codes(adding: "").contains("TL414"))
  }

  @Test(arguments: [
    "kernel = tilelang.compile(gemm_accumulator(\"shared\"), target=\"metal\")",
    "cpu = tilelang.compile(gemm_accumulator(\"shared\"), target=tvm.target.Target(\"llvm\"))",
    "@tilelang.testing.requires_metal\ndef test_gemm():\n    pass",
  ])
  func filesForAnotherBackendAreNot(_ marker: String) throws {
    #expect(try !Self.codes(adding: marker).contains("TL414"), "\(marker)")
  }
}
