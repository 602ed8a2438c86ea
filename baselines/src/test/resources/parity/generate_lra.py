#!/usr/bin/python3
"""Golden LRA training trajectories from the authors' own model code (fmmbench parity fixtures).

Builds the official LRA models (model_wrapper.ModelForSC / ModelForSCDual of
minhtannguyen/fmmformer-code-submission, imported from the folder given with --official, never copied here),
trains them a few optimiser steps on CPU exactly as the official run_tasks.py steps them (AdamW, OneCycleLR,
batch split into chunks with torch.chunk, each chunk's mean loss divided by the number of chunks), and writes
per row an .npz with the initial and final parameters, the batches, and per step the loss, the global gradient
norm, the learning rate and AdamW's beta1. See README.md next to this file for what differs from a GPU run.

    /usr/bin/python3 generate_lra.py --official /work/official-lra/LRA/code --out .
"""
import argparse
import copy
import json
import math
import os
import sys

import numpy as np
import torch

SEQ_LEN = 64        # power of two: the official code rounds max_seq_len up to one
VOCAB = 32          # the official ListOps vocabulary size
BATCH = 8
STEPS = 30
WARMUP = 10
MAX_LR = 1e-3       # 10x the paper's, so 30 steps move every parameter well above float32 noise
SEED = 1111         # run_tasks.py's default seed
SHARED_INIT = "lra/init.npz"

# name -> (task, official attention, sparse_ratio flag, kernels, fmmbench variant spec, chunks per batch)
ROWS = {
    "softmax": ("listops", "softmax", None, None, "softmax", 1),
    "linear": ("listops", "linear", None, None, "linear", 1),
    "band_5": ("listops", "sparselowrank", 6.5, ["elu"], "band:k=5", 1),
    "fmm2_band5": ("listops", "sparselowrank", 13.5, ["elu", "elu_flip"],
                   "fmm:k=5,kernels=elu+elu_flip,blend=per_head,kmix=learned_ab", 2),
    "retrieval_fmm2_band5": ("retrieval", "sparselowrank", 19.5, ["elu", "elu_flip"],
                             "fmm:k=5,kernels=elu+elu_flip,blend=near_gate,kmix=learned_ab", 2),
}


def masked_softmax_attention(self, Q, K, V, mask):
    """Stand-in for the official SoftmaxAttention.forward, whose committed version saves attention maps to
    /root/... and stops in pdb: plain scaled dot-product attention with padded keys at -1e6, as its other
    code paths (and the sparse near field) mask them."""
    dot = torch.matmul(Q, K.transpose(-2, -1)) / math.sqrt(self.head_dim)
    dot = dot - 1e6 * (1 - mask[:, None, None, :])
    return torch.matmul(self.drop_attn(torch.softmax(dot, dim=-1)), V)


def load_official(folder):
    sys.path.insert(0, folder)
    import attention
    import lra_config
    import model_wrapper
    attention.SoftmaxAttention.forward = masked_softmax_attention
    return lra_config, model_wrapper


def model_config(lra_config, task, attn, flag, kernels):
    config = copy.deepcopy(lra_config.config[task]["model"])
    config.update(lra_config.config[task]["extra_attn_config"][attn])
    config.update({
        "mixed_precision": False,  # fp16 autocast needs a GPU; attention itself runs in fp32 there too
        "attn_type": attn,
        "max_seq_len": SEQ_LEN,
        "vocab_size": VOCAB,
        "dropout_prob": 0.0,
        "attention_dropout": 0.0,
        "diag_size": 5,
        "sparse_ratio": flag if flag is not None else config["sparse_ratio"],
        "kernels": kernels if kernels is not None else config["kernels"],
    })
    return config


