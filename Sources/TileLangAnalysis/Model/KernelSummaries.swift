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
      out.append(
        KernelInfo(
          name: entry.def.name, style: style, range: entry.range, nameRange: entry.def.nameRange, buffers: buffers,
          parameters: params))
    }
    return out
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
