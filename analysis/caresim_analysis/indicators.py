"""The indicator tables of a results file as one tidy long table, read vectorised.

Results format 3 (docs/trace-format.md) keeps the indicators of every replication in the
group `/indicators`: `vocabulary` (every string once) and three numeric compound datasets,
`tables`, `entries` and `numbers`, whose strings are codes into it. They are read whole,
four HDF5 reads in all, and joined by numpy indexing: each number's entry gives its
indicator and table, each table its replication and municipality. No Python loop runs over
rows, and only the vocabulary's few hundred strings are decoded.

Formats 1 and 2 keep four compound datasets in each replication's `indicators` group:
`tables`, `entries`, `maps` and `arrays`. They are read whole, one HDF5 read each, and
joined with numpy: table rows become municipality ids by array indexing, names become
codes of one vocabulary (strings are decoded once per distinct value, never per row),
map and array rows are placed after their entry by a sorted search. The only loops are
over replications and over distinct strings.

The tidy table (`COLUMNS`), one row per number:

    replication   int64     the replication id
    municipality  category  municipality id (`chuo`); REGION ('') for the region's table
    indicator     category  indicator name (docs/indicators.md), categories in file order
    key           category  '' for a scalar, the key of a map, the 0-based position of an
                            array element in decimal ('0', '1', ...)
    value         float64   the number; NaN where the model could not compute it (null in --json)

Rows are in file order: replication, then the region and each municipality, then the
indicators in dictionary order, then the keys in their order.
"""

import h5py
import numpy as np
import pandas as pd

from caresim_analysis import seal

COLUMNS = ("replication", "municipality", "indicator", "key", "value")
REGION = ""  # the municipality of the region's rows
SHAPES = ("scalar", "map", "array")  # the `shape` enum of `entries`, in code order

_DATASETS = ("tables", "entries", "maps", "arrays")
# The members read; entries' unit is read once, for the region of the first replication.
_FIELDS = {"tables": ("id",), "entries": ("table", "name", "shape", "value"), "maps": None, "arrays": None}


def text(value):
    """A string from h5py (variable-length strings in compounds come back as bytes)."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def vocabulary(values):
    """(codes, names): an object array of h5py strings as int64 codes into a list of
    distinct str, in order of first appearance. Decodes each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64, copy=False), [text(u) for u in uniques]


def read_dataset(file_id, name, fields=None, _types={}):
    """The whole dataset `name` as a numpy (structured) array, in one HDF5 read;
    `fields`: only these members of a compound (the others are not converted)."""
    dataset = h5py.h5d.open(file_id, name.encode())
    dtype = dataset.dtype
    if fields is not None:
        dtype = np.dtype([(f, dtype.fields[f][0]) for f in fields if f in dtype.fields])
    out = np.empty(dataset.shape, dtype=dtype)
    if out.size:
        if dtype not in _types:  # HDF5 memory types, made once per layout
            _types[dtype] = h5py.h5t.py_create(dtype)
        dataset.read(h5py.h5s.ALL, h5py.h5s.ALL, out, mtype=_types[dtype])
    return out


def _joined(parts, replications, path, what, table_counts, table_offsets):
    """The per-replication arrays of one dataset as one array, with each row's replication
    and global table row (into all replications' `tables` stacked)."""
    lengths = np.array([len(p) for p in parts], dtype=np.int64)
    rows = np.concatenate(parts) if parts else np.empty(0)
    replication = np.repeat(np.asarray(replications, dtype=np.int64), lengths)
    local = rows["table"].astype(np.int64) if len(rows) else np.empty(0, dtype=np.int64)
    bad = (local < 0) | (local >= np.repeat(table_counts, lengths))
    if bad.any():
        at = int(np.argmax(bad))
        raise seal.DamagedFileError(path, f"replication {replication[at]}: indicators/{what} row refers to table "
                                          f"{local[at]}, which its indicators/tables does not have")
    return rows, replication, local + np.repeat(table_offsets, lengths)


def read(file, replications, path):
    """(table, shape, units) of the open h5py `file`: the tidy DataFrame of `COLUMNS`, each
    row's shape code (an int8 array, index into SHAPES) and {indicator: unit} from the
    region's entries (None when the file stores no units)."""
    # The layout decides, so a format 3 file copied without its seal (as format 1) reads too.
    if "indicators" in file or int(file.attrs["format_version"]) >= 3:
        return _read_together(file, replications, path)
    return _read_per_replication(file, replications, path)


def _coded(codes, words):
    """Vocabulary codes as a categorical whose categories are the words used, in order of
    first use."""
    positions, used = pd.factorize(codes)
    return pd.Categorical.from_codes(positions.astype(np.int64, copy=False),
                                     categories=[words[int(c)] for c in used])


