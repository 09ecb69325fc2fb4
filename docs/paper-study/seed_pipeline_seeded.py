"""Runs the seed's own pipeline (the peer script seed_pipeline.py, PyTorch + pyswarms) with another training seed.

The peer script fixes its sample and its training to seed 0 (np.random.default_rng(0), torch.manual_seed(0)).
This wrapper replaces that 0 by TRAIN_SEED and runs the script unchanged otherwise, so that the spread over
training seeds can be measured. The PSO runs keep their own seeds (100 + run).
Usage: /usr/bin/python3 seed_pipeline_seeded.py PATH/TO/seed_pipeline.py TRAIN_SEED FUNC DIM SCHEME EPOCHS PSO_RUNS
Needs Debian's python3-torch and python3-pyswarms. By hand only; nothing in the build runs it.
"""
import runpy, sys
import numpy as np
import torch

script, seed = sys.argv[1], int(sys.argv[2])
sys.argv = [script] + sys.argv[3:]
torch.set_num_threads(1)
_rng, _manual_seed = np.random.default_rng, torch.manual_seed
np.random.default_rng = lambda s=None, *a: _rng(seed if s == 0 else s, *a)
torch.manual_seed = lambda s: _manual_seed(seed if s == 0 else s)
print(f"train_seed={seed}", end=" ", flush=True)
runpy.run_path(script, run_name="__main__")
