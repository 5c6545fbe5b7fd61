// The DSL's own calls (`T.alloc_shared`, `T.Kernel`, `T.Pipelined`, `T.copy`, `T.const`, ...) as the interpreter
// evaluates them: allocations become buffers, loops become loop frames, copies become recorded events.

import TileLangSyntax

extension Interpreter {
  static let copyOps: Set<String> = ["copy", "async_copy", "tma_copy", "copy_cluster", "im2col", "c2d_im2col"]

  mutating func dslCall(
    _ name: String, _ call: Expr, _ callee: Expr, _ args: [Argument], _ a: CallArguments, _ env: inout Env
  ) -> Value {
    let p = a.positional
    if case .attribute(let base, _, _) = callee.kind, let signature = DSLSignatures.byName[name],
      !Self.argumentsCheckedElsewhere.contains(name), namesDSLModule(base)
    {
      noteDSLArguments(name, signature, call, args, a)  // TL218 (DSLCallArguments)
    }
    // One lookup of the name decides what a kernel body records for the call (no traits outside a kernel).
    let op = run == nil ? [] : Self.opTraits[name] ?? []
    if run != nil, name == "pdl_sync" || name == "pdl_trigger" { run?.pdlCalls.append((name, call.range)) }
    if op.contains(.fill), case .buffer(let b)? = p.first { markWritten(b.id, at: call.range) }
    if !op.isDisjoint(with: .tileOps), loops.contains(where: \.isParallel) {
      run?.tileOpsInParallel.append((name, call.range))
    }
    if run != nil {
      let laysOut = op.isDisjoint(with: .copyOrFill)
      let tracked = !op.isDisjoint(with: .gemmOrReduce)
      for v in p {
        if case .buffer(let b) = v { noteBufferArgument(b, laysOut: laysOut, tracked: tracked, call.range) }
      }
      for v in a.keywords.values {
        if case .buffer(let b) = v { noteBufferArgument(b, laysOut: laysOut, tracked: tracked, call.range) }
      }
      if name == "annotate_layout", case .dict(let entries)? = p.first {
        for e in entries {
          guard case .buffer(let b) = e.key else { continue }
          run?.layoutProviders.insert(b.id)
          run?.callLaidOut.insert(b.id)
          run?.untrackedLayouts.insert(b.id)
        }
      }
    }
    if !op.isDisjoint(with: .recordedTileOps) { recordTileOp(name, call, args, a, &env) }
    if op.contains(.atomic),
      case (.buffer(let dst)?, _) = a.argument(0, "dst"),
      case (.buffer(let value)?, let valueExpr) = a.argument(1, "value")
    {
      run?.atomicBufferCalls.append(
        AtomicBufferCall(op: name, dst: dst, value: value, valueRange: valueExpr?.range, call: call.range))
    }
    if name == "if_then_else" || name == "Select", loops.last?.isParallel ?? false,
      let condition = args.first(where: { $0.name == nil })?.value
    {
      noteParallelCondition(condition, env)
    }
    func int(_ i: Int) -> SymExpr? { i < p.count ? p[i].intValue : nil }
    switch Self.dslCallCases[name] {
    case .binding?:
      // The thread (block) index along one dim: a symbolic integer, so a per-thread region such as
      // `A[(bx * 128 + tx) * 8]` keeps its alignment and `tx * 8:(tx + 1) * 8` its extent of 8.
      let dim = int(0)?.constant ?? a.keywords["dim"]?.constantInt ?? 0
      guard (0...2).contains(dim) else { return .unknown }
      if name == "get_thread_binding" { run?.readsThreadIndex = true }
      return .int(
        SymExpr(variable: (name == "get_thread_binding" ? "threadIdx." : "blockIdx.") + ["x", "y", "z"][dim]))
    case .select?:
      // An integer chosen at run time outside T.Parallel (`v = T.if_then_else(c, i, v)`, a grouped GEMM's batch
      // index): a new symbol.
      guard run != nil, !(loops.last?.isParallel ?? false), p.count == 3, p[1].intValue != nil || p[2].intValue != nil
      else { return .unknown }
      let text = source.text(call.range)
      return .int(SymExpr(variable: freshRunTimeName(text.count <= 48 ? text : "T.\(name)(…)")))
    case .ceildiv?:
      guard let x = int(0), let y = int(1), y.constant != 0 else { return .unknown }
      return .int(.ceilDiv(x, y))
    case .floordiv?:
      guard let x = int(0), let y = int(1), y.constant != 0 else { return .unknown }
      return .int(.floorDiv(x, y))
    case .floormod?:
      guard let x = int(0), let y = int(1), y.constant != 0 else { return .unknown }
      return .int(.mod(x, y))
    case .minMax?:
      guard let x = int(0), let y = int(1) else { return .unknown }
      return .int(name == "max" ? .max(x, y) : .min(x, y))
    case .const?:
      if let spec = p.first?.stringValue, let consts = run?.instance.constSizes, run?.instance.sizesOnly == true {
        for n in ModuleIndex.declaredNames(spec) where consts[n] == nil { run?.unboundConsts.append((n, call.range)) }
      }
      return constNames(p.first?.stringValue)
    case .dynamic?:
      return declareDynamic(p.first?.stringValue)
    case .tensorType?:
      return tensorType(name, p, a.keywords)
    case .empty?:
      // `T.empty((M, N), dtype)` or `T.empty(M, N, dtype=...)`.
      if p.count >= 2, p[0].elements == nil, p[1].intValue != nil {
        let dims = p.prefix { $0.intValue != nil }
        var rest = Array(p.dropFirst(dims.count))
        if rest.isEmpty, let d = a.keywords["dtype"] { rest = [d] }
        return tensorType("empty", [.sequence(Array(dims), isList: false)] + rest, a.keywords)
      }
      return tensorType("empty", p, a.keywords)
    case .alloc?:
      return allocate(name, call, p, a.keywords)
    case .allocVar?:
      let dtype = (p.first?.dtypeName) ?? a.keywords["dtype"]?.dtypeName
      return allocate(
        name, call, [.sequence([.int(1)], isList: false), dtype.map { .dtype($0) } ?? .unknown], [:])
    case .allocBarrier?:
      let count = p.first?.elements?.count ?? 1
      return allocate(name, call, [.sequence([.int(SymExpr(constant: count))], isList: false), .dtype("uint64")], [:])
    case .reshape?:
      guard case .buffer(let b)? = p.first else { return .unknown }
      let shape = (p.count > 1 ? p[1] : a.keywords["shape"] ?? .unknown).elements?.compactMap(\.intValue)
      let dtype = (p.count > 2 ? p[2].dtypeName : nil) ?? a.keywords["dtype"]?.dtypeName ?? b.dtype
      guard let shape else { return .unknown }
      let nameRange = pendingName?.1 ?? call.range
      return .buffer(
        makeBuffer(
          name: pendingName?.0 ?? b.name, nameRange: nameRange, declaration: call.range,
          type: TensorType(shape: shape, dtype: dtype, strides: nil, scope: b.scope, allocator: name)))
    case .kernel?:
      // Tile ops are spread over threadIdx.x only (layout inference binds that thread var): `threads=(32, 32)`
      // gives a gemm one warp (checked with 0.1.15).
      let threads = a.keywords["threads"].flatMap { v -> SymExpr? in
        if let i = v.intValue { return i }
        return v.elements?.first?.intValue
      }
      if run != nil {
        run?.threads = threads ?? 128
        run?.kernelCall = call.range
      }
      return .kernelFrame(threads: threads ?? 128, grid: p.map(\.intValue))
    case .pipelined?:
      let stages = a.keywords["num_stages"]?.constantInt
      return .loopRange(.pipelined(stages: stages, extents: p.map(\.intValue)))
    case .parallel?:
      return .loopRange(.parallel(extents: p.map(\.intValue)))
    case .serial?:
      // `T.parallel` is TIR's parallel `for` (a loop frame of its own), not the tile-level `T.Parallel`.
      return .loopRange(.serial(extents: p.map(\.intValue)))
    case .ws?:
      let ids = p.compactMap { $0.intValue?.constant }
      if ids.count == p.count { pendingWarpGroups = Self.warpGroupRange(ids) }
      return .unknown
    case .annotateLayout?:
      if case .dict(let entries)? = p.first {
        for e in entries { if case .buffer(let b) = e.key { run?.annotatedLayouts.insert(b.id) } }
      }
      return .none
    case .gemm?:
      let slots = GemmSlots(name)
      for (i, key) in slots.operands {
        if case .buffer(let b)? = a.argument(i, key).0 { run?.gemmOperands.insert(b.id) }
      }
      if run != nil {
        var g = gemmCall(name, call, a)
        g.regions = g.operandExprs.prefix(2).map { e -> Operand? in
          guard let e, case .subscript = e.kind else { return nil }
          return operand(e, &env).0
        }
        run?.layoutOps.append(.gemm(g))
      }
      return .none
    case nil:
      break
    }
    if op.contains(.reduce) {
      let r = reduceCall(name, call, a)
      run?.layoutOps.append(.reduce(r))
      return .none
    }
    if op.contains(.copy) {
      recordCopy(name, call, callee, args, a, &env)
      return .none
    }
    if op.isEmpty, !DSLNames.all.contains(name) || DSLNames.submodules.contains(name),
      case .attribute(let base, _, let nameRange) = callee.kind,
      namesDSLModule(base)
    {
      unknownDSLNames[nameRange] = name  // TL217 (UnknownDSLName)
    }
    return .unknown
  }

