// Interpreter: a bounded partial evaluator for the Python in a kernel file. It executes host code to find
// the sizes each kernel is built with, and kernel bodies to record buffers and copy calls.

import TileLangSyntax

enum Flow {
  case normal, broke, continued
  case returned(Value)
}

struct Interpreter {
  let module: ModuleIndex
  let source: SourceText

  // MARK: - Limits (every loop and recursion is bounded)
  static let maxCallDepth = 6
  static let maxHostIterations = 16
  var budget = 60_000
  var depth = 0

  // MARK: - Host state
  var instances: [KernelInstance] = []
  /// The instances the last assignment to each name created (`program = matmul(...)`), for `tilelang.compile`.
  var instancesByName: [String: Range<Int>] = [:]
  var executed: Set<Int> = []
  var argparseDefaults: [String: Value] = [:]
  /// The function calls being executed (innermost last): provenance notes, and the call itself where the function
  /// defines kernels.
  var frames: [(function: FunctionID, note: String?, call: FunctionCall?)] = []
  var pendingName: (String, TextRange)?
  /// The value of the single-target assignment being bound (TL225's bounded slices).
  var storeValue: Expr?
  /// Names bound before the innermost `with T.Kernel(...)` (parameters, closure values): no thread or block index.
  var namesBeforeKernel: Env?
  /// Target names of the enclosing non-parallel loops.
  var serialLoopNames: [Set<String>] = []
  var nextBufferID = 0
  var symbolicRun = false
  /// Parameters of the calls being executed that stand for themselves (`SymExpr(variable: name)`) because the call
  /// gave no value the evaluator knows (a symbolic run, an unknown argument): compile-time constants of unknown
  /// value, not run-time sizes, even where the file also declares `T.dynamic` of the same name. Restored after each
  /// call; a `T.dynamic` declaration of the name in the call takes it out.
  var standIns: Set<String> = []
  /// Calls of names the DSL module does not define (`T.alloc_shard`), where they are written (TL217).
  var unknownDSLNames: [TextRange: String] = [:]
  /// Front-end errors noted where a call or subscript runs (TL218, TL219), by the call's or subscript's range.
  var frontEndErrors: [TextRange: [Diagnostic]] = [:]
  /// How many plain Python functions called from a kernel body are executing (their `range` loops are Python's).
  var plainCallDepth = 0

  // MARK: - Kernel state (non-nil while executing a kernel body)
  var run: KernelRun?
  var loops: [LoopFrame] = []
  /// The `T.Parallel` loops being executed, innermost last, collecting their fragment accesses.
  var openParallel: [ParallelLoop] = []
  /// The `T.Pipelined` loops being executed, innermost last, collecting their statements.
  var openPipelined: [PipelinedLoop] = []
  /// How many `if`s with a run-time condition enclose the statement being executed.
  var runtimeIfDepth = 0
  /// The range of threadIdx.x that enclosing thread-index conditions and `T.ws` scopes leave (nil: the whole block).
  var threadRange: ThreadRange?
  /// TIR frames of the kernel body and the names bound in them (TL223, Interpreter+Scopes.swift).
  var tirScopes = TirScopes()
  /// Set by `T.ws(...)` for the `with` statement that opens it.
  var pendingWarpGroups: ThreadRange?
  /// How many `if`s whose condition is certainly a run-time value (the front end builds a TIR `If` frame) enclose the
  /// statement being executed.
  var tirIfDepth = 0
  /// The function body whose `return` the DSL front end handles, with the run-time control depth at its start
  /// (`loops.count + tirIfDepth`): the kernel's `@T.prim_func` body (macro false) or a `@T.macro` it calls; nil in
  /// other functions, whose `return` is plain Python.
  var returnScope: (base: Int, macro: Bool)?
  /// The next `if` is the whole body of the innermost `T.Pipelined` loop (after its leading assignments).
  var nextIfGuardsPipelinedBody = false
  /// The branches of undecided `if`s around the statement being executed, and the next `if`'s id.
  var branches: [BranchStep] = []
  var nextBranchID = 0
  /// The statements a `T.macro` call of a `T.Pipelined` body expands into, while that call runs (MacroExpansion).
  var macroExpansion: MacroExpansion?

  init(module: ModuleIndex, source: SourceText) {
    self.module = module
    self.source = source
  }

  func line(_ offset: Int) -> Int { source.line(of: offset) + 1 }

  // MARK: - Statements

