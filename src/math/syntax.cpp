#include "math/syntax.hpp"

#include <cln/float.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "base/text.hpp"
#include "math/cost.hpp"
#include "math/definitions.hpp"
#include "math/functions.hpp"
#include "math/print.hpp"
#include "math/steps.hpp"

namespace tutor {

using GiNaC::ex;
using GiNaC::numeric;

namespace {

// ---------------------------------------------------------------------------------------
// Tokens

enum class Tok {
  number,       // 3, 2.5, .5, 1e-3
  ident,        // x, theta, θ, sin
  superscript,  // ² ¹⁰ ⁻¹ (value in `sup`)
  plus,
  minus,
  times,
  divide,
  power,   // ^ or **
  lparen,  // ( or [
  rparen,  // ) or ]
  comma,
  root,    // √
  prime,   // ' ′ ″ ‴, one token a run (count in `sup`)
  equals,  // = (only a definition has one)
  end,
};

struct Token {
  Tok kind;
  Span span;
  std::string text;  // as typed (numbers, identifiers, brackets)
  std::string name;  // identifiers: the ASCII name ("theta" for θ)
  long sup = 0;      // superscripts: the exponent
};

struct Glyph {
  std::string_view text;
  Tok kind;
};
// Longest first, so "**" wins over "*".
constexpr std::array kOperators{
    Glyph{"**", Tok::power},
    Glyph{"+", Tok::plus},
    Glyph{"-", Tok::minus},
    Glyph{"\xE2\x88\x92", Tok::minus},  // −
    Glyph{"*", Tok::times},
    Glyph{"\xC3\x97", Tok::times},  // ×
    Glyph{"\xC2\xB7", Tok::times},
    Glyph{"\xE2\x8B\x85", Tok::times},  // · ⋅
    Glyph{"\xE2\x88\x97", Tok::times},  // ∗
    Glyph{"/", Tok::divide},
    Glyph{"\xC3\xB7", Tok::divide},  // ÷
    Glyph{"^", Tok::power},
    Glyph{"(", Tok::lparen},
    Glyph{"[", Tok::lparen},
    Glyph{")", Tok::rparen},
    Glyph{"]", Tok::rparen},
    Glyph{",", Tok::comma},
    Glyph{"\xE2\x88\x9A", Tok::root},  // √
    Glyph{"=", Tok::equals},
};

// Primes and how many each counts for: ' ′ ″ ‴.
struct Prime {
  std::string_view text;
  long count;
};
constexpr std::array kPrimes{
    Prime{"'", 1},
    Prime{"\xE2\x80\xB2", 1},
    Prime{"\xE2\x80\xB3", 2},
    Prime{"\xE2\x80\xB4", 3},
};

constexpr long kSuperMinus = 0x207B;

bool is_space(long cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000;
}
bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

[[noreturn]] void fail(std::string_view input, Span span, std::string key,
                       std::vector<std::string> args = {}) {
  throw SyntaxError(Message{std::move(key), std::move(args)}, span, std::string(input));
}

bool is_constant_name(std::string_view name);

class Lexer {
 public:
  Lexer(std::string_view in, const Definitions& defs) : in_(in), defs_(defs) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (true) {
      skip_space();
      if (pos_ >= in_.size()) break;
      out.push_back(next());
      out.insert(out.end(), pending_.begin(), pending_.end());
      pending_.clear();
    }
    out.push_back(Token{Tok::end, Span{in_.size(), in_.size()}, "", "", 0});
    return out;
  }

  // How the text was read where the learner might have meant something else.
  std::vector<Message> notes() const { return notes_; }

 private:
  void skip_space() {
    while (pos_ < in_.size()) {
      std::size_t len = 1;
      long cp = decode_utf8(in_, pos_, len);
      if (!is_space(cp)) return;
      pos_ += len;
    }
  }

  Token next() {
    const std::size_t start = pos_;
    const char c = in_[pos_];
    if (is_digit(c) || (c == '.' && pos_ + 1 < in_.size() && is_digit(in_[pos_ + 1]))) {
      return number();
    }
    if (is_ascii_alpha(c)) {
      while (pos_ < in_.size() && (is_ascii_alpha(in_[pos_]) || is_digit(in_[pos_]))) ++pos_;
      std::string word(in_.substr(start, pos_ - start));
      if (letters_multiply(word)) return letters(start);
      return Token{Tok::ident, Span{start, pos_}, word, word, 0};
    }
    for (const auto& g : kOperators) {
      if (in_.substr(pos_).starts_with(g.text)) {
        pos_ += g.text.size();
        return Token{g.kind, Span{start, pos_}, std::string(g.text), "", 0};
      }
    }
    std::size_t len = 1;
    long cp = decode_utf8(in_, pos_, len);
    if (cp < 0) fail(in_, Span{start, start + 1}, "syntax.invalid_utf8");
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      fail(in_, Span{start, start + len}, "syntax.control_char");
    }
    if (superscript_digit(cp) >= 0 || cp == kSuperMinus) return superscript();
    std::string glyph(in_.substr(pos_, len));
    if (const auto* g = greek_by_glyph(glyph)) {
      pos_ += len;
      return Token{Tok::ident, Span{start, pos_}, glyph, std::string(g->name), 0};
    }
    if (glyph == "\xCF\x80") {  // π
      pos_ += len;
      return Token{Tok::ident, Span{start, pos_}, glyph, "pi", 0};
    }
    if (std::any_of(kPrimes.begin(), kPrimes.end(),
                    [&](const Prime& p) { return p.text == glyph; }))
      return primes();
    fail(in_, Span{start, start + len}, "syntax.unexpected_char", {sanitize(glyph)});
  }

