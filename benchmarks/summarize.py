#!/usr/bin/env python3
"""Summarises JMH JSON results (-rf json) of the jbgp benchmarks.

For each benchmark and parameter set: the wall-clock score, the share of a core the benchmark
thread got (the cpuMicros counter, see CpuTime), the score per fully available core (each
iteration's score divided by its own CPU share, then averaged), the same for every secondary
rate counter, and gc.alloc.rate.norm divided by each work counter per operation (allocation per
NLRI, per decision, ...). Usage: summarize.py result.json [more.json ...]
"""
import json
import statistics
import sys


def per_iteration(result):
    return [x for fork in result["rawData"] for x in fork]


def fmt(v):
    if v >= 100:
        return f"{v:,.0f}"
    return f"{v:,.2f}"


def main(paths):
    for path in paths:
        with open(path) as f:
            runs = json.load(f)
        for run in runs:
            name = run["benchmark"].split(".", 3)[-1]
            params = ",".join(f"{k}={v}" for k, v in sorted(run.get("params", {}).items()))
            primary = run["primaryMetric"]
            secondary = run.get("secondaryMetrics", {})
            scores = per_iteration(primary)
            print(f"{name} [{params}]")
            print(f"  score            {fmt(statistics.mean(scores))} {primary['scoreUnit']} (wall clock)")
            cpu = secondary.get("cpuMicros")
            share = [c / 1e6 for c in per_iteration(cpu)] if cpu else None
            if share:
                print(f"  cpu share        {statistics.mean(share):.2f} of a core "
                      f"(per iteration: {', '.join(f'{s:.2f}' for s in share)})")
                print(f"  score per core   {fmt(statistics.mean(s / c for s, c in zip(scores, share)))} "
                      f"{primary['scoreUnit']}")
            norm = secondary.get("gc.alloc.rate.norm")
            ops_per_s = statistics.mean(scores)
            for key, metric in sorted(secondary.items()):
                if key.startswith("gc.") or key.startswith("·") or key == "cpuMicros":
                    continue
                values = per_iteration(metric)
                line = f"  {key:<16} {fmt(statistics.mean(values))} {metric['scoreUnit']}"
                if share and metric["scoreUnit"] == "ops/s":
                    line += f", per core {fmt(statistics.mean(v / c for v, c in zip(values, share)))}/s"
                if norm and metric["scoreUnit"] == "ops/s" and ops_per_s > 0:
                    per_op = statistics.mean(values) / ops_per_s
                    if per_op > 1:  # a work counter (NLRI per table decode), not an event kind
                        line += f", {norm['score'] / per_op:,.1f} B allocated each"
                print(line)
            if norm:
                print(f"  alloc per op     {fmt(norm['score'])} B")
            print()


if __name__ == "__main__":
    main(sys.argv[1:])
