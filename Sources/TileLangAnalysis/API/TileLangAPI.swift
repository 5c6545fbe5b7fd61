// A table of the `T.*` API surface (name, parameters, a short description) for completion, signature
// help and hover on API names, plus small text scans that find the `T.name` or `T.name(` at an offset.

import TileLangSyntax

public struct APIEntry: Sendable, Hashable {
  public enum Kind: Sendable, Hashable { case function, scope, type, decorator }
  public let name: String
  public let kind: Kind
  /// Parameter labels as shown in signature help, e.g. `coalesced_width=None`.
  public let parameters: [String]
  public let summary: String

  /// `T.copy(src, dst, ...)`; types and decorators show without parentheses when they take none.
  public var signature: String {
    if parameters.isEmpty && kind != .function { return "T.\(name)" }
    return "T.\(name)(\(parameters.joined(separator: ", ")))"
  }

  /// The bare parameter name (`coalesced_width` for `coalesced_width=None`, `blocks` for `*blocks`).
  public func parameterName(_ index: Int) -> String {
    guard parameters.indices.contains(index) else { return "" }
    var p = Substring(parameters[index])
    while p.first == "*" { p.removeFirst() }
    return String(p.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
  }
}

/// Where the cursor is relative to a `T.name(` call: which argument is being written.
public struct APICallContext: Sendable, Hashable {
  public let entry: APIEntry
  public let activeParameter: Int
}

public enum TileLangAPI {
  public static let entries: [APIEntry] = kernels + memory + loops + compute + helpers + types

  /// Entries whose name starts with `prefix` (case-sensitive), in table order.
  public static func completions(prefix: String) -> [APIEntry] {
    entries.filter { $0.name.hasPrefix(prefix) }
  }

  public static func signature(named name: String) -> APIEntry? {
    byName[name]
  }

