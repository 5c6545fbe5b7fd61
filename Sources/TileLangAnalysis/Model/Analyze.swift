// The analysis pipeline: parse, index the module, simulate host code to find kernel instances, execute each
// kernel body, run every check per instance and target, and merge the results.

import TileLangSyntax

/// Analyzes one file. Pure and total: same text and settings, same result; never throws.
public func analyze(text: String, settings: AnalysisSettings = AnalysisSettings()) -> FileAnalysis {
  analyze(parsed: parse(text), settings: settings)
}

public func analyze(parsed: ParsedFile, settings: AnalysisSettings = AnalysisSettings()) -> FileAnalysis {
  analyze(parsed: parsed, settings: settings, onlyTopLevel: nil)
}

/// The pipeline, optionally restricted to the kernels inside some module-level statements (incremental mode).
func analyze(parsed: ParsedFile, settings: AnalysisSettings, onlyTopLevel: Set<Int>?) -> FileAnalysis {
  let module = ModuleIndex(
    parsed.body, source: parsed.source, callSites: parsed.callSites, onlyTopLevel: onlyTopLevel)
  var finder = KernelInstances(module: module, parsed: parsed, settings: settings, onlyTopLevel: onlyTopLevel)
  // Each run is shared (a class reference), not copied, by the checks and the merge below.
  func execute(_ instances: [KernelInstance]) -> [SharedRun] {
    instances.map { inst in
      var interp = Interpreter(module: module, source: parsed.source)
      return SharedRun(
        interp.runKernel(inst, passConfigs: PassConfigDiscovery.configs(for: inst, module: module, settings: settings)))
    }
  }
  // Concrete and literal instances first. Lowerings are shown from the best-ranked instances of each kernel
  // (concrete, then literal), so only those build them; the others only check.
  func rank(_ inst: KernelInstance) -> Int { inst.isSymbolic ? 2 : (inst.provenance == nil ? 1 : 0) }
  var runs = execute(finder.concrete)
  var bestRank: [Int: Int] = [:]
  for shared in runs {
    let inst = shared.run.instance
    bestRank[inst.function.index] = min(bestRank[inst.function.index] ?? 3, rank(inst))
  }
  var perRun: [(shared: SharedRun, diagnostics: [Diagnostic], lowerings: [LoweringInfo])] = runs.map { shared in
    let shown = settings.describesLowerings && rank(shared.run.instance) == bestRank[shared.run.instance.function.index]
    let (d, l) = RunChecks.check(shared, source: parsed.source, settings: settings, buildLowerings: shown)
    return (shared, d, l)
  }
  // A symbolic run of a kernel-building function is needed only where it decides something: a kernel with no
  // concrete instance (its findings and lowerings come from it), or a concrete finding whose specialization note
  // depends on whether the symbolic run shares it.
  let flagged = Set(
    perRun.filter { $0.shared.run.instance.provenance != nil && !$0.diagnostics.isEmpty }.map(
      \.shared.run.instance.function.index))
  let symbolic = execute(
    finder.symbolic { kernels in kernels.contains { bestRank[$0.index] == nil || flagged.contains($0.index) } })
  for shared in symbolic {
    let shown = settings.describesLowerings && bestRank[shared.run.instance.function.index] == nil
    let (d, l) = RunChecks.check(shared, source: parsed.source, settings: settings, buildLowerings: shown)
    perRun.append((shared, d, l))
  }
  runs += symbolic
  let fileLevel =
    JitArguments.check(module, parsed: parsed, onlyTopLevel: onlyTopLevel)
    + JitOnPrimFunc.check(module, parsed: parsed, onlyTopLevel: onlyTopLevel)
    + ModuleImports.check(module, parsed: parsed, onlyTopLevel: onlyTopLevel)
    + FrontEndNesting.check(module, parsed: parsed, onlyTopLevel: onlyTopLevel)
    + DecoratorArguments.check(module, parsed: parsed, onlyTopLevel: onlyTopLevel)
    + UnknownDSLName.check(
      runs.map(\.run.unknownDSLNames).reduce(finder.interp.unknownDSLNames) { $0.merging($1) { a, _ in a } },
      parsed: parsed, onlyTopLevel: onlyTopLevel)
    + FrontEndErrors.check(
      runs.map(\.run.frontEndErrors).reduce(finder.interp.frontEndErrors) { $0.merging($1) { a, _ in a } },
      parsed: parsed, onlyTopLevel: onlyTopLevel)
  let diagnostics = DiagnosticMerge.merge(
    syntax: parsed.diagnostics + fileLevel, perRun: perRun.map { ($0.shared.run.instance, $0.diagnostics) })
  let lowerings = DiagnosticMerge.lowerings(perRun.map { ($0.shared.run.instance, $0.lowerings) })
  var analysis = FileAnalysis(
    parsed: parsed, settings: settings, diagnostics: diagnostics, kernels: [], lowerings: lowerings)
  if settings.describesKernels {
    analysis.kernels = KernelSummaries.make(module: module, runs: runs.map(\.run), onlyTopLevel: onlyTopLevel)
    (analysis.copySites, analysis.gemmSites) = CopySites.find(
      module: module, parsed: parsed, onlyTopLevel: onlyTopLevel)
  }
  return analysis
}

