// Recording copy-like calls: operands are evaluated the way tilelang's front end sees them
// (whole buffer, region, point load), keywords are kept with their syntax for ranges and fixes.

import TileLangSyntax

/// A problem the front end raises while evaluating a subscript (P1, P2).
enum SubscriptProblem: Sendable {
  case indexCount(buffer: Buffer, given: Int, range: TextRange)
  case sliceStep(range: TextRange)
}

extension Interpreter {
  mutating func recordCopy(
    _ op: String, _ call: Expr, _ callee: Expr, _ args: [Argument], _ a: CallArguments, _ env: inout Env
  ) {
    // Operand expressions: positional first, then `src=` / `dst=` (`img=` / `col=` for im2col).
    let names = op.containsUTF8("im2col") ? ["img", "col"] : ["src", "dst"]
    var operandExprs: [Expr] = args.filter { $0.name == nil && !$0.isDoubleStar }.prefix(2).map(\.value)
    for n in names.dropFirst(operandExprs.count) {
      if let arg = args.first(where: { $0.name == n }) { operandExprs.append(arg.value) }
    }
    var operands: [Operand] = []
    var problems: [SubscriptProblem] = []
    for e in operandExprs {
      let (o, p) = operand(e, &env)
      operands.append(o)
      problems.append(contentsOf: p)
    }
    // The source of a copy is read where the copy runs, its destination written.
    if let src = operands.first?.buffer { markConsumed(src.id) }
    if operands.count >= 2, let dst = operands[1].buffer { markWritten(dst.id, at: call.range) }
    var keywords: [String: (value: Value, argument: Argument)] = [:]
    for (k, arg) in a.keywordArgs { keywords[k] = (a.keywords[k] ?? .unknown, arg) }
    var event = CopyEvent(
      op: op, call: call, callee: callee, arguments: args, positional: a.positional, positionalArgs: a.positionalArgs,
      operands: operands, operandExprs: operandExprs, problems: problems, keywords: keywords, loops: loops,
      threads: opThreads, kernelCall: run?.kernelCall)
    event.conditionalInPipeline = openPipelined.last.map { runtimeIfDepth > $0.ifDepth } ?? false
    if let loop = openPipelined.last {
      let ifs = runtimeIfDepth - loop.ifDepth
      let ownStatement = loops.last?.range == loop.range && (ifs == 0 || (ifs == 1 && loop.guardedBody))
      event.nestedInPipelineBody = !ownStatement
    }
    if let n = run?.events.count { run?.layoutOps.append(.copy(n)) }
    run?.events.append(event)
  }

  /// Evaluates a copy operand as tilelang's `get_extent` sees it.
  mutating func operand(_ e: Expr, _ env: inout Env) -> (Operand, [SubscriptProblem]) {
    switch e.kind {
    case .subscript(let baseExpr, let index):
      guard case .buffer(let b) = eval(baseExpr, &env) else {
        noteLoopVariableIndices(in: index, env)  // TL219: the bounds below are not evaluated
        return (.unknown, [])
      }
      let indexExprs = index.subscriptIndices
      if indexExprs.contains(where: {
        if case .starred = $0.kind { return true }
        if case .ellipsis = $0.kind { return true }
        return false
      }) {
        return (.unknown, [])
      }
      var problems: [SubscriptProblem] = []
      if indexExprs.count != b.rank {
        problems.append(.indexCount(buffer: b, given: indexExprs.count, range: index.range))
        return (.unknown, problems)
      }
      var mins: [SymExpr?] = []
      var extents: [SymExpr?] = []
      var anySlice = false
      for (i, ix) in indexExprs.enumerated() {
        if case .slice(let lower, let upper, let step) = ix.kind {
          anySlice = true
          if let step, !isNoneLiteral(step) {
            problems.append(.sliceStep(range: ix.range))
          }
          let lo: SymExpr? = lower.map { varElement(eval($0, &env)).intValue } ?? SymExpr(constant: 0)
          let hi: SymExpr? = upper.map { varElement(eval($0, &env)).intValue } ?? b.shape[i]
          mins.append(lo)
          if let lo, let hi { extents.append(hi - lo) } else { extents.append(nil) }
        } else {
          mins.append(varElement(eval(ix, &env)).intValue)
          extents.append(SymExpr(constant: 1))
        }
      }
      if !problems.isEmpty { return (.unknown, problems) }
      return (anySlice ? .region(b, mins: mins, extents: extents) : .point(b, indices: mins), [])
    case .int, .float, .string, .bool, .none:
      return (.notBuffer, [])
    default:
      if case .buffer(let b) = eval(e, &env) { return (.buffer(b), []) }
      return (.unknown, [])
    }
  }

  private func isNoneLiteral(_ e: Expr) -> Bool {
    if case .none = e.kind { return true }
    return false
  }
}
