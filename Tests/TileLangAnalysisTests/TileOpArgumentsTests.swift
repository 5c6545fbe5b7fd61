// TL215's quick fixes (the unknown-keyword builder is TL208's too): applying each fix gives a call the front end
// accepts; and value checks stay silent under an `if` the interpreter cannot decide.

import Testing
import TileLangAnalysis
import TileLangSyntax

struct TileOpArgumentsTests {
  /// The kernel with `line` as the op call, the fixes of the diagnostics on it, and each fix applied to the line.
  static func fixedLines(_ line: String) -> [String: String] {
    let source = """
      import tilelang.language as T


      @T.prim_func
      def main(X: T.Tensor((16, 128), "float32"), S: T.Tensor((16,), "float32")):
          with T.Kernel(1, threads=128):
              x_f = T.alloc_fragment((16, 128), "float32")
              s_f = T.alloc_fragment((16,), "float32")
              T.copy(X, x_f)
              \(line)
              T.copy(s_f, S)

      """
    var out: [String: String] = [:]
    for d in analyze(text: source).diagnostics {
      for fix in d.fixes {
        var bytes = Array(source.utf8)
        for edit in fix.edits.sorted(by: { $0.range.start > $1.range.start }) {
          bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.newText.utf8))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        out[fix.title] = text.split(separator: "\n").first { $0.contains("T.reduce") || $0.contains("T.cumsum") }
          .map { $0.trimmingCharacters(in: .whitespaces) }
      }
    }
    return out
  }

  @Test func unknownKeywordIsRemoved() {
    #expect(
      Self.fixedLines("T.reduce_abssum(x_f, s_f, dim=1, clear=False)") == [
        "Remove `clear=`": "T.reduce_abssum(x_f, s_f, dim=1)"
      ])
  }

  @Test func aliasAndTypoAreRenamed() {
    #expect(Self.fixedLines("T.cumsum(x_f, axis=1)")["Rename to `dim=`"] == "T.cumsum(x_f, dim=1)")
    #expect(
      Self.fixedLines("T.reduce_max(x_f, s_f, dim=1, claer=False)")["Rename to `clear=`"]
        == "T.reduce_max(x_f, s_f, dim=1, clear=False)")
  }

  @Test func distantKeywordIsOnlyRemoved() {
    #expect(
      Self.fixedLines("T.reduce_max(x_f, s_f, dim=1, keepdim=False)") == [
        "Remove `keepdim=`": "T.reduce_max(x_f, s_f, dim=1)"
      ])
  }

  @Test func clearPassedAsBatchIsRemoved() {
    #expect(
      Self.fixedLines("T.reduce_abssum(x_f, s_f, 1, False)") == ["Remove `False`": "T.reduce_abssum(x_f, s_f, 1)"])
  }

  /// A helper's `if op == "bitand"` that pytest parameters decide: tl-lsp runs both branches with every dtype, so
  /// the bitwise reduction is seen with float32 although the compiler only builds it with int32.
  @Test func undecidedBranchesGetNoValueChecks() {
    let source = """
      import pytest
      import tilelang.language as T


      def emit(op, src, dst):
          if op == "bitand":
              T.reduce_bitand(src, dst, dim=1)
          else:
              T.reduce_sum(src, dst, dim=1, keepdim=False)


      def make(op, dtype):
          @T.prim_func
          def main(X: T.Tensor((16, 128), dtype), S: T.Tensor((16,), dtype)):
              with T.Kernel(1, threads=128):
                  x_f = T.alloc_fragment((16, 128), dtype)
                  s_f = T.alloc_fragment((16,), dtype)
                  T.copy(X, x_f)
                  emit(op, x_f, s_f)
                  T.copy(s_f, S)

          return main


      @pytest.mark.parametrize("op", ["sum", "bitand"])
      def test_reduce(op):
          make(op, "int32" if op == "bitand" else "float32")

      """
    let messages = analyze(text: source).diagnostics.filter { $0.code == .TL215 }.map(\.message)
    // The keyword is wrong whatever the values: only the binding error remains.
    #expect(messages.count == 1)
    #expect(messages.first?.contains("no keyword `keepdim`") == true)
  }
}
