"""The Trace object: one caresim trace file as pandas DataFrames.

Tables are read when first used (the event table of a long run can be large) and then
kept. Codes of the HDF5 enum types become pandas categoricals named by the file's own
enum names; facility and municipality indices are joined with their ids.
"""

from functools import cached_property

import h5py
import numpy as np
import pandas as pd

from caresim_analysis import seal

_NO_FACILITY = -1


def _text(value):
    """A string from h5py (variable-length strings in compounds come back as bytes)."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _frame(dataset):
    """A compound dataset as a DataFrame: strings decoded, enum members as categoricals."""
    data = dataset[()]
    columns = {}
    for name in data.dtype.names:
        field = data[name]
        enum = h5py.check_enum_dtype(dataset.dtype[name])
        if enum is not None:
            columns[name] = _categorical(field, enum)
        elif field.dtype.kind == "O":
            columns[name] = [_text(v) for v in field]
        else:
            columns[name] = field
    return pd.DataFrame(columns)


def _categorical(codes, enum):
    """Enum codes -> a categorical whose categories are the enum's names in code order."""
    names = sorted(enum, key=enum.get)
    values = [enum[n] for n in names]
    if values == list(range(len(values))):
        return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int64), categories=names)
    by_code = {v: n for n, v in enum.items()}
    return pd.Categorical([by_code[int(c)] for c in codes], categories=names)


def _ids(rows, ids):
    """Facility or municipality rows -> their ids (missing for -1)."""
    rows = np.asarray(rows, dtype=np.int64)
    lookup = np.asarray(list(ids) + [None], dtype=object)
    return pd.Categorical(lookup[np.where(rows < 0, len(ids), rows)], categories=list(ids))


