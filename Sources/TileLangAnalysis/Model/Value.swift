// Values of the partial evaluator: what a Python expression in a kernel file evaluates to, as far as it can tell.

import TileLangSyntax

/// A handle on a function definition of the file (an index into `ModuleIndex.functions`).
public struct FunctionID: Hashable, Sendable { public var index: Int }

indirect enum Value: Sendable {
  case int(SymExpr)
  case float(Double)
  case bool(Bool)
  case string(String)
  case none
  case sequence([Value], isList: Bool)
  case dict([DictEntry])
  case dtype(String)
  case buffer(Buffer)
  /// A function of this file, with the environment it closes over.
  case function(FunctionID, Closure)
  /// A name inside the DSL module: `""` is the module itself, `"copy"` is `T.copy`.
  case dsl(String)
  /// Another module or an attribute of one (`tilelang`, `tilelang.jit`, `torch.float16`, `argparse`).
  case module(String)
  /// Attributes set on an object (argparse namespaces).
  case namespace([String: Value])
  /// An argparse parser collecting `add_argument` defaults.
  case argParser(Int)
  /// A `T.Kernel(...)` frame: grid and threads.
  case kernelFrame(threads: SymExpr?, grid: [SymExpr?])
  /// A loop range such as `T.Pipelined(n, num_stages=3)`.
  case loopRange(LoopKind)
  /// A buffer type such as `T.Tensor((M, K), "float16")` used as an annotation.
  case tensorType(TensorType)
  /// A user function's method such as `matmul.compile` or `kernel.get_tir`.
  case boundMethod(FunctionID, Closure, String)
  /// A host-side torch tensor (`torch.randn(M, N, dtype=torch.float16)`): its shape, as far as it is known.
  case hostTensor(HostTensor)
  /// A method of a host tensor (`a.to`, `a.size`), not yet called.
  case hostTensorMethod(HostTensor, String)
  case unknown

  struct DictEntry: Sendable {
    var key: Value
    var value: Value
  }

  var intValue: SymExpr? {
    switch self {
    case .int(let e): return e
    case .bool(let b): return SymExpr(constant: b ? 1 : 0)
    default: return nil
    }
  }

  var constantInt: Int? { intValue?.constant }

  var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  var elements: [Value]? {
    if case .sequence(let e, _) = self { return e }
    return nil
  }

  /// True for values that cannot be None at run time; `.module` attributes and unknowns might be.
  var isKnownNotNone: Bool {
    switch self {
    case .int, .float, .bool, .string, .sequence, .dict, .dtype, .buffer, .function, .dsl, .kernelFrame, .loopRange,
      .tensorType, .boundMethod, .hostTensor, .hostTensorMethod:
      return true
    case .none, .module, .namespace, .argParser, .unknown:
      return false
    }
  }

  /// A buffer or a buffer type: what assigning to a `T.alloc_var` name rebinds the name to, rather than storing.
  var isBufferLike: Bool {
    switch self {
    case .buffer, .tensorType: return true
    default: return false
    }
  }

  /// Truthiness when known.
  var truthiness: Bool? {
    switch self {
    case .bool(let b): return b
    case .int(let e): return e.constant.map { $0 != 0 }
    case .float(let d): return d != 0
    case .string(let s): return !s.isEmpty
    case .none: return false
    case .sequence(let e, _): return !e.isEmpty
    case .dict(let d): return !d.isEmpty
    case .dtype, .buffer, .function, .dsl, .module, .namespace, .argParser, .kernelFrame, .loopRange, .tensorType,
      .boundMethod, .hostTensor, .hostTensorMethod:
      return true
    case .unknown: return nil
    }
  }

  /// A dtype name when the value denotes one (`T.float16`, `"float16"`, `torch.float16`).
  var dtypeName: String? {
    switch self {
    case .dtype(let d): return d
    case .string(let s) where DType.isKnown(s): return DType.canonical(s)
    default: return nil
    }
  }

  /// Structural equality for values the evaluator merges (scalars, sequences, buffers by id).
  func same(as other: Value) -> Bool {
    switch (self, other) {
    case (.int(let a), .int(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.none, .none): return true
    case (.dtype(let a), .dtype(let b)): return a == b
    case (.buffer(let a), .buffer(let b)): return a.id == b.id
    case (.function(let a, _), .function(let b, _)): return a == b
    case (.dsl(let a), .dsl(let b)): return a == b
    case (.module(let a), .module(let b)): return a == b
    case (.sequence(let a, let la), .sequence(let b, let lb)):
      return la == lb && a.count == b.count && zip(a, b).allSatisfy { $0.same(as: $1) }
    default: return false
    }
  }

  /// Short text for specialization notes (`1024`, `"float16"`, `True`).
  var shortDescription: String? {
    switch self {
    case .int(let e): return e.description
    case .bool(let b): return b ? "True" : "False"
    case .float(let d): return String(d)
    case .string(let s): return "\"\(s)\""
    case .dtype(let d): return d
    case .none: return "None"
    case .dsl(let path) where path.hasPrefix("GemmWarpPolicy."): return path
    case .sequence(let items, let isList) where items.count <= 8:
      // Short lists tell specializations apart (`order=[0, 1]` and `order=[0, 1, 2]` are two kernels).
      let parts = items.compactMap(\.shortDescription)
      guard parts.count == items.count else { return nil }
      let open = isList ? "[" : "(", close = isList ? "]" : (items.count == 1 ? ",)" : ")")
      return open + parts.joined(separator: ", ") + close
    default: return nil
    }
  }
}

enum LoopKind: Sendable {
  case pipelined(stages: Int?, extents: [SymExpr?])
  case parallel(extents: [SymExpr?])
  case serial(extents: [SymExpr?])
  /// `range(...)` with known bounds, iterated in host code.
  case hostRange([Int])
}

/// The variables a function body sees from enclosing scopes.
struct Closure: Sendable {
  var variables: Env
}

/// A torch tensor made by the file's host code: one entry per dimension (nil where unknown), and its dtype.
struct HostTensor: Sendable {
  var shape: [SymExpr?]
  var dtype: String?
}

/// The type part of a buffer declaration: shape, dtype, strides and scope.
struct TensorType: Sendable {
  var shape: [SymExpr]?
  var dtype: String?
  var strides: [SymExpr]?
  var scope: MemoryScope
  var allocator: String
}
