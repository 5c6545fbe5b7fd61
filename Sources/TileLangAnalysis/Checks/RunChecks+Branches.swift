// Findings of a kernel run that sit in a branch the front end may never build: an `if` on a Python value the
// interpreter could not decide (KernelRun.undecidedHostBranches, recorded by Interpreter.execIf).

import TileLangSyntax

extension RunChecks {
  /// Errors inside one branch of an undecided Python-valued `if` that the other branch does not have too (same code
  /// and message) become warnings that say so: the compiler fails only if it builds that branch, which depends on a
  /// value tl-lsp cannot evaluate (a config object's flag, a parameter no call in the file binds).
  static func undecidedBranchesWeighed(_ diagnostics: [Diagnostic], _ run: KernelRun, source: SourceText)
    -> [Diagnostic]
  {
    guard !run.undecidedHostBranches.isEmpty else { return diagnostics }
    func inside(_ d: Diagnostic, _ r: TextRange?) -> Bool {
      guard let r else { return false }
      return r.start <= d.range.start && d.range.end <= r.end
    }
    var out = diagnostics
    for (then, orElse, test) in run.undecidedHostBranches {
      let a = out.filter { inside($0, then) }
      let b = out.filter { inside($0, orElse) }
      func both(_ d: Diagnostic, _ other: [Diagnostic]) -> Bool {
        other.contains { $0.code == d.code && $0.message == d.message }
      }
      let line = source.line(of: test.start) + 1
      for i in out.indices where out[i].severity == .error {
        let d = out[i]
        guard (inside(d, then) && !both(d, b)) || (inside(d, orElse) && !both(d, a)) else { continue }
        out[i].severity = .warning
        out[i].message +=
          " (in a branch of the `if` on line \(line), whose condition `\(source.text(test))` tl-lsp cannot evaluate: the compiler fails only if it builds this branch)"
      }
    }
    return out
  }
}
