// Diagnostic fixtures: every file under Tests/Fixtures/diagnostics must produce exactly the diagnostics its
// caret lines expect (both directions). `TL_UPDATE_FIXTURES=1 swift test` rewrites the caret lines.

import Foundation
import Testing
import TileLangAnalysis
import TileLangTestSupport

struct DiagnosticFixtureTests {
  static let folders = ["diagnostics/extents", "diagnostics/annotations", "diagnostics/im2col", "diagnostics/layout"]
  static let files: [URL] = folders.flatMap { SyntaxFixtures.pythonFiles(in: $0) }

  @Test func fixturesExist() {
    #expect(Self.files.count >= 20, "expected the diagnostic fixtures under Tests/Fixtures/diagnostics")
  }

  @Test(arguments: files)
  func fixtureMatchesItsExpectations(_ url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    let produced = DiagnosticFixtures.produced(DiagnosticFixtures.analyzeFixture(text))
    let expected = DiagnosticFixtures.expectations(in: text)
    if SyntaxFixtures.isUpdateMode {
      // Inserting caret lines moves the lines that specialization notes quote: rewrite until nothing changes.
      var current = text
      for _ in 0..<4 {
        let next = DiagnosticFixtures.rewrite(
          current, with: DiagnosticFixtures.produced(DiagnosticFixtures.analyzeFixture(current)))
        if next == current { break }
        current = next
      }
      if current != text { try current.write(to: url, atomically: false, encoding: .utf8) }
      return
    }
    let missing = expected.filter { !produced.contains($0) }
    let unexpected = produced.filter { !expected.contains($0) }
    for m in missing {
      Issue.record(
        "expected but not produced: \(m)",
        sourceLocation: SourceLocation(
          fileID: "fixtures/\(url.lastPathComponent)", filePath: url.path, line: m.line, column: m.startColumn + 1))
    }
    for u in unexpected {
      Issue.record(
        "produced but not expected: \(u)",
        sourceLocation: SourceLocation(
          fileID: "fixtures/\(url.lastPathComponent)", filePath: url.path, line: u.line, column: u.startColumn + 1))
    }
  }
}
