// Kernel summaries for outlines and navigation, and the static list of copy-like call sites.

import TileLangSyntax

enum KernelSummaries {
  static func make(module: ModuleIndex, runs: [KernelRun], onlyTopLevel: Set<Int>? = nil) -> [KernelInfo] {
    var out: [KernelInfo] = []
    for entry in module.functions where onlyTopLevel?.contains(entry.topLevel) ?? true {
      let style: KernelInfo.Style
      switch entry.kind {
      case .primFunc: style = .primFunc
      case .eagerJit: style = .eagerJit
      case .macro: style = .macro
      case .jitFactory, .plain: continue
      }
      let candidates = runs.filter { $0.instance.function == entry.id }
      let run = candidates.first { !$0.instance.isSymbolic } ?? candidates.first
      var buffers: [BufferInfo] = []
      var seen = Set<Int>()
      for b in run?.buffers ?? [] where !seen.contains(b.id) {
        seen.insert(b.id)
        buffers.append(
          BufferInfo(
            name: b.name, nameRange: b.nameRange, declarationRange: b.declarationRange, shapeText: b.shapeText,
            concreteShape: b.concreteShape, dtype: b.dtype ?? "?", scope: b.scope.name, bytes: b.bytes,
            allocator: b.allocator))
      }
      var params: [String] = entry.def.params.list.map(\.name)
      if let parent = entry.parent { params = module.entry(parent).def.params.list.map(\.name) + params }
      let builder = builder(of: entry, module: module)
      let sizes = candidates.lazy.compactMap { callSizes($0.instance, builder: builder?.id, eager: style == .eagerJit) }
      out.append(
        KernelInfo(
          name: entry.def.name, style: style, range: entry.range, nameRange: entry.def.nameRange, buffers: buffers,
          parameters: params, builder: builder?.def.name, builderNameRange: builder?.def.nameRange,
          callSizes: sizes.first))
    }
    return out
  }

  /// The module-level function the compiler's worker can call to build the kernel `entry`.
  static func builder(of entry: FunctionEntry, module: ModuleIndex) -> FunctionEntry? {
    switch entry.kind {
    case .primFunc:
      guard let parent = entry.parent else { return entry }
      let p = module.entry(parent)
      return p.parent == nil && (p.kind == .plain || p.kind == .jitFactory) ? p : nil
    case .eagerJit:
      return entry.parent == nil ? entry : nil
    case .plain, .jitFactory, .macro:
      return nil
    }
  }

  /// The sizes an instance's call gives the builder: every argument of a factory (none may be beyond a literal, or
  /// the build would silently use something else), the literal ones of an eager kernel (its tensors come at run
  /// time). Nil for a call that passes nothing (the defaults are the compiler's own).
  static func callSizes(_ inst: KernelInstance, builder: FunctionID?, eager: Bool) -> CallSizes? {
    guard !inst.isSymbolic, let call = inst.call, call.function == builder,
      call.arguments.contains(where: { !$0.fromDefault })
    else { return nil }
    var values: [String: LiteralValue] = [:]
    for a in call.arguments {
      if let v = a.value.literal {
        values[a.name] = v
      } else if !eager {
        return nil
      }
    }
    return values.isEmpty ? nil : CallSizes(values: values)
  }
}

extension Value {
  /// The value as a Python literal (a dtype as its name, a DSL attribute such as `T.GemmWarpPolicy.FullRow` as its
  /// qualified name), when it is one.
  var literal: LiteralValue? {
    switch self {
    case .int(let e): return e.constant.map { .int($0) }
    case .float(let d): return .double(d)
    case .bool(let b): return .bool(b)
    case .string(let s): return .string(s)
    case .dtype(let d): return .string(d)
    case .dsl(let path) where !path.isEmpty: return .name("tilelang.language." + path)
    default: return nil
    }
  }
}

enum CopySites {
  static let ops: Set<String> = ["copy", "async_copy", "tma_copy", "copy_cluster", "im2col", "c2d_im2col", "transpose"]
  static let gemmOps: Set<String> = Interpreter.gemmOps

  /// Every `T.copy`-like call and every gemm call in the file, each in source order, with their operand buffer names.
  static func find(module: ModuleIndex, parsed: ParsedFile, onlyTopLevel: Set<Int>? = nil)
    -> (copies: [CopySiteInfo], gemms: [CopySiteInfo])
  {
    var copies: [CopySiteInfo] = []
    var gemms: [CopySiteInfo] = []
    let walker = ASTWalker { call, kernel in
      guard case .call(let callee, let args) = call.kind, case .attribute(_, let attr, _) = callee.kind,
        ops.contains(attr) || gemmOps.contains(attr),
        let q = module.qualifiedName(callee),
        q.hasPrefix("tilelang.language.")
      else { return }
      let op = String(q.dropFirst("tilelang.language.".count))
      guard ops.contains(op) || gemmOps.contains(op) else { return }
      let positional = args.filter { $0.name == nil }
      func operand(_ i: Int, _ name: String) -> Expr? {
        i < positional.count ? positional[i].value : args.first { $0.name == name }?.value
      }
      if gemmOps.contains(op) {
        let slots = GemmSlots(op)
        let (a, b, c) = (operand(slots.a.0, slots.a.1), operand(slots.b.0, slots.b.1), operand(slots.c.0, slots.c.1))
        gemms.append(
          CopySiteInfo(
            op: op, range: call.range, kernelName: kernel ?? "", srcBuffer: a.flatMap(baseName),
            dstBuffer: b.flatMap(baseName), srcRange: a?.range, dstRange: b?.range, accumulator: c.flatMap(baseName)))
        return
      }
      let names = op.containsUTF8("im2col") ? ("img", "col") : ("src", "dst")
      let src = operand(0, names.0)
      let dst = operand(1, names.1)
      copies.append(
        CopySiteInfo(
          op: op, range: call.range, kernelName: kernel ?? "", srcBuffer: src.flatMap(baseName),
          dstBuffer: dst.flatMap(baseName), srcRange: src?.range, dstRange: dst?.range))
    }
    if let only = onlyTopLevel {
      walker.walk(parsed.body.indices.filter { only.contains($0) }.map { parsed.body[$0] })
    } else {
      walker.walk(parsed.body)
    }
    return (copies.sorted { $0.range < $1.range }, gemms.sorted { $0.range < $1.range })
  }

  static func baseName(_ e: Expr) -> String? {
    switch e.kind {
    case .name(let n): return n
    case .subscript(let base, _): return baseName(base)
    default: return nil
    }
  }
}
