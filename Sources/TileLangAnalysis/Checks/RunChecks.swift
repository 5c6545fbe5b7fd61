// Runs every check over one kernel run and plans each copy's lowering per configured target.

import TileLangSyntax

enum RunChecks {
  static func check(
    _ shared: SharedRun, source: SourceText, settings: AnalysisSettings, buildLowerings: Bool = true
  ) -> ([Diagnostic], [LoweringInfo]) {
    let run = shared.run
    var diagnostics: [Diagnostic] = []
    var lowerings: [LoweringInfo] = []
    let passConfigs = PassConfigs(values: run.passConfigs)
    let targets = effectiveTargets(run, settings)
    var layouts = InheritedFragmentLayouts(run: shared, source: source)
    var freeLayouts = FreeFragmentLayouts(shared, excluding: layouts.copyLaidOut, source: source)
    layouts.facts = PlanningFacts(
      run, targets: targets, passConfigs: passConfigs, copyLaidOut: layouts.copyLaidOut, source: source)
    layouts.facts.freeLaidOut = freeLayouts.fragments
    layouts.facts.tmaStripes = TmaPlainLayouts.stripes(shared, targets: targets, facts: layouts.facts, source: source)
    let facts = layouts.facts
    let columnSums = ReductionSources.columnSums(run, reducedOnly: layouts.reducedOnly)
    var loopLayouts = ParallelLoopLayouts(shared, facts: facts, source: source)
    var lanes: [TargetArch: [Int: Int]] = [:]  // planned SIMT lanes of each copy event, per target (for TL416)
    let wantLanes = run.layoutOps.contains { if case .reduce = $0 { true } else { false } }
    for (index, event) in run.events.enumerated() {
      var c = CheckContext(source: source, run: shared, event: event)
      CopyExtents.checkSubscripts(&c)
      if event.op == "im2col" || event.op == "c2d_im2col" {
        _ = CopyAnnotationsCheck.check(&c)
        for (i, t) in targets.enumerated() {
          if let l = Im2colCheck.check(&c, target: t, firstTarget: i == 0), buildLowerings { lowerings.append(l) }
        }
      } else {
        let ann = CopyAnnotationsCheck.check(&c)
        if event.op == "copy_cluster", event.operands.count >= 2 {
          // T.copy_cluster shares the front end (_normalize_copy_regions) but lowers through the cluster path.
          let model = CopyRegions.model(event.operands[0], event.operands[1], hasAnnotations: !ann.isEmpty)
          CopyExtents.check(&c, model: model, frontEndOnly: true)
        } else if event.operands.count >= 2 {
          let model = CopyRegions.model(event.operands[0], event.operands[1], hasAnnotations: !ann.isEmpty)
          CopyExtents.check(&c, model: model)
          for t in targets {
            // A copy warp specialisation moves into the producer branch copies into a per-thread `local` clone of
            // its fragment (producerFragmentCopies).
            let moved = facts.producerCopies[t]?.contains(index) ?? false
            let planModel =
              moved
              ? CopyRegions.model(
                event.operands[0], localClone(event.operands[1]), hasAnnotations: !ann.isEmpty) : model
            var ctx = copyContext(
              index, run, target: t, annotations: ann, facts: facts, source: source,
              inherited: moved ? nil : layouts.inherited(model, event: index, target: t))
            ctx.loopLayout = moved ? nil : loopLayouts.layout(forCopy: index, target: t)
            let (ownCopy, ownLoop) = rootWidths(shared, t, loopLayouts, facts, source)
            if !moved,
              let free = freeLayouts.layout(forCopy: index, target: t, copyLanes: ownCopy, loopLanes: ownLoop),
              ctx.loopLayout.map({ free.lanes < $0.lanes }) ?? true
            {
              ctx.loopLayout = free
            }
            if !moved,
              let column = freeLayouts.columnLayout(forCopy: index, target: t, copyLanes: ownCopy, loopLanes: ownLoop)
            {
              ctx.loopLayout = column
              ctx.onBufferLayout = true
            }
            let rooted = columnSums.isEmpty ? [:] : layouts.byTarget[t] ?? [:]
            if !moved,
              let sums = ReductionSources.outputRuns(
                forCopy: index, run, sums: columnSums, runsOf: { rooted[$0].map { ($0.lanes, $0.line) } })
            {
              ctx.loopLayout = sums
              ctx.onBufferLayout = true
            }
            if !moved, case .tile(let copy) = model {
              // Row vectors held by the threads of their rows (FreeFragmentLayouts.rows).
              for side in [copy.src, copy.dst] where side.buffer.scope.isFragment {
                let other = side.buffer.id == copy.src.buffer.id ? copy.dst : copy.src
                // Fragments a loop over a gemm layout lays out (gemmLoopRuns).
                if let g = facts.gemmLoopRuns[side.buffer.id],
                  other.buffer.scope == .global || other.buffer.scope.isShared
                {
                  if g.perThread { ctx.replicated.insert(side.buffer.id) }
                  if ctx.loopLayout.map({ g.runs < $0.lanes }) ?? true { ctx.loopLayout = (g.runs, g.reason) }
                  continue
                }
                guard
                  let rows = freeLayouts.rows(of: side.buffer.id, target: t, copyLanes: ownCopy, loopLanes: ownLoop)
                else { continue }
                if copy.isRegisterCopy {
                  ctx.rowRegisters[side.buffer.id] = rows.registers
                } else if other.buffer.scope == .global || other.buffer.scope.isShared {
                  if rows.everyRow {
                    ctx.replicated.insert(side.buffer.id)
                    ctx.perThreadRows = rows.reason
                  } else {
                    ctx.loopLayout = (1, rows.reason)
                  }
                }
              }
            }
            let planned = LoweringPlanner.plan(&c, model: planModel, ctx: ctx, buildInfo: buildLowerings)
            if var l = planned.info {
              if moved {
                l.reason =
                  "warp specialisation moves this copy into the producer warp group, into a per-thread local copy of \(event.operands[1].buffer?.name ?? "the fragment"); "
                  + l.reason
              }
              lowerings.append(l)
            }
            layouts.record(model, event: index, target: t, lanes: planned.simtLanes)
            loopLayouts.record(copy: index, target: t, lanes: planned.simtLanes)
            if wantLanes, let l = planned.simtLanes { lanes[t, default: [:]][index] = l }
          }
        }
      }
      diagnostics.append(contentsOf: c.diagnostics)
    }
    diagnostics.append(contentsOf: FragmentPartition.check(run, source: source, free: freeLayouts.plainFragments))
    diagnostics.append(contentsOf: FragmentPartition.onlyFilled(run))
    diagnostics.append(contentsOf: CopyExtents.atomicShapes(run))
    diagnostics.append(contentsOf: TileOpPlacement.check(run, source: source))
    diagnostics.append(contentsOf: ParallelFragmentIndices.check(run, source: source))
    diagnostics.append(contentsOf: GemmOperands.check(run, source: source))
    diagnostics.append(contentsOf: JitArguments.unboundConsts(run))
    diagnostics.append(contentsOf: ReduceShape.check(run, source: source))
    diagnostics.append(contentsOf: TileOpArguments.check(run))
    diagnostics.append(contentsOf: ScanLowering.check(run))
    diagnostics.append(contentsOf: ParallelAnnotations.check(run))
    diagnostics.append(contentsOf: AllocationExtents.check(run))
    diagnostics.append(contentsOf: ExpiredBindings.check(run))
    diagnostics.append(contentsOf: LocalParallelIndex.check(run, passConfigs: passConfigs))
    diagnostics.append(contentsOf: run.sizeErrors.sorted { $0.key < $1.key }.map(\.value))
    diagnostics.append(contentsOf: ReturnInKernel.check(run))
    for t in targets {
      diagnostics.append(contentsOf: SharedMemoryBudget.check(run, target: t, source: source))
      diagnostics.append(contentsOf: BarrierTarget.check(run, target: t))
      diagnostics.append(contentsOf: PDLTarget.check(run, target: t))
      diagnostics.append(contentsOf: WgmmaTarget.check(run, target: t, passConfigs: passConfigs))
      diagnostics.append(contentsOf: GemmOperands.checkWgmma(run, target: t, passConfigs: passConfigs))
      if wantLanes {
        diagnostics.append(
          contentsOf: reduceThreads(shared, t, lanes[t] ?? [:], freeLayouts, loopLayouts, facts, source))
      }
      diagnostics.append(
        contentsOf: FragmentLayoutConflict.check(shared, target: t, passConfigs: passConfigs, source: source))
      if wantLanes {
        diagnostics.append(
          contentsOf: ReduceAccumulatorSegments.check(run, target: t, passConfigs: passConfigs, source: source))
      }
      let ws = facts.specialized[t] ?? []
      diagnostics.append(contentsOf: PipelineEpilogue.check(run, target: t, specialized: ws, source: source))
      diagnostics.append(contentsOf: GemmOperands.checkProducerWarps(run, target: t, specialized: ws))
      diagnostics.append(
        contentsOf: PipelineSchedule.check(
          run, target: t, passConfigs: passConfigs, specialized: ws, unpipelined: facts.unpipelined[t] ?? [],
          source: source))
      diagnostics.append(contentsOf: PipelinedBufferEscape.check(run, target: t, specialized: ws, source: source))
      diagnostics.append(contentsOf: WarpSpecializedScalar.check(run, target: t, specialized: ws, source: source))
      diagnostics.append(contentsOf: PipelineInWhile.check(run, target: t, specialized: ws, source: source))
      diagnostics.append(contentsOf: PipelinedLocalExtent.check(run, target: t, specialized: ws))
      diagnostics.append(
        contentsOf: PipelinedTileRewrite.check(
          run, target: t, specialized: ws, unpipelined: facts.unpipelined[t] ?? [], source: source))
    }
    return (undecidedBranchesWeighed(diagnostics, run, source: source), lowerings)
  }

