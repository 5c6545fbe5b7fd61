// Incremental parsing must equal a full parse: sequences of random edits (typing, deleting, breaking and fixing
// brackets, strings, indentation, decorators, `else` clauses) on every parser and diagnostic fixture, each result
// compared with a full parse of the same text: tree, syntax diagnostics and clean line starts.

import Foundation
import Testing
import TileLangTestSupport

@testable import TileLangSyntax

struct IncrementalParseTests {
  static let folders = [
    "parser/ok", "parser/err", "diagnostics/extents", "diagnostics/annotations", "diagnostics/im2col",
    "diagnostics/layout", "lowering",
  ]
  static let files: [URL] = folders.flatMap { SyntaxFixtures.pythonFiles(in: $0) }

  /// Text typed at a random place: the pieces that change how the following text parses.
  static let snippets = [
    " ", "\n", "x", "(", ")", "[", "]", "'", "\"", "\"\"\"", "#", "\\\n", "    ", "\t", ":", ",", "@dec\n",
    "else:\n    pass\n", "elif y:\n", "except E:\n", "def g():\n", "if x:\n", "\n\n", "x = 1; ", "f'{", "}",
    "é", "\r\n", "match x:\n    case 1:\n        pass\n",
  ]

  static func edit(_ bytes: [UInt8], _ rng: inout SeededLCG) -> [UInt8] {
    var bytes = bytes
    // Half the edits land at the start of a line (where statements begin and indentation is decided).
    var at = rng.next(bytes.count + 1)
    if rng.next(2) == 0, let nl = bytes[at...].firstIndex(of: 0x0A) { at = nl + 1 }
    switch rng.next(3) {
    case 0:
      let n = min(1 + rng.next(6), bytes.count - at)
      bytes.removeSubrange(at..<(at + n))
    default:
      bytes.insert(contentsOf: Array(snippets[rng.next(snippets.count)].utf8), at: at)
    }
    return bytes
  }

  @Test(arguments: files)
  func incrementalEqualsFull(_ url: URL) throws {
    let original = Array(try Data(contentsOf: url))
    var rng = SeededLCG(seedingFrom: url.lastPathComponent, salt: 11)
    var incrementalCount = 0
    defer {
      // Files of several statements must take the incremental path for some edits (else this tests nothing).
      if parse(bytes: original).body.count >= 4 { #expect(incrementalCount > 0, "\(url.lastPathComponent)") }
    }
    for round in 0..<4 {
      // Each round starts again from the fixture, so errors do not pile up for ever.
      var bytes = original
      var previous = parse(bytes: bytes)
      for step in 0..<15 {
        bytes = Self.edit(bytes, &rng)
        let source = SourceText(bytes: bytes)
        let incremental = parse(source: source, reusing: previous)
        if IncrementalParse.parse(source, old: previous) != nil { incrementalCount += 1 }
        let full = parse(source: source)
        let what = "\(url.lastPathComponent) round \(round) step \(step)"
        #expect(incremental.body == full.body, "\(what): trees differ")
        #expect(incremental.diagnostics == full.diagnostics, "\(what): diagnostics differ")
        #expect(incremental.cleanStarts == full.cleanStarts, "\(what): clean starts differ")
        if incremental.body != full.body || incremental.diagnostics != full.diagnostics {
          return
        }
        previous = incremental
      }
    }
  }

  /// The generated kernel file of the language-server benchmark shape: an edit inside one function reuses the
  /// others, and the result still equals a full parse.
  @Test func editsInOneFunctionReuseTheOthers() throws {
    var text = "import tilelang.language as T\n\n"
    for i in 0..<20 {
      text += """

        @tilelang.jit
        def kernel_\(i)(M, N, block_M=64):
            @T.prim_func
            def main(A: T.Tensor((M, N), "float16")):
                with T.Kernel(T.ceildiv(M, block_M), threads=128) as bx:
                    S = T.alloc_shared((block_M, N), "float16")
                    T.copy(A[bx * block_M, 0], S)

            return main

        """
    }
    let old = parse(text)
    let edited = text.replacingOccurrences(of: "def kernel_10(M, N", with: "def kernel_10(M,  N")
    let source = SourceText(edited)
    let result = try #require(IncrementalParse.parseReporting(source, old: old))
    #expect(result.file.body == parse(source: source).body)
    #expect(result.file.diagnostics.isEmpty)
    // The reparsed region is the edited function and the one before it.
    let reparsed = String(decoding: source.bytes[result.reparsed.start..<result.reparsed.end], as: UTF8.self)
    #expect(reparsed.hasPrefix("@tilelang.jit\ndef kernel_9("))
    #expect(reparsed.contains("def kernel_10("))
    #expect(!reparsed.contains("def kernel_11("))
  }
}
