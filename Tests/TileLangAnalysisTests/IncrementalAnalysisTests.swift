// Incremental re-analysis must equal a full analysis: random edits inside functions (new lines, changed integer
// literals, extra spaces) on every fixture and example, compared field by field.

import Foundation
import Testing
import TileLangSyntax
import TileLangTestSupport

@testable import TileLangAnalysis

struct IncrementalAnalysisTests {
  static let files = KernelInputs.files

  static func projection(_ a: FileAnalysis) -> [String] {
    a.diagnostics.map { "\($0.code.rawValue) \($0.range) \($0.severity) \($0.message) \($0.fixes) \($0.related)" }
      + a.lowerings.map {
        "\($0.range) \($0.target) \($0.path) \($0.vectorBits ?? 0) \($0.specialization ?? "") \($0.preview)"
      }
      + a.copySites.map {
        "\($0.op) \($0.range) \($0.srcBuffer ?? "") \($0.dstBuffer ?? "") \($0.srcRange.map { "\($0)" } ?? "")"
      }
      + a.gemmSites.map { "\($0.op) \($0.range) \($0.srcBuffer ?? "") \($0.accumulator ?? "")" }
      + a.kernels.map { k in
        "\(k.name) \(k.range) \(k.builder ?? "") \(k.callSizes.map { "\($0.values.sorted { $0.key < $1.key })" } ?? "") "
          + k.buffers.map { "\($0.name) \($0.nameRange) \($0.declarationRange)" }.joined()
      }
  }

