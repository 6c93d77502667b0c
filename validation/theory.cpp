#include "validation/theory.hpp"

#include <stdexcept>

namespace caresim::validation {

double erlang_b(int servers, double offered_load) {
  if (servers < 0 || !(offered_load >= 0)) throw std::invalid_argument("erlang_b: need servers >= 0 and load >= 0");
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) b = offered_load * b / (k + offered_load * b);
  return b;
}

double erlang_c(int servers, double offered_load) {
  if (!(offered_load < servers)) throw std::invalid_argument("erlang_c: the load must be below the number of servers");
  const double b = erlang_b(servers, offered_load);
  const double rho = offered_load / servers;
  return b / (1.0 - rho + rho * b);
}

double mmc_mean_wait(int servers, double arrival_rate, double service_rate) {
  const double a = arrival_rate / service_rate;
  return erlang_c(servers, a) / (servers * service_rate - arrival_rate);
}

}  // namespace caresim::validation
