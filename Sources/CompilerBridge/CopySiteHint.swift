// Copy-like call sites as the error mapping needs them (op, range, buffer names), plus a small text scanner
// that finds them when the caller has no analysis at hand.

import TileLangSyntax

/// A place the error mapping can point a compiler error at: a `T.copy` / `T.im2col` / `T.gemm` / ... call, or
/// (`op` empty) the range of an error tl-lsp's own analysis reports. The caller fills these from the analysis.
public struct CopySiteHint: Sendable, Hashable {
  /// `copy`, `async_copy`, `tma_copy`, `copy_cluster`, `im2col`, `c2d_im2col`, `transpose`, a gemm op, or empty.
  public var op: String
  /// The whole call.
  public var range: TextRange
  public var srcBuffer: String?
  public var dstBuffer: String?
  /// The module-level name that builds the kernel the call is in (`BuildRequest.kernel`); nil outside any kernel
  /// (a macro or helper any kernel may call) or when unknown.
  public var kernel: String?
  /// A gemm's C operand (a gemm's A and B are `srcBuffer` and `dstBuffer`).
  public var accumulator: String?
  /// The codes of the errors tl-lsp's own analysis reports on this call (`TL103`), for compiler errors that name
  /// neither a line nor a buffer.
  public var flagged: [String]

  public init(
    op: String, range: TextRange, srcBuffer: String?, dstBuffer: String?, kernel: String? = nil,
    accumulator: String? = nil, flagged: [String] = []
  ) {
    self.op = op
    self.range = range
    self.srcBuffer = srcBuffer
    self.dstBuffer = dstBuffer
    self.kernel = kernel
    self.accumulator = accumulator
    self.flagged = flagged
  }

  /// `T.gemm` and its variants (the mapping's last resort for the gemm lowering's errors, which name no line).
  public var isGemm: Bool { Self.gemmOps.contains(op) }
  static let gemmOps: Set<String> = ["gemm", "gemm_v1", "gemm_v2", "wgmma_gemm", "tcgen05_gemm", "gemm_sp"]

  /// Whether the call can belong to the build of `kernel` (a build names a file's other kernels' buffers too).
  func mayBelong(to kernel: String?) -> Bool { self.kernel == nil || kernel == nil || self.kernel == kernel }

  public var isIm2col: Bool { op.hasSuffix("im2col") }

  static let ops = ["copy", "async_copy", "tma_copy", "copy_cluster", "im2col", "c2d_im2col", "transpose"]

  /// Finds `T.<op>(...)` calls by scanning the text (comments and strings skipped; nesting respected).
  public static func scan(_ source: SourceText) -> [CopySiteHint] {
    let b = source.bytes
    var sites: [CopySiteHint] = []
    var i = 0
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "#") {
        while i < b.count, b[i] != 0x0A { i += 1 }
        continue
      }
      if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        i = skipString(b, i)
        continue
      }
      if c == UInt8(ascii: "T"), i + 2 < b.count, b[i + 1] == UInt8(ascii: "."), i == 0 || !isIdent(b[i - 1]) {
        var j = i + 2
        while j < b.count, isIdent(b[j]) { j += 1 }
        let name = String(decoding: b[(i + 2)..<j], as: UTF8.self)
        if ops.contains(name), j < b.count, b[j] == UInt8(ascii: "("), let close = matchParen(b, j) {
          let args = topLevelArgs(b, j + 1, close)
          sites.append(
            CopySiteHint(
              op: name, range: TextRange(i, close + 1), srcBuffer: args.first.flatMap { leadingName(b, $0) },
              dstBuffer: args.count > 1 ? leadingName(b, args[1]) : nil))
          i = j
          continue
        }
      }
      i += 1
    }
    return sites
  }

  private static func isIdent(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
  }

  private static func skipString(_ b: [UInt8], _ start: Int) -> Int {
    let q = b[start]
    var i = start + 1
    while i < b.count, b[i] != q, b[i] != 0x0A {
      if b[i] == UInt8(ascii: "\\") { i += 1 }
      i += 1
    }
    return min(i + 1, b.count)
  }

  private static func matchParen(_ b: [UInt8], _ open: Int) -> Int? {
    var depth = 0
    var i = open
    while i < b.count {
      switch b[i] {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 { return i }
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        i = skipString(b, i) - 1
      case UInt8(ascii: "#"):
        while i < b.count, b[i] != 0x0A { i += 1 }
      default: break
      }
      i += 1
    }
    return nil
  }

  /// Start offsets of the top-level arguments between `start` and `end`.
  private static func topLevelArgs(_ b: [UInt8], _ start: Int, _ end: Int) -> [Int] {
    var out = [start]
    var depth = 0
    var i = start
    while i < end {
      switch b[i] {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      case UInt8(ascii: ","): if depth == 0 { out.append(i + 1) }
      case UInt8(ascii: "\""), UInt8(ascii: "'"): i = skipString(b, i) - 1
      default: break
      }
      i += 1
    }
    return out
  }

  private static func leadingName(_ b: [UInt8], _ start: Int) -> String? {
    var i = start
    while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
    let s = i
    while i < b.count, isIdent(b[i]) { i += 1 }
    guard i > s, !(b[s] >= 0x30 && b[s] <= 0x39) else { return nil }
    var k = i
    while k < b.count, b[k] == 0x20 { k += 1 }
    if k < b.count, b[k] == UInt8(ascii: "=") { return nil }  // a keyword argument
    return String(decoding: b[s..<i], as: UTF8.self)
  }
}
