// End-to-end: `tl-lsp --check --compile` merges the real compiler's TL5xx into the gcc output (TL501 on the copy
// line of each bad-kernel fixture), and a missing compiler gives one TL503 for the whole run, exit 1.

import Foundation
import Testing
import TileLangTestSupport

let bridgeFixtures = fixturesDirectory.deletingLastPathComponent().appendingPathComponent("bridge")

func runCheck(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
  let process = Process()
  process.executableURL = try BuiltProducts.tlLSP()
  process.arguments = arguments
  let out = Pipe()
  process.standardOutput = out
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite(.serialized) struct CheckCompileTests {
  /// Fixture, target, and the 1-based line of the offending copy / im2col call.
  static let badKernels: [(String, String, Int)] = [
    ("copy_region_larger_than_tile.py", "sm_90", 10), ("eviction_policy_unknown.py", "sm_90", 10),
    ("im2col_dtype_mismatch.py", "sm_90", 10), ("loop_layout_on_tma_copy.py", "sm_90", 16),
    ("prefer_tma_on_sm80.py", "sm_80", 10),
  ]

  @Test func compilerErrorsLandOnTheCopyLine() throws {
    try #require(FileManager.default.isExecutableFile(atPath: tilelangPython), "run scripts/setup-tilelang.sh")
    for (name, target, copyLine) in Self.badKernels {
      let path = bridgeFixtures.appendingPathComponent("bad/\(name)").path
      let line = try String(contentsOfFile: path, encoding: .utf8).split(
        separator: "\n", omittingEmptySubsequences: false)
      #expect(line[copyLine - 1].contains("T.copy(") || line[copyLine - 1].contains("T.im2col("), "\(name)")
      let (status, output) = try runCheck([
        "--check", "--compile", "--python", tilelangPython, "--target", target, path,
      ])
      #expect(status == 1, "\(name)")
      let tl501 = output.split(separator: "\n").filter { $0.hasSuffix("[TL501]") }
      #expect(tl501.count == 1, "\(name): \(output)")
      #expect(tl501.first?.hasPrefix("\(path):\(copyLine):") == true, "\(name): \(output)")
    }
  }

  /// `sizes_from_calls.py`: the factories have no defaults for their sizes; the calls under `__main__` give them.
  static let sizesFile = bridgeFixtures.appendingPathComponent("sizes_from_calls.py").path

  func launchBounds(_ extra: [String]) throws -> String? {
    let (status, cuda) = try runCheck(
      ["build", Self.sizesFile, "--python", tilelangPython, "--target", "sm_80"] + extra)
    #expect(status == 0, "\(extra): \(cuda.prefix(500))")
    guard let r = cuda.range(of: #"__launch_bounds__\(\d+"#, options: .regularExpression) else { return nil }
    return String(cuda[r].dropFirst("__launch_bounds__(".count))
  }

  @Test func buildsTakeTheFilesCallWhereNothingElseGivesTheSizes() throws {
    try #require(FileManager.default.isExecutableFile(atPath: tilelangPython), "run scripts/setup-tilelang.sh")
    #expect(try launchBounds(["--kernel", "matmul"]) == "128", "threads=128 from the call")
    #expect(try launchBounds([]) == "128", "without --kernel: the file's first kernel, with its call's sizes")
    #expect(try launchBounds(["--kernel", "matmul", "--arg", "threads=256"]) == "256", "--arg wins over the call")
    #expect(try launchBounds(["--kernel", "scaled"]) == "256", "the `# tl-lsp:` comment wins over the call")
    let (_, cuda) = try runCheck([
      "build", Self.sizesFile, "--kernel", "matmul", "--python", tilelangPython, "--target", "sm_80",
    ])
    #expect(cuda.contains("bfloat16_t"), "dtype=\"bfloat16\" from the call")
    let (status, policyCuda) = try runCheck([
      "build", Self.sizesFile, "--kernel", "policy_gemm", "--python", tilelangPython, "--target", "sm_80",
    ])
    #expect(status == 0, "policy=T.GemmWarpPolicy.FullRow from the call: \(policyCuda.prefix(500))")
  }

  @Test func checkCompileBuildsEveryKernelAndKeepsErrorsInTheirOwn() throws {
    try #require(FileManager.default.isExecutableFile(atPath: tilelangPython), "run scripts/setup-tilelang.sh")
    let (status, output) = try runCheck([
      "--check", "--compile", "--python", tilelangPython, "--target", "sm_80", Self.sizesFile,
    ])
    #expect(status == 1)
    let tl5xx = output.split(separator: "\n").filter { $0.contains("[TL50") }
    // Only `overrun` fails; its error names `src=A, dst=A_shared`, which `matmul` copies too, on an earlier line.
    #expect(tl5xx.count == 1, "\(output)")
    #expect(tl5xx.first?.hasPrefix("\(Self.sizesFile):42:") == true && tl5xx.first?.hasSuffix("[TL501]") == true)
  }

  @Test func aKernelWithoutSizesIsAWarningOfTheCheck() throws {
    try #require(FileManager.default.isExecutableFile(atPath: tilelangPython), "run scripts/setup-tilelang.sh")
    let path = bridgeFixtures.appendingPathComponent("missing_sizes.py").path
    let (status, output) = try runCheck(["--check", "--compile", "--python", tilelangPython, path])
    #expect(status == 0, "\(output)")
    #expect(output.contains(": warning: cannot build `matmul`: no value for M, N, K;"), "\(output)")
  }

  @Test func missingCompilerGivesOneTL503() throws {
    let files = ["gemm_factory.py", "conv_im2col.py"].map { bridgeFixtures.appendingPathComponent($0).path }
    let (status, output) = try runCheck(["--check", "--compile", "--python", "/nonexistent/python3"] + files)
    #expect(status == 1)
    #expect(output.components(separatedBy: "[TL503]").count == 2, "\(output)")
  }
}
