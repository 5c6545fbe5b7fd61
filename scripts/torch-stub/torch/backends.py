"""Stand-in `torch.backends`: no MPS, no cuDNN."""


class _Unavailable:
    @staticmethod
    def is_available():
        return False


mps = _Unavailable()
cudnn = _Unavailable()
