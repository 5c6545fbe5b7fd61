// What executing one kernel instance records: buffers, copy-like calls with evaluated operands, loop context.

import TileLangSyntax

/// One way a kernel is instantiated: its closure, how its sizes were bound, and where from.
struct KernelInstance: Sendable {
  var function: FunctionID
  var closure: Env
  /// Bound parameters of an eager jit kernel (prim_func parameters come from annotations).
  var arguments: [String: Value]
  /// `T.const` sizes bound by `.compile(M=...)` / `.get_tir(M=...)`.
  var constSizes: [String: Value]
  /// `with M=1024, block_M=128 from line 88`, or nil when nothing was specialized.
  var provenance: String?
  var isSymbolic: Bool
  /// `pass_configs` of a `tilelang.compile(...)` that builds this instance (the factory call inside it, or a name
  /// bound to that call); they apply over the decorator's.
  var compilePassConfigs: [String: Bool] = [:]
  /// An eager kernel bound by `.compile(...)` / `.get_tir(...)` with sizes only (no tensors to read sizes from):
  /// every `T.const` name needs a keyword.
  var sizesOnly = false
  /// The call that built this instance: of the function whose body defines the prim_func (a factory), or of the eager
  /// kernel itself. The compiler bridge builds the kernel with these sizes when nothing else gives them.
  var call: FunctionCall?
  /// Parameter names standing for themselves when the instance was made (Interpreter.standIns): not the file's
  /// `T.dynamic` names, whatever they are called.
  var standIns: Set<String> = []
}

/// A call of a function of the file: the arguments it bound (explicitly or by default) and where it is.
struct FunctionCall: Sendable {
  var function: FunctionID
  var arguments: [(name: String, value: Value, fromDefault: Bool)]
  var range: TextRange
}

/// An enclosing loop of a call inside a kernel.
struct LoopFrame: Sendable {
  var kind: LoopKind
  var range: TextRange

  var isParallel: Bool { if case .parallel = kind { return true } else { return false } }
  var isPipelined: Bool { if case .pipelined = kind { return true } else { return false } }
}

/// A copy operand after evaluation (tilelang/language/utils.py `get_extent` forms).
enum Operand: Sendable {
  case buffer(Buffer)
  case region(Buffer, mins: [SymExpr?], extents: [SymExpr?])
  case point(Buffer, indices: [SymExpr?])
  /// Not a buffer at all (`T.copy(0, S)`).
  case notBuffer
  /// Could not be evaluated; checks skip it.
  case unknown

  var buffer: Buffer? {
    switch self {
    case .buffer(let b), .region(let b, _, _), .point(let b, _): return b
    default: return nil
    }
  }
}

/// A call of `T.copy`, `T.async_copy`, `T.tma_copy`, `T.copy_cluster`, `T.im2col` or `T.c2d_im2col`.
struct CopyEvent: Sendable {
  var op: String
  var call: Expr
  var callee: Expr
  var arguments: [Argument]
  /// Evaluated positional arguments (after keyword `src=`/`dst=` are placed).
  var positional: [Value]
  var positionalArgs: [Argument]
  var operands: [Operand]
  /// The syntax of each operand (same order as `operands`).
  var operandExprs: [Expr]
  var problems: [SubscriptProblem]
  var keywords: [String: (value: Value, argument: Argument)]
  var loops: [LoopFrame]
  var threads: SymExpr?
  var kernelCall: TextRange?
  /// Under an `if` with a run-time condition inside the innermost `T.Pipelined` loop: the pipeliner does not make it
  /// a producer stage.
  var conditionalInPipeline = false
  /// Inside a `T.Pipelined` loop but not one of the statements warp specialisation classifies: it sits in a nested
  /// loop or under a run-time `if` (other than a lone `if` without `else` that is the whole body, which
  /// ProducerConsumerWS unwraps), so it is never moved into the producer branch.
  var nestedInPipelineBody = false

  /// `T.copy(F, G)` of a whole fragment into a whole fragment of the same constant shape: a register copy, along
  /// which a fragment's layout carries over.
  var wholeFragmentCopy: (src: Buffer, dst: Buffer)? {
    guard operands.count >= 2, case .buffer(let s) = operands[0], case .buffer(let d) = operands[1],
      s.scope.isFragment, d.scope.isFragment, s.concreteShape != nil, s.concreteShape == d.concreteShape
    else { return nil }
    return (s, d)
  }
}