  /// The SIMT width copy `index` plans on its own (no fragment layout followed); nil when it is not a SIMT copy.
  static func ownLanes(
    _ index: Int, _ shared: SharedRun, target: TargetArch, facts: PlanningFacts, source: SourceText
  ) -> Int? {
    let event = shared.run.events[index]
    guard event.operands.count >= 2 else { return nil }
    var scratch = CheckContext(source: source, run: shared, event: event)
    let ann = CopyAnnotationsCheck.check(&scratch)
    let model = CopyRegions.model(event.operands[0], event.operands[1], hasAnnotations: !ann.isEmpty)
    let ctx = copyContext(
      index, shared.run, target: target, annotations: ann, facts: facts, source: source, inherited: nil)
    return LoweringPlanner.plan(&scratch, model: model, ctx: ctx, buildInfo: false).simtLanes
  }

  /// What the planner needs to know about copy `index` for one target: the one place a CopyContext is built.
  static func copyContext(
    _ index: Int, _ run: KernelRun, target: TargetArch, annotations: CopyAnnotations, facts: PlanningFacts,
    source: SourceText, inherited: (buffer: String, lanes: Int, line: Int)?
  ) -> CopyContext {
    let event = run.events[index]
    let specialized = facts.specialized[target] ?? []
    let pipeline = event.loops.last(where: \.isPipelined)
    let unpipelined = pipeline.map { facts.unpipelined[target]?.contains($0.range) ?? false } ?? false
    var ctx = CopyContext(
      target: target, passConfigs: facts.passConfigs, annotations: annotations,
      pipelineStages: unpipelined ? nil : pipelineStages(event, run, consumedOnly: false),
      threads: event.threads?.constant ?? run.threads?.constant ?? 128, op: event.op,
      annotatedLayout: run.annotatedLayouts, gemmOperands: run.gemmOperands)
    ctx.pipelineConsumed = !unpipelined && pipelineStages(event, run) != nil
    if unpipelined, let pipeline { ctx.unpipelinedLoop = source.line(of: pipeline.range.start) + 1 }
    ctx.nestedInPipelineBody = event.nestedInPipelineBody
    ctx.handScheduled =
      pipeline.map { p in run.pipelinedLoops.contains { $0.range == p.range && $0.annotated } } ?? false
    if ctx.warpSpecialized, let loop = event.loops.last(where: \.isPipelined) {
      ctx.pipelineHasTmaLoad = specialized.contains(loop.range)
    }
    ctx.conditionalInPipeline = event.conditionalInPipeline
    if !unpipelined, let src = event.operands.first?.buffer, src.scope.isShared,
      event.operands.dropFirst().first?.buffer?.scope.isFragment ?? false
    {
      ctx.readsVersionedTile = versionedTile(src.id, event, run)
    }
    ctx.indexExtents = run.indexExtents
    if !event.loops.contains(where: { $0.isPipelined && specialized.contains($0.range) }) {
      ctx.loopIndices = facts.loopIndices
    }
    ctx.runtimeVariables = facts.runtimeVariables
    ctx.inheritedLayout = inherited
    ctx.fixedLayout = facts.fixedLayouts.layout(index, in: run)
    ctx.feedsWarpSpecializedLoop = preludeLoop(index, event, run, source: source, specialized: specialized)
    ctx.copyLaidOut = facts.copyLaidOut
    ctx.freeLaidOut = facts.freeLaidOut
    ctx.gemmLayout = facts.gemmLayout
    ctx.operandRuns = facts.operandRuns
    ctx.rowRegisters = facts.rowRegisters[target] ?? [:]
    ctx.replicated = facts.replicated
    ctx.singleElementRuns = facts.float64Layouts[target]?.singleElement ?? []
    ctx.tmaUnencodable = facts.float64Layouts[target]?.tmaUnencodable ?? []
    ctx.tmaStripes = facts.tmaStripes[target] ?? [:]
    return ctx
  }

