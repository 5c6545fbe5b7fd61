// Pass configs a kernel file sets for itself: a dict literal in `@tilelang.jit(pass_configs=...)`, or a module-level
// variable bound to one (tilelang's own examples write `pass_configs=pass_configs`).

import Testing
import TileLangAnalysis
import TileLangSyntax

struct PassConfigDiscoveryTests {
  static func codes(_ configs: String, decorator: String) -> [String] {
    let source = """
      import tilelang
      import tilelang.language as T

      CONFIGS = \(configs)


      @tilelang.jit(pass_configs=\(decorator))
      def scaled(M, N, K):
          @T.prim_func
          def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((N, K), "float16"), Sa: T.Tensor((M, K // 64), "float32"), Sb: T.Tensor((K // 64,), "float32"), C: T.Tensor((M, N), "float32")):
              with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
                  A_shared = T.alloc_shared((128, 64), "float16")
                  B_shared = T.alloc_shared((128, 64), "float16")
                  S_shared = T.alloc_shared((128,), "float32")
                  C_local = T.alloc_fragment((128, 128), "float32")
                  for k in T.Pipelined(K // 64, num_stages=2):
                      T.copy(A[by * 128, k * 64], A_shared)
                      T.copy(B[bx * 128, k * 64], B_shared)
                      s = Sb[k]
                      for i in T.Parallel(128):
                          S_shared[i] = Sa[by * 128 + i, k] * s
                      T.gemm(A_shared, B_shared, C_local, transpose_B=True)
                  T.copy(C_local, C[by * 128, bx * 128])

          return main


      scaled(1024, 1024, 1024)

      """
    let result = analyze(parsed: parse(source), settings: AnalysisSettings(targets: [.sm90]))
    return result.diagnostics.map(\.code.rawValue)
  }

  @Test func aModuleLevelDictReachesTheDecorator() {
    let disabled = "{tilelang.PassConfigKey.TL_DISABLE_WARP_SPECIALIZED: True}"
    #expect(!Self.codes(disabled, decorator: "CONFIGS").contains("TL213"))
    #expect(!Self.codes("{}", decorator: disabled).contains("TL213"))
    #expect(Self.codes("{}", decorator: "CONFIGS").contains("TL213"))
  }
}
