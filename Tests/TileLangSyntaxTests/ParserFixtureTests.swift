// Parser fixture tests: every Tests/Fixtures/parser/{ok,err}/*.py file against its sibling `.tree` dump,
// plus the error-count rule of its folder and the tree invariants. TL_UPDATE_FIXTURES=1 rewrites dumps.

import Foundation
import TileLangSyntax
import TileLangTestSupport
import Testing

struct ParserFixtureTests {
  static let okFiles = SyntaxFixtures.pythonFiles(in: "parser/ok")
  static let errFiles = SyntaxFixtures.pythonFiles(in: "parser/err")

  @Test func fixtureFoldersAreNotEmpty() {
    #expect(Self.okFiles.count >= 5)
    #expect(Self.errFiles.count >= 5)
  }

  @Test(arguments: okFiles)
  func okFixtureParsesWithoutErrors(_ url: URL) throws {
    let file = try check(url)
    for d in file.diagnostics {
      Issue.record(
        "unexpected \(d.code.rawValue) at \(d.range.start): \(d.message)",
        sourceLocation: location(url, file, d.range.start))
    }
  }

  @Test(arguments: errFiles)
  func errFixtureReportsErrorsAndKeepsLaterCode(_ url: URL) throws {
    let file = try check(url)
    #expect(!file.diagnostics.isEmpty, "\(url.lastPathComponent) must produce at least one error")
    // Nothing after an error is dropped: the last top-level statement reaches the last line of code.
    let lastCodeLine = file.source.lineCount - 2
    let lastStmtLine = file.body.last.map { file.source.line(of: $0.range.end) } ?? -1
    #expect(lastStmtLine >= lastCodeLine, "\(url.lastPathComponent): code after the errors is missing from the tree")
  }

  /// Parses `url`, checks invariants and compares (or rewrites) the `.tree` dump.
  private func check(_ url: URL) throws -> ParsedFile {
    let bytes = [UInt8](try Data(contentsOf: url))
    let file = parse(bytes: bytes)
    for problem in SyntaxFixtures.invariantViolations(file) {
      Issue.record("invariant: \(problem)", sourceLocation: location(url, file, 0))
    }
    let dump = SyntaxFixtures.treeDump(file)
    let treeURL = url.deletingPathExtension().appendingPathExtension("tree")
    if SyntaxFixtures.isUpdateMode {
      try dump.write(to: treeURL, atomically: false, encoding: .utf8)
      return file
    }
    let expected = (try? String(contentsOf: treeURL, encoding: .utf8)) ?? ""
    if expected != dump {
      let exp = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let act = dump.split(separator: "\n", omittingEmptySubsequences: false)
      let i = (0..<min(exp.count, act.count)).first { exp[$0] != act[$0] } ?? min(exp.count, act.count)
      let want = i < exp.count ? String(exp[i]) : "<end>"
      let got = i < act.count ? String(act[i]) : "<end>"
      let message: Comment =
        "\(treeURL.lastPathComponent) differs at line \(i + 1):\n  expected: \(want)\n  actual:   \(got)\n(run TL_UPDATE_FIXTURES=1 swift test to rewrite)"
      Issue.record(message, sourceLocation: location(url, file, 0))
    }
    return file
  }

  private func location(_ url: URL, _ file: ParsedFile, _ offset: Int) -> SourceLocation {
    let pos = file.source.utf8Position(offset)
    return SourceLocation(
      fileID: "TileLangSyntaxTests/\(url.lastPathComponent)", filePath: url.path, line: pos.line + 1,
      column: pos.column + 1)
  }
}
