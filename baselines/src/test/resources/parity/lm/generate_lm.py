"""Golden training trajectory of the official FMMformer language model (lmtool-fwms at 8622328).

Usage (Debian python3-torch, CPU):
    git -C <mirror of minhtannguyen/fmmformer-code-submission> archive 8622328 lmtool-fwms | tar -x -C /tmp/official
    /usr/bin/python3 generate_lm.py /tmp/official/lmtool-fwms/src <output directory>

Builds the official MemTransformerLM (attn_type 201, flag 2.5) from the official source folder given on the
command line and trains it as the official train.py does (Adam, warm-up then CosineAnnealingLR stepped with the
global step, clip_grad_norm_, LMOrderedIterator batches, epochs restarting the iterator), recording the initial
parameters, the token stream, per step the learning rate, loss and gradient norm, and the final parameters.
The initial parameters follow train.py's init, except the flag-2.5 blend weights (official init 0, which switches
the near field off), which are drawn N(0, 0.5) so that the near field shapes the trajectory from the first step.
Nothing of the official code is copied here: its modules are imported. Two things are patched, both because
this machine has no GPU:
  * the far field's CUDA kernel (idiap causal_dot_product, `utils.fast_transformers.fast_weight_sum`) is replaced
    by the same sum computed with torch prefix sums; `utils.fast_fast_weight` (delta-rule kernel, unused by
    attn_type 201) is replaced by a stub that refuses to run;
  * `torch.version.cuda`, which the adaptive softmax module parses at import, is given a dummy value.
Files written (all little-endian, float32 unless stated):
  config.properties   model and schedule settings, versions
  tokens.txt          the training token stream, whitespace-separated ids
  params.csv          name,shape,offset (floats into initial.bin / final.bin), official parameter names
  initial.bin, final.bin
  steps.csv           step,lr,loss,grad_norm (lr used by that step; grad norm before clipping)
"""
import math
import os
import sys
import types

import numpy as np
import torch

SETTINGS = dict(
    vocab=50, cutoffs=[20, 35], layers=2, d_model=32, heads=4, d_head=8, d_inner=64,
    diag_size=5, sparse_ratio=2.5, kernels=['elu', 'elu_flip'],
    batch=4, tgt_len=16, batches_per_epoch=8, steps=32,
    lr=2e-3, warmup=6, max_step=32, clip=0.25, init_std=0.02, seed=18,
)


def causal_sum(q, k, v, w):
    """out_i = q_i^T (w + sum_{j<=i} k_j v_j^T) for (B, H, L, E) q, k and (B, H, L, M) v: the CUDA kernel's sum."""
    states = w[:, :, None] + torch.cumsum(k[..., :, None] * v[..., None, :], dim=2)
    return torch.einsum('bhle,bhlem->bhlm', q, states)


def refuse(*args, **kwargs):
    raise NotImplementedError('the delta-rule CUDA kernel is not available on CPU (unused by attn_type 201)')


def import_official(src):
    torch.version.cuda = torch.version.cuda or '11.0'
    sums = types.ModuleType('utils.fast_transformers')
    sums.fast_weight_sum = causal_sum
    delta = types.ModuleType('utils.fast_fast_weight')
    delta.fast_weight_memory = refuse
    sys.modules['utils.fast_transformers'] = sums
    sys.modules['utils.fast_fast_weight'] = delta
    sys.path.insert(0, src)
    import mem_transformer
    import data_utils
    return mem_transformer, data_utils


def initialise(model, s):
    """train.py's init: Linear and embedding weights N(0, init_std), biases 0, LayerNorm gains N(1, init_std),
    adaptive-softmax cluster weights N(0, init_std), cluster biases 0; the blend weights keep their construction
    value (0 for flag 2.5), then get a random value here (see README) so the near field matters from step 1."""
    for name, p in model.named_parameters():
        leaf = name.split('.')[-1]
        if name.endswith('sparse_ratio'):
            torch.nn.init.normal_(p, 0.0, 0.5)
        elif 'layer_norm' in name:
            torch.nn.init.normal_(p, 1.0, s['init_std']) if leaf == 'weight' else torch.nn.init.zeros_(p)
        elif leaf == 'bias' or name.endswith('cluster_bias'):
            torch.nn.init.zeros_(p)
        else:
            torch.nn.init.normal_(p, 0.0, s['init_std'])


