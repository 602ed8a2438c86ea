"""Scripts the near field (k=5, non-causal) as pad + unfold + einsum with Debian's torch 1.13, saves it as
near.pt (for TorchScriptNearField.java, which loads it into DJL's libtorch 2.7) and prints its fwd+bwd thread CPU
time in torch 1.13 (median of 6). Run from a file: TorchScript needs the source."""
import torch
torch.set_num_threads(1)
print(torch.__version__, torch._C._jit_can_fuse_on_cpu())
class Near(torch.nn.Module):
    def forward(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        n = q.shape[2]
        h = 4
        kp = torch.nn.functional.pad(k, (0, 0, h, h))
        vp = torch.nn.functional.pad(v, (0, 0, h, h))
        ks = kp.unfold(2, 2 * h + 1, 1)
        vs = vp.unfold(2, 2 * h + 1, 1)
        s = torch.einsum("bhnd,bhndw->bhnw", q, ks) / 32 ** 0.5
        i = torch.arange(n).unsqueeze(1) + torch.arange(2 * h + 1).unsqueeze(0) - h
        s = s.masked_fill((i < 0) | (i >= n), -1e9)
        p = s.softmax(-1)
        return torch.einsum("bhnw,bhndw->bhnd", p, vs)
m = torch.jit.script(Near())
m.save("near.pt")
import time
for n in (4096, 16384):
    q, k, v = (torch.randn(1, 2, n, 32, requires_grad=True) for _ in range(3))
    ts = []
    for r in range(6):
        t = time.thread_time(); out = m(q, k, v); (out * out).sum().backward(); ts.append(time.thread_time() - t)
    print(n, "py torch 1.13 scripted unfold fwd+bwd ms", sorted(ts)[3] * 1e3)
