// Everything outside the operands that decides a copy's lowering: target, pass configs, annotations,
// the enclosing pipeline, thread count.

import TileLangSyntax

/// Pass configs the copy lowering reads (tilelang-copy-semantics §2.2), with their defaults.
struct PassConfigs: Sendable {
  var values: [String: Bool]
  func flag(_ key: String, default d: Bool) -> Bool { values[key] ?? d }
  var disableTmaLower: Bool { flag("tl.disable_tma_lower", default: false) }
  var disableWarpSpecialized: Bool { flag("tl.disable_warp_specialized", default: false) }
  var enableAsyncCopy: Bool { flag("tl.enable_async_copy", default: true) }
  var useAsyncCopy: Bool { flag("tirx.use_async_copy", default: true) }
  var disableVectorize256: Bool { flag("tl.disable_vectorize_256", default: false) }
  var disableVectorize: Bool { flag("tirx.disable_vectorize", default: false) }
  var disableWgmma: Bool { flag("tl.disable_wgmma", default: false) }

  /// Accepts the `TL_*` enum spellings too (`PassConfigKey.TL_DISABLE_TMA_LOWER`).
  static func canonicalKey(_ key: String) -> String {
    if let k = enumSpellings[key] { return k }
    if let dot = key.lastIndex(of: "."), key.hasPrefix("PassConfigKey.") || key.containsUTF8("PassConfigKey") {
      return enumSpellings[String(key[key.index(after: dot)...])] ?? key
    }
    return key.hasPrefix("tir.") ? "tirx." + key.dropFirst("tir.".count) : key
  }

  private static let enumSpellings = NameTable([
    "TL_DISABLE_TMA_LOWER": "tl.disable_tma_lower", "TL_DISABLE_WARP_SPECIALIZED": "tl.disable_warp_specialized",
    "TL_ENABLE_ASYNC_COPY": "tl.enable_async_copy", "TIR_USE_ASYNC_COPY": "tirx.use_async_copy",
    "TL_DISABLE_VECTORIZE_256": "tl.disable_vectorize_256", "TIR_DISABLE_VECTORIZE": "tirx.disable_vectorize",
    "TL_DISABLE_WGMMA": "tl.disable_wgmma",
  ])
}

/// The annotations a copy carries after the front end merged keywords and the `annotations` dict.
struct CopyAnnotations: Sendable {
  var disableTma = false
  var preferInstruction: String?
  var hasLoopLayout = false
  var coalescedWidth: Int?
  var evictionPolicy: Int?
  var isEmpty = true
}

struct CopyContext: Sendable {
  var target: TargetArch
  var passConfigs: PassConfigs
  var annotations: CopyAnnotations
  /// `num_stages` of the innermost enclosing `T.Pipelined`, when inside one.
  var pipelineStages: Int?
  var threads: Int
  var op: String
  /// Buffers with annotated layouts and gemm operands (they carry swizzled / fragment layouts).
  var annotatedLayout: Set<Int>
  var gemmOperands: Set<Int>

  /// Whether some global→shared copy of the enclosing pipeline can be a TMA load: warp specialisation only splits
  /// off a producer warpgroup when one can (otherwise the pipeline stays cp.async). Set by RunChecks.copyContext.
  var pipelineHasTmaLoad = true

  /// The copy reads a shared tile its `T.Pipelined(num_stages >= 2)` loop multi-buffers (one version per stage):
  /// ldmatrix does not take a versioned tile (checked with 0.1.15: stages 0 and 1 give ldmatrix, 2 and 3 SIMT).
  var readsVersionedTile = false

  /// Variables whose values are only known when the kernel runs: `T.dynamic` sizes, scalar kernel parameters
  /// (`n: T.int32`), loop variables and block indices. Set by RunChecks.copyContext.
  var runtimeVariables: Set<String> = []

