#!/usr/bin/python3
"""Learning curve of the official FMMformer LRA model on fmmbench's generated ListOps data (issue 18).

Builds the authors' ListOps classifier (model_wrapper.ModelForSC of minhtannguyen/fmmformer-code-submission,
imported from --official, never copied here) at the paper configuration (lra_config.py's listops model,
dropout 0.1, sequences padded to 2048) with the FMMformer row given by --sparse-ratio and --kernels, and trains
it as run_tasks.py does (AdamW, OneCycleLR over the paper's 5,000 steps with 1,000 of warm-up, batch 32) on the
TSV files fmmbench generated, tokenised as fmmbench tokenises them. It stops after --steps steps (the schedule
is still the 5,000-step one) and appends one CSV line per step: training loss, learning rate and, every
--eval-every steps, accuracy and loss on the first --eval-batches x 32 validation examples (fmmbench's
validation order). CPU and fp32 (the official run uses fp16 autocast on a GPU).
"""
import argparse
import csv
import math
import os
import random
import sys
import time

import numpy as np
import torch

SYMBOLS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "[MIN", "[MAX", "[MED", "[SM", "X"]
SEQ_LEN = 2048
BATCH = 32


def token_ids(source):
    """fmmbench's ListOpsVocabulary: ']' -> X, parentheses dropped, 1 + symbol index, 16 unknown, 0 padding."""
    tokens = source.replace("]", "X").replace("(", " ").replace(")", " ").split()
    ids = [SYMBOLS.index(t) + 1 if t in SYMBOLS else len(SYMBOLS) + 1 for t in tokens][:SEQ_LEN]
    return ids + [0] * (SEQ_LEN - len(ids))


def read_split(path):
    """Token ids as int8 (ids are below 17): the 96,000 x 2,048 training split then needs 200 MB, not 1.6 GB."""
    with open(path) as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    ids = np.zeros((len(rows), SEQ_LEN), dtype=np.int8)
    for i, r in enumerate(rows):
        ids[i] = token_ids(r[0])
    return torch.from_numpy(ids), torch.tensor([int(r[1]) for r in rows])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--official", required=True, help="the official LRA/code folder")
    parser.add_argument("--data", required=True, help="folder with fmmbench's basic_train.tsv and basic_val.tsv")
    parser.add_argument("--out", required=True, help="CSV to append to (resumes nothing: start it fresh)")
    parser.add_argument("--steps", type=int, required=True, help="stop after this many of the 5,000 steps")
    parser.add_argument("--eval-every", type=int, default=100)
    parser.add_argument("--eval-batches", type=int, default=16)
    parser.add_argument("--sparse-ratio", type=float, default=13.5)
    parser.add_argument("--kernels", nargs="+", default=["elu", "elu_flip"])
    parser.add_argument("--seed", type=int, default=1111)
    parser.add_argument("--chunks", type=int, default=1,
                        help="split each batch as run_tasks.py's accumu_steps does (same gradient, less memory: the "
                             "official near field builds the full 2048 x 2048 score matrix)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    sys.path.insert(0, args.official)
    import lra_config
    from model_wrapper import ModelForSC

    config = dict(lra_config.config["listops"]["model"])
    config.update(lra_config.config["listops"]["extra_attn_config"]["sparselowrank"])
    config.update({"mixed_precision": False, "attn_type": "sparselowrank", "max_seq_len": SEQ_LEN, "diag_size": 5,
                   "sparse_ratio": args.sparse_ratio, "kernels": args.kernels})
    training = lra_config.config["listops"]["training"]
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    model = ModelForSC(config)
    train_ids, train_labels = read_split(os.path.join(args.data, "basic_train.tsv"))
    val_ids, val_labels = read_split(os.path.join(args.data, "basic_val.tsv"))
    val_ids, val_labels = val_ids[:args.eval_batches * BATCH], val_labels[:args.eval_batches * BATCH]
    optimizer = torch.optim.AdamW(model.parameters(), lr=training["learning_rate"], betas=(0.9, 0.999), eps=1e-6,
                                  weight_decay=training["weight_decay"])
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimizer=optimizer, max_lr=training["learning_rate"],
        pct_start=training["warmup"] / training["num_train_steps"], anneal_strategy=training["lr_decay"],
        total_steps=training["num_train_steps"])
    order, position = list(range(len(train_labels))), len(train_labels)
    start = time.time()
    with open(args.out, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["step", "train_loss", "lr", "val_accuracy", "val_loss", "elapsed_s"])
        for step in range(1, args.steps + 1):
            batch = []
            while len(batch) < BATCH:  # the official loader: an endless stream reshuffled every epoch
                if position == len(order):
                    random.shuffle(order)
                    position = 0
                batch.append(order[position])
                position += 1
            ids = train_ids[batch].long()
            model.train()
            optimizer.zero_grad()
            lr = optimizer.param_groups[0]["lr"]
            labels = train_labels[batch]
            loss = 0.0
            for x, y in zip(torch.chunk(ids, args.chunks), torch.chunk(labels, args.chunks)):
                part = model(x, (x != 0).float(), y)["loss"].mean() / args.chunks
                part.backward()
                loss += part.item()
            optimizer.step()
            schedule.step()
            val_acc, val_loss = "", ""
            if step % args.eval_every == 0 or step == args.steps:
                model.eval()
                correct, total = 0.0, 0.0
                with torch.no_grad():
                    for b in range(0, len(val_labels), BATCH // args.chunks):
                        x = val_ids[b:b + BATCH // args.chunks].long()
                        o = model(x, (x != 0).float(), val_labels[b:b + BATCH // args.chunks])
                        correct += o["accu"].sum().item()
                        total += o["loss"].sum().item()
                val_acc, val_loss = correct / len(val_labels), total / len(val_labels)
            out.writerow([step, loss, lr, val_acc, val_loss, round(time.time() - start, 1)])
            f.flush()


if __name__ == "__main__":
    main()