/// Where a gemm call's arguments sit, by position and keyword: `T.gemm(A, B, C, transpose_A, transpose_B, policy,
/// ...)`; `T.gemm_sp(A_sparse, E, B, C, transpose_A, transpose_E, transpose_B, policy, ...)` takes its metadata
/// second.
struct GemmSlots {
  var a = (0, "A"), b = (1, "B"), c = (2, "C"), e: (Int, String)?
  var transposeA = 3, transposeB = 4, policy = 5

  /// The positions the op's signature gives (DSLSignatures; gemm's for `gemm_v1`/`gemm_v2`, which it lacks).
  init(_ op: String) {
    guard let parameters = (DSLSignatures.byName[op] ?? DSLSignatures.byName["gemm"])?.parameters else { return }
    func slot(_ name: String) -> (Int, String)? { parameters.firstIndex(of: name).map { ($0, name) } }
    a = slot("A") ?? slot("A_sparse") ?? a
    e = slot("E")
    b = slot("B") ?? b
    c = slot("C") ?? c
    transposeA = slot("transpose_A")?.0 ?? transposeA
    transposeB = slot("transpose_B")?.0 ?? transposeB
    policy = slot("policy")?.0 ?? policy
  }

  /// Every buffer argument whose layout the gemm fixes.
  var operands: [(Int, String)] { [a, b, c] + (e.map { [$0] } ?? []) }
}

/// A `T.gemm`-family call: its operands as evaluated and the arguments that set its warp partition.
struct GemmCall: Sendable {
  /// `gemm`, `wgmma_gemm`, `tcgen05_gemm`, `gemm_sp`, ...
  var op: String
  var call: Expr
  /// A, B, C as evaluated (a region or anything else than a whole buffer is `.unknown`).
  var operands: [Value]
  /// The syntax of A, B, C when given.
  var operandExprs: [Expr?]
  /// A and B re-evaluated as copy operands where they are written as subscripts (`Q_shared[:, :D]`), else nil.
  var regions: [Operand?] = []
  /// nil when not a literal boolean.
  var transposeA: Bool?
  var transposeB: Bool?
  /// `Square`, `FullRow` or `FullCol`; nil when it could not be read.
  var policy: String?
  var loops: [LoopFrame]
  /// The threads the gemm is split over: the block's, or fewer under `if tx < 128` / `T.ws(0)`.
  var threads: SymExpr?
}

/// A `T.reduce_*` call over fragments.
struct ReduceCall: Sendable {
  var op: String
  var call: Expr
  var source: Value
  var destination: Value
  var sourceExpr: Expr?
  var destinationExpr: Expr?
  /// The reduced dimension after `dim < 0` is legalized; nil when unknown.
  var dim: Int?
  var loops: [LoopFrame]
}

/// A `T.atomic_add` / `T.atomic_max` / `T.atomic_min` whose destination and value are both whole buffers (the front
/// end compares their shapes).
struct AtomicBufferCall: Sendable {
  var op: String
  var dst: Buffer
  var value: Buffer
  /// The value argument as written (nil when `*args` hides it).
  var valueRange: TextRange?
  var call: TextRange
}

/// A reduction, scan or fill call (`T.reduce_*`, `T.cumsum`, `T.cummax`, `T.fill`, `T.clear`) with its arguments as
/// written and evaluated: what the front end binds and checks before it builds the op (TileOpArguments, ScanLowering).
struct TileOpCall: Sendable {
  var op: String
  var call: Expr
  /// The call's arguments as written (for removal fixes).
  var arguments: [Argument]
  var positional: [Value]
  var positionalArgs: [Argument]
  var keywords: [String: (value: Value, argument: Argument)]
  /// `*args` / `**kwargs` of unknown content: the binding cannot be judged.
  var hasUnknownSpread: Bool
  /// The buffer operands (input, then output when the op has one) as the front end sees them, with their syntax.
  var operands: [Operand]
  var operandExprs: [Expr?]
  /// Under an `if` the interpreter could not decide (it runs both branches, so the values here may be ones the call
  /// never sees together: a helper's `if op == "bitand"` run with another test's dtype).
  var undecided = false

