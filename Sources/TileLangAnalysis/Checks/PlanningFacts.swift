// What the lowering planner knows about a kernel run beyond any one copy (RunChecks.PlanningFacts).

import TileLangSyntax

extension RunChecks {
  /// What the planner knows about a run beyond any one copy, derived once per run.
  struct PlanningFacts {
    var passConfigs: PassConfigs
    /// Fragments with a gemm's layout (gemmLayoutFragments).
    var gemmLayout: Set<Int> = []
    /// Register A/B operands of a gemm: contiguous elements per thread in the last dimension (gemmOperandRuns).
    var operandRuns: [Int: Int] = [:]
    /// Fragments every thread holds whole: element accesses outside T.Parallel and nothing else lays them out.
    var replicated: Set<Int> = []
    /// Fragments a copy of their own lays out (InheritedFragmentLayouts).
    var copyLaidOut: Set<Int> = []
    /// Fragments laid out at the free level from their copies and loops (FreeFragmentLayouts).
    var freeLaidOut: Set<Int> = []
    /// Fragments a gemm or a T.Parallel loop lays out before their copies run.
    var fixedLayouts = FixedFragmentLayouts()
    /// Fragments a T.Parallel loop over a gemm layout lays out: their runs, and whether a copy of them runs per
    /// thread (gemmLoopRuns).
    var gemmLoopRuns: [Int: (runs: Int, perThread: Bool, reason: String)] = [:]
    /// Per target: rows per thread of row reductions (rowReductionRegisters), warp-specialised loops.
    var rowRegisters: [TargetArch: [Int: Int]] = [:]
    var specialized: [TargetArch: Set<TextRange>] = [:]
    /// Per target: global → fragment copies warp specialisation moves into its producer (producerFragmentCopies).
    var producerCopies: [TargetArch: Set<Int>] = [:]
    /// Per target: shared float64 tiles with single-element runs, and those TMA cannot encode (float64SharedLayouts).
    var float64Layouts: [TargetArch: (singleElement: Set<Int>, tmaUnencodable: Set<Int>)] = [:]
    /// Per target: stripe widths of the plain shared layouts descriptor TMA copies read (TmaPlainLayouts).
    var tmaStripes: [TargetArch: [Int: Int]] = [:]
    /// Per target: loops that lose their pipelining (unpipelinedLoops).
    var unpipelined: [TargetArch: Set<TextRange>] = [:]
    /// Variables known only at run time (CopyContext.runtimeVariables).
    var runtimeVariables: Set<String> = []
    /// Loop variables other than block indices (CopyContext.loopIndices).
    var loopIndices: Set<String> = []

    init(passConfigs: PassConfigs) { self.passConfigs = passConfigs }

    init(_ run: KernelRun, targets: [TargetArch], passConfigs: PassConfigs, copyLaidOut: Set<Int>, source: SourceText) {
      self.passConfigs = passConfigs
      gemmLayout = RunChecks.gemmLayoutFragments(run)
      operandRuns = RunChecks.gemmOperandRuns(run)
      gemmLoopRuns = RunChecks.gemmLoopRuns(run, gemmLayout: gemmLayout, operandRuns: operandRuns, source: source)
      fixedLayouts = FixedFragmentLayouts(run, gemmLayout: gemmLayout, source: source)
      replicated = run.serialElementAccess.subtracting(run.layoutProviders).subtracting(gemmLayout)
        .subtracting(run.annotatedLayouts)
      self.copyLaidOut = copyLaidOut
      runtimeVariables = run.runtimeVariables
      loopIndices = run.loopIndices
      for t in targets {
        rowRegisters[t] = RunChecks.rowReductionRegisters(run, target: t, passConfigs: passConfigs)
        specialized[t] = RunChecks.warpSpecializedLoops(run, target: t, passConfigs: passConfigs)
        producerCopies[t] = RunChecks.producerFragmentCopies(run, target: t, specialized: specialized[t] ?? [])
        float64Layouts[t] = RunChecks.float64SharedLayouts(run, target: t, passConfigs: passConfigs)
        unpipelined[t] = RunChecks.unpipelinedLoops(run, target: t, passConfigs: passConfigs)
      }
    }
  }
}