def token_stream(s, rng):
    """A learnable stream: mostly a fixed cyclic pattern over Zipf-ish ids, with 20% random ids, so the loss
    falls and every adaptive-softmax cluster gets targets."""
    n = s['batch'] * (s['batches_per_epoch'] * s['tgt_len'] + 1)
    weights = 1.0 / np.arange(1, s['vocab'] + 1)
    pattern = rng.choice(s['vocab'], size=23, p=weights / weights.sum())
    stream = np.resize(pattern, n)
    noise = rng.random(n) < 0.2
    stream[noise] = rng.integers(0, s['vocab'], size=noise.sum())
    return stream.astype(np.int64)


def parameters(model):
    """Distinct parameters in model.parameters() order (the tied output weight is the embedding)."""
    seen, out = set(), []
    for name, p in model.named_parameters():
        if id(p) not in seen:
            seen.add(id(p))
            out.append((name, p))
    return out


def write_params(path, named):
    with open(path, 'wb') as f:
        for _, p in named:
            f.write(p.detach().numpy().astype('<f4').tobytes())


def main(src, out):
    s = SETTINGS
    torch.set_num_threads(1)
    torch.manual_seed(s['seed'])
    rng = np.random.default_rng(s['seed'])
    mem_transformer, data_utils = import_official(src)
    model = mem_transformer.MemTransformerLM(
        s['vocab'], s['layers'], s['heads'], s['d_model'], s['d_head'], s['d_inner'], dropout=0.0, dropatt=0.0,
        tie_weight=True, div_val=1, tie_projs=[False] + [True] * len(s['cutoffs']), pre_lnorm=False,
        tgt_len=s['tgt_len'], ext_len=0, mem_len=0, cutoffs=list(s['cutoffs']), attn_type=201, device='cpu',
        diag_size=s['diag_size'], sparse_ratio=s['sparse_ratio'], kernels=list(s['kernels']))
    initialise(model, s)
    named = parameters(model)
    os.makedirs(out, exist_ok=True)
    write_params(os.path.join(out, 'initial.bin'), named)
    with open(os.path.join(out, 'params.csv'), 'w') as f:
        f.write('name,shape,offset\n')
        offset = 0
        for name, p in named:
            f.write('%s,%s,%d\n' % (name, 'x'.join(str(d) for d in p.shape), offset))
            offset += p.numel()

    stream = token_stream(s, rng)
    with open(os.path.join(out, 'tokens.txt'), 'w') as f:
        f.write(' '.join(str(t) for t in stream) + '\n')
    batches = data_utils.LMOrderedIterator(torch.from_numpy(stream), s['batch'], s['tgt_len'], device='cpu')

    optimizer = torch.optim.Adam(model.parameters(), lr=s['lr'])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, s['max_step'], eta_min=0.0)
    model.train()
    rows, train_step = [], 0
    while train_step < s['steps']:
        for data, target, seq_len in batches:
            assert seq_len == s['tgt_len'], 'stream length must give whole segments'
            model.zero_grad()
            loss = model(data, target)[0].float().mean()
            loss.backward()
            norm = torch.nn.utils.clip_grad_norm_(model.parameters(), s['clip'])
            lr = optimizer.param_groups[0]['lr']
            optimizer.step()
            train_step += 1
            # train.py: linear warm-up below warmup_step, else the cosine scheduler stepped with the global step
            if train_step < s['warmup']:
                optimizer.param_groups[0]['lr'] = s['lr'] * train_step / s['warmup']
            else:
                scheduler.step(train_step)
            rows.append((train_step, lr, loss.item(), norm.item()))
            if train_step == s['steps']:
                break
    with open(os.path.join(out, 'steps.csv'), 'w') as f:
        f.write('step,lr,loss,grad_norm\n')
        for r in rows:
            f.write('%d,%r,%r,%r\n' % r)
    write_params(os.path.join(out, 'final.bin'), named)

    with open(os.path.join(out, 'config.properties'), 'w') as f:
        f.write('# written by generate_lm.py; official lmtool-fwms at 8622328\n')
        for k, v in s.items():
            f.write('%s=%s\n' % (k, ','.join(map(str, v)) if isinstance(v, list) else v))
        f.write('dropout=0.0\ntorch=%s\nnumpy=%s\npython=%s\n' % (torch.__version__, np.__version__,
                                                                   sys.version.split()[0]))
    print('initial loss %.6f final loss %.6f, %d parameters' % (rows[0][2], rows[-1][2], offset))


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: generate_lm.py <official lmtool-fwms/src folder> <output folder>')
    main(sys.argv[1], sys.argv[2])
