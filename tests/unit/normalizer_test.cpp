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
  CHECK(normalize_text(half) == normalize_text(full));
  CHECK(normalize_text(full) == "\xE3\x83\x87\xE3\x82\xBF\xE3\x83\x99\xE3\x82\xB9");  // デタベス: keys drop ー
  // Japanese without spaces stays one token; the katakana middle dot separates.
  CHECK(normalize_text("\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92") == "\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92");
  CHECK(normalize_text("\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF\xE3\x83\xBB\xE3\x82\xB5\xE3\x82\xA4\xE3\x82\xA8\xE3\x83\xB3\xE3\x82\xB9") ==
        "\xE3\x83\x87\xE3\x82\xBF \xE3\x82\xB5\xE3\x82\xA4\xE3\x82\xA8\xE3\x83\xB3\xE3\x82\xB9");  // デタ サイエンス
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

// Japanese spelling variants (normalizer.hpp step 1b): each rule on its own, then that they leave
// other text alone.
TEST_CASE("keys drop the long-vowel mark after kana, at a word's end and inside compounds") {
  CHECK(key("コンピューター") == key("コンピュータ"));
  CHECK(key("サーバー") == key("サーバ"));
  CHECK(key("インターフェース") == key("インタフェース"));
  CHECK(key("サーバーサイド") == key("サーバサイド"));
  CHECK(key("ｻｰﾊﾞｰ") == key("サーバ"));           // half-width mark too
  CHECK(key("データー") == key("データ"));
  CHECK(key("サーバー構築") == key("サーバ構築"));  // before kanji
  CHECK(key("ーA") == "ーa");                      // a mark after no kana is kept
  CHECK(key("サーバー") != key("サバイバル"));
}

TEST_CASE("keys fold the ヴ family to the b-row") {
  CHECK(key("ヴァージョン") == key("バージョン"));
  CHECK(key("ヴィジュアル") == key("ビジュアル"));
  CHECK(key("ヴ") == key("ブ"));
  CHECK(key("ヴェンダー") == key("ベンダー"));
  CHECK(key("ヴォイス") == key("ボイス"));
  CHECK(key("ヴュー") == key("ビュー"));
  CHECK(key("ヷ") == key("バ"));
  CHECK(key("ｳﾞｧｰｼﾞｮﾝ") == key("バージョン"));  // half-width ｳﾞ composes to ヴ first
  CHECK(key("ウ\xE3\x82\x99ァ") == key("バ"));    // ウ + combining voiced mark
}

TEST_CASE("keys make small and full-size vowels meet") {
  CHECK(key("ソフトウェア") == key("ソフトウエア"));
  CHECK(key("ウェブ") == key("ウエブ"));
  CHECK(key("ヶ月") == key("ケ月"));
  CHECK(key("フィルタ") != key("フルタ"));
}

TEST_CASE("keys fold hiragana to katakana") {
  CHECK(key("ぱいそん") == key("パイソン"));
  CHECK(key("くらうど") == key("クラウド"));
  CHECK(key("でーたべーす") == key("データベース"));
  CHECK(key("組み込み") == key("組ミ込ミ"));  // okurigana are kana too; kanji stay
}

TEST_CASE("keys ignore the middle dot, spaces and other separators between Japanese words") {
  CHECK(key("ディープ・ラーニング") == key("ディープラーニング"));
  CHECK(key("ﾃﾞｨｰﾌﾟ･ﾗｰﾆﾝｸﾞ") == key("ディープラーニング"));  // half-width middle dot
  CHECK(key("Web アプリ") == key("Webアプリ"));
  CHECK(key("Web　アプリ") == key("Webアプリ"));  // ideographic space
  CHECK(key("Web・アプリ") == key("Webアプリ"));
  CHECK(key("要件＝定義") == key("要件定義"));
  CHECK(key("運用／保守") == key("運用保守"));
}

TEST_CASE("keys fold full-width Latin inside Japanese text") {
  CHECK(key("ＡＷＳ環境構築") == key("AWS環境構築"));
  CHECK(key("Ｐｙｔｈｏｎ開発経験") == key("python開発経験"));
  CHECK(key("３ＤＣＧ") == key("3dcg"));
}

TEST_CASE("Japanese folding leaves kanji, Latin and other scripts unchanged and survives bad bytes") {
  CHECK(normalize_text("機械学習") == "機械学習");
  CHECK(normalize_text("Ünïcödé") == normalize_text("ünïcödé"));
  CHECK(normalize_text("اردو") == "اردو");
  CHECK(key(std::string_view("サー\xFF" "バー", 13)) == "サバ");
  CHECK(normalize_text(std::string_view("サー\xFF" "バー", 13)) == "サ バ");  // the bad byte separates
  std::string long_kana;
  for (int i = 0; i < 100000; ++i) long_kana += "サーバー";
  CHECK(key(long_kana).size() == 100000 * 6);  // サバ, 6 bytes each
}
