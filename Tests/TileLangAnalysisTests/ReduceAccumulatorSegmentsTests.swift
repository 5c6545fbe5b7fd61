// TL417's quick fixes: each sets a warp policy on the gemm (replacing a `policy=` keyword or appending one), and the
// kernel it gives has no TL417 left.

import Testing
import TileLangAnalysis
import TileLangSyntax

struct ReduceAccumulatorSegmentsTests {
  /// The column-sum kernel with `gemm` as its gemm call, and the kernels its TL417 fixes give (by fix title).
  static func fixed(_ gemm: String) -> [String: String] {
    let source = """
      import tilelang.language as T


      @T.prim_func
      def main(A: T.Tensor((64, 32), "float16"), B: T.Tensor((32, 32), "float16"), S: T.Tensor((32,), "float32")):
          with T.Kernel(1, threads=128) as bx:
              As = T.alloc_shared((64, 32), "float16")
              Bs = T.alloc_shared((32, 32), "float16")
              C = T.alloc_fragment((64, 32), "float32")
              s = T.alloc_fragment((32,), "float32")
              T.copy(A, As)
              T.copy(B, Bs)
              \(gemm)
              T.reduce_sum(C, s, dim=0)
              T.copy(s, S)

      """
    var out: [String: String] = [:]
    for d in analyze(text: source, settings: AnalysisSettings(targets: [.sm80])).diagnostics where d.code == .TL417 {
      for fix in d.fixes {
        var bytes = Array(source.utf8)
        for edit in fix.edits.sorted(by: { $0.range.start > $1.range.start }) {
          bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.newText.utf8))
        }
        out[fix.title] = String(decoding: bytes, as: UTF8.self)
      }
    }
    return out
  }

  static func gemmLine(_ text: String) -> String? {
    text.split(separator: "\n").first { $0.contains("T.gemm(") }.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test func policyIsAppended() throws {
    let fixes = Self.fixed("T.gemm(As, Bs, C, clear_accum=True)")
    #expect(
      Set(fixes.keys) == [
        "Use policy=T.GemmWarpPolicy.FullRow on the gemm", "Use policy=T.GemmWarpPolicy.FullCol on the gemm",
      ])
    let text = try #require(fixes["Use policy=T.GemmWarpPolicy.FullCol on the gemm"])
    #expect(Self.gemmLine(text) == "T.gemm(As, Bs, C, clear_accum=True, policy=T.GemmWarpPolicy.FullCol)")
    #expect(
      !analyze(text: text, settings: AnalysisSettings(targets: [.sm80])).diagnostics.contains { $0.code == .TL417 })
  }

  @Test func policyKeywordIsReplaced() throws {
    let fixes = Self.fixed("T.gemm(As, Bs, C, policy=T.GemmWarpPolicy.Square)")
    let text = try #require(fixes["Use policy=T.GemmWarpPolicy.FullRow on the gemm"])
    #expect(Self.gemmLine(text) == "T.gemm(As, Bs, C, policy=T.GemmWarpPolicy.FullRow)")
    #expect(
      !analyze(text: text, settings: AnalysisSettings(targets: [.sm80])).diagnostics.contains { $0.code == .TL417 })
  }
}
