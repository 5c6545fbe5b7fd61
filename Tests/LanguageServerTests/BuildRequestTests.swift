// How an analysis turns into a build request (no compiler needed): the kernel named by its builder, explicit sizes
// over the `tl-lsp.arguments` setting (only names the kernel takes), the file's call as the fallback the worker uses
// below a `# tl-lsp:` comment, and copy sites tagged with the kernel they belong to.

import CompilerBridge
import Testing
import TileLangAnalysis

@testable import LanguageServer

struct BuildRequestTests {
  static let analysis = analyze(
    text: """
      import tilelang.language as T


      def first(M, N, threads=128):
          @T.prim_func
          def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
              with T.Kernel(1, threads=threads) as bx:
                  S = T.alloc_shared((M, N), "float16")
                  T.copy(A, S)
                  T.copy(S, B)

          return main


      def second(K):
          @T.prim_func
          def main(A: T.Tensor((K, K), "float16"), B: T.Tensor((K, K), "float16")):
              with T.Kernel(1, threads=128) as bx:
                  S = T.alloc_shared((K, K), "float16")
                  T.copy(A, S)

          return main


      if __name__ == "__main__":
          first(64, 32)
          second(16)

      """)

  func request(kernel: String?, sizes: [String: ArgumentValue] = [:], settings: [String: Int] = [:]) -> BuildRequest {
    Self.analysis.buildRequest(
      file: "/k.py", kernel: kernel, sizes: sizes, settingsSizes: settings, target: "sm_90", passConfigs: [:])
  }

  @Test func theFirstKernelIsNamedWhenNoneIsGiven() {
    #expect(Self.analysis.kernelBuilders == ["first", "second"])
    #expect(request(kernel: nil).kernel == "first")
    let uncalledFirst = analyze(
      text: """
        import tilelang.language as T


        def never(M):
            @T.prim_func
            def main(A: T.Tensor((M,), "float16")):
                with T.Kernel(1, threads=128) as bx:
                    T.clear(A)

            return main


        def called(M):
            @T.prim_func
            def main(A: T.Tensor((M,), "float16")):
                with T.Kernel(1, threads=128) as bx:
                    T.clear(A)

            return main


        called(64)

        """)
    let r = uncalledFirst.buildRequest(file: "/k.py", kernel: nil, sizes: [:], target: "sm_90", passConfigs: [:])
    #expect(r.kernel == "called", "the first kernel the file builds itself")
    #expect(r.fileKeywordArguments == ["M": .int(64)])
  }

  @Test func theFilesCallFillsWhatIsNotGiven() {
    let r = request(kernel: "first", sizes: ["M": .int(7)], settings: ["N": 9, "K": 5])
    #expect(r.keywordArguments == ["M": .int(7), "N": .int(9)], "K is not a parameter of first")
    #expect(r.fileKeywordArguments == ["M": .int(64), "N": .int(32), "threads": .int(128)])
    #expect(request(kernel: "second").fileKeywordArguments == ["K": .int(16)])
  }

  @Test func copySitesKnowTheirKernel() {
    #expect(Self.analysis.copySiteHints(target: "sm_90").map(\.kernel) == ["first", "first", "second"])
  }

  /// A loop whose trip count depends on `bx`, pipelined with 2 stages: TL212 on sm_80 only (cp.async epilogue), on
  /// the `T.Pipelined` call, which is no copy: it becomes a site of its own. The copy of 128 rows into 64 is TL101.
  static let flagged = analyze(
    text: """
      import tilelang.language as T


      def k(n):
          @T.prim_func
          def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16")):
              with T.Kernel(8, threads=128) as bx:
                  S = T.alloc_shared((64, 64), "float16")
                  for i in T.Pipelined(T.ceildiv((bx + 1) * 64, 64), num_stages=2):
                      T.copy(A[i * 64, 0], S)
                  T.copy(A[0:128, 0:64], S)
                  T.copy(S, B[bx * 64, 0])

          return main


      if __name__ == "__main__":
          k(1)

      """, settings: AnalysisSettings(targets: [.sm80, .sm90]))

  @Test func sitesCarryTheFindingsOfTheBuildsTarget() {
    let sm80 = Self.flagged.copySiteHints(target: "sm_80")
    #expect(sm80.map(\.flagged) == [[], ["TL101"], [], ["TL212"]], "\(sm80)")
    #expect(sm80.last?.op == "" && sm80.last?.kernel == "k")
    let sm90 = Self.flagged.copySiteHints(target: "sm_90")
    #expect(sm90.map(\.flagged) == [[], ["TL101"], []], "no TL212 on sm_90: \(sm90)")
  }
}
