# fixture: target=sm_80,sm_90
# TL107 and TL108: a subscript with the wrong number of indices, and a slice with a step.
import tilelang.language as T


def missing_index(M, N, block_M):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, block_M), threads=128) as bx:
            S = T.alloc_shared((block_M, N), "float16")
            T.copy(A[bx * block_M], S)
            #        ^^^^^^^^^^^^ error TL107: Buffer A is 2-dimensional (shape=(256, 64)), but 1 index(es) were provided; give exactly 2 (with M=256, N=64, block_M=64 from line 42)
            T.copy(S, B[bx * block_M, 0])

    return main


def stepped(N):
    @T.prim_func
    def main(A: T.Tensor((N,), "float16"), B: T.Tensor((N,), "float16")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((N // 2,), "float16")
            T.copy(A[0:N:2], S)
            #        ^^^^^ error TL108: Buffer slicing with step is not supported: `0:N:2`
            T.copy(S, B[0:N // 2])

    return main


def full_index(M, N, block_M):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, block_M), threads=128) as bx:
            S = T.alloc_shared((block_M, N), "float16")
            T.copy(A[bx * block_M, 0], S)
            T.copy(S, B[bx * block_M:(bx + 1) * block_M, :])

    return main


if __name__ == "__main__":
    missing_index(256, 64, 64)
    stepped(256)
    full_index(256, 64, 64)
