#!/usr/bin/env python3
"""Writes reference-values.csv: benchmark values computed independently of nnproxy with numpy,
from the formulas of Surjanovic and Bingham's Virtual Library of Simulation Experiments.
Run: python3 reference_values.py > reference-values.csv
"""
import numpy as np

def ackley(x):
    d = len(x)
    return -20*np.exp(-0.2*np.sqrt(np.sum(x**2)/d)) - np.exp(np.sum(np.cos(2*np.pi*x))/d) + 20 + np.e

def rastrigin(x):
    return 10*len(x) + np.sum(x**2 - 10*np.cos(2*np.pi*x))

def rosenbrock(x):
    return np.sum(100*(x[1:]-x[:-1]**2)**2 + (1-x[:-1])**2)

def sphere(x):
    return np.sum(x**2)

def griewank(x):
    i = np.arange(1, len(x)+1)
    return 1 + np.sum(x**2)/4000 - np.prod(np.cos(x/np.sqrt(i)))

def levy(x):
    w = 1 + (x-1)/4
    return (np.sin(np.pi*w[0])**2 + np.sum((w[:-1]-1)**2*(1+10*np.sin(np.pi*w[:-1]+1)**2))
            + (w[-1]-1)**2*(1+np.sin(2*np.pi*w[-1])**2))

def styblinski_tang(x):
    return 0.5*np.sum(x**4 - 16*x**2 + 5*x)

def schwefel(x):
    return 418.9829*len(x) - np.sum(x*np.sin(np.sqrt(np.abs(x))))

funcs = {"ackley": (ackley, 5), "rastrigin": (rastrigin, 5.12), "rosenbrock": (rosenbrock, 2.048),
         "sphere": (sphere, 5.12), "griewank": (griewank, 600), "levy": (levy, 10),
         "styblinski-tang": (styblinski_tang, 5), "schwefel": (schwefel, 500)}
rng = np.random.default_rng(20221203)
print("function,d,x,value")
for name, (f, half) in funcs.items():
    for d in (2, 4, 10):
        for _ in range(3):
            x = rng.uniform(-half, half, d)
            print(f"{name},{d},{' '.join(repr(float(v)) for v in x)},{float(f(x))!r}")
