// Terminal text: display widths (Korean is two columns wide), and making untrusted text safe
// to print.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tutor {

// Columns S takes on a terminal: wide characters (Hangul, CJK) count 2, combining marks 0.
// Invalid UTF-8 bytes count 1 each, as they print after sanitize().
std::size_t display_width(std::string_view s);

// S with every control character (terminal escapes included) and every invalid UTF-8 byte
// replaced by U+FFFD (or '?' when ASCII is asked for), so nothing typed can steer the terminal.
std::string sanitize(std::string_view s, bool ascii = false);

// S without leading and trailing white space (spaces, tabs, CR, LF).
std::string trim(std::string_view s);

// PARTS (strings or string views) with SEPARATOR between each two.
template <class Parts>
std::string join(const Parts& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// TEXT split at newlines, a CR before each newline dropped; no empty line at the end.
std::vector<std::string> split_lines(std::string_view text);

// The Levenshtein distance between A and B in bytes, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Whether S is valid UTF-8.
bool valid_utf8(std::string_view s);

// Decodes one UTF-8 code point at S[pos]. Returns the code point and sets LEN to its byte
// length; an invalid byte yields -1 with LEN = 1.
long decode_utf8(std::string_view s, std::size_t pos, std::size_t& len);

// The digit a superscript code point stands for (² → 2, ⁰ → 0), or -1 for anything else.
int superscript_digit(long cp);

// DIGITS written as superscripts ("-12" → "⁻¹²"); other characters are left out.
std::string superscript(std::string_view digits);

// S with the math glyphs of Unicode text spelled in ASCII: x² → x^2, a₀ → a_0, θ → theta,
// · and × → *, − → -, → → ->, ≤ → <=, ∇ → grad. Other text (Korean included) is unchanged.
// The front ends pass everything they print through it under --ascii.
std::string ascii_math(std::string_view s);

// Whether the terminal's locale (LC_ALL, LC_CTYPE, LANG) is UTF-8.
bool locale_is_utf8();

}  // namespace tutor
