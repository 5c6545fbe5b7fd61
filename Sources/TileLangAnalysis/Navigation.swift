// Editor-facing queries over a FileAnalysis: hover text, inlay hints, go-to-definition, outline symbols.
// Results are plain values with byte ranges; the server converts them to its protocol.

import TileLangSyntax

public struct HoverInfo: Sendable {
  /// Markdown.
  public var markdown: String
  public var range: TextRange
}

public struct InlayHintInfo: Sendable {
  /// Byte offset the hint is shown at (after the call's closing parenthesis).
  public var offset: Int
  public var label: String
  public var tooltip: String?
}

public struct SymbolInfo: Sendable {
  public enum Kind: Sendable { case kernel, buffer, parameter }
  public var name: String
  public var detail: String
  public var kind: Kind
  public var range: TextRange
  public var selectionRange: TextRange
  public var children: [SymbolInfo]
}

extension FileAnalysis {
  /// Hover at a byte offset: a copy/im2col call (its callee or operands), or a buffer name.
  public func hover(at offset: Int) -> HoverInfo? {
    if let site = copySites.first(where: { $0.range.touches(offset) }) {
      let operandRanges = [site.srcRange, site.dstRange].compactMap { $0 }
      if let buffer = bufferHover(at: offset), operandRanges.contains(where: { $0.touches(offset) }) { return buffer }
      var hover = copyHover(site)
      // On the callee's name: lead with the signature, and cover just the name.
      if let (entry, nameRange) = TileLangAPI.entry(at: offset, in: source) {
        hover.markdown = "```python\n\(entry.signature)\n```\n\n" + hover.markdown
        hover.range = nameRange
      }
      return hover
    }
    return bufferHover(at: offset)
  }

  private func copyHover(_ site: CopySiteInfo) -> HoverInfo {
    let infos = lowerings.filter { $0.range == site.range }
    var md = "**T.\(site.op)**"
    guard let first = infos.first else {
      let errors = diagnostics.filter { site.range.contains($0.range.start) && $0.severity == .error }
      if let e = errors.first {
        md += " — rejected: \(e.message) [\(e.code.rawValue)]"
      } else {
        md += " — no lowering predicted (sizes or buffers unknown here)"
      }
      return HoverInfo(markdown: md, range: site.range)
    }
    md += "\n\n\(first.extentsText)"
    if let s = first.specialization { md += "\n\nSpecialization: \(s)" }
    for l in infos {
      md += "\n\n---\n**\(l.target.rawValue)**: `\(l.path)`"
      if let v = l.vectorBits { md += ", \(v)-bit accesses" }
      if let b = l.bytes { md += ", \(b) bytes per tile" }
      md += "\n\n\(l.reason)\n\n```cuda\n// predicted by tl-lsp, not compiler output\n\(l.preview)\n```"
    }
    return HoverInfo(markdown: md, range: site.range)
  }

  private func bufferHover(at offset: Int) -> HoverInfo? {
    guard let (name, range) = nameAt(offset), let b = buffer(named: name, near: offset) else { return nil }
    let written = writtenShape(b)
    var md = "**\(b.name)**: `\(written ?? b.shapeText)` \(b.dtype) in `\(b.scope)`"
    if let bytes = b.bytes { md += " — \(bytes) bytes" }
    if let w = written, w.filter({ !$0.isWhitespace }) != b.shapeText.filter({ !$0.isWhitespace }) {
      md += "\n\nSpecialized: `\(b.shapeText)`"
    }
    let line = source.line(of: b.declarationRange.start) + 1
    md += "\n\nDeclared by `\(b.allocator)` on line \(line)"
    return HoverInfo(markdown: md, range: range)
  }

  /// The shape as written in the declaring call (`(block_M, block_K)`), when it is a call with a first argument.
  private func writtenShape(_ b: BufferInfo) -> String? {
    var found: String?
    ASTWalker { e, _ in
      guard found == nil, e.range == b.declarationRange || b.declarationRange.contains(e.range),
        case .call(_, let args) = e.kind,
        let first = args.first
      else { return }
      found = source.text(first.value.range)
    }.walk(statementsAround(b.declarationRange.start))
    return found
  }

  /// Inlay hints whose offsets lie in `range`: the path after each copy call, the shape after each allocation.
  public func inlayHints(in range: TextRange) -> [InlayHintInfo] {
    var out: [InlayHintInfo] = []
    var seenCalls = Set<TextRange>()
    for l in lowerings where range.touches(l.range.end) && !seenCalls.contains(l.range) {
      seenCalls.insert(l.range)
      let all = lowerings.filter { $0.range == l.range }
      let label =
        all.count > 1 ? all.map { "\($0.target.rawValue): \($0.inlayLabel)" }.joined(separator: " | ") : l.inlayLabel
      out.append(InlayHintInfo(offset: l.range.end, label: label, tooltip: l.reason))
    }
    var seenDecl = Set<TextRange>()
    for k in kernels {
      for b in k.buffers
      where b.allocator.hasPrefix("alloc") && range.touches(b.declarationRange.end)
        && !seenDecl.contains(b.declarationRange)
      {
        seenDecl.insert(b.declarationRange)
        guard let shape = b.concreteShape else { continue }
        var label = "\(shape.map(String.init).joined(separator: "×")) \(DType.short(b.dtype))"
        if let bytes = b.bytes { label += " · \(formatBytes(bytes))" }
        out.append(InlayHintInfo(offset: b.declarationRange.end, label: label, tooltip: "\(b.name) in \(b.scope)"))
      }
    }
    return out.sorted { $0.offset < $1.offset }
  }

