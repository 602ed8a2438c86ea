#!/bin/bash
# Measures the step time of every task x row of the cpu profile: 12 steps per cell (the first 5 are left out of
# the medians), evaluation capped at one batch, one thread, no checkpoints. Four runs side by side (each a
# separate run directory under $1), so the measurement took 50 minutes instead of 3 hours on a loaded machine.
# usage: docs/measurements/cpu-profile/measure.sh OUT_DIR    (from the repository root)
set -e
OUT=${1:?usage: measure.sh OUT_DIR}
./fmmbench --help > /dev/null   # builds once, before four launchers would build side by side
common=(--profile cpu --max-steps 12 --set train.evalBatches=1 --set train.testBatches=1 --threads 1
        --checkpoint-every off --out "$OUT/results" --reports "$OUT/reports")
./fmmbench reproduce "${common[@]}" --run-id cpu-steps-listops-text --tasks listops,text &
./fmmbench reproduce "${common[@]}" --run-id cpu-steps-image-pathfinder --tasks image,pathfinder &
./fmmbench reproduce "${common[@]}" --run-id cpu-steps-lm --tasks lm &
# Retrieval at LRA's 4,000 of 4,096 bytes per document, batch 2 (softmax over 2 x 4,096 tokens is ~46 s a step)
./fmmbench reproduce "${common[@]}" --run-id cpu-steps-retrieval4096 --tasks retrieval \
    --set retrieval.data.seqLength=4096 --set retrieval.data.contentLength=4000 --set retrieval.train.batchSize=2
wait
# fw1_band20 and fw2_band20 diverge (loss NaN at step 5-6) when --max-steps 12 shrinks the warm-up to one step:
# fw2_band20 is measured with all 12 steps as warm-up; fw1_band20 diverges even then and is measured at lr 1e-6
common_lm=(--profile cpu --tasks lm --set lm.train.steps=12 --set lm.train.warmupSteps=12 --set lm.train.evalEvery=12
           --threads 1 --checkpoint-every off --out "$OUT/results" --reports "$OUT/reports")
./fmmbench reproduce "${common_lm[@]}" --rows fw2_band20 --run-id cpu-steps-lm-warm12-fw2_band20 &
./fmmbench reproduce "${common_lm[@]}" --rows fw1_band20 --set lm.train.lr=1.0e-6 --run-id cpu-steps-lm-lr1e-6-fw1_band20 &
wait
