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
          parameters: params, builder: builder?.def.name, callSizes: sizes.first))
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
    return values.isEmpty ? nil : CallSizes(values: values, range: call.range)
  }
}

extension Value {
  /// The value as a Python literal (a dtype as its name), when it is one.
  var literal: LiteralValue? {
    switch self {
    case .int(let e): return e.constant.map { .int($0) }
    case .float(let d): return .double(d)
    case .bool(let b): return .bool(b)
    case .string(let s): return .string(s)
    case .dtype(let d): return .string(d)
    default: return nil
    }
  }
}

enum CopySites {
  static let ops: Set<String> = ["copy", "async_copy", "tma_copy", "copy_cluster", "im2col", "c2d_im2col", "transpose"]

  /// Every `T.copy`-like call in the file, in source order, with its operand buffer names.
  static func find(module: ModuleIndex, parsed: ParsedFile, onlyTopLevel: Set<Int>? = nil) -> [CopySiteInfo] {
    var out: [CopySiteInfo] = []
    let walker = ASTWalker { call, kernel in
      guard case .call(let callee, let args) = call.kind, case .attribute(_, let attr, _) = callee.kind,
        ops.contains(attr),
        let q = module.qualifiedName(callee),
        q.hasPrefix("tilelang.language."), ops.contains(String(q.dropFirst("tilelang.language.".count)))
      else { return }
      let positional = args.filter { $0.name == nil }
      let op = String(q.dropFirst("tilelang.language.".count))
      let names = op.contains("im2col") ? ("img", "col") : ("src", "dst")
      let src = positional.first?.value ?? args.first { $0.name == names.0 }?.value
      let dst = positional.dropFirst().first?.value ?? args.first { $0.name == names.1 }?.value
      out.append(
        CopySiteInfo(
          op: op, range: call.range, kernelName: kernel ?? "", srcBuffer: src.flatMap(baseName),
          dstBuffer: dst.flatMap(baseName),
          srcRange: src?.range, dstRange: dst?.range))
    }
    if let only = onlyTopLevel {
      walker.walk(parsed.body.indices.filter { only.contains($0) }.map { parsed.body[$0] })
    } else {
      walker.walk(parsed.body)
    }
    return out.sorted { $0.range < $1.range }
  }

  static func baseName(_ e: Expr) -> String? {
    switch e.kind {
    case .name(let n): return n
    case .subscript(let base, _): return baseName(base)
    default: return nil
    }
  }
}
