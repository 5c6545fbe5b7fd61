// Fragments that `T.Parallel` loops lay out: how many contiguous elements each thread holds, which bounds the
// vector width of every later copy of them.

import TileLangSyntax

/// Layout inference (0.1.15 `ParallelOpNode::InferLayout`) gives a `T.Parallel` loop its layout from a fragment
/// that already has one (`ComputeLoopLayoutFromBuffer`: the last written such fragment, else the first read one), or,
/// when the loop is the first op to touch its fragments, from its own plan (`ComputePlanCandidate`), whose per-thread
/// runs are the loop's vector size (`GetVectorizeSize`): 128 bits (256 on sm_100 for a body that touches global and
/// no shared memory) over the widest dtype of its global and shared accesses (of all its accesses when the body is
/// more than one store or touches no memory), at most the innermost extent and the blocks its run-time conditions
/// stay constant on (`CheckConditionVectorized`), halved until the loop's points split evenly over the threads. Every fragment the loop touches that has no layout yet takes those runs (a float16 fragment
/// written from a float32 one a copy laid out at 4 lanes holds runs of 4), and a copy of it later runs on that layout
/// (`ComputeLoopLayoutFromBuffer` on the copy's SIMT loop), vectorizing no wider.
///
/// Followed: fragments that nothing but copies and `T.Parallel` loops touch (no gemm layout, reduction, annotation,
/// serial element access), in loops whose fragment accesses all sit at the loop's innermost variable; a loop with
/// anything else leaves its fragments to the rest of the planner.
struct ParallelLoopLayouts {
  /// Contiguous elements per thread of a fragment and where its layout comes from.
  struct Runs {
    var lanes: Int
    /// `c_f's layout comes from the T.Parallel loop on line 12 (...)`, or nil when a copy laid it out (those runs
    /// only feed later loops: the copy's own layout is `InheritedFragmentLayouts`' concern).
    var reason: String?
  }

  private struct State {
    var runs: [Int: Runs] = [:]
    /// Fragments whose layout comes from something not followed.
    var unknown: Set<Int> = []
    /// Loops of `run.parallelLoops` already laid out.
    var next = 0
  }

  private let shared: SharedRun
  var run: KernelRun { _read { yield shared.run } }
  let source: SourceText
  let passConfigs: PassConfigs
  /// Fragments whose layout something other than copies and loops sets.
  let elsewhere: Set<Int>
  private var states: [TargetArch: State] = [:]

  init(_ shared: SharedRun, facts: RunChecks.PlanningFacts, source: SourceText) {
    self.shared = shared
    self.source = source
    passConfigs = facts.passConfigs
    elsewhere = facts.gemmLayout.union(shared.run.annotatedLayouts).union(shared.run.callLaidOut).union(
      facts.replicated)
  }

  /// Lays out the loops that run before copy `event`, then returns the loop layout the copy runs on: its fragment
  /// side with the fewest contiguous elements per thread that a loop laid out.
  mutating func layout(forCopy event: Int, target: TargetArch) -> (lanes: Int, reason: String)? {
    var state = states[target] ?? State()
    defer { states[target] = state }
    let loops = run.parallelLoops
    while state.next < loops.count, loops[state.next].precedingEvents <= event {
      lay(loops[state.next], target: target, &state)
      state.next += 1
    }
    let found = run.events[event].operands.prefix(2).compactMap { operand -> (lanes: Int, reason: String)? in
      guard let b = operand.buffer, let r = state.runs[b.id], let reason = r.reason else { return nil }
      return (r.lanes, reason)
    }
    return found.min { $0.lanes < $1.lanes }
  }

  /// After copy `event` is planned: the fragments it touches first take its `lanes` (nil: not a vectorized SIMT
  /// copy, so their layout is not followed).
  mutating func record(copy event: Int, target: TargetArch, lanes: Int?) {
    var state = states[target] ?? State()
    defer { states[target] = state }
    for b in run.events[event].operands.prefix(2).compactMap(\.buffer) where b.scope.isFragment {
      guard state.runs[b.id] == nil, !state.unknown.contains(b.id) else { continue }
      if let lanes, !elsewhere.contains(b.id) {
        state.runs[b.id] = Runs(lanes: lanes, reason: nil)
      } else {
        state.unknown.insert(b.id)
      }
    }
  }

  private func lay(_ loop: ParallelLoop, target: TargetArch, _ state: inout State) {
    var fragments: [Buffer] = []
    for a in loop.accesses where !fragments.contains(where: { $0.id == a.buffer.id }) { fragments.append(a.buffer) }
    let open = fragments.filter { state.runs[$0.id] == nil }
    let line = source.line(of: loop.range.start) + 1
    let inner = loop.variables?.last.map { SymExpr(variable: $0.name) }
    guard let inner,
      fragments.allSatisfy({ !elsewhere.contains($0.id) && !state.unknown.contains($0.id) }),
      loop.accesses.allSatisfy({ $0.indices.last.flatMap { $0 } == inner })
    else {
      state.unknown.formUnion(open.map(\.id))
      return
    }
    let runs = state.runs
    let laidOut = { (a: ParallelLoop.Access) in runs[a.buffer.id] != nil }
    let lanes: Int
    let why: String
    if let from = loop.accesses.last(where: { $0.isWrite && laidOut($0) })
      ?? loop.accesses.first(where: { !$0.isWrite && laidOut($0) })
    {
      lanes = runs[from.buffer.id]!.lanes
      why = "which follows \(from.buffer.name)'s"
    } else if let own = ownRuns(loop, target: target) {
      (lanes, why) = own
    } else {
      state.unknown.formUnion(open.map(\.id))
      return
    }
    for b in open {
      let reason =
        "\(b.name)'s layout comes from the T.Parallel loop on line \(line) (\(lanes) contiguous element\(lanes == 1 ? "" : "s") per thread: \(why))"
      state.runs[b.id] = Runs(lanes: lanes, reason: reason)
    }
  }

  /// The loop's own vector size when it is the root of its fragments' layout, and what bounds it.
  func ownRuns(_ loop: ParallelLoop, target: TargetArch) -> (Int, String)? {
    guard let variables = loop.variables, let bits = loop.plannedBits, bits > 0 else { return nil }
    let extents = variables.compactMap { $0.extent?.constant }
    guard extents.count == variables.count, let innerExtent = extents.last, innerExtent > 0,
      let total = SafeArithmetic.product(extents)
    else { return nil }
    let wide =
      target.supportsVectorize256 && !passConfigs.disableVectorize256 && loop.touchesGlobal
      && !loop.touchesShared
    let maxBits = wide ? 256 : 128
    var v = VectorWidth.gcd(max(1, maxBits / bits), innerExtent)
    var why = "its widest access is \(bits)-bit, \(maxBits) bits at a time"
    if v > 1, loop.hasStridedMemoryAccess {
      v = 1
      why = "a global or shared access of its body is strided along \(variables.last!.name), which no vector covers"
    }
    if let c = loop.conditionLanes, c < v, let range = loop.limitingCondition {
      v = c
      let inner = variables.last!.name
      why = "its condition \(source.text(range)) changes within \(c * 2) consecutive \(inner)"
    }
    let threads = run.threads?.constant ?? 128
    while v > 1, threads > 0, total % (threads * v) != 0 {
      v /= 2
      why = "\(total) points do not split evenly over \(threads) threads at a wider width"
    }
    return (v, why)
  }
}
