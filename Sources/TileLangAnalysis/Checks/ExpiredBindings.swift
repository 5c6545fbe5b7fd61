// TL223: a read of a kernel-body name whose binding to a TIR value was made inside a TIR loop or run-time `if` that
// has closed (the interpreter notes them: Interpreter+Scopes.swift). The front end fails on every target with
// "Immutable variable `acc` is used outside its defining region!".

import TileLangSyntax

enum ExpiredBindings {
  static func check(_ run: KernelRun) -> [Diagnostic] {
    run.expiredBindingReads.map { read in
      Diagnostic(
        .TL223,
        "\(read.name) was last bound inside a loop or run-time if that has ended, and the front end scopes that binding to it: reading it here fails (\"Immutable variable `\(read.name)` is used outside its defining region!\"); to accumulate across iterations, declare it with T.alloc_var before the loop",
        at: read.range)
    }
  }
}
