// Editor queries of the analysis: hover on copies and buffers, inlay hints, go to definition, the outline.

import Foundation
import Testing
import TileLangSyntax
import TileLangTestSupport

@testable import TileLangAnalysis

struct NavigationTests {
  static let gemm: String = {
    let url = CompilerVerdicts.packageRoot.appendingPathComponent("examples/gemm.py")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  static func offset(of needle: String, in text: String, plus: Int = 0) -> Int {
    guard let r = text.range(of: needle) else { return 0 }
    return text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound) + plus
  }

  @Test func hoverOnACopyShowsExtentsSpecializationAndLoweringPerTarget() throws {
    let a = analyze(text: Self.gemm, settings: AnalysisSettings(targets: [.sm80, .sm90]))
    let h = try #require(a.hover(at: Self.offset(of: "T.copy(A[by", in: Self.gemm, plus: 3)))
    #expect(h.markdown.contains("copy(src, dst"), "signature first on the callee")
    #expect(h.markdown.contains("loop over A_shared 128×32"))
    #expect(h.markdown.contains("with M=1024"))
    #expect(h.markdown.contains("**sm_80**: `cp_async`") && h.markdown.contains("**sm_90**: `tma_load`"))
  }

  @Test func hoverOnABufferShowsShapeDtypeScopeAndBytes() throws {
    let a = analyze(text: Self.gemm)
    let h = try #require(a.hover(at: Self.offset(of: "A_shared)", in: Self.gemm, plus: 2)))
    #expect(h.markdown.contains("**A_shared**: `(block_M, block_K)` float16 in `shared.dyn` — 8192 bytes"))
  }

  @Test func inlayHintsShowPathsAndShapes() {
    let a = analyze(text: Self.gemm, settings: AnalysisSettings(targets: [.sm90]))
    let labels = a.inlayHints(in: TextRange(0, Self.gemm.utf8.count)).map(\.label)
    #expect(labels.contains("128×32 f16 · tma_load 8 KiB"))
    #expect(labels.contains("128×32 f16 · 8 KiB"), "shape after the allocation")
  }

  @Test func definitionFindsBuffersAndFactoryParameters() throws {
    let a = analyze(text: Self.gemm)
    let use = Self.offset(of: "A_shared)", in: Self.gemm, plus: 1)
    let def = try #require(a.definition(at: use))
    #expect(a.source.text(def) == "A_shared")
    #expect(def.start == Self.offset(of: "A_shared = T.alloc_shared", in: Self.gemm))
    let param = try #require(a.definition(at: Self.offset(of: "block_K), dtype)", in: Self.gemm, plus: 1)))
    #expect(param.start == Self.offset(of: "block_K, dtype=", in: Self.gemm))
  }

  /// `nameAt` walks only the top-level statements around the offset; at every offset of every example (and of
  /// the examples concatenated, so decorators follow other statements) it must agree with a whole-file walk.
  @Test func nameLookupAtAnOffsetAgreesWithAWholeFileWalk() throws {
    let dir = CompilerVerdicts.packageRoot.appendingPathComponent("examples")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
    let texts = try files.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
    #expect(texts.count >= 3)
    for text in texts + [texts.joined(separator: "\n# next\n")] {
      let a = analyze(text: text)
      for offset in 0...text.utf8.count {
        let whole = a.nameAt(offset, in: a.parsed.body)
        let local = a.nameAt(offset)
        #expect(local?.0 == whole?.0 && local?.1 == whole?.1, "offset \(offset): \(String(describing: local))")
      }
    }
  }

  @Test func outlineListsKernelsWithTheirBuffers() {
    let a = analyze(text: Self.gemm)
    let symbols = a.symbols()
    #expect(symbols.map(\.name) == ["main"])
    #expect(symbols.first?.children.map(\.name) == ["A", "B", "C", "A_shared", "B_shared", "C_local"])
  }
}
