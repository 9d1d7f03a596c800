// Terminal text: display widths (Korean is two columns wide), and making untrusted text safe
// to print.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tutor {

// Columns S takes on a terminal: wide characters (Hangul, CJK) count 2, combining marks 0.
// Invalid UTF-8 bytes count 1 each, as they print after sanitize(). A colour escape
// (ESC [ … m, and any other CSI sequence) takes no room.
std::size_t display_width(std::string_view s);

// How many columns a piece of text takes; display_width unless a caller's text carries
// markers of its own.
using Measure = std::function<std::size_t(std::string_view)>;

// The one wrapping rule of every view. TEXT (one paragraph) broken into lines of at most
// WIDTH columns at its spaces; FIRST starts the first line and REST the others (a bullet and
// its hanging indent), and count towards the width. A space inside brackets breaks a line
// only when the bracketed part cannot fit on a line of its own, so σ(w·x + b) stays whole. A
// word wider than the line is cut at the edge. A run of spaces between words becomes one;
// trailing spaces are dropped. MEASURE counts columns (display_width when empty).
//
//   tutor::wrap("one two three", 8);  // {"one two", "three"}
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view first = "",
                              std::string_view rest = "", const Measure& measure = {});

// TEXT's lines, each at most WIDTH columns: a line that fits stays as it is, a longer one is
// wrapped (wrap) and its later lines indented two columns past its own leading spaces (an
// indent past half the width stops there). For prose that a view writes line by line. Ends
// in a newline when TEXT does.
std::string wrap_lines(std::string_view text, std::size_t width);

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