  /// The DSL calls `dslCall` evaluates or records by name, one case per group of names (one table lookup instead
  /// of comparing the name with each string in turn).
  enum DSLCallCase {
    case binding, select, ceildiv, floordiv, floormod, minMax, const, dynamic, tensorType, empty, alloc, allocVar,
      allocBarrier, reshape, kernel, pipelined, parallel, serial, ws, annotateLayout, gemm
  }

  static let dslCallCases = NameTable<DSLCallCase>(groups: [
    (["get_thread_binding", "get_block_binding"], .binding),
    (["if_then_else", "Select"], .select),
    (["ceildiv"], .ceildiv),
    (["floordiv"], .floordiv),
    (["floormod"], .floormod),
    (["max", "min"], .minMax),
    (["const"], .const),
    (["symbolic", "dynamic", "Var"], .dynamic),
    (["Tensor", "Buffer", "StridedTensor", "SharedBuffer", "FragmentBuffer"], .tensorType),
    (["empty"], .empty),
    (
      [
        "alloc_shared", "alloc_fragment", "alloc_local", "alloc_buffer", "decl_buffer", "alloc_tmem", "alloc_global",
        "alloc_reducer",
      ], .alloc
    ),
    (["alloc_var"], .allocVar),
    (["alloc_barrier", "alloc_cluster_barrier"], .allocBarrier),
    (["reshape", "view"], .reshape),
    (["Kernel", "ClusterKernel"], .kernel),
    (["Pipelined"], .pipelined),
    (["Parallel"], .parallel),
    (
      [
        "serial", "Serial", "unroll", "Unroll", "vectorized", "Vectorized", "grid", "Persistent", "thread_binding",
        "parallel",
      ], .serial
    ),
    (["ws"], .ws),
    (["annotate_layout"], .annotateLayout),
    (Array(gemmOps), .gemm),
  ])

