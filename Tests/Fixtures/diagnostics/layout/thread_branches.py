# fixture: target=sm_80,sm_90,sm_100
# Tile ops are spread over the threads of threadIdx.x that hold where they sit: layout inference bounds threadIdx.x
# under the enclosing `if`s on it (`tx < 128`, the `else` of `tx >= 128`) and `T.ws(...)` scopes, so a 64×64 gemm
# under `if tx < 128` in a 384-thread block runs on 4 warps (the block's 12 could not split it), and a 2-D block
# `threads=(32, 32)` gives tile ops 32 threads. Under `if tx < 384` in a 512-thread block the gemm still gets 12 warps.
import tilelang.language as T


def gemm_under_thread_branch():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(16, 16, threads=384) as (bx, by):
            A_s = T.alloc_shared((64, 64), "float16")
            B_s = T.alloc_shared((64, 64), "float16")
            C_l = T.alloc_fragment((64, 64), "float32")
            tx = T.get_thread_binding()
            T.copy(A[by * 64, 0], A_s)
            T.copy(B[bx * 64, 0], B_s)
            if tx < 128:
                T.clear(C_l)
                T.gemm(A_s, B_s, C_l, transpose_B=True)
                T.copy(C_l, C[by * 64, bx * 64])

    return main


def gemm_in_else_branch():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(16, 16, threads=384) as (bx, by):
            A_s = T.alloc_shared((64, 64), "float16")
            B_s = T.alloc_shared((64, 64), "float16")
            C_l = T.alloc_fragment((64, 64), "float32")
            tx = T.get_thread_binding()
            T.copy(A[by * 64, 0], A_s)
            T.copy(B[bx * 64, 0], B_s)
            if tx >= 128:
                T.clear(A_s)
            else:
                T.clear(C_l)
                T.gemm(A_s, B_s, C_l, transpose_B=True)
                T.copy(C_l, C[by * 64, bx * 64])

    return main


def gemm_in_warp_group():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(16, 16, threads=384) as (bx, by):
            A_s = T.alloc_shared((64, 64), "float16")
            B_s = T.alloc_shared((64, 64), "float16")
            C_l = T.alloc_fragment((64, 64), "float32")
            T.copy(A[by * 64, 0], A_s)
            T.copy(B[bx * 64, 0], B_s)
            with T.ws(0):
                T.clear(C_l)
                T.gemm(A_s, B_s, C_l, transpose_B=True)
                T.copy(C_l, C[by * 64, bx * 64])

    return main


def gemm_on_twelve_warps():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(16, 16, threads=512) as (bx, by):
            A_s = T.alloc_shared((64, 64), "float16")
            B_s = T.alloc_shared((64, 64), "float16")
            C_l = T.alloc_fragment((64, 64), "float32")
            tx = T.get_thread_binding()
            T.copy(A[by * 64, 0], A_s)
            T.copy(B[bx * 64, 0], B_s)
            if tx < 384:
                T.clear(C_l)
                T.gemm(A_s, B_s, C_l, transpose_B=True)
                #                ^^^ error TL414: T.gemm's accumulator C_l is 64×64, which 12 warps cannot split into pieces of 16 rows × 8 columns: the compiler fails ("No valid warp partition for T.gemm"); use a larger tile or fewer threads
                T.copy(C_l, C[by * 64, bx * 64])

    return main


def reduce_under_thread_branch():
    @T.prim_func
    def main(A: T.Tensor((1024, 256), "float32"), S: T.Tensor((1024,), "float32")):
        with T.Kernel(16, threads=384) as bx:
            f = T.alloc_fragment((64, 256), "float32")
            s = T.alloc_fragment((64,), "float32")
            tx = T.get_thread_binding()
            if tx < 128:
                T.copy(A[bx * 64, 0], f)
                T.reduce_sum(f, s, dim=1)
                T.copy(s, S[bx * 64])

    return main


def two_dimensional_block():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(16, 16, threads=(32, 32)) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_l = T.alloc_fragment((64, 64), "float32")
            T.clear(C_l)
            for k in T.Pipelined(32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s)
                T.copy(B[k * 32, bx * 64], B_s)
                T.gemm(A_s, B_s, C_l)
            T.copy(C_l, C[by * 64, bx * 64])

    return main


if __name__ == "__main__":
    gemm_under_thread_branch()
    gemm_in_else_branch()
    gemm_in_warp_group()
    gemm_on_twelve_warps()
    reduce_under_thread_branch()
    two_dimensional_block()
