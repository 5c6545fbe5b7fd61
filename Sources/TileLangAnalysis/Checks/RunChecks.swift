// Runs every check over one kernel run and plans each copy's lowering per configured target.

import TileLangSyntax

enum RunChecks {
  static func check(
    _ run: KernelRun, source: SourceText, settings: AnalysisSettings, buildLowerings: Bool = true
  ) -> ([Diagnostic], [LoweringInfo]) {
    var diagnostics: [Diagnostic] = []
    var lowerings: [LoweringInfo] = []
    let passConfigs = PassConfigs(values: run.passConfigs)
    let targets = effectiveTargets(run, settings)
    var layouts = InheritedFragmentLayouts(run: run, source: source)
    for event in run.events {
      var c = CheckContext(source: source, run: run, event: event)
      CopyExtents.checkSubscripts(&c)
      if event.op == "im2col" || event.op == "c2d_im2col" {
        let ann = CopyAnnotationsCheck.check(&c)
        _ = ann
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
            var ctx = CopyContext(
              target: t, passConfigs: passConfigs, annotations: ann,
              pipelineStages: pipelineStages(event, run, consumedOnly: false),
              threads: event.threads?.constant ?? run.threads?.constant ?? 128, op: event.op,
              annotatedLayout: run.annotatedLayouts, gemmOperands: run.gemmOperands)
            ctx.pipelineConsumed = pipelineStages(event, run) != nil
            ctx.indexExtents = run.indexExtents
            ctx.inheritedLayout = layouts.inherited(model, target: t)
            c.plannedLanes = nil
            if let l = LoweringPlanner.plan(&c, model: model, ctx: ctx, buildInfo: buildLowerings) {
              lowerings.append(l)
            }
            layouts.record(model, target: t, lanes: c.plannedLanes, event: event)
          }
        }
      }
      diagnostics.append(contentsOf: c.diagnostics)
    }
    diagnostics.append(contentsOf: FragmentPartition.check(run, source: source))
    for t in targets {
      diagnostics.append(contentsOf: SharedMemoryBudget.check(run, target: t, source: source))
      diagnostics.append(
        contentsOf: FragmentLayoutConflict.check(run, target: t, passConfigs: passConfigs, source: source))
    }
    return (diagnostics, lowerings)
  }

  /// Fragments laid out by an earlier SIMT copy, per target. Only whole-fragment copies of fragments that nothing
  /// else lays out (no gemm, annotation, parallel loop, reduction or element access) are followed.
  struct InheritedFragmentLayouts {
    let run: KernelRun
    let source: SourceText
    var byTarget: [TargetArch: [Int: (buffer: String, lanes: Int, line: Int)]] = [:]

    func followed(_ side: CopySide) -> Bool {
      let b = side.buffer
      return b.scope.isFragment && side.isWholeBuffer && !run.gemmOperands.contains(b.id)
        && !run.annotatedLayouts.contains(b.id) && !run.untrackedLayouts.contains(b.id)
        && !run.layoutProviders.contains(b.id)
    }

    func inherited(_ model: CopyModel, target: TargetArch) -> (buffer: String, lanes: Int, line: Int)? {
      guard case .tile(let copy) = model else { return nil }
      return [copy.src, copy.dst].filter(followed).compactMap { byTarget[target]?[$0.buffer.id] }
        .min { $0.lanes < $1.lanes }
    }

    mutating func record(_ model: CopyModel, target: TargetArch, lanes: Int?, event: CopyEvent) {
      guard case .tile(let copy) = model, let lanes else { return }
      for side in [copy.src, copy.dst] where followed(side) && byTarget[target]?[side.buffer.id] == nil {
        byTarget[target, default: [:]][side.buffer.id] =
          (side.buffer.name, lanes, source.line(of: event.call.range.start) + 1)
      }
    }
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

/// Pass configs for a kernel: its own or its factory's `@tilelang.jit(pass_configs=...)`, every
/// `tilelang.compile(..., pass_configs=...)` of the file, then the settings (which win).
enum PassConfigDiscovery {
  static func configs(for function: FunctionID, module: ModuleIndex, settings: AnalysisSettings) -> [String: Bool] {
    var out: [String: Bool] = [:]
    var id: FunctionID? = function
    while let current = id {
      let entry = module.entry(current)
      if let jit = entry.jit, case .call(_, let args) = jit.kind,
        let pc = args.first(where: { $0.name == "pass_configs" })
      {
        for (k, v) in literal(pc.value, module: module) where out[k] == nil { out[k] = v }
      }
      id = entry.parent
    }
    for (k, v) in settings.passConfigs { out[PassConfigs.canonicalKey(k)] = v }
    return out
  }

  /// `{"tl.disable_tma_lower": True, tilelang.PassConfigKey.TL_DISABLE_WARP_SPECIALIZED: True}`.
  static func literal(_ e: Expr, module: ModuleIndex) -> [String: Bool] {
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
}
