#pragma once
// A hub's coordinators (拠点コーディネーター): not units a person holds but a monthly quota
// of claims, one claim being one person supported in one month. The rule of who answers is
// written here once.
#include <cmath>
#include <string>

#include "models/counts.hpp"

namespace caresim::model {

/** The coordinator staffing of one hub and this month's claims. */
class Coordinators {
 public:
  /** Sets the staffing (0 before the hub opens) and the claims each coordinator can make
   *  in a month (response.claims_per_coordinator). Throws std::invalid_argument, naming
   *  `hub`, when the monthly claims are not a whole count within an int. */
  void set(double staff, double claims_per_coordinator, const std::string& hub) {
    staff_ = staff;
    const double claims = std::floor(staff * claims_per_coordinator);
    const int quota = claims <= 0 ? 0 : whole_count(claims, "monthly claims", hub);
    available_ = answers() ? quota : 0;
  }
  /** Coordinators on the staff now (may be fractional). */
  double staff() const { return staff_; }
  /** True when the hub answers crises and runs programmes: at least one whole coordinator.
   *  A hub with fewer answers nothing and has no claims to make. */
  bool answers() const { return staff_ >= 1.0; }
  /** Claims this month's staffing allows: floor(claims_per_coordinator x staff) for a hub
   *  that answers, else 0. */
  int available() const { return available_; }
  /** Claims made this month. */
  int used() const { return used_; }
  /** Makes one claim if one is left this month. */
  bool take() {
    if (used_ >= available_) return false;
    ++used_;
    return true;
  }
  /** Starts a new month. */
  void new_month() { used_ = 0; }

 private:
  double staff_ = 0;
  int available_ = 0;
  int used_ = 0;
};

}  // namespace caresim::model