  /// Parameter `i`, named `key`, when the call passes it: its value and the argument that passes it.
  func argument(_ i: Int, _ key: String) -> (value: Value, argument: Argument)? {
    if i < positional.count {
      return positional.count == positionalArgs.count ? (positional[i], positionalArgs[i]) : nil
    }
    return keywords[key]
  }
}

/// A `T.Pipelined` loop and its body's top-level statements, as the compiler's pipeline planning sees them (an `if`
/// on a Python value is replaced by the statements of its taken branch).
struct PipelinedLoop: Sendable {
  struct Statement: Sendable {
    /// A lone global → shared `T.copy` / `T.im2col` (not under a run-time `if`): the pipeliner's producer stage.
    var copiesInto: Int?
    /// The lone copy is a `T.im2col` (a TMA load on sm_90 even in a software pipeline).
    var isIm2col = false
    /// Buffers the statement reads.
    var reads: Set<Int> = []
    /// Buffers the statement writes (element stores, copy destinations, fills), each with its first write.
    var writes: [Int: TextRange] = [:]
    /// The statement binds a name (`kk = k * 32`): pipeline planning leaves such bindings out of the schedule.
    var binds = false
    var range: TextRange
    /// Indices into `KernelRun.events` of the copy-like calls the statement makes.
    var events: Range<Int> = 0..<0
    /// The statement is a bare call (`T.copy(...)`), not an `if`, loop or assignment.
    var isCall = false
    /// The front end keeps the statement as one statement of the body: a `T.*` call, a loop over a `T.*` range, or a
    /// name binding (a macro call or a Python loop can expand into several).
    var isSingle = false
    /// A `T.macro` call: how many statements the front end inlines for it, with and without name bindings (nil for
    /// other statements).
    var expansion: (all: Int, plain: Int)?
    /// The statement is an `if` whose branches hold nothing but bare calls: how many (run-time `if`s only; an `if` on
    /// a Python value is folded away).
    var guardedCalls: Int?
  }
  var range: TextRange
  /// The `T.Pipelined(...)` call.
  var call: TextRange
  var stages: Int?
  var extents: [SymExpr?]
  var statements: [Statement] = []
  /// Run-time `if`s around the loop (those inside it make its copies conditional).
  var ifDepth = 0
  /// The branches of undecided `if`s the loop sits in (a loop in the other branch never runs with it).
  var branches: [BranchStep] = []
  /// `T.Pipelined(..., annotations=...)`: a hand-written schedule (warp-specialisation ids) tl-lsp does not model.
  var annotated = false
  /// `stage=[...]` of a loop that also passes `order=[...]`: a hand-written schedule that replaces pipeline planning
  /// (the epilogue drains its largest stage, whatever `num_stages` says). nil without both lists.
  var explicitStages: [Int]?
  /// The `stage=[...]` argument, when `explicitStages` is set.
  var stageArgument: TextRange?
  /// How many entries `order=[...]` has, when `explicitStages` is set and it is a literal list.
  var orderCount: Int?
  /// The body, after its leading assignments, is one `if` without `else` on a run-time condition: warp
  /// specialisation unwraps it and classifies the statements inside as the body's own.
  var guardedBody = false
  /// Scalars the body binds from a buffer load (`s = Sb[k]`), with the binding's range.
  var loadedScalars: [String: TextRange] = [:]
  /// The `T.Parallel` loops inside the body.
  var parallelLoops: [ParallelLoop] = []
  /// Index into `KernelRun.events` of a copy inside the loop, if any.
  var firstCopyEvent: Int?
}

extension KernelRun {
  /// The `T.Pipelined` loops, each once (a loop the kernel's Python runs several times is recorded each time).
  var distinctPipelinedLoops: [PipelinedLoop] {
    var seen: Set<TextRange> = []
    return pipelinedLoops.filter { seen.insert($0.range).inserted }
  }

  /// The run-time `while` loop around `range`, if any.
  func enclosingWhile(_ range: TextRange) -> TextRange? {
    whileLoops.first { $0.start < range.start && range.end <= $0.end }
  }

  /// Whether fragment `b` is referenced (at least once) only as a whole-buffer copy operand, a fill, or inside one of
  /// `extra` (the reduction operands or loop accesses a caller allows), and no gemm or annotation lays it out.
  func referencedOnly(_ b: Buffer, within extra: [TextRange]) -> Bool {
    guard !gemmOperands.contains(b.id), !annotatedLayouts.contains(b.id),
      let refs = fragmentReferences[b.id], !refs.isEmpty,
      let allowed = wholeCopyAndFillReferences(b).map({ $0 + extra })
    else { return false }
    return refs.allSatisfy { ref in allowed.contains { $0.start <= ref.start && ref.end <= $0.end } }
  }

