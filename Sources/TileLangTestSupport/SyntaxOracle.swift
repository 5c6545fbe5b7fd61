// Test helpers for the syntax layer: the `.tree` dump, tree invariants, the oracle projection onto
// CPython `ast` node names, and a batch runner for Tests/Fixtures/oracle/ast_dump.py.

import Foundation
import TileLangSyntax

extension SyntaxFixtures {
  // MARK: - Dump

  /// One node per line (`Kind start..end text`), indented by depth, then `error <offset>: <message>` lines.
  public static func treeDump(_ file: ParsedFile) -> String {
    var out = ""
    func short(_ r: TextRange) -> String {
      var t = file.source.text(r)
      if t.count > 40 { t = String(t.prefix(37)) + "..." }
      return t.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
    func walk(_ v: SyntaxNodeView, _ level: Int) {
      out += String(repeating: "  ", count: level) + "\(v.name) \(v.range.start)..\(v.range.end) \(short(v.range))\n"
      for c in v.children { walk(c, level + 1) }
    }
    for v in views(file) { walk(v, 0) }
    for d in file.diagnostics { out += "error \(d.range.start): \(d.message)\n" }
    return out
  }

  // MARK: - Invariants

  /// Violations of: children nest inside their parents; sibling ranges start in increasing order.
  public static func invariantViolations(_ file: ParsedFile) -> [String] {
    var problems: [String] = []
    func check(_ siblings: [SyntaxNodeView], parent: SyntaxNodeView?) {
      var lastStart = parent?.range.start ?? 0
      for v in siblings {
        if let p = parent, !p.range.contains(v.range) {
          problems.append("\(v.name) \(v.range) is not inside \(p.name) \(p.range)")
        }
        if v.range.start < lastStart {
          problems.append("\(v.name) \(v.range) starts before its previous sibling (\(lastStart))")
        }
        if v.range.end > file.source.count {
          problems.append("\(v.name) \(v.range) ends past the file")
        }
        lastStart = v.range.start
        check(v.children, parent: v)
      }
    }
    check(views(file), parent: nil)
    return problems
  }

  // MARK: - Oracle

  /// `Kind start end` for every node CPython's `ast` would list, sorted canonically.
  public static func oracleLines(_ file: ParsedFile) -> [String] {
    var rows: [(Int, Int, String)] = []
    func walk(_ v: SyntaxNodeView) {
      if v.emit { rows.append((v.range.start, v.range.end, v.name)) }
      if v.descend { v.children.forEach(walk) }
    }
    views(file).forEach(walk)
    return sortedOracle(rows)
  }

  static func sortedOracle(_ rows: [(Int, Int, String)]) -> [String] {
    rows.sorted { a, b in
      if a.0 != b.0 { return a.0 < b.0 }
      if a.1 != b.1 { return a.1 > b.1 }
      return a.2 < b.2
    }.map { "\($0.2) \($0.0) \($0.1)" }
  }

  /// What CPython said about one file: its node lines, or the 1-based line of its SyntaxError.
  public enum OracleResult: Sendable, Equatable {
    case nodes([String])
    case syntaxError(line: Int)
  }

  public enum OracleError: Error, CustomStringConvertible {
    case pythonMissing(String)
    case badOutput(String)
    public var description: String {
      switch self {
      case .pythonMissing(let why):
        return "python3 is required by the oracle test and could not be run (\(why)); install Python 3.11"
      case .badOutput(let why): return "unexpected output from ast_dump.py: \(why)"
      }
    }
  }

  /// Runs `ast_dump.py` once over all `paths`.
  public static func runOracle(_ paths: [String]) throws -> [String: OracleResult] {
    let script = fixturesDirectory().appendingPathComponent("oracle/ast_dump.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script] + paths
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    do { try process.run() } catch { throw OracleError.pythonMissing("\(error)") }
    let data = outPipe.fileHandleForReading.readDataToEndOfFile()
    let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw OracleError.pythonMissing(
        "exit \(process.terminationStatus): \(String(decoding: errData, as: UTF8.self).prefix(300))")
    }
    var results: [String: OracleResult] = [:]
    var current: String?
    var rows: [(Int, Int, String)] = []
    func flush() {
      if let c = current, results[c] == nil { results[c] = .nodes(sortedOracle(rows)) }
      rows = []
    }
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("=== ") {
        flush()
        current = String(line.dropFirst(4))
      } else if line.hasPrefix("SYNTAXERROR ") {
        if let c = current { results[c] = .syntaxError(line: Int(line.dropFirst(12)) ?? 0) }
      } else {
        let parts = line.split(separator: " ")
        guard parts.count == 3, let s = Int(parts[1]), let e = Int(parts[2]) else {
          throw OracleError.badOutput(String(line))
        }
        rows.append((s, e, String(parts[0])))
      }
    }
    flush()
    return results
  }

  /// Compares our parse with CPython's verdict; returns human-readable problems (empty when they agree).
  public static func compareWithOracle(_ file: ParsedFile, _ oracle: OracleResult) -> [String] {
    switch oracle {
    case .nodes(let expected):
      var problems = file.diagnostics.map {
        "CPython accepts the file but we report \($0.code.rawValue) at \($0.range.start): \($0.message)"
      }
      let actual = oracleLines(file)
      if actual != expected {
        let missing = expected.filter { !actual.contains($0) }.prefix(8)
        let extra = actual.filter { !expected.contains($0) }.prefix(8)
        problems.append("tree differs from CPython ast; missing: \(Array(missing)) extra: \(Array(extra))")
      }
      return problems
    case .syntaxError(let line):
      let lines = file.diagnostics.filter { $0.code == .TL001 || $0.code == .TL002 }.map {
        file.source.line(of: $0.range.start) + 1
      }
      if lines.contains(line) { return [] }
      return ["CPython reports a SyntaxError on line \(line); our syntax errors are on lines \(lines)"]
    }
  }
}
