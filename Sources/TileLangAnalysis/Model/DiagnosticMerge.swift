// Merging per-instance results: a finding of a concrete specialization that the symbolic run or another
// specialization does not share says which specialization produced it; duplicates across instances and targets are
// dropped.

import TileLangSyntax

enum DiagnosticMerge {
  struct Key: Hashable {
    var code: DiagnosticCode
    var range: TextRange
    var message: String
  }

  static func merge(syntax: [Diagnostic], perRun: [(KernelInstance, [Diagnostic])]) -> [Diagnostic] {
    var out: [Diagnostic] = syntax
    var byFunction: [Int: [(KernelInstance, [Diagnostic])]] = [:]
    var order: [Int] = []
    for (inst, d) in perRun {
      if byFunction[inst.function.index] == nil { order.append(inst.function.index) }
      byFunction[inst.function.index, default: []].append((inst, d))
    }
    var seen = Set<Key>()
    for f in order {
      let runs = byFunction[f] ?? []
      let symbolic = runs.filter { $0.0.isSymbolic }
      let concrete = runs.filter { !$0.0.isSymbolic && $0.0.provenance != nil }
      let literal = runs.filter { !$0.0.isSymbolic && $0.0.provenance == nil }
      let symbolicKeys = Set(symbolic.flatMap { $0.1.map { Key(code: $0.code, range: $0.range, message: $0.message) } })
      // A finding the symbolic run shares is general only if every concrete specialization has it too: the symbolic
      // run takes one branch of an `if` on a parameter, so it can share a finding with some specializations only.
      let concreteKeys = concrete.map { Set($0.1.map { Key(code: $0.code, range: $0.range, message: $0.message) }) }
      var chosen: [(KernelInstance, [Diagnostic])] = literal
      chosen += concrete.isEmpty ? symbolic : concrete
      for (inst, diags) in chosen {
        for var d in diags {
          let key = Key(code: d.code, range: d.range, message: d.message)
          guard !seen.contains(key) else { continue }
          seen.insert(key)
          let general = symbolicKeys.contains(key) && concreteKeys.allSatisfy { $0.contains(key) }
          if !inst.isSymbolic, let p = inst.provenance, !general, !d.message.contains(p) {
            d.message += " (\(p))"
          }
          out.append(d)
        }
      }
    }
    return out.sorted()
  }

  /// One lowering per call and target: from a concrete specialization when there is one.
  static func lowerings(_ perRun: [(KernelInstance, [LoweringInfo])]) -> [LoweringInfo] {
    struct K: Hashable {
      var range: TextRange
      var target: TargetArch
    }
    var best: [K: (rank: Int, info: LoweringInfo)] = [:]
    for (inst, infos) in perRun {
      let rank = inst.isSymbolic ? 2 : (inst.provenance == nil ? 1 : 0)
      for info in infos {
        let k = K(range: info.range, target: info.target)
        if let cur = best[k], cur.rank <= rank { continue }
        best[k] = (rank, info)
      }
    }
    return best.values.map(\.info).sorted { ($0.range, $0.target) < ($1.range, $1.target) }
  }
}
