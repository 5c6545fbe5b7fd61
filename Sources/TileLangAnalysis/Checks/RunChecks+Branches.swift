// Findings of a kernel run that sit in a branch the front end may never build: an `if` on a Python value the
// interpreter could not decide (KernelRun.undecidedHostBranches, recorded by Interpreter.execIf).

import TileLangSyntax

extension RunChecks {
  /// Drops the findings inside one branch of an undecided Python-valued `if` (KernelRun.undecidedHostBranches) that
  /// the other branch does not have too (same code and message): the compiler may never build that branch.
  static func undecidedBranchesRemoved(_ diagnostics: [Diagnostic], _ run: KernelRun) -> [Diagnostic] {
    guard !run.undecidedHostBranches.isEmpty else { return diagnostics }
    func inside(_ d: Diagnostic, _ r: TextRange?) -> Bool {
      guard let r else { return false }
      return r.start <= d.range.start && d.range.end <= r.end
    }
    var out = diagnostics
    for (then, orElse) in run.undecidedHostBranches {
      let a = out.filter { inside($0, then) }
      let b = out.filter { inside($0, orElse) }
      func both(_ d: Diagnostic, _ other: [Diagnostic]) -> Bool {
        other.contains { $0.code == d.code && $0.message == d.message }
      }
      out.removeAll { d in (inside(d, then) && !both(d, b)) || (inside(d, orElse) && !both(d, a)) }
    }
    return out
  }
}