  /// Fragments that only SIMT copies lay out, and which copy lays out each, per target. Layout inference
  /// (0.1.15 `InferInFreeMode`) tries every operator of a fragment's component as the root and keeps the plan with
  /// the fewest fragment registers per thread, the earliest root on a tie; the other copies then follow the
  /// fragment's layout, so they vectorize no wider than the root did. Here a root's registers are the elements its
  /// loop covers per thread (a copy of part of a fragment lays out only that part), and a copy whose other side is
  /// a fragment laid out by something else is the root. Followed: fragments that nothing else lays out (no gemm,
  /// annotation, parallel loop, reduction or element access); a fragment with a copy of unknown size is not.
  struct InheritedFragmentLayouts {
    private let shared: SharedRun
    var run: KernelRun { _read { yield shared.run } }
    let source: SourceText
    /// Fragment buffer id → index in `run.events` of the copy that lays it out.
    var roots: [Int: Int] = [:]
    /// Fragments whose root copies them from a fragment laid out by something else: they take that layout, whose
    /// runs the copy's own lanes do not tell (a float32 → fp8 register copy runs 4 lanes over runs of 8).
    var anchoredElsewhere: Set<Int> = []
    /// Fragments a copy of their own lays out (not taken from another fragment).
    var copyLaidOut: Set<Int> = []
    /// Fragments that reductions only read, besides copies and fills (ReductionSources.onlyReduced).
    var reducedOnly: Set<Int> = []
    var byTarget: [TargetArch: [Int: (buffer: String, lanes: Int, line: Int)]] = [:]
    /// The run's planning facts, for planning a root ahead of its turn (set once the roots are known).
    var facts: PlanningFacts

