// Shared-memory budget (TL401): the peak of the kernel's live shared allocations — tiles written by a pipelined
// global→shared copy count `num_stages` times, buffers whose uses do not overlap share memory, as the compiler's
// allocation merging does — against the target's per-block limit.

import TileLangSyntax

enum SharedMemoryBudget {
  /// Emits TL401 when every live shared size is known and the peak exceeds the target's limit.
  static func check(_ run: KernelRun, target: TargetArch, source: SourceText) -> [Diagnostic] {
    var stagesOf: [Int: Int] = [:]
    for e in run.events where e.operands.count >= 2 {
      guard let src = e.operands[0].buffer, src.scope == .global, let dst = e.operands[1].buffer, dst.scope.isShared,
        let s = RunChecks.pipelineStages(e, run), s > 1
      else { continue }
      stagesOf[dst.id] = max(stagesOf[dst.id] ?? 1, s)
    }
    var shared: [(buffer: Buffer, bytes: Int, stages: Int, live: ClosedRange<Int>)] = []
    var seen = Set<Int>()
    for b in run.buffers where b.scope.isShared && !seen.contains(b.id) {
      seen.insert(b.id)
      guard let live = run.liveness[b.id] else { continue }
      guard let bytes = b.bytes else { return [] }
      shared.append((b, bytes, stagesOf[b.id] ?? 1, live))
    }
    // The peak over the points where some buffer's life begins.
    var peak = 0
    var peakSet: [(buffer: Buffer, bytes: Int, stages: Int, live: ClosedRange<Int>)] = []
    for point in Set(shared.map(\.live.lowerBound)) {
      let liveHere = shared.filter { $0.live.contains(point) }
      var total = 0
      for b in liveHere {
        guard let part = SafeArithmetic.multiply(b.bytes, b.stages) else { return [] }
        let (sum, overflow) = total.addingReportingOverflow(part)
        if overflow { return [] }
        total = sum
      }
      if total > peak {
        peak = total
        peakSet = liveHere
      }
    }
    let limit = target.sharedMemoryLimit
    guard peak > limit, let at = run.kernelCall ?? peakSet.first?.buffer.declarationRange else { return [] }
    let detail = peakSet.sorted { $0.bytes * $0.stages > $1.bytes * $1.stages }.prefix(4)
      .map { "\($0.buffer.name) \(formatBytes($0.bytes))\($0.stages > 1 ? " × \($0.stages) stages" : "")" }
    var message =
      "shared memory peaks at \(formatBytes(peak)) (\(detail.joined(separator: ", "))) live together, over \(target.rawValue)'s \(formatBytes(limit)) per block; the kernel will fail to launch [\(target.rawValue)]"
    if let p = run.instance.provenance { message += " (\(p))" }
    return [Diagnostic(.TL401, message, at: at)]
  }
}