  /// Where the name at `offset` is bound: a parameter, an assignment target, a loop or `with` target, a def.
  public func definition(at offset: Int) -> TextRange? {
    guard let (name, _) = nameAt(offset) else { return nil }
    return NameBindings(parsed.body).definition(of: name, at: offset)
  }

  /// Kernels with their buffers, for the document outline.
  public func symbols() -> [SymbolInfo] {
    kernels.map { k in
      SymbolInfo(
        name: k.name, detail: k.style.rawValue, kind: .kernel, range: k.range, selectionRange: k.nameRange,
        children: k.buffers.map { b in
          SymbolInfo(
            name: b.name, detail: "\(b.shapeText) \(b.dtype) \(b.scope)", kind: .buffer,
            range: b.declarationRange.cover(b.nameRange),
            selectionRange: b.nameRange, children: [])
        })
    }
  }

  // MARK: - Helpers

  /// The identifier at `offset` (a name, or the attribute name of `x.attr`).
  func nameAt(_ offset: Int) -> (String, TextRange)? {
    nameAt(offset, in: statementsAround(offset))
  }

  /// `nameAt(_:)` searching `statements` (the whole body, to check that the narrowed search agrees).
  func nameAt(_ offset: Int, in statements: [Stmt]) -> (String, TextRange)? {
    var found: (String, TextRange)?
    ASTWalker { e, _ in
      guard found == nil else { return }
      switch e.kind {
      case .name(let n) where e.range.touches(offset): found = (n, e.range)
      case .attribute(_, let n, let r) where r.touches(offset): found = (n, r)
      default: break
      }
    }.walk(statements)
    if found == nil {
      for k in kernels { for b in k.buffers where b.nameRange.touches(offset) { return (b.name, b.nameRange) } }
    }
    return found
  }

  /// The top-level statements that can hold `offset`: the last one starting at or before it, and the next one
  /// (whose decorators may sit before its own start). Keeps lookups at a position from walking the whole file.
  func statementsAround(_ offset: Int) -> [Stmt] {
    let body = parsed.body
    var low = 0
    var high = body.count
    while low < high {
      let mid = (low + high) / 2
      if body[mid].range.start <= offset { low = mid + 1 } else { high = mid }
    }
    return Array(body[max(0, low - 1)..<min(body.count, low + 1)])
  }

  /// The buffer called `name` in the kernel around `offset` (or any kernel, for macros and helpers).
  func buffer(named name: String, near offset: Int) -> BufferInfo? {
    let around = kernels.filter { $0.range.contains(offset) }.sorted { $0.range.length < $1.range.length }
    for k in around + kernels { if let b = k.buffers.first(where: { $0.name == name }) { return b } }
    return nil
  }
}

/// Scope-aware bindings of names: function parameters, assignment/loop/with targets, defs and imports.
struct NameBindings {
  struct Scope {
    var range: TextRange
    var bindings: [String: TextRange] = [:]
  }
  var scopes: [Scope] = []

  init(_ body: [Stmt]) {
    var module = Scope(range: TextRange(0, Int.max))
    collect(body, into: &module)
    scopes.append(module)
  }

  func definition(of name: String, at offset: Int) -> TextRange? {
    let enclosing = scopes.filter { $0.range.contains(offset) }.sorted { $0.range.length < $1.range.length }
    for s in enclosing { if let r = s.bindings[name] { return r } }
    return nil
  }

  private mutating func collect(_ body: [Stmt], into scope: inout Scope) {
    for s in body {
      switch s.kind {
      case .functionDef(let f):
        if scope.bindings[f.name] == nil { scope.bindings[f.name] = f.nameRange }
        var inner = Scope(range: s.range)
        for p in f.params.list where inner.bindings[p.name] == nil { inner.bindings[p.name] = p.nameRange }
        collect(f.body, into: &inner)
        scopes.append(inner)
      case .classDef(let c):
        if scope.bindings[c.name] == nil { scope.bindings[c.name] = c.nameRange }
      case .assign(let targets, _):
        for t in targets { bindTargets(t, &scope) }
      case .annAssign(let t, _, _), .augAssign(let t, _, _):
        bindTargets(t, &scope)
      case .for(let t, _, let b, let o, _):
        bindTargets(t, &scope)
        collect(b, into: &scope)
        collect(o, into: &scope)
      case .with(let items, let b, _):
        for i in items { if let t = i.target { bindTargets(t, &scope) } }
        collect(b, into: &scope)
      case .if(_, let b, let o), .while(_, let b, let o):
        collect(b, into: &scope)
        collect(o, into: &scope)
      case .try(let b, let h, let o, let f, _):
        collect(b, into: &scope)
        for x in h { collect(x.body, into: &scope) }
        collect(o, into: &scope)
        collect(f, into: &scope)
      case .import(let names), .importFrom(_, let names, _):
        for a in names {
          let local = a.boundName
          if scope.bindings[local] == nil { scope.bindings[local] = a.range }
        }
      default:
        break
      }
    }
  }

  private func bindTargets(_ e: Expr, _ scope: inout Scope) {
    switch e.kind {
    case .name(let n): if scope.bindings[n] == nil { scope.bindings[n] = e.range }
    case .tuple(let xs), .list(let xs): for x in xs { bindTargets(x, &scope) }
    case .starred(let x): bindTargets(x, &scope)
    default: break
    }
  }
}

import Foundation