  Token number() {
    const std::size_t start = pos_;
    while (pos_ < in_.size() && is_digit(in_[pos_])) ++pos_;
    bool is_float = false;
    if (pos_ < in_.size() && in_[pos_] == '.') {
      is_float = true;
      ++pos_;
      while (pos_ < in_.size() && is_digit(in_[pos_])) ++pos_;
    }
    // An exponent only when digits follow, so "2e" stays 2·e and "2ex" stays 2·ex.
    if (pos_ < in_.size() && (in_[pos_] == 'e' || in_[pos_] == 'E')) {
      std::size_t p = pos_ + 1;
      if (p < in_.size() && (in_[p] == '+' || in_[p] == '-')) ++p;
      if (p < in_.size() && is_digit(in_[p])) {
        is_float = true;
        pos_ = p;
        while (pos_ < in_.size() && is_digit(in_[pos_])) ++pos_;
      }
    }
    // "1.2.3" and "2.5.x" are typos, not a product.
    if (pos_ < in_.size() && in_[pos_] == '.') {
      std::size_t end = pos_ + 1;
      while (end < in_.size() && (is_digit(in_[end]) || in_[end] == '.')) ++end;
      fail(in_, Span{start, end}, "syntax.bad_number",
           {std::string(in_.substr(start, end - start))});
    }
    std::string text(in_.substr(start, pos_ - start));
    Token t{Tok::number, Span{start, pos_}, text, is_float ? "float" : "int", 0};
    return t;
  }

  // A run of primes, f'' or f″, as one token.
  Token primes() {
    const std::size_t start = pos_;
    const PrimeRun run = prime_run(in_, pos_);
    pos_ += run.bytes;
    return Token{Tok::prime, Span{start, pos_}, std::string(in_.substr(start, pos_ - start)), "",
                 run.count};
  }

  Token superscript() {
    const std::size_t start = pos_;
    bool negative = false;
    std::string digits;
    while (pos_ < in_.size()) {
      std::size_t len = 1;
      long cp = decode_utf8(in_, pos_, len);
      if (cp == kSuperMinus && digits.empty() && !negative) {
        negative = true;
      } else if (int d = superscript_digit(cp); d >= 0) {
        digits += static_cast<char>('0' + d);
      } else {
        break;
      }
      pos_ += len;
    }
    Span span{start, pos_};
    if (digits.empty())
      fail(in_, span, "syntax.unexpected_char", {std::string(in_.substr(start, pos_ - start))});
    // x²² is a doubled key press far more often than x to the 22nd.
    if (digits.size() >= 2 &&
        std::all_of(digits.begin(), digits.end(), [&](char d) { return d == digits[0]; })) {
      fail(in_, span, "syntax.ambiguous_superscript",
           {std::string(in_.substr(start, pos_ - start)), (negative ? "-" : "") + digits});
    }
    if (digits.size() > 6) {
      fail(in_, span, "syntax.number_too_long", {std::to_string(digits.size()), "6"});
    }
    long value = std::stol(digits);
    return Token{Tok::superscript, span, std::string(in_.substr(start, pos_ - start)), "",
                 negative ? -value : value};
  }

  // Whether WORD, just read, is a product of one-letter variables: not a function, a
  // constant or a Greek letter's name, not a letter with digits (w1), not glued to '(' (an
  // unknown function gets its own error) and not a function name with one letter after it
  // ("sinx", "cost": the parser asks for parentheses).
  bool letters_multiply(const std::string& word) const {
    if (word.size() < 2 || find_function(word) != nullptr || is_constant_name(word) ||
        greek_by_name(word) != nullptr || defs_.find(word) != nullptr) {
      return false;
    }
    // loss'(x): a prime follows a function's name.
    if (prime_run(in_, pos_).bytes > 0) return false;
    if (std::all_of(word.begin() + 1, word.end(), [](char c) { return is_digit(c); })) return false;
    if (pos_ < in_.size() && in_[pos_] == '(') return false;
    for (const auto& fn : function_names()) {
      if (is_ascii_alpha(fn.spelling[0]) && word.size() == fn.spelling.size() + 1 &&
          word.starts_with(fn.spelling)) {
        return false;
      }
    }
    return true;
  }

