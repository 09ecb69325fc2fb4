"""Puts the seed's own pipeline (seed_pipeline_seeded.py output lines) beside nnproxy's `--trainer paper` studies,
cell by cell for the 2-D grid: PSO distance to x* on the proxy per training seed, the proxies' R2, whether the two
ranges overlap, and the published figure. By hand only; nothing in the build runs it.
Usage: python3 pipeline_table.py PIPELINE_OUTPUT.txt SEED_FIGURES.csv STUDY_DIR [STUDY_DIR ...]
  (SEED_FIGURES.csv: shared/src/main/resources/io/github/nnproxy/study/seed-figures.csv)
"""
import csv, re, sys

results, figures, studies = sys.argv[1], sys.argv[2], sys.argv[3:]
peer, ours, pub = {}, {}, {}
for line in open(results):
    m = re.search(r'train_seed=(\d+) peer (\w+) d=2 (\w+) .*test_r2=([\d.]+) .*mean_dist=([\d.]+)', line)
    if m:
        s, f, scheme, r2, dist = m.groups()
        peer.setdefault((f, scheme), {})[int(s)] = (float(dist), float(r2))
for i, study in enumerate(studies):
    for r in csv.DictReader(open(study + '/summary.csv')):
        if r['objective'] == 'proxy' and r['optimizer'] == 'jmetal-pso-paper' and r['dimension'] == '2':
            ours.setdefault((r['function'], r['scheme'].split('-')[0]), {})[i] = (
                float(r['distance_mean']), float(r['validation_r2']))
for r in csv.DictReader(l for l in open(figures) if not l.startswith('#')):
    if r['column'] == 'PSO' and r['objective'] == 'proxy' and r['dimension'] == '2':
        pub[(r['function'], r['scheme'].split('-')[0])] = float(r['mean'])

def cols(d):
    ks = sorted(d)
    return ' / '.join(f'{d[k][0]:.4f}' for k in ks), ' / '.join(f'{d[k][1]:.4f}' for k in ks)

print("| cell | seed's pipeline, training seeds " + '/'.join(map(str, sorted({k for v in peer.values() for k in v})))
      + " | its R² | nnproxy `--trainer paper`, one study per master seed | its R² | ranges overlap | published |")
print('|---|---|---|---|---|---|---:|')
for f in ('ackley', 'rastrigin', 'rosenbrock'):
    for scheme in ('dense', 'sparse', 'gaussian'):
        p, o = peer.get((f, scheme), {}), ours.get((f, scheme), {})
        if not p or not o:
            continue
        pv, ov = [v[0] for v in p.values()], [v[0] for v in o.values()]
        overlap = 'yes' if max(min(pv), min(ov)) <= min(max(pv), max(ov)) else 'no'
        (pd, pr), (od, orr) = cols(p), cols(o)
        print(f'| {f} 2-D {scheme} | {pd} | {pr} | {od} | {orr} | {overlap} | {pub[(f, scheme)]:.4f} |')
