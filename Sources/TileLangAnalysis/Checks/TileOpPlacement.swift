// Tile operations inside `T.Parallel` (TL413). tilelang's semantic check before lowering
// (tilelang/engine/semantic_check.py) allows only elementwise statements in a parallel loop: a `T.copy` of tiles, a
// `T.fill`, a reduction or a gemm there fails. A copy between two single elements is a plain store and is fine.

import TileLangSyntax

enum TileOpPlacement {
  /// Emits TL413 on each tile operation called inside a `T.Parallel` loop.
  static func check(_ run: KernelRun, source: SourceText) -> [Diagnostic] {
    var found: [(op: String, call: TextRange)] = run.tileOpsInParallel
    for e in run.events
    where e.loops.contains(where: \.isParallel) {
      if e.operands.count >= 2,
        case .scalar = CopyRegions.model(e.operands[0], e.operands[1], hasAnnotations: !e.keywords.isEmpty)
      {
        continue
      }
      found.append((e.op, e.call.range))
    }
    return found.sorted { $0.call.start < $1.call.start }.map { op in
      Diagnostic(
        .TL413,
        "T.\(op.op) is a tile operation, and a T.Parallel loop may only hold elementwise statements: the compiler fails (\"Only elementwise operations are allowed inside a parallel loop. Got a tile-op\"); call it outside the loop (index the loop's elements directly inside it)",
        at: op.call)
    }
  }
}