  mutating func exec(_ body: [Stmt], _ env: inout Env) -> Flow {
    for stmt in body {
      let flow = exec(stmt, &env)
      if case .normal = flow { continue }
      return flow
    }
    return .normal
  }

  mutating func exec(_ stmt: Stmt, _ env: inout Env) -> Flow {
    guard budget > 0 else { return .returned(.unknown) }
    budget -= 1
    if run != nil, openParallel.isEmpty { noteSerialFragmentStore(stmt, env) }
    switch stmt.kind {
    case .expr(let e):
      _ = eval(e, &env)
    case .assign(let targets, let value):
      if targets.count == 1, case .name(let n) = targets[0].kind { pendingName = (n, targets[0].range) }
      let made = instances.count
      let v = eval(value, &env)
      pendingName = nil
      if targets.count == 1, case .name(let n) = targets[0].kind, instances.count > made {
        instancesByName[n] = made..<instances.count
      }
      if tirScopes.kernelDepth != nil { for t in targets { noteBinding(t, v, rhs: value, env) } }
      storeValue = targets.count == 1 ? value : nil
      for t in targets { bind(t, v, &env) }
      storeValue = nil
    case .annAssign(let target, let annotation, let value):
      if let value {
        if case .name(let n) = target.kind { pendingName = (n, target.range) }
        let v = eval(value, &env)
        pendingName = nil
        if tirScopes.kernelDepth != nil { noteBinding(target, v, rhs: value, env) }
        storeValue = value
        bind(target, v, &env)
        storeValue = nil
      } else if case .name(let n) = target.kind {
        declareAnnotated(n, target.range, annotation, &env)
      }
    case .augAssign(let target, let op, let value):
      let rhs = eval(value, &env)
      // The front end reads an augmented target without the scope check (`acc -= x` after the loop that bound acc
      // builds; checked with 0.1.15), and re-binds it here.
      if tirScopes.kernelDepth != nil, case .name(let n) = target.kind { tirScopes.expired.remove(n) }
      let lhs = eval(target, &env)
      let result = binary(op, lhs, rhs)
      if tirScopes.kernelDepth != nil, case .name(let n) = target.kind {
        noteBinding(target, result, rhs: value, env, alsoTir: tirScopes.scopeOf[n] != nil)
      }
      bind(target, result, &env)
    case .functionDef(let f):
      defineFunction(f, stmt.range, &env)
    case .classDef(let c):
      env[c.name] = .unknown
    case .return(let e):
      let value = e.map { eval($0, &env) } ?? .none
      if run != nil { noteReturn(stmt.range, value) }
      return .returned(value)
    case .if(let test, let body, let orElse):
      return execIf(test, body, orElse, &env)
    case .for(let target, let iter, let body, let orElse, _):
      return execFor(target, iter, body, orElse, stmt.range, &env)
    case .while(let test, let body, _):
      let condition = eval(test, &env)
      if run != nil, !conditionIsHostValue(test, condition, env) { run?.whileLoops.append(stmt.range) }
      let flow = exec(body, &env)
      if case .returned = flow { return flow }
    case .with(let items, let body, _):
      let outerNames = namesBeforeKernel
      let outerThreads = threadRange
      let outerScopes = tirScopes
      for item in items {
        pendingWarpGroups = nil
        let v = eval(item.context, &env)
        if run != nil, case .kernelFrame = v {
          namesBeforeKernel = env  // a copy-on-write snapshot: cheaper than hashing its names into a set
          tirScopes = TirScopes(kernelDepth: depth)
        }
        if let target = item.target {
          noteKernelUnpack(item.context, target, v)
          bindFrameTarget(target, v, &env)
        }
        if let groups = pendingWarpGroups { narrowThreads(to: groups) }
      }
      defer {
        namesBeforeKernel = outerNames
        threadRange = outerThreads
        if outerScopes.kernelDepth == nil { tirScopes = outerScopes }
      }
      return exec(body, &env)
    case .try(let body, let handlers, let orElse, let finalBody, _):
      let flow = exec(body, &env)
      if case .returned = flow { return flow }
      for h in handlers {
        if let name = h.name { env[name] = .unknown }
        _ = exec(h.body, &env)
      }
      _ = exec(orElse, &env)
      _ = exec(finalBody, &env)
    case .break:
      return .broke
    case .continue:
      return .continued
    case .import(let names):
      for a in names {
        let local = a.boundName
        env[local] = moduleValue(a.asName == nil ? local : a.name)
      }
    case .importFrom(let module, let names, _):
      for a in names where a.name != "*" { env[a.asName ?? a.name] = moduleValue((module ?? "") + "." + a.name) }
    case .global(let names), .nonlocal(let names):
      for n in names where env[n] == nil { env[n] = .unknown }
    case .delete, .pass, .raise, .assert, .match, .typeAlias, .error:
      break
    }
    return .normal
  }

