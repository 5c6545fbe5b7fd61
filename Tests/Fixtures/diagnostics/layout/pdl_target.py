# fixture: target=sm_80,sm_90
# TL421: T.pdl_sync() / T.pdl_trigger() (programmatic dependent launch) need sm_90: 0.1.15 fails the build on sm_80
# whenever either is present ("PDL is not supported") and builds on sm_90 and sm_100. Other Hopper-era calls (wgmma
# waits, TMA-store waits, cluster barriers, register-count hints, proxy fences) lower on sm_80 and are not flagged.
import tilelang.language as T


def pdl_wait(n, h=1024, h_blk=256):
    @T.prim_func
    def main(X: T.Tensor((n, h), "bfloat16"), Y: T.Tensor((n, h), "bfloat16")):
        with T.Kernel(n, threads=128) as pid:
            x_l = T.alloc_fragment((h_blk,), "float32")
            T.pdl_sync()
          # ^^^^^^^^^^^^ error TL421: T.pdl_sync() is programmatic dependent launch, which sm_80 lacks (it needs sm_90 or later): the compiler fails ("PDL is not supported"); call it only when building for sm_90 or later
            for i in T.serial(h // h_blk):
                T.copy(X[pid, i * h_blk], x_l)
                for j in T.Parallel(h_blk):
                    x_l[j] = x_l[j] * 2.0
                T.copy(x_l, Y[pid, i * h_blk])

    return main


def pdl_launch_next(n, h=1024, h_blk=256):
    @T.prim_func
    def main(X: T.Tensor((n, h), "bfloat16"), Y: T.Tensor((n, h), "bfloat16")):
        with T.Kernel(n, threads=128) as pid:
            x_l = T.alloc_fragment((h_blk,), "float32")
            for i in T.serial(h // h_blk):
                T.copy(X[pid, i * h_blk], x_l)
                T.copy(x_l, Y[pid, i * h_blk])
            T.pdl_trigger()
          # ^^^^^^^^^^^^^^^ error TL421: T.pdl_trigger() is programmatic dependent launch, which sm_80 lacks (it needs sm_90 or later): the compiler fails ("PDL is not supported"); call it only when building for sm_90 or later

    return main


def hopper_hints(n, h=1024, h_blk=256):
    @T.prim_func
    def main(X: T.Tensor((n, h), "bfloat16"), Y: T.Tensor((n, h), "bfloat16")):
        with T.Kernel(n, threads=128) as pid:
            x_l = T.alloc_fragment((h_blk,), "float32")
            T.fence_proxy_async()
            T.set_max_nreg(240, 1)
            for i in T.serial(h // h_blk):
                T.copy(X[pid, i * h_blk], x_l)
                T.copy(x_l, Y[pid, i * h_blk])
            T.tma_store_wait()
            T.cluster_sync()

    return main


if __name__ == "__main__":
    pdl_wait(4096)
    pdl_launch_next(4096)
    hopper_hints(4096)
