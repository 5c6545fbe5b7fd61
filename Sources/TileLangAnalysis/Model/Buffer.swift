// Buffers as the analysis sees them: global tensors and allocations with symbolic shape, dtype and scope.

import Foundation
import TileLangSyntax

/// Memory scopes as the compiler spells them.
public enum MemoryScope: Sendable, Hashable {
  case global, shared, sharedDyn, fragment, local, localVar, barrier, tmem, other(String)

  public init(_ text: String) {
    switch text {
    case "global": self = .global
    case "shared": self = .shared
    case "shared.dyn": self = .sharedDyn
    case "local.fragment": self = .fragment
    case "local": self = .local
    case "local.var": self = .localVar
    case "shared.barrier": self = .barrier
    case "shared.tmem": self = .tmem
    default: self = .other(text)
    }
  }

  public var name: String {
    switch self {
    case .global: return "global"
    case .shared: return "shared"
    case .sharedDyn: return "shared.dyn"
    case .fragment: return "local.fragment"
    case .local: return "local"
    case .localVar: return "local.var"
    case .barrier: return "shared.barrier"
    case .tmem: return "shared.tmem"
    case .other(let s): return s
    }
  }

  public var isShared: Bool { self == .shared || self == .sharedDyn }
  public var isFragment: Bool { self == .fragment }

  /// The compiler's "level" used to pick the loop space of a copy (op/copy.cc MakeIterVars).
  public var level: Int {
    switch self {
    case .fragment, .local: return 2
    case .shared, .sharedDyn, .tmem: return 1
    default: return 0
    }
  }
}

/// A buffer value. `id` is unique within one kernel instance. Immutable and shared by reference: the evaluator
/// copies buffer values constantly, and a reference is one retain where a struct would be one per field.
public final class Buffer: Sendable {
  public let id: Int
  public let name: String
  public let shape: [SymExpr]
  /// nil when the dtype could not be evaluated.
  public let dtype: String?
  public let scope: MemoryScope
  /// Declared strides (`T.StridedTensor`), when given.
  public let strides: [SymExpr]?
  /// Where the buffer is declared: the allocation call or the parameter annotation.
  public let declarationRange: TextRange
  /// The name that binds it (assignment target or parameter name).
  public let nameRange: TextRange
  /// `alloc_shared`, `alloc_fragment`, `Tensor`, `empty`, ...
  public let allocator: String

  public init(
    id: Int, name: String, shape: [SymExpr], dtype: String?, scope: MemoryScope, strides: [SymExpr]?,
    declarationRange: TextRange, nameRange: TextRange, allocator: String
  ) {
    self.id = id
    self.name = name
    self.shape = shape
    self.dtype = dtype
    self.scope = scope
    self.strides = strides
    self.declarationRange = declarationRange
    self.nameRange = nameRange
    self.allocator = allocator
  }

  public var rank: Int { shape.count }

  public var concreteShape: [Int]? {
    let c = shape.compactMap(\.constant)
    return c.count == shape.count ? c : nil
  }

  public var elementBits: Int? { dtype.flatMap(DType.bits(of:)) }

  public var bytes: Int? {
    guard let shape = concreteShape, let bits = elementBits else { return nil }
    return SafeArithmetic.bytes(shape, bits: bits)
  }

  public var shapeText: String {
    "(" + shape.map(\.description).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
  }
}

/// dtype names and sizes.
public enum DType {
  static let bitsByName: [String: Int] = [
    "float16": 16, "bfloat16": 16, "float32": 32, "float64": 64, "tfloat32": 32, "half": 16, "float": 32,
    "int8": 8, "int16": 16, "int32": 32, "int64": 64, "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64,
    "bool": 8, "int4": 4, "uint4": 4, "int1": 1,
    "float8_e4m3": 8, "float8_e4m3fn": 8, "float8_e5m2": 8, "float8_e4m3fnuz": 8, "float8_e5m2fnuz": 8,
    "float8_e8m0fnu": 8, "float4_e2m1fn": 4, "float4_e2m1_unpacked": 8, "float6_e2m3fn": 6, "float6_e3m2fn": 6,
    "short": 16, "long": 64, "int": 32, "uint": 32, "double": 64,
  ]

  static let aliases: [String: String] = [
    "half": "float16", "float": "float32", "double": "float64", "short": "int16", "long": "int64", "int": "int32",
    "uint": "uint32",
  ]

  public static func bits(of name: String) -> Int? { widths[name] }
  public static func canonical(_ name: String) -> String { aliases[name] ?? name }
  public static func isKnown(_ name: String) -> Bool { widths.contains(name) }
  private static let widths = NameTable(bitsByName)

  /// Short name for inlay hints: f16, bf16, f32, i8, ...
  public static func short(_ name: String) -> String {
    switch name {
    case "float16": return "f16"
    case "bfloat16": return "bf16"
    case "float32": return "f32"
    case "float64": return "f64"
    case "int8": return "i8"
    case "int32": return "i32"
    case "uint8": return "u8"
    default: return name.replacingOccurrences(of: "float", with: "f")
    }
  }

  /// dtypes a TMA descriptor can encode (src/op/utils.cc to_CUtensorMapDataType).
  public static func tmaEncodable(_ name: String) -> Bool {
    if name.hasPrefix("float8") { return true }
    return [
      "float64", "float32", "float16", "bfloat16", "tfloat32", "int64", "int32", "int16", "uint16", "int8", "uint8",
      "uint32", "uint64", "float4_e2m1fn", "float4_e2m1_unpacked",
    ].contains(name)
  }
}
