// The registry of every diagnostic code tl-lsp emits: TL0xx syntax, TL1xx extents, TL2xx annotations,
// TL3xx im2col, TL4xx layout and lowering, TL5xx compiler. Sorted by code; codes are never reused.

public enum DiagnosticCode: String, Sendable, CaseIterable, Hashable {
  // MARK: - TL0xx syntax
  case TL001, TL002, TL003
  // MARK: - TL1xx copy extents
  case TL101, TL102, TL103, TL104, TL105, TL106, TL107, TL108, TL109, TL110, TL111, TL112, TL113
  // MARK: - TL2xx annotations
  case TL201, TL202, TL203, TL204, TL205, TL206, TL207, TL208, TL209, TL210, TL211, TL212, TL213, TL214
  case TL215, TL216, TL217, TL218, TL219, TL220, TL221, TL222, TL223, TL224, TL225, TL226, TL227
  // MARK: - TL3xx im2col
  case TL301, TL302, TL303, TL304, TL305, TL306, TL307, TL308, TL309, TL310, TL311
  // MARK: - TL4xx layout and lowering
  case TL401, TL402, TL403, TL404, TL405, TL406, TL407, TL408, TL409, TL410, TL411, TL412, TL413, TL414, TL415, TL416
  case TL417, TL418, TL419, TL420, TL421, TL422, TL423, TL424, TL425, TL426
  // MARK: - TL5xx compiler
  case TL501, TL502, TL503, TL504, TL505

  public struct Info: Sendable {
    public let name: String
    public let severity: Severity
    public let summary: String
  }

