#!/usr/bin/env python3
"""Start-up of mlops builds, run alternately: median wall time and CPU (user + sys, getrusage) per run.

usage: python3 scripts/startup.py A/mlops.dll,B/mlops.dll "--version,--help,data log main --max 1" [runs=21]
Run it in the folder whose store the commands read; see docs/benchmarks.md.
"""
import subprocess, resource, time, sys, statistics
variants = sys.argv[1].split(',')
cmds = [a.split() for a in sys.argv[2].split(',')]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 21
for args in cmds:
    res = {v: ([], []) for v in variants}
    for i in range(n):
        for v in variants:
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.perf_counter()
            subprocess.run(['dotnet', v] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t1 = time.perf_counter(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            res[v][0].append((t1 - t0) * 1000); res[v][1].append(((r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)) * 1000)
    for v in variants:
        w, c = res[v]
        print(f"{' '.join(args):20s} {v:60s} wall median {statistics.median(w):6.1f} ms  cpu median {statistics.median(c):6.1f} ms")
