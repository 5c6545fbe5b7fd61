// Mutant differentials against the real compiler: seeded kernels that neither the fixtures nor the corpus contain
// (Tests/Support/mutants.py), judged by tilelang 0.1.15 for sm_80 and sm_90: tl-lsp's errors must agree on ≥ 99 %,
// and its predicted lowerings on ≥ 95 % of paths and ≥ 90 % of SIMT vector widths.

import Foundation
import Testing
import TileLangTestSupport

struct MutantDifferentialTests {
  static let targets = ["sm_80", "sm_90", "sm_100"]

  /// Generates the mutants into a fresh temporary folder; nil (and a recorded issue) without the compiler venv.
  /// `TL_MUTANT_SEED` explores other kernels (the default seed is what CI runs).
  static func generate(_ name: String) throws -> (dir: URL, files: [URL])? {
    let python = CompilerVerdicts.venvPython
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      Issue.record("missing \(python.path): run scripts/setup-tilelang.sh (the README test command does)")
      return nil
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tl-lsp-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let seed = ProcessInfo.processInfo.environment["TL_MUTANT_SEED"] ?? "2026"
    generator.arguments = [
      "python3", CompilerVerdicts.packageRoot.appendingPathComponent("Tests/Support/mutants.py").path, dir.path, seed,
    ]
    try generator.run()
    generator.waitUntilExit()
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
      .map { dir.appendingPathComponent($0) }
    return (dir, files)
  }

  @Test func tlLspAgreesWithTheCompilerOnGeneratedKernels() throws {
    guard let (dir, files) = try Self.generate("mutants") else { return }
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(files.count == 14)
    let verdicts = try CompilerVerdicts.run(files, targets: Self.targets)
    var outcomes: [DifferentialOutcome] = []
    for f in files {
      outcomes += CompilerVerdicts.compare(
        file: f, text: try String(contentsOf: f, encoding: .utf8), verdicts: verdicts[f.path] ?? [],
        targets: Self.targets)
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

  @Test func plannedLoweringsMatchTheCompilerOnGeneratedKernels() throws {
    guard let (dir, all) = try Self.generate("lowering-mutants") else { return }
    defer { try? FileManager.default.removeItem(at: dir) }
    // The valid-looking copies and the im2col family (the broken family mostly does not lower).
    let files = all.filter { !$0.lastPathComponent.hasPrefix("broken") }
    let verdicts = try LoweringVerdicts.run(files, targets: Self.targets)
    var outcomes: [LoweringOutcome] = []
    for f in files {
      outcomes += LoweringVerdicts.compare(
        file: f, text: try String(contentsOf: f, encoding: .utf8), compiler: verdicts[f.path] ?? [:],
        targets: Self.targets)
    }
    var summary: [String] = []
    for t in Self.targets {
      let mine = outcomes.filter { $0.target == t }
      let agree = mine.filter(\.pathAgrees).count
      summary.append("\(agree)/\(mine.count) on \(t)")
      #expect(mine.count >= 200, "too few copies compared on \(t)")
      #expect(Double(agree) >= 0.95 * Double(mine.count), "path agreement on \(t) below 95%")
    }
    let widths = outcomes.compactMap(\.widthAgrees)
    let widthAgree = widths.filter { $0 }.count
    print(
      "mutant lowering differential: paths \(summary.joined(separator: ", ")); widths \(widthAgree)/\(widths.count)")
    for o in outcomes where !o.pathAgrees || o.widthAgrees == false { print("  \(o)") }
    #expect(Double(widthAgree) >= 0.90 * Double(widths.count), "vector width agreement below 90%")
  }
}