  // The word from START to here as one token a letter (digits stay with their letter:
  // "ab2c" is a, b2, c), so that "xy^2" is x·y² as on paper. The first is returned, the
  // rest wait in pending_.
  Token letters(std::size_t start) {
    std::vector<Token> pieces;
    std::string reading;
    for (std::size_t i = start; i < pos_;) {
      std::size_t end = i + 1;
      while (end < pos_ && is_digit(in_[end])) ++end;
      std::string piece(in_.substr(i, end - i));
      reading += (reading.empty() ? "" : "·") + piece;
      pieces.push_back(Token{Tok::ident, Span{i, end}, piece, piece, 0});
      i = end;
    }
    notes_.push_back(Message{"syntax.letters_multiply",
                             {std::string(in_.substr(start, pos_ - start)), reading}});
    pending_.assign(pieces.begin() + 1, pieces.end());
    return pieces.front();
  }

  std::string_view in_;
  const Definitions& defs_;
  std::size_t pos_ = 0;
  std::vector<Token> pending_;
  std::vector<Message> notes_;
};

// ---------------------------------------------------------------------------------------
// Helpers

bool is_constant_name(std::string_view name) {
  return name == "pi" || name == "e";
}

// What is wrong with the numbers in E, if anything: a non-real number (√−1 = i), a decimal
// outside what a double holds (the printer and every engine work in doubles), or an exact
// number with more digits than LIMITS allow. Walks E without recursion.
enum class BadNumber { none, not_real, decimal_range, too_many_digits };
BadNumber bad_number(const ex& e, double max_digits) {
  static const numeric kHuge(1e300);
  static const numeric kTiny(1e-300);
  std::vector<ex> todo{e};
  while (!todo.empty()) {
    ex cur = todo.back();
    todo.pop_back();
    if (GiNaC::is_a<numeric>(cur)) {
      const numeric& n = GiNaC::ex_to<numeric>(cur);
      if (!n.is_real()) return BadNumber::not_real;
      if (n.is_rational()) {
        if (digits_of(n) > max_digits) return BadNumber::too_many_digits;
      } else if (!n.is_zero() && (abs(n) > kHuge || abs(n) < kTiny)) {
        return BadNumber::decimal_range;
      }
      continue;
    }
    for (std::size_t i = 0; i < cur.nops(); ++i) todo.push_back(cur.op(i));
  }
  return BadNumber::none;
}

// ---------------------------------------------------------------------------------------
// Parser: recursive descent over
//   expr    := term (('+' | '-') term)*
//   term    := unary (('*' | '/') unary | implicit)*      implicit: a factor with no operator
//   unary   := ('+' | '-') unary | power
//   power   := postfix ('^' unary)?                        right-associative
//   postfix := primary superscript?
//   primary := number | name | function '(' expr ')' | '(' expr ')' | '√' power

class Parser {
 public:
  Parser(std::string_view in, std::vector<Token> toks, SymbolTable& syms, const Limits& lim)
      : in_(in), toks_(std::move(toks)), syms_(syms), lim_(lim) {}

  // The expression from the current token to the end, with calls of defined functions held.
  ex parse_all() {
    if (peek().kind == Tok::end) {
      fail(in_, pos_ == 0 ? Span{0, in_.size()} : toks_[pos_ - 1].span, "syntax.empty");
    }
    ex e = expr();
    const Token& t = peek();
    if (t.kind == Tok::rparen)
      fail(in_, t.span, "syntax.unmatched_close", {t.text, opening_of(t.text)});
    if (t.kind != Tok::end) unexpected(t);
    return e;
  }

 private:
  struct Depth {
    Parser& p;
    Depth(Parser& parser, Span span) : p(parser) {
      if (++p.depth_ > p.lim_.max_depth) {
        fail(p.in_, span, "syntax.too_deep", {std::to_string(p.lim_.max_depth)});
      }
    }
    ~Depth() { --p.depth_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
  };

  const Token& peek(std::size_t ahead = 0) const {
    return toks_[std::min(pos_ + ahead, toks_.size() - 1)];
  }
  const Token& take() { return toks_[std::min(pos_++, toks_.size() - 1)]; }

  static std::string opening_of(const std::string& close) { return close == "]" ? "[" : "("; }
  static std::string closing_of(const std::string& open) { return open == "[" ? "]" : ")"; }

  [[noreturn]] void unexpected(const Token& t) {
    if (t.kind == Tok::prime) fail(in_, t.span, "syntax.prime");
    if (t.kind == Tok::equals) fail(in_, t.span, "syntax.equals");
    if (t.kind == Tok::end) {
      const Token& before = toks_[pos_ > 0 ? pos_ - 1 : 0];
      fail(in_, before.span, "syntax.unexpected_end", {before.text});
    }
    fail(in_, t.span, "syntax.unexpected_token", {t.text});
  }

  std::string text_of(Span span) const {
    return std::string(in_.substr(span.begin, span.end - span.begin));
  }

