// Tests about the code base itself: registry and docs agree, docs examples behave as documented, every code is
// exercised by a test, layers stay clean, and files follow the house rules (style guide §7).

import Foundation
import Testing
import TileLangAnalysis
import TileLangSyntax
import TileLangTestSupport

struct TidyTests {
  static let root = SyntaxFixtures.fixturesDirectory().deletingLastPathComponent().deletingLastPathComponent()

  static func read(_ relative: String) -> String {
    (try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)) ?? ""
  }

  static func swiftFiles(under folder: String) -> [String] {
    let base = root.appendingPathComponent(folder)
    guard let e = FileManager.default.enumerator(atPath: base.path) else { return [] }
    var out: [String] = []
    while let rel = e.nextObject() as? String {
      if rel.hasSuffix(".swift") || rel.hasSuffix(".py") { out.append(folder + "/" + rel) }
    }
    return out.sorted()
  }

  // MARK: - Diagnostic registry and docs/diagnostics.md

  /// `## TL101 copy-loop-smaller-than-source` headings, in order.
  static var documentedCodes: [(code: String, name: String)] {
    read("docs/diagnostics.md").split(separator: "\n").compactMap { line in
      guard line.hasPrefix("## TL") else { return nil }
      let parts = line.dropFirst(3).split(separator: " ")
      return parts.count >= 2 ? (String(parts[0]), String(parts[1])) : nil
    }
  }

  @Test func registryAndDocsListTheSameCodesInTheSameOrder() {
    let registry = DiagnosticCode.allCases.map { ($0.rawValue, $0.name) }
    let docs = Self.documentedCodes
    #expect(
      registry.map(\.0) == docs.map(\.code),
      "docs/diagnostics.md headings must list every code of DiagnosticCode, sorted")
    for (r, d) in zip(registry, docs) where r.0 == d.code {
      #expect(r.1 == d.name, "\(r.0): registry name \(r.1), docs name \(d.name)")
    }
  }

  @Test func registryIsSortedAndNamesAreKebabCase() {
    let codes = DiagnosticCode.allCases.map(\.rawValue)
    #expect(codes == codes.sorted())
    for c in DiagnosticCode.allCases {
      #expect(
        c.name.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil, "\(c.rawValue) \(c.name)")
    }
  }

  /// Each section's *Fails* block fires its code and its *Passes* block does not (blocks tagged `python compiler`
  /// need the real compiler and are exercised by the CompilerBridge tests instead).
  @Test func docsExamplesBehaveAsDocumented() {
    let doc = Self.read("docs/diagnostics.md")
    let sections = doc.components(separatedBy: "\n## ").dropFirst()
    var checked = 0
    for section in sections {
      let code = String(section.prefix { $0 != " " })
      guard let dc = DiagnosticCode(rawValue: code) else { continue }
      for (label, shouldFire) in [("*Fails*", true), ("*Passes*", false)] {
        guard let r = section.range(of: label) else {
          Issue.record("\(code): missing \(label) example")
          continue
        }
        let after = section[r.upperBound...]
        guard let open = after.range(of: "```python") else {
          Issue.record("\(code): \(label) has no python block")
          continue
        }
        let infoLine = after[open.upperBound...].prefix { $0 != "\n" }
        let bodyStart = after[open.upperBound...].dropFirst(infoLine.count + 1)
        guard let close = bodyStart.range(of: "\n```") else { continue }
        let body = String(bodyStart[..<close.lowerBound])
        if infoLine.contains("compiler") || infoLine.contains("no-check") { continue }
        let analysis = analyze(text: body, settings: DiagnosticFixtures.settings(for: body))
        let fired = analysis.diagnostics.contains { $0.code == dc }
        #expect(
          fired == shouldFire,
          "\(code) \(label) example \(shouldFire ? "does not fire" : "fires"): \(analysis.diagnostics.map { "\($0.code.rawValue): \($0.message)" })"
        )
        checked += 1
      }
    }
    #expect(checked >= 70)
  }

  @Test func everyCodeIsExercisedByATest() {
    var corpus = ""
    for folder in [
      "Tests/Fixtures", "Tests/TileLangSyntaxTests", "Tests/CompilerBridgeTests", "Tests/EndToEndTests",
      "Tests/LanguageServerTests",
    ] {
      for f in Self.swiftFiles(under: folder) + Self.allFiles(under: folder, suffix: ".json") { corpus += Self.read(f) }
    }
    for c in DiagnosticCode.allCases {
      #expect(corpus.contains(c.rawValue), "\(c.rawValue) (\(c.name)) appears in no fixture or test")
    }
  }

  static func allFiles(under folder: String, suffix: String) -> [String] {
    let base = root.appendingPathComponent(folder)
    guard let e = FileManager.default.enumerator(atPath: base.path) else { return [] }
    var out: [String] = []
    while let rel = e.nextObject() as? String { if rel.hasSuffix(suffix) { out.append(folder + "/" + rel) } }
    return out
  }

  // MARK: - Layer hygiene

  @Test func syntaxAndAnalysisDoNoIOAndKnowNoProtocol() {
    let forbidden = [
      "JSONSerialization", "JSONEncoder", "JSONDecoder", "Process(", "FileHandle", "print(", "LSP", "FileManager",
    ]
    for f in Self.swiftFiles(under: "Sources/TileLangSyntax") + Self.swiftFiles(under: "Sources/TileLangAnalysis") {
      let text = Self.read(f)
      for word in forbidden where text.contains(word) {
        Issue.record("\(f) mentions \(word): the syntax and analysis layers do no IO and know nothing of LSP or JSON")
      }
    }
  }

  @Test func lowerLayersImportNoUpperLayer() {
    let rules: [(folder: String, forbidden: [String])] = [
      ("Sources/TileLangSyntax", ["import TileLangAnalysis", "import LanguageServer", "import CompilerBridge"]),
      ("Sources/TileLangAnalysis", ["import LanguageServer", "import CompilerBridge"]),
      ("Sources/CompilerBridge", ["import TileLangAnalysis", "import LanguageServer"]),
    ]
    for (folder, forbidden) in rules {
      for f in Self.swiftFiles(under: folder) {
        let text = Self.read(f)
        for word in forbidden where text.contains(word) { Issue.record("\(f): \(word) breaks the layering") }
      }
    }
  }

  @Test func lspMethodStringsLiveOnlyInTheLanguageServer() {
    for folder in ["Sources/TileLangSyntax", "Sources/TileLangAnalysis", "Sources/CompilerBridge", "Sources/tl-lsp"] {
      for f in Self.swiftFiles(under: folder) where Self.read(f).contains("\"textDocument/") {
        Issue.record("\(f) contains an LSP method string")
      }
    }
  }

  // MARK: - File discipline

  static let longFileAllowlist: [String: String] = [:]

  @Test func filesHaveHeadersStayShortAndClean() {
    for folder in [
      "Sources", "Tests/TileLangSyntaxTests", "Tests/TileLangAnalysisTests", "Tests/CompilerBridgeTests",
      "Tests/LanguageServerTests", "Tests/EndToEndTests", "Tests/TidyTests",
    ] {
      for f in Self.swiftFiles(under: folder) where f.hasSuffix(".swift") && !f.hasSuffix("TidyTests.swift") {
        let text = Self.read(f)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if !(lines.first?.hasPrefix("//") ?? false) {
          Issue.record("\(f): first line must be a comment saying what the file holds")
        }
        if lines.count > 600, Self.longFileAllowlist[f] == nil {
          Issue.record("\(f): \(lines.count) lines (limit 600)")
        }
        for (i, l) in lines.enumerated() {
          if l.hasSuffix(" ") || l.hasSuffix("\t") { Issue.record("\(f):\(i + 1): trailing whitespace") }
          if (l.contains("TODO") || l.contains("FIXME"))
            && l.range(of: #"(TODO|FIXME)\(#\d+\)"#, options: .regularExpression) == nil
          {
            Issue.record("\(f):\(i + 1): TODO/FIXME without an issue number, write TODO(#N)")
          }
        }
      }
    }
  }
}
