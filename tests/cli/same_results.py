"""Exit 0 if two caresim results files hold the same datasets, attributes and stored
chunks, apart from what differs between two writings of the same data: the root
attributes created_utc and command_line, and merged_from* (the inputs of a merge).
Both files must also load with caresim_analysis (the Python reader's checks).

    /usr/bin/python3 same_results.py MERGED.h5 ONE_RUN.h5
"""

import struct
import sys

import h5py
import numpy

import caresim_analysis

WRITING = ("created_utc", "command_line")


def attributes(obj):
    return {k: v for k, v in obj.attrs.items()
            if obj.name != "/" or (k not in WRITING and not k.startswith("merged_from"))}


def exact(values):
    """Values as comparable exactly: every float by its bits (so NaN equals NaN, and -0.0 is not 0.0)."""
    if isinstance(values, (list, tuple)):
        return [exact(v) for v in values]
    if isinstance(values, float):
        return struct.pack("<d", values)
    return values


def same_value(a, b):
    return exact(numpy.asarray(a).tolist()) == exact(numpy.asarray(b).tolist())


def chunks(dataset):
    if dataset.chunks is None:
        return []
    out = []
    for i in range(dataset.id.get_num_chunks()):
        info = dataset.id.get_chunk_info(i)
        out.append(dataset.id.read_direct_chunk(info.chunk_offset))
    return out


def contents(path):
    seen = {}
    with h5py.File(path, "r") as f:
        seen["/"] = ("group", attributes(f))

        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                seen[name] = ("dataset", str(obj.dtype), obj.shape, exact(obj[()].tolist()), chunks(obj), attributes(obj))
            else:
                seen[name] = ("group", attributes(obj))

        f.visititems(visit)
    return seen


def main(merged, one):
    a, b = contents(merged), contents(one)
    problems = [f"only in {one}: {k}" for k in sorted(b.keys() - a.keys())]
    problems += [f"only in {merged}: {k}" for k in sorted(a.keys() - b.keys())]
    for key in sorted(a.keys() & b.keys()):
        x, y = a[key], b[key]
        if x[:-1] != y[:-1]:
            problems.append(f"{key}: the data differ")
        ax, ay = x[-1], y[-1]
        for name in sorted(ax.keys() | ay.keys()):
            if name not in ax or name not in ay or not same_value(ax[name], ay[name]):
                problems.append(f"{key}: attribute {name} differs")
    with h5py.File(merged, "r") as f:
        if "merged_from" not in f.attrs:
            problems.append(f"{merged}: no merged_from attribute")
    for path in (merged, one):
        caresim_analysis.load(path)  # raises on a file the reader refuses
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"{merged} and {one}: {len(a)} objects, the same datasets, attributes and stored chunks")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
