#pragma once
// The names a trace gives to the codes of the model's record enums, in English (the
// model's own to_string spelling, also the HDF5 enum member names) and in Japanese.
#include <cstdint>
#include <span>
#include <string_view>

namespace caresim::io {

/** One enumerator: its code in the model's enum, and its names. */
struct Term {
  std::uint8_t code;
  std::string_view en;  ///< identical to caresim::model::to_string of the enumerator
  std::string_view ja;
};

/** Every model::Place, in code order. */
std::span<const Term> place_terms();
/** Every model::MoveKind ("event kinds"), in code order. */
std::span<const Term> move_kind_terms();
/** Every model::Cause, in code order. */
std::span<const Term> cause_terms();
/** Every model::AdmissionType, in code order. */
std::span<const Term> admission_terms();
/** The diagnosis groups of MovementRecord::diagnosis (0 F2, 1 F0, 2 other). */
std::span<const Term> diagnosis_terms();
/** The shapes of an indicator (model::IndicatorShape: 0 scalar, 1 map, 2 array). */
std::span<const Term> indicator_shape_terms();

}  // namespace caresim::io
