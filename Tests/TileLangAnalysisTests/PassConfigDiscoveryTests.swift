// Pass configs a kernel file sets for itself: a dict literal in `@tilelang.jit(pass_configs=...)`, or a module-level
// variable bound to one (tilelang's own examples write `pass_configs=pass_configs`). Judged by TL213, which only a
// warp-specialised loop can raise: the fixture's first kernel, given a decorator and a module-level dict.

import Foundation
import Testing
import TileLangAnalysis
import TileLangSyntax
import TileLangTestSupport

struct PassConfigDiscoveryTests {
  static func codes(configs: String, decorator: String) throws -> [String] {
    let url = SyntaxFixtures.fixturesDirectory().appendingPathComponent("diagnostics/annotations/producer_scalar.py")
    var source = try String(contentsOf: url, encoding: .utf8)
    source = source.replacingOccurrences(
      of: "import tilelang.language as T\n",
      with: "import tilelang\nimport tilelang.language as T\n\nCONFIGS = \(configs)\n")
    source = source.replacingOccurrences(
      of: "def scale_into_shared(", with: "@tilelang.jit(pass_configs=\(decorator))\ndef scale_into_shared(")
    let result = analyze(parsed: parse(source), settings: AnalysisSettings(targets: [.sm90]))
    return result.diagnostics.map(\.code.rawValue)
  }

  @Test func aModuleLevelDictReachesTheDecorator() throws {
    let disabled = "{tilelang.PassConfigKey.TL_DISABLE_WARP_SPECIALIZED: True}"
    #expect(try Self.codes(configs: "{}", decorator: "CONFIGS").contains("TL213"))
    #expect(try !Self.codes(configs: disabled, decorator: "CONFIGS").contains("TL213"))
    #expect(try !Self.codes(configs: "{}", decorator: disabled).contains("TL213"))
  }
}
