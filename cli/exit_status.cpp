#include "cli/exit_status.hpp"

#include <boost/program_options/errors.hpp>
#include <iostream>
#include <new>
#include <stdexcept>
#include <system_error>

#include "io/trace_error.hpp"
#include "runner/replications.hpp"
#include "text/terminal_text.hpp"

namespace caresim::cli {

const char* exit_status_help() {
  return "Exit status:\n"
         "  0  done (rerun: the results agree with the file)\n"
         "  1  a problem with the input, the data or the output: a bad scenario, a damaged or\n"
         "     unwritable results file, a full disk (before or during the run); rerun: the results differ\n"
         "  2  a wrong command line (an unknown option or command, -j below 1, -o '')\n"
         "  3  out of memory, the system refused threads, or an internal error\n";
}

int report_failure(const std::string& command, const std::exception_ptr& failure) {
  const std::string who = command.empty() ? "caresim: " : "caresim " + command + ": ";
  std::string where;  // "replication 3: " when a replication failed
  std::exception_ptr cause = failure;
  try {
    std::rethrow_exception(failure);
  } catch (const runner::ReplicationError& e) {
    where = "replication " + std::to_string(e.id()) + ": ";
    cause = e.cause();
  } catch (...) {
  }
  try {
    std::rethrow_exception(cause);
  } catch (const io::TraceError& e) {
    // It names the replication itself when one was being written; its path may be a results
    // file's, which is data: escaped like every such text.
    std::cerr << who << text::terminal_text(e.what()) << '\n';
    return kExitProblem;
  } catch (const std::bad_alloc&) {
    std::cerr << who << where
              << "out of memory. Fewer replications at a time (-j), fewer years or replications, or a smaller "
                 "region need less.\n";
    return kExitInternal;
  } catch (const std::system_error& e) {
    std::cerr << who << where << "the system refused a resource: " << e.what() << '\n';
    return kExitInternal;
  } catch (const boost::program_options::error& e) {
    std::cerr << who << e.what() << '\n';
    return kExitUsage;
  } catch (const std::invalid_argument& e) {
    std::cerr << who << where << text::terminal_text(e.what()) << '\n';  // a model that rejects its parameters
    return kExitProblem;
  } catch (const std::exception& e) {
    std::cerr << who << where << "internal error: " << text::terminal_text(e.what()) << " (please report it)\n";
    return kExitInternal;
  } catch (...) {
    std::cerr << who << where << "internal error: an exception that is not a std::exception (please report it)\n";
    return kExitInternal;
  }
}

}  // namespace caresim::cli