  /// A buffer passed to a DSL call in a kernel body: touched, used by the pipeline, and laid out by the call unless
  /// it is a copy or fill.
  private mutating func noteBufferArgument(_ b: Buffer, laysOut: Bool, tracked: Bool, _ range: TextRange) {
    run?.touch(b.id)
    notePipelineUse(b, range)
    guard laysOut else { return }
    run?.layoutProviders.insert(b.id)
    run?.callLaidOut.insert(b.id)
    if !tracked { run?.untrackedLayouts.insert(b.id) }
    markConsumed(b.id)
  }

  /// Whether `e` is written as the DSL module itself (`T` from `import tilelang.language as T`, or
  /// `tilelang.language`), not a backend dialect that canonicalises to it.
  func namesDSLModule(_ e: Expr) -> Bool {
    switch e.kind {
    case .name(let n): return module.imports[n] == "tilelang.language"
    case .attribute(let base, "language", _):
      if case .name(let n) = base.kind { return module.imports[n] == "tilelang" }
      return false
    default: return false
    }
  }

  static let gemmOps: Set<String> = ["gemm", "gemm_v1", "gemm_v2", "wgmma_gemm", "tcgen05_gemm", "gemm_sp"]
  static let reduceOps: Set<String> = [
    "reduce_max", "reduce_min", "reduce_sum", "reduce_abssum", "reduce_absmax", "reduce_bitand", "reduce_bitor",
    "reduce_bitxor",
  ]

  /// The kinds of tile operation a DSL call records in a kernel body.
  struct OpTraits: OptionSet {
    let rawValue: UInt8
    static let copy = OpTraits(rawValue: 1 << 0)
    static let gemm = OpTraits(rawValue: 1 << 1)
    static let reduce = OpTraits(rawValue: 1 << 2)
    /// `T.fill` and `T.clear`.
    static let fill = OpTraits(rawValue: 1 << 3)
    static let cumsum = OpTraits(rawValue: 1 << 4)
    static let cummax = OpTraits(rawValue: 1 << 5)
    /// `T.atomic_add`, `T.atomic_max`, `T.atomic_min` (whole-buffer operands are checked for shape).
    static let atomic = OpTraits(rawValue: 1 << 6)
    // Unions the calls test, kept as constants: an array literal of traits builds an array on every call.
    static let tileOps: OpTraits = [.gemm, .reduce, .fill, .cumsum]
    static let copyOrFill: OpTraits = [.copy, .fill]
    static let gemmOrReduce: OpTraits = [.gemm, .reduce]
    static let recordedTileOps: OpTraits = [.reduce, .cumsum, .cummax, .fill]
  }

