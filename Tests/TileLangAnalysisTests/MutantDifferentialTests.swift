// Mutant differential against the real compiler: seeded kernels that neither the fixtures nor the corpus contain
// (Tests/Support/mutants.py), judged by tilelang 0.1.15 for sm_80 and sm_90; tl-lsp must agree on ≥ 99 %.

import Foundation
import Testing
import TileLangTestSupport

struct MutantDifferentialTests {
  @Test func tlLspAgreesWithTheCompilerOnGeneratedKernels() throws {
    let python = CompilerVerdicts.venvPython
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      Issue.record("missing \(python.path): run scripts/setup-tilelang.sh (the README test command does)")
      return
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tl-lsp-mutants-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // TL_MUTANT_SEED explores other kernels (the default seed is what CI runs).
    let seed = ProcessInfo.processInfo.environment["TL_MUTANT_SEED"] ?? "2026"
    generator.arguments = [
      "python3", CompilerVerdicts.packageRoot.appendingPathComponent("Tests/Support/mutants.py").path, dir.path, seed,
    ]
    try generator.run()
    generator.waitUntilExit()
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
      .map { dir.appendingPathComponent($0) }
    #expect(files.count == 14)
    let targets = ["sm_80", "sm_90"]
    let verdicts = try CompilerVerdicts.run(files, targets: targets)
    var outcomes: [DifferentialOutcome] = []
    for f in files {
      outcomes += CompilerVerdicts.compare(
        file: f, text: try String(contentsOf: f, encoding: .utf8), verdicts: verdicts[f.path] ?? [], targets: targets)
    }
    let agreeing = outcomes.filter(\.agrees).count
    let rejected = outcomes.filter { $0.compilerError != nil }.count
    print(
      "mutant differential: \(agreeing)/\(outcomes.count) kernel×target verdicts agree (\(rejected) rejected by the compiler)"
    )
    for o in outcomes where !o.agrees { print("mutant disagreement: \(o)") }
    #expect(outcomes.count >= 500)
    #expect(Double(agreeing) >= 0.99 * Double(outcomes.count), "agreement below 99 %")
  }
}
