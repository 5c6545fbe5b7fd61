// TL425: a `T.alloc_local` buffer (scope `local`) indexed by a `T.Parallel` loop variable. Local buffers are private to
// a thread and take no part in parallel layout inference, so 0.1.15's pre-lowering semantic check
// (analysis/parallel_local_index_checker.py) rejects any load or store of one whose index uses the variable of an
// enclosing `T.Parallel` loop, on every target, unless `tl.disable_prelower_semantic_check` is set ("[Tilelang
// Semantic Check] Local buffer `loc` is indexed by T.Parallel loop variable `j`"). An index free of those variables
// (`scale_local[0]`) is allowed. Judged on the index as written: a variable reached through a name bound to
// arithmetic on it is not followed.

import TileLangSyntax

extension Interpreter {
  /// Notes an element access `b[index]` of a local buffer whose index names a variable of an open `T.Parallel` loop.
  mutating func noteLocalParallelIndex(_ b: Buffer, _ index: Expr, _ env: Env, at range: TextRange) {
    guard run != nil, b.scope == .local, !openParallel.isEmpty else { return }
    let variables = Set(openParallel.flatMap { $0.variables?.map(\.name) ?? [] })
    var found: String?
    ASTWalker { e, _ in
      guard found == nil, case .name(let n) = e.kind, variables.contains(n),
        case .int(let v)? = env[n], v == SymExpr(variable: n)
      else { return }
      found = n
    }
    .walk(expression: index)
    if let found { run?.localParallelIndices.append((b.name, found, range)) }
  }
}

enum LocalParallelIndex {
  /// TL425 at each such access (the same on every target).
  static func check(_ run: KernelRun, passConfigs: PassConfigs) -> [Diagnostic] {
    guard !passConfigs.flag("tl.disable_prelower_semantic_check", default: false) else { return [] }
    return run.localParallelIndices.map { name, variable, range in
      Diagnostic(
        .TL425,
        "\(name) is a T.alloc_local buffer (private to each thread) indexed by \(variable), a T.Parallel loop variable: local buffers take no part in parallel layout inference, and the compiler's semantic check fails on every target (\"Local buffer `\(name)` is indexed by T.Parallel loop variable `\(variable)`\"); index it with T.serial / T.unroll loop variables, or allocate a fragment to spread that dimension over the threads",
        at: range)
    }
  }
}