extension Interpreter {
  /// Executes one kernel instance's body in kernel mode.
  mutating func runKernel(_ inst: KernelInstance, passConfigs: [String: Bool]) -> KernelRun {
    let entry = module.entry(inst.function)
    run = KernelRun(instance: inst)
    run?.passConfigs = passConfigs
    run?.moduleDynamic = module.dynamicNames.subtracting(inst.standIns)
    run?.otherBackend = module.otherBackend
    var env = inst.closure
    for p in entry.def.params.list {
      let annotated = p.annotation.map { eval($0, &env) }
      if let ann = p.annotation, case .tensorType(let t)? = annotated {
        env[p.name] = bufferValue(name: p.name, nameRange: p.nameRange, declaration: ann.range, type: t)
      } else if case .dtype? = annotated, inst.arguments[p.name] == nil {
        env[p.name] = .int(SymExpr(variable: p.name))  // `n: T.int32`: a scalar the kernel receives at run time
        run?.declaredDynamic.insert(p.name)
      } else if let v = inst.arguments[p.name] {
        env[p.name] = v
      } else if env[p.name] == nil {
        env[p.name] = .int(SymExpr(variable: p.name))
      }
    }
    returnScope = entry.kind == .primFunc ? (0, false) : nil
    _ = exec(entry.def.body, &env)
    returnScope = nil
    if budget <= 0 { run?.budgetExhausted = true }
    run?.unknownDSLNames = unknownDSLNames
    run?.frontEndErrors = frontEndErrors
    var result: KernelRun? = nil
    swap(&result, &run)  // moved out, not copied
    return result ?? KernelRun(instance: inst)
  }
}

/// Finds the instances of every kernel: concrete ones from simulated host code (at construction), and on request
/// one symbolic run of each kernel-building function.
struct KernelInstances {
  let module: ModuleIndex
  let settings: AnalysisSettings
  let onlyTopLevel: Set<Int>?
  var interp: Interpreter
  var moduleEnv: Env = [:]
  /// Distinct concrete and literal instances, at most `maxSpecializations` per kernel.
  var concrete: [KernelInstance] = []

  init(module: ModuleIndex, parsed: ParsedFile, settings: AnalysisSettings, onlyTopLevel: Set<Int>?) {
    self.module = module
    self.settings = settings
    self.onlyTopLevel = onlyTopLevel
    interp = Interpreter(module: module, source: parsed.source)
    for (k, v) in settings.arguments { moduleEnv[k] = .int(SymExpr(constant: v)) }
    _ = interp.exec(parsed.body, &moduleEnv)
    // Entry points nobody calls in the file (tests, factories driven from elsewhere): run with their defaults.
    for entry in module.functions
    where entry.parent == nil && !interp.executed.contains(entry.id.index) && wanted(entry) {
      guard entry.kind == .plain || entry.kind == .jitFactory || entry.kind == .eagerJit else { continue }
      call(entry)
    }
    concrete = Self.distinct(interp.instances, settings: settings).filter { wanted(module.entry($0.function)) }
  }

  func wanted(_ e: FunctionEntry) -> Bool { onlyTopLevel?.contains(e.topLevel) ?? true }

  /// Symbolic instances of the kernel-building functions whose kernels satisfy `needed`.
  mutating func symbolic(where needed: ([FunctionID]) -> Bool) -> [KernelInstance] {
    let before = interp.instances.count
    interp.symbolicRun = true
    for entry in module.functions where wanted(entry) {
      let kernels = entry.kind == .eagerJit ? [entry.id] : entry.children.filter { module.entry($0).kind == .primFunc }
      guard !kernels.isEmpty, needed(kernels) else { continue }
      call(entry)
    }
    let fresh = Array(interp.instances[before...]).filter { $0.isSymbolic && wanted(module.entry($0.function)) }
    return Self.distinct(fresh, settings: settings)
  }

  private mutating func call(_ entry: FunctionEntry) {
    interp.budget = max(interp.budget, 20_000)
    interp.depth = 0
    _ = interp.callFunction(
      entry.id, Closure(variables: moduleEnv), Self.settingsArguments(settings), callRange: entry.def.nameRange,
      method: nil)
  }

  static func distinct(_ instances: [KernelInstance], settings: AnalysisSettings) -> [KernelInstance] {
    struct Key: Hashable {
      var function: Int
      var isSymbolic: Bool
      var provenance: String
      var constSizes: [String]
      var configs: [String]
      var configValues: [Bool]
    }
    var seen = Set<Key>()
    var perKernel: [Int: Int] = [:]
    var out: [KernelInstance] = []
    for inst in instances {
      let configs = inst.compilePassConfigs.sorted { $0.key < $1.key }
      let key = Key(
        function: inst.function.index, isSymbolic: inst.isSymbolic, provenance: inst.provenance ?? "",
        constSizes: inst.constSizes.keys.sorted(), configs: configs.map(\.key), configValues: configs.map(\.value))
      guard seen.insert(key).inserted else { continue }
      if !inst.isSymbolic {
        perKernel[inst.function.index, default: 0] += 1
        if perKernel[inst.function.index, default: 0] > settings.maxSpecializations { continue }
      }
      out.append(inst)
    }
    return out
  }

  static func settingsArguments(_ settings: AnalysisSettings) -> CallArguments {
    var a = CallArguments()
    for (k, v) in settings.arguments { a.keywords[k] = .int(SymExpr(constant: v)) }
    return a
  }
}