  /// Where `b` is a whole-buffer operand of a `T.copy` or the buffer of a `T.fill` / `T.clear`; nil when another
  /// copy-like call uses it or a copy takes a region of it (each lays it out its own way).
  func wholeCopyAndFillReferences(_ b: Buffer) -> [TextRange]? {
    var allowed: [TextRange] = []
    for e in events {
      guard e.op == "copy" else {
        if e.operands.contains(where: { $0.buffer?.id == b.id }) { return nil }
        continue
      }
      for (i, o) in e.operands.enumerated() where o.buffer?.id == b.id {
        guard i < e.operandExprs.count, case .name = e.operandExprs[i].kind, case .buffer = o else { return nil }
        allowed.append(e.operandExprs[i].range)
      }
    }
    for t in tileOpCalls where t.op == "fill" || t.op == "clear" {
      if t.operands.first?.buffer?.id == b.id { allowed.append(t.call.range) }
    }
    return allowed
  }

  /// The global → shared copy-like calls (op, tile) whose innermost `T.Pipelined` loop is `loop` and whose tile
  /// something in that loop reads: the tiles a loop with num_stages >= 2 keeps one version of per stage
  /// (PipelinedBufferEscape, RunChecks.versionedTile).
  func pipelinedFills(of loop: TextRange) -> [(op: String, tile: Buffer)] {
    guard let consumed = pipelineConsumers[loop] else { return [] }
    return events.compactMap { e in
      guard e.loops.last(where: \.isPipelined)?.range == loop, e.operands.first?.buffer?.scope == .global,
        let dst = e.operands.dropFirst().first?.buffer, dst.scope.isShared, consumed.contains(dst.id)
      else { return nil }
      return (e.op, dst)
    }
  }
}

/// One branch of an `if` whose condition the interpreter could not decide (it runs both).
struct BranchStep: Sendable, Hashable {
  var id: Int
  var taken: Bool

  /// Whether code on `a` and code on `b` never run together (they sit in opposite branches of one `if`).
  static func exclusive(_ a: [BranchStep], _ b: [BranchStep]) -> Bool {
    a.contains { x in b.contains { $0.id == x.id && $0.taken != x.taken } }
  }
}

/// A use of a shared buffer, with the innermost `T.Pipelined` loop around it (nil: none) and its branches.
struct PipelineUse: Sendable {
  var loop: TextRange?
  var range: TextRange
  var branches: [BranchStep]
}

/// A `T.Parallel` loop and the fragment elements its body reads and writes.
struct ParallelLoop: Sendable {
  struct Access: Sendable {
    var buffer: Buffer
    /// One per index; nil where it could not be evaluated.
    var indices: [SymExpr?]
    var isWrite: Bool
    var range: TextRange
  }
  var range: TextRange
  /// Variables of loops nested in this one (a serial loop inside it is part of the same parallel op).
  var innerVariables: Set<String> = []
  /// Opened inside another `T.Parallel` loop.
  var nestedInParallel = false
  /// The loop's variables with their trip counts (nil when a target is not a plain name).
  var variables: [(name: String, extent: SymExpr?)]?
  var accesses: [Access] = []
  /// Whether the body stores into shared memory and loads global memory (a producer-side loop under warp
  /// specialisation), and the names it mentions.
  var writesShared = false
  var readsGlobal = false
  var names: Set<String> = []
  /// How many copy-like calls ran before the loop: its place in program order among `KernelRun.events`.
  var precedingEvents = 0
  /// Widest element type (bits) of the buffers the body loads or stores, one-element buffers aside, and of those
  /// in global or shared memory; nil when one is unknown. The loop's vectorize planner sizes its accesses from them.
  var widestBits: Int? = 0
  var widestMemoryBits: Int? = 0
  /// Element stores the body makes (a body of one store lets the planner ignore its register accesses' dtypes).
  var stores = 0
  /// The body loads or stores global / shared memory (256-bit accesses need global and no shared).
  var touchesGlobal = false
  var touchesShared = false
  /// The widest power of two (at most 64) within whose aligned blocks along the innermost loop variable every
  /// run-time condition of the body (`if`, `T.if_then_else`, `T.Select`) stays the same: the vectorizer cannot go
  /// wider (loop_vectorize.cc `CheckConditionVectorized`). nil when no condition limits it.
  var conditionLanes: Int?
  /// The first condition that sets `conditionLanes`.
  var limitingCondition: TextRange?

