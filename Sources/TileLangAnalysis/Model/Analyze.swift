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
  let module = ModuleIndex(parsed.body, source: parsed.source)
  var instances = KernelInstances.discover(
    module: module, parsed: parsed, settings: settings, onlyTopLevel: onlyTopLevel)
  if let only = onlyTopLevel { instances = instances.filter { only.contains(module.entry($0.function).topLevel) } }
  var runs: [KernelRun] = []
  for inst in instances {
    var interp = Interpreter(module: module, source: parsed.source)
    runs.append(
      interp.runKernel(
        inst, passConfigs: PassConfigDiscovery.configs(for: inst.function, module: module, settings: settings)))
  }
  // Lowerings are shown from the best-ranked instances of each kernel (concrete, then literal, then symbolic),
  // so only those build them; the others only check.
  func rank(_ inst: KernelInstance) -> Int { inst.isSymbolic ? 2 : (inst.provenance == nil ? 1 : 0) }
  var bestRank: [Int: Int] = [:]
  for run in runs {
    bestRank[run.instance.function.index] = min(bestRank[run.instance.function.index] ?? 3, rank(run.instance))
  }
  let shownRuns = Set(runs.indices.filter { rank(runs[$0].instance) == bestRank[runs[$0].instance.function.index] })
  var perRun: [(run: KernelRun, diagnostics: [Diagnostic], lowerings: [LoweringInfo])] = []
  for (i, run) in runs.enumerated() {
    let (d, l) = RunChecks.check(run, source: parsed.source, settings: settings, buildLowerings: shownRuns.contains(i))
    perRun.append((run, d, l))
  }
  let diagnostics = DiagnosticMerge.merge(
    syntax: parsed.diagnostics, perRun: perRun.map { ($0.run.instance, $0.diagnostics) })
  let lowerings = DiagnosticMerge.lowerings(perRun.map { ($0.run.instance, $0.lowerings) })
  var analysis = FileAnalysis(
    parsed: parsed, settings: settings, diagnostics: diagnostics,
    kernels: KernelSummaries.make(module: module, runs: runs, onlyTopLevel: onlyTopLevel),
    lowerings: lowerings)
  analysis.copySites = CopySites.find(module: module, parsed: parsed)
  return analysis
}

extension Interpreter {
  /// Executes one kernel instance's body in kernel mode.
  mutating func runKernel(_ inst: KernelInstance, passConfigs: [String: Bool]) -> KernelRun {
    let entry = module.entry(inst.function)
    run = KernelRun(instance: inst)
    run?.passConfigs = passConfigs
    run?.moduleDynamic = module.dynamicNames
    var env = inst.closure
    for p in entry.def.params.list {
      if let ann = p.annotation, case .tensorType(let t) = eval(ann, &env) {
        env[p.name] = bufferValue(name: p.name, nameRange: p.nameRange, declaration: ann.range, type: t)
      } else if let v = inst.arguments[p.name] {
        env[p.name] = v
      } else if env[p.name] == nil {
        env[p.name] = .int(SymExpr(variable: p.name))
      }
    }
    _ = exec(entry.def.body, &env)
    let result = run ?? KernelRun(instance: inst)
    run = nil
    return result
  }
}

/// Finds the instances of every kernel: concrete ones from simulated host code, and one symbolic run each.
enum KernelInstances {
  static func discover(
    module: ModuleIndex, parsed: ParsedFile, settings: AnalysisSettings, onlyTopLevel: Set<Int>? = nil
  ) -> [KernelInstance] {
    let wanted = { (e: FunctionEntry) -> Bool in onlyTopLevel?.contains(e.topLevel) ?? true }
    var interp = Interpreter(module: module, source: parsed.source)
    var moduleEnv: Env = [:]
    for (k, v) in settings.arguments { moduleEnv[k] = .int(SymExpr(constant: v)) }
    _ = interp.exec(parsed.body, &moduleEnv)
    // Entry points nobody calls in the file (tests, factories driven from elsewhere): run with their defaults.
    for entry in module.functions
    where entry.parent == nil && !interp.executed.contains(entry.id.index) && wanted(entry) {
      guard entry.kind == .plain || entry.kind == .jitFactory || entry.kind == .eagerJit else { continue }
      interp.budget = max(interp.budget, 20_000)
      interp.depth = 0
      _ = interp.callFunction(
        entry.id, Closure(variables: moduleEnv), settingsArguments(settings), callRange: entry.def.nameRange,
        method: nil)
    }
    // One symbolic run of every function that builds kernels, to tell which findings depend on sizes.
    interp.symbolicRun = true
    for entry in module.functions
    where wanted(entry)
      && (entry.kind == .eagerJit || entry.children.contains(where: { module.entry($0).kind == .primFunc }))
    {
      interp.budget = max(interp.budget, 20_000)
      interp.depth = 0
      _ = interp.callFunction(
        entry.id, Closure(variables: moduleEnv), settingsArguments(settings), callRange: entry.def.nameRange,
        method: nil)
    }
    // Keep distinct instances, at most `maxSpecializations` concrete ones per kernel.
    var seen = Set<String>()
    var perKernel: [Int: Int] = [:]
    var out: [KernelInstance] = []
    for inst in interp.instances {
      let key = "\(inst.function.index)|\(inst.isSymbolic)|\(inst.provenance ?? "")|\(inst.constSizes.keys.sorted())"
      guard !seen.contains(key) else { continue }
      seen.insert(key)
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