    init(run shared: SharedRun, source: SourceText) {
      self.shared = shared
      self.source = source
      let run = shared.run
      facts = PlanningFacts(passConfigs: PassConfigs(values: run.passConfigs))
      facts.runtimeVariables = run.runtimeVariables
      facts.loopIndices = run.loopIndices
      reducedOnly = ReductionSources.fragments(run)
      var candidates: [Int: [(event: Int, registers: Int?)]] = [:]
      for (i, event) in run.events.enumerated() {
        let buffers = event.operands.prefix(2).compactMap(\.buffer).filter { followed($0) }
        guard !buffers.isEmpty else { continue }
        guard event.op == "copy", event.operands.count >= 2,
          case .tile(let copy) = CopyRegions.model(event.operands[0], event.operands[1], hasAnnotations: true)
        else {
          for b in buffers { candidates[b.id, default: []].append((i, nil)) }  // not a copy tl-lsp can size
          continue
        }
        let threads = event.threads?.constant ?? run.threads?.constant ?? 128
        let extents = copy.base.nonUnit.compactMap(\.extent.constant)
        var registers =
          extents.count == copy.base.nonUnit.count && threads > 0
          ? SafeArithmetic.product(extents).map { ($0 + threads - 1) / threads } : nil
        let anchored = [copy.src, copy.dst].contains { $0.buffer.scope.isFragment && !followed($0.buffer) }
        if anchored { registers = 0 }
        for side in [copy.src, copy.dst] where followed(side.buffer) {
          candidates[side.buffer.id, default: []].append((i, registers))
        }
      }
      for (buffer, list) in candidates where list.allSatisfy({ $0.registers != nil }) {
        let root = list.min { ($0.registers!, $0.event) < ($1.registers!, $1.event) }!
        roots[buffer] = root.event
        if root.registers == 0 { anchoredElsewhere.insert(buffer) } else { copyLaidOut.insert(buffer) }
      }
    }

