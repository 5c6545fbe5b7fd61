// Hand-written software-pipeline schedules the pipeliner rejects (TL216). `T.Pipelined(..., order=[...],
// stage=[...])` gives each statement of the body its stage; when the software pipeliner lowers the loop (sm_80, or a
// loop warp specialisation does not take) it checks the schedule (transform/inject_pipeline.cc):
// - a statement may not read a buffer that an earlier statement of the body writes in a later stage
//   (ValidatePipelineBody: "cannot depends on statement ... in a later stage");
// - with async copies on (pipeline_planning.cc marks every lone, unconditional global → shared copy of a legacy
//   schedule as an async producer), a statement that is not itself such a copy may wait on one async stage only: it
//   may not read the tiles of copies placed in two different stages at or below its own (PopulateWaitCounts: "A
//   dependency on multiple async stages is not supported").
// Only writes by lone global → shared copies are known here, so the first rule is checked for those writers only.
// And the lists must have one entry per statement of the body (with or without its name bindings): other lengths
// fail pipeline planning ("expected pipeline annotation size to match ...").

import TileLangSyntax

enum PipelineSchedule {
  /// Emits TL216 on the `stage=` list of each hand-scheduled `T.Pipelined` loop the software pipeliner rejects on
  /// `target`. `specialized`: loops warp specialisation takes over; `unpipelined`: loops that lose their pipelining.
  static func check(
    _ run: KernelRun, target: TargetArch, passConfigs: PassConfigs, specialized: Set<TextRange>,
    unpipelined: Set<TextRange>, source: SourceText
  ) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for loop in run.distinctPipelinedLoops {
      guard let stages = loop.explicitStages, let at = loop.stageArgument, !loop.annotated,
        !specialized.contains(loop.range), !unpipelined.contains(loop.range)
      else { continue }
      // A body of macro calls: only the lists' length is judged (the statements are the inlined ones).
      if loop.statements.contains(where: { $0.expansion != nil }) {
        if let message = expandedLengthMismatch(loop, stages: stages, target: target) {
          out.append(Diagnostic(.TL216, message, at: at))
        }
        continue
      }
      guard let (body, stages) = scheduled(loop, stages: stages),
        loop.orderCount.map({ scheduled(loop, count: $0) }) ?? true
      else {
        if let message = lengthMismatch(loop, stages: stages, target: target) {
          out.append(Diagnostic(.TL216, message, at: at))
        }
        continue
      }
      let names = Dictionary(run.buffers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
      let line = { (s: PipelinedLoop.Statement) in source.line(of: s.range.start) + 1 }
      if let message = laterStageRead(body, stages: stages, names: names, line: line)
        ?? multipleAsyncStages(body, stages: stages, target: target, passConfigs: passConfigs, names: names, line: line)
      {
        out.append(Diagnostic(.TL216, message, at: at))
      }
    }
    return out
  }

  /// The body statements the stage list schedules, with their stages: the planner leaves out the name bindings it
  /// replays (`kk = k * 32`), and the list has an entry per statement either with or without them; nil when its
  /// length matches neither.
  /// Whether a list of `count` entries has one per statement, with or without the name bindings.
  static func scheduled(_ loop: PipelinedLoop, count: Int) -> Bool {
    count == loop.statements.count || count == loop.statements.filter({ !$0.binds }).count
  }

  static func scheduled(_ loop: PipelinedLoop, stages: [Int]) -> ([PipelinedLoop.Statement], [Int])? {
    let plain = loop.statements.indices.filter { !loop.statements[$0].binds }
    let body = plain.map { loop.statements[$0] }
    if plain.count == stages.count { return (body, stages) }
    if loop.statements.count == stages.count { return (body, plain.map { stages[$0] }) }
    return nil
  }

  /// A stage list whose length is neither the body's statement count nor that count without its name bindings,
  /// judged only for bodies whose statements the front end keeps one for one (`T.*` calls, loops over `T.*`
  /// ranges, bindings: a macro call or a Python loop expands into several). The pipeliner fails
  /// ("PipelinePlanning: expected pipeline annotation size to match ... (2 vs. 3)").
  static func lengthMismatch(_ loop: PipelinedLoop, stages: [Int], target: TargetArch) -> String? {
    guard !loop.statements.isEmpty, loop.statements.allSatisfy(\.isSingle) else { return nil }
    let all = loop.statements.count
    let plain = loop.statements.filter { !$0.binds }.count
    let count = plain == all ? "\(all) statements" : "\(all) statements (\(plain) without its name bindings)"
    let (list, n) = scheduled(loop, count: stages.count) ? ("order=", loop.orderCount ?? 0) : ("stage=", stages.count)
    return
      "order= and stage= give each statement of the loop body its place, but \(list) has \(n) entr\(n == 1 ? "y" : "ies") and the body has \(count): on \(target.rawValue) the software pipeliner fails (\"PipelinePlanning: expected pipeline annotation size to match the scheduled statement count ... (\(n) vs. \(plain))\"); give one entry per statement"
  }

