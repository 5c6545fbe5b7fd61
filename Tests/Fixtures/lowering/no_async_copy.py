# fixture: target=sm_80,sm_90 pass-config=tirx.use_async_copy=false
# With tirx.use_async_copy=False the pipeline does not make its copies asynchronous: SIMT uint4 on sm_80
# (warp specialisation still issues TMA on sm_90).
import tilelang.language as T


def gemm():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(32, num_stages=3):
                T.copy(A[by * 128, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[k * 32, bx * 128], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 128, bx * 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


if __name__ == "__main__":
    gemm()