    func followed(_ b: Buffer) -> Bool {
      b.scope.isFragment && !run.gemmOperands.contains(b.id) && !run.annotatedLayouts.contains(b.id)
        && !run.untrackedLayouts.contains(b.id)
        && (!run.layoutProviders.contains(b.id) || reducedOnly.contains(b.id))
    }

    /// The layout copy `event` follows: the narrowest of its fragments' roots (planned first when they come later).
    mutating func inherited(
      _ model: CopyModel, event: Int, target: TargetArch
    ) -> (buffer: String, lanes: Int, line: Int)? {
      guard case .tile(let copy) = model else { return nil }
      var found: [(buffer: String, lanes: Int, line: Int)] = []
      for side in [copy.src, copy.dst] where !anchoredElsewhere.contains(side.buffer.id) {
        guard let root = roots[side.buffer.id], root != event else { continue }
        if byTarget[target]?[side.buffer.id] == nil, root > event { planAhead(root, target: target) }
        if let entry = byTarget[target]?[side.buffer.id] { found.append(entry) }
      }
      return found.min { $0.lanes < $1.lanes }
    }

    mutating func record(_ model: CopyModel, event: Int, target: TargetArch, lanes: Int?) {
      guard case .tile(let copy) = model, let lanes else { return }
      // A whole register copy hands its source's layout on: the copy itself may run narrower (no global side caps it
      // at 128 bits on sm_100), but the fragment it lays out keeps the source's runs (checked with 0.1.15).
      for side in [copy.src, copy.dst] where roots[side.buffer.id] == event {
        let other = side.buffer.id == copy.src.buffer.id ? copy.dst : copy.src
        var runs = lanes
        if copy.isRegisterCopy, let o = byTarget[target]?[other.buffer.id], o.lanes > runs { runs = o.lanes }
        byTarget[target, default: [:]][side.buffer.id] =
          (side.buffer.name, runs, source.line(of: run.events[event].call.range.start) + 1)
      }
    }

    /// Plans a root copy that comes after the copy being planned, for its lanes only.
    private mutating func planAhead(_ root: Int, target: TargetArch) {
      let event = run.events[root]
      var scratch = CheckContext(source: source, run: shared, event: event)
      let ann = CopyAnnotationsCheck.check(&scratch)
      let model = CopyRegions.model(event.operands[0], event.operands[1], hasAnnotations: !ann.isEmpty)
      let ctx = RunChecks.copyContext(
        root, run, target: target, annotations: ann, facts: facts, source: source, inherited: nil)
      let planned = LoweringPlanner.plan(&scratch, model: model, ctx: ctx, buildInfo: false)
      record(model, event: root, target: target, lanes: planned.simtLanes)
    }
  }

