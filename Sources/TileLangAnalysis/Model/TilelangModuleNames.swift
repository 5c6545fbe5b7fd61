// The public names (no leading `_`) each tilelang 0.1.15 module that kernel files import from binds, for TL217:
// `from tilelang.utils import determine_fp8_type` fails with ImportError when the module neither binds the name nor
// has it as a submodule (TilelangModules). A module's names are what `dir()` shows once it is imported, plus every
// name its source binds at the top level in any branch (`if`/`try`) or star-imports from another tilelang module, so
// names only another machine's packages would bind are in. tilelang.language is DSLNames; the backends' modules
// (tilelang.cuda, .rocm, .metal, .cpu, .webgpu) are in TilelangModuleNames+Backends.swift. PassConfigRegistryTests
// re-derives each entry from the installed compiler (its moduleNamesProbe) and names what to add or drop.

enum TilelangModuleNames {
  /// Module -> the names it binds, separated by white space; the modules whose imported names TL217 judges.
  static let table: [String: String] = core.merging(backends) { a, _ in a }

  static let core: [String: String] = [
    "tilelang": """
    DataType Fragment JITKernel Layout PassConfigKey Path Profiler TensorSupplyType analysis ascend autotune autotuner
    backend build_date cache carver cdiv compile contextlib contrib cpu ctypes cuda deprecated directory disable_cache
    dll_dirs dtypes enable_cache engine env errors get_runtime_library_dirs instrumentation ir is_cache_enabled jit
    language layout lib_path libinfo logger logging lower math metal next_power_of_2 os p par_compile path
    prepend_dll_search_path profiler register_c_postproc register_cuda_postproc register_hip_postproc rocm
    runtime_library_dirs set_log_level sys tileop tools transform tvm utils warnings webgpu
    """,
    "tilelang.autotuner": """
    AutoTuner autotune capture get_autotune_inputs grouped_compile param set_autotune_inputs tuner
    """,
    "tilelang.autotuner.grouped_compile": """
    Any Callable CompileArgs CompileUnitResult CompiledArtifact JITKernel PassConfigKey PrimFunc TVMFFIKernelAdapter
    annotations compile_grouped_unit_tvm_ffi compile_pass_instrumentation create_backend_context
    create_pass_instruments create_pass_timing_tool device_codegen host_codegen lower_to_host_device_ir
    normalize_pass_configs prepare_tvm_ffi_callee_allocated_outputs tvm
    """,
    "tilelang.autotuner.param": """
    Any AutotuneResult BEST_CONFIG_PATH BackendContext CachedTextSource Callable CompileArgs DEVICE_KERNEL_PATH
    EXECUTABLE_PATH Executable FUNCTION_PATH HOST_KERNEL_PATH JITKernel KERNEL_CUBIN_PATH KERNEL_LIB_PATH
    KERNEL_PY_PATH KernelParam LATENCY_PATH Literal OUT_IDX_PATH PARAMS_PATH Path PrimFunc ProfileArgs TYPE_CHECKING
    Target TargetLike annotations cloudpickle contextlib dataclass dump_kernel_params errno hashlib json
    load_kernel_params logger os shutil tilelang tvm uuid
    """,
    "tilelang.backend": """
    BackendContext BackendModule DeviceCodegen ExecutionBackendSpec HostCodegen HostCodegenHook PassPipeline
    auto_detect_target create_backend_context device_codegen execution_backend get_backend host_codegen list_backends
    list_target_detectors module pass_pipeline register_backend register_target_detector register_target_normalizer
    target
    """,
    "tilelang.backend.pass_pipeline": """
    PassPipeline pipeline pipeline_utils
    """,
    "tilelang.backend.target": """
    Callable Literal Mapping Target TargetConfig TargetDetector TargetDetectorSpec TargetInput TargetLike
    TargetNormalizer TargetNormalizerSpec annotations auto_detect_target dataclass determine_target
    list_target_detectors register_target_detector register_target_normalizer
    """,
    "tilelang.cache": """
    AscendCythonKernelCache AscendTVMFFIKernelCache CuTeDSLKernelCache CythonKernelCache JITKernel KernelCache Literal
    NVRTCKernelCache PrimFunc TVMFFIKernelCache TVMTarget TYPE_CHECKING TargetLike TorchKernelCache annotations
    binary_cache cached cuda_binary_cache env kernel_cache logging
    """,
    "tilelang.cache.cuda_binary_cache": """
    Any BinaryCache CUDABinaryCache annotations sha256
    """,
    "tilelang.cache.kernel_cache": """
    BackendContext CachedTextSource Callable Executable JITKernel KernelCache KernelParam Literal PrimFunc Target
    annotations contextlib create_backend_context dump_kernel_params dump_to_file env errno functools
    get_prim_func_name jit_phase json load_from_file load_kernel_params logging normalize_pass_configs os platform
    sha256 shutil sys threading uuid
    """,
    "tilelang.carver": """
    BlockInfo CDNA CUDA DefaultPolicy Edge ElementwiseTemplate FlashAttentionTemplate GEMVTemplate
    GeneralReductionTemplate Hint IterInfo MatmulTemplate NoRasterization OutputNode PrimFuncNode RDNA
    Rasterization2DColumn Rasterization2DRow TensorCorePolicy TileDevice analysis arch bestfit
    collect_block_iter_vars_used_in_access_region collect_vars_used_in_prim_expr common_schedules detect_dominant_read
    get_block get_output_blocks hint is_broadcast_epilogue matmul_analysis node normalize_prim_func policy
    rasterization roller shape_inference template try_inline try_inline_contiguous_spatial utils
    """,
    "tilelang.carver.arch": """
    CDNA CPU CUDA METAL RDNA Target TensorInstruction TileDevice ada_tensorcore_supported ampere_tensorcore_supported
    annotations arch_base auto_infer_current_arch cdna check_sm_version cpu cuda cuda_driver dataclass
    determine_target driver get_arch has_mma_support hopper_tensorcore_supported is_ada_arch is_ampere_arch
    is_cdna_arch is_cpu_arch is_cuda_arch is_hopper_arch is_metal_arch is_rdna_arch is_tensorcore_supported_precision
    is_volta_arch metal rdna re target_get_mcpu target_get_rdna_generation target_is_rdna torch tvm
    volta_tensorcore_supported
    """,
    "tilelang.carver.arch.cdna": """
    CDNA Target TileDevice annotations is_cdna_arch tvm
    """,
    "tilelang.carver.arch.cuda": """
    CUDA Target TensorInstruction TileDevice ada_tensorcore_supported ampere_tensorcore_supported annotations
    check_sm_version cuda_driver has_mma_support hopper_tensorcore_supported is_ada_arch is_ampere_arch is_cuda_arch
    is_hopper_arch is_tensorcore_supported_precision is_volta_arch re tvm volta_tensorcore_supported
    """,
    "tilelang.carver.arch.driver.cuda_driver": """
    annotations ctypes cudaDeviceAttrNames get_cuda_device_properties get_device_attribute get_device_name
    get_max_dynamic_shared_size_bytes get_num_sms get_persisting_l2_cache_max_size get_registers_per_block
    get_shared_memory_per_block sys
    """,
    "tilelang.carver.arch.rdna": """
    RDNA Target TensorInstruction TileDevice annotations dataclass is_rdna_arch target_get_mcpu
    target_get_rdna_generation tvm
    """,
    "tilelang.carver.roller": """
    CUDA DefaultPolicy Edge Hint NoRasterization OutputNode PrimFuncNode Rasterization2DColumn Rasterization2DRow
    TensorCorePolicy TileDevice bestfit hint node policy rasterization shape_inference
    """,
    "tilelang.carver.roller.hint": """
    DataType Hint IntrinInfo NoRasterization PrimFuncNode Rasterization Rasterization2DColumn Rasterization2DRow
    Stride TensorCoreExtraConfig TileDict np
    """,
    "tilelang.carver.roller.rasterization": """
    NoRasterization Rasterization Rasterization2DColumn Rasterization2DRow
    """,
    "tilelang.carver.template": """
    BaseTemplate ConvTemplate ElementwiseTemplate FlashAttentionTemplate GEMVTemplate GeneralReductionTemplate
    MatmulTemplate base conv elementwise flashattention gemv general_reduce matmul
    """,
    "tilelang.contrib": """
    bisheng cc compile_ascend compile_cuda compile_hip hip_resource_info hipcc nvcc rocm
    """,
    "tilelang.contrib.nvcc": """
    CUDA_HOME CUTLASS_INCLUDE_DIR TILELANG_TEMPLATE_PATH Target annotations compile_cuda contextlib
    default_compile_options env find_cuda_path format_target_code_for_gencode get_cplus_compiler get_cuda_library_dirs
    get_cuda_version get_nvcc_compiler get_nvcc_subprocess_env get_ptx_from_source get_sass_from_source
    get_target_arch get_target_arch_and_code get_target_code_list get_target_compute_version have_bf16 have_cudagraph
    have_fp16 have_fp8 have_int8 have_mbarrier have_pdl have_tensorcore have_tma is_hopper logger os
    parse_compute_version py_str re shutil subprocess tempfile tvm tvm_ffi utils warnings
    """,
    "tilelang.engine.callback": """
    Callable Target annotations register_c_postproc register_c_postproc_callback register_cuda_postproc
    register_cuda_postproc_callback register_hip_postproc register_hip_postproc_callback register_metal_postproc
    register_metal_postproc_callback tvm_ffi
    """,
    "tilelang.engine.lower": """
    BackendContext Callable CallingConv CompiledArtifact KernelParam PreLowerSemanticCheck Target annotations
    compile_pass_instrumentation create_backend_context current_compile_pass_instrumentation device_codegen
    device_codegen_without_compile extrac_params get_device_call get_host_call has_device_kernel_launch host_codegen
    instrument_current_pass_context is_cpu_device_backend is_device_call is_device_call_c_device lower
    lower_to_host_device_ir lower_with_context nullcontext tilelang tirx tvm
    """,
    "tilelang.env": """
    CUDA_HOME CUTLASS_INCLUDE_DIR CUTLASS_NOT_FOUND_MESSAGE CacheState Callable DEV EnvVar EnvVarDefault Environment
    Mapping ROCM_HOME THIRD_PARTY_ROOT TILELANG_HIP_SAVE_TEMP_FILES TILELANG_TEMPLATE_PATH TL_LIBS TL_ROOT
    TL_TEMPLATE_NOT_FOUND_MESSAGE TVM_LIBRARY_NOT_FOUND_MESSAGE TargetConfig annotations cutlass_inc_path dataclass
    dev_lib_root disable_cache enable_cache env get_cuda_dll_search_dirs get_runtime_library_dirs glob i importlib
    is_cache_enabled json lib logger logging math os parse_pass_profile_threshold_ms pathlib prepend_dll_search_path
    prepend_pythonpath resolve_pass_profile_threshold_ms shutil sys tl_dev_root tl_template_path tvm_path z3
    """,
    "tilelang.errors": """
    enrich_error os re
    """,
    "tilelang.instrumentation": """
    CapturePredicate CodegenEvent CompilePassInstrumentationSession IncompletePass PassEvent PassEventObserver
    PassInstrumentationTool SequenceAllocator StackedPassInstrument active_stacked_pass_instruments
    compile_pass_instrumentation create_pass_instruments current_compile_pass_instrumentation
    current_pass_instrument_context current_pass_phase events instrument_current_pass_context pass_phase pass_pipeline
    register_pass_instrumentation_tool run_codegen_with_instrumentation session unregister_pass_instrumentation_tool
    """,
    "tilelang.ir": """
    AtomicAdd Copy CumMaxOp CumSumOp Fill FinalizeReducerOp GemmSPWarpPolicy GemmWarpPolicy Im2ColOp Node ParallelOp
    ReduceOp ReduceType Scriptable SourceName Span Target Tcgen05CopyPlan Tcgen05Meta get_buffer_span
    get_prim_func_span get_stmt_span make_span set_buffer_span set_prim_func_span set_stmt_span span_coverage
    span_to_location stamp_stmt_spans tvm tvm_ffi
    """,
    "tilelang.jit": """
    Any Callable ExecutionBackend Generic Iterable JITFunc JITImpl JITKernel Kernel Literal ParamSpec PrimFunc Target
    TargetLike TypeVar abi adapter annotations cached compile concurrent dataclass determine_target diagnostics
    exceptions field getLogger get_available_cpu_count inspect jit kernel logger makedirs nullcontext overload
    par_compile param path prim_func tqdm tvm
    """,
    "tilelang.jit.abi": """
    CALLEE_ALLOCATED_OUTPUTS_ATTR OUT_IDX_ATTR PrimFunc TYPE_CHECKING annotations
    prepare_tvm_ffi_callee_allocated_outputs
    """,
    "tilelang.jit.adapter.base": """
    ABC Any BaseKernelAdapter CachedTextSource CachedTextSourceLike Callable KernelParam abstractmethod annotations
    dataclass torch
    """,
    "tilelang.jit.adapter.cutedsl": """
    CuTeDSLKernelAdapter CuTeDSLLibraryGenerator TLCuTeDSLSourceWrapper adapter check_cutedsl_available checks
    kernel_cache libgen wrapper
    """,
    "tilelang.jit.adapter.cutedsl.adapter": """
    Any BaseKernelAdapter CachedTextSource Callable CuTeDSLKernelAdapter CuTeDSLLibraryGenerator KernelParam
    TLPyWrapper Target annotations check_cutedsl_available determine_target logger logging retrieve_func_from_module
    tirx torch tvm weakref
    """,
    "tilelang.jit.adapter.cutedsl.checks": """
    annotations check_cutedsl_available os re
    """,
    "tilelang.jit.adapter.cutedsl.wrapper": """
    Any CPP_CLUSTER_KERNEL_LAUNCH_TEMPLATE CPP_COOPERATIVE_KERNEL_LAUNCH_TEMPLATE CPP_KERNEL_INIT_TEMPLATE
    CPP_KERNEL_LAUNCH_TEMPLATE CPP_LAUNCHER_TEMPLATE CPP_PDL_KERNEL_LAUNCH_TEMPLATE CPP_TMA_DESC_INIT_TEMPLATE
    CPP_TMA_IM2COL_DESC_INIT_TEMPLATE CPP_TMA_INIT_FUNC_TEMPLATE CPP_TMA_LAUNCH_INIT_TEMPLATE
    CUBIN_FAKE_TENSOR_TEMPLATE CUBIN_GEN_CODE_TEMPLATE CUBIN_KERNEL_LAUNCH_TEMPLATE CUBIN_TMA_DESC_INIT_TEMPLATE
    ClassVar IRModule PYTHON_HOST_FUNC_TEMPLATE TLCUDASourceWrapper TLCuTeDSLSourceWrapper Target annotations
    extract_python_func_declaration parse_tma_descriptor_args post_order_visit pythonic_expr re tvm
    """,
    "tilelang.jit.adapter.kernel_cache": """
    JITKernel KernelCache TVMFFIKernelCache os
    """,
    "tilelang.jit.adapter.nvrtc": """
    NVRTCKernelAdapter NVRTCLibraryGenerator NVRTC_UNAVAILABLE_MESSAGE TLNVRTCSourceWrapper check_nvrtc_available cuda
    include_paths is_nvrtc_available kernel_cache logger logging nvrtc
    """,
    "tilelang.jit.adapter.nvrtc.include_paths": """
    annotations discover_cuda_include_paths osp platform sys
    """,
    "tilelang.jit.adapter.nvrtc.kernel_cache": """
    JITKernel KernelCache NVRTCKernelCache os
    """,
    "tilelang.jit.adapter.tvm_ffi": """
    Any BaseKernelAdapter CALLEE_ALLOCATED_OUTPUTS_ATTR COMPILE_ARGS CachedTextSource Callable KernelParam
    TVMFFIKernelAdapter Target TensorType annotations cpp_extension determine_target dtype i retrieve_func_from_module
    runtime sys threading tirx torch tvm
    """,
    "tilelang.jit.adapter.utils": """
    Any Callable TMADescriptorParams Target annotations extract_python_func_declaration is_ascend_target is_cpu_target
    is_cuda_target is_cutedsl_target is_hip_target is_metal_target match_declare_kernel match_declare_kernel_cpu
    match_declare_kernel_cutedsl match_global_kernel maybe_desc_name parse_function_call_args
    parse_tma_descriptor_args pythonic_expr re tvm
    """,
    "tilelang.jit.adapter.wrapper": """
    ABC Any BaseWrapper IRModule KERNEL_CLUSTER_LAUNCH_FUNC_CODE KERNEL_LAUNCH_FUNC_CODE
    L2_PERSISTENT_MAP_CREATE_HANDLE L2_PERSISTENT_MAP_INIT_FUNC L2_PERSISTENT_MAP_RESET_HANDLE
    PREDEF_ATTRIBUTE_SET_DYNAMIC_MEMORY PREDEF_ATTRIBUTE_SET_DYNAMIC_MEMORY_HIP PREDEF_HOST_FUNC PREDEF_INIT_FUNC
    TLAscendSourceWrapper TLCPUSourceWrapper TLCUDASourceWrapper TLHIPSourceWrapper TLMetalSourceWrapper TLPyWrapper
    TLWrapper TMA_DESC_INIT_FUNC TMA_IM2COL_DESC_INIT_FUNC Target abstractmethod annotations is_ascend_target
    is_cpu_target is_cuda_target is_cutedsl_target is_hip_target is_metal_target logger logging match_declare_kernel
    match_declare_kernel_cpu parse_function_call_args parse_tma_descriptor_args post_order_visit pythonic_expr re
    textwrap tvm
    """,
    "tilelang.jit.diagnostics": """
    Iterator annotations contextmanager diagnostics_enabled env jit_phase logger logging time
    """,
    "tilelang.jit.kernel": """
    Any BackendContext BaseKernelAdapter CachedTextSource Callable CompiledArtifact CuTeDSLKernelAdapter
    CythonKernelAdapter Generic JITKernel KernelParam Literal MetalKernelAdapter ParamSpec PassConfigKey PrimFunc
    Profiler TVMFFIKernelAdapter Target TargetLike TensorSupplyType TypeVar annotations compile_pass_instrumentation
    create_backend_context create_pass_instruments create_pass_timing_tool env is_cuda_target is_cutedsl_target
    is_hip_target is_metal_target jit_phase logger logging normalize_pass_configs os pop_recorded
    prepare_tvm_ffi_callee_allocated_outputs reset_recorder shutil tl_nvcc tvm
    """,
    "tilelang.language.dtypes": """
    AnyDType Generic TYPE_CHECKING TypeVar bfloat16 bfloat16x2 bool double dtype dtype_name dtype_name_tuple float
    float16 float16x16 float16x2 float16x32 float16x4 float16x64 float16x8 float32 float32x16 float32x2 float32x32
    float32x4 float32x64 float32x8 float4_e2m1_unpacked float4_e2m1fn float4_e2m1fnx16 float4_e2m1fnx2
    float4_e2m1fnx32 float4_e2m1fnx4 float4_e2m1fnx64 float4_e2m1fnx8 float64 float64x16 float64x2 float64x32
    float64x4 float64x64 float64x8 float6_e2m3fn float6_e2m3fnx16 float6_e2m3fnx2 float6_e2m3fnx32 float6_e2m3fnx4
    float6_e2m3fnx64 float6_e2m3fnx8 float6_e3m2fn float6_e3m2fnx16 float6_e3m2fnx2 float6_e3m2fnx32 float6_e3m2fnx4
    float6_e3m2fnx64 float6_e3m2fnx8 float8_e3m4 float8_e3m4x16 float8_e3m4x2 float8_e3m4x32 float8_e3m4x4
    float8_e3m4x64 float8_e3m4x8 float8_e4m3 float8_e4m3b11fnuz float8_e4m3b11fnuzx16 float8_e4m3b11fnuzx2
    float8_e4m3b11fnuzx32 float8_e4m3b11fnuzx4 float8_e4m3b11fnuzx64 float8_e4m3b11fnuzx8 float8_e4m3fn
    float8_e4m3fnuz float8_e4m3fnuzx16 float8_e4m3fnuzx2 float8_e4m3fnuzx32 float8_e4m3fnuzx4 float8_e4m3fnuzx64
    float8_e4m3fnuzx8 float8_e4m3fnx16 float8_e4m3fnx2 float8_e4m3fnx32 float8_e4m3fnx4 float8_e4m3fnx64
    float8_e4m3fnx8 float8_e4m3x16 float8_e4m3x2 float8_e4m3x32 float8_e4m3x4 float8_e4m3x64 float8_e4m3x8 float8_e5m2
    float8_e5m2fnuz float8_e5m2fnuzx16 float8_e5m2fnuzx2 float8_e5m2fnuzx32 float8_e5m2fnuzx4 float8_e5m2fnuzx64
    float8_e5m2fnuzx8 float8_e5m2x16 float8_e5m2x2 float8_e5m2x32 float8_e5m2x4 float8_e5m2x64 float8_e5m2x8
    float8_e8m0fnu float8_e8m0fnux16 float8_e8m0fnux2 float8_e8m0fnux32 float8_e8m0fnux4 float8_e8m0fnux64
    float8_e8m0fnux8 functools get_tvm_dtype half int int16 int16x16 int16x2 int16x32 int16x4 int16x64 int16x8 int32
    int32x16 int32x2 int32x32 int32x4 int32x64 int32x8 int4 int64 int64x16 int64x2 int64x32 int64x4 int64x64 int64x8
    int8 int8x16 int8x2 int8x32 int8x4 int8x64 int8x8 int_ ir is_f8f6f4_family is_float4 is_float4_e2m1_unpacked
    is_float4_e2m1fn k logger long np resolve_torch_storage_dtype short tb_ffi tfloat32 tfloat32x16 tfloat32x2
    tfloat32x32 tfloat32x4 tfloat32x64 tfloat32x8 tirx torch torch_dtype tvm tvm_ffi uint uint16 uint16x16 uint16x2
    uint16x32 uint16x4 uint16x64 uint16x8 uint32 uint32x16 uint32x2 uint32x32 uint32x4 uint32x64 uint32x8 uint64
    uint64x16 uint64x2 uint64x32 uint64x4 uint64x64 uint64x8 uint8 uint8x16 uint8x2 uint8x32 uint8x4 uint8x64 uint8x8
    v validate_gemm_ab_dtypes
    """,
    "tilelang.language.eager.ast": """
    AbstractContextManager Any BaseBuilder BoolOp Callable DSLMutator Generic IRGenerator Iterable Literal
    LoopControlFinder Operator ParamSpec Path QuoteReplacement QuoteVisitor Sequence Span SpanAttacher TypeAlias
    TypeVar UnaryOp annotations ast ast_get_span ast_has_span ast_set_span cast contextmanager dataclass dtypes
    eval_aug_assign eval_op field get_boolop_name get_operator_name has_internal_prim_func inspect mutate quote quote1
    quote_expr textwrap utils
    """,
    "tilelang.language.fp8": """
    Literal TYPE_CHECKING annotations determine_fp8_type determine_torch_fp8_type torch
    """,
    "tilelang.language.kernel": """
    Any CUDASourceCodeKernel ClusterKernel FrameStack JITNoBuilderError Kernel KernelLaunchFrame SBlockFrame TIRFrame
    T_evaluate Var annotations deque get_block_binding get_block_bindings get_block_extent get_block_extents
    get_cluster_dims get_cluster_extent get_cluster_extents get_cluster_id get_cluster_ids get_cluster_size
    get_thread_binding get_thread_bindings get_thread_extent get_thread_extents is_kernel_launch_factory
    kernel_launch_factory launch_kernel os register_object threading tirx
    """,
    "tilelang.language.tir": """
    Any IntImm PrimExpr PyPrimExpr Select Shuffle StringImm TVMBackendAllocWorkspace TVMBackendFreeWorkspace abs acos
    acosh address_of align_up anylist_getitem anylist_resetitem anylist_setitem_call_cpacked
    anylist_setitem_call_packed asin asinh assume atan atan2 atanh bitwise_and bitwise_not bitwise_or bitwise_xor
    call_cpacked call_cpacked_lowered call_extern call_intrin call_llvm_intrin call_llvm_pure_intrin call_packed
    call_packed_lowered call_pure_extern cast cdiv ceil ceildiv clz common copysign cos cosh create_barriers
    end_profile_intrinsic entry erf exp exp10 exp2 exports extract_lane floor floordiv floormod fmod frame functools
    grid hypot if_then_else infinity ir isfinite isinf isnan isnullptr ldexp likely log log10 log1p log2 lookup_param
    max max_value min min_value nearbyint nextafter op parallel popcount pow prim_func ptx_arrive_barrier
    ptx_arrive_barrier_expect_tx ptx_commit_group ptx_cp_async ptx_cp_async_barrier ptx_init_barrier_thread_count
    ptx_wait_group q_multiply_shift q_multiply_shift_per_axis reinterpret ret round rsqrt serial shift_left
    shift_right sigmoid sin sinh sqrt start_profile_intrinsic tan tanh thread_binding trunc truncdiv truncmod
    tvm_access_ptr tvm_bmma_sync tvm_fill_fragment tvm_load_matrix_sync tvm_mma_sync tvm_stack_alloca
    tvm_stack_make_array tvm_stack_make_shape tvm_storage_sync tvm_store_matrix_sync tvm_struct_get tvm_struct_set
    tvm_thread_allreduce tvm_thread_invariant tvm_throw_last_error tvm_tuple tvm_warp_activemask tvm_warp_shuffle
    tvm_warp_shuffle_down tvm_warp_shuffle_up undef unroll vectorcombine vectorhigh vectorized vectorlow vscale
    """,
    "tilelang.language.tir.exports": """
    BACKEND_ONLY_TIR_EXPORTS CLASSIFIED_VENDOR_TIR_EXPORTS CUDA_ONLY_TIR_EXPORTS METAL_ONLY_TIR_EXPORTS
    ROCM_ONLY_TIR_EXPORTS SHARED_LEGACY_TIR_EXPORTS
    """,
    "tilelang.language.tir.ir": """
    Any IntImm PrimExpr PyPrimExpr Select Shuffle StringImm TVMBackendAllocWorkspace TVMBackendFreeWorkspace abs acos
    acosh address_of align_up anylist_getitem anylist_resetitem anylist_setitem_call_cpacked
    anylist_setitem_call_packed asin asinh assume atan atan2 atanh bitwise_and bitwise_not bitwise_or bitwise_xor
    call_cpacked call_cpacked_lowered call_extern call_intrin call_llvm_intrin call_llvm_pure_intrin call_packed
    call_packed_lowered call_pure_extern cast cdiv ceil ceildiv clz copysign cos cosh create_barriers
    end_profile_intrinsic erf exp exp10 exp2 extract_lane floor floordiv floormod fmod frame functools grid hypot
    if_then_else infinity isfinite isinf isnan isnullptr ldexp likely log log10 log1p log2 lookup_param max max_value
    min min_value nearbyint nextafter parallel popcount pow ptx_arrive_barrier ptx_arrive_barrier_expect_tx
    ptx_commit_group ptx_cp_async ptx_cp_async_barrier ptx_init_barrier_thread_count ptx_wait_group q_multiply_shift
    q_multiply_shift_per_axis reinterpret ret round rsqrt serial shift_left shift_right sigmoid sin sinh sqrt
    start_profile_intrinsic tan tanh thread_binding trunc truncdiv truncmod tvm_access_ptr tvm_bmma_sync
    tvm_fill_fragment tvm_load_matrix_sync tvm_mma_sync tvm_stack_alloca tvm_stack_make_array tvm_stack_make_shape
    tvm_storage_sync tvm_store_matrix_sync tvm_struct_get tvm_struct_set tvm_thread_allreduce tvm_thread_invariant
    tvm_throw_last_error tvm_tuple tvm_warp_activemask tvm_warp_shuffle tvm_warp_shuffle_down tvm_warp_shuffle_up
    undef unroll vectorcombine vectorhigh vectorized vectorlow vscale
    """,
    "tilelang.layout": """
    FractalLayoutInfo Fragment Layout PartialFragment SwizzleMode ascend cute fragment gemm_sp layout
    make_ascend_compact_nz_layout make_ascend_l0c_layout make_ascend_major_k_layout make_ascend_major_mn_layout
    make_ascend_nz_layout make_ascend_sf_layout make_cutlass_metadata_layout make_full_bank_swizzled_layout
    make_fully_replicated_layout_fragment make_fully_replicated_partial_fragment make_gemm_fragment_8x8
    make_gemm_fragment_8x8_transposed make_half_bank_swizzled_layout make_linear_layout
    make_quarter_bank_swizzled_layout make_strided_slice make_swizzled_layout make_tcgen05mma_swizzled_layout
    make_volta_swizzled_layout make_wgmma_swizzled_layout partial_fragment swizzle swizzle_mode
    try_extract_fractal_layout
    """,
    "tilelang.layout.fragment": """
    Fragment IndexMap IterVar Layout PrimExpr Range Var tvm_ffi
    """,
    "tilelang.layout.swizzle": """
    BufferLikeType BufferLikeTypeTuple annotations make_full_bank_swizzled_layout
    make_fully_replicated_layout_fragment make_gemm_fragment_8x8 make_gemm_fragment_8x8_transposed
    make_half_bank_swizzled_layout make_linear_layout make_quarter_bank_swizzled_layout make_swizzled_layout
    make_tcgen05mma_swizzled_layout make_volta_swizzled_layout make_wgmma_swizzled_layout tirx tvm
    """,
    "tilelang.profiler": """
    Any BaseKernelAdapter Callable KernelParam Literal Profiler TensorSupplyType annotations bench dataclass do_bench
    get_tensor_supply is_float8_dtype partial tirx torch torch_assert_close torch_bench wall
    """,
    "tilelang.profiler.bench": """
    Callable Event IS_CUDA IS_NPU Literal annotations bench_with_wall device device_synchronize do_bench isfinite
    logger logging nullcontext partial suppress_stdout_stderr torch
    """,
    "tilelang.tileop.base": """
    GemmWarpPolicy IntEnum annotations
    """,
    "tilelang.tileop.gemm.registry": """
    Callable GemmImplEntry GemmTargetPredicate Target annotations dataclass register_gemm_impl resolve_gemm_impl
    """,
    "tilelang.tools.cuda": """
    iket
    """,
    "tilelang.tools.lower_trace": """
    LowerRecord STATUS_CODEGEN STATUS_COMPLETED STATUS_FAILED STATUS_SKIPPED annotations core create_pass_instrument
    diff disable enable lower_trace reset
    """,
    "tilelang.tools.lower_trace.core": """
    Any Callable CodegenEvent ContextVar Generator IncompletePass LowerRecord LowerTraceSession PassEvent
    PassEventObserver PassInstrumentationTool STATUS_CODEGEN STATUS_COMPLETED STATUS_FAILED STATUS_SKIPPED
    StackedPassInstrument TYPE_CHECKING active_stacked_pass_instruments annotations contextlib create_pass_instrument
    current_compile_pass_instrumentation current_lower_trace_session current_pass_phase dataclass difflib disable
    enable env get_last_session os pass_phase re register_pass_instrumentation_tool reset shutil sys threading
    unregister_pass_instrumentation_tool uuid4
    """,
    "tilelang.tools.lower_trace.diff": """
    annotations difflib print_diff unified_diff
    """,
    "tilelang.tools.pass_timing": """
    Mapping PassInstrumentationTool PassTimingRecord PassTimingTool TileLangPassTimingInstrument annotations
    create_pass_timing_tool current_pass_instrument_context dataclass logger logging time
    """,
    "tilelang.tools.pass_visualizer": """
    PassStructureRecord StructureTreePassInstrument StructureTreePassTool build_module capture_structure core
    discover_jit_kernels inspect_structure kernel_to_tir load_user_module viewer
    """,
    "tilelang.tools.pass_visualizer.viewer": """
    CUDAPassPipelineBodyPrologue HTML_TEMPLATE JITImpl M PreLowerSemanticCheck annotations argparse build_pass_data
    compile_pass_instrumentation create_pass_instruments difflib emit_html emit_txt html json main
    normalize_pass_configs os re tvm
    """,
    "tilelang.transform": """
    AddWrapperForSingleBufStore AnnotateDeviceRegions AnnotateReadOnlyParams CanonicalizeLegacyReducer
    ConfigIndexBitwidth DEFAULT_SIMT_THREADS DecoupleTypeCast FlattenBuffer HoistBroadcastValues
    HoistGlobalBufferAllocations HoistNonRestrictParams IfStmtBinding InjectAssumes InjectSoftwarePipeline
    LayoutInference LegalizeNegativeIndex LegalizeSafeMemoryAccess LegalizeVectorizedLoop LetInline LoopUnswitching
    LowerAccessPtr LowerDeviceKernelLaunch LowerIntrin LowerOpaqueBlock LowerThreadAllreduce LowerTileOp MakePackedAPI
    MaterializeKernelLaunch MergeIfStmt MergeSharedMemoryAllocations PassConfigKey PassContext PipelinePlanning
    PlanAndUpdateBufferAllocationLocation ReducerPlanAndMaterialize Simplify SplitHostDevice StorageRewrite ThreadSync
    UnrollLoop VectorizeLoop VerifyBufferInit VerifyParallelLoop VerifyReducerConsumed VerifyReducerEpoch
    add_bufstore_wrapper decouple_type_cast get_pass_context hoist_broadcast_values pass_config simplify
    simplify_prim_func tvm
    """,
    "tilelang.transform.simplify": """
    Callable IRModule LetInline PrimFunc Simplify annotations apply_simplify simplify_prim_func tvm
    """,
    "tilelang.utils": """
    TensorSupplyType array_reduce build_date deprecated device get_buffer_region_from_load get_prim_func_name
    is_fragment is_full_region is_global is_local is_shared is_shared_dynamic is_tensor_memory language pass_diff
    pass_diff_hook retrieve_shape retrieve_stride retrive_ptr_from_buffer_region side_effect tensor to_buffer_region
    torch_assert_close version
    """,
    "tilelang.utils.language": """
    Buffer BufferLikeType BufferLoad BufferRegion CallEffectKind DataType IRModule PrimExpr PrimFunc annotations
    array_reduce bits_product buffer_region_to_tile_region get_buffer_elems get_buffer_region_from_load
    get_prim_func_name ir is_fragment is_full_region is_global is_local is_local_var is_reducer is_shared
    is_shared_dynamic is_tensor_memory legalize_pairwise_extents prim_expr_equal reduce retrieve_buffer_and_offset
    retrieve_dtype retrieve_func_from_module retrieve_offset retrieve_ptr retrieve_shape retrieve_stride
    retrive_ptr_from_buffer_region side_effect tirx to_buffer_region to_tile_region
    """,
    "tilelang.utils.pass_diff": """
    IRModule TYPE_CHECKING annotations difflib html_module os pass_diff
    """,
    "tilelang.utils.tensor": """
    Enum TensorSupplyType fp8_remove_negative_zeros_ get_tensor_supply is_float8_dtype np tirx torch
    torch_assert_close
    """,
  ]
}
