# fixture: target=sm_80,sm_90
# TVM's own variables declare run-time sizes as T.dynamic does: a buffer dimension from `tvm.te.var("kv_len")` (vLLM's
# MLA decode) leaves the file's kernels sized, so TL212 judges the pipelined loop whose trip count is loaded at run
# time (sm_80: "Downcast from tirx.Sub to ir.IntImm failed"; sm_90 builds).
import tilelang.language as T
from tilelang import tvm as tvm


def kern(B=4, D=128, block_N=64, block_H=64, dtype="float16"):
    N = tvm.te.var("kv_len")

    @T.prim_func
    def main(Q: T.Tensor((B, block_H, D), dtype), K: T.Tensor((N, D), dtype), V: T.Tensor((N, D), dtype),
             SEQ: T.Tensor((B,), "int32"), O: T.Tensor((B, block_H, D), dtype)):
        with T.Kernel(B, threads=128) as bx:
            Q_shared = T.alloc_shared([block_H, D], dtype)
            K_shared = T.alloc_shared([block_N, D], dtype)
            V_shared = T.alloc_shared([block_N, D], dtype)
            acc_s = T.alloc_fragment([block_H, block_N], "float")
            acc_s_cast = T.alloc_fragment([block_H, block_N], dtype)
            acc_o = T.alloc_fragment([block_H, D], "float")
            T.copy(Q[bx, 0, 0], Q_shared)
            T.clear(acc_o)
            loop_range = T.ceildiv(SEQ[bx], block_N)
            for k in T.Pipelined(loop_range, num_stages=2):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (SEQ[bx] + 63) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with B=4, D=128, block_N=64, block_H=64, dtype="float16" (defaults))
                T.copy(K[k * block_N, 0], K_shared)
                T.clear(acc_s)
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(acc_s, acc_s_cast)
                T.copy(V[k * block_N, 0], V_shared)
                T.gemm(acc_s_cast, V_shared, acc_o, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc_o, O[bx, 0, 0])

    return main


if __name__ == "__main__":
    kern()
