// Differential test against the real compiler (tilelang 0.1.15 in .venv-tilelang, made by
// scripts/setup-tilelang.sh): for every fixture kernel and target, the compiler rejects it ⇔ tl-lsp reports an
// error for it, on the line the compiler points at when it points at one.

import Foundation
import Testing
import TileLangTestSupport

struct CompilerDifferentialTests {
  static let targets = ["sm_80", "sm_90", "sm_100"]

  @Test func compilerRejectsExactlyWhereTlLspReportsErrors() throws {
    let python = CompilerVerdicts.venvPython
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      Issue.record("missing \(python.path): run scripts/setup-tilelang.sh (the README test command does)")
      return
    }
    var files = DiagnosticFixtureTests.folders.flatMap { SyntaxFixtures.pythonFiles(in: $0) }
    for name in ["gemm.py", "conv_im2col.py", "copy_mistakes.py"] {
      files.append(CompilerVerdicts.packageRoot.appendingPathComponent("examples/\(name)"))
    }
    let verdicts = try CompilerVerdicts.run(files, targets: Self.targets)
    var outcomes: [DifferentialOutcome] = []
    for f in files {
      let text = try String(contentsOf: f, encoding: .utf8)
      guard let v = verdicts[f.path] else {
        Issue.record("the compiler driver returned nothing for \(f.lastPathComponent)")
        continue
      }
      outcomes += CompilerVerdicts.compare(file: f, text: text, verdicts: v, targets: Self.targets)
    }
    let agreeing = outcomes.filter(\.agrees).count
    let rejected = outcomes.filter { $0.compilerError != nil }.count
    print(
      "compiler differential: \(agreeing)/\(outcomes.count) kernel×target verdicts agree (\(rejected) rejected by the compiler)"
    )
    for o in outcomes where !o.agrees { Issue.record("\(o)") }
    #expect(outcomes.count >= 80)
  }
}
