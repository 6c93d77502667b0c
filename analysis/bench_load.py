"""Times caresim_analysis.load() on results files: wall and CPU seconds of each repeat,
their minimum and median, and the machine's load average (the noise of the figures).

    /usr/bin/python3 analysis/bench_load.py [--package DIR] [--repeats N] FILE...

--package: the folder holding the caresim_analysis package to time (default: this
checkout's analysis/), e.g. another checkout's, to compare a reader before and after a
change. A load() that returns a Trace (the reader before the tidy table) is timed
reading its indicator tables.
"""

import argparse
import os
import statistics
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    sys.path.insert(0, args.package)
    import caresim_analysis

    print(f"package {os.path.abspath(args.package)}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for path in args.files:
        wall, cpu = [], []
        for _ in range(args.repeats):
            start_wall, start_cpu = time.perf_counter(), time.process_time()
            result = caresim_analysis.load(path)
            if hasattr(result, "indicator_maps") and not hasattr(result, "columns"):
                result.indicators, result.indicator_maps, result.indicator_arrays
            wall.append(time.perf_counter() - start_wall)
            cpu.append(time.process_time() - start_cpu)
        print(f"{path} ({os.path.getsize(path) / 1e6:.1f} MB): wall min {min(wall):.3f} s, median "
              f"{statistics.median(wall):.3f} s; cpu min {min(cpu):.3f} s, median {statistics.median(cpu):.3f} s "
              f"({args.repeats} repeats)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