def _checked(codes, size, path, what):
    """`codes` as int64, each in 0 .. size - 1 (else DamagedFileError naming `what`)."""
    codes = np.asarray(codes, dtype=np.int64)
    bad = (codes < 0) | (codes >= size)
    if bad.any():
        raise seal.DamagedFileError(path, f"indicators/{what} holds {codes[int(np.argmax(bad))]}, which refers to "
                                          f"no row of {size}")
    return codes


def _read_together(file, replications, path):
    """read() of a format 3 file: /indicators, four whole-dataset reads. Its tables must
    hold exactly the replications the file records (`replications`)."""
    if "indicators" not in file:
        raise seal.DamagedFileError(path, "it has no /indicators group (results format 3)")
    fid = file.id
    words = [text(w) for w in file["indicators/vocabulary"][()]]
    if len(set(words)) != len(words):
        raise seal.DamagedFileError(path, "indicators/vocabulary holds a word twice")
    tables = read_dataset(fid, "indicators/tables", ("replication", "municipality"))
    held = set(np.unique(tables["replication"]).tolist())
    if held != {int(r) for r in replications}:
        missing = sorted({int(r) for r in replications} - held)
        extra = sorted(held - {int(r) for r in replications})
        raise seal.DamagedFileError(path, f"indicators/tables holds other replications than the file records "
                                          f"(missing {missing[:5]}, not recorded {extra[:5]})")
    entries = read_dataset(fid, "indicators/entries", ("table", "name", "shape", "unit"))
    numbers = read_dataset(fid, "indicators/numbers")
    size = len(words)
    entry = _checked(numbers["entry"], len(entries), path, "numbers entry")
    entry_table = _checked(entries["table"], len(tables), path, "entries table")
    entry_name = _checked(entries["name"], size, path, "entries name")
    shape = entries["shape"].astype(np.int8)
    if ((shape < 0) | (shape >= len(SHAPES))).any():
        raise seal.DamagedFileError(path, "an indicators/entries row has a shape that is not scalar, map or array")
    table = entry_table[entry]
    frame = pd.DataFrame({
        "replication": tables["replication"].astype(np.int64)[table],
        "municipality": _coded(_checked(tables["municipality"], size, path, "tables municipality")[table], words),
        "indicator": _coded(entry_name[entry], words),
        "key": _coded(_checked(numbers["key"], size, path, "numbers key"), words),
        "value": numbers["value"].astype(np.float64, copy=False),
    })
    # The units of the first replication's region (table row 0), one per entry.
    region = np.flatnonzero(entry_table == 0)
    units = _checked(entries["unit"][region], size, path, "entries unit")
    return frame, shape[entry], {words[n]: words[u] for n, u in zip(entry_name[region], units)}


