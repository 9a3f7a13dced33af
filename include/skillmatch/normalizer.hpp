// skillmatch/normalizer.hpp — folds free skill text to comparable keys.
//
// normalize_text() turns what people type ("Node.JS", "node js", "Ｐｙｔｈｏｎ", "ﾃﾞｰﾀ") into one
// canonical *spaced form*; compact_key() removes its spaces so that spacing variants meet
// ("node js" and "nodejs" -> "nodejs"). The steps, in order:
//   1. Unicode NFKC with case folding (ICU Normalizer2::getNFKCCasefoldInstance): full-width Latin
//      becomes ASCII, half-width katakana becomes full-width, "ß" becomes "ss", letters lower-case.
//      Pure-ASCII input takes a fast path (ASCII lower-casing), which gives byte-for-byte the same
//      result as the ICU path (tests compare both on many strings).
//  1b. Japanese spelling variants (only code points of the kana blocks change, so the ASCII path and
//      text without kana are unaffected): hiragana becomes katakana (ぱいそん = パイソン); ヴ and its
//      family become the b-row (ヴァ = バ, ヴィ = ビ, ヴ = ブ, ヴェ = ベ, ヴォ = ボ, ヴュ = ビュ, ヷヸヹヺ);
//      small vowels and small ヮヵヶ become full-size (ウェブ = ウエブ); the long-vowel mark ー after a
//      kana is dropped, wherever it stands (コンピューター = コンピュータ, サーバー = サーバ,
//      インターフェース = インタフェース, inside unbroken compounds too: サーバーサイド = サーバサイド).
//      The result is a matching key, not display text: "ウェブ" folds to "ウエブ", "サーバー" to "サバ".
//      Separators between kana words (middle dot ・, spaces, "=") fall under step 2, and compact_key()
//      removes spaces, so "Web アプリ", "Web・アプリ" and "Webアプリ" share a key.
//   2. Folding into tokens: letters, digits and combining marks of any script are kept, and so are
//      '+' and '#' (they tell C, C++ and C# apart). A '.' that starts a token and is followed by a
//      letter or digit is kept (".net", ".htaccess"); any other '.' is a separator ("node.js" ->
//      "node js"). Apostrophes (' and U+2019) are removed without a break ("moody's" -> "moodys").
//      Every other character (space, punctuation, symbols, controls) separates tokens.
//   3. Tokens are joined by single spaces, with no leading or trailing space.
// Ill-formed UTF-8 never crashes: each ill-formed sequence is replaced by U+FFFD, which step 2
// treats as a separator, so the bytes around it still form tokens ("py\xFFthon" -> "py thon").
//
// Thread-safety: every function is safe to call from any number of threads at once; the only shared
// state is ICU's own immutable normaliser singleton. Errors: std::bad_alloc; Error(invalid_argument)
// for non-ASCII text longer than 2^31-1 bytes (ICU's limit); Error(internal) should ICU fail to load
// its normalisation data, which means a broken installation.
#pragma once

#include <string>
#include <string_view>

namespace skillmatch {

/// The spaced normal form of `utf8` (see above). "Microsoft .NET Framework" -> "microsoft .net framework".
std::string normalize_text(std::string_view utf8);

/// Same as normalize_text() but writes into `out` (overwritten). Reuses `out`'s capacity, so a caller
/// that keeps one buffer per thread does not allocate for ASCII input.
void normalize_text_into(std::string_view utf8, std::string& out);

/// The key of a spaced normal form: the same text without its spaces ("node js" -> "nodejs").
std::string compact_key(std::string_view normalized);
/// Same as compact_key() but writes into `out` (overwritten).
void compact_key_into(std::string_view normalized, std::string& out);

namespace detail {
/// normalize_text_into() without the ASCII fast path: always goes through ICU. For tests that check
/// the fast path agrees with ICU; not meant for production use (it is slower).
void normalize_text_icu_into(std::string_view utf8, std::string& out);
}  // namespace detail

}  // namespace skillmatch