class Trace:
    """One trace file. Open with load(path); every table is a property.

    provenance       dict of the root attributes (scenario YAML, seed, replication ids...)
    replications     list of replication ids, in file order
    facilities, municipalities, hubs, places, event_kinds, causes
                     the dictionaries (DataFrames, Japanese and English names)
    events           one row per movement, all replications (trace level "events")
    occupancy        daily midnight census: index (replication, day), one column per facility id
    monthly          monthly snapshots, one row per replication and month
    indicators       scalar indicators: replication, municipality ('' = region), name, value
    indicator_maps   named-map indicators: replication, municipality, name, key, value
    indicator_arrays array indicators: replication, municipality, name, index, value
    indicator_units  {indicator name: unit} (docs/indicators.md); None for files without units
    """

    def __init__(self, path, _in_child=False):
        self.path = str(path)
        self._identity = seal.identity(self.path)
        sealed_format = seal.check(self.path)
        if sealed_format is None and not _in_child:
            seal.read_unsealed_in_child(self.path)
        with self._open() as f:
            if f.attrs.get("format") != "caresim-trace":
                raise ValueError(f"{self.path}: not a caresim trace")
            stored = f.attrs.get("format_version")
            if sealed_format is not None and stored != sealed_format:
                raise seal.DamagedFileError(self.path, f"its format_version {stored} disagrees with its seal's "
                                                       f"{sealed_format}")
            if sealed_format is None and stored != 1:
                raise seal.DamagedFileError(self.path, f"format {stored} files start with a seal; this one has none")
            self.provenance = {k: self._attribute(v) for k, v in f.attrs.items()}
            self.replications = [int(r) for r in f.attrs["replication_ids"]]
            self.dictionaries = {name: _frame(ds) for name, ds in f["dictionaries"].items()}

    def _open(self):
        """The file, opened by h5py, if it is still the one whose seal was checked at load
        (tables are read when first used, so it may have been replaced since)."""
        if seal.identity(self.path) != self._identity:
            raise ValueError(f"{self.path}: changed since it was loaded; load it again")
        return h5py.File(self.path, "r")

    @staticmethod
    def _attribute(value):
        if isinstance(value, (bytes, str)):
            return _text(value)
        if isinstance(value, np.ndarray):
            return value.tolist()
        return value.item() if isinstance(value, np.generic) else value

    def __repr__(self):
        return (f"<caresim trace {self.path}: level {self.provenance['trace_level']}, "
                f"replications {self.replications}>")

    # --- dictionaries
    @property
    def facilities(self):
        return self.dictionaries["facilities"]

    @property
    def municipalities(self):
        return self.dictionaries["municipalities"]

    @property
    def hubs(self):
        return self.dictionaries["hubs"]

    @property
    def places(self):
        return self.dictionaries["places"]

    @property
    def event_kinds(self):
        return self.dictionaries["event_kinds"]

    @property
    def causes(self):
        return self.dictionaries["causes"]

    # --- per-replication tables
    def _each(self, name):
        """(replication id, dataset) for every replication that has table `name`."""
        with self._open() as f:
            for r in self.replications:
                group = f[f"replications/{r}"]
                if name in group:
                    yield r, group[name]

    @cached_property
    def events(self):
        frames = []
        for r, ds in self._each("events"):
            frame = _frame(ds)
            frame.insert(0, "replication", r)
            frames.append(frame)
        if not frames:
            return pd.DataFrame(columns=["replication", "time", "person", "kind", "from", "to", "cause"])
        events = pd.concat(frames, ignore_index=True)
        facility_ids = self.facilities["id"].tolist()
        events["facility_id"] = _ids(events["facility"], facility_ids)
        events["from_facility_id"] = _ids(events["from_facility"], facility_ids)
        events["municipality_id"] = _ids(events["municipality"], self.municipalities["id"].tolist())
        return events

    @cached_property
    def occupancy(self):
        frames = []
        for r, ds in self._each("occupancy"):
            counts = ds[()]
            index = pd.MultiIndex.from_product([[r], np.arange(counts.shape[0])], names=["replication", "day"])
            frames.append(pd.DataFrame(counts, index=index, columns=self.facilities["id"].tolist()))
        return pd.concat(frames) if frames else pd.DataFrame()

    @cached_property
    def monthly(self):
        frames = []
        for r, ds in self._each("monthly"):
            frame = _frame(ds)
            frame.insert(0, "replication", r)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    @cached_property
    def _indicator_tables(self):
        scalars, maps, arrays = [], [], []
        with self._open() as f:
            for r in self.replications:
                group = f[f"replications/{r}/indicators"]
                tables = _frame(group["tables"])["id"].tolist()  # "" = the region
                entries, by_map, by_array = (_frame(group[n]) for n in ("entries", "maps", "arrays"))
                for frame, out in ((entries, scalars), (by_map, maps), (by_array, arrays)):
                    if frame.empty:
                        continue
                    frame.insert(0, "replication", r)
                    frame.insert(1, "municipality", [tables[t] for t in frame.pop("table")])
                    out.append(frame)
        scalars = pd.concat(scalars, ignore_index=True)
        # Units sit beside each entry (files written before them have none).
        units = scalars.pop("unit") if "unit" in scalars else pd.Series([None] * len(scalars), dtype=object)
        region = scalars["municipality"] == ""
        unit_of = dict(zip(scalars["name"][region], units[region]))
        scalars = scalars[scalars.pop("shape") == "scalar"].reset_index(drop=True)
        columns = {"maps": ["replication", "municipality", "name", "key", "value"],
                   "arrays": ["replication", "municipality", "name", "index", "value"]}
        return (scalars,
                pd.concat(maps, ignore_index=True) if maps else pd.DataFrame(columns=columns["maps"]),
                pd.concat(arrays, ignore_index=True) if arrays else pd.DataFrame(columns=columns["arrays"]),
                unit_of)

    @property
    def indicators(self):
        return self._indicator_tables[0]

    @property
    def indicator_maps(self):
        return self._indicator_tables[1]

    @property
    def indicator_arrays(self):
        return self._indicator_tables[2]

    @property
    def indicator_units(self):
        return self._indicator_tables[3]


def load(path):
    """Opens the caresim trace at `path`.

    Raises DamagedFileError (a ValueError) when its seal does not hold or a file without a
    seal crashes a separate reader, ValueError if it is not a caresim trace."""
    return Trace(path)
