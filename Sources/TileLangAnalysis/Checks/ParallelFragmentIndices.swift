// Fragments accessed at two different indices in one `T.Parallel` loop (TL418). The compiler lays a parallel loop out
// from the indices each fragment is accessed at, and records one index tuple per fragment: a second load or store of
// the same fragment at other indices fails (src/op/parallel.cc `RecordBufferAccess`: "Check failed:
// (StructuralEqual()(it->second.indices, indices))"). Shared and global buffers are exempt; a serial loop inside the
// parallel one is part of it. Checked with 0.1.15: `x[i, j] - x[i, j + D // 2]` (rotate-half), `x[i, 0]` beside
// `x[i, k]`, and `x[i, j] * x[0, 0]` fail; `x[j, i]` alone and `x[i, j + 0]` beside `x[i, j]` pass.

//
// Two more index rules of the same loops, read from 0.1.15 `ParallelOpNode::InferLayout` and checked with the
// compiler on sm_80 and sm_90 (sweep E): a fragment that no gemm or annotation lays out before layout inference may
// not be accessed at a non-zero constant index (`a[2]`, `vo[i, 1]`: "Fragment buffer access with non-zero index [2]
// is not supported"); and a fragment of two or more dims whose last index does not depend on the loop's variables or
// those of loops nested in it (`vo[i, t]` with `t` from an enclosing serial loop, `vo[i, 0]`, `acc[i, by]`) cannot be
// mapped onto the loop ("Check failed: (analyzer_->CanProveEqual(abs(source->scale), 1))") when loops lay it out;
// a last dim of 1, all-zero indices and other dims at such indices (`vo[i, t, j]`, `vo[t, j]`) compile. A fragment a
// copy, gemm or other DSL call lays out first is not judged: that depends on its layout (on sm_100 a float32 tile
// copied 8 lanes wide gives each thread whole rows, and `vo[i, t]` compiles there but not on sm_80 or sm_90); a gemm's
// accumulator is, on every target.

import TileLangSyntax