  // Runs a GiNaC operation, turning its arithmetic exceptions, and any number in the result
  // that the tutor cannot handle, into errors at SPAN.
  template <class F>
  ex guarded(Span span, F&& f) {
    ex result;
    try {
      result = f();
    } catch (const GiNaC::pole_error&) {
      fail(in_, span, "syntax.undefined", {text_of(span)});
    } catch (const std::overflow_error&) {
      fail(in_, span, "syntax.division_by_zero");
    } catch (const std::domain_error&) {
      fail(in_, span, "syntax.undefined", {text_of(span)});
    } catch (const std::range_error&) {
      fail(in_, span, "syntax.undefined", {text_of(span)});
    } catch (const cln::floating_point_exception&) {
      // CLN gives up on decimals beyond its exponent range: exp(-1.6^992).
      fail(in_, span, "syntax.decimal_out_of_range", {text_of(span)});
    }
    switch (bad_number(result, lim_.max_number_digits)) {
      case BadNumber::none:
        break;
      case BadNumber::not_real:
        fail(in_, span, "syntax.not_real", {text_of(span)});
      case BadNumber::decimal_range:
        fail(in_, span, "syntax.decimal_out_of_range", {text_of(span)});
      case BadNumber::too_many_digits:
        fail(in_, span, "syntax.result_too_large",
             {std::to_string(static_cast<long long>(lim_.max_number_digits))});
    }
    return result;
  }

  ex expr() {
    const Span start = peek().span;
    ex acc = term();
    while (peek().kind == Tok::plus || peek().kind == Tok::minus) {
      const Token& op = take();
      ex rhs = term();
      Span span{start.begin, prev_end()};
      acc = guarded(span, [&] { return op.kind == Tok::plus ? acc + rhs : acc - rhs; });
    }
    return acc;
  }

  std::size_t prev_end() const { return pos_ > 0 ? toks_[pos_ - 1].span.end : 0; }

  bool starts_implicit_factor(const Token& t) const {
    return t.kind == Tok::ident || t.kind == Tok::lparen || t.kind == Tok::root;
  }

  // Numbers are multiplied in last: GiNaC distributes a number over a lone sum as soon as
  // the two meet, so "2.5(x+1)sin(x)" built left to right would become (2.5x + 2.5)·sin(x).
  ex term() {
    const Span start = peek().span;
    ex coeff = 1;
    ex rest = 1;
    auto multiply = [&](const ex& rhs, bool divide) {
      Span span{start.begin, prev_end()};
      if (divide && rhs.is_zero()) fail(in_, span, "syntax.division_by_zero");
      ex& acc = GiNaC::is_a<numeric>(rhs) ? coeff : rest;
      acc = guarded(span, [&] { return divide ? acc / rhs : acc * rhs; });
    };
    multiply(unary(), false);
    while (true) {
      const Token& t = peek();
      if (t.kind == Tok::times || t.kind == Tok::divide) {
        take();
        multiply(unary(), t.kind == Tok::divide);
      } else if (starts_implicit_factor(t)) {
        multiply(power(), false);
      } else if (t.kind == Tok::number) {
        // "x 2^(x-1)" is a product, but "2 3" and a glued "(x+1)2" are typos far more often.
        const Token& before = toks_[pos_ - 1];
        if (before.kind == Tok::number || t.span.begin == before.span.end) {
          fail(in_, t.span, "syntax.missing_operator", {t.text});
        }
        multiply(power(), false);
      } else {
        return guarded(Span{start.begin, prev_end()}, [&] { return coeff * rest; });
      }
    }
  }

  ex unary() {
    const Token& t = peek();
    if (t.kind == Tok::minus || t.kind == Tok::plus) {
      Depth d(*this, t.span);
      take();
      ex operand = unary();
      return t.kind == Tok::minus ? -operand : operand;
    }
    return power();
  }

  ex power() {
    const Span start = peek().span;
    ex base = postfix();
    if (peek().kind != Tok::power) return base;
    Depth d(*this, peek().span);
    take();
    ex exponent = unary();
    return make_power(base, exponent, Span{start.begin, prev_end()});
  }

  ex postfix() {
    const Span start = peek().span;
    ex base = primary();
    if (peek().kind == Tok::superscript) {
      const Token& s = take();
      return make_power(base, numeric(s.sup), Span{start.begin, s.span.end});
    }
    return base;
  }

  ex make_power(const ex& base, const ex& exponent, Span span) {
    if (GiNaC::is_a<numeric>(base) && GiNaC::is_a<numeric>(exponent)) {
      const numeric& b = GiNaC::ex_to<numeric>(base);
      const numeric& x = GiNaC::ex_to<numeric>(exponent);
      if (b.is_zero() && (x.is_zero() || (x.is_real() && x.is_negative()))) {
        fail(in_, span, x.is_zero() ? "syntax.undefined" : "syntax.division_by_zero",
             {std::string(in_.substr(span.begin, span.end - span.begin))});
      }
      const double log_digits = log10_power_digits(b, x);
      if (log_digits > std::log10(lim_.max_number_digits)) {
        std::string shown = log_digits < 15
                                ? std::to_string(static_cast<long long>(std::pow(10, log_digits)))
                                : std::string("10^15+");
        fail(in_, span, "syntax.number_too_large",
             {shown, std::to_string(static_cast<long long>(lim_.max_number_digits))});
      }
    } else if (GiNaC::is_a<numeric>(exponent)) {
      const numeric& x = GiNaC::ex_to<numeric>(exponent);
      if (x.is_real() && abs(x) > numeric(lim_.max_exponent)) {
        fail(in_, span, "syntax.exponent_too_large",
             {exponent_text(x), std::to_string(lim_.max_exponent)});
      }
    }
    if (is_e(base)) {
      note_exp_log(exponent);
      return guarded(span, [&] { return GiNaC::exp(exponent); });
    }
    return guarded(span, [&] { return GiNaC::pow(base, exponent); });
  }

