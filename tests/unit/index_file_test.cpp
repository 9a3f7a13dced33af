// Engine::save / Engine::open and the index file format: round trip, damage of every byte,
// truncation at every offset, wrong version and taxonomy, hostile sections, kill -9 during save.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "index/byte_io.hpp"
#include "index/container.hpp"
#include "index/profile_index_codec.hpp"
#include "skillmatch/engine.hpp"
#include "skillmatch/index_file.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using skillmatch::test::contains;
using skillmatch::test::error_of;

namespace {

constexpr std::size_t kDim = 8;

std::shared_ptr<const Taxonomy> tiny_taxonomy(const std::string& label_suffix = "") {
  TaxonomyBuilder b;
  b.add_concept("cat", ConceptKind::category, "Category");
  for (int t = 0; t < 6; ++t) {
    std::string id = "t" + std::to_string(t);
    b.add_concept(id, ConceptKind::technology, "Tech" + std::to_string(t) + (t == 0 ? label_suffix : ""));
    b.add_broader(id, "cat");
    b.add_stats(id, {double(1 + t), 0, false, false});
  }
  b.add_concept("occ", ConceptKind::occupation, "Occupation");
  for (int t = 0; t < 3; ++t) b.add_related("occ", "t" + std::to_string(t), RelationKind::occupation_skill, 1.0f);
  return b.build();
}

EngineOptions tiny_options(std::shared_ptr<const Taxonomy> taxonomy = tiny_taxonomy()) {
  EngineOptions o;
  o.taxonomy = std::move(taxonomy);
  o.external_vectors = true;
  o.dimension = kDim;
  o.embedding.dimension = 4;  // the similarity's skill vectors (ignored with external vectors: default length)
  o.candidate_schema.add_jlpt("jlpt");
  o.candidate_schema.add_categorical("city");
  o.candidate_schema.add_categorical("langs", true);
  o.candidate_schema.add_numeric("salary");
  o.candidate_schema.add_boolean("visa_refused");
  o.job_schema.add_categorical("city");
  o.threads = 1;
  return o;
}

Profile make_profile(const Taxonomy& t, Side side, int i, std::mt19937& rng) {
  Profile p;
  p.id = (side == Side::job ? "J" : "C") + std::to_string(i);
  p.title = "title " + std::to_string(i);
  std::normal_distribution<float> g;
  p.vector.resize(kDim);
  for (auto& x : p.vector) x = g(rng);
  std::uniform_int_distribution<int> tech(0, 5), n(1, 4), coin(0, 1);
  for (int s = 0, count = n(rng); s < count; ++s) {
    ProfileSkill k;
    k.concept_index = t.at("t" + std::to_string(tech(rng)));
    k.text = "skill " + std::to_string(s);
    k.required = side == Side::job && coin(rng);
    k.years = float(n(rng));
    p.add_skill(k);
  }
  const char* cities[] = {"Lahore", "Karachi", "Tokyo"};
  p.attributes.set_string("city", cities[n(rng) % 3]);
  if (side == Side::candidate) {
    const char* levels[] = {"N5", "N4", "N3", "N2", "N1"};
    if (coin(rng)) p.attributes.set_string("jlpt", levels[n(rng)]);
    if (coin(rng)) p.attributes.set_strings("langs", {"en", coin(rng) ? "ja" : "ur"});
    p.attributes.set_number("salary", 3e6 + 1e6 * n(rng));
    p.attributes.set_bool("visa_refused", n(rng) == 1);
  }
  return p;
}

std::unique_ptr<Engine> tiny_engine(int jobs, int candidates, std::shared_ptr<const Taxonomy> taxonomy = tiny_taxonomy()) {
  auto e = std::make_unique<Engine>(tiny_options(std::move(taxonomy)));
  std::mt19937 rng(11);
  for (int i = 0; i < jobs; ++i) e->upsert(Side::job, make_profile(e->taxonomy(), Side::job, i, rng));
  for (int i = 0; i < candidates; ++i) e->upsert(Side::candidate, make_profile(e->taxonomy(), Side::candidate, i, rng));
  return e;
}

// One scratch directory per test process, removed at exit.
struct ScratchDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("skm_index_test_" + std::to_string(::getpid()));
  ScratchDir() { std::filesystem::create_directories(path); }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

std::filesystem::path temp_path(const std::string& name) {
  static ScratchDir dir;
  return dir.path / name;
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void write_bytes(const std::filesystem::path& p, std::span<const std::uint8_t> b) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

void check_same_results(const Engine& a, const Engine& b, const MatchOptions& o, bool both_directions = true) {
  for (Side side : {Side::job, Side::candidate}) {
    if (side == Side::candidate && !both_directions) continue;
    auto ra = a.match_all(side, o);
    auto rb = b.match_all(side, o);
    REQUIRE(ra.size() == rb.size());
    for (std::size_t q = 0; q < ra.size(); ++q) {
      CHECK(ra[q].query_id == rb[q].query_id);
      CHECK(ra[q].admitted == rb[q].admitted);
      REQUIRE(ra[q].matches.size() == rb[q].matches.size());
      for (std::size_t m = 0; m < ra[q].matches.size(); ++m) {
        CHECK(ra[q].matches[m].id == rb[q].matches[m].id);
        CHECK(ra[q].matches[m].score == rb[q].matches[m].score);  // bit-identical
      }
      auto one_a = a.match_id(side, ra[q].query_id, o);
      auto one_b = b.match_id(side, ra[q].query_id, o);
      REQUIRE(one_a.matches.size() == one_b.matches.size());
      for (std::size_t m = 0; m < one_a.matches.size(); ++m) {
        CHECK(one_a.matches[m].id == one_b.matches[m].id);
        CHECK(one_a.matches[m].score == one_b.matches[m].score);
      }
    }
  }
}

}  // namespace

TEST_CASE("save then open gives the same ids and scores, with filters and must-haves") {
  auto engine = tiny_engine(12, 80);
  const auto path = temp_path("roundtrip.skm");
  engine->save(path);
  auto opened = Engine::open(path, tiny_options());
  CHECK(opened->size(Side::job) == 12);
  CHECK(opened->size(Side::candidate) == 80);
  CHECK(opened->dimension() == kDim);
  CHECK(opened->index(Side::candidate).schema().size() == 5);
  MatchOptions o;
  o.k = 5;
  check_same_results(*engine, *opened, o);
  o.filter = "jlpt >= N4 and not visa_refused";
  o.required_as_filter = true;
  o.preferences.push_back({"city = \"Tokyo\"", 0.5f});
  check_same_results(*engine, *opened, o, false);
  // Attributes survive, including multi-valued ones and missing values.
  auto va = engine->index(Side::candidate).read();
  auto vb = opened->index(Side::candidate).read();
  for (std::uint32_t r = 0; r < va.rows(); ++r) {
    const auto row = vb.row_of(va.id(r));
    REQUIRE(row);
    for (std::size_t a = 0; a < 5; ++a) CHECK(va.columns().display(r, a) == vb.columns().display(*row, a));
    CHECK(va.title(r) == vb.title(*row));
  }
}

TEST_CASE("an opened engine takes upserts and removes; saving again compacts removed rows") {
  auto engine = tiny_engine(5, 40);
  const auto path = temp_path("compact.skm");
  engine->save(path);
  auto opened = Engine::open(path, tiny_options());
  std::mt19937 rng(3);
  for (int i = 0; i < 20; ++i) CHECK(opened->remove(Side::candidate, "C" + std::to_string(i)));
  opened->upsert(Side::candidate, make_profile(opened->taxonomy(), Side::candidate, 1000, rng));
  auto replaced = make_profile(opened->taxonomy(), Side::candidate, 30, rng);
  opened->upsert(Side::candidate, replaced);
  CHECK(opened->size(Side::candidate) == 21);
  CHECK(opened->index(Side::candidate).read().rows() == 40);  // 19 tombstones (one row reused)
  opened->save(path);
  auto again = Engine::open(path, tiny_options());
  CHECK(again->size(Side::candidate) == 21);
  CHECK(again->index(Side::candidate).read().rows() == 21);  // compacted
  CHECK_FALSE(again->index(Side::candidate).read().row_of("C3"));
  CHECK(again->index(Side::candidate).read().row_of("C1000"));
  MatchOptions o;
  o.k = 4;
  check_same_results(*opened, *again, o);
  CHECK(read_index_file_info(path).candidates == 21);
}

TEST_CASE("an engine with learned vectors round-trips on the bundled taxonomy without relearning") {
  EngineOptions o;
  o.candidate_schema.add_jlpt("jlpt");
  o.threads = 1;
  Engine engine(o);
  engine.upsert(Side::job, engine.parse_profile(R"({"id":"J1","skills":[{"name":"python","required":true},"AWS","Docker"]})"));
  engine.upsert(Side::job, engine.parse_profile(R"({"id":"J2","skills":["Maya","Blender","3D modeling"]})"));
  const char* cands[] = {R"({"id":"C1","skills":["Python","Django"],"attributes":{"jlpt":"N2"}})",
                         R"({"id":"C2","skills":["Blender","Unity"],"attributes":{"jlpt":"N4"}})",
                         R"({"id":"C3","skills":["Amazon Web Services","Kubernetes","Python"]})"};
  for (const char* c : cands) engine.upsert(Side::candidate, engine.parse_profile(c));
  const auto path = temp_path("learned.skm");
  engine.save(path);
  auto t0 = std::chrono::steady_clock::now();
  auto opened = Engine::open(path, {});
  const double open_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("open with stored skill vectors: " << open_s << " s");
  // The stored skill vectors are the learned ones, bit for bit.
  auto a = engine.embedding().data();
  auto b = opened->embedding().data();
  REQUIRE(a.size() == b.size());
  CHECK(std::equal(a.begin(), a.end(), b.begin()));
  CHECK(opened->embedding().data_fingerprint() == engine.embedding().data_fingerprint());
  MatchOptions m;
  m.k = 3;
  m.explain = true;
  check_same_results(engine, *opened, m);
  auto info = read_index_file_info(path);
  CHECK(info.taxonomy_hash == taxonomy_content_hash(engine.taxonomy()));
  CHECK(info.dimension == 128);
  CHECK_FALSE(info.external_vectors);
}

TEST_CASE("opening with another taxonomy is an error that says so") {
  auto engine = tiny_engine(2, 3);
  const auto path = temp_path("taxonomy.skm");
  engine->save(path);
  CHECK(taxonomy_content_hash(*tiny_taxonomy()) == taxonomy_content_hash(*tiny_taxonomy()));
  CHECK(taxonomy_content_hash(*tiny_taxonomy(" changed")) != taxonomy_content_hash(*tiny_taxonomy()));
  auto msg = error_of([&] { Engine::open(path, tiny_options(tiny_taxonomy(" changed"))); }, ErrorCode::invalid_argument);
  CHECK(contains(msg, "built with another taxonomy"));
  CHECK(contains(msg, "content hash"));
}

TEST_CASE("every flipped byte and every truncation makes open and verify fail with a clear error") {
  auto engine = tiny_engine(2, 4);
  const auto path = temp_path("small.skm");
  engine->save(path);
  const auto good = read_bytes(path);
  REQUIRE(good.size() > 256);
  MESSAGE("small file: " << good.size() << " bytes");
  CHECK_NOTHROW(verify_index_file(path));
  const auto bad = temp_path("bad.skm");
  std::size_t failures = 0;
  auto expect_corrupt = [&](const std::string& what) {
    bool open_failed = false, verify_failed = false;
    try {
      Engine::open(bad, tiny_options());
    } catch (const Error& e) {
      const std::string m = e.what();
      open_failed = e.code() == ErrorCode::corrupt && contains(m, "index file '") && contains(m, "offset ");
    }
    try {
      verify_index_file(bad);
    } catch (const Error& e) {
      verify_failed = e.code() == ErrorCode::corrupt && contains(std::string(e.what()), "offset ");
    }
    if (!open_failed || !verify_failed) {
      ++failures;
      if (failures < 5) FAIL_CHECK(what << ": open failed " << open_failed << ", verify failed " << verify_failed);
    }
  };
  // One file changed in place (a byte written and restored, then shrunk), not rewritten per case.
  write_bytes(bad, good);
  const int fd = ::open(bad.c_str(), O_RDWR);
  REQUIRE(fd >= 0);
  for (std::size_t i = 0; i < good.size(); ++i) {
    const std::uint8_t flipped = good[i] ^ 0x01;
    REQUIRE(::pwrite(fd, &flipped, 1, static_cast<off_t>(i)) == 1);
    expect_corrupt("byte " + std::to_string(i) + " flipped");
    REQUIRE(::pwrite(fd, &good[i], 1, static_cast<off_t>(i)) == 1);
  }
  for (std::size_t n = good.size(); n-- > 0;) {
    REQUIRE(::ftruncate(fd, static_cast<off_t>(n)) == 0);
    expect_corrupt("truncated to " + std::to_string(n) + " bytes");
  }
  ::close(fd);
  CHECK(failures == 0);
}

TEST_CASE("the errors name the part and offset: magic, version, truncation, checksum") {
  auto engine = tiny_engine(2, 4);
  const auto path = temp_path("named.skm");
  engine->save(path);
  const auto good = read_bytes(path);
  const auto bad = temp_path("named_bad.skm");
  auto b = good;
  b[8] = 2;  // format version 2
  write_bytes(bad, b);
  CHECK(contains(error_of([&] { verify_index_file(bad); }, ErrorCode::corrupt), "header at offset 8: format version 2"));
  b = good;
  b[0] = 'X';
  write_bytes(bad, b);
  CHECK(contains(error_of([&] { verify_index_file(bad); }, ErrorCode::corrupt), "not a skillmatch index file"));
  write_bytes(bad, std::span<const std::uint8_t>(good).first(good.size() - 10));
  CHECK(contains(error_of([&] { verify_index_file(bad); }, ErrorCode::corrupt), "truncated"));
  // A byte inside the candidate vectors: the checksum names that section and where it starts.
  auto info = read_index_file_info(path);
  const IndexSectionInfo* vectors = nullptr;
  for (const auto& s : info.sections)
    if (s.name == "candidate vectors") vectors = &s;
  REQUIRE(vectors);
  b = good;
  b[vectors->offset + 70] ^= 0x10;
  write_bytes(bad, b);
  CHECK(contains(error_of([&] { Engine::open(bad, tiny_options()); }, ErrorCode::corrupt),
                 "section 'candidate vectors' at offset " + std::to_string(vectors->offset) + ": checksum mismatch"));
  CHECK(contains(error_of([&] { Engine::open(temp_path("absent.skm"), tiny_options()); }, ErrorCode::io_error), "absent.skm"));
}

TEST_CASE("hostile sections with valid checksums give errors, never a crash or an out-of-bounds read") {
  // Build files whose checksums are right but whose content lies, then decode them.
  auto decode = [](const std::vector<std::uint8_t>& section_bytes, std::uint32_t type) {
    auto engine = tiny_engine(1, 3);
    const auto path = temp_path("hostile.skm");
    engine->save(path);
    auto good = read_bytes(path);
    indexfile::ContainerReader r(good, true);
    // Re-write the file with one candidate section replaced.
    indexfile::ContainerWriter w;
    for (const auto& e : r.sections()) {
      if (e.type == type && e.side == indexfile::side_candidate)
        w.add_owned(e.type, e.side, section_bytes);
      else
        w.add_owned(e.type, e.side, std::vector<std::uint8_t>(r.bytes(e).begin(), r.bytes(e).end()));
    }
    w.write(path);
    return error_of([&] { Engine::open(path, tiny_options()); });
  };
  indexfile::ByteWriter huge;
  huge.u64(~std::uint64_t{0});  // 2^64-1 profiles
  CHECK(contains(decode(huge.buffer(), indexfile::section_profiles), "section 'candidate profiles' at offset"));
  indexfile::ByteWriter bad_concept;
  bad_concept.u64(1);
  bad_concept.str("C1");
  bad_concept.str("");
  bad_concept.u32(1);
  bad_concept.u32(999);  // outside the taxonomy
  bad_concept.str("x");
  for (int i = 0; i < 5; ++i) bad_concept.f32(1);
  CHECK(contains(decode(bad_concept.buffer(), indexfile::section_profiles), "outside the taxonomy"));
  indexfile::ByteWriter long_string;
  long_string.u64(1);
  long_string.u32(0xFFFFFFFFu);  // a 4 GB id
  for (int i = 0; i < 20; ++i) long_string.u8(0);
  CHECK(contains(decode(long_string.buffer(), indexfile::section_profiles), "needs 4294967295 bytes"));

  // Random damage with the checksums bypassed (verify off): every outcome is a value or an Error.
  auto engine = tiny_engine(3, 10);
  const auto path = temp_path("fuzz.skm");
  engine->save(path);
  const auto good = read_bytes(path);
  std::mt19937 rng(5);
  std::size_t errors = 0;
  for (int round = 0; round < 3000; ++round) {
    auto b = good;
    indexfile::ContainerReader r(b, false);
    const auto& e = r.sections()[rng() % r.sections().size()];
    if (e.type == indexfile::section_meta || e.type == indexfile::section_embedding || e.size == 0) continue;
    for (int k = 0, n = 1 + int(rng() % 4); k < n; ++k) b[e.offset + rng() % e.size] = static_cast<std::uint8_t>(rng());
    try {
      indexfile::ContainerReader damaged(b, false);
      for (Side s : {Side::job, Side::candidate}) indexfile::decode_side(damaged, s, kDim, 8);
    } catch (const Error& err) {
      CHECK(err.code() == ErrorCode::corrupt);
      ++errors;
    }
  }
  MESSAGE(errors << " of 3000 randomly damaged sections rejected (the others decode to valid values)");
  CHECK(errors > 100);
}

TEST_CASE("kill -9 during save leaves the previous file valid") {
  auto engine = tiny_engine(50, 20000);
  const auto path = temp_path("killed.skm");
  engine->save(path);
  const auto before = read_index_file_info(path);
  for (int round = 0; round < 6; ++round) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      for (;;) engine->save(path);  // killed below, mid-write at some point
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(3 + 7 * round));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    auto info = verify_index_file(path);  // whichever save completed last, whole
    CHECK(info.candidates == before.candidates);
    CHECK(info.file_size == before.file_size);
  }
  auto opened = Engine::open(path, tiny_options());
  CHECK(opened->size(Side::candidate) == 20000);
  for (const auto& entry : std::filesystem::directory_iterator(path.parent_path()))
    if (entry.path().filename().string().find("killed.skm.tmp-") == 0) std::filesystem::remove(entry.path());
}