  /// One random edit inside a function body (some leave an indentation error behind).
  static func edit(_ text: String, _ rng: inout SeededLCG) -> String? {
    let parsed = parse(text)
    var functions: [TextRange] = []
    for s in parsed.body { if case .functionDef = s.kind { functions.append(s.range) } }
    guard !functions.isEmpty else { return nil }
    let f = functions[rng.next(functions.count)]
    var bytes = parsed.source.bytes
    switch rng.next(4) {
    case 3:
      // A space at the start of a line inside the function: an indentation error, then (next edit) maybe fixed.
      let starts = (f.start + 1..<f.end).filter { bytes[$0 - 1] == 0x0A }
      guard !starts.isEmpty else { return nil }
      bytes.insert(0x20, at: starts[rng.next(starts.count)])
    case 0:
      // A blank line after the function's first line (shifts every later line).
      guard let nl = bytes[f.start..<f.end].firstIndex(of: 0x0A) else { return nil }
      bytes.insert(0x0A, at: nl + 1)
    case 1:
      // Another value for an integer literal inside the function.
      var ints: [TextRange] = []
      ASTWalker { e, _ in if case .int = e.kind, f.contains(e.range) { ints.append(e.range) } }.walk(parsed.body)
      guard !ints.isEmpty else { return nil }
      let r = ints[rng.next(ints.count)]
      bytes.replaceSubrange(r.start..<r.end, with: Array(String([1, 2, 4, 32, 64, 128, 256][rng.next(7)]).utf8))
    default:
      // A space after a comma.
      let commas = (f.start..<f.end).filter { bytes[$0] == 0x2C }
      guard !commas.isEmpty else { return nil }
      bytes.insert(0x20, at: commas[rng.next(commas.count)] + 1)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test(arguments: files)
  func incrementalEqualsFull(_ url: URL) throws {
    var text = try String(contentsOf: url, encoding: .utf8)
    let settings = AnalysisSettings(targets: [.sm80, .sm90])
    var previous = analyze(parsed: parse(text), settings: settings)
    var rng = SeededLCG(seedingFrom: url.lastPathComponent, salt: 7)
    var reusedSome = false
    for _ in 0..<12 {
      guard let next = Self.edit(text, &rng) else { continue }
      let parsed = parse(next)
      let incremental = analyze(parsed: parsed, settings: settings, reusing: previous)
      let full = analyze(parsed: parsed, settings: settings)
      let a = Self.projection(incremental), b = Self.projection(full)
      if a != b {
        let onlyIncremental = a.filter { !b.contains($0) }.map { String($0.prefix(160)) }
        let onlyFull = b.filter { !a.contains($0) }.map { String($0.prefix(160)) }
        Issue.record(
          "\(url.lastPathComponent): incremental ≠ full; only incremental: \(onlyIncremental); only full: \(onlyFull)")
      }
      if let plan = IncrementalPlan(old: previous.parsed, new: parsed, previous: previous), !plan.reused.isEmpty {
        reusedSome = true
      }
      text = next
      previous = incremental
    }
    _ = reusedSome
  }

  /// Independent jit kernels, two sharing a helper: an edit in one kernel recomputes only it.
  static let independentKernels: String = {
    var out = "import tilelang\nimport tilelang.language as T\n\n\ndef tile(n):\n    return n * 2\n"
    for i in 0..<4 {
      let helper = i < 2 ? "tile(64)" : "128"
      out += """

        @tilelang.jit
        def kernel_\(i)(M, N, block_M=\(helper), block_N=64):
            @T.prim_func
            def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
                with T.Kernel(T.ceildiv(M, block_M), threads=128) as bx:
                    S = T.alloc_shared((block_M // \(i + 1), block_N), "float16")
                    T.copy(A[bx * block_M:(bx + 1) * block_M, 0:block_N], S)
                    T.copy(S, B[bx * block_M, 0])

            return main

        """
    }
    return out
  }()

  @Test func reusesUnrelatedKernels() throws {
    let settings = AnalysisSettings(targets: [.sm80, .sm90])
    let old = analyze(parsed: parse(Self.independentKernels), settings: settings)
    let edited = Self.independentKernels.replacingOccurrences(of: "block_M // 4", with: "block_M // 2")
    let parsed = parse(edited)
    let plan = try #require(IncrementalPlan(old: old.parsed, new: parsed, previous: old))
    #expect(plan.recompute.count == 1, "only kernel_3 changed and nothing refers to it")
    let shared = Self.independentKernels.replacingOccurrences(of: "return n * 2", with: "return n * 4")
    #expect(
      IncrementalPlan(old: old.parsed, new: parse(shared), previous: old)?.recompute.count == 3,
      "the helper and its two users")
    let incremental = analyze(parsed: parsed, settings: settings, reusing: old)
    #expect(Self.projection(incremental) == Self.projection(analyze(parsed: parsed, settings: settings)))
    #expect(incremental.diagnostics.contains { $0.code == .TL101 }, "kernel_3's 32-row tile still gets its TL101")
  }

  /// Editing a call under `__main__` changes the sizes its kernel builds with (`KernelInfo.callSizes`).
  @Test func editingTheCallUpdatesTheBuildSizes() throws {
    let settings = AnalysisSettings(targets: [.sm90])
    let text = Self.independentKernels + "\n\nif __name__ == \"__main__\":\n    kernel_2(1024, 512)\n"
    let old = analyze(parsed: parse(text), settings: settings)
    let parsed = parse(text.replacingOccurrences(of: "kernel_2(1024, 512)", with: "kernel_2(2048, 512)"))
    let incremental = analyze(parsed: parsed, settings: settings, reusing: old)
    #expect(Self.projection(incremental) == Self.projection(analyze(parsed: parsed, settings: settings)))
    let sizes = incremental.kernels.first { $0.builder == "kernel_2" }?.callSizes?.values
    #expect(sizes?["M"] == .int(2048), "\(String(describing: sizes))")
  }

  @Test func randomEditsOnIndependentKernels() throws {
    var text = Self.independentKernels
    let settings = AnalysisSettings(targets: [.sm90])
    var previous = analyze(parsed: parse(text), settings: settings)
    var rng = SeededLCG(state: 42)
    var reused = 0
    for _ in 0..<30 {
      guard let next = Self.edit(text, &rng) else { continue }
      let parsed = parse(next)
      if let plan = IncrementalPlan(old: previous.parsed, new: parsed, previous: previous), !plan.reused.isEmpty {
        reused += 1
      }
      let incremental = analyze(parsed: parsed, settings: settings, reusing: previous)
      #expect(Self.projection(incremental) == Self.projection(analyze(parsed: parsed, settings: settings)))
      text = next
      previous = incremental
    }
    #expect(reused >= 10, "most edits should reuse other kernels' results")
  }
}