  private static let byName: [String: APIEntry] = Dictionary(
    entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  // MARK: - Table

  private static func fn(_ name: String, _ parameters: [String], _ summary: String) -> APIEntry {
    APIEntry(name: name, kind: .function, parameters: parameters, summary: summary)
  }

  private static let kernels: [APIEntry] = [
    APIEntry(
      name: "Kernel", kind: .scope, parameters: ["*blocks", "threads=128", "is_cpu=False", "prelude=None"],
      summary: "Opens a kernel launch scope. `with T.Kernel(gx, gy, threads=256) as (bx, by):` binds one block index "
        + "per grid dimension; `threads` is the block size (an int or a list for multi-dimensional blocks)."),
    APIEntry(
      name: "prim_func", kind: .decorator, parameters: [],
      summary: "Decorator marking a function as a TIR primitive function: its annotated parameters "
        + "(`A: T.Tensor((M, K), dtype)`) become global buffers."),
    APIEntry(
      name: "macro", kind: .decorator, parameters: [],
      summary: "Decorator for a helper that is inlined at each call site inside a kernel body."),
    fn(
      "const", ["names"],
      "Declares size names that are fixed when the kernel is compiled, so shapes may refer to them symbolically."),
  ]

  private static let memory: [APIEntry] = [
    fn(
      "copy",
      [
        "src", "dst", "coalesced_width=None", "disable_tma=False", "eviction_policy=None", "prefer_instruction=None",
        "annotations=None", "loop_layout=None",
      ],
      "Copies a region between buffers (global, shared, fragment). The compiler picks the instruction: plain "
        + "vectorized loads and stores, `cp.async`, TMA or bulk copies, `ldmatrix`/`stmatrix`, depending on the "
        + "scopes, the extents and the target. A buffer, a slice `A[i * 64, k * 32]` or an element works as operand."),
    fn(
      "async_copy", ["src", "dst", "coalesced_width=None", "annotations=None", "loop_layout=None"],
      "Like `T.copy`, but insists on `cp.async` (sm_80 and newer); an error when the copy cannot use it."),
    fn(
      "tma_copy",
      [
        "src", "dst", "barrier=None", "cluster_mask=None", "leader_scope_threads=None", "eviction_policy=None",
        "annotations=None",
      ],
      "Like `T.copy`, but insists on a TMA (Tensor Memory Accelerator) transfer on sm_90 and newer; "
        + "completion is tracked through an mbarrier."),
    fn(
      "im2col",
      [
        "img", "col", "nhw_step", "c_step", "kernel", "stride", "dilation", "pad", "eviction_policy=None",
        "annotations=None",
      ],
      "Gathers image patches of an NHWC `img` into a shared column tile `col` for implicit-GEMM convolution; "
        + "on sm_90 it lowers to an im2col-mode TMA load."),
    fn(
      "c2d_im2col",
      [
        "img", "col", "nhw_step", "c_step", "kernel", "stride", "dilation", "pad", "eviction_policy=None",
        "annotations=None",
      ],
      "Deprecated alias of `T.im2col`."),
    fn(
      "alloc_shared", ["shape", "dtype", "scope=\"shared.dyn\""],
      "Allocates a tile in shared memory, visible to every thread of the block. Counts against the target's "
        + "shared memory limit."),
    fn(
      "alloc_fragment", ["shape", "dtype", "scope=\"local.fragment\""],
      "Allocates a register tile distributed over the block's threads (an accumulator for `T.gemm`)."),
    fn("alloc_local", ["shape", "dtype", "scope=\"local\""], "Allocates a per-thread array in registers."),
    fn("alloc_var", ["dtype", "init=None", "scope=\"local.var\""], "Allocates one per-thread scalar variable."),
    fn(
      "alloc_barrier", ["arrive_count"],
      "Allocates mbarriers in shared memory, used to wait for TMA and asynchronous copies."),
    fn(
      "alloc_tmem", ["shape", "dtype"],
      "Allocates a tile in tensor memory (sm_100 family), the operand store of the fifth-generation tensor cores."),
    fn(
      "annotate_layout", ["layout_map"],
      "Fixes the layout of buffers, e.g. `{A_shared: make_swizzled_layout(A_shared)}`, instead of letting "
        + "layout inference choose."),
    fn(
      "use_swizzle", ["panel_size", "order=\"row\""],
      "Remaps block indices in panels to improve L2 cache reuse between neighbouring blocks."),
    fn("clear", ["buffer"], "Sets every element of a buffer to zero."),
    fn("fill", ["buffer", "value"], "Sets every element of a buffer to `value`."),
  ]

  private static let loops: [APIEntry] = [
    fn(
      "Pipelined", ["range", "num_stages=0", "order=None", "stage=None", "sync=None", "group=None"],
      "A loop whose copies and computation are software-pipelined over `num_stages` buffers, overlapping "
        + "memory transfers with math."),
    fn(
      "Parallel", ["*extents", "coalesced_width=None"],
      "A loop nest whose iterations are spread over the block's threads (and vectorized where possible)."),
    fn("serial", ["start", "stop=None", "step=None"], "A plain sequential loop, executed by every thread."),
    fn("unroll", ["start", "stop=None", "step=None"], "A sequential loop that the compiler fully unrolls."),
    fn("thread_binding", ["start", "stop", "thread"], "A loop bound to a hardware thread index."),
  ]

  private static let compute: [APIEntry] = [
    fn(
      "gemm",
      [
        "A", "B", "C", "transpose_A=False", "transpose_B=False", "policy=None", "clear_accum=False", "k_pack=1",
        "wg_wait=0",
      ],
      "Tile matrix multiply-accumulate `C += A @ B` on the tensor cores; `A`/`B` in shared memory or fragments, "
        + "`C` usually a fragment."),
    fn(
      "reduce_sum", ["buffer", "out", "dim=-1", "clear=True"],
      "Sums `buffer` along `dim` into `out`; with `clear=False` the result is added to `out`."),
    fn(
      "reduce_max", ["buffer", "out", "dim=-1", "clear=True"],
      "Maximum of `buffer` along `dim` into `out`; with `clear=False` it is combined with `out`."),
    fn(
      "reduce_min", ["buffer", "out", "dim=-1", "clear=True"],
      "Minimum of `buffer` along `dim` into `out`; with `clear=False` it is combined with `out`."),
    fn("reduce_abssum", ["buffer", "out", "dim=-1"], "Sum of absolute values of `buffer` along `dim` into `out`."),
    fn("atomic_add", ["dst", "value"], "Atomically adds `value` to `dst` (an element or a region)."),
    fn("max", ["a", "b"], "The larger of two values."),
    fn("min", ["a", "b"], "The smaller of two values."),
    fn(
      "if_then_else", ["cond", "then_value", "else_value"], "Selects `then_value` when `cond` holds, else `else_value`."
    ),
    fn("exp", ["x"], "Natural exponential."),
    fn("exp2", ["x"], "Base-2 exponential."),
    fn("log", ["x"], "Natural logarithm."),
    fn("sqrt", ["x"], "Square root."),
    fn("rsqrt", ["x"], "Reciprocal square root."),
    fn("abs", ["x"], "Absolute value."),
    fn("cast", ["value", "dtype"], "Converts `value` to `dtype`."),
  ]

  private static let helpers: [APIEntry] = [
    fn("ceildiv", ["a", "b"], "Integer division rounding up: the number of `b`-sized tiles covering `a`."),
    fn("print", ["value", "msg=\"\""], "Prints a value or buffer from device code (debugging)."),
    fn(
      "empty", ["shape", "dtype"],
      "Declares an output tensor the jit wrapper allocates and returns (eager-jit style kernels)."),
  ]

  private static let types: [APIEntry] = [
    APIEntry(
      name: "Tensor", kind: .type, parameters: ["shape", "dtype"],
      summary: "Annotation for a global-memory tensor parameter: `A: T.Tensor((M, K), \"float16\")`."),
    APIEntry(
      name: "Buffer", kind: .type, parameters: ["shape", "dtype"],
      summary: "Annotation for a buffer parameter (older spelling of `T.Tensor`)."),
    APIEntry(name: "float16", kind: .type, parameters: [], summary: "16-bit IEEE float (`half`)."),
    APIEntry(
      name: "bfloat16", kind: .type, parameters: [], summary: "16-bit brain float: float32's range, 8-bit mantissa."),
    APIEntry(name: "float32", kind: .type, parameters: [], summary: "32-bit IEEE float."),
    APIEntry(name: "float64", kind: .type, parameters: [], summary: "64-bit IEEE float."),
    APIEntry(name: "float8_e4m3", kind: .type, parameters: [], summary: "8-bit float, 4 exponent and 3 mantissa bits."),
    APIEntry(name: "float8_e5m2", kind: .type, parameters: [], summary: "8-bit float, 5 exponent and 2 mantissa bits."),
    APIEntry(name: "int8", kind: .type, parameters: [], summary: "8-bit signed integer."),
    APIEntry(name: "int32", kind: .type, parameters: [], summary: "32-bit signed integer."),
    APIEntry(name: "int64", kind: .type, parameters: [], summary: "64-bit signed integer."),
    APIEntry(name: "uint8", kind: .type, parameters: [], summary: "8-bit unsigned integer."),
    APIEntry(name: "bool", kind: .type, parameters: [], summary: "Boolean."),
  ]
}

// MARK: - Text scans

extension TileLangAPI {
  /// The API entry named by `T.<name>` under `offset` (on the name or on the `T`), with the name's range.
  public static func entry(at offset: Int, in source: SourceText) -> (entry: APIEntry, range: TextRange)? {
    let bytes = source.bytes
    let o = source.clamp(offset)
    var start = o
    var end = o
    while start > 0, isIdentifier(bytes[start - 1]) { start -= 1 }
    while end < bytes.count, isIdentifier(bytes[end]) { end += 1 }
    guard start < end else { return nil }
    if end - start == 1, bytes[start] == UInt8(ascii: "T"), end < bytes.count, bytes[end] == UInt8(ascii: ".") {
      // On the module alias: look at the name after the dot.
      var nameEnd = end + 1
      while nameEnd < bytes.count, isIdentifier(bytes[nameEnd]) { nameEnd += 1 }
      return lookup(TextRange(end + 1, nameEnd), in: source)
    }
    guard isModuleAlias(before: start, in: bytes) else { return nil }
    return lookup(TextRange(start, end), in: source)
  }

