// Tests of normalize_text / compact_key: Unicode folding, punctuation and spacing, invalid UTF-8,
// and that the ASCII fast path agrees with ICU byte for byte.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "skillmatch/normalizer.hpp"

using skillmatch::compact_key;
using skillmatch::normalize_text;

namespace {
std::string icu_path(std::string_view s) {
  std::string out;
  skillmatch::detail::normalize_text_icu_into(s, out);
  return out;
}
std::string key(std::string_view s) { return compact_key(normalize_text(s)); }
}  // namespace

TEST_CASE("normalize_text folds case and full-width Latin through NFKC") {
  CHECK(normalize_text("Python") == "python");
  CHECK(normalize_text("\xEF\xBC\xB0\xEF\xBD\x99\xEF\xBD\x94\xEF\xBD\x88\xEF\xBD\x8F\xEF\xBD\x8E") == "python");  // Ｐｙｔｈｏｎ
  CHECK(normalize_text("\xEF\xBC\xA3\xEF\xBC\x8B\xEF\xBC\x8B") == "c++");                                      // Ｃ＋＋
  CHECK(normalize_text("Stra\xC3\x9F" "e") == "strasse");  // case folding, not just lower-casing
  CHECK(normalize_text("\xEF\xAC\x81le") == "file");        // the "fi" ligature is a compatibility form
}

TEST_CASE("normalize_text makes half-width and full-width katakana meet") {
  const std::string full = "\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB9";  // データベース
  const std::string half =
      "\xEF\xBE\x83\xEF\xBE\x9E\xEF\xBD\xB0\xEF\xBE\x80\xEF\xBE\x8D\xEF\xBE\x9E\xEF\xBD\xB0\xEF\xBD\xBD";  // ﾃﾞｰﾀﾍﾞｰｽ
  CHECK(normalize_text(half) == full);
  CHECK(normalize_text(full) == full);
  // Japanese without spaces stays one token; the katakana middle dot separates.
  CHECK(normalize_text("\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92") == "\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92");
  CHECK(normalize_text("\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF\xE3\x83\xBB\xE3\x82\xB5\xE3\x82\xA4\xE3\x82\xA8\xE3\x83\xB3\xE3\x82\xB9") ==
        "\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF \xE3\x82\xB5\xE3\x82\xA4\xE3\x82\xA8\xE3\x83\xB3\xE3\x82\xB9");
}

TEST_CASE("normalize_text folds punctuation and spacing so variants meet in the compact key") {
  CHECK(normalize_text("Node.js") == "node js");
  CHECK(normalize_text("  node   js  ") == "node js");
  CHECK(normalize_text("node-js") == "node js");
  CHECK(key("Node.JS") == "nodejs");
  CHECK(key("nodejs") == "nodejs");
  CHECK(key("node js") == "nodejs");
  CHECK(key("NODE_JS") == "nodejs");
  CHECK(normalize_text("Microsoft Visual C# .NET") == "microsoft visual c# .net");
  CHECK(normalize_text("Notepad++") == "notepad++");
  CHECK(normalize_text("C/C++") == "c c++");
  CHECK(normalize_text("Moody's Analytics") == "moodys analytics");
  CHECK(normalize_text("Moody\xE2\x80\x99s") == "moodys");
  CHECK(normalize_text("(IIS)") == "iis");
  CHECK(normalize_text("Python 3.8") == "python 3 8");
  CHECK(normalize_text("") == "");
  CHECK(normalize_text(" -- ,, ") == "");
}

TEST_CASE("normalize_text keeps C, C++ and C# apart and keeps .net") {
  CHECK(key("C") == "c");
  CHECK(key("C++") == "c++");
  CHECK(key("C#") == "c#");
  CHECK(key("F#") == "f#");
  CHECK(key(".NET") == ".net");
  CHECK(key(".net") == ".net");
  CHECK(key("Microsoft .NET Framework") == "microsoft.netframework");
  CHECK(key("ASP.NET") == "aspnet");  // a dot inside a token separates
  CHECK(key("asp net") == "aspnet");
  CHECK(key("..net") == ".net");
}

TEST_CASE("normalize_text survives ill-formed UTF-8 by treating it as a separator") {
  CHECK(normalize_text(std::string_view("py\xFFthon", 7)) == "py thon");
  CHECK(key(std::string_view("py\xFFthon", 7)) == "python");
  CHECK(normalize_text(std::string_view("\xE3\x81", 2)) == "");          // truncated sequence
  CHECK(normalize_text(std::string_view("\xC0\xAF" "a", 3)) == "a");     // overlong encoding
  CHECK(normalize_text(std::string_view("\xED\xA0\x80" "b", 4)) == "b");  // encoded surrogate
  CHECK(normalize_text(std::string_view("a\0b", 3)) == "a b");           // NUL is a separator
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 40);
  for (int i = 0; i < 3000; ++i) {
    std::string s(static_cast<std::size_t>(len(rng)), '\0');
    for (auto& c : s) c = static_cast<char>(byte(rng));
    const std::string out = normalize_text(s);
    CHECK(out.find("  ") == std::string::npos);
    if (!out.empty()) {
      CHECK(out.front() != ' ');
      CHECK(out.back() != ' ');
    }
  }
}

TEST_CASE("the ASCII fast path gives exactly the ICU path's output") {
  // Every ASCII character alone and between letters.
  for (int c = 0; c < 128; ++c) {
    const std::string one(1, static_cast<char>(c));
    CHECK_MESSAGE(normalize_text(one) == icu_path(one), "character ", c);
    const std::string mid = "Ab" + one + "Cd" + one + "." + one + "e";
    CHECK_MESSAGE(normalize_text(mid) == icu_path(mid), "character ", c);
  }
  // Many random strings drawn from all of ASCII, biased towards the characters the folding treats
  // specially.
  const std::string special = " .+#'-_/()&,;:\t\n";
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<int> any(0, 127), pick(0, 3), len(0, 30),
      sp(0, static_cast<int>(special.size()) - 1), letter(0, 25);
  int mismatches = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int n = len(rng);
    for (int k = 0; k < n; ++k) {
      switch (pick(rng)) {
        case 0: s += static_cast<char>(any(rng)); break;
        case 1: s += special[static_cast<std::size_t>(sp(rng))]; break;
        case 2: s += static_cast<char>('A' + letter(rng)); break;
        default: s += static_cast<char>('a' + letter(rng)); break;
      }
    }
    if (normalize_text(s) != icu_path(s)) ++mismatches;
  }
  CHECK(mismatches == 0);
  for (const char* s : {"Microsoft Excel", "C++", "C#", ".NET", "Node.js", "Amazon Web Services AWS software",
                        "Structured query language SQL", "IBM SPSS Statistics", "Moody's", "ASP.NET Core MVC"})
    CHECK(normalize_text(s) == icu_path(s));
}

TEST_CASE("normalize_text gives the same results from many threads") {
  const std::vector<std::string> inputs = {"Ｐｙｔｈｏｎ", "Node.JS", "ﾃﾞｰﾀﾍﾞｰｽ", "C++", "Microsoft .NET", "Stra\xC3\x9F" "e"};
  std::vector<std::string> expected;
  for (const auto& s : inputs) expected.push_back(normalize_text(s));
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < failures.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 500; ++round)
        for (std::size_t i = 0; i < inputs.size(); ++i)
          if (normalize_text(inputs[i]) != expected[i]) ++failures[t];
    });
  for (auto& th : threads) th.join();
  for (int f : failures) CHECK(f == 0);
}
