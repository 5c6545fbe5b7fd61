# fixture: target=sm_80,sm_90,sm_100
# Copy offsets built from integers known only at run time: an element of a `local` buffer (`s[0]`, Stream-K's
# `start_iter[0]`), a `T.alloc_var` rebound with `T.if_then_else` (a grouped GEMM's batch index), or a slice start
# computed from one. Each such read is a run-time symbol, so `(k + s[0]) * 32` stays a multiple of 32 and a row index
# times the row stride stays aligned: the compiler proves the offsets aligned and the loads are cp.async 128 bits
# (sm_80) or TMA (sm_90, sm_100), as for an integer loaded from a global tensor. Checked with tilelang 0.1.15.
import tilelang.language as T


def frag_local(M=1024, K=256):
    @T.prim_func
    def main(A: T.Tensor((M, K), T.float16), Idx: T.Tensor((8,), T.int32), C: T.Tensor((64, K), T.float16)):
        with T.Kernel(8, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), T.float16)
            s = T.alloc_fragment((1,), T.int32, "local")
            s[0] = Idx[bx]
            for k in T.Pipelined(2, num_stages=2):
                T.copy(A[0, (k + s[0]) * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(A_s, C[0, k * 32])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store
    return main


def alloc_local(M=1024, K=256):
    @T.prim_func
    def main(A: T.Tensor((M, K), T.float16), Idx: T.Tensor((8,), T.int32), C: T.Tensor((64, K), T.float16)):
        with T.Kernel(8, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), T.float16)
            s = T.alloc_local((1,), T.int32)
            s[0] = Idx[bx]
            for k in T.Pipelined(2, num_stages=2):
                T.copy(A[0, (k + s[0]) * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(A_s, C[0, k * 32])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store
    return main


def var_ite(K=256, N=256):
    @T.prim_func
    def main(B: T.Tensor((4, K, N), T.float16), Off: T.Tensor((4,), T.int32), C: T.Tensor((K, N), T.float16)):
        with T.Kernel(8, threads=128) as bx:
            B_s = T.alloc_shared((32, 64), T.float16)
            v = T.alloc_var(dtype=T.int32)
            for i in range(4):
                v = T.if_then_else(bx * 64 >= Off[i], i, v)
            for k in T.Pipelined(2, num_stages=2):
                T.copy(B[v, k * 32 : (k + 1) * 32, 0:64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B_s, C[k * 32, 0])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store
    return main


def slice_var_ite(M=1024, K=256):
    @T.prim_func
    def main(A: T.Tensor((M, K), T.float16), Off: T.Tensor((4,), T.int32), C: T.Tensor((64, K), T.float16)):
        with T.Kernel(8, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), T.float16)
            v = T.alloc_var(T.int32)
            for i in range(4):
                v = T.if_then_else(bx * 64 >= Off[i], i, v)
            m_start = bx * 64 - Off[v]
            for k in T.Pipelined(2, num_stages=2):
                T.copy(A[m_start : m_start + 64, k * 32 : (k + 1) * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(A_s, C[0, k * 32])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store
    return main


def var_load(K=256, N=256):
    @T.prim_func
    def main(B: T.Tensor((4, K, N), T.float16), Idx: T.Tensor((8,), T.int32), C: T.Tensor((K, N), T.float16)):
        with T.Kernel(8, threads=128) as bx:
            B_s = T.alloc_shared((32, 64), T.float16)
            v = T.alloc_var(T.int32)
            v = Idx[bx]
            for k in T.Pipelined(2, num_stages=2):
                T.copy(B[v, k * 32 : (k + 1) * 32, 0:64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B_s, C[k * 32, 0])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store
    return main


if __name__ == "__main__":
    frag_local()
    alloc_local()
    var_ite()
    slice_var_ite()
    var_load()