  /// Global and shared element accesses of the body with their indices (nil where one could not be evaluated).
  var memoryAccesses: [(buffer: Buffer, indices: [SymExpr?])] = []

  /// Whether some global or shared access moves by a constant stride other than 0 or 1 element when the innermost
  /// loop variable steps by one (a transposing read `S[j, i]`): the vectorizer cannot make it a vector access, so
  /// the loop runs 1 lane (`IndiceCanVectorize`). Accesses whose step is not a constant are not judged.
  var hasStridedMemoryAccess: Bool {
    guard let inner = variables?.last?.name else { return false }
    let step = [inner: SymExpr(variable: inner) + SymExpr(constant: 1)]
    return memoryAccesses.contains { access in
      guard let offset = Self.flatOffset(access.buffer, access.indices),
        let d = (offset.substituting(step) - offset).constant
      else { return false }
      return d != 0 && d != 1
    }
  }

  /// The row-major element offset of `buffer[indices]` (nil when its shape is not constant or an index is unknown).
  static func flatOffset(_ buffer: Buffer, _ indices: [SymExpr?]) -> SymExpr? {
    guard let shape = buffer.concreteShape, shape.count == indices.count else { return nil }
    var offset = SymExpr(constant: 0)
    var stride = 1
    for (index, extent) in zip(indices, shape).reversed() {
      guard let index else { return nil }
      offset = offset + index * SymExpr(constant: stride)
      stride *= extent
    }
    return offset
  }

  /// Notes a buffer the body loads or stores.
  mutating func noteAccess(_ b: Buffer, isStore: Bool, indices: [SymExpr?]? = nil) {
    if let indices, b.scope == .global || b.scope.isShared { memoryAccesses.append((b, indices)) }
    if isStore { stores += 1 }
    if b.scope == .global { touchesGlobal = true }
    if b.scope.isShared { touchesShared = true }
    guard b.concreteShape.map({ $0.reduce(1, *) != 1 }) ?? true else { return }
    if let w = widestBits { widestBits = b.elementBits.map { max(w, $0) } }
    if b.scope == .global || b.scope.isShared, let w = widestMemoryBits {
      widestMemoryBits = b.elementBits.map { max(w, $0) }
    }
  }

  /// The dtype width the vectorize planner sizes the body by (`VectorizePlanner::SelectVectorSize`): a body of one
  /// store that touches memory is bounded by its global / shared accesses only (register accesses impose no
  /// alignment); any other body by every access.
  var plannedBits: Int? {
    if stores == 1, let m = widestMemoryBits, m > 0 { return m }
    return widestBits
  }
}

/// A tile op that fixes or carries fragment layouts, in program order.
enum LayoutOp: Sendable {
  case gemm(GemmCall)
  case reduce(ReduceCall)
  /// Index into `KernelRun.events`.
  case copy(Int)
}