  private mutating func execIf(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ env: inout Env) -> Flow {
    let guardsBody = nextIfGuardsPipelinedBody
    nextIfGuardsPipelinedBody = false
    let t = eval(test, &env)
    if let known = t.truthiness {
      return exec(known ? body : orElse, &env)
    }
    if guardsBody, !openPipelined.isEmpty { openPipelined[openPipelined.count - 1].guardedBody = true }
    if loops.last?.isParallel ?? false { noteParallelCondition(test, env) }
    let hostValue = run != nil && conditionIsHostValue(test, t, env)
    if hostValue {
      // The front end builds one branch of a Python-valued `if`; which one is unknown here, so what the checks find
      // in either branch may be in code the compiler never sees.
      func span(_ branch: [Stmt]) -> TextRange? {
        guard let first = branch.first, let last = branch.last else { return nil }
        return TextRange(first.range.start, last.range.end)
      }
      run?.undecidedHostBranches.append((span(body), span(orElse), test.range))
    }
    // Unknown condition: run both branches from the same state and keep only what they agree on.
    var a = env
    var b = env
    let outerThreads = threadRange
    let split = run?.readsThreadIndex ?? false ? threadRanges(test, &env) : (body: nil, orElse: nil)
    let tirIf = run != nil && !hostValue && conditionIsRunTime(test, t, env)
    if tirIf { tirIfDepth += 1 }
    defer { if tirIf { tirIfDepth -= 1 } }
    runtimeIfDepth += 1
    let id = nextBranchID
    nextBranchID += 1
    branches.append(BranchStep(id: id, taken: true))
    if let r = split.body { narrowThreads(to: r) }
    var frame = tirIf ? openTirFrame() : nil
    let fa = exec(body, &a)
    closeTirFrame(frame)
    threadRange = outerThreads
    branches[branches.count - 1].taken = false
    if let r = split.orElse { narrowThreads(to: r) }
    frame = tirIf ? openTirFrame() : nil
    let fb = exec(orElse, &b)
    closeTirFrame(frame)
    threadRange = outerThreads
    branches.removeLast()
    runtimeIfDepth -= 1
    env = merge(a, b, returnedA: fa, returnedB: fb)
    if case .returned(let va) = fa, case .returned = fb { return .returned(va) }
    return .normal
  }

  private func merge(_ a: Env, _ b: Env, returnedA: Flow, returnedB: Flow) -> Env {
    if case .returned = returnedA { return b }
    if case .returned = returnedB { return a }
    return a.merged(with: b) { va, vb in
      guard !va.same(as: vb) else { return nil }
      // Buffers and functions stay usable from either branch; scalars that differ are unknown.
      switch (va, vb) {
      case (.buffer, _), (.function, _): return va
      default: return .unknown
      }
    }
  }

