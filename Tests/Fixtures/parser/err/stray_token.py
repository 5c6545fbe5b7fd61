# A stray token mid-file followed by valid code that must stay in the tree.
import tilelang.language as T
x = 1 )
y = [1, 2 3, 4]
T.copy(A, B) $ C


@T.prim_func
def main(A: T.Tensor((128,), "float16")):
    with T.Kernel(1) as bx:
        T.clear(A)