  static let opTraits: NameTable<OpTraits> = {
    var traits: [String: OpTraits] = ["fill": .fill, "clear": .fill, "cumsum": .cumsum, "cummax": .cummax]
    for n in copyOps { traits[n, default: []].insert(.copy) }
    for n in gemmOps { traits[n, default: []].insert(.gemm) }
    for n in reduceOps { traits[n, default: []].insert(.reduce) }
    for n in ["atomic_add", "atomic_max", "atomic_min"] { traits[n, default: []].insert(.atomic) }
    return NameTable(traits)
  }()

  /// Records a reduction, scan or fill with its arguments and buffer operands (input, then output).
  private mutating func recordTileOp(
    _ name: String, _ call: Expr, _ args: [Argument], _ a: CallArguments, _ env: inout Env
  ) {
    let names =
      Self.reduceOps.contains(name) ? ["buffer", "out"] : name.hasPrefix("cum") ? ["src", "dst"] : ["buffer"]
    var operands: [Operand] = []
    var operandExprs: [Expr?] = []
    for (i, key) in names.enumerated() {
      let (value, expr) = a.argument(i, key)
      operandExprs.append(expr)
      // A region is evaluated again as an operand; anything else keeps its value (a call is not run twice).
      if let expr, case .subscript = expr.kind {
        operands.append(operand(expr, &env).0)
        continue
      }
      switch value {
      case .buffer(let b)?: operands.append(.buffer(b))
      case .unknown?: operands.append(.unknown)
      default: operands.append(.notBuffer)  // absent, None or a scalar
      }
    }
    var keywords: [String: (value: Value, argument: Argument)] = [:]
    for (k, arg) in a.keywordArgs { keywords[k] = (a.keywords[k] ?? .unknown, arg) }
    run?.tileOpCalls.append(
      TileOpCall(
        op: name, call: call, arguments: args, positional: a.positional, positionalArgs: a.positionalArgs,
        keywords: keywords, hasUnknownSpread: a.hasUnknownSpread, operands: operands, operandExprs: operandExprs,
        undecided: !branches.isEmpty))
  }

  /// The arguments of a gemm call that decide its fragment layouts: `T.gemm(A, B, C, transpose_A, transpose_B,
  /// policy, ...)`.
  private func gemmCall(_ name: String, _ call: Expr, _ a: CallArguments) -> GemmCall {
    let slots = GemmSlots(name)
    let operands = [slots.a, slots.b, slots.c].map { a.argument($0.0, $0.1) }
    func flag(_ v: Value?) -> Bool? {
      guard let v else { return false }
      if case .bool(let b) = v { return b }
      return v.constantInt.map { $0 != 0 }
    }
    var policy: String?
    switch a.argument(slots.policy, "policy").0 {
    case nil: policy = "Square"
    case .dsl(let path)?: policy = path.split(separator: ".").last.map(String.init)
    case let v?: policy = v.constantInt.flatMap { $0 >= 0 && $0 < 3 ? ["Square", "FullRow", "FullCol"][$0] : nil }
    }
    if let p = policy, !["Square", "FullRow", "FullCol"].contains(p) { policy = nil }
    return GemmCall(
      op: name, call: call, operands: operands.map { $0.0 ?? .unknown }, operandExprs: operands.map(\.1),
      transposeA: flag(a.argument(slots.transposeA, "transpose_A").0),
      transposeB: flag(a.argument(slots.transposeB, "transpose_B").0),
      policy: policy,
      loops: loops, threads: opThreads)
  }

  /// `T.reduce_max(buffer, out, dim=-1, clear=True)`.
  private func reduceCall(_ name: String, _ call: Expr, _ a: CallArguments) -> ReduceCall {
    let src = a.argument(0, "buffer")
    let dst = a.argument(1, "out")
    var dim: Int?
    if let d = a.argument(2, "dim").0 { dim = d.constantInt } else { dim = -1 }
    if let d = dim, d < 0, case .buffer(let b)? = src.0 { dim = d + b.rank }
    return ReduceCall(
      op: name, call: call, source: src.0 ?? .unknown, destination: dst.0 ?? .unknown, sourceExpr: src.1,
      destinationExpr: dst.1, dim: dim, loops: loops)
  }

