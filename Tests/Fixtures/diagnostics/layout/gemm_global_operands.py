# fixture: target=sm_80,sm_90,sm_100
# TL414: T.gemm reads A and B from shared memory or registers and accumulates into a register fragment. A global
# tensor passed as A or B fails gemm lowering on every target ("Unsupported gemm combination, A: global, B: global";
# sm_90 says "... for wgmma ..." when B is shared), and so does a global accumulator ("local_buf D must be a
# fragment, but got global"). The same gemm on shared copies of A and B builds.
import tilelang.language as T


def gemm_global(which):
    @T.prim_func
    def main(A: T.Tensor((128, 64), T.float16), B: T.Tensor((64, 128), T.float16), D: T.Tensor((128, 128), T.float32)):
        with T.Kernel(1, threads=128):
            A_s = T.alloc_shared((128, 64), T.float16)
            B_s = T.alloc_shared((64, 128), T.float16)
            C = T.alloc_fragment((128, 128), T.float32)
            T.copy(A, A_s)
            T.copy(B, B_s)
            if which == "AB":
                T.gemm(A, B, C)
                #      ^ error TL414: T.gemm's A operand A is a global tensor: gemm reads its operands from shared memory or registers, and lowering fails ("Unsupported gemm combination, A: global, B: global"); copy a tile of A into a T.alloc_shared buffer and pass that (with which="AB" from line 38)
            elif which == "A":
                T.gemm(A, B_s, C)
                #      ^ error TL414: T.gemm's A operand A is a global tensor: gemm reads its operands from shared memory or registers, and lowering fails ("Unsupported gemm combination, A: global, B: shared.dyn"); copy a tile of A into a T.alloc_shared buffer and pass that (with which="A" from line 39)
            elif which == "B":
                T.gemm(A_s, B, C)
                #           ^ error TL414: T.gemm's B operand B is a global tensor: gemm reads its operands from shared memory or registers, and lowering fails ("Unsupported gemm combination, A: shared.dyn, B: global"); copy a tile of B into a T.alloc_shared buffer and pass that (with which="B" from line 40)
            elif which == "C":
                T.gemm(A_s, B_s, D)
                #                ^ error TL414: T.gemm accumulates into D, a global tensor: on CUDA the accumulator must be a register fragment, and gemm lowering fails ("local_buf acc must be a fragment"); allocate D with T.alloc_fragment and copy it out after the gemm (with which="C" from line 41)
            else:
                T.gemm(A_s, B_s, C)
            T.copy(C, D)

    return main


if __name__ == "__main__":
    gemm_global("AB")
    gemm_global("A")
    gemm_global("B")
    gemm_global("C")
    gemm_global("shared")
