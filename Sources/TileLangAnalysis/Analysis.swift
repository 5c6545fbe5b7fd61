// Façade of the analysis layer: `analyze(text:settings:)` is a pure function from a file's text and the
// settings to everything the CLI and the server show (diagnostics, lowerings, hovers, hints, symbols).

import TileLangSyntax

/// Settings that change analysis results. Built by the CLI and by the server's session; never read from disk here.
public struct AnalysisSettings: Sendable, Hashable {
  /// Targets to plan lowerings for and to check target-dependent rules against. Default: `[sm_90]`.
  public var targets: [TargetArch]
  /// Pass configs (`tl.disable_tma_lower`, `tl.disable_warp_specialized`, ...) applied on top of the file's own.
  public var passConfigs: [String: Bool]
  /// Extra sizes for kernel parameters or `T.const` names (`--arg M=1024`), applied to every kernel.
  public var arguments: [String: Int]
  /// At most this many specializations of one kernel are checked.
  public var maxSpecializations: Int
  /// Whether the result describes each copy's lowering (`FileAnalysis.lowerings`: hovers, inlay hints, JSON output).
  /// The planner runs either way, since diagnostics depend on it; without a reader its descriptions are not built.
  public var describesLowerings: Bool
  /// Whether the result lists the file's kernels and its copy and gemm call sites (`FileAnalysis.kernels`,
  /// `copySites`, `gemmSites`: outlines, hovers, builds). Diagnostics never depend on them.
  public var describesKernels: Bool

  public init(
    targets: [TargetArch] = [.sm90], passConfigs: [String: Bool] = [:], arguments: [String: Int] = [:],
    maxSpecializations: Int = 64, describesLowerings: Bool = true, describesKernels: Bool = true
  ) {
    self.targets = targets.isEmpty ? [.sm90] : targets
    self.passConfigs = passConfigs
    self.arguments = arguments
    self.maxSpecializations = maxSpecializations
    self.describesLowerings = describesLowerings
    self.describesKernels = describesKernels
  }
}

/// Everything known about one file after analysis. Plain values with byte ranges; no protocol types.
public struct FileAnalysis: Sendable {
  public var parsed: ParsedFile
  public var settings: AnalysisSettings
  /// Syntax and semantic diagnostics, sorted, without duplicates.
  public var diagnostics: [Diagnostic]
  /// The kernels found (empty unless `settings.describesKernels`).
  public var kernels: [KernelInfo]
  /// One entry per copy-like call site and target.
  public var lowerings: [LoweringInfo]
  /// Every copy-like call site, in source order (empty unless `settings.describesKernels`).
  public var copySites: [CopySiteInfo] = []
  /// Every gemm call (`T.gemm`, `T.wgmma_gemm`, ...), in source order: the operands are A and B (`srcBuffer`,
  /// `dstBuffer`) and C (`accumulator`).
  public var gemmSites: [CopySiteInfo] = []
  public var source: SourceText { parsed.source }
}

/// A kernel found in the file, for outlines and navigation.
public struct KernelInfo: Sendable {
  public enum Style: String, Sendable { case primFunc = "prim_func", jitFactory = "jit", eagerJit = "eager_jit", macro }
  public var name: String
  public var style: Style
  public var range: TextRange
  public var nameRange: TextRange
  public var buffers: [BufferInfo]
  /// Parameters of the enclosing factory (or eager jit function), with the value used when known.
  public var parameters: [String]
  /// The module-level name the compiler builds this kernel through: the factory or `@tilelang.jit` function that
  /// defines it, the eager kernel, or the prim_func itself; nil where it is nested deeper (or a macro).
  public var builder: String?
  /// The builder's name in its `def`.
  public var builderNameRange: TextRange?
  /// The sizes of the first call in the file that builds this kernel, for the compiler bridge.
  public var callSizes: CallSizes?
}

/// The arguments a call in the file passes to a kernel's builder (`matmul(1024, 1024, 1024, block_M=128)`, with the
/// defaults it leaves), or the `T.const` sizes of an eager kernel's `.compile(M=...)`.
public struct CallSizes: Sendable, Hashable {
  public var values: [String: LiteralValue]
}

/// A Python literal a build request can carry, or a name the compiler's DSL module defines.
public enum LiteralValue: Sendable, Hashable {
  case int(Int)
  case double(Double)
  case bool(Bool)
  case string(String)
  /// A fully qualified name in tilelang's DSL (`tilelang.language.GemmWarpPolicy.FullRow` for
  /// `T.GemmWarpPolicy.FullRow`): the worker looks it up; nothing is called.
  case name(String)
}

/// A buffer visible in a kernel: a global tensor parameter or an allocation.
public struct BufferInfo: Sendable {
  public var name: String
  public var nameRange: TextRange
  /// Where it was declared (the parameter annotation or the alloc call).
  public var declarationRange: TextRange
  /// Shape as text, e.g. `(block_M, block_K)`; `concreteShape` when every dim is known.
  public var shapeText: String
  public var concreteShape: [Int]?
  public var dtype: String
  /// `global`, `shared`, `shared.dyn`, `local.fragment`, `local`, `local.var`, `shared.barrier`, `shared.tmem`, ...
  public var scope: String
  public var bytes: Int?
  public var allocator: String
}

/// What one copy-like call (`T.copy`, `T.async_copy`, `T.tma_copy`, `T.im2col`) lowers to on one target.
public struct LoweringInfo: Sendable {
  public var op: String
  /// The whole call.
  public var range: TextRange
  public var target: TargetArch
  /// `simt`, `cp_async`, `tma_load`, `tma_store`, `bulk_load`, `bulk_store`, `ldmatrix`, `stmatrix`,
  /// `tmem_load`, `tmem_store`, `im2col_tma`, `im2col_simt`, `scalar`.
  public var path: String
  public var vectorBits: Int?
  public var bytes: Int?
  public var reason: String
  /// A short CUDA sketch in the compiler's vocabulary.
  public var preview: String
  /// Extents of each side before and after legalization, e.g. `src 64×32 → 128×32`.
  public var extentsText: String
  /// Which specialization gave the concrete numbers, e.g. `M=1024, block_M=128 from line 88`.
  public var specialization: String?
  /// Short label for inlay hints, e.g. `128×32 f16 · tma_load 8 KiB`.
  public var inlayLabel: String
}

/// A copy-like call site as the compiler bridge needs it to re-attribute compiler errors
/// (`src=A, dst=A_shared` in a message → this call).
public struct CopySiteInfo: Sendable {
  /// `copy`, `async_copy`, `tma_copy`, `copy_cluster`, `im2col`, `c2d_im2col`, `transpose`.
  public var op: String
  public var range: TextRange
  public var kernelName: String
  /// Buffer names of the first two operands (`A` for `A[by * 128, k * 32]`), when they are names.
  public var srcBuffer: String?
  public var dstBuffer: String?
  public var srcRange: TextRange?
  public var dstRange: TextRange?
  /// A gemm's third operand (C), when it is a name.
  public var accumulator: String?
}
