// Lowering differential against the real compiler (tilelang 0.1.15 in .venv-tilelang, made by
// scripts/setup-tilelang.sh): per copy and target, the CUDA path and SIMT vector width tl-lsp plans vs. the compiler's.

import Foundation
import Testing
import TileLangTestSupport

struct LoweringDifferentialTests {
  static let targets = ["sm_80", "sm_90", "sm_100"]

  @Test func plannedLoweringsMatchTheCompiler() throws {
    let python = CompilerVerdicts.venvPython
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      Issue.record(
        "missing \(python.path): run scripts/setup-tilelang.sh first (the lowering differential needs the real compiler)"
      )
      return
    }
    var files = SyntaxFixtures.pythonFiles(in: "lowering")
    let examples = CompilerVerdicts.packageRoot.appendingPathComponent("examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
    for name in names.sorted() where name.hasSuffix(".py") && name != "gemm_eager.py" {
      files.append(examples.appendingPathComponent(name))
    }
    let verdicts = try LoweringVerdicts.run(files, targets: Self.targets)
    var outcomes: [LoweringOutcome] = []
    for f in files {
      let text = try String(contentsOf: f, encoding: .utf8)
      guard let v = verdicts[f.path] else {
        Issue.record("the lowering driver returned nothing for \(f.lastPathComponent)")
        continue
      }
      outcomes += LoweringVerdicts.compare(file: f, text: text, compiler: v, targets: Self.targets)
    }
    var summary: [String] = []
    var rates: [String: Double] = [:]
    for t in Self.targets {
      let mine = outcomes.filter { $0.target == t }
      let agree = mine.filter(\.pathAgrees).count
      rates[t] = mine.isEmpty ? 0 : Double(agree) / Double(mine.count)
      summary.append(String(format: "%.1f%% (%d/%d) on %@", 100 * (rates[t] ?? 0), agree, mine.count, t))
    }
    let widths = outcomes.compactMap(\.widthAgrees)
    let widthRate = widths.isEmpty ? 0 : Double(widths.filter { $0 }.count) / Double(widths.count)
    print(
      "lowering differential: path agreement " + summary.joined(separator: ", ")
        + String(format: "; vector width %.1f%% (%d/%d)", 100 * widthRate, widths.filter { $0 }.count, widths.count))
    for o in outcomes where !o.pathAgrees || o.widthAgrees == false { print("  \(o)") }
    for t in Self.targets {
      #expect((rates[t] ?? 0) >= 0.95, "path agreement on \(t) below 95%")
      #expect(outcomes.filter { $0.target == t }.count >= 40, "too few copies compared on \(t)")
    }
    #expect(widthRate >= 0.90, "vector width agreement below 90%")
  }
}
