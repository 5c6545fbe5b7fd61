# fixture: target=sm_80,sm_90
# TL401: three 64 KiB stages of a pipelined tile exceed sm_80's 163 KiB and sm_90's 227 KiB; two stages fit sm_90.
import tilelang.language as T


def pipelined(block_M, block_K, stages):
    @T.prim_func
    def main(A: T.Tensor((4096, 4096), "float16"), B: T.Tensor((4096, 4096), "float16")):
        with T.Kernel(8, threads=128) as bx:
        #    ^^^^^^^^^^^^^^^^^^^^^^^^ warning TL401: shared memory peaks at 384 KiB (A_shared 64 KiB × 3 stages, B_shared 64 KiB × 3 stages) live together, over sm_80's 163 KiB per block; the kernel will fail to launch [sm_80] (with block_M=128, block_K=256, stages=3 from line 25)
        #    ^^^^^^^^^^^^^^^^^^^^^^^^ warning TL401: shared memory peaks at 384 KiB (A_shared 64 KiB × 3 stages, B_shared 64 KiB × 3 stages) live together, over sm_90's 227 KiB per block; the kernel will fail to launch [sm_90] (with block_M=128, block_K=256, stages=3 from line 25)
            A_shared = T.alloc_shared((block_M, block_K), "float16")
            B_shared = T.alloc_shared((block_M, block_K), "float16")
            acc = T.alloc_fragment((block_M, block_M), "float32")
            for k in T.Pipelined(T.ceildiv(4096, block_K), num_stages=stages):
                T.copy(A[bx * block_M, k * block_K], A_shared)
                T.copy(B[bx * block_M, k * block_K], B_shared)
                T.gemm(A_shared, B_shared, acc, transpose_B=True)
            T.copy(acc, B[bx * block_M, 0])

    return main


if __name__ == "__main__":
    pipelined(128, 256, 3)
    pipelined(128, 128, 2)
