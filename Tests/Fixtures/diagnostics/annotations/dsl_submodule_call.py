# fixture: target=sm_80,sm_90
# TL217 for a call of a submodule of tilelang.language (`T.kernel` is the module that defines `T.Kernel`): building the
# kernel fails with "TypeError: 'module' object is not callable".
import tilelang.language as T


def lowercase_kernel(N=1024, block=128):
    @T.prim_func
    def main(A: T.Tensor((N,), "float32"), B: T.Tensor((N,), "float32")):
        with T.kernel(T.ceildiv(N, block), threads=block) as bx:
        #      ^^^^^^ error TL217: tilelang.language.kernel is a module, not a function: building the kernel fails (TypeError: 'module' object is not callable); did you mean `Kernel`?
            for i in T.Parallel(block):
                B[bx * block + i] = A[bx * block + i]

    return main


def capital_kernel(N=1024, block=128):
    @T.prim_func
    def main(A: T.Tensor((N,), "float32"), B: T.Tensor((N,), "float32")):
        with T.Kernel(T.ceildiv(N, block), threads=block) as bx:
            for i in T.Parallel(block):
                B[bx * block + i] = A[bx * block + i]

    return main


if __name__ == "__main__":
    lowercase_kernel()
    capital_kernel()
