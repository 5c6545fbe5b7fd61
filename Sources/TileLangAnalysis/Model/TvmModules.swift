// The TVM that tilelang 0.1.15 bundles (tilelang/3rdparty/tvm), for TL222 and TL217: its top-level modules and the
// names `tvm` binds. Its TIR module is `tvm.tirx`: `import tvm.tir`, `from tvm.tir import ...` and `from tvm import
// tir` fail, as do `tvm.relay` imports. PassConfigRegistryTests holds both lists to the installed package.

enum TvmModules {
  /// The modules directly under `tvm` (what `import tvm.x` can load).
  static let topLevel: Set<String> = [
    "arith", "base", "contrib", "driver", "error", "exec", "ffi", "ir", "libinfo", "relax", "rpc", "runtime", "s_tir",
    "script", "support", "target", "te", "testing", "tirx", "topi",
  ]

  /// The public names `import tvm` binds (what `from tvm import x` finds besides the modules above).
  static let rootNames: Set<String> = [
    "DataType", "DataTypeCode", "IRModule", "Object", "TVMError", "arith", "base", "build", "compile", "contrib", "cpu",
    "cuda", "device", "driver", "error", "ext_dev", "ffi", "get_global_func", "hexagon", "instrument", "ir", "libinfo",
    "metal", "multiprocessing", "opencl", "os", "register_global_func", "register_object", "relax", "rocm", "rpc",
    "runtime", "s_tir", "script", "support", "sys", "target", "te", "tirx", "topi", "transform",
    "tvm_wrap_excepthook", "vpi", "vulkan",
  ]
}