  /// Whether something inside that loop reads the copied tile: sm_80's software pipeliner only makes consumed
  /// copies asynchronous, while sm_90's warp specialisation turns every pipelined load into a producer copy.
  var pipelineConsumed = true
  /// The copy sits under a run-time `if` inside the loop: the software pipeliner leaves it synchronous.
  var conditionalInPipeline = false
  /// Inside the loop but not one of its body's own statements (`CopyEvent.nestedInPipelineBody`): warp
  /// specialisation leaves it in the consumer branch, a synchronous copy.
  var nestedInPipelineBody = false
  /// Line of the enclosing `T.Pipelined` loop when warp specialisation takes it up but cannot split it
  /// (`RunChecks.unpipelinedLoops`): the compiler drops the loop's pipelining, so `pipelineStages` is nil.
  var unpipelinedLoop: Int?
  /// The enclosing `T.Pipelined` loop carries a hand-written warp-specialisation schedule (`annotations=`): on a TMA
  /// target MaterializeWSSchedule selects its copies' instructions, honouring `prefer_instruction`.
  var handScheduled = false
  /// A fragment side that another copy lays out: that copy's lanes and line (`RunChecks.InheritedFragmentLayouts`).
  /// This copy follows that layout (its own `coalesced_width` is ignored) and vectorizes at most as wide as its
  /// per-thread runs.
  var inheritedLayout: (buffer: String, lanes: Int, line: Int)?
  /// A fragment side that a `T.Parallel` loop lays out (`ParallelLoopLayouts`): its contiguous elements per thread,
  /// which bound this copy's width, and why.
  var loopLayout: (lanes: Int, reason: String)?
  /// The fragment side's layout comes from another op before this copy is inferred (a column vector held like the
  /// columns of the fragment it is read beside): the copy's loop is laid out from it, so its extent need not split
  /// evenly over the threads; `loopLayout`'s runs bound it.
  var onBufferLayout = false
  /// Why a fragment side already has a layout when this copy is inferred (a gemm's, or a T.Parallel loop's that
  /// comes first: `FixedFragmentLayouts`): the copy runs on it, and its `coalesced_width` is never read.
  var fixedLayout: String?
  /// Trip counts of kernel indices, for in-bounds proofs.
  var indexExtents: [String: SymExpr] = [:]
  /// Loop variables other than block indices (`CopyFacts.loopIndices`).
  var loopIndices: Set<String> = []
  /// Line of the warp-specialised `T.Pipelined` loop that this copy, written before it at the same level, feeds
  /// (the loop reads its destination): warp specialisation moves such prelude copies into the producer branch.
  var feedsWarpSpecializedLoop: Int?
  /// Fragments with a gemm's layout: its operands, and fragments a T.Parallel loop fills elementwise from one.
  var gemmLayout: Set<Int> = []
  /// Register A/B operands of a gemm: contiguous elements per thread along the last dimension
  /// (`RunChecks.gemmOperandRuns`); other gemm-layout fragments hold 2.
  var operandRuns: [Int: Int] = [:]
  /// Fragments every thread holds whole (element accesses outside T.Parallel, nothing else lays them out): a copy
  /// into or out of one runs per thread, like a `local` buffer.
  var replicated: Set<Int> = []
  /// Why a row-vector side runs per thread: every thread holds all of its rows (`FreeFragmentLayouts.rows`).
  var perThreadRows: String?
  /// Row reductions of a gemm accumulator (and whole copies of them): how many rows each thread holds.
  var rowRegisters: [Int: Int] = [:]
  /// Fragments that only copies lay out (`RunChecks.InheritedFragmentLayouts.roots`).
  var copyLaidOut: Set<Int> = []
  /// Fragments laid out at the free level from their copies and element-wise loops (`FreeFragmentLayouts`): a copy
  /// between one and global or shared memory sizes its width from the memory side.
  var freeLaidOut: Set<Int> = []
  /// Shared float64 tiles whose layout swizzles single elements (`RunChecks.float64SharedLayouts`): every access
  /// moves one element.
  var singleElementRuns: Set<Int> = []
  /// Shared float64 tiles whose layout TMA cannot encode: a `T.copy` to or from them falls back to SIMT.
  var tmaUnencodable: Set<Int> = []
  /// Stripe widths of the plain layouts descriptor TMA reads shared tiles in (`TmaPlainLayouts`), where decided.
  var tmaStripes: [Int: Int] = [:]
  var inPipeline: Bool { (pipelineStages ?? 0) >= 1 }
  var warpSpecialized: Bool { target.hasBulkCopy && !passConfigs.disableWarpSpecialized && inPipeline }
}

import Foundation
