# fixture: target=sm_80,sm_90
# TL216: a hand-written schedule (`order=` with `stage=`) that the software pipeliner rejects. A statement that is not
# itself a copy may read the tiles of async copies (lone global -> shared copies) placed in one stage only:
# stage=[0, 1, 1] makes the gemm wait on the copies of stages 0 and 1 ("A dependency on multiple async stages is not
# supported"); and no statement may read a tile an earlier copy fills in a later stage (stage=[1, 1, 0]). Near misses
# (checked with tilelang 0.1.15): both copies in one stage ([0, 0, 1], [1, 1, 1]), a copy under an `if` (not async),
# consumers that each read one stage's tile, and sm_90, where warp specialisation replaces the pipeliner when the loop
# has num_stages (without it the software pipeliner fails there too). And stage= must have one entry per statement of
# the body, and so must order=: 4 entries over 3 statements, or an order= of 2, fail on both targets (T.Parallel loads:
# no warp specialisation on sm_90).
import tilelang
import tilelang.language as T


def scheduled_gemm(M, N, K, stage):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(K // 32, num_stages=4, order=[0, 1, 2], stage=stage):
            #                                                                  ^^^^^ error TL216: the statement on line 28 (stage 1) reads tiles that async copies fill in different stages, A_s (line 26, stage 0) and B_s (line 27, stage 1): on sm_80 the software pipeliner waits on one async stage per statement and fails ("A dependency on multiple async stages is not supported"); put those copies in the same stage (with M=1024, N=1024, K=1024, stage=[0, 1, 1] from line 116)
            #                                                                  ^^^^^ error TL216: the statement on line 28 is in stage 0 but reads A_s, which the copy on line 26 fills in the later stage 1: the software pipeliner rejects the schedule ("cannot depends on statement ... in a later stage"); give the reader a stage of at least 1 (with M=1024, N=1024, K=1024, stage=[1, 1, 0] from line 119)
                T.copy(A[by * 128, k * 32], A_s)
                T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


def unstaged_gemm(M, N, K):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(K // 32, order=[0, 1, 2], stage=[0, 1, 1]):
            #                                                    ^^^^^^^^^ error TL216: the statement on line 47 (stage 1) reads tiles that async copies fill in different stages, A_s (line 45, stage 0) and B_s (line 46, stage 1): on sm_80 the software pipeliner waits on one async stage per statement and fails ("A dependency on multiple async stages is not supported"); put those copies in the same stage
            #                                                    ^^^^^^^^^ error TL216: the statement on line 47 (stage 1) reads tiles that async copies fill in different stages, A_s (line 45, stage 0) and B_s (line 46, stage 1): on sm_90 the software pipeliner waits on one async stage per statement and fails ("A dependency on multiple async stages is not supported"); put those copies in the same stage
                T.copy(A[by * 128, k * 32], A_s)
                T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


def guarded_copy_gemm(M, N, K):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(K // 32, num_stages=3, order=[0, 1, 2], stage=[0, 1, 1]):
                T.copy(A[by * 128, k * 32], A_s)
                if bx > 0:
                    T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


def split_consumers(M, N, K):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            W_s = T.alloc_shared((128, 32), "float16")
            B_f = T.alloc_fragment((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(K // 32, num_stages=3, order=[0, 1, 2, 3], stage=[0, 1, 1, 1]):
                T.copy(A[by * 128, k * 32], A_s)
                T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, W_s, acc, transpose_B=True)
                T.copy(B_s, B_f)
            T.copy(acc, C[by * 128, bx * 128])

    return main



def schedule_list_lengths(M, N, K, order, stage, num_stages=2, bM=128, bN=128, bK=32, threads=128):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, bN), T.ceildiv(M, bM), threads=threads) as (bx, by):
            A_s = T.alloc_shared((bM, bK), "float16")
            B_s = T.alloc_shared((bK, bN), "float16")
            C_l = T.alloc_fragment((bM, bN), "float32")
            T.clear(C_l)
            for k in T.Pipelined(T.ceildiv(K, bK), num_stages=num_stages, order=order, stage=stage):
            #                                                                                ^^^^^ error TL216: order= and stage= give each statement of the loop body its place, but order= has 2 entries and the body has 3 statements: on sm_80 the software pipeliner fails ("PipelinePlanning: expected pipeline annotation size to match the scheduled statement count ... (2 vs. 3)"); give one entry per statement (with M=1024, N=1024, K=1024, order=[0, 1], stage=[0, 0, 1], num_stages=2, bM=128, bN=128, bK=32, threads=128 from line 125)
            #                                                                                ^^^^^ error TL216: order= and stage= give each statement of the loop body its place, but order= has 2 entries and the body has 3 statements: on sm_90 the software pipeliner fails ("PipelinePlanning: expected pipeline annotation size to match the scheduled statement count ... (2 vs. 3)"); give one entry per statement (with M=1024, N=1024, K=1024, order=[0, 1], stage=[0, 0, 1], num_stages=2, bM=128, bN=128, bK=32, threads=128 from line 125)
            #                                                                                ^^^^^ error TL216: order= and stage= give each statement of the loop body its place, but stage= has 4 entries and the body has 3 statements: on sm_80 the software pipeliner fails ("PipelinePlanning: expected pipeline annotation size to match the scheduled statement count ... (4 vs. 3)"); give one entry per statement (with M=1024, N=1024, K=1024, order=[0, 1, 2, 3], stage=[0, 0, 1, 1], num_stages=2, bM=128, bN=128, bK=32, threads=128 from line 124)
            #                                                                                ^^^^^ error TL216: order= and stage= give each statement of the loop body its place, but stage= has 4 entries and the body has 3 statements: on sm_90 the software pipeliner fails ("PipelinePlanning: expected pipeline annotation size to match the scheduled statement count ... (4 vs. 3)"); give one entry per statement (with M=1024, N=1024, K=1024, order=[0, 1, 2, 3], stage=[0, 0, 1, 1], num_stages=2, bM=128, bN=128, bK=32, threads=128 from line 124)
                for i, j in T.Parallel(bM, bK):
                    A_s[i, j] = A[by * bM + i, k * bK + j]
                for i, j in T.Parallel(bK, bN):
                    B_s[i, j] = B[k * bK + i, bx * bN + j]
                T.gemm(A_s, B_s, C_l)
            T.copy(C_l, C[by * bM, bx * bN])

    return main


if __name__ == "__main__":
    scheduled_gemm(1024, 1024, 1024, [0, 1, 1])
    scheduled_gemm(1024, 1024, 1024, [0, 0, 1])
    scheduled_gemm(1024, 1024, 1024, [1, 1, 1])
    scheduled_gemm(1024, 1024, 1024, [1, 1, 0])
    unstaged_gemm(1024, 1024, 1024)
    guarded_copy_gemm(1024, 1024, 1024)
    split_consumers(1024, 1024, 1024)
    schedule_list_lengths(1024, 1024, 1024, [0, 1, 2], [0, 0, 1])
    schedule_list_lengths(1024, 1024, 1024, [0, 1, 2, 3], [0, 0, 1, 1])
    schedule_list_lengths(1024, 1024, 1024, [0, 1], [0, 0, 1])