  /// The partial name after `T.` that ends at `offset` (empty right after the dot), or nil elsewhere.
  public static func completionPrefix(at offset: Int, in source: SourceText) -> String? {
    let bytes = source.bytes
    let o = source.clamp(offset)
    var start = o
    while start > 0, isIdentifier(bytes[start - 1]) { start -= 1 }
    guard isModuleAlias(before: start, in: bytes) else { return nil }
    return source.text(TextRange(start, o))
  }

  /// The innermost `T.name(` call whose argument list contains `offset`, and the argument being written
  /// (top-level commas counted; a `keyword=` argument selects its parameter by name).
  public static func callContext(at offset: Int, in source: SourceText) -> APICallContext? {
    let bytes = source.bytes
    let o = source.clamp(offset)
    let floor = max(0, o - 4096)
    var depth = 0
    var commas = 0
    // The current top-level argument lies between the nearest top-level comma and `argumentEnd`.
    var nearestComma: Int?
    var argumentEnd = o
    var i = o - 1
    while i >= floor {
      switch bytes[i] {
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth += 1
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        if depth > 0 { depth -= 1 } else { (commas, nearestComma, argumentEnd) = (0, nil, i) }
      case UInt8(ascii: "("):
        if depth > 0 {
          depth -= 1
          break
        }
        var nameStart = i
        while nameStart > 0, isIdentifier(bytes[nameStart - 1]) { nameStart -= 1 }
        if nameStart < i, isModuleAlias(before: nameStart, in: bytes),
          let entry = signature(named: source.text(TextRange(nameStart, i)))
        {
          let keyword = keywordName(in: bytes[((nearestComma ?? i) + 1)..<argumentEnd])
          let byName = keyword.flatMap { k in entry.parameters.indices.first { entry.parameterName($0) == k } }
          let variadic = entry.parameters.first?.hasPrefix("*") == true && keyword == nil
          return APICallContext(entry: entry, activeParameter: byName ?? (variadic ? 0 : commas))
        }
        (commas, nearestComma, argumentEnd) = (0, nil, i)
      case UInt8(ascii: ","):
        if depth == 0 {
          commas += 1
          if nearestComma == nil { nearestComma = i }
        }
      default: break
      }
      i -= 1
    }
    return nil
  }

  // MARK: - Helpers

  private static func lookup(_ range: TextRange, in source: SourceText) -> (entry: APIEntry, range: TextRange)? {
    guard let entry = signature(named: source.text(range)) else { return nil }
    return (entry, range)
  }

  /// True when `bytes[..<start]` ends with a standalone `T.`.
  private static func isModuleAlias(before start: Int, in bytes: [UInt8]) -> Bool {
    guard start >= 2, bytes[start - 1] == UInt8(ascii: "."), bytes[start - 2] == UInt8(ascii: "T") else {
      return false
    }
    return start < 3 || !(isIdentifier(bytes[start - 3]) || bytes[start - 3] == UInt8(ascii: "."))
  }

  private static func keywordName(in argument: ArraySlice<UInt8>) -> String? {
    let text = String(decoding: argument, as: UTF8.self)
    guard let eq = text.firstIndex(of: "="), !text[eq...].hasPrefix("==") else { return nil }
    let name = text[..<eq].trimmingCharacters(in: " \t\r\n")
    guard !name.isEmpty, name.utf8.allSatisfy(isIdentifier) else { return nil }
    return name
  }

  private static func isIdentifier(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = self
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
