#pragma once
// Internal to caresim::io: the state a TraceWriter shares with the replications it hands
// out — the open file, the lock that makes it a single writer, and the write order.
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "io/h5_handle.hpp"
#include "io/indicator_tables.hpp"
#include "io/trace_options.hpp"

namespace caresim::io::detail {

/** Rows per chunk of the event table: 16384 × 32 bytes = 512 KiB before compression
 *  (bigger chunks compress a little better; this one still fits HDF5's 1 MiB chunk cache). */
inline constexpr hsize_t kEventChunkRows = 16384;
/** Days per chunk of the occupancy table. */
inline constexpr hsize_t kOccupancyChunkDays = 128;
/** Rows per chunk of the monthly table. */
inline constexpr hsize_t kMonthlyChunkRows = 64;
/** Deflate level of every chunked table (1 = fastest; higher levels cost run time for
 *  little gain on shuffled numbers). */
inline constexpr int kDeflateLevel = 1;

/** The open trace file. Every HDF5 call on it happens under `mutex`: HDF5 1.10 has one
 *  global lock anyway, and our own lock keeps a multi-call step (extend, select, write)
 *  from interleaving with another thread's. */
struct TraceFile {
  std::string target;  ///< the user's path, for messages
  TraceLevel level = TraceLevel::Events;
  std::mutex mutex;
  H5Id file;
  H5Id replications;    ///< the /replications group
  bool closed = false;  ///< finished or abandoned: nothing may be written any more

  std::vector<std::uint32_t> order;  ///< replication ids in the order they are written
  std::size_t next = 0;              ///< index in `order` of the next replication to write
  bool streaming = false;            ///< a streaming replication is open
  IndicatorEncoder indicators;       ///< the written replications' indicator tables, for /indicators at the end
};

}  // namespace caresim::io::detail
