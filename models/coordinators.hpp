#pragma once
// A hub's coordinators (拠点コーディネーター): full-time equivalents whose monthly staff
// hours are spent on named people (models/coordination.cpp), and the 機能強化加算 their
// host office may bill, a funding line inside their cost that does not limit their work.
#include <cmath>
#include <string>

#include "models/counts.hpp"

namespace caresim::model {

/** The coordinator staffing of one hub and this month's hours and add-on claims. */
class Coordinators {
 public:
  /** Sets the staffing in full-time equivalents (0 before the hub opens), the hours each
   *  has for people in a month, and, for a hub whose host office bills the add-on, the
   *  user-months billable per full-time coordinator (0 if it does not). The month's hours
   *  become staff x hours_per_fte (what was spent stays spent). Throws
   *  std::invalid_argument, naming `hub`, when the monthly claims are not a whole count
   *  within an int. */
  void set(double staff, double hours_per_fte, double claims_per_coordinator, const std::string& hub) {
    staff_ = staff;
    hours_ = staff * hours_per_fte;
    // The add-on needs at least one full-time coordinator (常勤で1以上, seed 003 L312).
    const double claims = staff >= 1.0 ? std::floor(staff * claims_per_coordinator) : 0.0;
    claims_available_ = claims <= 0 ? 0 : whole_count(claims, "monthly add-on claims", hub);
  }
  /** Full-time equivalents on the staff now (may be fractional). */
  double staff() const { return staff_; }
  /** Staff hours for people this month. */
  double hours() const { return hours_; }
  /** Hours spent this month. */
  double used() const { return used_; }
  /** Spends `h` hours on a planned task (given out at the start of the month) if they fit
   *  in the hours outside the emergency reserve (`reserve_share` of the month's). */
  bool take_planned(double h, double reserve_share) {
    if (h <= 0 || used_ + h > hours_ * (1.0 - reserve_share) + 1e-9) return false;
    used_ += h;
    return true;
  }
  /** Spends `h` hours on an emergency if they are left this month. */
  bool take_emergency(double h) {
    if (h <= 0 || used_ + h > hours_ + 1e-9) return false;
    used_ += h;
    return true;
  }
  /** Add-on user-months the host office may bill this month. */
  int claims_available() const { return claims_available_; }
  /** Bills one add-on user-month if the cap allows. */
  bool take_claim() {
    if (claims_used_ >= claims_available_) return false;
    ++claims_used_;
    return true;
  }
  /** Starts a new month. */
  void new_month() {
    used_ = 0;
    claims_used_ = 0;
  }

 private:
  double staff_ = 0;
  double hours_ = 0;
  double used_ = 0;
  int claims_available_ = 0;
  int claims_used_ = 0;
};

}  // namespace caresim::model
