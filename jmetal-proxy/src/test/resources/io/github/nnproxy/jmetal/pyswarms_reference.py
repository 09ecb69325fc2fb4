"""Reference figures for JmetalPsoOptimizer.paper(): the real pyswarms GlobalBestPSO, as the seed study ran it
(Albreiki et al., arXiv 2301.07102), on the TRUE Ackley, Rastrigin and Rosenbrock functions in 2, 4 and 10
dimensions, 50 seeds each (numpy.random.seed(s), s = 1..50).

Settings: 100 particles, iters=1000, options w=0.9, c1=0.5, c2=0.3, bounds = the domain ([-5, 5], [-5.12, 5.12],
[-2.048, 2.048] per coordinate), everything else pyswarms' default (star topology, bh_strategy="periodic",
velocity strategy "unmodified", no velocity clamp, ftol=-inf). The distance is the Euclidean distance of the
returned position from the true minimizer (0 for Ackley and Rastrigin, 1 for Rosenbrock).

Run by hand (CI never runs it), with Debian's python3-pyswarms (pyswarms 1.3.0):
  /usr/bin/python3 pyswarms_reference.py > pyswarms-reference.csv
Columns: function,dimension,seed,distance,value
"""
import logging
import math
import sys

import numpy as np
import pyswarms as ps

logging.disable(logging.CRITICAL)


def ackley(x):
    d = x.shape[1]
    return (-20 * np.exp(-0.2 * np.sqrt((x ** 2).sum(1) / d)) - np.exp(np.cos(2 * np.pi * x).sum(1) / d)
            + math.e + 20)


def rastrigin(x):
    return 10 * x.shape[1] + (x ** 2 - 10 * np.cos(2 * np.pi * x)).sum(1)


def rosenbrock(x):
    return ((1 - x[:, :-1]) ** 2 + 100 * (x[:, 1:] - x[:, :-1] ** 2) ** 2).sum(1)


FUNCTIONS = {"ackley": (ackley, 5.0, 0.0), "rastrigin": (rastrigin, 5.12, 0.0), "rosenbrock": (rosenbrock, 2.048, 1.0)}


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    print("function,dimension,seed,distance,value")
    for name, (f, b, opt) in FUNCTIONS.items():
        for d in (2, 4, 10):
            for s in range(1, seeds + 1):
                np.random.seed(s)
                pso = ps.single.GlobalBestPSO(n_particles=100, dimensions=d,
                                              options={"c1": 0.5, "c2": 0.3, "w": 0.9},
                                              bounds=(-b * np.ones(d), b * np.ones(d)))
                value, pos = pso.optimize(f, iters=1000, verbose=False)
                dist = float(np.linalg.norm(np.asarray(pos) - opt))
                print(f"{name},{d},{s},{dist:.10g},{float(value):.10g}", flush=True)


if __name__ == "__main__":
    main()
