"""The Trace object: one caresim results file as pandas DataFrames.

Tables are read when first used (the event table of a long run can be large) and then
kept. Codes of the HDF5 enum types become pandas categoricals named by the file's own
enum names; facility and municipality indices are joined with their ids. Every dataset
is read whole and decoded with numpy (strings once per distinct value), never row by row.
"""

from functools import cached_property

import h5py
import numpy as np
import pandas as pd

from caresim_analysis import indicators, seal


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
            codes, names = indicators.vocabulary(field)
            columns[name] = np.asarray(names, dtype=object)[codes] if len(field) else np.empty(0, object)
        else:
            columns[name] = field
    return pd.DataFrame(columns)


def _categorical(codes, enum):
    """Enum codes -> a categorical whose categories are the enum's names in code order."""
    names = sorted(enum, key=enum.get)
    values = np.asarray([enum[n] for n in names], dtype=np.int64)
    codes = np.asarray(codes, dtype=np.int64)
    if np.array_equal(values, np.arange(len(values))) and (not len(codes) or codes.max() < len(values)):
        return pd.Categorical.from_codes(codes, categories=names)  # codes 0, 1, ...: they are the positions
    # The enums are unsigned (8-bit in caresim's files): a lookup array maps each code to
    # its category's position, -1 (missing) for a code that is no member.
    position = np.full(int(max(values.max(initial=0), codes.max(initial=0))) + 1, -1, dtype=np.int64)
    position[values] = np.arange(len(values))
    return pd.Categorical.from_codes(position[codes], categories=names)


def _ids(rows, ids):
    """Facility or municipality rows -> their ids (missing for -1)."""
    rows = np.asarray(rows, dtype=np.int64)
    lookup = np.asarray(list(ids) + [None], dtype=object)
    return pd.Categorical(lookup[np.where(rows < 0, len(ids), rows)], categories=list(ids))


class Trace:
    """One results file. Open with load_trace(path); every table is a property.

    provenance       dict of the root attributes (scenario YAML, seed, replication ids...)
    replications     list of replication ids, in file order
    facilities, municipalities, hubs, places, event_kinds, causes
                     the dictionaries (DataFrames, Japanese and English names)
    events           one row per movement, all replications (trace level "events")
    occupancy        daily midnight census: index (replication, day), one column per facility id
    monthly          monthly snapshots, one row per replication and month
    table            every indicator as one tidy long table: replication, municipality
                     ('' = region), indicator, key, value (caresim_analysis.indicators)
    indicators       views of `table`, one per shape: scalars (replication, municipality,
    indicator_maps   name, value), maps (+ key) and arrays (+ index, an int)
    indicator_arrays
    indicator_units  {indicator name: unit} (docs/indicators.md); None for files without units
    """

    def __init__(self, path, _in_child=False):
        self.path = str(path)
        self._identity = seal.identity(self.path)
        sealed_format = seal.check(self.path)
        if sealed_format is None and not _in_child:
            seal.read_unsealed_in_child(self.path)
        with self._open() as f:
            kind = f.attrs.get("format")
            if kind is None:
                raise seal.ForeignFileError(self.path, "an HDF5 file without the root attribute format = caresim-trace")
            if self._attribute(kind) != "caresim-trace":
                raise seal.ForeignFileError(self.path, f"its root attribute format is {self._attribute(kind)!r}, "
                                                       "not 'caresim-trace'")
            stored = f.attrs.get("format_version")
            if stored is None:
                raise seal.DamagedFileError(self.path, "it has no root attribute format_version")
            stored = int(stored)
            if sealed_format is not None and stored != sealed_format:
                raise seal.DamagedFileError(self.path, f"its format_version {stored} disagrees with its seal's "
                                                       f"{sealed_format}")
            if sealed_format is None and stored != 1:
                raise seal.DamagedFileError(self.path, f"format {stored} files start with a seal; this one has none")
            self.provenance = {k: self._attribute(v) for k, v in f.attrs.items()}
            self.replications = [int(r) for r in f.attrs["replication_ids"]]
            if not self.replications:  # nothing to compare or tidy: refused, as caresim refuses it
                raise seal.DamagedFileError(self.path, "it records no replication (replication_ids is empty)")

    @cached_property
    def dictionaries(self):
        """{name: DataFrame} of the file's /dictionaries (read when first used)."""
        with self._open() as f:
            return {name: _frame(ds) for name, ds in f["dictionaries"].items()}

    def _open(self):
        """The file, opened by h5py, if it is still the one whose seal was checked at load
        (tables are read when first used, so it may have been replaced since)."""
        if seal.identity(self.path) != self._identity:
            raise ValueError(f"{self.path}: changed since it was loaded; load it again")
        return h5py.File(self.path, "r")

    @staticmethod
    def _attribute(value):
        if isinstance(value, (bytes, str)):
            return indicators.text(value)
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
        with self._open() as f:
            return indicators.read(f, self.replications, self.path)

    @property
    def table(self):
        return self._indicator_tables[0]

    def _shape(self, code, key_name):
        table, shape, _ = self._indicator_tables
        rows = table[shape == code].rename(columns={"indicator": "name"}).reset_index(drop=True)
        if key_name is None:
            return rows.drop(columns="key")
        if key_name == "index":
            return rows.assign(key=rows["key"].astype(str).astype(np.int64)).rename(columns={"key": "index"})
        return rows

    @property
    def indicators(self):
        return self._shape(0, None)

    @property
    def indicator_maps(self):
        return self._shape(1, "key")

    @property
    def indicator_arrays(self):
        return self._shape(2, "index")

    @property
    def indicator_units(self):
        return self._indicator_tables[2]


def load_trace(path):
    """Opens the caresim results file at `path` as a Trace (provenance, dictionaries,
    events, occupancy, monthly, the indicator table), each table read when first used.

    Raises, each naming the file: DamagedFileError when its seal or checksum does not hold
    or a file without a seal crashes a separate reader; ForeignFileError when it is not a
    caresim results file; FormatVersionError for a results format this package does not
    read; NotRegularFileError for a FIFO, device or socket (never opened); OSError
    (FileNotFoundError...) when it cannot be read. All but OSError are ValueErrors."""
    return Trace(path)


def load(path):
    """Every indicator of the results file at `path`, as one tidy long DataFrame:
    replication, municipality ('' for the region), indicator, key ('' for a scalar, a map's
    key, an array's position), value (caresim_analysis.indicators). Its `attrs` hold
    `path`, `provenance` (the root attributes) and `units` ({indicator: unit}).

    Raises what load_trace raises."""
    trace = Trace(path)
    table = trace.table.copy()
    table.attrs = {"path": trace.path, "provenance": trace.provenance, "units": trace.indicator_units}
    return table
