// Test-only helpers shared by the test targets.

import Foundation
import TileLangSyntax

/// A deterministic linear congruential generator for the randomized edit tests: the same edits every run. (The
/// parser's garbage and oracle tests use their own SplitMix64 `SeededGenerator`.)
public struct SeededLCG {
  public var state: UInt64

  public init(state: UInt64) { self.state = state }

  /// Seeded from a text (a file name), so every file gets its own fixed sequence.
  public init(seedingFrom text: String, salt: Int) {
    state = UInt64(text.utf8.reduce(salt) { $0 &* 31 &+ Int($1) }.magnitude)
  }

  /// A number in `0..<n` (0 when `n` < 1).
  public mutating func next(_ n: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(max(n, 1)))
  }
}

/// The kernels the randomized analysis tests edit: every diagnostic and lowering fixture, and the examples.
public enum KernelInputs {
  public static let files: [URL] =
    ["diagnostics/extents", "diagnostics/annotations", "diagnostics/im2col", "diagnostics/layout", "lowering"]
    .flatMap { SyntaxFixtures.pythonFiles(in: $0) }
    + ["gemm.py", "gemm_eager.py", "conv_im2col.py", "copy_mistakes.py"].map {
      CompilerVerdicts.packageRoot.appendingPathComponent("examples/\($0)")
    }
}
