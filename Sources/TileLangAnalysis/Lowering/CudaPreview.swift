// CUDA sketches in the compiler's own vocabulary for each lowering path, with concrete numbers when known.

enum CudaPreview {
  static func accessType(bytes: Int, dtype: String?) -> String {
    switch bytes {
    case 32: return "ulonglong4"
    case 16: return dtype == "float32" ? "float4" : (dtype == "int8" ? "int4" : "uint4")
    case 8: return dtype == "float32" ? "float2" : "uint2"
    case 4: return dtype == "float32" ? "float" : "uint1"
    default: return scalarType(dtype)
    }
  }

  static func scalarType(_ dtype: String?) -> String {
    switch dtype ?? "" {
    case "float16": return "half_t"
    case "bfloat16": return "bfloat16_t"
    case "float32": return "float"
    case "float64": return "double"
    case "int8": return "signed char"
    case "uint8": return "unsigned char"
    case "int32": return "int"
    case "int64": return "int64_t"
    case "bool": return "bool"
    default: return dtype ?? "T"
    }
  }

  /// Global coordinates innermost-first, as `tl::tma_load` lists them.
  static func coordinates(_ side: CopySide) -> String {
    side.mins.reversed().map { $0?.description ?? "?" }.joined(separator: ", ")
  }

  static func simt(_ copy: TileCopy, _ v: VectorPlan, threads: Int) -> String {
    let dt = copy.dst.buffer.dtype
    let bytes = v.bits / 8
    let ty = accessType(bytes: bytes, dtype: dt)
    let total = SafeArithmetic.product(copy.base.nonUnit.compactMap(\.extent.constant)) ?? 0
    let allConstant = copy.base.nonUnit.allSatisfy { $0.extent.isConstant }
    let perThread = threads * v.lanes
    let iters = allConstant && perThread > 0 ? "\((total + perThread - 1) / perThread)" : "N"
    let local = copy.src.buffer.scope == .local || copy.dst.buffer.scope == .local
    var lines = [
      "#pragma unroll",
      "for (int i = 0; i < \(local ? "\(allConstant ? max(1, total / max(1, v.lanes)) : 0)" : iters); ++i)",
    ]
    if copy.src.buffer.dtype != copy.dst.buffer.dtype {
      lines.append(
        "  \(copy.dst.buffer.name)[...] = (\(scalarType(dt)))\(copy.src.buffer.name)[...];  // \(v.lanes)-wide cast")
    } else {
      lines.append("  *(\(ty)*)(\(copy.dst.buffer.name) + ...) = *(\(ty)*)(\(copy.src.buffer.name) + ...);")
    }
    if local { lines.insert("// per-thread loop (a `local` buffer is not partitioned across threads)", at: 0) }
    return lines.joined(separator: "\n")
  }

  static func cpAsync(_ copy: TileCopy, _ v: VectorPlan, threads: Int, stages: Int?, explicit: String?) -> String {
    let bytes = v.bits / 8
    let total = SafeArithmetic.product(copy.base.nonUnit.compactMap(\.extent.constant)) ?? 0
    let perThread = threads * v.lanes
    let iters =
      perThread > 0 && copy.base.nonUnit.allSatisfy({ $0.extent.isConstant })
      ? "\((total + perThread - 1) / perThread)" : "N"
    var lines = [
      "for (int i = 0; i < \(iters); ++i)",
      "  tl::cp_async_gs<\(bytes)>(&\(copy.dst.buffer.name)[...], &\(copy.src.buffer.name)[...]);",
    ]
    if let explicit {
      lines.append(explicit)
    } else if let stages {
      lines.append("tl::cp_async_commit();  // pipeline: tl::cp_async_wait<\(max(0, stages - 1))>() before use")
    }
    return lines.joined(separator: "\n")
  }