  static std::string exponent_text(const numeric& x) {
    if (!x.is_rational()) return format_number(x.to_double());
    std::ostringstream os;
    os << x;
    std::string s = os.str();
    return s.size() > 30 ? s.substr(0, 27) + "..." : s;
  }

  // GiNaC reads e^(ln u) as u at once, everywhere, though e^(ln u) exists only where u > 0.
  // The reading stays (it is GiNaC's), and the learner is told where it holds.
  void note_exp_log(const ex& exponent) {
    if (GiNaC::is_the_function<GiNaC::log_SERIAL>(exponent)) {
      const std::string u = print(exponent.op(0), Style::text);
      notes_.push_back(Message{"syntax.exp_log", {u}});
    }
  }

  static bool is_e(const ex& e) {
    return GiNaC::is_the_function<GiNaC::exp_SERIAL>(e) && e.op(0).is_equal(1);
  }

  ex primary() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::number:
        return number(take());
      case Tok::lparen:
        return group();
      case Tok::root: {
        Depth d(*this, t.span);
        take();
        if (peek().kind == Tok::end) unexpected(peek());
        const Span start = t.span;
        // √(x+1)² is (√(x+1))², as sqrt(x+1)^2 is; √x² is √(x²), as on paper.
        ex arg = peek().kind == Tok::lparen ? group() : power();
        return guarded(Span{start.begin, prev_end()}, [&] { return GiNaC::sqrt(arg); });
      }
      case Tok::ident:
        return name();
      case Tok::rparen:
        // A close with nothing open is reported as such; "()" as an empty group.
        if (open_.empty())
          fail(in_, t.span, "syntax.unmatched_close", {t.text, opening_of(t.text)});
        unexpected(t);
      default:
        unexpected(t);
    }
  }

  ex number(const Token& t) {
    if (t.name == "int") {
      if (t.text.size() > lim_.max_integer_digits) {
        fail(in_, t.span, "syntax.number_too_long",
             {std::to_string(t.text.size()), std::to_string(lim_.max_integer_digits)});
      }
      return numeric(t.text.c_str());
    }
    double v = std::strtod(t.text.c_str(), nullptr);
    // strtod gives 0 for 1e-400; any non-zero digit before the exponent means it underflowed.
    const std::string mantissa = t.text.substr(0, t.text.find_first_of("eE"));
    const bool nonzero = mantissa.find_first_of("123456789") != std::string::npos;
    if (!std::isfinite(v) || std::abs(v) > 1e300 || (nonzero && std::abs(v) < 1e-300)) {
      fail(in_, t.span, "syntax.decimal_out_of_range", {t.text});
    }
    return numeric(v);
  }

  // '(' expr ')' or '[' expr ']'; the span of an unclosed one points at the opening.
  ex group() {
    const Token& open = take();
    Depth d(*this, open.span);
    open_.push_back(open.span);
    if (peek().kind == Tok::rparen) unexpected(peek());
    ex inner = expr();
    close(open);
    open_.pop_back();
    return inner;
  }

  void close(const Token& open) {
    const Token& t = peek();
    if (t.kind == Tok::rparen) {
      if (t.text != closing_of(open.text)) {
        fail(in_, t.span, "syntax.mismatched", {t.text, open.text});
      }
      take();
      return;
    }
    if (t.kind == Tok::end) fail(in_, open.span, "syntax.unclosed", {open.text});
    if (t.kind == Tok::comma) unexpected(t);
    if (t.kind == Tok::number) fail(in_, t.span, "syntax.missing_operator", {t.text});
    unexpected(t);
  }

  ex name() {
    const Token& t = take();
    if (!defining_.empty() && t.name == defining_) {
      fail(in_, t.span, "define.self_reference", {defining_});
    }
    if (const Definition* d = syms_.definitions().find(t.name)) return defined_call(t, *d);
    const Token& next = peek();
    const bool call = next.kind == Tok::lparen && next.span.begin == t.span.end;
    if (next.kind == Tok::prime && next.span.begin == t.span.end && peek(1).kind == Tok::lparen &&
        find_function(t.text) == nullptr) {
      fail(in_, t.span, "syntax.prime_undefined", {t.text});
    }
    if (const FunctionInfo* f = find_function(t.text); f && !(t.text == "\xCF\x83" && !call)) {
      return function_call(t, *f);
    }
    if (t.name == "pi") return GiNaC::Pi;
    if (t.name == "e") return GiNaC::exp(ex(1));
    // Only a name glued to its '(' reads as a call: "theta (x+1)" is a product.
    if (call && t.text.size() > 1 && is_ascii_alpha(t.text[0])) unknown_function(t);
    // f, g and h are the names textbooks give functions: say how the call was read.
    if (call && (t.text == "f" || t.text == "g" || t.text == "h")) {
      notes_.push_back(Message{"syntax.call_as_product", {t.text}});
    }
    // "sinx" and "cost" are sin(x) and cos(t) typed without parentheses far more often
    // than products of letters.
    for (const auto& fn : function_names()) {
      if (!is_ascii_alpha(fn.spelling[0]) || t.text.size() != fn.spelling.size() + 1 ||
          !t.text.starts_with(fn.spelling) || !is_ascii_alpha(t.text.back())) {
        continue;
      }
      fail(in_, t.span, "syntax.function_needs_parens",
           {std::string(fn.spelling), std::string(1, t.text.back())});
    }
    return syms_.get(t.name);
  }

  [[noreturn]] void unknown_function(const Token& t) {
    // "xcos(x)": a variable glued to a function name.
    for (const auto& fn : function_names()) {
      if (is_ascii_alpha(fn.spelling[0]) && t.text.size() > fn.spelling.size() &&
          t.text.ends_with(fn.spelling)) {
        std::string prefix = t.text.substr(0, t.text.size() - fn.spelling.size());
        fail(in_, t.span, "syntax.glued_function", {prefix, std::string(fn.spelling), t.text});
      }
    }
    auto similar = similar_function_names(t.text);
    if (!similar.empty()) fail(in_, t.span, "syntax.unknown_function", {t.text, similar.front()});
    fail(in_, t.span, "syntax.unknown_function_plain", {t.text});
  }

  // f(ARG), f'(ARG), f''(ARG) for a defined f: the held call, checked by writing it out.
  ex defined_call(const Token& fname, const Definition& d) {
    int order = 0;
    if (peek().kind == Tok::prime) {
      const Token& primes = take();
      if (primes.sup > kMaxOrder) {
        fail(in_, primes.span, "diff.bad_order",
             {std::to_string(primes.sup), std::to_string(kMaxOrder)});
      }
      order = static_cast<int>(primes.sup);
    }
    const Token& open = peek();
    if (open.kind != Tok::lparen) {
      fail(in_, Span{fname.span.begin, prev_end()}, "define.needs_argument",
           {d.name, print(d.parameter, Style::input)});
    }
    take();
    Depth depth(*this, open.span);
    if (peek().kind == Tok::rparen || peek().kind == Tok::end) {
      fail(in_, Span{fname.span.begin, peek().span.end}, "define.needs_argument",
           {d.name, print(d.parameter, Style::input)});
    }
    open_.push_back(open.span);
    ex arg = expr();
    if (peek().kind == Tok::comma) {
      std::size_t end = peek().span.end;
      for (std::size_t k = 0; peek(k).kind != Tok::end && peek(k).kind != Tok::rparen; ++k) {
        end = peek(k).span.end;
      }
      fail(in_, Span{peek().span.begin, end}, "define.one_argument", {d.name});
    }
    close(open);
    open_.pop_back();
    const Span span{fname.span.begin, prev_end()};
    if (!defining_.empty()) {
      if (std::find(d.uses.begin(), d.uses.end(), defining_) != d.uses.end() ||
          calls_through(d.name)) {
        fail(in_, fname.span, "define.cycle", {defining_, d.name});
      }
      uses_.insert(d.name);
    }
    ex held = syms_.definitions().call(d.name, order, arg);
    // Written out now, so that f(0) with f(x) = 1/x is an error at the call.
    expand_at(span, held);
    return held;
  }

  // Whether NAME's definition calls the one being defined, however indirectly.
  bool calls_through(const std::string& name) const {
    std::vector<std::string> todo{name};
    std::set<std::string> seen;
    while (!todo.empty()) {
      const std::string cur = todo.back();
      todo.pop_back();
      if (cur == defining_) return true;
      if (!seen.insert(cur).second) continue;
      if (const Definition* d = syms_.definitions().find(cur)) {
        todo.insert(todo.end(), d->uses.begin(), d->uses.end());
      }
    }
    return false;
  }

  ex function_call(const Token& fname, const FunctionInfo& f) {
    const Token& next = peek();
    if (next.kind == Tok::prime) fail(in_, next.span, "syntax.prime");
    if (next.kind == Tok::superscript) {
      fail(in_, Span{fname.span.begin, next.span.end}, "syntax.function_power",
           {fname.text, next.text});
    }
    if (next.kind == Tok::power) {
      fail(in_, Span{fname.span.begin, next.span.end}, "syntax.function_power", {fname.text, "^2"});
    }
    if (next.kind != Tok::lparen) {
      if (next.kind == Tok::ident || next.kind == Tok::number) {
        // "sin 2x" means sin(2x): the argument is the whole implicit product that follows.
        std::size_t end = next.span.end;
        for (std::size_t k = 1; peek(k).kind == Tok::ident || peek(k).kind == Tok::number; ++k) {
          if (peek(k).span.begin != end || peek(k).kind == peek(k - 1).kind) break;
          end = peek(k).span.end;
        }
        fail(in_, Span{fname.span.begin, end}, "syntax.function_needs_parens",
             {fname.text, std::string(in_.substr(next.span.begin, end - next.span.begin))});
      }
      fail(in_, fname.span, "syntax.function_needs_argument", {fname.text});
    }
    const Token& open = take();
    Depth d(*this, open.span);
    if (peek().kind == Tok::rparen) {
      fail(in_, Span{fname.span.begin, peek().span.end}, "syntax.function_needs_argument",
           {fname.text});
    }
    if (peek().kind == Tok::end) fail(in_, open.span, "syntax.unclosed", {open.text});
    open_.push_back(open.span);
    ex arg = expr();
    if (peek().kind == Tok::comma) fail(in_, peek().span, "syntax.one_argument", {fname.text});
    close(open);
    open_.pop_back();
    Span span{fname.span.begin, prev_end()};
    if (f.name == "exp") note_exp_log(arg);
    return guarded(span, [&] { return f.build(arg); });
  }

  std::string_view in_;
  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  SymbolTable& syms_;
  const Limits& lim_;
  int depth_ = 0;
  std::vector<Span> open_;
  std::vector<Message> notes_;
  std::string defining_;        // the name being defined, in a definition's body
  std::set<std::string> uses_;  // the defined functions a definition's body calls

 public:
  // How the text was read where it holds only on part of the real line.
  const std::vector<Message>& notes() const { return notes_; }

  // HELD written out (see Definitions::expand), any failure an error at SPAN.
  ex expand_at(Span span, const ex& held) {
    if (!has_calls(held)) return held;
    try {
      return guarded(span, [&] { return syms_.definitions().expand(held); });
    } catch (const SyntaxError&) {
      throw;
    } catch (const Error& e) {
      throw SyntaxError(e.message(), span, std::string(in_));
    }
  }

  // NAME(PARAM) = BODY. Checks the left side and reads the body.
  Definition definition() {
    const Token& name = take();
    if (name.kind != Tok::ident || !is_ascii_alpha(name.text[0])) {
      fail(in_, name.span, "define.bad_name", {name.text});
    }
    if (find_function(name.text) != nullptr || is_constant_name(name.name) ||
        greek_by_name(name.name) != nullptr) {
      fail(in_, name.span, "define.builtin", {name.text});
    }
    const Token& open = take();
    if (open.kind != Tok::lparen) fail(in_, open.span, "define.shape", {name.text});
    const Token& param = take();
    if (param.kind != Tok::ident || !is_variable_name(param.name) || param.name == name.name ||
        syms_.definitions().find(param.name) != nullptr) {
      fail(in_, param.span, "define.bad_parameter", {param.text});
    }
    if (peek().kind == Tok::comma) fail(in_, peek().span, "define.one_parameter", {name.text});
    const Token& close_tok = take();
    if (close_tok.kind != Tok::rparen || close_tok.text != closing_of(open.text)) {
      fail(in_, close_tok.span, "define.shape", {name.text});
    }
    const Token& eq = take();
    if (eq.kind != Tok::equals) fail(in_, eq.span, "define.shape", {name.text});
    defining_ = name.name;
    const ex body = parse_all();
    return Definition{name.name, syms_.get(param.name), body, {uses_.begin(), uses_.end()}};
  }
};

}  // namespace

