// Placeholder; replaced by the Date implementation.
namespace caresim::scenario {}
