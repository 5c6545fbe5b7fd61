// Scans the lowering cannot handle (TL419). `T.cumsum` / `T.cummax` of a fragment is staged through a shared tile of
// the same shape (language/scan_op.py `_scan_fragment`); otherwise the op is lowered as written, and the shared scan
// lowering (backend/common/op/scan.h `LowerSharedScan`) takes only a shared source with a shared destination, over a
// region of 1 or 2 dimensions (a region keeps every dimension of its buffer, unit ones included). Checked with 0.1.15 on sm_80, sm_90
// and sm_100 for global, local, shared and fragment buffers, regions of 3-D tiles and unit leading dimensions.

import TileLangSyntax

enum ScanLowering {
  /// Emits TL419 on each scan the front end accepts but lowering rejects.
  static func check(_ run: KernelRun) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for call in run.tileOpCalls
    where call.op.hasPrefix("cum") && !call.undecided && TileOpArguments.diagnostics(for: call).isEmpty {
      // A point (`x[0]`) is not judged; an absent or None `dst` is the source.
      let src: Buffer
      switch call.operands.first {
      case .buffer(let b)?, .region(let b, _, _)?: src = b
      default: continue
      }
      let dst: Buffer
      switch call.operands.count > 1 ? call.operands[1] : .notBuffer {
      case .notBuffer: dst = src
      case .buffer(let b), .region(let b, _, _), .point(let b, _): dst = b
      case .unknown: continue
      }
      let range = TileOpArguments.operandRange(call, 0)
      let pretty = call.op == "cumsum" ? "CumSum" : "CumMax"
      if src.scope.isFragment || src.scope.isShared {
        if src.scope.isShared, !dst.scope.isShared, [.global, .fragment, .local, .localVar].contains(dst.scope) {
          out.append(
            Diagnostic(
              .TL419,
              "T.\(call.op) reads \(src.name) (\(src.scope.name)) into \(dst.name) (\(dst.scope.name)): a scan of shared memory must write shared memory, and lowering fails (\"Check failed: (IsSharedBuffer(op.dst)) is false\"); scan \(src.name) in place and T.copy it to \(dst.name)",
              at: TileOpArguments.operandRange(call, 1)))
        } else if src.rank > 2 {
          let staged = src.scope.isFragment ? " (the fragment is staged through a shared tile of that shape)" : ""
          out.append(
            Diagnostic(
              .TL419,
              "T.\(call.op) scans \(src.rank) dimensions of \(src.name) \(src.shapeText)\(staged): the scan lowering handles 1-D and 2-D buffers only (\"\(pretty) currently supports only 1D or 2D buffers, got \(src.rank)D.\"); scan a 2-D tile (one per leading index)",
              at: range))
        }
      } else if [.global, .local, .localVar].contains(src.scope) {
        out.append(
          Diagnostic(
            .TL419,
            "T.\(call.op) scans \(src.name) (\(src.scope.name)) \(dst === src ? "in place" : "into \(dst.name) (\(dst.scope.name))"): scans run on shared memory (or on a fragment, staged through it), and lowering fails (\"Cannot lower \(call.op) for \(src.scope.name) and \(dst.scope.name)\"); T.copy \(src.name) into a T.alloc_shared tile, scan it there and copy the result out",
            at: range))
      }
    }
    return out
  }
}