def batches(rng, documents, classes):
    """STEPS batches of BATCH examples: ids 1..16 (ListOps' used range) then padding 0, at least a quarter full."""
    ids = np.zeros((STEPS, documents, BATCH, SEQ_LEN), dtype=np.int32)
    for s in range(STEPS):
        for d in range(documents):
            for b in range(BATCH):
                n = rng.integers(SEQ_LEN // 4, SEQ_LEN + 1)
                ids[s, d, b, :n] = rng.integers(1, 17, size=n)
    labels = rng.integers(0, classes, size=(STEPS, BATCH)).astype(np.int32)
    return ids, labels


def train(model, ids, labels, chunks, dtype):
    """The official train step: zero_grad, chunked forward/backward, optimizer.step, lr_scheduler.step."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=MAX_LR, betas=(0.9, 0.999), eps=1e-6, weight_decay=0)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer=optimizer, max_lr=MAX_LR, pct_start=WARMUP / STEPS,
                                                   anneal_strategy="linear", total_steps=STEPS)
    record = {"loss": [], "grad_norm": [], "lr": [], "beta1": []}
    model.train()
    for s in range(STEPS):
        optimizer.zero_grad()
        batch = {"label": torch.tensor(labels[s], dtype=torch.long)}
        for d in range(ids.shape[1]):
            x = torch.tensor(ids[s, d], dtype=torch.long)
            batch[f"input_ids_{d}"] = x
            batch[f"mask_{d}"] = (x != 0).to(dtype)
        loss = 0.0
        parts = [dict(zip(batch, p)) for p in zip(*(torch.chunk(v, chunks, dim=0) for v in batch.values()))]
        for part in parts:
            out = model(**part)["loss"].mean() / chunks
            loss += out.item()
            out.backward()
        grads = [p.grad.double().reshape(-1) for p in model.parameters() if p.grad is not None]
        record["grad_norm"].append(torch.cat(grads).norm().item())
        record["lr"].append(optimizer.param_groups[0]["lr"])
        record["beta1"].append(optimizer.param_groups[0]["betas"][0])
        record["loss"].append(loss)
        optimizer.step()
        schedule.step()
    return {k: np.array(v, dtype=np.float64) for k, v in record.items()}


def build(model_wrapper, config, dual, dtype):
    torch.manual_seed(SEED)
    model = model_wrapper.ModelForSCDual(config) if dual else model_wrapper.ModelForSC(config)
    return model.to(dtype)


def state(model):
    return {k: v.detach().to(torch.float32).numpy().copy() for k, v in model.state_dict().items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--official", required=True, help="the official LRA/code folder (outside this repository)")
    parser.add_argument("--out", required=True, help="the parity fixture folder (holds lra/ and retrieval/)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    lra_config, model_wrapper = load_official(args.official)
    index = {"torch": torch.__version__, "numpy": np.__version__, "seqLength": SEQ_LEN, "vocabSize": VOCAB,
             "batchSize": BATCH, "steps": STEPS, "sharedInit": SHARED_INIT, "warmupSteps": WARMUP, "maxLr": MAX_LR, "seed": SEED, "rows": {}}
    shared = None
    for row, (task, attn, flag, kernels, spec, chunks) in ROWS.items():
        dual = task == "retrieval"
        config = model_config(lra_config, task, attn, flag, kernels)
        ids, labels = batches(np.random.default_rng(SEED), 2 if dual else 1, config["num_classes"])
        model = build(model_wrapper, config, dual, torch.float32)
        init = state(model)
        record = train(model, ids, labels, chunks, torch.float32)
        final = state(model)
        # The same run in float64 bounds what float32 rounding alone does to this trajectory. The official
        # Attention casts Q, K, V and the mask with .float(); for this run only that cast keeps float64.
        model64 = build(model_wrapper, config, dual, torch.float64)
        cast = torch.Tensor.float
        torch.Tensor.float = lambda t: t
        try:
            record64 = train(model64, ids, labels, chunks, torch.float64)
        finally:
            torch.Tensor.float = cast
        final64 = state(model64)
        floor = {
            "loss": float(np.max(np.abs(record["loss"] - record64["loss"]))),
            "gradNormRelative": float(np.max(np.abs(record["grad_norm"] / record64["grad_norm"] - 1))),
            "parameter": float(max(np.max(np.abs(final[k] - final64[k])) for k in final)),
        }
        folder = "retrieval" if dual else "lra"
        os.makedirs(os.path.join(args.out, folder), exist_ok=True)
        arrays = {"ids": ids, "labels": labels, **record}
        # Every row draws its initial parameters from the same seed in the same order, so they share the first
        # row's; a row stores only those it adds or that differ (blend weights, the Retrieval head).
        if shared is None:
            shared = init
            np.savez_compressed(os.path.join(args.out, SHARED_INIT), **init)
        arrays.update({"init." + k: v for k, v in init.items()
                       if k not in shared or shared[k].shape != v.shape or not np.array_equal(shared[k], v)})
        arrays.update({"final." + k: v for k, v in final.items()})
        path = os.path.join(folder, row + ".npz")
        np.savez_compressed(os.path.join(args.out, path), **arrays)
        index["rows"][row] = {"file": path, "task": task, "documents": 2 if dual else 1,
                              "classes": config["num_classes"], "officialAttention": attn, "sparseRatio": flag,
                              "kernels": kernels, "variant": spec, "chunks": chunks, "float64Gap": floor}
        print(f"{row}: loss {record['loss'][0]:.4f} -> {record['loss'][-1]:.4f}, float32 vs float64 {floor}",
              flush=True)
    with open(os.path.join(args.out, "lra-index.json"), "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
