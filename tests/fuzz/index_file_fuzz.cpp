// Fuzz target of the index file reader: container checks, then both sides decoded with the
// checksums skipped (so mutations reach the section decoders). Any input must give a value or an
// Error, never a crash, a hang or an out-of-bounds read.
//
// With clang: cmake -DSKILLMATCH_BUILD_FUZZERS=ON -DCMAKE_CXX_COMPILER=clang++ ... builds it with
// -fsanitize=fuzzer,address (run: build/tests/skillmatch_index_file_fuzz corpus/). With another
// compiler the same target is built with a replay main(): it runs each file named on the command
// line once (e.g. a corpus of saved files, or crashes found elsewhere).
#include <cstddef>
#include <cstdint>
#include <span>

#include "index/container.hpp"
#include "index/profile_index_codec.hpp"
#include "skillmatch/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace skillmatch;
  try {
    indexfile::ContainerReader reader(std::span<const std::uint8_t>(data, size), false);
    for (Side side : {Side::job, Side::candidate}) indexfile::decode_side(reader, side, 8, 64);
  } catch (const Error&) {
  }
  return 0;
}

#ifndef SKILLMATCH_LIBFUZZER
#include <fstream>
#include <iterator>
#include <vector>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  return 0;
}
#endif