bool is_variable_name(std::string_view name) {
  if (name.empty() || !is_ascii_alpha(name[0])) return false;
  for (char c : name) {
    if (!is_ascii_alpha(c) && !is_digit(c)) return false;
  }
  return find_function(name) == nullptr && !is_constant_name(name);
}

std::vector<std::string> similar_function_names(std::string_view name) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  if (name.size() < 2) return {};
  for (const auto& fn : function_names()) {
    if (!is_ascii_alpha(fn.spelling[0]) || fn.spelling == name) continue;
    std::size_t d = edit_distance(name, fn.spelling);
    if (d <= 2 && d < fn.spelling.size()) scored.emplace_back(d, std::string(fn.spelling));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [d, s] : scored) out.push_back(std::move(s));
  return out;
}

namespace {

void check_length(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_input_bytes) {
    throw SyntaxError(
        Message{"syntax.too_long",
                {std::to_string(text.size()), std::to_string(limits.max_input_bytes)}},
        Span{limits.max_input_bytes, text.size()}, std::string(text));
  }
}

// The limits on E as GiNaC keeps it, which merges powers as it builds ((x^100)^100 is
// x^10000) and as calls are written out: the exponents, and the terms expanding it would give.
void check_written(const ex& e, std::string_view text, const Limits& limits) {
  const Span whole{0, text.size()};
  if (auto big = largest_symbolic_exponent(e); big && *big > numeric(limits.max_exponent)) {
    std::ostringstream os;
    os << *big;
    throw SyntaxError(
        Message{"syntax.exponent_too_large", {os.str(), std::to_string(limits.max_exponent)}},
        whole, std::string(text));
  }
  const double terms = expansion_terms(e);
  if (terms > limits.max_expanded_terms) {
    std::string shown = terms < 1e15 ? std::to_string(static_cast<long long>(terms)) : "10^15+";
    throw SyntaxError(
        Message{"syntax.expansion_too_large",
                {shown, std::to_string(static_cast<long long>(limits.max_expanded_terms))}},
        whole, std::string(text));
  }
}

}  // namespace

