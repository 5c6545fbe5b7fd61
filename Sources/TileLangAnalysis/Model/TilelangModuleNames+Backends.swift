// TilelangModuleNames for the backends' modules (tilelang.cuda, .rocm, .metal, .cpu, .webgpu): the public names each
// binds in tilelang 0.1.15, as TilelangModuleNames.swift says.

extension TilelangModuleNames {
  static let backends: [String: String] = [
    "tilelang.cpu": """
    backend codegen execution_backend op pipeline transform
    """,
    "tilelang.cuda": """
    backend codegen cutedsl_backend debug execution_backend intrinsics language op pipeline target transform
    """,
    "tilelang.cuda.intrinsics": """
    TensorCoreIntrinEmitter TensorCoreIntrinEmitterSM120 TensorCoreIntrinEmitterWithLadderTransform
    get_ldmatrix_offset get_mma_micro_size get_swizzle_layout layout macro make_mma_swizzle_layout mma_store_index_map
    sparse_layout
    """,
    "tilelang.cuda.intrinsics.layout.mma_layout": """
    DataType IndexMap T annotations get_swizzle_layout ldmatrix_32x16_to_shared_16x32_layout_a
    ldmatrix_32x16_to_shared_16x32_layout_b ldmatrix_32x16_to_shared_8x64_layout_b
    ldmatrix_32x32_to_shared_16x64_layout_a ldmatrix_32x32_to_shared_16x64_layout_b
    ldmatrix_32x4_to_shared_16x8_layout_a ldmatrix_32x4_to_shared_16x8_layout_b ldmatrix_32x8_to_shared_16x16_layout
    ldmatrix_trans_32x8_to_shared_16x16_layout make_mma_swizzle_layout metal_ct_store_32x16_to_16x32_layout
    metal_ct_store_index_map mma_32x8_to_shared_16x16_layout mma_load_a_32x16_to_shared_16x32_layout
    mma_load_a_32x32_to_shared_16x64_layout mma_load_a_32x4_to_shared_16x8_layout
    mma_load_a_32x8_to_shared_16x16_layout mma_load_b_32x16_to_shared_16x32_layout
    mma_load_b_32x16_to_shared_8x64_layout mma_load_b_32x4_to_shared_16x8_layout
    mma_load_b_32x8_to_shared_16x16_layout mma_store_32x2_to_shared_8x8_layout_fp64
    mma_store_32x8_to_shared_16x16_layout shared_16x16_to_mma_32x8_layout_rs_a shared_16x16_to_mma_32x8_layout_rs_b
    shared_16x16_to_mma_32x8_layout_sr_a shared_16x16_to_mma_32x8_layout_sr_b shared_16x16_to_mma_32x8_smoothlayout
    shared_16x16_to_mma_a_32x8_layout shared_16x16_to_mma_a_32x8_layout_trans shared_16x16_to_mma_b_32x8_layout
    shared_16x16_to_mma_b_32x8_layout_trans shared_16x32_to_mma_32x16_layout_rs_a
    shared_16x32_to_mma_32x16_layout_rs_b shared_16x32_to_mma_32x16_layout_sr_a shared_16x32_to_mma_32x16_layout_sr_b
    shared_16x32_to_mma_32x16_smoothlayout shared_16x32_to_mma_a_32x16_layout shared_16x32_to_mma_b_32x16_layout
    shared_16x64_to_mma_32x32_layout_rs_a shared_16x64_to_mma_32x32_layout_sr_a shared_16x64_to_mma_a_32x32_layout
    shared_16x8_to_mma_32x4_layout_rs_a shared_16x8_to_mma_32x4_layout_rs_b shared_16x8_to_mma_32x4_layout_sr_a
    shared_16x8_to_mma_32x4_layout_sr_b shared_16x8_to_mma_a_32x4_layout shared_16x8_to_mma_a_32x4_layout_trans
    shared_16x8_to_mma_b_32x4_layout shared_16x8_to_mma_b_32x4_layout_trans shared_32x16_to_mma_32x16_smoothlayout
    shared_32x16_to_mma_a_32x16_layout_trans shared_32x16_to_mma_b_32x16_layout_trans
    shared_64x16_to_mma_a_32x32_layout_trans shared_64x8_to_mma_b_32x16_layout_trans
    shared_8x64_to_mma_32x16_layout_rs_b shared_8x64_to_mma_32x16_layout_sr_b shared_8x64_to_mma_b_32x16_layout
    """,
    "tilelang.cuda.intrinsics.layout.mma_sm100_layout": """
    Buffer Enum Iterable TCGEN05Meta TCGEN05TmemAllocMode annotations cute dataclass get_tvm_dtype make_tmem_frg
    make_tmem_frg_a make_tmem_frg_atom make_tmem_frg_c make_tmem_frg_ws_atom validate_tcgen05_ts_instruction
    """,
    "tilelang.cuda.intrinsics.layout.utils": """
    DataType Literal get_ldmatrix_offset get_mma_micro_size get_swizzle_layout ldmatrix_32x16_to_shared_16x32_layout_a
    ldmatrix_32x16_to_shared_16x32_layout_b ldmatrix_32x4_to_shared_16x8_layout_a
    ldmatrix_32x4_to_shared_16x8_layout_b ldmatrix_32x8_to_shared_16x16_layout
    ldmatrix_trans_32x8_to_shared_16x16_layout make_mma_swizzle_layout mma_store_32x2_to_shared_8x8_layout_fp64
    mma_store_32x8_to_shared_16x16_layout mma_store_index_map mma_store_index_map_fp64 shared_16x16_to_mma_32x8_layout
    shared_16x32_to_mma_32x16_layout shared_32x16_to_mma_32x16_layout
    """,
    "tilelang.cuda.intrinsics.macro.mma_macro_generator": """
    Buffer BufferLoad BufferRegion Callable DataType IndexMap IntEnum Literal PrimExpr Range T TensorCoreIntrinEmitter
    TensorCoreIntrinEmitterWithLadderTransform TransformKind Var annotations convert get_buffer_region_from_load
    get_ldmatrix_offset is_fragment lift mma_load_a_32x16_to_shared_16x32_layout mma_load_a_32x4_to_shared_16x8_layout
    mma_load_a_32x8_to_shared_16x16_layout mma_load_b_32x16_to_shared_16x32_layout
    mma_load_b_32x4_to_shared_16x8_layout mma_load_b_32x8_to_shared_16x16_layout mma_store_index_map
    mma_store_index_map_fp64 shared_16x16_to_mma_32x8_layout_sr_a shared_16x16_to_mma_32x8_layout_sr_b
    shared_16x32_to_mma_32x16_layout_sr_a shared_16x32_to_mma_32x16_layout_sr_b shared_16x64_to_mma_32x32_layout_sr_a
    shared_16x8_to_mma_32x4_layout_sr_a shared_16x8_to_mma_32x4_layout_sr_b shared_8x64_to_mma_32x16_layout_sr_b tirx
    tvm
    """,
    "tilelang.cuda.intrinsics.macro.mma_sm120_macro_generator": """
    BlockScaleMmaConfig Buffer BufferRegion MMAIntrinEmitter PrimExpr SM120BlockScaleTile T
    TensorCoreIntrinEmitterSM120 Var annotations convert dataclass is_fragment ldmatrix_32x16_to_shared_8x64_layout_b
    ldmatrix_32x32_to_shared_16x64_layout_a ldmatrix_32x32_to_shared_16x64_layout_b lift tvm
    """,
    "tilelang.cuda.intrinsics.macro.mma_sm75_macro_generator": """
    DataType TensorCoreIntrinEmitter TensorCoreIntrinEmitterSM75 annotations
    """,
    "tilelang.cuda.intrinsics.macro.tcgen05_macro_generator": """
    Buffer BufferLoad BufferRegion DataType Layout MMAIntrinEmitter PrimExpr SwizzleMode T TCGEN05DescriptorParams
    TCGEN05Meta TCGEN05TensorMemoryParams TensorCoreIntrinEmitter Var annotations compute_umma_descriptor convert cute
    dataclass decode_k_panel_elems get_tvm_dtype handle_add_byte_offset is_tensor_memory lift make_tmem_frg_a
    make_tmem_frg_c tvm validate_tcgen05_ts_instruction
    """,
    "tilelang.cuda.intrinsics.macro.wgmma_macro_generator": """
    Buffer BufferRegion Callable DataType IndexMap Layout MMAIntrinEmitter PrimExpr SwizzleMode T
    TensorCoreIntrinEmitter Var WGMMADescriptorParams annotations compute_gmma_descriptor convert cute dataclass
    decode_k_panel_elems gcd handle_add_byte_offset is_fragment is_full_region lift select_wgmma_inst_n
    shared_16x16_to_mma_32x8_layout_sr_a shared_16x32_to_mma_32x16_layout_sr_a shared_16x8_to_mma_32x4_layout_sr_a tvm
    """,
    "tilelang.cuda.intrinsics.sparse_layout": """
    GROUP_CONFIG annotations dtype get_e_factor get_e_replicate_factor
    """,
    "tilelang.cuda.language": """
    Add And Any AnyDType Assert BACKEND_ONLY_TIR_EXPORTS BaseTileScheduler Broadcast Buffer BufferLoad
    CUDASourceCodeKernel CUDA_ONLY_TIR_EXPORTS Call CallEffectKind Cast ClusterKernel CommReducer DataType
    DataTypeCode Div EQ Else FloatImm FloorDiv FloorMod Fragment FragmentBuffer GE GT GemmWarpPolicy Generic If IntImm
    IterVar JITFunc Kernel KernelLaunchFrame LE LT Layout Let LocalBuffer Max Min Mod Mul NE Not Or Parallel
    PartialFragment Persistent PersistentTileScheduler Pipelined PrimExpr PrimFunc ProducerLoad Ptr PyPrimExpr Ramp
    Range Reduce Ref SHARED_LEGACY_TIR_EXPORTS Select Serial SharedBuffer Shuffle SizeVar
    SparseTensorCoreIntrinEmitter StridedTensor StringImm Sub T TCGEN05DescriptorParams TCGEN05TensorCoreIntrinEmitter
    TIRFrame TVMBackendAllocWorkspace TVMBackendFreeWorkspace TYPE_CHECKING Tensor TensorCoreIntrinEmitter
    TensorCoreIntrinEmitterSM120 TensorCoreIntrinEmitterWithLadderTransform Then TypeVar Unroll Var Vectorized
    WGMMADescriptorParams WGMMATensorCoreIntrinEmitter WGSparseTensorCoreIntrinEmitter WSID WSInstr WSOpRef WSPipeline
    WSRole WSSchedule WSScope WSSync WSSyncKind WarpSpecialize WarpSpecializeFrame While abs abs2 access_ptr acos
    acosh activemask add2 address_of align_up all_of all_sync alloc_barrier alloc_buffer alloc_cluster_barrier
    alloc_descriptor alloc_fragment alloc_global alloc_local alloc_reducer alloc_shared alloc_tcgen05_instr_desc
    alloc_tcgen05_instruction_desc alloc_tcgen05_smem_desc alloc_tmem alloc_var alloc_wgmma_desc allocate
    annotate_compile_flags annotate_consumer_reg_alloc annotate_l2_hit_ratio annotate_layout
    annotate_min_blocks_per_sm annotate_pass_configs annotate_producer_reg_dealloc annotate_restrict_buffers
    annotate_safe_value annotate_ws_pipeline_depth annotate_ws_schedule annotations any_of any_sync anylist_getitem
    anylist_resetitem anylist_setitem_call_cpacked anylist_setitem_call_packed arg asin asinh assume async_copy atan
    atan2 atanh atomic atomic_add atomic_addx2 atomic_addx4 atomic_load atomic_max atomic_min atomic_or atomic_store
    attr axis ballot ballot_sync barrier_arrive barrier_wait bfloat16 bfloat16x16 bfloat16x2 bfloat16x32 bfloat16x4
    bfloat16x64 bfloat16x8 bind bitwise_and bitwise_not bitwise_or bitwise_xor block_name_suffix_context
    block_rank_in_cluster bool boolean break_loop broadcast buffer buffer_decl buffer_store buffer_var c2d_im2col
    call_cpacked call_cpacked_lowered call_extern call_intrin call_kernel call_llvm_intrin call_llvm_pure_intrin
    call_packed call_packed_lowered call_pure_extern cast cdiv ceil ceildiv clamp clc_get_first_ctaid_x
    clc_get_first_ctaid_y clc_get_first_ctaid_z clc_is_canceled clc_try_cancel clc_try_cancel_multicast clear cluster
    cluster_arrive cluster_arrive_relaxed cluster_sync cluster_wait clz comm_reducer compute_gmma_descriptor
    compute_umma_descriptor const continue_loop copy copy_cluster copy_op copysign cos cosh cp_async_barrier_noinc
    create_barriers create_tma_descriptor cummax cumsum deallocate_tmem dec_max_nreg decl_buffer device_assert
    disable_warp_group_reg_alloc double dp4a dtype dtype_name dtype_name_tuple dynamic empty end_profile_intrinsic
    env_thread erf evaluate exp exp10 exp2 extract_lane fabs fast_rcp fence_proxy_async fill finalize_reducer float
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
    float8_e8m0fnux8 floor floordiv floormod fma fma2 fmod fmul frame func_attr func_name func_ret functools gemm
    gemm_blockscaled gemm_op gemm_sp get_active_lane_mask get_block_binding get_block_bindings get_block_extent
    get_block_extents get_cluster_dims get_cluster_extent get_cluster_extents get_cluster_id get_cluster_ids
    get_cluster_size get_lane_idx get_ldmatrix_offset get_let_value get_mma_micro_size get_swizzle_layout
    get_thread_binding get_thread_bindings get_thread_extent get_thread_extents get_tvm_dtype get_warp_group_idx
    get_warp_idx get_warp_idx_sync grid half handle handle_add_byte_offset has_let_value hypot ieee_add ieee_fdiv
    ieee_fmaf ieee_frcp ieee_frsqrt ieee_fsqrt ieee_mul ieee_sub if_then_else ignore_loop_partition im2col
    import_source inc_max_nreg increase_descriptor_offset index_map index_to_coordinates infinity init
    initialize_tcgen05_descriptor initialize_wgmma_descriptor inline int int16 int16x16 int16x2 int16x32 int16x4
    int16x64 int16x8 int32 int32x16 int32x2 int32x32 int32x4 int32x64 int32x8 int4 int64 int64x16 int64x2 int64x32
    int64x4 int64x64 int64x8 int8 int8x16 int8x2 int8x32 int8x4 int8x64 int8x8 int_ intrinsics ir is_f8f6f4_family
    is_float4 is_float4_e2m1_unpacked is_float4_e2m1fn isfinite isinf isnan isnullptr iter_var k kernel launch_thread
    ldexp ldg128 ldg256 ldg32 ldg64 lds128 lds32 lds64 let likely llvm_lookup_intrinsic_id log log10 log1p log2 logger
    long lookup_param loop loop_break macro make_blockscaled_gemm_layout make_mma_swizzle_layout make_tensor
    make_tensor_from_addr match_all_sync match_any_sync match_buffer math max max2 max_value mbarrier_arrive
    mbarrier_arrive_expect_tx mbarrier_expect_tx mbarrier_wait_parity meta_class meta_var min min2 min_value mma_fill
    mma_gemm_blockscaled mma_store mma_store_index_map mul2 name named_barrier_arrive nearbyint nextafter
    no_set_max_nreg np parallel pdl pdl_sync pdl_trigger popcount pow prim_func print
    print_fragment_buffer_with_condition print_global_buffer_with_condition print_local_buffer_with_condition
    print_msg print_shared_buffer_with_condition print_var print_var_with_condition ptr ptx_arrive_barrier
    ptx_arrive_barrier_expect_tx ptx_arrive_cluster_barrier ptx_commit_group ptx_cp_async ptx_cp_async_barrier
    ptx_cp_async_bulk ptx_fence_barrier_init ptx_init_barrier_thread_count ptx_ldmatrix ptx_mma ptx_mma_block_scale
    ptx_mma_sm70 ptx_mma_sp ptx_tcgen05_mma_blockscaled_ss ptx_tcgen05_mma_ss ptx_tcgen05_mma_ts ptx_wait_barrier
    ptx_wait_group ptx_wgmma_rs ptx_wgmma_sp_rs ptx_wgmma_sp_ss ptx_wgmma_ss q_multiply_shift
    q_multiply_shift_per_axis ramp random reads reduce reduce_absmax reduce_abssum reduce_bitand reduce_bitor
    reduce_bitxor reduce_max reduce_min reduce_op reduce_sum reducer_init reducer_update register_object reinterpret
    reshape resolve_torch_storage_dtype ret retrieve_ptr rng_init rng_rand rng_rand_float round rsqrt sblock
    sblock_alloc_buffer sblock_attr serial set_max_nreg shfl_down shfl_sync shfl_up shfl_xor shift_left shift_right
    short shuffle_elect sigmoid sin sinh sqrt start_profile_intrinsic stg128 stg256 stg32 stg64 sts128 sts32 sts64
    sub2 symbolic sync_grid sync_threads sync_warp syncthreads_and syncthreads_count syncthreads_or tan tanh target
    tb_ffi tcgen05_after_thread_sync tcgen05_before_thread_sync tcgen05_cp_warpx4 tcgen05_gemm
    tcgen05_gemm_blockscaled tcgen05_gemm_sp tcgen05_mma tcgen05_mma_arrive tcgen05_mma_blockscaled
    tcgen05_sf_warp_transpose tfloat32 tfloat32x16 tfloat32x2 tfloat32x32 tfloat32x4 tfloat32x64 tfloat32x8
    thread_binding thread_return tir tirx tma_copy tma_gather4 tma_gather4_bytes tma_load tma_load_2sm tma_scatter4
    tma_store_arrive tma_store_wait torch torch_dtype transpose trunc truncdiv truncmod tvm tvm_access_ptr
    tvm_bmma_sync tvm_call_cpacked tvm_call_cpacked_lowered tvm_call_packed tvm_call_packed_lowered tvm_ffi
    tvm_fill_fragment tvm_load_matrix_sync tvm_mma_sync tvm_stack_alloca tvm_stack_make_array tvm_stack_make_shape
    tvm_storage_sync tvm_store_matrix_sync tvm_struct_get tvm_struct_set tvm_thread_allreduce tvm_thread_invariant
    tvm_throw_last_error tvm_tuple tvm_warp_activemask tvm_warp_shuffle tvm_warp_shuffle_down tvm_warp_shuffle_up
    type_annotation uint uint16 uint16x16 uint16x2 uint16x32 uint16x4 uint16x64 uint16x8 uint32 uint32x16 uint32x2
    uint32x32 uint32x4 uint32x64 uint32x8 uint64 uint64x16 uint64x2 uint64x32 uint64x4 uint64x64 uint64x8 uint8
    uint8x16 uint8x2 uint8x32 uint8x4 uint8x64 uint8x8 undef unroll use_swizzle v validate_gemm_ab_dtypes var
    vectorcombine vectorhigh vectorized vectorlow view void vscale wait_wgmma warp_reduce_bitand warp_reduce_bitor
    warp_reduce_max warp_reduce_min warp_reduce_sum warpgroup warpgroup_arrive warpgroup_commit_batch
    warpgroup_fence_operand warpgroup_wait wgmma_gemm wgmma_gemm_sp wgmma_mma where writes ws ws_op
    """,
    "tilelang.cuda.language.intrinsics": """
    SparseTensorCoreIntrinEmitter TCGEN05DescriptorParams TCGEN05TensorCoreIntrinEmitter TensorCoreIntrinEmitter
    TensorCoreIntrinEmitterSM120 TensorCoreIntrinEmitterWithLadderTransform WGMMADescriptorParams
    WGMMATensorCoreIntrinEmitter WGSparseTensorCoreIntrinEmitter alloc_tcgen05_instr_desc
    alloc_tcgen05_instruction_desc alloc_tcgen05_smem_desc alloc_wgmma_desc annotations compute_gmma_descriptor
    compute_umma_descriptor cp_async_barrier_noinc device_assert get_ldmatrix_offset get_mma_micro_size
    get_swizzle_layout initialize_tcgen05_descriptor initialize_wgmma_descriptor make_blockscaled_gemm_layout
    make_mma_swizzle_layout mma_gemm_blockscaled mma_store_index_map ptx_cp_async ptx_cp_async_barrier
    ptx_cp_async_bulk ptx_ldmatrix ptx_mma ptx_mma_sp ptx_tcgen05_mma_blockscaled_ss ptx_tcgen05_mma_ss
    ptx_tcgen05_mma_ts ptx_wgmma_rs ptx_wgmma_sp_rs ptx_wgmma_sp_ss ptx_wgmma_ss tcgen05_after_thread_sync
    tcgen05_before_thread_sync tcgen05_cp_warpx4 tcgen05_gemm tcgen05_gemm_blockscaled tcgen05_gemm_sp tcgen05_mma
    tcgen05_mma_arrive tcgen05_mma_blockscaled tcgen05_sf_warp_transpose wait_wgmma warpgroup_arrive
    warpgroup_commit_batch warpgroup_fence_operand warpgroup_wait wgmma_gemm wgmma_gemm_sp wgmma_mma
    """,
    "tilelang.cuda.op.gemm.gemm_fma": """
    GEMM_INST_FMA GemmBase GemmFMA Range T Target annotations is_fragment is_full_region tirx
    """,
    "tilelang.cuda.op.gemm.gemm_mma": """
    GEMM_INST_MMA GemmBase GemmMMA Range T Target TensorCoreIntrinEmitter annotations is_fragment is_full_region
    is_shared make_swizzled_layout tirx tvm
    """,
    "tilelang.cuda.op.gemm.gemm_mma_sm120": """
    GEMM_INST_MMA_BLOCK_SCALED GemmBlockScaledMixin GemmMMA GemmMMASm120BlockScaled Range T Target
    TensorCoreIntrinEmitterBlockScaled annotations is_fragment is_full_region target_is_cuda target_is_sm120 tirx
    """,
    "tilelang.cuda.op.gemm.gemm_mma_sm70": """
    GEMM_INST_MMA GemmBase GemmMMASm70 Range T Target TensorCoreIntrinEmitter annotations is_full_region
    make_volta_swizzled_layout tirx tvm
    """,
    "tilelang.cuda.op.gemm.gemm_mma_sm75": """
    GemmMMA GemmMMASm75 TensorCoreIntrinEmitterSM75
    """,
    "tilelang.cuda.pipeline": """
    CUDAPassPipelineBody CUDAPassPipelineBodyPrologue CUDA_PIPELINE IRModule LayoutVisual PassContext PassPipeline
    PrimFunc SBlock Target allow_vectorize allow_warp_specialized annotations get_target_compute_version have_mbarrier
    have_pdl have_tma module_has_tma post_order_visit s_tir should_disable_shared_memory_reuse
    should_enable_aggressive_merge should_enable_race_check should_force_let_inline tilelang tirx
    """,
    "tilelang.cuda.target": """
    Target TargetLike annotations check_cuda_availability normalize_cuda_target normalize_cutedsl_target
    register_target_detector register_target_normalizer target_has_async_copy target_has_bulk_copy target_has_ldmatrix
    target_has_stmatrix target_is_ampere target_is_cuda target_is_hopper target_is_sm120 target_is_turing
    target_is_volta
    """,
    "tilelang.metal": """
    backend codegen execution_backend intrinsics is_metal_cooperative_tensor is_metal_simdgroup language op pipeline
    target transform utils
    """,
    "tilelang.metal.intrinsics.metal_macro_generator": """
    Buffer BufferRegion MPSIntrinEmitter OPERAND_DEST OPERAND_LEFT OPERAND_RIGHT T annotations arith tir
    """,
    "tilelang.metal.target": """
    Target TargetLike annotations check_metal4_availability check_metal_availability mac_ver normalize_metal_target re
    register_target_detector register_target_normalizer subprocess target_is_metal target_metal_supports_metal4
    """,
    "tilelang.rocm": """
    backend codegen execution_backend intrinsics language op pipeline target
    """,
    "tilelang.rocm.intrinsics": """
    MatrixCoreIntrinEmitter MatrixCorePreshuffleIntrinEmitter WMMAIntrinEmitter get_mma_micro_size
    make_mfma_swizzle_layout mfma_layout mfma_macro_generator mfma_store_index_map mfma_store_index_map_32x32 utils
    wmma_layout wmma_macro_generator
    """,
    "tilelang.rocm.intrinsics.mfma_layout": """
    DataType T const convert make_mfma_swizzle_layout shared_16x16_to_ldmatrix_64x4_layout
    shared_16x16_to_local_64x4_layout_A shared_16x16_to_local_64x4_layout_B shared_16x16_to_local_64x4_layout_C
    shared_16x16_to_local_64x4_layout_k_n shared_16x16_to_local_64x4_layout_m_n shared_16x16_to_local_64x4_layout_n_k
    shared_16x16_to_local_64x4_layout_n_m shared_16x32_to_local_64x8_layout_A shared_16x32_to_local_64x8_layout_B
    shared_16x4_to_local_64x1_layout_A shared_16x64_to_local_64x16_layout_A shared_16x64_to_local_64x16_layout_B
    shared_32x32_to_local_64x16_layout_A shared_32x32_to_local_64x16_layout_B shared_32x32_to_local_64x16_layout_C
    shared_4x16_to_local_64x1_layout_B thread_id_shared_access_64x16_to_16x64_layout_A
    thread_id_shared_access_64x16_to_16x64_layout_B thread_id_shared_access_64x16_to_32x32_layout_A
    thread_id_shared_access_64x16_to_32x32_layout_B thread_id_shared_access_64x16_to_32x32_layout_C_m_n
    thread_id_shared_access_64x16_to_32x32_layout_C_n_m thread_id_shared_access_64x1_to_16x4_layout_A
    thread_id_shared_access_64x1_to_4x16_layout_B thread_id_shared_access_64x4_to_16x16_layout_A
    thread_id_shared_access_64x4_to_16x16_layout_B thread_id_shared_access_64x4_to_16x16_layout_C_m_n
    thread_id_shared_access_64x4_to_16x16_layout_C_n_m thread_id_shared_access_64x8_to_16x32_layout_A
    thread_id_shared_access_64x8_to_16x32_layout_B
    """,
    "tilelang.rocm.intrinsics.mfma_macro_generator": """
    Buffer BufferLoad BufferRegion Callable DataType IndexMap Literal MatrixCoreIntrinEmitter
    MatrixCorePreshuffleIntrinEmitter PrimExpr Range T Target Var annotations convert determine_target
    get_buffer_region_from_load is_fragment lift mfma_store_index_map shared_16x16_to_local_64x4_layout_A
    shared_16x16_to_local_64x4_layout_B shared_16x32_to_local_64x8_layout_A shared_16x32_to_local_64x8_layout_B
    shared_16x4_to_local_64x1_layout_A shared_16x64_to_local_64x16_layout_A shared_16x64_to_local_64x16_layout_B
    shared_32x32_to_local_64x16_layout_A shared_32x32_to_local_64x16_layout_B shared_4x16_to_local_64x1_layout_B
    target_is_gfx950 thread_id_shared_access_64x16_to_16x64_layout_A thread_id_shared_access_64x16_to_16x64_layout_B
    thread_id_shared_access_64x16_to_32x32_layout_A thread_id_shared_access_64x16_to_32x32_layout_B
    thread_id_shared_access_64x1_to_16x4_layout_A thread_id_shared_access_64x1_to_4x16_layout_B
    thread_id_shared_access_64x4_to_16x16_layout_A thread_id_shared_access_64x4_to_16x16_layout_B
    thread_id_shared_access_64x8_to_16x32_layout_A thread_id_shared_access_64x8_to_16x32_layout_B tirx tvm warnings
    """,
    "tilelang.rocm.intrinsics.utils": """
    Literal get_mma_micro_size make_mfma_swizzle_layout mfma_store_index_map mfma_store_index_map_32x32
    thread_id_shared_access_64x16_to_32x32_layout_C_m_n thread_id_shared_access_64x4_to_16x16_layout_C_n_m
    """,
    "tilelang.rocm.language": """
    Add And Any AnyDType Assert BACKEND_ONLY_TIR_EXPORTS BaseTileScheduler Broadcast Buffer BufferLikeType BufferLoad
    Call CallEffectKind Cast CommReducer Div EQ Else FloatImm FloorDiv FloorMod Fragment FragmentBuffer GE GT
    GemmWarpPolicy Generic If IntImm IterVar JITFunc Kernel KernelLaunchFrame LE LT Layout Let LocalBuffer
    MatrixCoreIntrinEmitter MatrixCorePreshuffleIntrinEmitter Max Min Mod Mul NE Not Or Parallel PartialFragment
    Persistent PersistentTileScheduler Pipelined PrimExpr PrimFunc ProducerLoad Ptr PyPrimExpr Ramp Range Reduce Ref
    Select Serial SharedBuffer Shuffle SizeVar StridedTensor StringImm Sub TVMBackendAllocWorkspace
    TVMBackendFreeWorkspace TYPE_CHECKING Tensor Then TypeVar Unroll Var Vectorized WMMAIntrinEmitter WSID WSInstr
    WSOpRef WSPipeline WSRole WSSchedule WSScope WSSync WSSyncKind While abs abs2 access_ptr acos acosh activemask
    add2 address_of align_up all_of all_sync alloc_barrier alloc_buffer alloc_fragment alloc_global alloc_local
    alloc_reducer alloc_shared alloc_var allocate annotate_compile_flags annotate_layout annotate_pass_configs
    annotate_restrict_buffers annotate_safe_value annotate_ws_pipeline_depth annotate_ws_schedule annotations any_of
    any_sync anylist_getitem anylist_resetitem anylist_setitem_call_cpacked anylist_setitem_call_packed arg asin asinh
    assume async_copy atan atan2 atanh atomic_add atomic_addx2 atomic_addx4 atomic_load atomic_max atomic_min
    atomic_or atomic_store attr axis ballot ballot_sync bfloat16 bfloat16x16 bfloat16x2 bfloat16x32 bfloat16x4
    bfloat16x64 bfloat16x8 bind bitwise_and bitwise_not bitwise_or bitwise_xor block_name_suffix_context bool boolean
    break_loop broadcast buffer buffer_decl buffer_store buffer_var c2d_im2col call_cpacked call_cpacked_lowered
    call_extern call_intrin call_kernel call_llvm_intrin call_llvm_pure_intrin call_packed call_packed_lowered
    call_pure_extern cast cdiv ceil ceildiv clamp clear clz comm_reducer const continue_loop copy copysign cos cosh
    create_barriers cummax cumsum decl_buffer double dp4a ds_read_tr16_b64 ds_read_tr8_b64 dtype dtype_name
    dtype_name_tuple dynamic empty end_profile_intrinsic env_thread erf evaluate exp exp10 exp2 extract_lane fabs fill
    finalize_reducer float float16 float16x16 float16x2 float16x32 float16x4 float16x64 float16x8 float32 float32x16
    float32x2 float32x32 float32x4 float32x64 float32x8 float4_e2m1_unpacked float4_e2m1fn float4_e2m1fnx16
    float4_e2m1fnx2 float4_e2m1fnx32 float4_e2m1fnx4 float4_e2m1fnx64 float4_e2m1fnx8 float64 float64x16 float64x2
    float64x32 float64x4 float64x64 float64x8 float6_e2m3fn float6_e2m3fnx16 float6_e2m3fnx2 float6_e2m3fnx32
    float6_e2m3fnx4 float6_e2m3fnx64 float6_e2m3fnx8 float6_e3m2fn float6_e3m2fnx16 float6_e3m2fnx2 float6_e3m2fnx32
    float6_e3m2fnx4 float6_e3m2fnx64 float6_e3m2fnx8 float8_e3m4 float8_e3m4x16 float8_e3m4x2 float8_e3m4x32
    float8_e3m4x4 float8_e3m4x64 float8_e3m4x8 float8_e4m3 float8_e4m3b11fnuz float8_e4m3b11fnuzx16
    float8_e4m3b11fnuzx2 float8_e4m3b11fnuzx32 float8_e4m3b11fnuzx4 float8_e4m3b11fnuzx64 float8_e4m3b11fnuzx8
    float8_e4m3fn float8_e4m3fnuz float8_e4m3fnuzx16 float8_e4m3fnuzx2 float8_e4m3fnuzx32 float8_e4m3fnuzx4
    float8_e4m3fnuzx64 float8_e4m3fnuzx8 float8_e4m3fnx16 float8_e4m3fnx2 float8_e4m3fnx32 float8_e4m3fnx4
    float8_e4m3fnx64 float8_e4m3fnx8 float8_e4m3x16 float8_e4m3x2 float8_e4m3x32 float8_e4m3x4 float8_e4m3x64
    float8_e4m3x8 float8_e5m2 float8_e5m2fnuz float8_e5m2fnuzx16 float8_e5m2fnuzx2 float8_e5m2fnuzx32
    float8_e5m2fnuzx4 float8_e5m2fnuzx64 float8_e5m2fnuzx8 float8_e5m2x16 float8_e5m2x2 float8_e5m2x32 float8_e5m2x4
    float8_e5m2x64 float8_e5m2x8 float8_e8m0fnu float8_e8m0fnux16 float8_e8m0fnux2 float8_e8m0fnux32 float8_e8m0fnux4
    float8_e8m0fnux64 float8_e8m0fnux8 floor floordiv floormod fma2 fmod frame func_attr func_name func_ret functools
    gemm gemm_blockscaled gemm_op gemm_sp get_active_lane_mask get_block_binding get_block_bindings get_block_extent
    get_block_extents get_cluster_dims get_cluster_extent get_cluster_extents get_cluster_id get_cluster_ids
    get_cluster_size get_let_value get_mma_micro_size get_thread_binding get_thread_bindings get_thread_extent
    get_thread_extents get_tvm_dtype grid half handle handle_add_byte_offset has_let_value hypot if_then_else
    ignore_loop_partition im2col import_source index_map index_to_coordinates infinity init inline int int16 int16x16
    int16x2 int16x32 int16x4 int16x64 int16x8 int32 int32x16 int32x2 int32x32 int32x4 int32x64 int32x8 int4 int64
    int64x16 int64x2 int64x32 int64x4 int64x64 int64x8 int8 int8x16 int8x2 int8x32 int8x4 int8x64 int8x8 int_
    intrinsics ir is_f8f6f4_family is_float4 is_float4_e2m1_unpacked is_float4_e2m1fn isfinite isinf isnan isnullptr
    iter_var k kernel kernel_launch_factory launch_kernel launch_thread ldexp let likely llvm_lookup_intrinsic_id log
    log10 log1p log2 logger long lookup_param loop_break macro make_mfma_swizzle_layout make_tensor
    make_tensor_from_addr match_buffer max max2 max_value meta_class meta_var mfma mfma_store mfma_store_index_map
    mfma_store_index_map_32x32 min min2 min_value mul2 name nearbyint nextafter np parallel popcount pow prim_func ptr
    ptx_arrive_barrier ptx_arrive_barrier_expect_tx ptx_commit_group ptx_cp_async ptx_cp_async_barrier
    ptx_init_barrier_thread_count ptx_wait_group q_multiply_shift q_multiply_shift_per_axis ramp rdna_wmma
    rdna_wmma_store reads reduce reduce_absmax reduce_abssum reduce_bitand reduce_bitor reduce_bitxor reduce_max
    reduce_min reduce_sum reducer_init reducer_update reinterpret reshape resolve_torch_storage_dtype ret round rsqrt
    sblock sblock_alloc_buffer sblock_attr serial shfl_down shfl_sync shfl_up shfl_xor shift_left shift_right short
    sigmoid sin sinh sqrt start_profile_intrinsic sub2 symbolic sync_grid sync_threads sync_warp syncthreads_and
    syncthreads_count syncthreads_or tan tanh target tb_ffi tfloat32 tfloat32x16 tfloat32x2 tfloat32x32 tfloat32x4
    tfloat32x64 tfloat32x8 thread_binding thread_return tir tirx torch torch_dtype transpose trunc truncdiv truncmod
    tvm tvm_access_ptr tvm_bmma_sync tvm_call_cpacked tvm_call_cpacked_lowered tvm_call_packed tvm_call_packed_lowered
    tvm_ffi tvm_fill_fragment tvm_load_matrix_sync tvm_mfma tvm_mfma_store tvm_mma_sync tvm_rdna_wmma
    tvm_rdna_wmma_store tvm_stack_alloca tvm_stack_make_array tvm_stack_make_shape tvm_storage_sync
    tvm_store_matrix_sync tvm_struct_get tvm_struct_set tvm_thread_allreduce tvm_thread_invariant tvm_throw_last_error
    tvm_tuple tvm_warp_activemask tvm_warp_shuffle tvm_warp_shuffle_down tvm_warp_shuffle_up type_annotation uint
    uint16 uint16x16 uint16x2 uint16x32 uint16x4 uint16x64 uint16x8 uint32 uint32x16 uint32x2 uint32x32 uint32x4
    uint32x64 uint32x8 uint64 uint64x16 uint64x2 uint64x32 uint64x4 uint64x64 uint64x8 uint8 uint8x16 uint8x2 uint8x32
    uint8x4 uint8x64 uint8x8 undef unroll use_swizzle v validate_gemm_ab_dtypes var vectorcombine vectorhigh
    vectorized vectorlow view void vscale warp_reduce_bitand warp_reduce_bitor warp_reduce_max warp_reduce_min
    warp_reduce_sum where writes ws_op
    """,
    "tilelang.rocm.target": """
    ROCM_MTRIPLE Target TargetLike annotations check_hip_availability normalize_rocm_arch normalize_rocm_target
    register_target_detector register_target_normalizer rocm_warp_size_for_arch target_get_mcpu
    target_get_rdna_generation target_get_warp_size target_is_cdna target_is_gfx950 target_is_hip target_is_rdna
    with_rocm_target_attrs
    """,
    "tilelang.webgpu": """
    backend codegen pipeline
    """,
  ]
}
