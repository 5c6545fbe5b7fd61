// Lowering fixtures: every file under Tests/Fixtures/lowering must plan exactly the lowerings its caret lines expect
// (`lowering sm_90: tma_load`, both directions). `TL_UPDATE_FIXTURES=1 swift test` rewrites the caret lines.

import Foundation
import Testing
import TileLangAnalysis
import TileLangTestSupport

struct LoweringFixtureTests {
  static let files: [URL] = SyntaxFixtures.pythonFiles(in: "lowering")

  @Test func fixturesExist() {
    #expect(Self.files.count >= 8, "expected the lowering fixtures under Tests/Fixtures/lowering")
  }

  @Test(arguments: files)
  func fixtureMatchesItsExpectations(_ url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    let produced = LoweringFixtures.produced(DiagnosticFixtures.analyzeFixture(text))
    let expected = LoweringFixtures.expectations(in: text)
    if SyntaxFixtures.isUpdateMode {
      let rewritten = DiagnosticFixtures.rewrite(text, with: produced)
      if rewritten != text { try rewritten.write(to: url, atomically: false, encoding: .utf8) }
      return
    }
    for m in expected where !produced.contains(m) {
      Issue.record(
        "expected but not planned: \(m)",
        sourceLocation: SourceLocation(
          fileID: "fixtures/\(url.lastPathComponent)", filePath: url.path, line: m.line, column: m.startColumn + 1))
    }
    for u in produced where !expected.contains(u) {
      Issue.record(
        "planned but not expected: \(u)",
        sourceLocation: SourceLocation(
          fileID: "fixtures/\(url.lastPathComponent)", filePath: url.path, line: u.line, column: u.startColumn + 1))
    }
  }
}