  /// `T.dynamic("m")` (or TVM's `tvm.te.var("m")`): the named run-time sizes.
  mutating func declareDynamic(_ spec: String?) -> Value {
    let v = constNames(spec)
    if let spec {
      run?.declaredDynamic.formUnion(ModuleIndex.declaredNames(spec))
      standIns.subtract(ModuleIndex.declaredNames(spec))
    }
    return v
  }

  /// `T.const("M, N, K")`: names bound by the instance's `.compile(M=...)` sizes, else symbolic.
  private func constNames(_ spec: String?) -> Value {
    guard let spec else { return .unknown }
    let names = ModuleIndex.declaredNames(spec)
    let consts = run?.instance.constSizes ?? [:]
    let values: [Value] = names.map { consts[$0] ?? .int(SymExpr(variable: $0)) }
    return values.count == 1 ? values[0] : .sequence(values, isList: false)
  }

  /// A shape argument as dimensions: a tuple or list whose items are all integers, or one integer.
  static func shapeDims(_ v: Value) -> [SymExpr]? {
    if let items = v.elements {
      let dims = items.compactMap(\.intValue)
      return dims.count == items.count ? dims : nil
    }
    return v.intValue.map { [$0] }
  }

  func tensorType(_ kind: String, _ p: [Value], _ kw: Keywords<Value>) -> Value {
    let shape = Self.shapeDims(p.first ?? kw["shape"] ?? .unknown)
    var strides: [SymExpr]?
    var dtypeIndex = 1
    if kind == "StridedTensor" {
      strides = (p.count > 1 ? p[1] : kw["strides"] ?? .unknown).elements?.compactMap(\.intValue)
      dtypeIndex = 2
    }
    let dtype =
      (p.count > dtypeIndex ? p[dtypeIndex].dtypeName : nil) ?? kw["dtype"]?.dtypeName
      ?? (p.count > dtypeIndex || kw["dtype"] != nil ? nil : "float32")
    let scope: MemoryScope
    switch kind {
    case "SharedBuffer": scope = .sharedDyn
    case "FragmentBuffer": scope = .fragment
    default: scope = MemoryScope(kw["scope"]?.stringValue ?? "global")
    }
    return .tensorType(TensorType(shape: shape, dtype: dtype, strides: strides, scope: scope, allocator: kind))
  }

  private mutating func allocate(_ name: String, _ call: Expr, _ p: [Value], _ kw: Keywords<Value>) -> Value {
    let defaultScope: String
    switch name {
    case "alloc_shared": defaultScope = "shared.dyn"
    case "alloc_fragment", "alloc_reducer": defaultScope = "local.fragment"
    case "alloc_local": defaultScope = "local"
    case "alloc_var": defaultScope = "local.var"
    case "alloc_barrier", "alloc_cluster_barrier": defaultScope = "shared.barrier"
    case "alloc_tmem": defaultScope = "shared.tmem"
    case "alloc_global": defaultScope = "global"
    default: defaultScope = "global"
    }
    let scopeText = kw["scope"]?.stringValue ?? (p.count > 2 ? p[2].stringValue : nil) ?? defaultScope
    let shape = Self.shapeDims(p.first ?? kw["shape"] ?? .unknown)
    let dtype = (p.count > 1 ? p[1].dtypeName : nil) ?? kw["dtype"]?.dtypeName
    noteNumericDType(name, call, p.count > 1 ? p[1] : kw["dtype"])
    guard let shape else { return .unknown }
    let (n, r) = pendingName ?? ("<\(name)>", call.range)
    if let run, !loops.isEmpty,
      let dim = shape.first(where: { d in
        d.variables.contains { run.loopVariables.contains($0) && !run.blockIndices.contains($0) }
      })
    {
      // TL113 (AllocationExtents): allocations are hoisted to the top of the block, above the loop.
      let shapeArg: Expr? = {
        guard case .call(_, let args) = call.kind else { return nil }
        return args.first(where: { $0.name == nil })?.value ?? args.first(where: { $0.name == "shape" })?.value
      }()
      self.run?.loopExtentAllocations.append((n, shapeArg?.range ?? call.range, dim))
    }
    return .buffer(
      makeBuffer(
        name: n, nameRange: r, declaration: call.range,
        type: TensorType(shape: shape, dtype: dtype, strides: nil, scope: MemoryScope(scopeText), allocator: name)))
  }
}
