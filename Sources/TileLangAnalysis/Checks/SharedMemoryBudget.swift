// Shared-memory budget (TL401): the kernel's shared allocations, multi-buffered by `num_stages` when a pipelined
// copy writes them, against the target's per-block limit.

import TileLangSyntax

enum SharedMemoryBudget {
  /// Emits TL401 when every shared size is known and the sum exceeds the target's limit.
  static func check(_ run: KernelRun, target: TargetArch, source: SourceText) -> [Diagnostic] {
    var stagesOf: [Int: Int] = [:]
    for e in run.events where e.operands.count >= 2 {
      guard let dst = e.operands[1].buffer, dst.scope.isShared, let s = RunChecks.pipelineStages(e), s > 1 else { continue }
      stagesOf[dst.id] = max(stagesOf[dst.id] ?? 1, s)
    }
    var total = 0
    var parts: [(String, Int, Int)] = []
    var seen = Set<Int>()
    for b in run.buffers where b.scope.isShared && !seen.contains(b.id) {
      seen.insert(b.id)
      guard let bytes = b.bytes else { return [] }
      let stages = stagesOf[b.id] ?? 1
      total += bytes * stages
      parts.append((b.name, bytes, stages))
    }
    let limit = target.sharedMemoryLimit
    guard total > limit, let at = run.kernelCall ?? run.buffers.first(where: { $0.scope.isShared })?.declarationRange else { return [] }
    let detail = parts.sorted { $0.1 * $0.2 > $1.1 * $1.2 }.prefix(4).map { "\($0.0) \(formatBytes($0.1))\($0.2 > 1 ? " × \($0.2) stages" : "")" }
    var message = "shared memory \(formatBytes(total)) (\(detail.joined(separator: ", "))) exceeds \(target.rawValue)'s \(formatBytes(limit)) per block; the kernel will fail to launch [\(target.rawValue)]"
    if let p = run.instance.provenance { message += " (\(p))" }
    return [Diagnostic(.TL401, message, at: at)]
  }
}