  /// For the 1-D row reductions (`dim=1`) of a gemm accumulator and the fragments whole copies fill from them: how
  /// many rows each thread holds. An mma/wgmma accumulator gives each thread 2 rows of every 16-row block of its
  /// warp's rows, so `m / (8 × warps along m)`; the reduction keeps that and replicates each row over its threads.
  static func rowReductionRegisters(_ run: KernelRun, target: TargetArch, passConfigs: PassConfigs) -> [Int: Int] {
    guard let threads = run.threads?.constant else { return [:] }
    var plans: [Int: GemmPlan] = [:]
    var out: [Int: Int] = [:]
    for op in run.layoutOps {
      switch op {
      case .gemm(let g):
        if case .buffer(let c) = g.operands[2],
          let p = GemmFragmentLayout.plan(
            regionsAsTiles(g), threads: g.threads?.constant ?? threads, target: target, passConfigs: passConfigs)
        {
          plans[c.id] = p
        }
      case .reduce(let r):
        guard r.dim == 1, case .buffer(let s) = r.source, case .buffer(let d) = r.destination,
          let p = plans[s.id], d.concreteShape == [p.m], p.m % (8 * p.mWarp) == 0
        else { continue }
        out[d.id] = p.m / (8 * p.mWarp)
      case .copy(let i):
        guard i < run.events.count, let (s, d) = run.events[i].wholeFragmentCopy else { continue }
        if let n = out[s.id], out[d.id] == nil { out[d.id] = n }
      }
    }
    return out
  }

  /// `g` with its A and B operands given as regions (`T.gemm(Q_shared[:, :D], ...)`) replaced by tiles of the
  /// regions' shapes (their non-1 extents), which is all the accumulator's warp partition reads; `g` itself when
  /// an operand is neither a buffer nor a region of constant extents.
  static func regionsAsTiles(_ g: GemmCall) -> GemmCall {
    guard g.operands.prefix(2).contains(where: { if case .buffer = $0 { false } else { true } }),
      g.regions.count == 2
    else { return g }
    var out = g
    for i in 0..<2 {
      if case .buffer = g.operands[i] { continue }
      guard case .region(let b, _, let extents)? = g.regions[i] else { return g }
      let kept = extents.filter { $0?.constant != 1 }
      guard kept.count == 2, kept.allSatisfy({ $0?.constant != nil }) else { return g }
      let tile = Buffer(
        id: b.id, name: b.name, shape: kept.compactMap { $0 }, dtype: b.dtype, scope: b.scope, strides: nil,
        declarationRange: b.declarationRange, nameRange: b.nameRange, allocator: b.allocator)
      out.operands[i] = .buffer(tile)
    }
    return out
  }

  /// Gemm operands, and the fragments that take a gemm fragment's layout from it: those a T.Parallel loop writes at
  /// the same indices as it reads one (`out[i, j] = T.max(acc[i, j], 0)`), and those a whole copy of one shape
  /// fills from one (`T.copy(acc, acc_cast)`), transitively.
  static func gemmLayoutFragments(_ run: KernelRun) -> Set<Int> {
    var out = run.gemmOperands
    guard !out.isEmpty else { return out }
    var changed = true
    while changed {
      let before = out.count
      for loop in run.parallelLoops {
        for read in loop.accesses where !read.isWrite && out.contains(read.buffer.id) {
          for write in loop.accesses where write.isWrite && !out.contains(write.buffer.id) {
            if write.indices == read.indices, !write.indices.contains(where: { $0 == nil }) {
              out.insert(write.buffer.id)
            }
          }
        }
      }
      for e in run.events where e.op == "copy" {
        guard let (s, d) = e.wholeFragmentCopy else { continue }
        if out.contains(s.id) { out.insert(d.id) } else if out.contains(d.id) { out.insert(s.id) }
      }
      changed = out.count != before
    }
    return out
  }

