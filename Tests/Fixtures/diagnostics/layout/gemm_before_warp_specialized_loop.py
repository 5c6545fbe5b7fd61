# fixture: target=sm_80,sm_90,sm_100
# TL414 for a gemm before a warp-specialised loop: on sm_90/sm_100 warp specialisation adds a producer warpgroup of
# 128 threads, and the statements before the loop run over all of them, so a 64×64 accumulator over 256 + 128
# threads (12 warps) has no warp partition ("No valid warp partition for T.gemm"). 128 threads (8 warps), a gemm
# after the loop, and a loop with disable_tma (no warp specialisation) build; 384 threads fail everywhere.
import tilelang.language as T


def k_f32_256(BS=64, DV=128, block_DV=64, threads=256, num_stages=3):
    @T.prim_func
    def kernel(
        Akk: T.Tensor((BS, BS), "float32"),
        v: T.Tensor((BS, DV), "bfloat16"),
        U: T.Tensor((BS, DV), "bfloat16"),
        W: T.Tensor((BS, BS), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            P_s = T.alloc_shared((BS, BS), "float32")
            Q_s = T.alloc_shared((BS, BS), "float32")
            Ai_s = T.alloc_shared((BS, BS), "bfloat16")
            qp = T.alloc_fragment((BS, BS), "float32")
            T.copy(Akk, Q_s)
            T.copy(Akk, P_s)
            T.gemm(Q_s, P_s, qp, clear_accum=True)
            #                ^^ error TL414: on sm_100 a later T.Pipelined loop is warp-specialised, which adds a producer warpgroup of 128 threads to the block, and this T.gemm before it runs over all 384: its accumulator qp is 64×64, which 12 warps cannot split into pieces of 16 rows × 8 columns, and the compiler fails ("No valid warp partition for T.gemm"); use fewer threads, or the pass config tl.disable_warp_specialized (with BS=64, DV=128, block_DV=64, threads=256, num_stages=3 (defaults))
            #                ^^ error TL414: on sm_90 a later T.Pipelined loop is warp-specialised, which adds a producer warpgroup of 128 threads to the block, and this T.gemm before it runs over all 384: its accumulator qp is 64×64, which 12 warps cannot split into pieces of 16 rows × 8 columns, and the compiler fails ("No valid warp partition for T.gemm"); use fewer threads, or the pass config tl.disable_warp_specialized (with BS=64, DV=128, block_DV=64, threads=256, num_stages=3 (defaults))
            T.copy(qp, Ai_s)
            v_s = T.alloc_shared((BS, block_DV), "bfloat16")
            out_v = T.alloc_fragment((BS, block_DV), "float32")
            for i_v in T.Pipelined(T.ceildiv(DV, block_DV), num_stages=num_stages):
                T.copy(v[:, i_v * block_DV:(i_v + 1) * block_DV], v_s)
                T.gemm(Ai_s, v_s, out_v, clear_accum=True)
                T.copy(out_v, U[:, i_v * block_DV:(i_v + 1) * block_DV])


    return kernel

def k_f32_128(BS=64, DV=128, block_DV=64, threads=128, num_stages=3):
    @T.prim_func
    def kernel(
        Akk: T.Tensor((BS, BS), "float32"),
        v: T.Tensor((BS, DV), "bfloat16"),
        U: T.Tensor((BS, DV), "bfloat16"),
        W: T.Tensor((BS, BS), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            P_s = T.alloc_shared((BS, BS), "float32")
            Q_s = T.alloc_shared((BS, BS), "float32")
            Ai_s = T.alloc_shared((BS, BS), "bfloat16")
            qp = T.alloc_fragment((BS, BS), "float32")
            T.copy(Akk, Q_s)
            T.copy(Akk, P_s)
            T.gemm(Q_s, P_s, qp, clear_accum=True)
            T.copy(qp, Ai_s)
            v_s = T.alloc_shared((BS, block_DV), "bfloat16")
            out_v = T.alloc_fragment((BS, block_DV), "float32")
            for i_v in T.Pipelined(T.ceildiv(DV, block_DV), num_stages=num_stages):
                T.copy(v[:, i_v * block_DV:(i_v + 1) * block_DV], v_s)
                T.gemm(Ai_s, v_s, out_v, clear_accum=True)
                T.copy(out_v, U[:, i_v * block_DV:(i_v + 1) * block_DV])


    return kernel

def k_post_256(BS=64, DV=128, block_DV=64, threads=256, num_stages=3):
    @T.prim_func
    def kernel(
        Akk: T.Tensor((BS, BS), "float32"),
        v: T.Tensor((BS, DV), "bfloat16"),
        U: T.Tensor((BS, DV), "bfloat16"),
        W: T.Tensor((BS, BS), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            P_s = T.alloc_shared((BS, BS), "float32")
            Q_s = T.alloc_shared((BS, BS), "float32")
            Ai_s = T.alloc_shared((BS, BS), "bfloat16")
            qp = T.alloc_fragment((BS, BS), "float32")
            T.copy(Akk, Q_s)
            T.copy(Akk, P_s)
            T.clear(qp)
            T.copy(qp, Ai_s)
            v_s = T.alloc_shared((BS, block_DV), "bfloat16")
            out_v = T.alloc_fragment((BS, block_DV), "float32")
            for i_v in T.Pipelined(T.ceildiv(DV, block_DV), num_stages=num_stages):
                T.copy(v[:, i_v * block_DV:(i_v + 1) * block_DV], v_s)
                T.gemm(Ai_s, v_s, out_v, clear_accum=True)
                T.copy(out_v, U[:, i_v * block_DV:(i_v + 1) * block_DV])
            T.gemm(Q_s, P_s, qp, clear_accum=True)
            T.copy(qp, W)

    return kernel

def k_bf16_256(BS=64, DV=128, block_DV=64, threads=256, num_stages=3):
    @T.prim_func
    def kernel(
        Akk: T.Tensor((BS, BS), "bfloat16"),
        v: T.Tensor((BS, DV), "bfloat16"),
        U: T.Tensor((BS, DV), "bfloat16"),
        W: T.Tensor((BS, BS), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            P_s = T.alloc_shared((BS, BS), "bfloat16")
            Q_s = T.alloc_shared((BS, BS), "bfloat16")
            Ai_s = T.alloc_shared((BS, BS), "bfloat16")
            qp = T.alloc_fragment((BS, BS), "float32")
            T.copy(Akk, Q_s)
            T.copy(Akk, P_s)
            T.gemm(Q_s, P_s, qp, clear_accum=True)
            #                ^^ error TL414: on sm_100 a later T.Pipelined loop is warp-specialised, which adds a producer warpgroup of 128 threads to the block, and this T.gemm before it runs over all 384: its accumulator qp is 64×64, which 12 warps cannot split into pieces of 16 rows × 8 columns, and the compiler fails ("No valid warp partition for T.gemm"); use fewer threads, or the pass config tl.disable_warp_specialized (with BS=64, DV=128, block_DV=64, threads=256, num_stages=3 (defaults))
            #                ^^ error TL414: on sm_90 a later T.Pipelined loop is warp-specialised, which adds a producer warpgroup of 128 threads to the block, and this T.gemm before it runs over all 384: its accumulator qp is 64×64, which 12 warps cannot split into pieces of 16 rows × 8 columns, and the compiler fails ("No valid warp partition for T.gemm"); use fewer threads, or the pass config tl.disable_warp_specialized (with BS=64, DV=128, block_DV=64, threads=256, num_stages=3 (defaults))
            T.copy(qp, Ai_s)
            v_s = T.alloc_shared((BS, block_DV), "bfloat16")
            out_v = T.alloc_fragment((BS, block_DV), "float32")
            for i_v in T.Pipelined(T.ceildiv(DV, block_DV), num_stages=num_stages):
                T.copy(v[:, i_v * block_DV:(i_v + 1) * block_DV], v_s)
                T.gemm(Ai_s, v_s, out_v, clear_accum=True)
                T.copy(out_v, U[:, i_v * block_DV:(i_v + 1) * block_DV])


    return kernel

def k_notma_256(BS=64, DV=128, block_DV=64, threads=256, num_stages=3):
    @T.prim_func
    def kernel(
        Akk: T.Tensor((BS, BS), "float32"),
        v: T.Tensor((BS, DV), "bfloat16"),
        U: T.Tensor((BS, DV), "bfloat16"),
        W: T.Tensor((BS, BS), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            P_s = T.alloc_shared((BS, BS), "float32")
            Q_s = T.alloc_shared((BS, BS), "float32")
            Ai_s = T.alloc_shared((BS, BS), "bfloat16")
            qp = T.alloc_fragment((BS, BS), "float32")
            T.copy(Akk, Q_s)
            T.copy(Akk, P_s)
            T.gemm(Q_s, P_s, qp, clear_accum=True)
            T.copy(qp, Ai_s)
            v_s = T.alloc_shared((BS, block_DV), "bfloat16")
            out_v = T.alloc_fragment((BS, block_DV), "float32")
            for i_v in T.Pipelined(T.ceildiv(DV, block_DV), num_stages=num_stages):
                T.copy(v[:, i_v * block_DV:(i_v + 1) * block_DV], v_s, disable_tma=True)
                T.gemm(Ai_s, v_s, out_v, clear_accum=True)
                T.copy(out_v, U[:, i_v * block_DV:(i_v + 1) * block_DV])


    return kernel

def k_f32_384(BS=64, DV=128, block_DV=64, threads=384, num_stages=3):
    @T.prim_func
    def kernel(
        Akk: T.Tensor((BS, BS), "float32"),
        v: T.Tensor((BS, DV), "bfloat16"),
        U: T.Tensor((BS, DV), "bfloat16"),
        W: T.Tensor((BS, BS), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            P_s = T.alloc_shared((BS, BS), "float32")
            Q_s = T.alloc_shared((BS, BS), "float32")
            Ai_s = T.alloc_shared((BS, BS), "bfloat16")
            qp = T.alloc_fragment((BS, BS), "float32")
            T.copy(Akk, Q_s)
            T.copy(Akk, P_s)
            T.gemm(Q_s, P_s, qp, clear_accum=True)
            #                ^^ error TL414: T.gemm's accumulator qp is 64×64, which 12 warps cannot split into pieces of 16 rows × 8 columns: the compiler fails ("No valid warp partition for T.gemm"); use a larger tile or fewer threads (with BS=64, DV=128, block_DV=64, threads=384, num_stages=3 (defaults))
            T.copy(qp, Ai_s)
            v_s = T.alloc_shared((BS, block_DV), "bfloat16")
            out_v = T.alloc_fragment((BS, block_DV), "float32")
            for i_v in T.Pipelined(T.ceildiv(DV, block_DV), num_stages=num_stages):
                T.copy(v[:, i_v * block_DV:(i_v + 1) * block_DV], v_s)
                T.gemm(Ai_s, v_s, out_v, clear_accum=True)
                #                 ^^^^^ error TL414: T.gemm's accumulator out_v is 64×64, which 12 warps cannot split into pieces of 16 rows × 8 columns: the compiler fails ("No valid warp partition for T.gemm"); use a larger tile or fewer threads (with BS=64, DV=128, block_DV=64, threads=384, num_stages=3 (defaults))
                T.copy(out_v, U[:, i_v * block_DV:(i_v + 1) * block_DV])


    return kernel

def k_bf16_128(BS=64, DV=128, block_DV=64, threads=128, num_stages=3):
    @T.prim_func
    def kernel(
        Akk: T.Tensor((BS, BS), "bfloat16"),
        v: T.Tensor((BS, DV), "bfloat16"),
        U: T.Tensor((BS, DV), "bfloat16"),
        W: T.Tensor((BS, BS), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            P_s = T.alloc_shared((BS, BS), "bfloat16")
            Q_s = T.alloc_shared((BS, BS), "bfloat16")
            Ai_s = T.alloc_shared((BS, BS), "bfloat16")
            qp = T.alloc_fragment((BS, BS), "float32")
            T.copy(Akk, Q_s)
            T.copy(Akk, P_s)
            T.gemm(Q_s, P_s, qp, clear_accum=True)
            T.copy(qp, Ai_s)
            v_s = T.alloc_shared((BS, block_DV), "bfloat16")
            out_v = T.alloc_fragment((BS, block_DV), "float32")
            for i_v in T.Pipelined(T.ceildiv(DV, block_DV), num_stages=num_stages):
                T.copy(v[:, i_v * block_DV:(i_v + 1) * block_DV], v_s)
                T.gemm(Ai_s, v_s, out_v, clear_accum=True)
                T.copy(out_v, U[:, i_v * block_DV:(i_v + 1) * block_DV])


    return kernel

if __name__ == "__main__":
    k_f32_256()
    k_f32_128()
    k_post_256()
    k_bf16_256()
    k_notma_256()
    k_f32_384()
    k_bf16_128()
