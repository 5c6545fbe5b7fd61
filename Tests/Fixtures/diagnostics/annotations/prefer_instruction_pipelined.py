# fixture: target=sm_80,sm_90
# TL202: prefer_instruction on a load that the software pipeline issues with cp.async has no effect (sm_80, and sm_90
# when no load of the loop is a TMA producer). Near misses: a warp-specialised sm_90 loop honours "sync", and a loop
# nothing reads in is not pipelined; "cp_async" is what the pipeline does anyway.
import tilelang.language as T


def sync_in_pipeline(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), B: T.Tensor((K, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s, prefer_instruction="sync")
                #                                                  ^^^^^^ warning TL202: prefer_instruction="sync" has no effect: this load is a stage of the software-pipelined T.Pipelined loop, which issues it with cp.async [sm_80]
                T.copy(B[k * 32, bx * 64], B_s)
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64])

    return main


def no_tma_producer(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), B: T.Tensor((K, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s, annotations={"prefer_instruction": "sync"})
                #                                                                  ^^^^^^ warning TL202: prefer_instruction="sync" has no effect: this load is a stage of the software-pipelined T.Pipelined loop, which issues it with cp.async [sm_80]
                #                                                                  ^^^^^^ warning TL202: prefer_instruction="sync" has no effect: this load is a stage of the software-pipelined T.Pipelined loop, which issues it with cp.async [sm_90]
                T.copy(B[k * 32, bx * 64], B_s, prefer_instruction="cp_async")
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64])

    return main


def not_pipelined(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), C: T.Tensor((512, K), "float16")):
        with T.Kernel(8, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), "float16")
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[bx * 64, k * 32], A_s, prefer_instruction="sync")
            T.copy(A_s, C[bx * 64, 0])

    return main


if __name__ == "__main__":
    sync_in_pipeline(512)
    no_tma_producer(512)
    not_pipelined(512)
