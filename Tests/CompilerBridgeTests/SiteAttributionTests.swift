// Where a compiler error that names no line of the file lands: the gemm its message is about, or the one place in
// the built kernel that tl-lsp's own analysis flags; never a call of another kernel of the file.

import Testing
import TileLangSyntax

@testable import CompilerBridge

struct SiteAttributionTests {
  static let source = SourceText(
    """
    def first():
        T.copy(A, A_shared)
        T.gemm(A_shared, B_shared, C_local)
    def second():
        T.copy(A, A_shared)
        T.gemm(A_shared, B_shared, C_s)
        T.gemm(X_shared, Y_shared, Z_local)

    """)

  /// The call on `line` (1-based) as a site of `kernel`.
  static func site(_ op: String, line: Int, _ args: [String], kernel: String, flagged: [String] = []) -> CopySiteHint {
    let start = source.lineStarts[line - 1] + 4
    let end = source.lineStarts[line] - 1
    return CopySiteHint(
      op: op, range: TextRange(start, end), srcBuffer: args[0], dstBuffer: args[1], kernel: kernel,
      accumulator: args.count > 2 ? args[2] : nil, flagged: flagged)
  }

  static func sites(flagging: [Int] = []) -> [CopySiteHint] {
    [
      site("copy", line: 2, ["A", "A_shared"], kernel: "first"),
      site("gemm", line: 3, ["A_shared", "B_shared", "C_local"], kernel: "first"),
      site("copy", line: 5, ["A", "A_shared"], kernel: "second", flagged: flagging.contains(5) ? ["TL101"] : []),
      site("gemm", line: 6, ["A_shared", "B_shared", "C_s"], kernel: "second"),
      site("gemm", line: 7, ["X_shared", "Y_shared", "Z_local"], kernel: "second"),
    ]
  }

  static func line(_ message: String, kernel: String, sites: [CopySiteHint] = sites()) -> Int? {
    let failure = CompilerFailure(kind: .compileError, type: "InternalError", message: message, phase: "lower")
    let d = CompilerErrorMapping.diagnostics(
      for: failure, file: "/k.py", source: source, copySites: sites, kernel: kernel)
    return d.first.map { source.line(of: $0.range.start) + 1 }
  }

  @Test func aCopyErrorStaysInTheBuiltKernel() {
    #expect(Self.line("Selected loop range is smaller: for src=A, dst=A_shared", kernel: "second") == 5)
    #expect(Self.line("Selected loop range is smaller: for src=A, dst=A_shared", kernel: "first") == 2)
  }

  @Test func aGemmErrorGoesToTheGemmItNames() {
    #expect(Self.line("local_buf C_s must be a fragment, but got shared.dyn", kernel: "second") == 6)
    #expect(Self.line("Mixed-dtype GEMM only supports f8f6f4 family operands", kernel: "first") == 3, "its only gemm")
    #expect(Self.line("Mixed-dtype GEMM only supports f8f6f4 family operands", kernel: "second") == 4, "two: the def")
  }

  @Test func anErrorNamingNothingGoesToTheOneFlaggedPlace() {
    let message = "Check failed: src_range has extra non-1 extent at dim 2"
    #expect(Self.line(message, kernel: "second") == 4, "nothing flagged: the def")
    #expect(Self.line(message, kernel: "second", sites: Self.sites(flagging: [5])) == 5)
    #expect(Self.line(message, kernel: "first", sites: Self.sites(flagging: [5])) == 1, "flagged in another kernel")
  }

  @Test func anAllocationTheCompilerPointsAtYieldsToTheFlaggedStatement() {
    let source = SourceText(
      """
      def k():
          x_f = T.alloc_fragment((4, 128), "float32")
          for i, j in T.Parallel(4, 64):
              x_f[i, j] = x_f[i, j + 64] * 2.0

      """)
    let body = TextRange(source.lineStarts[3] + 8, source.lineStarts[4] - 1)
    let finding = CopySiteHint(op: "", range: body, srcBuffer: nil, dstBuffer: nil, kernel: "k", flagged: ["TL418"])
    let failure = CompilerFailure(
      kind: .compileError, type: "InternalError", message: "x_f: (i, j + 64) and (i, j)", phase: "lower",
      locations: [CompilerLocation(file: "/k.py", line: 2, column: 5, source: .span)])
    func line(_ sites: [CopySiteHint]) -> Int? {
      CompilerErrorMapping.diagnostics(for: failure, file: "/k.py", source: source, copySites: sites, kernel: "k")
        .first.map { source.line(of: $0.range.start) + 1 }
    }
    #expect(line([finding]) == 4)
    #expect(line([]) == 2, "without tl-lsp's finding: where the compiler points")
  }
}