  private mutating func execFor(
    _ target: Expr, _ iter: Expr, _ body: [Stmt], _ orElse: [Stmt], _ range: TextRange, _ env: inout Env
  ) -> Flow {
    let it = eval(iter, &env)
    if case .loopRange(let kind) = it, run != nil {
      let frame = openTirFrame()
      noteBinding(target, .unknown, rhs: nil, env)
      defer { closeTirFrame(frame) }
      bindLoopTargets(target, &env, extents: Self.tripCounts(kind))
      loops.append(LoopFrame(kind: kind, range: range))
      var targetNames = Set<String>()
      ASTWalker { e, _ in if case .name(let n) = e.kind { targetNames.insert(n) } }.walk(expression: target)
      serialLoopNames.append(targetNames)
      defer { serialLoopNames.removeLast() }
      for i in openParallel.indices { openParallel[i].innerVariables.formUnion(targetNames) }
      if case .parallel(let extents) = kind {
        var loop = ParallelLoop(range: range, variables: Self.loopNames(target, extents))
        loop.nestedInParallel = !openParallel.isEmpty
        loop.precedingEvents = run?.events.count ?? 0
        if case .call(_, let args) = iter.kind, let cw = args.first(where: { $0.name == "coalesced_width" }),
          case .int(let v?, _) = cw.value.kind
        {
          run?.literalCoalescedWidths.append((v, cw.value.range))
        }
        if !openPipelined.isEmpty {
          ASTWalker { e, _ in if case .name(let n) = e.kind { loop.names.insert(n) } }.walk(body)
        }
        openParallel.append(loop)
      }
      let start = run?.clock ?? 0
      var flow = Flow.normal
      if case .pipelined(let stages, let extents) = kind {
        var loop = PipelinedLoop(
          range: range, call: iter.range, stages: stages, extents: extents, ifDepth: runtimeIfDepth,
          branches: branches)
        if case .call(_, let args) = iter.kind {
          loop.annotated = args.contains { $0.name == "annotations" }
          if let order = args.first(where: { $0.name == "order" }),
            let stage = args.first(where: { $0.name == "stage" }),
            let items = eval(stage.value, &env).elements
          {
            let values = items.compactMap(\.constantInt)
            if values.count == items.count, !values.isEmpty {
              loop.explicitStages = values
              loop.stageArgument = stage.value.range
              loop.orderCount = eval(order.value, &env).elements?.count
            }
          }
        }
        openPipelined.append(loop)
        flow = execPipelinedBody(body, &env)
        if let loop = openPipelined.popLast() { run?.pipelinedLoops.append(loop) }
      } else {
        flow = exec(body, &env)
      }
      run?.widenToLoop(from: start)
      loops.removeLast()
      if case .parallel = kind, let loop = openParallel.popLast() {
        if !loop.accesses.isEmpty { run?.parallelLoops.append(loop) }
        if !openPipelined.isEmpty { openPipelined[openPipelined.count - 1].parallelLoops.append(loop) }
      }
      if case .returned = flow { return flow }
      return .normal
    }
    var items: [Value]?
    if case .loopRange(.hostRange(let values)) = it {
      items = values.prefix(Self.maxHostIterations).map { .int(SymExpr(constant: $0)) }
    }
    if let seq = it.elements { items = seq }
    if case .dict(let entries) = it { items = entries.map(\.key) }
    if let items, run == nil {
      for item in items.prefix(Self.maxHostIterations) {
        bind(target, item, &env)
        let flow = exec(body, &env)
        if case .returned = flow { return flow }
        if case .broke = flow { return .normal }
      }
      return exec(orElse, &env)
    }
    bindLoopTargets(target, &env)
    let flow = exec(body, &env)
    if case .returned = flow { return flow }
    return .normal
  }

  /// `i` or `(i, j)` with the trip counts of `T.Parallel(M, N)`; nil for other targets.
  static func loopNames(_ target: Expr, _ extents: [SymExpr?]) -> [(name: String, extent: SymExpr?)]? {
    let names: [Expr]
    switch target.kind {
    case .name: names = [target]
    case .tuple(let elts), .list(let elts): names = elts
    default: return nil
    }
    var out: [(name: String, extent: SymExpr?)] = []
    for (i, e) in names.enumerated() {
      guard case .name(let n) = e.kind else { return nil }
      out.append((n, i < extents.count ? extents[i] : nil))
    }
    return out
  }

  /// Records fragment accesses at a non-zero constant index in an assignment outside `T.Parallel` (the front end's
  /// `AddWrapperForSingleBufStore` pass, 0.1.15, rejects them: "Only fragment[0] access is allowed."). Skipped inside
  /// staged `T.Pipelined` loops (a tile operation there) and when the statement names anything that could hold a thread
  /// or block index: only buffers, `T`, the kernel's parameters and closure values, and serial loop variables.
  mutating func noteSerialFragmentStore(_ stmt: Stmt, _ env: Env) {
    let targets: [Expr]
    var parts: [Expr] = []
    switch stmt.kind {
    case .assign(let ts, let value):
      targets = ts
      parts = ts + [value]
    case .augAssign(let t, _, let value):
      targets = [t]
      parts = [t, value]
    case .annAssign(let t, _, let value?):
      targets = [t]
      parts = [t, value]
    default: return
    }
    guard let outer = namesBeforeKernel,
      targets.contains(where: { if case .subscript = $0.kind { true } else { false } }),
      !loops.contains(where: { if case .pipelined(let s, _) = $0.kind { (s ?? 1) >= 1 } else { false } })
    else { return }
    var subscripts: [(base: String, index: Expr, range: TextRange)] = []
    var names = Set<String>()
    let walker = ASTWalker { e, _ in
      switch e.kind {
      case .name(let n): names.insert(n)
      case .subscript(let base, let index): if case .name(let n) = base.kind { subscripts.append((n, index, e.range)) }
      default: break
      }
    }
    for p in parts { walker.walk(expression: p) }
    let serial = serialLoopNames.reduce(into: Set<String>()) { $0.formUnion($1) }
    for n in names where n != "T" && !serial.contains(n) {
      if case .buffer? = env[n] { continue }
      if outer[n] == nil { return }
    }
    for s in subscripts {
      guard case .buffer(let b)? = env[s.base], b.scope.isFragment else { continue }
      var scratch = env
      let indices = Self.indexList(eval(s.index, &scratch))
      if let c = indices.lazy.compactMap({ $0?.constant }).first(where: { $0 != 0 }) {
        run?.serialFragmentConstantIndices.append((s.range, b.name, c))
        return
      }
    }
  }