Parsed parse(std::string_view text, SymbolTable& syms, const Limits& limits) {
  check_length(text, limits);
  Lexer lexer(text, syms.definitions());
  Parser parser(text, lexer.run(), syms, limits);
  const ex held = parser.parse_all();
  const ex e = parser.expand_at(Span{0, text.size()}, held);
  check_written(e, text, limits);
  std::vector<Message> notes = lexer.notes();
  notes.insert(notes.end(), parser.notes().begin(), parser.notes().end());
  return Parsed{e, variables_of(e), std::move(notes), held};
}

std::string as_typed(std::string_view text, const SymbolTable& syms, Style style) {
  std::vector<Token> tokens;
  try {
    tokens = Lexer(text, syms.definitions()).run();
  } catch (const SyntaxError&) {
    return std::string(text);
  }
  const bool ascii = style == Style::ascii || style == Style::input;
  // A minus after nothing, an opening bracket, a comma or another operator is a sign.
  static constexpr std::array kBeforeSign{Tok::lparen, Tok::comma,  Tok::plus,  Tok::minus,
                                          Tok::times,  Tok::divide, Tok::power, Tok::equals};
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const Token* prev = i > 0 ? &tokens[i - 1] : nullptr;
    const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
    switch (t.kind) {
      case Tok::ident:
        // "x y" is a product typed with a space.
        if (prev && prev->kind == Tok::ident && prev->span.end < t.span.begin) {
          out += ascii ? "*" : "·";
        }
        if (const FunctionInfo* f = find_function(t.name); f && next && next->kind == Tok::lparen) {
          out += ascii ? f->name : f->text;
        } else if (const GreekLetter* g = greek_by_name(t.name); g && !ascii) {
          out += g->glyph;
        } else if (t.name == "pi" && !ascii) {
          out += "π";
        } else {
          out += ascii ? t.name : t.text;
        }
        break;
      case Tok::plus:
        out += " + ";
        break;
      case Tok::minus: {
        const bool sign = !prev || std::find(kBeforeSign.begin(), kBeforeSign.end(), prev->kind) !=
                                       kBeforeSign.end();
        const std::string minus = ascii ? "-" : "−";
        out += sign ? minus : " " + minus + " ";
        break;
      }
      case Tok::times:
        out += ascii ? "*" : "·";
        break;
      case Tok::power: {
        // x^2 is x²; x^(n+1) and x^-1 keep their caret.
        const bool whole = next && next->kind == Tok::number &&
                           next->text.find_first_not_of("0123456789") == std::string::npos &&
                           (i + 2 >= tokens.size() || tokens[i + 2].kind != Tok::power);
        if (whole && !ascii) {
          out += superscript(next->text);
          ++i;
        } else {
          out += "^";
        }
        break;
      }
      case Tok::superscript:
        out += ascii ? "^" + std::to_string(t.sup)
                     : std::string(text.substr(t.span.begin, t.span.end - t.span.begin));
        break;
      case Tok::comma:
        out += ", ";
        break;
      case Tok::lparen:
        out += "(";
        break;
      case Tok::rparen:
        out += ")";
        break;
      case Tok::end:
        break;
      default:
        out += std::string(text.substr(t.span.begin, t.span.end - t.span.begin));
        break;
    }
  }
  return out;
}

