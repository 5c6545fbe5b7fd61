# fixture: target=sm_80,sm_90
# TL216 on `order=` / `stage=` lists over a body of T.macro calls. The front end inlines each macro's statements into
# the loop body, and pipeline planning compares the lists' length with the inlined statements: `loads` expands into
# 2 copies (3 with its `flag` branch), `mma` into 1 gemm, and a Python integer binding (`base`) into nothing, so the
# body has 3 or 4 statements. Lists of another length fail on sm_80; on sm_90 the loop's TMA loads make it
# warp-specialised and its lists are not checked.
import tilelang.language as T


def gemm(order, stage, flag=False):
    M = N = K = 1024
    bM, bN, bK = 128, 128, 32

    @T.macro
    def loads(A, B, A_s, B_s, D_s, k, bx, by):
        base = bK * 1
        T.copy(A[by * bM, k * base], A_s)
        T.copy(B[k * bK, bx * bN], B_s)
        if flag:
            T.copy(A[by * bM, k * bK], D_s)

    @T.macro
    def mma(A_s, B_s, C_l):
        T.gemm(A_s, B_s, C_l)

    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, bN), T.ceildiv(M, bM), threads=128) as (bx, by):
            A_s = T.alloc_shared((bM, bK), "float16")
            B_s = T.alloc_shared((bK, bN), "float16")
            D_s = T.alloc_shared((bM, bK), "float16")
            C_l = T.alloc_fragment((bM, bN), "float32")
            T.clear(C_l)
            for k in T.Pipelined(T.ceildiv(K, bK), num_stages=2, order=order, stage=stage):
            #                                                                       ^^^^^ error TL216: order= and stage= give each statement of the loop body its place, and the front end inlines each T.macro call's statements into the body: stage= has 2 entries but the inlined body has 3 to 4 (bindings may or may not count) statements: on sm_80 the software pipeliner fails ("PipelinePlanning: expected pipeline annotation size to match the scheduled statement count ..."); give one entry per inlined statement (with order=[0, 1], stage=[0, 1], flag=False from line 46)
                loads(A, B, A_s, B_s, D_s, k, bx, by)
                mma(A_s, B_s, C_l)
            T.copy(C_l, C[by * bM, bx * bN])

    return main


if __name__ == "__main__":
    gemm([0, 1, 2], [0, 0, 1])
    gemm([0, 1, 2, 3], [0, 0, 0, 1], flag=True)
    gemm([0, 1], [0, 1])