/// Everything recorded while executing one kernel instance.
struct KernelRun: Sendable {
  var instance: KernelInstance
  var buffers: [Buffer] = []
  var events: [CopyEvent] = []
  var threads: SymExpr?
  var kernelCall: TextRange?
  /// Buffers with an explicit `T.annotate_layout`.
  var annotatedLayouts: Set<Int> = []
  /// Buffers used as `T.gemm` operands.
  var gemmOperands: Set<Int> = []
  /// Per `T.Pipelined` loop (by its range): buffers read inside it by something other than the copy that fills
  /// them (a gemm, another copy's source, element loads). Only copies whose tile is consumed get pipelined.
  var pipelineConsumers: [TextRange: Set<Int>] = [:]
  /// Buffers passed to DSL calls other than copies, fills and clears (gemm, reductions, layouts, ...): their
  /// fragment layouts may come from those calls.
  var layoutProviders: Set<Int> = []
  /// The layout providers that are DSL calls (gemm, reductions, `T.annotate_layout`, ...), not element accesses in
  /// `T.Parallel` loops.
  var callLaidOut: Set<Int> = []
  /// Gemms, reductions and copies in program order: the ops whose fragment layouts tl-lsp's layout inference follows.
  var layoutOps: [LayoutOp] = []
  /// Buffers whose layout may come from something that inference does not follow: element accesses, calls other
  /// than copies, fills, gemms and reductions, `T.annotate_layout`.
  var untrackedLayouts: Set<Int> = []
  /// Fragments read or written element by element outside any `T.Parallel` loop: every thread needs every element,
  /// so layout inference replicates them whole on each thread (unless something else lays them out).
  var serialElementAccess: Set<Int> = []
  /// Loads and stores of `local` buffers indexed by a `T.Parallel` loop variable: (buffer, variable, access) (TL425).
  var localParallelIndices: [(buffer: String, variable: String, range: TextRange)] = []
  /// Per fragment: the name expressions the run evaluated to it (every reference the kernel's code reaches, each
  /// counted once however often it runs). FragmentPartition compares them with the fills' operands.
  var fragmentReferences: [Int: Set<TextRange>] = [:]
  /// The interpreter ran out of budget during this run: some code was not evaluated.
  var budgetExhausted = false
  /// Atomic tile operations between two whole buffers (CopyExtents.atomicShapes).
  var atomicBufferCalls: [AtomicBufferCall] = []
  /// Fragment element accesses at a non-zero constant index in statements outside `T.Parallel` and staged
  /// `T.Pipelined` loops that use no thread or block index (the front end wraps such a store in a one-point parallel
  /// loop and accepts only index 0): the subscript, the fragment's name and the index.
  var serialFragmentConstantIndices: [(range: TextRange, buffer: String, index: Int)] = []
  /// Reductions, scans and fills in program order, with their arguments (TileOpArguments, ScanLowering).
  var tileOpCalls: [TileOpCall] = []
  /// Tile operations other than copies called inside a `T.Parallel` loop (`T.fill`, `T.reduce_max`, `T.gemm`, ...):
  /// the op's name and call.
  var tileOpsInParallel: [(op: String, call: TextRange)] = []
  /// `T.Parallel` loops that access fragments element by element, in program order (FragmentLayoutConflict).
  var parallelLoops: [ParallelLoop] = []
  /// `T.Pipelined` loops with the buffers each top-level statement of their body reads (PipelineEpilogue).
  var pipelinedLoops: [PipelinedLoop] = []
  /// `while` loops of the kernel body whose test is a run-time value (TIR `while`), as statement ranges.
  var whileLoops: [TextRange] = []
  /// Pass configs from the decorator / compile call.
  var passConfigs: [String: Bool] = [:]
  /// Names of kernel loop and block indices (symbolic at compile time).
  var loopVariables: Set<String> = []
  /// Trip counts of kernel indices (`bx` of `T.Kernel(8, ...)`, `k` of `T.Pipelined(n)`), when known.
  var indexExtents: [String: SymExpr] = [:]
  /// The body reads threadIdx.x (`T.get_thread_binding()`), so its `if`s may narrow the threads of tile ops.
  var readsThreadIndex = false
  /// Some scope narrows the threads tile ops run on below the block's (`if tx < 128`, `T.ws(0)`): checks that
  /// count the whole block (fragment partitions, reduction layouts) stay silent; copies and gemms carry their own.
  var narrowedThreads = false
  /// Allocations inside a kernel loop whose shape uses a loop variable: name, shape argument, the first such dim.
  var loopExtentAllocations: [(name: String, shape: TextRange, dim: SymExpr)] = []
  /// Reads of kernel-body names whose TIR binding's frame had closed (TL223, Interpreter+Scopes.swift).
  var expiredBindingReads: [(name: String, range: TextRange)] = []
  /// The block indices `T.Kernel(...)` binds (`bx`, `by`): the other `loopVariables` are loop variables.
  var blockIndices: Set<String> = []
  /// The loop variables proper: `loopVariables` without the block indices.
  var loopIndices: Set<String> { loopVariables.subtracting(blockIndices) }
  /// Names declared with `T.dynamic` / `T.symbolic` (symbolic at compile time).
  var declaredDynamic: Set<String> = []
  /// `T.const` names an eager kernel's sizes-only call leaves without a value, with the `T.const(...)` call.
  var unboundConsts: [(name: String, call: TextRange)] = []
  /// `T.dynamic` names declared anywhere in the file.
  var moduleDynamic: Set<String> = []
  /// `T.Parallel(..., coalesced_width=4)` with a Python integer literal: its value and range (ParallelAnnotations).
  var literalCoalescedWidths: [(value: Int, range: TextRange)] = []
  /// Calls of names the DSL module does not define, by where the name is written (Interpreter.unknownDSLNames).
  var unknownDSLNames: [TextRange: String] = [:]
  /// TL218, TL219, TL225 (open or stepped slices) and TL227 as the interpreter noted them (Interpreter.frontEndErrors).
  var frontEndErrors: [TextRange: [Diagnostic]] = [:]
  /// Front-end and code-generation failures that depend on the instance's sizes (TL226, TL225 for bounded slices),
  /// by where they were noted; RunChecks reports them with the run, so each names its specialization.
  var sizeErrors: [TextRange: Diagnostic] = [:]