  public var info: Info {
    switch self {
    case .TL001: return Info(name: "syntax-error", severity: .error, summary: "Python cannot parse this code")
    case .TL002:
      return Info(
        name: "nesting-too-deep", severity: .error, summary: "expression nesting exceeds the parser's depth limit")
    case .TL003: return Info(name: "file-not-text", severity: .error, summary: "the file is not UTF-8 text")
    case .TL101:
      return Info(
        name: "copy-loop-smaller-than-source", severity: .error,
        summary:
          "the copy's loop space is smaller than the source region (compiler: \"Selected loop range is smaller\")")
    case .TL102:
      return Info(
        name: "copy-extent-mismatch", severity: .warning,
        summary: "the two sides of a copy have different extents; the compiler silently copies the loop side's extents")
    case .TL103:
      return Info(
        name: "copy-dimension-count-mismatch", severity: .error,
        summary: "the two sides of a copy keep different numbers of non-1 extents after legalization")
    case .TL104:
      return Info(
        name: "copy-point-rank-too-small", severity: .error,
        summary: "a point-load side has fewer indices than the other side's extents (compiler: bare AssertionError)")
    case .TL105:
      return Info(
        name: "copy-buffer-shape-mismatch", severity: .error,
        summary: "two whole buffers with different shapes are copied (or combined by T.atomic_add/max/min)")
    case .TL106:
      return Info(name: "copy-extents-unknown", severity: .error, summary: "neither side of a copy carries extents")
    case .TL107:
      return Info(
        name: "subscript-index-count", severity: .error,
        summary: "a buffer is subscripted with the wrong number of indices")
    case .TL108:
      return Info(
        name: "slice-step-unsupported", severity: .error, summary: "buffer slices with a step are not supported")
    case .TL109:
      return Info(
        name: "copy-operand-not-buffer", severity: .error, summary: "a copy operand is not a buffer, region or element")
    case .TL110:
      return Info(
        name: "copy-writes-partial-tile", severity: .warning,
        summary: "legalization broadcast a unit dimension of the destination; only part of the source is written")
    case .TL111:
      return Info(
        name: "copy-extent-promoted", severity: .warning,
        summary: "legalization promoted two different extents to their maximum")
    case .TL112:
      return Info(
        name: "copy-tile-out-of-bounds", severity: .warning,
        summary: "a copied tile is larger than the tensor it reads or writes")
    case .TL113:
      return Info(
        name: "allocation-extent-uses-loop-variable", severity: .error,
        summary: "a buffer allocated inside a kernel loop has a shape that depends on the loop's variable")
    case .TL201:
      return Info(
        name: "eviction-policy-invalid", severity: .error,
        summary: "eviction_policy is not evict_normal, evict_first or evict_last")
    case .TL202:
      return Info(
        name: "annotation-ignored", severity: .warning,
        summary: "an annotation value the compiler stores but never reads")
    case .TL203:
      return Info(
        name: "coalesced-width-invalid", severity: .error, summary: "coalesced_width is not a positive integer")
    case .TL204:
      return Info(
        name: "prefer-instruction-invalid", severity: .error,
        summary: "prefer_instruction is not \"tma\", \"cp_async\" or \"sync\"")
    case .TL205:
      return Info(
        name: "prefer-instruction-unsatisfiable", severity: .error,
        summary: "the preferred copy instruction cannot be used for this copy and target")
    case .TL206:
      return Info(
        name: "annotation-conflict", severity: .warning,
        summary: "a keyword and the annotations dict set the same key; the dict wins")
    case .TL207:
      return Info(
        name: "loop-layout-on-non-simt-copy", severity: .error,
        summary: "loop_layout on a copy that lowers to TMA, bulk, LDSM, STSM or TMem")
    case .TL208:
      return Info(
        name: "copy-keyword-unknown", severity: .error,
        summary: "the copy-like call (T.copy, T.async_copy, T.tma_copy, T.im2col, ...) does not accept this keyword")
    case .TL209:
      return Info(
        name: "async-copy-unsupported", severity: .error,
        summary: "T.async_copy cannot lower to cp.async for this copy or target")
    case .TL210:
      return Info(
        name: "tma-copy-unsupported", severity: .error, summary: "T.tma_copy cannot lower to TMA, or lacks its barrier")
    case .TL211:
      return Info(
        name: "coalesced-width-adjusted", severity: .warning,
        summary: "the compiler cannot use the requested coalesced_width and picks another width")
    case .TL212:
      return Info(
        name: "pipeline-dynamic-epilogue", severity: .error,
        summary: "a software-pipelined loop with a run-time trip count drains two or more stages; codegen fails")
    case .TL213:
      return Info(
        name: "producer-uses-consumer-scalar", severity: .error,
        summary: "a warp-specialised producer loop uses a scalar the consumer loads")
    case .TL214:
      return Info(
        name: "jit-argument-invalid", severity: .error,
        summary: "tilelang.jit / compile rejects an argument: out_idx on an eager kernel, a pass config, a target")
    case .TL215:
      return Info(
        name: "tile-op-arguments-invalid", severity: .error,
        summary: "arguments of a reduction, scan, fill or gemm that the compiler rejects")
    case .TL216:
      return Info(
        name: "pipeline-schedule-unsupported", severity: .error,
        summary: "the software pipeliner rejects a hand-written order=/stage= schedule of a T.Pipelined loop")
    case .TL217:
      return Info(
        name: "dsl-name-unknown", severity: .error,
        summary: "a tilelang module has no such name (a typo, or a newer release's): the import or kernel build fails")
    case .TL218:
      return Info(
        name: "dsl-call-arguments-invalid", severity: .error,
        summary: "a T.* call's arguments do not bind to its parameters, or a string is outside the accepted set")
    case .TL219:
      return Info(
        name: "sequence-indexed-by-loop-variable", severity: .error,
        summary: "a Python list or tuple is indexed by a TIR loop variable (a tir.Var, not an int)")
    case .TL220:
      return Info(
        name: "jit-on-prim-func", severity: .error,
        summary: "tilelang.jit applied to a @T.prim_func (decorator or call) fails at once; use tilelang.compile")
    case .TL221:
      return Info(
        name: "return-in-prim-func", severity: .error,
        summary: "a return the DSL front end rejects: under a run-time if or loop of a kernel or macro, or of a value")
    case .TL222:
      return Info(
        name: "tilelang-module-missing", severity: .error,
        summary: "an import of a tilelang submodule that tilelang 0.1.15 does not have (ModuleNotFoundError)")
    case .TL223:
      return Info(
        name: "binding-used-outside-its-region", severity: .error,
        summary: "a kernel-body name bound to a TIR value inside a loop or run-time if is read after it closed")
    case .TL224:
      return Info(
        name: "front-end-nesting-too-deep", severity: .error,
        summary: "a kernel body nested deeper than CPython compiles once the DSL front end rewrites its ifs and loops")
    case .TL225:
      return Info(
        name: "slice-store-unsupported", severity: .error,
        summary:
          "a buffer store through a slice the front end or code generator rejects (`acc[i, :] = ...`, `s[0:64] = 0`)")
    case .TL226:
      return Info(
        name: "zero-divisor", severity: .error,
        summary: "a kernel-body `//`, `%` or `/` whose divisor is zero for this specialization (Divide by zero)")
    case .TL227:
      return Info(
        name: "kernel-unpack-arity", severity: .error,
        summary: "`with T.Kernel(...) as (bx, by)` names more or fewer block indices than the grid has dimensions")
    case .TL301:
      return Info(name: "im2col-image-rank", severity: .error, summary: "the im2col image is not rank 4 (NHWC)")
    case .TL302:
      return Info(
        name: "im2col-column-rank", severity: .error,
        summary: "the im2col column region has fewer than 2 dims, or (sm_90) non-unit dims before its last two")
    case .TL303:
      return Info(
        name: "im2col-dtype-mismatch", severity: .error,
        summary: "the im2col image and column buffers have different dtypes")
    case .TL304:
      return Info(
        name: "im2col-geometry-not-int", severity: .error,
        summary: "kernel, stride, dilation and pad must be Python ints")
    case .TL305:
      return Info(
        name: "im2col-geometry-zero", severity: .error,
        summary: "im2col kernel or stride is 0, or the output height or width is 0: the compiler divides by zero")
    case .TL306:
      return Info(
        name: "im2col-channels-not-divisible", severity: .error,
        summary: "on sm_90 the image channels must be a multiple of the column tile width")
    case .TL307:
      return Info(
        name: "im2col-scope", severity: .error, summary: "im2col needs a global image and a shared column tile")
    case .TL308:
      return Info(
        name: "im2col-box-misaligned", severity: .error,
        summary: "the im2col TMA box's channel bytes are not a multiple of 16")
    case .TL309:
      return Info(
        name: "c2d-im2col-deprecated", severity: .hint, summary: "T.c2d_im2col is a deprecated alias of T.im2col")
    case .TL311:
      return Info(
        name: "im2col-step-out-of-range", severity: .warning,
        summary:
          "the im2col row or column tiles, over all values of nhw_step or c_step, miss or overrun the im2col matrix")
    case .TL310:
      return Info(
        name: "im2col-geometry-degenerate", severity: .warning,
        summary: "the im2col geometry gives no output pixel or uses negative sizes; the compiler accepts it silently")
    case .TL401:
      return Info(
        name: "shared-memory-exceeded", severity: .warning,
        summary: "the kernel's shared memory exceeds the target's limit")
    case .TL402:
      return Info(
        name: "copy-scope-invalid", severity: .error,
        summary: "the copy's scopes cannot be lowered (e.g. a direct store into tensor memory)")
    case .TL403:
      return Info(
        name: "copy-vector-width-lost", severity: .warning,
        summary: "the innermost extent forces narrower-than-16-byte vector accesses")
    case .TL404:
      return Info(
        name: "tma-dtype-unsupported", severity: .error,
        summary:
          "a copy lowered to TMA uses a dtype TMA cannot encode, or a pipelined TMA load fills a float64 gemm operand"
      )
    case .TL405:
      return Info(
        name: "tma-extent-not-constant", severity: .error, summary: "a copy lowered to TMA has symbolic extents")
    case .TL406:
      return Info(
        name: "tma-store-layout-unsupported", severity: .error,
        summary: "the shared buffer's rows cannot take a Hopper TMA layout")
    case .TL407:
      return Info(
        name: "tma-tile-shape-mismatch", severity: .error,
        summary: "a copy lowered to TMA pairs shared and global extents that differ")
    case .TL408:
      return Info(
        name: "bool-vector-copy", severity: .error,
        summary: "a SIMT copy into or out of bool vectorizes to 8 or more lanes, which CUDA codegen cannot express")
    case .TL409:
      return Info(
        name: "fragment-layout-unplannable", severity: .error,
        summary:
          "a fragment no layout can be planned for (only copies lay it out and its size does not divide over the threads, or it is only filled)"
      )
    case .TL410:
      return Info(
        name: "tma-shared-region-out-of-bounds", severity: .error,
        summary:
          "a copy lowered to TMA reads or writes a shared region that leaves its shared buffer or is not one dense block of the layout TMA reads the buffer in"
      )
    case .TL411:
      return Info(
        name: "fragment-layout-conflict", severity: .error,
        summary:
          "two ops demand different thread layouts for one fragment (two gemms, or a copy between fragments whose layouts are fixed differently)"
      )
    case .TL412:
      return Info(
        name: "pipelined-tile-escapes", severity: .error,
        summary: "a shared tile that a T.Pipelined loop multi-buffers is used outside that loop")
    case .TL413:
      return Info(
        name: "tile-op-in-parallel", severity: .error,
        summary: "a tile operation (copy of tiles, fill, reduction, gemm) inside a T.Parallel loop")
    case .TL414:
      return Info(
        name: "gemm-operands-invalid", severity: .error,
        summary: "T.gemm operands the compiler rejects (K mismatch, accumulator scope, mixed dtypes, warp split)")
    case .TL415:
      return Info(
        name: "reduce-output-shape", severity: .error,
        summary: "a reduction's dim or output shape the front end rejects")
    case .TL416:
      return Info(
        name: "reduce-row-threads", severity: .error,
        summary: "a reduction combines a number of threads per row (or column) that is not a power of two")
    case .TL417:
      return Info(
        name: "reduce-thread-owned-segment", severity: .error,
        summary: "a reduction of a gemm accumulator whose register index the compiler cannot separate from the threads")
    case .TL418:
      return Info(
        name: "parallel-fragment-indices", severity: .error,
        summary: "a fragment accessed at two different indices in one T.Parallel loop")
    case .TL419:
      return Info(
        name: "scan-unsupported", severity: .error,
        summary: "T.cumsum / T.cummax on buffers its lowering does not handle (global or local, 3 or more dims)")
    case .TL420:
      return Info(
        name: "barrier-needs-hopper", severity: .error,
        summary: "T.alloc_barrier allocates hardware mbarriers, which targets before sm_90 lack")
    case .TL421:
      return Info(
        name: "pdl-needs-hopper", severity: .error,
        summary: "T.pdl_sync / T.pdl_trigger (programmatic dependent launch) fail to build before sm_90")
    case .TL422:
      return Info(
        name: "warp-specialized-pipeline-in-while", severity: .error,
        summary: "a warp-specialised T.Pipelined loop inside a run-time while loop fails to build on sm_90 and later")
    case .TL423:
      return Info(
        name: "pipelined-copy-tile-rewritten", severity: .error,
        summary: "a software-pipelined loop body writes the shared tile that an earlier global → shared copy loads")
    case .TL424:
      return Info(
        name: "wgmma-gemm-unavailable", severity: .error,
        summary: "T.wgmma_gemm / T.tcgen05_gemm where that MMA cannot be selected (target, M < 64, partial warpgroups)")
    case .TL425:
      return Info(
        name: "local-buffer-parallel-index", severity: .error,
        summary: "a T.alloc_local buffer indexed by a T.Parallel loop variable (the pre-lowering semantic check)")
    case .TL426:
      return Info(
        name: "warp-specialized-pipeline-local-extent", severity: .error,
        summary: "a warp-specialised T.Pipelined loop whose trip count reads an element of a T.alloc_local buffer")
    case .TL501:
      return Info(name: "compiler-error", severity: .error, summary: "the tilelang compiler rejected the kernel")
    case .TL502:
      return Info(name: "compiler-warning", severity: .warning, summary: "the tilelang compiler printed a warning")
    case .TL503:
      return Info(
        name: "compiler-unavailable", severity: .error,
        summary: "Python or tilelang 0.1.15 could not be found or started")
    case .TL504: return Info(name: "compiler-timeout", severity: .error, summary: "the compiler did not finish in time")
    case .TL505:
      return Info(
        name: "specialization-missing", severity: .error, summary: "sizes needed to build the kernel are unknown")
    }
  }

  public var name: String { info.name }
  public var defaultSeverity: Severity { info.severity }
  public var summary: String { info.summary }
}