enum ParallelFragmentIndices {
  /// Emits TL418 on the first access of each fragment whose indices differ from its earlier access in the loop.
  static func check(_ run: KernelRun, source: SourceText) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for s in run.serialFragmentConstantIndices {
      out.append(
        Diagnostic(
          .TL418,
          "\(s.buffer) is accessed at the constant index \(s.index) outside a T.Parallel loop: the front end wraps such a statement in a one-point parallel loop and accepts only index 0 (\"Fragment buffer access with non-zero index [\(s.index)] is not supported. Only fragment[0] access is allowed.\"); use a `local` buffer for per-thread scalars, or write the element inside a T.Parallel loop over the fragment",
          at: s.range))
    }
    for loop in run.parallelLoops {
      var first: [Int: ParallelLoop.Access] = [:]
      var reported: Set<Int> = []
      // Fragments accessed at two index tuples fail on that first (the loop records its accesses before it lays out).
      var tuples: [Int: Set<[SymExpr?]>] = [:]
      for a in loop.accesses { tuples[a.buffer.id, default: []].insert(a.indices) }
      for access in loop.accesses where !reported.contains(access.buffer.id) {
        guard !access.indices.contains(where: { $0 == nil }) else {
          reported.insert(access.buffer.id)  // an index it cannot evaluate: judge this fragment no further
          continue
        }
        guard let earlier = first[access.buffer.id] else {
          first[access.buffer.id] = access
          if tuples[access.buffer.id]?.count == 1,
            let d = constantIndex(access, run) ?? detachedLastIndex(access, loop, run, source: source)
          {
            reported.insert(access.buffer.id)
            out.append(d)
          }
          continue
        }
        guard earlier.indices != access.indices else { continue }
        reported.insert(access.buffer.id)
        let b = access.buffer
        let line = source.line(of: earlier.range.start) + 1
        out.append(
          Diagnostic(
            .TL418,
            "\(b.name) is \(access.isWrite ? "written" : "read") here as \(source.text(access.range)) and \(earlier.isWrite ? "written" : "read") as \(source.text(earlier.range)) on line \(line), in the same T.Parallel loop: the compiler lays the loop out from one index tuple per fragment and fails (\"Check failed: (StructuralEqual()(it->second.indices, indices))\" naming \(b.name)); read the other elements through a shared buffer, or copy them into a fragment of their own first",
            at: access.range))
      }
    }
    return out
  }

  /// A non-zero constant index on a fragment that has no layout when the strict level runs (only gemms and
  /// annotations lay fragments out there).
  static func constantIndex(_ access: ParallelLoop.Access, _ run: KernelRun) -> Diagnostic? {
    let b = access.buffer
    // A fragment that a DSL call other than a copy, fill or reduction takes (a reducer, a scan, an atomic) may get
    // its layout from that call: not judged.
    let reduced = run.layoutOps.contains { op in
      guard case .reduce(let r) = op else { return false }
      return [r.source, r.destination].contains { if case .buffer(let x) = $0 { x.id == b.id } else { false } }
    }
    guard !run.gemmOperands.contains(b.id), !run.annotatedLayouts.contains(b.id),
      !run.callLaidOut.contains(b.id) || reduced,
      let c = access.indices.lazy.compactMap({ $0?.constant }).first(where: { $0 != 0 })
    else { return nil }
    return Diagnostic(
      .TL418,
      "\(b.name) is \(access.isWrite ? "written" : "read") at the constant index \(c) in a T.Parallel loop: layout inference accepts only index 0 for a fragment nothing has laid out yet, and fails (\"Fragment buffer access with non-zero index [\(c)] is not supported\"); index it by the loop's variables, or read the element into a `local` buffer (or a shared one) first",
      at: access.range)
  }

  /// A fragment of two or more dims whose last index does not depend on the loop's variables (or those of loops
  /// nested in it).
  static func detachedLastIndex(
    _ access: ParallelLoop.Access, _ loop: ParallelLoop, _ run: KernelRun, source: SourceText
  ) -> Diagnostic? {
    let b = access.buffer
    // A gemm's accumulator has the gemm's layout, which maps no loop onto a fixed column either (checked with
    // 0.1.15 on sm_80, sm_90 and sm_100: `Cf[i, 0]`, `Cf[i, 5]` and `Cf[i, t]` in 1-D loops over the rows, read or
    // written, mma and wgmma layouts).
    let accumulator = run.layoutOps.contains {
      guard case .gemm(let g) = $0, g.operands.count == 3, case .buffer(let c) = g.operands[2] else { return false }
      return c.id == b.id
    }
    guard !run.annotatedLayouts.contains(b.id) else { return nil }
    guard
      accumulator
        || (!run.gemmOperands.contains(b.id) && !run.callLaidOut.contains(b.id)
          && !run.events.prefix(loop.precedingEvents).contains(where: { e in
            e.operands.contains { $0.buffer?.id == b.id }
          }))
    else { return nil }
    guard !loop.nestedInParallel, let vars = loop.variables, let shape = b.concreteShape, shape.count >= 2,
      access.indices.count == shape.count, let last = access.indices.last ?? nil, (shape.last ?? 1) > 1,
      !access.indices.allSatisfy({ $0?.constant == 0 })
    else { return nil }
    let own = Set(vars.map(\.name)).union(loop.innerVariables)
    guard last.variables.isDisjoint(with: own) else { return nil }
    let names = vars.map(\.name).joined(separator: ", ")
    return Diagnostic(
      .TL418,
      "\(b.name) \(b.shapeText) is \(access.isWrite ? "written" : "read") here as \(source.text(access.range)), whose last index \(last) does not depend on the T.Parallel loop's variables (\(names)): layout inference cannot map the loop onto \(b.name) and fails (\"Check failed: (analyzer_->CanProveEqual(abs(source->scale), 1))\"); loop over \(b.name)'s last dim in the T.Parallel loop, or keep the column in a fragment of its own",
      at: access.range)
  }
}
