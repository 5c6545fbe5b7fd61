// Diagnostic fixtures with inline caret expectations: parsing the `#   ^^^ warning TL102: message` lines,
// comparing them with what the analysis produces, and rewriting them in update mode.

import Foundation
import TileLangAnalysis
import TileLangSyntax

/// One expectation (or one produced diagnostic) in fixture form.
public struct FixtureExpectation: Hashable, Sendable, CustomStringConvertible {
  /// 1-based line of the code line the carets point at.
  public var line: Int
  /// 0-based start and end columns (Unicode scalars) on that line; `endLine` set when the range spans lines.
  public var startColumn: Int
  public var endColumn: Int
  public var endLine: Int?
  public var severity: String
  public var code: String
  public var message: String

  public var description: String {
    "line \(line) col \(startColumn)..<\(endColumn)\(endLine.map { " (to L\($0))" } ?? ""): \(severity) \(code): \(message)"
  }
}

public enum DiagnosticFixtures {
  /// Options from a `# fixture: target=sm_80,sm_90 arg=M=128 pass-config=tl.disable_tma_lower=true` header.
  public static func settings(for text: String) -> AnalysisSettings {
    var s = AnalysisSettings()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(5) {
      guard let r = line.range(of: "# fixture:") else { continue }
      for word in line[r.upperBound...].split(separator: " ") {
        let kv = word.split(separator: "=", maxSplits: 1).map(String.init)
        guard kv.count == 2 else { continue }
        switch kv[0] {
        case "target": s.targets = kv[1].split(separator: ",").compactMap { TargetArch(parsing: String($0)) }
        case "arg":
          let p = kv[1].split(separator: "=").map(String.init)
          if p.count == 2, let v = Int(p[1]) { s.arguments[p[0]] = v }
        case "pass-config":
          let p = kv[1].split(separator: "=").map(String.init)
          if p.count == 2 { s.passConfigs[p[0]] = p[1] == "true" }
        default: break
        }
      }
    }
    return s
  }

  static func isCaretLine(_ line: Substring) -> Bool {
    let t = line.drop { $0 == " " || $0 == "\t" }
    guard t.hasPrefix("#") else { return false }
    let rest = t.dropFirst().drop { $0 == " " }
    return rest.hasPrefix("^")
  }

  /// Parses the caret lines of a fixture.
  public static func expectations(in text: String) -> [FixtureExpectation] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [FixtureExpectation] = []
    var target = 0
    for (i, raw) in lines.enumerated() {
      guard isCaretLine(raw) else {
        target = i + 1
        continue
      }
      let chars = Array(raw)
      guard let start = chars.firstIndex(of: "^") else { continue }
      var end = start
      while end < chars.count, chars[end] == "^" { end += 1 }
      var rest = String(chars[end...]).trimmingCharacters(in: .whitespaces)
      var endLine: Int?
      if let r = rest.range(of: #" \(to L(\d+)\)$"#, options: .regularExpression) {
        endLine = Int(rest[r].dropFirst(5).dropLast())
        rest.removeSubrange(r)
      }
      let parts = rest.split(separator: " ", maxSplits: 2).map(String.init)
      guard parts.count >= 2 else { continue }
      let code = parts[1].hasSuffix(":") ? String(parts[1].dropLast()) : parts[1]
      out.append(
        FixtureExpectation(
          line: target, startColumn: start, endColumn: endLine == nil ? end : start + (end - start), endLine: endLine,
          severity: parts[0], code: code, message: parts.count > 2 ? parts[2] : ""))
    }
    return out
  }

  /// What the analysis produces, in fixture form (line numbers of the original file, caret lines ignored).
  public static func produced(_ analysis: FileAnalysis) -> [FixtureExpectation] {
    analysis.diagnostics.map { d in
      let a = analysis.source.scalarPosition(d.range.start)
      let b = analysis.source.scalarPosition(d.range.end)
      let multi = b.line != a.line
      let lineEnd = analysis.source.scalarPosition(analysis.source.lineRange(a.line).end).column
      return FixtureExpectation(
        line: a.line + 1, startColumn: a.column,
        endColumn: multi ? max(a.column + 1, lineEnd) : max(b.column, a.column + 1),
        endLine: multi ? b.line + 1 : nil, severity: d.severity.rawValue, code: d.code.rawValue,
        message: d.message)
    }
  }

  /// The fixture text with its caret lines replaced by `produced`.
  public static func rewrite(_ text: String, with produced: [FixtureExpectation]) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var byLine: [Int: [FixtureExpectation]] = [:]
    for p in produced { byLine[p.line, default: []].append(p) }
    var out: [String] = []
    for (i, raw) in lines.enumerated() {
      if isCaretLine(raw) { continue }
      let original = i + 1
      out.append(String(raw))
      let indent = String(raw.prefix { $0 == " " })
      for p in byLine[original] ?? [] {
        // A range one column into the line (`@` then a decorator) gets `#^` at the indent: a comment indented less
        // than a nested decorator breaks the front end's re-parse of the kernel's source.
        let tight = p.startColumn == indent.count + 1
        let hashColumn = tight ? indent.count : min(indent.count, max(0, p.startColumn - 2))
        let pad =
          String(repeating: " ", count: hashColumn) + "#"
          + String(repeating: " ", count: tight ? 0 : max(1, p.startColumn - hashColumn - 1))
        let carets = String(repeating: "^", count: max(1, p.endColumn - p.startColumn))
        out.append(pad + carets + " \(p.severity) \(p.code): \(p.message)" + (p.endLine.map { " (to L\($0))" } ?? ""))
      }
    }
    return out.joined(separator: "\n")
  }

  /// Analyzes a fixture with caret lines blanked out, so positions match the file as written.
  public static func analyzeFixture(_ text: String) -> FileAnalysis {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let cleaned = lines.map { isCaretLine($0) ? "" : String($0) }.joined(separator: "\n")
    let analysis = analyze(text: cleaned, settings: settings(for: text))
    return analysis
  }
}
