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
  }

  @Test func theFilesCallFillsWhatIsNotGiven() {
    let r = request(kernel: "first", sizes: ["M": .int(7)], settings: ["N": 9, "K": 5])
    #expect(r.keywordArguments == ["M": .int(7), "N": .int(9)], "K is not a parameter of first")
    #expect(r.fileKeywordArguments == ["M": .int(64), "N": .int(32), "threads": .int(128)])
    #expect(request(kernel: "second").fileKeywordArguments == ["K": .int(16)])
  }

  @Test func copySitesKnowTheirKernel() {
    #expect(Self.analysis.copySiteHints.map(\.kernel) == ["first", "first", "second"])
  }
}
