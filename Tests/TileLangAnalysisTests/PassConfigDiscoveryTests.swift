// Pass configs a kernel file sets for itself: a dict literal in `@tilelang.jit(pass_configs=...)`, or a module-level
// variable bound to one (tilelang's own examples write `pass_configs=pass_configs`), judged by TL213, which only a
// warp-specialised loop can raise: the fixture's first kernel, given a decorator and a module-level dict. And the
// `pass_configs` of `tilelang.compile(...)`, judged by the store's lowering (a 1-D bulk store, or SIMT without TMA).

import Foundation
import Testing
import TileLangAnalysis
import TileLangSyntax
import TileLangTestSupport

struct PassConfigDiscoveryTests {
  static func codes(configs: String, decorator: String) throws -> [String] {
    let url = SyntaxFixtures.fixturesDirectory().appendingPathComponent("diagnostics/annotations/producer_scalar.py")
    var source = try String(contentsOf: url, encoding: .utf8)
    source = source.replacingOccurrences(
      of: "import tilelang.language as T\n",
      with: "import tilelang\nimport tilelang.language as T\n\nCONFIGS = \(configs)\n")
    source = source.replacingOccurrences(
      of: "def scale_into_shared(", with: "@tilelang.jit(pass_configs=\(decorator))\ndef scale_into_shared(")
    let result = analyze(parsed: parse(source), settings: AnalysisSettings(targets: [.sm90]))
    return result.diagnostics.map(\.code.rawValue)
  }

  static func storePath(_ host: String) -> [String] {
    let source = """
      import tilelang
      import tilelang.language as T

      NO_TMA = {"tl.disable_tma_lower": True}


      def tile_copy(M, N):
          @T.prim_func
          def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
              with T.Kernel(T.ceildiv(M, 64), threads=128) as bx:
                  S = T.alloc_shared((64, N), "float16")
                  T.copy(A[bx * 64, 0], S)
                  T.copy(S, B[bx * 64, 0])

          return main


      def main():
      \(host)

      """
    let result = analyze(parsed: parse(source), settings: AnalysisSettings(targets: [.sm90]))
    return result.lowerings.filter { result.source.text($0.range).hasPrefix("T.copy(S") }.map(\.path)
  }

  @Test func compilePassConfigsReachTheKernelTheyBuild() {
    #expect(Self.storePath("    kernel = tilelang.compile(tile_copy(1024, 64), out_idx=[1])") == ["bulk_store"])
    #expect(
      Self.storePath(
        "    kernel = tilelang.compile(tile_copy(1024, 64), pass_configs={\"tl.disable_tma_lower\": True})")
        == ["simt"])
    #expect(
      Self.storePath("    program = tile_copy(1024, 64)\n    kernel = tilelang.compile(program, pass_configs=NO_TMA)")
        == ["simt"])
    #expect(
      Self.storePath("    program = tile_copy(1024, 64)\n    kernel = tilelang.compile(program)") == ["bulk_store"])
  }

  @Test func aModuleLevelDictReachesTheDecorator() throws {
    let disabled = "{tilelang.PassConfigKey.TL_DISABLE_WARP_SPECIALIZED: True}"
    #expect(try Self.codes(configs: "{}", decorator: "CONFIGS").contains("TL213"))
    #expect(try !Self.codes(configs: disabled, decorator: "CONFIGS").contains("TL213"))
    #expect(try !Self.codes(configs: "{}", decorator: disabled).contains("TL213"))
  }
}
