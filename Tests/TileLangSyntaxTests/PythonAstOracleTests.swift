// Oracle tests: our tree, projected onto CPython `ast` node names and byte spans, must equal what
// Tests/Fixtures/oracle/ast_dump.py prints for every parser fixture and for deterministically broken
// copies of the ok fixtures; where CPython rejects a file we must report a syntax error on its line.

import Foundation
import TileLangSyntax
import TileLangTestSupport
import Testing

struct PythonAstOracleTests {
  /// Files whose first line is `# oracle: py312` use syntax the 3.11 oracle rejects; for them only the
  /// "CPython accepts" direction is skipped.
  static func isPy312(_ bytes: [UInt8]) -> Bool {
    String(decoding: bytes.prefix(40), as: UTF8.self).hasPrefix("# oracle: py312")
  }

  @Test func fixturesAgreeWithCPythonAst() throws {
    let files = SyntaxFixtures.pythonFiles(in: "parser/ok") + SyntaxFixtures.pythonFiles(in: "parser/err")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-oracle-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    let broken = try brokenVariants(of: SyntaxFixtures.pythonFiles(in: "parser/ok"), into: dir)
    let all = files.map(\.path) + broken
    let oracle = try SyntaxFixtures.runOracle(all)
    var compared = 0
    for path in all {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
      guard let verdict = oracle[path] else {
        Issue.record("no oracle output for \(path)")
        continue
      }
      if case .syntaxError = verdict, Self.isPy312(bytes) { continue }
      let file = parse(bytes: bytes)
      for problem in SyntaxFixtures.compareWithOracle(file, verdict) {
        Issue.record("\(path): \(problem)")
      }
      compared += 1
    }
    #expect(compared >= 40)
  }

  /// Copies of the ok fixtures with one `:`, `)` or indentation space deleted (seeded, deterministic).
  private func brokenVariants(of files: [URL], into dir: URL) throws -> [String] {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var rng = SeededGenerator(seed: 20_240_601)
    var out: [String] = []
    for url in files {
      let bytes = [UInt8](try Data(contentsOf: url))
      if Self.isPy312(bytes) { continue }
      let targets: [(String, (Int) -> Bool)] = [
        ("colon", { bytes[$0] == UInt8(ascii: ":") }),
        ("paren", { bytes[$0] == UInt8(ascii: ")") }),
        ("indent", { bytes[$0] == UInt8(ascii: " ") && ($0 == 0 || bytes[$0 - 1] == 0x0A) }),
      ]
      for (name, matches) in targets {
        let candidates = bytes.indices.filter(matches)
        for k in 0..<3 where !candidates.isEmpty {
          let victim = candidates[Int(rng.next() % UInt64(candidates.count))]
          var copy = bytes
          copy.remove(at: victim)
          let path = dir.appendingPathComponent("\(url.deletingPathExtension().lastPathComponent)-\(name)\(k).py")
          try Data(copy).write(to: path)
          out.append(path.path)
        }
      }
    }
    return out
  }
}

/// A tiny deterministic generator (SplitMix64) so broken variants are the same on every run.
struct SeededGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