def _read_per_replication(file, replications, path):
    """read() of a format 1 or 2 file: each replication's indicators group."""
    fid = file.id
    parts = {name: [] for name in _DATASETS}
    for r in replications:
        for name in _DATASETS:
            parts[name].append(read_dataset(fid, f"replications/{r}/indicators/{name}", _FIELDS[name]))
    table_counts = np.array([len(t) for t in parts["tables"]], dtype=np.int64)
    table_offsets = np.concatenate(([0], np.cumsum(table_counts)[:-1])).astype(np.int64)
    tables = np.concatenate(parts["tables"]) if parts["tables"] else np.empty(0)
    entries, e_rep, e_table = _joined(parts["entries"], replications, path, "entries", table_counts, table_offsets)
    maps, m_rep, m_table = _joined(parts["maps"], replications, path, "maps", table_counts, table_offsets)
    arrays, a_rep, a_table = _joined(parts["arrays"], replications, path, "arrays", table_counts, table_offsets)

    # One vocabulary of names for entries, maps and arrays, so that codes compare.
    n_e, n_m = len(entries), len(maps)
    all_names = np.concatenate([x["name"] for x in (entries, maps, arrays) if len(x)] or [np.empty(0, object)])
    name_codes, names = vocabulary(all_names)
    e_name, m_name, a_name = name_codes[:n_e], name_codes[n_e:n_e + n_m], name_codes[n_e + n_m:]
    shape = entries["shape"].astype(np.int8) if n_e else np.empty(0, np.int8)
    if n_e and ((shape < 0) | (shape >= len(SHAPES))).any():
        raise seal.DamagedFileError(path, "an indicators/entries row has a shape that is not scalar, map or array")

    # Each map and array row goes right after its entry: find the entry of its (table, name).
    width = max(len(names), 1)
    entry_key = e_table * width + e_name
    order = np.argsort(entry_key, kind="stable")
    sorted_keys = entry_key[order]

    def entry_of(table, name, expected, what):
        if not len(table):
            return np.empty(0, np.int64)
        key = table * width + name
        at = np.minimum(np.searchsorted(sorted_keys, key), max(len(sorted_keys) - 1, 0))
        position = order[at] if len(order) else at
        ok = (sorted_keys[at] == key) & (shape[position] == expected) if len(order) else np.zeros(len(key), bool)
        if not ok.all():
            bad = int(np.argmax(~ok))
            raise seal.DamagedFileError(path, f"an indicators/{what} row names {names[name[bad]]!r}, which is not a "
                                              f"{SHAPES[expected]} entry of its table")
        return position

    m_entry = entry_of(m_table, m_name, 1, "maps")
    a_entry = entry_of(a_table, a_name, 2, "arrays")

    # Keys: '' for scalars, then the maps' keys, then the arrays' positions as text.
    map_key_codes, map_keys = vocabulary(maps["key"]) if n_m else (np.empty(0, np.int64), [])
    index = arrays["index"].astype(np.int64) if len(arrays) else np.empty(0, np.int64)
    index_codes, index_values = pd.factorize(index)
    key_names = [REGION] + map_keys + [str(int(i)) for i in index_values]
    # A map key may spell an array position ('3'): one category per distinct text.
    distinct = list(dict.fromkeys(key_names))
    position = {k: i for i, k in enumerate(distinct)}
    remap = np.array([position[k] for k in key_names], dtype=np.int64)

    scalar = shape == 0
    order_key = np.concatenate([np.flatnonzero(scalar), m_entry, a_entry])
    stacked = {
        "replication": np.concatenate([e_rep[scalar], m_rep, a_rep]),
        "table": np.concatenate([e_table[scalar], m_table, a_table]),
        "name": np.concatenate([e_name[scalar], m_name, a_name]),
        "key": remap[np.concatenate([np.zeros(int(scalar.sum()), np.int64), 1 + map_key_codes,
                                     1 + len(map_keys) + index_codes.astype(np.int64)])],
        "value": np.concatenate([entries["value"][scalar] if n_e else np.empty(0),
                                 maps["value"] if n_m else np.empty(0),
                                 arrays["value"] if len(arrays) else np.empty(0)]).astype(np.float64),
        "shape": np.concatenate([np.zeros(int(scalar.sum()), np.int8), np.ones(n_m, np.int8),
                                 np.full(len(arrays), 2, np.int8)]),
    }
    rows = np.argsort(order_key, kind="stable")  # entries in file order; a map's pairs in theirs
    stacked = {k: v[rows] for k, v in stacked.items()}

    table_codes, table_ids = vocabulary(tables["id"]) if len(tables) else (np.empty(0, np.int64), [])
    frame = pd.DataFrame({
        "replication": stacked["replication"],
        "municipality": pd.Categorical.from_codes(table_codes[stacked["table"]], categories=table_ids),
        "indicator": pd.Categorical.from_codes(stacked["name"], categories=names),
        "key": pd.Categorical.from_codes(stacked["key"], categories=distinct),
        "value": stacked["value"],
    })
    return frame, stacked["shape"], _units(file, replications)


def _units(file, replications):
    """{indicator: unit} from the first replication's region entries; None without units."""
    if not replications:
        return {}
    name = f"replications/{replications[0]}/indicators/entries"
    if "unit" not in (file[name].dtype.names or ()):
        return None
    entries = read_dataset(file.id, name, fields=("table", "name", "unit"))
    region = entries["table"] == 0
    return {text(n): text(u) for n, u in zip(entries["name"][region], entries["unit"][region])}


def wide(table, by="replication", municipality=REGION):
    """The tidy `table` (load()) as a wide DataFrame, one column per number: the
    indicator's name for a scalar, `name.key` for a map's key or an array's position
    (`crisis_outcomes.admission`, `discharge_curve_monthly.0`), in the table's order.

    by="replication": one row per replication of `municipality` (default: the region).
    by="municipality": one row per (replication, municipality) of the municipalities
    (the region's rows left out)."""
    if by == "replication":
        rows = table[table["municipality"] == municipality]
        index = ["replication"]
    elif by == "municipality":
        rows = table[table["municipality"] != REGION]
        index = ["replication", "municipality"]
    else:
        raise ValueError(f"wide(by={by!r}): by is 'replication' or 'municipality'")
    indicator = rows["indicator"].astype(str).to_numpy(dtype=object)
    key = rows["key"].astype(str).to_numpy(dtype=object)
    column = np.where(key == "", indicator, indicator + "." + key)
    columns = pd.unique(column)
    frame = rows.assign(column=pd.Categorical(column, categories=columns),
                        municipality=rows["municipality"].cat.remove_unused_categories())
    out = frame.pivot(index=index, columns="column", values="value")
    out.columns = list(out.columns)
    if by == "municipality":
        out.index = out.index.set_levels(out.index.levels[1].astype(str), level=1)
    return out
