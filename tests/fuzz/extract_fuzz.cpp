// Fuzz target of the skill extractor: any bytes (ill-formed UTF-8, NUL, binary, mixed scripts) must
// give mentions or an Error, never a crash, a hang or an out-of-bounds read; mentions must lie inside
// the text, in order, without overlap, with code-point offsets no larger than the byte offsets.
//
// With clang: cmake -DSKILLMATCH_BUILD_FUZZERS=ON -DCMAKE_CXX_COMPILER=clang++ ... builds it with
// -fsanitize=fuzzer,address (run: build/tests/skillmatch_extract_fuzz tests/fuzz/extract_corpus/).
// With another compiler the same target is built with a replay main(): it runs each file named on
// the command line once, or, with no argument, a few thousand random mutations of built-in seeds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "skillmatch/error.hpp"
#include "skillmatch/extract.hpp"
#include "skillmatch/taxonomy_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace skillmatch;
  static const Extractor extractor(std::make_shared<const Resolver>(bundled_taxonomy()));
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    std::size_t last_end = 0;
    for (const Mention& m : extractor.extract(text)) {
      if (m.begin < last_end || m.end <= m.begin || m.end > size || m.cp_end > m.end || m.cp_begin > m.begin ||
          m.text != text.substr(m.begin, m.end - m.begin) || !(m.confidence > 0 && m.confidence <= 1))
        std::abort();
      last_end = m.end;
    }
  } catch (const Error&) {
  }
  return 0;
}

#ifndef SKILLMATCH_LIBFUZZER
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc > 1) {
    for (int i = 1; i < argc; ++i) {
      std::ifstream in(argv[i], std::ios::binary);
      std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    return 0;
  }
  const std::vector<std::string> seeds = {
      "Python, Go and Rust on Kubernetes; 5+ years required. Docker is a plus.",
      "PythonとPyTorchを用いたモデル開発経験3年以上（必須）。AWSでの環境構築経験歓迎。",
      "【必須】Linuxサーバの構築経験\n【歓迎】C++, C#, .NET, Node.js",
  };
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; ++round) {
    std::string s = seeds[static_cast<std::size_t>(round) % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      const std::size_t at = rng() % s.size();
      switch (rng() % 3) {
        case 0: s[at] = static_cast<char>(rng() & 0xFF); break;
        case 1: s.erase(at, 1 + rng() % 4); break;
        default: s.insert(at, 1, static_cast<char>(rng() & 0xFF)); break;
      }
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
  }
  return 0;
}
#endif
