// The pass-config keys tilelang 0.1.15 accepts (`tvm.transform.PassContext.list_configs()` after `import tilelang`)
// and the member names of `tilelang.PassConfigKey`. A key outside the first set makes `PassContext(config=...)` fail
// with "Invalid config option"; a member outside the second is an AttributeError. `PassConfigRegistryTests` holds
// both lists equal to the installed compiler's.

enum PassConfigRegistry {
  static let keys: Set<String> = [
    "cuda.kernels_output_dir", "relax.FuseOps.max_depth", "relax.backend.use_cuda_graph",
    "relax.fallback_device_type", "relax.lift_transform_params.consume_params", "relax.transform.apply_legalize_ops",
    "s_tir.HoistExpression", "s_tir.HoistIfThenElse", "s_tir.InjectDoubleBuffer", "s_tir.LoopPartition",
    "s_tir.instr_siblings", "s_tir.lwp_disable_func_prof", "s_tir.lwp_max_depth", "s_tir.lwp_min_height",
    "s_tir.reset_start_id", "testing.immutable_module", "tirx.RemoveNoOp", "tirx.Simplify", "tirx.UnrollLoop",
    "tirx.add_lower_pass", "tirx.debug_keep_trivial_loop", "tirx.disable_assert", "tirx.disable_cse_tir",
    "tirx.disable_storage_rewrite", "tirx.disable_vectorize", "tirx.enable_buffer_level_predication",
    "tirx.enable_debug", "tirx.instrument_bound_checkers", "tirx.instrument_lwp", "tirx.is_entry_func",
    "tirx.merge_static_smem", "tirx.noalias", "tirx.ptx_ldg32", "tirx.use_async_copy", "tirx.vtcm_capacity",
    "tl.AscendRemoveNoOp", "tl.Simplify", "tl.UnrollLoop", "tl.ast_print_enable", "tl.config_index_bitwidth",
    "tl.debug_merge_shared_memory_allocations", "tl.device_compile_flags", "tl.disable_buffer_init_check",
    "tl.disable_data_race_check", "tl.disable_loop_unswitching", "tl.disable_out_of_bound_warning",
    "tl.disable_safe_memory_legalize", "tl.disable_shared_memory_reuse", "tl.disable_shuffle_elect",
    "tl.disable_thread_storage_sync", "tl.disable_tma_lower", "tl.disable_vectorize_256",
    "tl.disable_warp_specialized", "tl.disable_wgmma", "tl.dump_ir_path", "tl.emit_line_directives",
    "tl.enable_aggressive_shared_memory_merge", "tl.enable_async_copy", "tl.enable_auto_schedule",
    "tl.enable_auto_warp_specialization", "tl.enable_dump_ir", "tl.enable_fast_math", "tl.enable_fp32x2_reduction",
    "tl.enable_lower_ldgstg", "tl.enable_lower_ldgstg_predicated", "tl.enable_reducer_plan_verbose",
    "tl.enable_vectorize_planner_verbose", "tl.force_let_inline", "tl.if_stmt_binding_inline_replayable_binds",
    "tl.layout_cost_model", "tl.layout_visualization_enable", "tl.layout_visualization_formats",
    "tl.loop_unswitching_allow_non_trivial_else", "tl.pass_profile", "tl.pass_profile_threshold_ms",
    "tl.ptxas_register_usage_level", "tl.reducer_force_baseline", "tl.storage_rewrite_detect_inplace",
  ]

  static let enumMembers: Set<String> = [
    "CUDA_KERNELS_OUTPUT_DIR", "TIR_ADD_LOWER_PASS", "TIR_DISABLE_CSE", "TIR_DISABLE_STORAGE_REWRITE",
    "TIR_DISABLE_VECTORIZE", "TIR_ENABLE_DEBUG", "TIR_ENABLE_EQUIV_TERMS_IN_CSE", "TIR_MERGE_STATIC_SMEM",
    "TIR_NOALIAS", "TIR_SIMPLIFY", "TIR_USE_ASYNC_COPY", "TL_AST_PRINT_ENABLE", "TL_CONFIG_INDEX_BITWIDTH",
    "TL_DEBUG_MERGE_SHARED_MEMORY_ALLOCATIONS", "TL_DEVICE_COMPILE_FLAGS", "TL_DISABLE_BUFFER_INIT_CHECK",
    "TL_DISABLE_DATA_RACE_CHECK", "TL_DISABLE_LOOP_UNSWITCHING", "TL_DISABLE_OUT_OF_BOUND_WARNING",
    "TL_DISABLE_PRELOWER_SEMANTIC_CHECK", "TL_DISABLE_SAFE_MEMORY_ACCESS", "TL_DISABLE_SHARED_MEMORY_REUSE",
    "TL_DISABLE_SHUFFLE_ELECT", "TL_DISABLE_THREAD_STORAGE_SYNC", "TL_DISABLE_TMA_LOWER", "TL_DISABLE_VECTORIZE_256",
    "TL_DISABLE_WARP_SPECIALIZED", "TL_DISABLE_WGMMA", "TL_DUMP_IR_DIR", "TL_EMIT_LINE_DIRECTIVES",
    "TL_ENABLE_AGGRESSIVE_SHARED_MEMORY_MERGE", "TL_ENABLE_ASYNC_COPY", "TL_ENABLE_AUTO_SCHEDULE",
    "TL_ENABLE_AUTO_WARP_SPECIALIZATION", "TL_ENABLE_DUMP_IR", "TL_ENABLE_FAST_MATH", "TL_ENABLE_FP32X2_REDUCTION",
    "TL_ENABLE_LOWER_LDGSTG", "TL_ENABLE_LOWER_LDGSTG_PREDICATED", "TL_ENABLE_REDUCER_PLAN_VERBOSE",
    "TL_ENABLE_VECTORIZE_PLANNER_VERBOSE", "TL_FORCE_LET_INLINE", "TL_IF_STMT_BINDING_INLINE_REPLAYABLE_BINDS",
    "TL_LAYOUT_COST_MODEL", "TL_LAYOUT_VISUALIZATION_ENABLE", "TL_LAYOUT_VISUALIZATION_FORMATS",
    "TL_LOOP_UNSWITCHING_ALLOW_NON_TRIVIAL_ELSE", "TL_PASS_PROFILE", "TL_PASS_PROFILE_THRESHOLD_MS",
    "TL_PTXAS_REGISTER_USAGE_LEVEL", "TL_REDUCER_FORCE_BASELINE", "TL_SIMPLIFY",
    "TL_SIMPLIFY_APPLY_CONSTRAINTS_TO_BOOLEAN_BRANCHES", "TL_SIMPLIFY_CONVERT_BOOLEAN_TO_AND_OF_ORS",
    "TL_SIMPLIFY_ENABLE_LET_INLINE", "TL_SIMPLIFY_PROPAGATE_KNOWNS_TO_PROVE_CONDITIONAL",
    "TL_SIMPLIFY_PROPAGATE_KNOWNS_TO_SIMPLIFY_EXPRESSIONS", "TL_SIMPLIFY_TRANSITIVELY_PROVE_INEQUALITIES",
    "TL_STORAGE_REWRITE_DETECT_INPLACE",
  ]
}