PrimeRun prime_run(std::string_view text, std::size_t pos) {
  PrimeRun run;
  for (bool more = pos < text.size(); more;) {
    more = false;
    for (const auto& p : kPrimes) {
      if (text.substr(pos + run.bytes).starts_with(p.text)) {
        run.bytes += p.text.size();
        run.count += p.count;
        more = pos + run.bytes < text.size();
        break;
      }
    }
  }
  return run;
}

bool looks_like_definition(std::string_view text) {
  std::size_t i = text.find_first_not_of(" \t");
  if (i == std::string_view::npos || !is_ascii_alpha(text[i])) return false;
  while (i < text.size() && (is_ascii_alpha(text[i]) || is_digit(text[i]))) ++i;
  i = text.find_first_not_of(" \t", i);
  if (i == std::string_view::npos || (text[i] != '(' && text[i] != '[')) return false;
  const std::size_t close = text.find_first_of(")]", i);
  if (close == std::string_view::npos ||
      text.substr(i + 1, close - i - 1).find_first_of("([") != std::string_view::npos) {
    return false;
  }
  const std::size_t eq = text.find_first_not_of(" \t", close + 1);
  return eq != std::string_view::npos && text[eq] == '=';
}

ParsedDefinition parse_definition(std::string_view text, SymbolTable& syms, const Limits& limits) {
  check_length(text, limits);
  Lexer lexer(text, syms.definitions());
  Parser parser(text, lexer.run(), syms, limits);
  Definition d = parser.definition();
  // The body must be something the parser would accept as an expression on its own.
  check_written(parser.expand_at(Span{0, text.size()}, d.body), text, limits);
  std::vector<Message> notes = lexer.notes();
  notes.insert(notes.end(), parser.notes().begin(), parser.notes().end());
  return ParsedDefinition{std::move(d), std::move(notes)};
}

}  // namespace tutor