  /// The index expressions of a subscript's evaluated index.
  static func indexList(_ index: Value) -> [SymExpr?] { index.elements.map { $0.map(\.intValue) } ?? [index.intValue] }

  /// Records an element access of a fragment inside the innermost open `T.Parallel` loop.
  mutating func recordParallelAccess(_ b: Buffer, _ index: Value, isWrite: Bool, range: TextRange) {
    guard b.scope.isFragment, !openParallel.isEmpty else { return }
    let indices = Self.indexList(index)
    openParallel[openParallel.count - 1].accesses.append(
      ParallelLoop.Access(buffer: b, indices: indices, isWrite: isWrite, range: range))
  }

  /// Records a use of shared buffer `b` at `range`, keyed by the innermost enclosing `T.Pipelined` loop.
  mutating func notePipelineUse(_ b: Buffer, _ range: TextRange) {
    guard b.scope.isShared, run != nil else { return }
    let loop = loops.last(where: \.isPipelined)?.range
    let known = run?.pipelineUses[b.id]?.contains { $0.loop == loop && $0.branches == branches } ?? false
    if !known { run?.pipelineUses[b.id, default: []].append(PipelineUse(loop: loop, range: range, branches: branches)) }
  }

  /// Whether `e` reads an element of a buffer (`Sb[k]`, `A[i, j] * 2`).
  func loadsBuffer(_ e: Expr, _ env: Env) -> Bool {
    var found = false
    ASTWalker { x, _ in
      if !found, case .subscript(let base, _) = x.kind, case .name(let n) = base.kind, case .buffer? = env[n] {
        found = true
      }
    }.walk([Stmt(.expr(e), e.range)])
    return found
  }

  /// Trip counts of a kernel loop's variables: `T.Pipelined(n)` → [n], `T.Pipelined(a, b)` → [b - a],
  /// `T.Parallel(M, N)` → [M, N].
  static func tripCounts(_ kind: LoopKind) -> [SymExpr?] {
    switch kind {
    case .pipelined(_, let extents), .serial(let extents):
      if extents.count == 2, let a = extents[0], let b = extents[1] { return [b - a] }
      return extents.count == 1 ? extents : []
    case .parallel(let extents): return extents
    case .hostRange: return []
    }
  }

  // MARK: - Binding

  mutating func bind(_ target: Expr, _ value: Value, _ env: inout Env) {
    switch target.kind {
    case .name(let n):
      if run != nil, case .buffer(let b)? = env[n], b.scope == .localVar, !value.isBufferLike {
        markWritten(b.id, at: target.range)  // the front end stores into a T.alloc_var's element: `s = s + 1`
      } else if run != nil, case .tensorType(let t) = value {
        env[n] = bufferValue(name: n, nameRange: target.range, declaration: target.range, type: t)
      } else {
        env[n] = value
      }
    case .tuple(let elts), .list(let elts):
      let values = value.elements
      let starIndex = elts.firstIndex { if case .starred = $0.kind { return true } else { return false } }
      for (i, e) in elts.enumerated() {
        if case .starred(let inner) = e.kind {
          bind(inner, .unknown, &env)
          continue
        }
        var v = Value.unknown
        if let values {
          if let s = starIndex, i > s {
            let fromEnd = elts.count - i
            if values.count - fromEnd >= 0 { v = values[values.count - fromEnd] }
          } else if i < values.count {
            v = values[i]
          }
        }
        bind(e, v, &env)
      }
    case .starred(let inner):
      bind(inner, .unknown, &env)
    case .subscript(let base, let index):
      if run != nil, case .buffer(let b) = eval(base, &env) {
        noteIndexReads(index)
        run?.touch(b.id)
        notePipelineUse(b, target.range)
        markWritten(b.id, at: target.range)
        noteSliceStore(b, index, target.range, &env)
        noteLocalParallelIndex(b, index, env, at: target.range)
        run?.untrackedLayouts.insert(b.id)
        if !openParallel.isEmpty {
          let indices = b.scope.isFragment ? nil : Self.indexList(evalIndex(index, &env))
          openParallel[openParallel.count - 1].noteAccess(b, isStore: true, indices: indices)
        }
        if b.scope.isFragment, !openParallel.isEmpty {
          recordParallelAccess(b, evalIndex(index, &env), isWrite: true, range: target.range)
        }
        if b.scope.isShared, !openParallel.isEmpty { openParallel[openParallel.count - 1].writesShared = true }
        if loops.contains(where: \.isParallel) {
          run?.layoutProviders.insert(b.id)
        } else if b.scope.isFragment {
          run?.serialElementAccess.insert(b.id)
        }
      }
    case .attribute(let base, let name, _):
      if case .name(let n) = base.kind, case .namespace(var attrs)? = env[n] {
        attrs[name] = value
        env[n] = .namespace(attrs)
      }
    default:
      break
    }
  }

