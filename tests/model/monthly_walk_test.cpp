// The month start walks a short list of people (models/model_state.hpp, monthly_ids_), not
// everyone present: those holding a support place billed by the month (自立生活援助,
// 地域定着支援, home nursing) or in a transition programme. The list relies on every place
// taken and programme started listing the person; these tests check that it misses nobody,
// against a service that looks at every person who ever entered at each month start.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <set>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "engine/observe/recorder.hpp"
#include "model_test_support.hpp"
#include "models/care_model.hpp"
#include "models/service.hpp"

using namespace caresim::model;

namespace {

/** At each month start (after the model's own month work) compares the people billed a
 *  month of a package with every person present who should be: in the community or a
 *  crisis stay and holding it. And every person in a programme must have been billed a
 *  programme month since the last month start (the month's or the programme's first). */
class MonthlyAudit final : public Service, public caresim::engine::Recorder<ServiceRecord> {
 public:
  void declare(FacilityTable& /*table*/) override {}
  void on_move(ServiceContext& /*context*/, const MovementRecord& r) override {
    if (r.kind == MoveKind::Enter) entered_.push_back(r.person);
  }
  void record(const ServiceRecord& r) override {
    if (r.kind == ServiceKind::IndependentLivingMonth) billed_[0].push_back(r.person);
    if (r.kind == ServiceKind::SettlementMonth) billed_[1].push_back(r.person);
    if (r.kind == ServiceKind::HomeNursingMonth) billed_[2].push_back(r.person);
    if (r.kind == ServiceKind::TransitionMonth) programme_billed_.insert(r.person);
  }
  void on_month(ServiceContext& context, int /*month*/) override {
    std::vector<std::uint64_t> due[3];
    for (const std::uint64_t id : entered_) {  // ascending: ids are handed out in order
      const Person& who = context.person(id);
      if (!who.present) continue;
      if (in_community(who.place) || who.place == Place::CrisisStay) {
        if (who.packages & kIndependentLiving) due[0].push_back(id);
        if (who.packages & kSettlement) due[1].push_back(id);
        if (who.packages & kHomeNursing) due[2].push_back(id);
      }
      if (who.in_programme()) {
        ++programme_months;
        if (programme_billed_.count(id) == 0) ++programmes_unbilled;
      }
    }
    for (int k = 0; k < 3; ++k) {
      package_months[k] += static_cast<std::uint64_t>(due[k].size());
      if (due[k] != billed_[k]) ++months_differing[k];
      billed_[k].clear();
    }
    programme_billed_.clear();
    ++months;
  }

  int months = 0;
  std::uint64_t package_months[3] = {0, 0, 0};  ///< independent living, settlement, home nursing
  int months_differing[3] = {0, 0, 0};          ///< months whose billed people differ from those due
  std::uint64_t programme_months = 0;
  std::uint64_t programmes_unbilled = 0;

 private:
  std::vector<std::uint64_t> entered_;
  std::vector<std::uint64_t> billed_[3];  // this month, in the order billed
  std::set<std::uint64_t> programme_billed_;
};

/** Runs `p` with the audit and checks it. */
void check_every_month(const Parameters& p) {
  auto audit = std::make_unique<MonthlyAudit>();
  MonthlyAudit& a = *audit;
  Services services;
  services.push_back(std::move(audit));
  CareModel model(p, 7, 0, std::move(services));
  model.attach(static_cast<caresim::engine::Recorder<ServiceRecord>*>(&a));
  model.run();
  CHECK(a.months > 100);
  CHECK(a.package_months[0] > 0);
  CHECK(a.package_months[1] > 0);
  CHECK(a.package_months[2] > 0);
  CHECK(a.programme_months > 0);
  CHECK(a.months_differing[0] == 0);
  CHECK(a.months_differing[1] == 0);
  CHECK(a.months_differing[2] == 0);
  CHECK(a.programmes_unbilled == 0);
}

}  // namespace

TEST_CASE("every month bills each person present with a monthly package, in id order, in the reference region") {
  check_every_month(caresim::model::testing::short_reference(12));
}

TEST_CASE("every month bills each person present with a monthly package, in id order, under the phased plan") {
  check_every_month(caresim::care_scenario::load_parameters("phased-plan.yaml"));
}