  /// The `T.Pipelined` loop warp specialisation takes over on `target`: a TMA-capable target,
  /// `tl.disable_warp_specialized` unset, and the kernel's first loop with `num_stages >= 1` in program order when a
  /// copy among its own statements is a TMA load (a producer to split off). ProducerConsumerWS looks only at that
  /// loop (`PipelineLoopFinder` stops at the first `num_stages` loop of the block), so later loops stay ordinary
  /// software pipelines (cp.async).
  static func warpSpecializedLoops(_ run: KernelRun, target: TargetArch, passConfigs: PassConfigs) -> Set<TextRange> {
    guard target.hasBulkCopy, !passConfigs.disableWarpSpecialized, let first = stagedLoops(run).first,
      LoweringPlanner.pipelineHasTmaLoad(first.range, run: run, target: target)
    else { return [] }
    return [first.range]
  }

  /// The `T.Pipelined` loops that lose their pipelining on `target`: some loop with `num_stages >= 1` holds a TMA
  /// load anywhere inside (`TiledWSCandidate`), but the first such loop has none among its own statements (they sit
  /// under an `if` or in an inner loop, or only a later loop has one), so the rewriter does not fire and the pass
  /// strips `num_stages` from every loop of the kernel: their copies are synchronous.
  static func unpipelinedLoops(_ run: KernelRun, target: TargetArch, passConfigs: PassConfigs) -> Set<TextRange> {
    guard target.hasBulkCopy, !passConfigs.disableWarpSpecialized else { return [] }
    let staged = stagedLoops(run)
    guard let first = staged.first, !LoweringPlanner.pipelineHasTmaLoad(first.range, run: run, target: target),
      staged.contains(where: {
        LoweringPlanner.pipelineHasTmaLoad($0.range, run: run, target: target, ownStatements: false)
      })
    else { return [] }
    return Set(staged.filter { !$0.annotated }.map(\.range))
  }

  /// The kernel's `T.Pipelined` loops with `num_stages >= 1` (those that carry the annotation), in program order.
  static func stagedLoops(_ run: KernelRun) -> [PipelinedLoop] {
    var seen: Set<TextRange> = []
    return run.pipelinedLoops.filter { ($0.stages ?? 0) >= 1 }.sorted { $0.range.start < $1.range.start }
      .filter { seen.insert($0.range).inserted }
  }

  /// The line of the next warp-specialised `T.Pipelined` loop at the same level as copy `index` that reads the
  /// copy's destination; nil when there is none or the copy is inside a pipelined loop itself.
  static func preludeLoop(
    _ index: Int, _ event: CopyEvent, _ run: KernelRun, source: SourceText, specialized: Set<TextRange>
  ) -> Int? {
    guard !specialized.isEmpty, event.op == "copy", !event.loops.contains(where: \.isPipelined),
      let dst = event.operands.dropFirst().first?.buffer
    else { return nil }
    let level = event.loops.map(\.range)
    for loop in run.pipelinedLoops {
      guard let first = loop.firstCopyEvent, first > index, first < run.events.count, (loop.stages ?? 0) >= 1
      else { continue }
      let inside = run.events[first]
      guard let at = inside.loops.firstIndex(where: { $0.range == loop.range }),
        inside.loops[..<at].map(\.range) == level
      else { continue }
      // The nearest loop after the copy at its level decides.
      guard run.pipelineConsumers[loop.range]?.contains(dst.id) ?? false, specialized.contains(loop.range)
      else { return nil }
      return source.line(of: loop.call.start) + 1
    }
    return nil
  }

  /// Whether `tile` is multi-buffered by the `T.Pipelined(num_stages >= 2)` loop around `event`: a global → shared
  /// copy-like call in that loop fills it and something in the loop reads it (KernelRun.pipelinedFills).
  static func versionedTile(_ tile: Int, _ event: CopyEvent, _ run: KernelRun) -> Bool {
    guard let frame = event.loops.last(where: \.isPipelined),
      let loop = run.pipelinedLoops.first(where: { $0.range == frame.range }), (loop.stages ?? 0) >= 2,
      !loop.annotated
    else { return false }
    return run.pipelinedFills(of: loop.range).contains { $0.tile.id == tile }
  }

