# fixture: target=sm_80,sm_90
# TL218 for an allocation whose dtype argument is a Python number: `T.alloc_shared(block_M, block_N)` spreads the
# shape over two arguments, and the buffer builder fails on every target ("TypeError: Mismatched type on argument #1
# ... Expected `DataType` but got `int`").
import tilelang.language as T


def spread_shape(N=1024, block_M=64, block_N=64):
    @T.prim_func
    def main(A: T.Tensor((N,), "float16"), B: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, block_M), threads=128) as bx:
            A_shared = T.alloc_shared(block_M, block_N)
            #                                  ^^^^^^^ error TL218: T.alloc_shared's dtype is block_N, a Python int: building the kernel fails on every target (TypeError: Mismatched type on argument #1 ... Expected `DataType` but got `int`); pass the shape as one tuple, `T.alloc_shared((...), dtype)`
            T.copy(A[bx * block_M : (bx + 1) * block_M], A_shared)
            T.copy(A_shared, B[bx * block_M : (bx + 1) * block_M])

    return main


def keyword_dtype(N=1024, block_M=64):
    @T.prim_func
    def main(A: T.Tensor((N,), "float16"), B: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, block_M), threads=128) as bx:
            A_frag = T.alloc_fragment((block_M,), dtype=2)
            #                                     ^^^^^^^ error TL218: T.alloc_fragment's dtype is 2, a Python int: building the kernel fails on every target (TypeError: Mismatched type on argument #1 ... Expected `DataType` but got `int`); pass the shape as one tuple, `T.alloc_fragment((...), dtype)`
            T.copy(A[bx * block_M : (bx + 1) * block_M], A_frag)
            T.copy(A_frag, B[bx * block_M : (bx + 1) * block_M])

    return main


def tuple_shape(N=1024, block_M=64):
    @T.prim_func
    def main(A: T.Tensor((N,), "float16"), B: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, block_M), threads=128) as bx:
            A_shared = T.alloc_shared((block_M,), T.float16)
            T.copy(A[bx * block_M : (bx + 1) * block_M], A_shared)
            T.copy(A_shared, B[bx * block_M : (bx + 1) * block_M])

    return main


if __name__ == "__main__":
    spread_shape()
    keyword_dtype()
    tuple_shape()
