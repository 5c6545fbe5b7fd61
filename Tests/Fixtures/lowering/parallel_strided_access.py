# fixture: target=sm_80,sm_90,sm_100
# A T.Parallel loop that lays a fragment out plans its runs with the loop's vectorizer, which cannot make a vector of
# a global or shared access that moves by a constant stride other than one element along the innermost variable (a
# transposing read S[j, i] or A[.. + j, .. + i], a stride-2 read S[i, 2 * j], one such access among contiguous
# ones): the loop runs 1 lane, so every later copy of the fragment is scalar, into global or shared memory. A
# broadcast load (invariant in j) does not limit it, and a loop that follows a copy's layout keeps that copy's runs
# (checked with tilelang 0.1.15; sweep E).
import tilelang.language as T


def tr_global(M, N, b, dtype):
    @T.prim_func
    def main(A: T.Tensor((M, N), dtype), B: T.Tensor((N, M), dtype)):
        with T.Kernel(T.ceildiv(N, b), T.ceildiv(M, b), threads=128) as (bx, by):
            F = T.alloc_fragment((b, b), dtype)
            for i, j in T.Parallel(b, b):
                F[i, j] = A[by * b + j, bx * b + i]
            T.copy(F, B[bx * b, by * b])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b

    return main


def stride2(M, N, b, dtype):
    @T.prim_func
    def main(A: T.Tensor((M, N), dtype), B: T.Tensor((M, N // 2), dtype)):
        with T.Kernel(T.ceildiv(M, b), threads=128) as bx:
            S = T.alloc_shared((b, 2 * b), dtype)
            F = T.alloc_fragment((b, b), dtype)
            T.copy(A[bx * b, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(b, b):
                F[i, j] = S[i, 2 * j]
            T.copy(F, B[bx * b, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b

    return main


def mixed(M, b, dtype):
    @T.prim_func
    def main(A: T.Tensor((M, b), dtype), B: T.Tensor((M, b), dtype)):
        with T.Kernel(T.ceildiv(M, b), threads=128) as bx:
            S = T.alloc_shared((b, b), dtype)
            F = T.alloc_fragment((b, b), dtype)
            T.copy(A[bx * b, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(b, b):
                F[i, j] = S[i, j] + S[j, i]
            T.copy(F, B[bx * b, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def to_shared(M, b, dtype):
    @T.prim_func
    def main(A: T.Tensor((M, b), dtype), B: T.Tensor((M, b), dtype)):
        with T.Kernel(T.ceildiv(M, b), threads=128) as bx:
            S = T.alloc_shared((b, b), dtype)
            F = T.alloc_fragment((b, b), dtype)
            S2 = T.alloc_shared((b, b), dtype)
            T.copy(A[bx * b, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(b, b):
                F[i, j] = S[j, i]
            T.copy(F, S2)
          # ^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^ lowering sm_90: simt 16b
            T.copy(S2, B[bx * b, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: bulk_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_store

    return main


def copy_first(M, b, dtype):
    @T.prim_func
    def main(A: T.Tensor((M, b), dtype), B: T.Tensor((M, b), dtype)):
        with T.Kernel(T.ceildiv(M, b), threads=128) as bx:
            S = T.alloc_shared((b, b), dtype)
            F = T.alloc_fragment((b, b), dtype)
            T.copy(A[bx * b, 0], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(A[bx * b, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(b, b):
                F[i, j] = F[i, j] + S[j, i]
            T.copy(F, B[bx * b, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def bcast(M, b, dtype):
    @T.prim_func
    def main(A: T.Tensor((M, b), dtype), v: T.Tensor((M,), dtype), B: T.Tensor((M, b), dtype)):
        with T.Kernel(T.ceildiv(M, b), threads=128) as bx:
            F = T.alloc_fragment((b, b), dtype)
            for i, j in T.Parallel(b, b):
                F[i, j] = A[bx * b + i, j] * v[bx * b + i]
            T.copy(F, B[bx * b, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


if __name__ == "__main__":
    tr_global(1024, 1024, 64, "float16")
    stride2(1024, 256, 64, "float16")
    mixed(1024, 64, "float32")
    to_shared(1024, 64, "float16")
    copy_first(1024, 64, "float16")
    bcast(1024, 64, "float16")
