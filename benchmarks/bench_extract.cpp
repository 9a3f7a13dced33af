// Extractor throughput (MB/s of text, one core) on posting text in English and Japanese, and the
// matcher's memory over the bundled taxonomy.
//   English: the SkillSpan dev sentences (real postings, tech and house sets; MIT, shipped in
//   benchmarks/quality/extract), joined 25 sentences to a document.
//   Japanese: the 40 posting sentences of ja_dev.tsv and ja_test.tsv, joined 10 to a document in
//   several orders (a Japanese corpus of real postings is not available to the project).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "skillmatch/extract.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace {

using namespace skillmatch;

const Extractor& shared_extractor() {
  static const Extractor ex(std::make_shared<const Resolver>(bundled_taxonomy()));
  return ex;
}

std::string path_of(const char* name) { return std::string(SKILLMATCH_SOURCE_DIR) + "/benchmarks/quality/extract/" + name; }

std::vector<std::string> english_documents() {
  std::vector<std::string> docs, sentences;
  for (const char* f : {"skillspan_tech_dev.conll", "skillspan_house_dev.conll"}) {
    std::ifstream in(path_of(f));
    std::string line, cur;
    while (std::getline(in, line)) {
      if (line.empty()) {
        if (!cur.empty()) sentences.push_back(cur), cur.clear();
        continue;
      }
      if (!cur.empty()) cur += ' ';
      cur += line.substr(0, line.find('\t'));
    }
    if (!cur.empty()) sentences.push_back(cur);
  }
  for (std::size_t i = 0; i < sentences.size(); i += 25) {
    std::string d;
    for (std::size_t j = i; j < std::min(sentences.size(), i + 25); ++j) (d += sentences[j]) += '\n';
    docs.push_back(std::move(d));
  }
  return docs;
}

std::vector<std::string> japanese_documents() {
  std::vector<std::string> sentences, docs;
  for (const char* f : {"ja_dev.tsv", "ja_test.tsv"}) {
    std::ifstream in(path_of(f));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      sentences.push_back(line.substr(t1 + 1, t2 - t1 - 1));
    }
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(sentences.begin(), sentences.end(), rng);
    for (std::size_t i = 0; i + 10 <= sentences.size(); i += 10) {
      std::string d;
      for (std::size_t j = i; j < i + 10; ++j) (d += sentences[j]) += "。\n";
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

void run(benchmark::State& state, const std::vector<std::string>& docs) {
  const Extractor& ex = shared_extractor();
  std::size_t bytes = 0, mentions = 0, i = 0;
  for (auto _ : state) {
    const std::string& d = docs[i++ % docs.size()];
    auto ms = ex.extract(d);
    benchmark::DoNotOptimize(ms.data());
    bytes += d.size();
    mentions += ms.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["mentions_per_kB"] = bytes ? 1000.0 * double(mentions) / double(bytes) : 0;
}

void BM_ExtractEnglish(benchmark::State& state) {
  static const auto docs = english_documents();
  run(state, docs);
}
BENCHMARK(BM_ExtractEnglish)->Unit(benchmark::kMicrosecond);

void BM_ExtractJapanese(benchmark::State& state) {
  static const auto docs = japanese_documents();
  run(state, docs);
}
BENCHMARK(BM_ExtractJapanese)->Unit(benchmark::kMicrosecond);

// Building the matcher over the bundled taxonomy (the resolver is built outside the timing), and
// its size.
void BM_ExtractorBuild(benchmark::State& state) {
  auto resolver = std::make_shared<const Resolver>(bundled_taxonomy());
  ExtractorStats st;
  for (auto _ : state) {
    Extractor ex(resolver);
    st = ex.stats();
    benchmark::DoNotOptimize(st);
  }
  state.counters["keys"] = static_cast<double>(st.keys);
  state.counters["trie_nodes"] = static_cast<double>(st.nodes);
  state.counters["matcher_MB"] = static_cast<double>(st.memory_bytes) / 1e6;
}
BENCHMARK(BM_ExtractorBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