  /// Binds `with T.Kernel(...) as (bx, by)` targets: thread/block indices are opaque integers.
  mutating func bindFrameTarget(_ target: Expr, _ frame: Value, _ env: inout Env) {
    if case .kernelFrame(_, let grid) = frame {
      bindLoopTargets(target, &env, extents: grid, unitIsZero: true)
    } else {
      bind(target, .unknown, &env)
    }
  }

  /// Loop variables of kernel loops are symbolic integers named after the variable.
  /// `extents` gives each variable's trip count in order, when known (grid sizes, loop extents). With `unitIsZero`,
  /// a block index over a grid dimension of 1 is 0, as the compiler's simplifier makes it (so a store at
  /// `C[by * 64, bx * 128]` with one block along x is contiguous).
  mutating func bindLoopTargets(
    _ target: Expr, _ env: inout Env, extents: [SymExpr?] = [], unitIsZero: Bool = false
  ) {
    switch target.kind {
    case .name(let n):
      let unit = unitIsZero && (extents.first ?? nil)?.constant == 1
      env[n] = .int(unit ? SymExpr(constant: 0) : SymExpr(variable: n))
      run?.loopVariables.insert(n)
      if unitIsZero { run?.blockIndices.insert(n) }
      if let e = extents.first ?? nil { run?.indexExtents[n] = e }
    case .tuple(let elts), .list(let elts):
      for (i, e) in elts.enumerated() {
        bindLoopTargets(e, &env, extents: i < extents.count ? [extents[i]] : [], unitIsZero: unitIsZero)
      }
    default: bind(target, .unknown, &env)
    }
  }

  /// `A: T.Tensor((M, K), dtype)` without a value declares a global buffer (eager jit style).
  mutating func declareAnnotated(_ name: String, _ range: TextRange, _ annotation: Expr, _ env: inout Env) {
    let t = eval(annotation, &env)
    if case .tensorType(let type) = t {
      env[name] = bufferValue(name: name, nameRange: range, declaration: annotation.range, type: type)
    }
  }

  /// A buffer when its shape is known; `.unknown` otherwise (an unknown shape is never rank 0).
  mutating func bufferValue(name: String, nameRange: TextRange, declaration: TextRange, type: TensorType) -> Value {
    guard type.shape != nil else { return .unknown }
    return .buffer(makeBuffer(name: name, nameRange: nameRange, declaration: declaration, type: type))
  }

  mutating func makeBuffer(name: String, nameRange: TextRange, declaration: TextRange, type: TensorType) -> Buffer {
    nextBufferID += 1
    let b = Buffer(
      id: nextBufferID, name: name, shape: type.shape ?? [], dtype: type.dtype, scope: type.scope,
      strides: type.strides, declarationRange: declaration, nameRange: nameRange, allocator: type.allocator)
    if type.shape != nil, run != nil { run?.buffers.append(b) }
    return b
  }

  func moduleValue(_ dotted: String) -> Value {
    let q = ModuleIndex.canonicalModule(dotted)
    if q == "tilelang.language" { return .dsl("") }
    if q.hasPrefix("tilelang.language.") { return .dsl(String(q.dropFirst("tilelang.language.".count))) }
    return .module(q)
  }
}