  /// The buffer this run allocated or received with `id`.
  func buffer(_ id: Int) -> Buffer? { buffers.first { $0.id == id } }
  /// `T.pdl_sync()` / `T.pdl_trigger()` calls: the name and the call (PDLTarget, TL421).
  var pdlCalls: [(name: String, call: TextRange)] = []
  /// `return` statements the DSL front end rejects (Interpreter.noteReturn, TL221): where, and what it raises.
  var rejectedReturns: [(range: TextRange, problem: RejectedReturn)] = []
  /// The branches of `if`s on a Python value the interpreter could not decide (a flag from an unknown config, a
  /// parameter no call binds), with the condition: the front end builds only one of them, so an error inside is one
  /// only when the other branch has the same (RunChecks.undecidedBranchesWeighed).
  var undecidedHostBranches: [(then: TextRange?, orElse: TextRange?, test: TextRange)] = []
  /// Integer elements of global tensors the kernel loads (`seqlens[bz]`): symbols known only at run time.
  var loadedVariables: Set<String> = []
  /// The run-time symbols read from elements of `local` buffers (`hi[0]` of a `T.alloc_local([1])`; TL426).
  var localElementSymbols: Set<String> = []
  /// How many run-time symbols each name has had (Interpreter.freshRunTimeName).
  var runTimeNameCounts: [String: Int] = [:]
  /// The file also compiles for a non-CUDA backend (ModuleIndex.otherBackend).
  var otherBackend = false
  /// Live interval of each buffer in touch order: from its first to its last use, widened to whole loops.
  var liveness: [Int: ClosedRange<Int>] = [:]
  var clock = 0
  /// Per shared buffer: where it is first used inside each innermost `T.Pipelined` loop (by the loop's range), and
  /// outside every such loop (key nil). PipelinedBufferEscape.
  var pipelineUses: [Int: [PipelineUse]] = [:]

  mutating func touch(_ id: Int) {
    clock += 1
    if let r = liveness[id] {
      liveness[id] = min(r.lowerBound, clock)...max(r.upperBound, clock)
    } else {
      liveness[id] = clock...clock
    }
  }

  /// Buffers used inside a loop stay live for the whole loop (the next iteration uses them again).
  mutating func widenToLoop(from start: Int) {
    let end = clock
    for (id, r) in liveness where r.upperBound > start {
      liveness[id] = min(r.lowerBound, start + 1)...max(r.upperBound, end)
    }
  }
}

/// One kernel run, shared by the checks that keep it (a check context per copy, the layout models) instead of each
/// holding a copy: a `KernelRun` copy retains every array, set and dictionary in it, some fifty.
final class SharedRun: Sendable {
  let run: KernelRun
  init(_ run: KernelRun) { self.run = run }
}

/// Why the DSL front end rejects a `return` in a kernel body or macro (TL221).
enum RejectedReturn: Sendable {
  /// In a `@T.prim_func`, under a run-time `if` or loop: the PrimFunc is never finished ("Cannot find where to insert
  /// PrimFunc").
  case primFuncControlFlow
  /// In a `@T.macro`, under a run-time `if` or loop the macro opened ("return from control flow is not supported").
  case macroControlFlow
  /// In a `@T.prim_func`, of a buffer T.empty did not allocate ("Only tensor allocated from `T.empty` can be
  /// returned").
  case primFuncValue(String)
}