  /// `lengthMismatch` for a body with `T.macro` calls, counted after the front end inlines them. A binding may or
  /// may not become a statement of its own (a Python integer binds nothing; a TIR value is a binding the planner may
  /// replay), so a list is judged only when it is shorter than the statements without bindings or longer than all of
  /// them. The tilelang-benchmark MHA gives 6 entries for 4 macro calls that expand into 14 statements.
  static func expandedLengthMismatch(_ loop: PipelinedLoop, stages: [Int], target: TargetArch) -> String? {
    guard loop.statements.allSatisfy(\.isSingle) else { return nil }
    let all = loop.statements.reduce(0) { $0 + ($1.expansion?.all ?? 1) }
    let plain = loop.statements.reduce(0) { $0 + ($1.expansion?.plain ?? ($1.binds ? 0 : 1)) }
    let lists = [("stage=", stages.count)] + (loop.orderCount.map { [("order=", $0)] } ?? [])
    guard let (list, n) = lists.first(where: { $0.1 < plain || $0.1 > all }) else { return nil }
    let count = plain == all ? "\(all)" : "\(plain) to \(all) (bindings may or may not count)"
    return
      "order= and stage= give each statement of the loop body its place, and the front end inlines each T.macro call's statements into the body: \(list) has \(n) entr\(n == 1 ? "y" : "ies") but the inlined body has \(count) statements: on \(target.rawValue) the software pipeliner fails (\"PipelinePlanning: expected pipeline annotation size to match the scheduled statement count ...\"); give one entry per inlined statement"
  }

  /// A statement reading a tile that an earlier copy of the body fills in a later stage.
  static func laterStageRead(
    _ body: [PipelinedLoop.Statement], stages: [Int], names: [Int: String],
    line: (PipelinedLoop.Statement) -> Int
  ) -> String? {
    for (j, reader) in body.enumerated() {
      for (i, writer) in body[..<j].enumerated() {
        guard let tile = writer.copiesInto, reader.reads.contains(tile), stages[i] > stages[j] else { continue }
        let name = names[tile] ?? "a tile"
        return
          "the statement on line \(line(reader)) is in stage \(stages[j]) but reads \(name), which the copy on line \(line(writer)) fills in the later stage \(stages[i]): the software pipeliner rejects the schedule (\"cannot depends on statement ... in a later stage\"); give the reader a stage of at least \(stages[i])"
      }
    }
    return nil
  }

  /// A statement that is not an async copy reading the tiles of async copies in two different stages.
  static func multipleAsyncStages(
    _ body: [PipelinedLoop.Statement], stages: [Int], target: TargetArch, passConfigs: PassConfigs,
    names: [Int: String], line: (PipelinedLoop.Statement) -> Int
  ) -> String? {
    guard target.hasAsyncCopy, passConfigs.useAsyncCopy, passConfigs.enableAsyncCopy else { return nil }
    // T.im2col is a TMA load on sm_90 and no async producer there; it is left out everywhere (a missed error at
    // worst).
    let producers = body.indices.filter { body[$0].copiesInto != nil && !body[$0].isIm2col }
    for (j, consumer) in body.enumerated() where body[j].copiesInto == nil {
      var byStage: [Int: Int] = [:]
      for i in producers where stages[i] <= stages[j] && consumer.reads.contains(body[i].copiesInto!) {
        if byStage[stages[i]] == nil { byStage[stages[i]] = i }
      }
      guard byStage.count >= 2 else { continue }
      let feeds = byStage.sorted { $0.key < $1.key }.map { stage, i in
        "\(names[body[i].copiesInto!] ?? "a tile") (line \(line(body[i])), stage \(stage))"
      }
      return
        "the statement on line \(line(consumer)) (stage \(stages[j])) reads tiles that async copies fill in different stages, \(feeds.joined(separator: " and ")): on \(target.rawValue) the software pipeliner waits on one async stage per statement and fails (\"A dependency on multiple async stages is not supported\"); put those copies in the same stage"
    }
    return nil
  }
}
