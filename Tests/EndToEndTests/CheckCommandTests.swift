// End-to-end: the `--check` command on the examples and on broken input (binary garbage, an empty file, 10 000 `(`,
// a 20 MB file): diagnostics or a clear message, the documented exit codes, never a crash. Also `--explain` and the
// JSON format.

import Foundation
import Testing
import TileLangTestSupport

@Suite(.serialized) struct CheckCommandTests {
  static func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-check-\(name)")
    try Data(bytes).write(to: url)
    return url.path
  }

  @Test func examplesReportTheirMistakesAndExitOne() throws {
    let examples = BuiltProducts.packageRoot().appendingPathComponent("examples").path
    let (status, out) = try runCheck(["--check", examples, "--target", "sm_80,sm_90"])
    #expect(status == 1)
    #expect(out.contains("copy_mistakes.py:16:89: error:") && out.contains("[TL101]"))
    #expect(out.contains("[TL201]") && out.contains("[TL103]"))
    #expect(!out.split(separator: "\n").contains { $0.contains("/gemm.py:") && $0.contains(": error:") })
    #expect(out.hasSuffix("in 4 files\n"))
  }

  @Test func cleanFileExitsZeroAndJSONHasTheSchema() throws {
    let gemm = BuiltProducts.packageRoot().appendingPathComponent("examples/gemm.py").path
    let (status, out) = try runCheck(["--check", gemm, "--format", "json", "--target", "sm_80"])
    #expect(status == 0)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    #expect(root["version"] as? Int == 1)
    let file = try #require((root["files"] as? [[String: Any]])?.first)
    let lowerings = try #require(file["lowerings"] as? [[String: Any]])
    #expect(lowerings.contains { $0["path"] as? String == "cp_async" && $0["target"] as? String == "sm_80" })
    let keys = Set(lowerings.first.map { Array($0.keys) } ?? [])
    let schema: Set<String> = [
      "op", "line", "column", "endLine", "endColumn", "target", "path", "vectorBits", "bytes", "reason", "preview",
    ]
    #expect(keys.isSuperset(of: schema))
  }

  @Test func explainShowsCpAsyncOnSm80AndWarpSpecialisedTmaOnSm90() throws {
    let gemm = BuiltProducts.packageRoot().appendingPathComponent("examples/gemm.py").path
    let (status, out) = try runCheck(["--explain", "\(gemm):19", "--target", "sm_80,sm_90"])
    #expect(status == 0)
    #expect(out.contains("on sm_80: cp_async") && out.contains("tl::cp_async_gs<16>"))
    #expect(out.contains("on sm_90: tma_load") && out.contains("warp-specialised"))
  }

  @Test func binaryGarbageIsOneTL003() throws {
    let (status, out) = try runCheck(["--check", try Self.temp("binary.py", [0xFF, 0xFE, 0x00, 0x01, 0x41])])
    #expect(status == 1)
    #expect(out.contains(":1:1: error: file is not UTF-8 text") && out.contains("[TL003]"))
  }

  @Test func emptyFileIsClean() throws {
    let (status, out) = try runCheck(["--check", try Self.temp("empty.py", [])])
    #expect(status == 0)
    #expect(out.contains("0 errors, 0 warnings, 0 notes in 1 file"))
  }

  @Test func tenThousandParenthesesHitTheNestingLimit() throws {
    let (status, out) = try runCheck([
      "--check", try Self.temp("parens.py", Array(repeating: 0x28, count: 10_000) + [0x0A]),
    ])
    #expect(status == 1)
    #expect(out.contains("[TL002]") && out.contains("[TL001]"))
  }

  @Test func twentyMegabyteFileIsChecked() throws {
    var text = "import tilelang.language as T\n"
    let line = "x = 1  # " + String(repeating: "padding ", count: 120) + "\n"
    while text.utf8.count < 20_000_000 { text += line }
    let (status, out) = try runCheck(["--check", try Self.temp("big.py", Array(text.utf8))])
    #expect(status == 0)
    #expect(out.contains("0 errors"))
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try runCheck(["--check", "/nonexistent/file.py"]).status == 2)
    #expect(try runCheck(["--check", "--bogus", "x.py"]).status == 2)
    #expect(try runCheck(["--check"]).status == 2)
    #expect(try runCheck(["--version"]).status == 0)
    #expect(try runCheck(["--help"]).stdout.contains("--check PATH"))
  }
}