  /// Descriptor TMA boxes: the innermost box is capped by the swizzle span (128 B → 64 halves).
  static func boxes(_ shared: CopySide) -> (count: Int, box: [Int])? {
    guard let ext = Optional(shared.encoded.compactMap(\.constant)), ext.count == shared.encoded.count,
      let bits = shared.buffer.elementBits, bits > 0, let inner = ext.last, ext.allSatisfy({ $0 > 0 })
    else { return nil }
    let rowBits = inner * bits
    let span: Int
    if rowBits % 1024 == 0 { span = 1024 / bits } else if rowBits % 512 == 0 { span = 512 / bits } else { span = inner }
    let innerBox = min(inner, max(1, span))
    var box = ext.filter { $0 != 1 }
    if box.isEmpty { box = [1] }
    box[box.count - 1] = innerBox
    var count = max(1, inner / innerBox)
    if box.count >= 2, box[box.count - 2] > 256 {
      count *= (box[box.count - 2] + 255) / 256
      box[box.count - 2] = 256
    }
    return (count, box)
  }

  static func tmaLoad(_ copy: TileCopy, bytes: Int?, warpSpecialized: Bool, stages: Int?, eviction: String?) -> String {
    let b = bytes.map(String.init) ?? "bytes"
    let (count, box) = boxes(copy.dst) ?? (1, [])
    let hint = eviction.map { "<tl::CacheHintSm90::\($0)>" } ?? ""
    let call =
      "tl::tma_load\(hint)(\(copy.src.buffer.name)_desc, bar, &\(copy.dst.buffer.name)[...], \(coordinates(copy.src)))"
    let loop = count > 1 ? "for (int i = 0; i < \(count); ++i) " : ""
    let boxNote = box.isEmpty ? "" : "  // box \(box.map(String.init).joined(separator: "×"))"
    if warpSpecialized {
      let s = stages ?? 1
      return [
        "// warp-specialised: a producer warpgroup (128 more threads) issues TMA, consumers wait",
        "if (tl::tl_shuffle_elect<128>()) {",
        "  mbarrier[k % \(s)].expect_transaction(\(b));",
        "  \(loop)\(call.replacingBar("mbarrier[k % \(s)]"));\(boxNote)",
        "}",
      ].joined(separator: "\n")
    }
    return [
      "if (tl::tl_shuffle_elect<THREADS>()) {",
      "  bar.arrive_and_expect_tx(\(b));",
      "  \(loop)\(call);\(boxNote)",
      "}",
      "bar.wait(phase);",
    ].joined(separator: "\n")
  }

  static func tmaStore(_ copy: TileCopy, threads: Int) -> String {
    let (count, box) = boxes(copy.src) ?? (1, [])
    let loop = count > 1 ? "for (int i = 0; i < \(count); ++i) " : ""
    return [
      "__syncthreads();",
      "if (tl::tl_shuffle_elect<\(threads)>()) {",
      "  tl::fence_proxy_async();",
      "  \(loop)tl::tma_store(\(copy.dst.buffer.name)_desc, &\(copy.src.buffer.name)[...], \(coordinates(copy.dst)));"
        + (box.isEmpty ? "" : "  // box \(box.map(String.init).joined(separator: "×"))"),
      "  tl::tma_store_arrive(); tl::tma_store_wait<0, true>();",
      "}",
    ].joined(separator: "\n")
  }

  static func bulk1D(_ copy: TileCopy, bytes: Int?, load: Bool) -> String {
    let b = bytes.map(String.init) ?? "bytes"
    if load {
      return
        "if (tl::tl_shuffle_elect<THREADS>()) {\n  bar.arrive_and_expect_tx(\(b));\n  tl::tma_load(&\(copy.dst.buffer.name)[0], &\(copy.src.buffer.name)[...], bar, \(b));\n}\nbar.wait(phase);"
    }
    return
      "if (tl::tl_shuffle_elect<THREADS>()) {\n  tl::fence_proxy_async();\n  tl::tma_store(&\(copy.dst.buffer.name)[...], &\(copy.src.buffer.name)[0], \(b));\n  tl::tma_store_arrive(); tl::tma_store_wait<0, true>();\n}"
  }
}

extension String {
  fileprivate func replacingBar(_ bar: String) -> String {
    guard let r = range(of: ", bar, ") else { return self }
    return replacingCharacters(in: r, with: ", \(bar), ")
  }
}