  /// A kernel that allocates tensor memory is written for sm_100: it is checked for the configured targets that
  /// have tensor memory, or for sm_100 when none does.
  static func effectiveTargets(_ run: KernelRun, _ settings: AnalysisSettings) -> [TargetArch] {
    guard run.buffers.contains(where: { $0.scope == .tmem }) else { return settings.targets }
    let withTmem = settings.targets.filter(\.hasTmem)
    return withTmem.isEmpty ? [.sm100] : withTmem
  }

  /// `num_stages` of the innermost enclosing `T.Pipelined`; with `consumedOnly`, only when the copy's destination is
  /// read inside that loop (a loop that only fills a tile nobody reads in it is not software-pipelined).
  static func pipelineStages(_ e: CopyEvent, _ run: KernelRun, consumedOnly: Bool = true) -> Int? {
    for frame in e.loops.reversed() {
      if case .pipelined(let stages, _) = frame.kind {
        if consumedOnly {
          guard let dst = e.operands.dropFirst().first?.buffer,
            run.pipelineConsumers[frame.range]?.contains(dst.id) ?? false
          else { return nil }
        }
        return stages ?? 0
      }
    }
    return nil
  }
}

/// Pass configs for a kernel instance: its own or its factory's `@tilelang.jit(pass_configs=...)`, over them the
/// `pass_configs` of the `tilelang.compile(...)` that builds the instance, then the settings (which win).
enum PassConfigDiscovery {
  static func configs(for instance: KernelInstance, module: ModuleIndex, settings: AnalysisSettings) -> [String: Bool] {
    var out: [String: Bool] = [:]
    var id: FunctionID? = instance.function
    while let current = id {
      let entry = module.entry(current)
      if let jit = entry.jit, case .call(_, let args) = jit.kind,
        let pc = args.first(where: { $0.name == "pass_configs" })
      {
        for (k, v) in literal(pc.value, module: module) where out[k] == nil { out[k] = v }
      }
      id = entry.parent
    }
    out.merge(instance.compilePassConfigs) { _, compiled in compiled }
    for (k, v) in settings.passConfigs { out[PassConfigs.canonicalKey(k)] = v }
    return out
  }

  /// `{"tl.disable_tma_lower": True, tilelang.PassConfigKey.TL_DISABLE_WARP_SPECIALIZED: True}`, or the name of a
  /// module-level variable bound to such a dict (`pass_configs=pass_configs`).
  static func literal(_ e: Expr, module: ModuleIndex) -> [String: Bool] {
    if case .name(let n) = e.kind, let bound = module.moduleDicts[n] { return literal(bound, module: module) }
    guard case .dict(let items) = e.kind else { return [:] }
    var out: [String: Bool] = [:]
    for item in items {
      guard let key = item.key else { continue }
      var name: String?
      if case .string(let s, _) = key.kind { name = s } else if let q = module.qualifiedName(key) { name = q }
      guard let n = name else { continue }
      switch item.value.kind {
      case .bool(let b): out[PassConfigs.canonicalKey(n)] = b
      case .int(let v, _): if let v { out[PassConfigs.canonicalKey(n)] = v != 0 }
      default: break
      }
    }
    return out
  }

  /// The same from an evaluated dict (`pass_configs=configs` where `configs` is a parameter or local name bound to one).
  static func evaluated(_ value: Value) -> [String: Bool] {
    guard case .dict(let entries) = value else { return [:] }
    var out: [String: Bool] = [:]
    for entry in entries {
      let name: String
      switch entry.key {
      case .string(let s): name = s
      case .module(let m): name = m
      default: continue
      }
      switch entry.value {
      case .bool(let b): out[PassConfigs.canonicalKey(name)] = b
      case .int(let e): if let v = e.constant { out[PassConfigs.canonicalKey(name)] = v != 0 }
      default: continue
      }
    }
    return out
  }
}
