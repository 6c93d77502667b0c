#pragma once
// A hash map from 64-bit ids to small values, for tables the simulation reads on every
// event: one array of slots, no node per entry, so a lookup is one or two cache lines.
#include <cstdint>
#include <vector>

namespace caresim::engine {

/** Map from a 64-bit id to a `Value`, with open addressing and linear probing. A slot
 *  whose value is `Value{}` is empty, so no id is reserved and storing `Value{}` erases.
 *  The load stays at most 1/2; erasing shifts later entries back (no tombstones).
 *  Allocates only when it grows. `Value` is copyable and compares with `==`. */
template <class Value>
class FlatIdMap {
 public:
  /** The value of `id`, `Value{}` if it has none. */
  Value get(std::uint64_t id) const { return slots_.empty() ? Value{} : slots_[find_slot(id)].value; }

  /** Applies `change` (a callable taking `Value&`) to the value of `id` (`Value{}` if it
   *  has none) with one lookup: a result of `Value{}` erases the id. Returns the value
   *  before, so a caller can check and change in one step. */
  template <class Change>
  Value update(std::uint64_t id, Change&& change) {
    std::size_t i = slots_.empty() ? 0 : find_slot(id);
    const Value before = slots_.empty() ? Value{} : slots_[i].value;
    Value after = before;
    change(after);
    if (before == Value{}) {
      if (after == Value{}) return before;
      if (2 * (size_ + 1) > slots_.size()) {
        grow();
        i = find_slot(id);
      }
      slots_[i] = Slot{id, after};
      ++size_;
    } else if (after == Value{}) {
      erase_at(i);
    } else {
      slots_[i].value = after;
    }
    return before;
  }

  /** Sets the value of `id` to `value` (`Value{}` erases it). */
  void put(std::uint64_t id, const Value& value) {
    update(id, [&value](Value& v) { v = value; });
  }

  /** Erases `id`; returns its value before (`Value{}` if it had none). */
  Value erase(std::uint64_t id) {
    return update(id, [](Value& v) { v = Value{}; });
  }

  /** Number of ids with a value. */
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t id = 0;
    Value value{};  // Value{}: the slot is empty
  };

  // The splitmix64 finaliser: consecutive ids (the usual case) spread over the table.
  std::size_t home(std::uint64_t id) const {
    id ^= id >> 30;
    id *= 0xbf58476d1ce4e5b9ull;
    id ^= id >> 27;
    id *= 0x94d049bb133111ebull;
    id ^= id >> 31;
    return static_cast<std::size_t>(id) & mask_;
  }

  // The slot of `id`, or the empty slot that ends its probe run. Precondition: slots exist.
  std::size_t find_slot(std::uint64_t id) const {
    std::size_t i = home(id);
    while (!(slots_[i].value == Value{}) && slots_[i].id != id) i = (i + 1) & mask_;
    return i;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!(s.value == Value{})) slots_[find_slot(s.id)] = s;
    }
  }

  void erase_at(std::size_t hole) {
    // Backward-shift deletion: move up any later entry of the run whose home is not
    // between the hole and itself, so every entry stays reachable from its home.
    --size_;
    std::size_t i = hole;
    for (;;) {
      slots_[hole].value = Value{};
      for (;;) {
        i = (i + 1) & mask_;
        if (slots_[i].value == Value{}) return;
        const std::size_t h = home(slots_[i].id);
        // Entry i may fill the hole unless its home lies cyclically in (hole, i].
        const bool home_after_hole = hole <= i ? (hole < h && h <= i) : (hole < h || h <= i);
        if (!home_after_hole) break;
      }
      slots_[hole] = slots_[i];
      hole = i;
    }
  }

  std::vector<Slot> slots_;  // size 0 or a power of two
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace caresim::engine
