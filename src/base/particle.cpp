#include "base/particle.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "base/text.hpp"

namespace tutor {

namespace {

// ---------------------------------------------------------------------------------------
// Tokens: the pieces of a formula that are read aloud one after another.

enum class Kind {
  number,      // 27, 0.25, 1e-6
  word,        // a run of Latin letters: x, sin, theta, ReLU
  hangul,      // a run of Hangul
  greek,       // one Greek letter
  sup,         // a run of superscripts: ², ⁻¹
  sub,         // a run of subscripts: ₀, ₖ
  prime,       // ′, ″, or ' right after a symbol
  open,        // ( [ {
  close,       // ) ] }
  bar,         // | ‖
  sep,         // what separates terms: + − = , ; : → ≤ …
  mul,         // · × *
  div,         // / ÷
  pow,         // ^
  underscore,  // _
  symbol,      // any other sign: ∞ √ ∇ ∂ %
  space,
  silent,  // not read: quotes, full stops, ellipses
};

struct Token {
  Kind kind;
  std::u32string text;
};

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool is_latin(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x318E);
}
bool is_greek(char32_t c) {
  return c >= 0x0370 && c <= 0x03FF;
}
bool is_sup(char32_t c) {
  return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x207F) ||
         (c >= 0x1D2C && c <= 0x1D61) || (c >= 0x02B0 && c <= 0x02B8);
}
bool is_sub(char32_t c) {
  return (c >= 0x2080 && c <= 0x209C) || (c >= 0x1D62 && c <= 0x1D6A) || c == 0x2C7C;
}
bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B);
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    long cp = decode_utf8(s, i, len);
    out.push_back(cp < 0 ? U'?' : static_cast<char32_t>(cp));
    i += len;
  }
  return out;
}

Kind kind_of_sign(char32_t c) {
  switch (c) {
    case U'(':
    case U'[':
    case U'{':
    case 0x27E8:  // ⟨
    case 0x230A:  // ⌊
    case 0x2308:  // ⌈
      return Kind::open;
    case U')':
    case U']':
    case U'}':
    case 0x27E9:
    case 0x230B:
    case 0x2309:
      return Kind::close;
    case U'|':
    case 0x2016:  // ‖
      return Kind::bar;
    case U'+':
    case U'-':
    case 0x2212:  // −
    case 0xB1:    // ±
    case 0x2213:  // ∓
    case U'=':
    case U'<':
    case U'>':
    case U',':
    case U';':
    case U':':
    case U'~':
    case 0x2248:  // ≈
    case 0x2260:  // ≠
    case 0x2264:  // ≤
    case 0x2265:  // ≥
    case 0x2261:  // ≡
    case 0x223C:  // ∼
    case 0x2208:  // ∈
    case 0x2192:  // →
    case 0x2190:  // ←
    case 0x21A6:  // ↦
    case 0x21D2:  // ⇒
    case 0x3001:  // 、
      return Kind::sep;
    case U'*':
    case 0xB7:    // ·
    case 0xD7:    // ×
    case 0x22C5:  // ⋅
    case 0x2218:  // ∘
      return Kind::mul;
    case U'/':
    case 0xF7:    // ÷
    case 0x2215:  // ∕
      return Kind::div;
    case U'^':
      return Kind::pow;
    case U'_':
      return Kind::underscore;
    case 0x2032:  // ′
    case 0x2033:  // ″
    case 0x2034:  // ‴
      return Kind::prime;
    case U'.':
    case U'!':
    case U'?':
    case U'"':
    case U'`':
    case U'\'':
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x2026:  // …
    case 0x22EF:  // ⋯
    case 0x22EE:  // ⋮
    case 0x300C:  // 「
    case 0x300D:  // 」
    case 0x300E:  // 『
    case 0x300F:  // 』
    case 0x3002:  // 。
      return Kind::silent;
    default:
      return Kind::symbol;
  }
}

// A number starting at S[i]: digits, a decimal part, groups of three after commas, and an
// exponent (1e-6). Returns its end.
std::size_t number_end(const std::u32string& s, std::size_t i) {
  const auto digits = [&](std::size_t j) {
    while (j < s.size() && is_digit(s[j])) ++j;
    return j;
  };
  i = digits(i);
  // 1,000,000: a comma followed by exactly three digits.
  while (i + 3 < s.size() && s[i] == U',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
         is_digit(s[i + 3]) && (i + 4 == s.size() || !is_digit(s[i + 4]))) {
    i += 4;
  }
  if (i + 1 < s.size() && s[i] == U'.' && is_digit(s[i + 1])) i = digits(i + 1);
  if (i + 1 < s.size() && (s[i] == U'e' || s[i] == U'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == U'+' || s[j] == U'-' || s[j] == 0x2212)) ++j;
    if (j < s.size() && is_digit(s[j])) i = digits(j);
  }
  return i;
}

std::vector<Token> tokenize(const std::u32string& s) {
  std::vector<Token> out;
  bool quoted = false;  // inside 'quotes'
  const auto run = [&](std::size_t i, auto pred) {
    std::size_t j = i;
    while (j < s.size() && pred(s[j])) ++j;
    return j;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = s[i];
    std::size_t j = i + 1;
    Kind k;
    if (is_digit(c)) {
      k = Kind::number;
      j = number_end(s, i);
    } else if (is_latin(c)) {
      k = Kind::word;
      j = run(i, is_latin);
    } else if (is_hangul(c)) {
      k = Kind::hangul;
      j = run(i, is_hangul);
    } else if (is_greek(c)) {
      k = Kind::greek;
    } else if (is_sup(c)) {
      k = Kind::sup;
      j = run(i, is_sup);
    } else if (is_sub(c)) {
      k = Kind::sub;
      j = run(i, is_sub);
    } else if (is_space(c)) {
      k = Kind::space;
      j = run(i, is_space);
    } else {
      k = kind_of_sign(c);
      // An apostrophe right after a symbol is a prime (f', f''), unless it closes a quote
      // ('help'); anywhere else it opens one.
      if (c == U'\'') {
        const Kind before = out.empty() ? Kind::space : out.back().kind;
        const bool after_symbol = before == Kind::word || before == Kind::greek ||
                                  before == Kind::close || before == Kind::prime ||
                                  before == Kind::number || before == Kind::sub;
        if (after_symbol && !quoted) {
          k = Kind::prime;
        } else {
          quoted = !quoted;
        }
      }
    }
    out.push_back({k, s.substr(i, j - i)});
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// How single readings end.

Coda hangul_coda(char32_t c) {
  if (c >= 0xAC00 && c <= 0xD7A3) {
    const int final_consonant = static_cast<int>((c - 0xAC00) % 28);
    if (final_consonant == 0) return Coda::vowel;
    return final_consonant == 8 ? Coda::rieul : Coda::consonant;
  }
  if (c == 0x3139) return Coda::rieul;                     // ㄹ, 리을
  if (c >= 0x3131 && c <= 0x314E) return Coda::consonant;  // ㄱ 기역, ㄴ 니은, …
  return Coda::vowel;                                      // ㅏ, ㅓ, …
}

// Sino-Korean digits: 영 일 이 삼 사 오 육 칠 팔 구.
constexpr std::array<Coda, 10> kDigit = {
    Coda::consonant, Coda::rieul,     Coda::vowel, Coda::consonant, Coda::vowel,
    Coda::vowel,     Coda::consonant, Coda::rieul, Coda::rieul,     Coda::vowel};
// The place words inside a group of four digits: 십 백 천.
constexpr Coda kPlace = Coda::consonant;
// The words of the groups of four digits: 만 억 조 경 해 자 양 구 간 정 재 극.
constexpr std::array<Coda, 12> kMyriad = {Coda::consonant, Coda::consonant, Coda::vowel,
                                          Coda::consonant, Coda::vowel,     Coda::vowel,
                                          Coda::consonant, Coda::vowel,     Coda::consonant,
                                          Coda::consonant, Coda::vowel,     Coda::consonant};

// A number as digits: 27 → 이십칠, 1000 → 천, 20000 → 이만, 0.25 → 영 점 이오, 1e-6 → …승.
Coda number_coda(const std::u32string& text) {
  std::u32string n;
  for (char32_t c : text) {
    if (c != U',') n.push_back(c);
  }
  // A power of ten ends in 승 (or 제곱).
  if (n.find_first_of(U"eE") != std::u32string::npos) return Coda::consonant;
  // Decimals are read digit by digit.
  if (n.find(U'.') != std::u32string::npos) return kDigit[n.back() - U'0'];
  std::size_t zeros = 0;
  while (zeros < n.size() && n[n.size() - 1 - zeros] == U'0') ++zeros;
  if (zeros == n.size()) return kDigit[0];  // 영
  const std::size_t group = zeros / 4;
  if (group > 0) return group <= kMyriad.size() ? kMyriad[group - 1] : Coda::consonant;
  return zeros == 0 ? kDigit[n.back() - U'0'] : kPlace;
}

struct Reading {
  std::string_view word;
  Coda coda;
};

// Latin letters read one by one: 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피
// 큐 알 에스 티 유 브이 더블유 엑스 와이 제트.
Coda letter_coda(char32_t c) {
  switch (std::tolower(static_cast<int>(c))) {
    case 'l':
    case 'r':
      return Coda::rieul;
    case 'm':
    case 'n':
      return Coda::consonant;
    default:
      return Coda::vowel;
  }
}

// Words with a reading of their own: function names, Greek letters written out, and the
// words the tutor's messages quote.
constexpr Reading kWords[] = {
    {"sin", Coda::consonant},      // 사인
    {"cos", Coda::consonant},      // 코사인
    {"tan", Coda::vowel},          // 탄젠트
    {"cot", Coda::vowel},          // 코탄젠트
    {"sec", Coda::vowel},          // 시컨트
    {"csc", Coda::vowel},          // 코시컨트
    {"sinh", Coda::consonant},     // 하이퍼볼릭 사인
    {"cosh", Coda::consonant},     // 하이퍼볼릭 코사인
    {"tanh", Coda::vowel},         // 하이퍼볼릭 탄젠트
    {"asin", Coda::consonant},     // 아크사인
    {"acos", Coda::consonant},     // 아크코사인
    {"atan", Coda::vowel},         // 아크탄젠트
    {"arcsin", Coda::consonant},   // 아크사인
    {"arccos", Coda::consonant},   // 아크코사인
    {"arctan", Coda::vowel},       // 아크탄젠트
    {"exp", Coda::rieul},          // 익스포넨셜
    {"ln", Coda::consonant},       // 엘엔
    {"log", Coda::vowel},          // 로그
    {"sqrt", Coda::vowel},         // 루트
    {"abs", Coda::consonant},      // 절댓값
    {"sigmoid", Coda::vowel},      // 시그모이드
    {"relu", Coda::vowel},         // 렐루
    {"softplus", Coda::vowel},     // 소프트플러스
    {"max", Coda::vowel},          // 맥스
    {"min", Coda::consonant},      // 민
    {"inf", Coda::vowel},          // 무한대
    {"nan", Coda::consonant},      // 난
    {"alpha", Coda::vowel},        // 알파
    {"beta", Coda::vowel},         // 베타
    {"gamma", Coda::vowel},        // 감마
    {"delta", Coda::vowel},        // 델타
    {"epsilon", Coda::consonant},  // 엡실론
    {"zeta", Coda::vowel},         // 제타
    {"eta", Coda::vowel},          // 에타
    {"theta", Coda::vowel},        // 세타
    {"iota", Coda::vowel},         // 요타
    {"kappa", Coda::vowel},        // 카파
    {"lambda", Coda::vowel},       // 람다
    {"mu", Coda::vowel},           // 뮤
    {"nu", Coda::vowel},           // 뉴
    {"xi", Coda::vowel},           // 크시
    {"pi", Coda::vowel},           // 파이
    {"rho", Coda::vowel},          // 로
    {"sigma", Coda::vowel},        // 시그마
    {"tau", Coda::vowel},          // 타우
    {"upsilon", Coda::consonant},  // 입실론
    {"phi", Coda::vowel},          // 파이
    {"chi", Coda::vowel},          // 카이
    {"psi", Coda::vowel},          // 프사이
    {"omega", Coda::vowel},        // 오메가
    {"nabla", Coda::vowel},        // 나블라
    {"grad", Coda::vowel},         // 그래드
    {"check", Coda::vowel},        // 체크
    {"exit", Coda::vowel},         // 엑시트
    {"edit", Coda::vowel},         // 에디트
    {"type", Coda::consonant},     // 타입
    {"latex", Coda::consonant},    // 레이텍
    {"json", Coda::consonant},     // 제이슨
    {"pytorch", Coda::vowel},      // 파이토치
    {"resnet", Coda::consonant},   // 레즈넷
    {"xavier", Coda::vowel},       // 자비에
    {"he", Coda::vowel},           // 허
    {"ko", Coda::vowel},           // 케이오
    {"en", Coda::consonant},       // 이엔
    {"at", Coda::consonant},       // 앳 (--at)
};

bool is_vowel_letter(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// An English word as Korean writes it: a final m, n, ng or l is a final consonant (타임, 라인,
// 롱, 파일); a final p, t, k after one short vowel is one too (스텝, 셋, 백); anything else
// ends in a vowel (카인드, 스텝스, 그래프, 넘버).
Coda english_coda(const std::string& s) {
  const std::size_t m = s.size();
  if (s.ends_with("ng")) return Coda::consonant;
  const char last = s.back();
  if (last == 'e' && m >= 3 && !is_vowel_letter(s[m - 2])) {  // a silent e: time, line, file
    if (s[m - 2] == 'm' || s[m - 2] == 'n') return Coda::consonant;
    return s[m - 2] == 'l' ? Coda::rieul : Coda::vowel;
  }
  if (last == 'm' || last == 'n') return Coda::consonant;
  if (last == 'l') return Coda::rieul;
  const bool short_vowel_before = [&](std::size_t v) {
    return v < m && is_vowel_letter(s[v]) && s[v] != 'y' && (v == 0 || !is_vowel_letter(s[v - 1]));
  }(m >= 2 ? m - 2 : m);
  if (last == 'p' || last == 't') return short_vowel_before ? Coda::consonant : Coda::vowel;
  if (last == 'k' && m >= 3 && s[m - 2] == 'c') {  // back, stack
    const std::size_t v = m - 3;
    const bool single = is_vowel_letter(s[v]) && (v == 0 || !is_vowel_letter(s[v - 1]));
    return single ? Coda::consonant : Coda::vowel;
  }
  if (last == 'k' || last == 'c') return short_vowel_before ? Coda::consonant : Coda::vowel;
  return Coda::vowel;
}

Coda word_coda(const std::u32string& text) {
  std::string lower;
  for (char32_t c : text) lower.push_back(static_cast<char>(std::tolower(static_cast<int>(c))));
  for (const auto& r : kWords) {
    if (r.word == lower) return r.coda;
  }
  // Short names and runs of consonants are spelled: xy → 엑스 와이, dx → 디 엑스, wrt.
  const bool has_vowel = std::any_of(lower.begin(), lower.end(), is_vowel_letter);
  if (lower.size() <= 2 || !has_vowel) return letter_coda(lower.back());
  // So are short acronyms: CSV, UTF, DIR (but FILE is 파일).
  if (lower.size() <= 3 &&
      std::all_of(text.begin(), text.end(), [](char32_t c) { return c >= U'A' && c <= U'Z'; })) {
    return letter_coda(lower.back());
  }
  return english_coda(lower);
}

// α 알파 β 베타 γ 감마 δ 델타 ε 엡실론 ζ 제타 η 에타 θ 세타 ι 요타 κ 카파 λ 람다 μ 뮤 ν 뉴 ξ 크시
// ο 오미크론 π 파이 ρ 로 σ 시그마 τ 타우 υ 입실론 φ 파이 χ 카이 ψ 프사이 ω 오메가.
Coda greek_coda(char32_t c) {
  switch (c) {
    case 0x03B5:  // ε
    case 0x03F5:  // ϵ
    case 0x0395:  // Ε
    case 0x03BF:  // ο
    case 0x039F:  // Ο
    case 0x03C5:  // υ
    case 0x03A5:  // Υ
      return Coda::consonant;
    default:
      return Coda::vowel;
  }
}

Coda symbol_coda(char32_t c) {
  switch (c) {
    case 0x222B:  // ∫ 인테그럴
      return Coda::rieul;
    case U'#':  // 샵
    case U'@':  // 앳
      return Coda::consonant;
    default:  // ∞ 무한대, √ 루트, ∇ 나블라, ∂ 라운드, ∑ 시그마, % 퍼센트, ° 도
      return Coda::vowel;
  }
}

// Subscript characters as the ASCII they stand for: ₁₀ → 10, ₖ → k.
std::string unsubscript(const std::u32string& text) {
  static constexpr std::u32string_view kLetters = U"aeohklmnpst";  // ₐ ₑ ₒ ₕ ₖ ₗ ₘ ₙ ₚ ₛ ₜ
  std::string out;
  for (char32_t c : text) {
    if (c >= 0x2080 && c <= 0x2089) {
      out.push_back(static_cast<char>('0' + (c - 0x2080)));
    } else if (c == 0x2090) {
      out.push_back('a');
    } else if (c == 0x2091) {
      out.push_back('e');
    } else if (c == 0x2092) {
      out.push_back('o');
    } else if (c == 0x2093) {
      out.push_back('x');
    } else if (c >= 0x2095 && c <= 0x209C) {
      out.push_back(static_cast<char>(kLetters[3 + (c - 0x2095)]));
    } else if (c == 0x1D62) {
      out.push_back('i');
    } else if (c == 0x1D63) {
      out.push_back('r');
    } else if (c == 0x1D64) {
      out.push_back('u');
    } else if (c == 0x1D65) {
      out.push_back('v');
    } else if (c == 0x2C7C) {
      out.push_back('j');
    } else if (c == 0x208A) {
      out.push_back('+');
    } else if (c == 0x208B) {
      out.push_back('-');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// A formula's reading, from its end.

class Reader {
 public:
  explicit Reader(std::vector<Token> t) : t_(std::move(t)) {}

  Coda read() const { return coda(0, t_.size()); }

 private:
  using Index = std::size_t;

  Kind kind(Index i) const { return t_[i].kind; }

  // [lo, hi) without spaces and unread signs at either end.
  void trim(Index& lo, Index& hi) const {
    while (hi > lo && (kind(hi - 1) == Kind::space || kind(hi - 1) == Kind::silent)) --hi;
    while (lo < hi && (kind(lo) == Kind::space || kind(lo) == Kind::silent)) ++lo;
  }

  // The token before I that is not a space, or npos.
  Index before(Index lo, Index i) const {
    while (i > lo) {
      --i;
      if (kind(i) != Kind::space) return i;
    }
    return std::u32string::npos;
  }

  // The open bracket matching the close bracket at I, or npos.
  Index match_open(Index lo, Index i) const {
    int depth = 0;
    for (Index j = i + 1; j-- > lo;) {
      if (kind(j) == Kind::close) ++depth;
      if (kind(j) == Kind::open && --depth == 0) return j;
    }
    return std::u32string::npos;
  }

  // A + or − that is a sign, not an operation: after an operation, a bracket or ^.
  bool is_sign(Index lo, Index i) const {
    const char32_t c = t_[i].text[0];
    if (c != U'+' && c != U'-' && c != 0x2212 && c != 0xB1) return false;
    const Index b = before(lo, i);
    if (b == std::u32string::npos) return true;
    const Kind k = kind(b);
    return k == Kind::sep || k == Kind::open || k == Kind::pow || k == Kind::mul ||
           k == Kind::div || k == Kind::underscore;
  }

  // Where the last term of [lo, hi) starts: after the last + − = , … outside brackets.
  Index term_start(Index lo, Index hi) const {
    int depth = 0;
    bool in_bars = false;
    for (Index i = hi; i-- > lo;) {
      const Kind k = kind(i);
      if (k == Kind::close) ++depth;
      if (k == Kind::open && --depth < 0) return i + 1;
      if (k == Kind::bar && depth == 0) in_bars = !in_bars;
      if (k == Kind::sep && depth == 0 && !in_bars && !is_sign(lo, i)) return i + 1;
    }
    return lo;
  }

  Coda coda(Index lo, Index hi) const {
    trim(lo, hi);
    if (lo >= hi) return Coda::vowel;
    Index s = term_start(lo, hi);
    if (s >= hi) return Coda::vowel;  // ends in an operation: 더하기, 빼기, …
    trim(s, hi);
    if (s >= hi) return Coda::vowel;
    return term_coda(s, hi);
  }

  bool derivative_d(Index i) const {
    const Token& tok = t_[i];
    if (tok.kind == Kind::symbol) return tok.text[0] == 0x2202;  // ∂
    return tok.kind == Kind::word && tok.text[0] == U'd' && tok.text.size() <= 2;
  }

  // A term; a fraction a/b is read "b분의 a", so it ends with its numerator. dy/dx is read
  // from left to right ("디와이 디엑스").
  Coda term_coda(Index lo, Index hi) const {
    Index slash = std::u32string::npos;
    int depth = 0;
    bool in_bars = false;
    for (Index i = hi; i-- > lo;) {
      const Kind k = kind(i);
      if (k == Kind::close) ++depth;
      if (k == Kind::open) --depth;
      if (k == Kind::bar && depth == 0) in_bars = !in_bars;
      if (k == Kind::div && depth == 0 && !in_bars) {
        slash = i;
        break;
      }
    }
    if (slash == std::u32string::npos) return atom_coda(lo, hi);
    Index nlo = lo, nhi = slash, dlo = slash + 1, dhi = hi;
    trim(nlo, nhi);
    trim(dlo, dhi);
    if (nlo >= nhi) return coda(dlo, dhi);
    if (dlo >= dhi) return coda(nlo, nhi);
    if (derivative_d(nlo) && derivative_d(dlo)) return coda(dlo, dhi);
    if (atom_start(dlo, dhi) == dlo) return coda(nlo, nhi);
    return atom_coda(lo, hi);  // 1/2 x: the last factor is read last
  }

  // Where the atom that ends at HI starts: a name or number with its superscripts,
  // subscripts, primes, exponent and brackets of a call (f′(x), e^(2x), a_(k−1)).
  Index atom_start(Index lo, Index hi) const {
    Index i = hi - 1;
    Index start = i;
    const Kind k = kind(i);
    if (k == Kind::sup || k == Kind::sub || k == Kind::prime) {
      return i > lo ? atom_start(lo, i) : i;
    }
    if (k == Kind::close) {
      const Index j = match_open(lo, i);
      if (j == std::u32string::npos) return i;
      start = j;
      if (j > lo) {
        const Kind b = kind(j - 1);
        if (b == Kind::word || b == Kind::greek || b == Kind::prime || b == Kind::sup ||
            b == Kind::sub) {
          start = atom_start(lo, j);  // a call: sin(x), f′(x)
        }
      }
    } else if (k == Kind::bar) {
      for (Index j = i; j-- > lo;) {
        if (kind(j) == Kind::bar) {
          start = j;
          break;
        }
      }
    }
    Index p = start;
    if (p > lo && kind(p - 1) == Kind::sep && p >= lo + 2 && kind(p - 2) == Kind::pow) --p;
    if (p > lo + 1 && (kind(p - 1) == Kind::pow || kind(p - 1) == Kind::underscore)) {
      return atom_start(lo, p - 1);
    }
    return start;
  }

  // Whether the atom starting at I is an exponent: x^2, x^-1, e^(2x).
  bool is_exponent(Index lo, Index i) const {
    if (i > lo && kind(i - 1) == Kind::pow) return true;
    return i > lo + 1 && kind(i - 1) == Kind::sep && kind(i - 2) == Kind::pow;
  }

  // The last atom of [lo, hi), read to its end.
  Coda atom_coda(Index lo, Index hi) const {
    const Index i = hi - 1;
    const Token& tok = t_[i];
    switch (tok.kind) {
      case Kind::sup:    // x² → 엑스 제곱
      case Kind::prime:  // f′ → 에프 프라임
        return Coda::consonant;
      case Kind::sub:  // a₀ → 에이 영
        return spoken_coda(unsubscript(tok.text));
      case Kind::close: {
        const Index j = match_open(lo, i);
        if (j == std::u32string::npos) return coda(lo, i);
        // A gloss right after a Korean word is not read: 역전파(backpropagation)는.
        if (j > lo && kind(j - 1) == Kind::hangul && t_[j].text == U"(") {
          return hangul_coda(t_[j - 1].text.back());
        }
        if (is_exponent(lo, j)) return Coda::consonant;  // e^(2x) → … 제곱
        Index ilo = j + 1, ihi = i;
        trim(ilo, ihi);
        if (ilo >= ihi) return coda(lo, j);  // f(), sin(…): the name is read last
        return coda(ilo, ihi);
      }
      case Kind::bar: {
        for (Index j = i; j-- > lo;) {
          if (kind(j) == Kind::bar) return coda(j + 1, i);
        }
        return coda(lo, i);
      }
      case Kind::number:
        return is_exponent(lo, i) ? Coda::consonant : number_coda(tok.text);
      case Kind::word:
        return is_exponent(lo, i) ? Coda::consonant : word_coda(tok.text);
      case Kind::greek:
        return is_exponent(lo, i) ? Coda::consonant : greek_coda(tok.text.back());
      case Kind::hangul:
        return hangul_coda(tok.text.back());
      case Kind::symbol:
        return symbol_coda(tok.text.back());
      default:  // an operation or bracket left open: 곱하기, 나누기, …
        return Coda::vowel;
    }
  }

  std::vector<Token> t_;
};

// Drops the quotes around a whole text ('x', "x"), which are not read.
std::u32string unquote(std::u32string s) {
  while (!s.empty() && is_space(s.back())) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && is_space(s[b])) ++b;
  s = s.substr(b);
  if (s.size() >= 2) {
    const char32_t first = s.front(), last = s.back();
    const bool paired = (first == last && (first == U'\'' || first == U'"' || first == U'`')) ||
                        (first == 0x2018 && last == 0x2019) || (first == 0x201C && last == 0x201D);
    if (paired) s = s.substr(1, s.size() - 2);
  }
  return s;
}

struct Pair {
  std::string_view after_consonant;
  std::string_view after_vowel;
  bool rieul_as_vowel;  // (으)로: 로 after ㄹ too
  bool may_continue;  // more Hangul may follow (으로는); 이/가 may not (이고 is the copula)
};

constexpr Pair kPairs[] = {
    {"이랑", "랑", false, true}, {"이라", "라", false, true}, {"이나", "나", false, true},
    {"으로", "로", true, true},  {"이", "가", false, false},  {"을", "를", false, true},
    {"은", "는", false, true},   {"과", "와", false, true},
};

}  // namespace

Coda spoken_coda(std::string_view text) {
  return Reader(tokenize(unquote(decode(text)))).read();
}

std::optional<std::string> particle_after(std::string_view text, std::string_view particle) {
  for (const Pair& p : kPairs) {
    for (std::string_view form : {p.after_consonant, p.after_vowel}) {
      if (!particle.starts_with(form)) continue;
      const std::string_view rest = particle.substr(form.size());
      if (!rest.empty() && !p.may_continue) continue;
      const Coda c = spoken_coda(text);
      const bool vowel = c == Coda::vowel || (c == Coda::rieul && p.rieul_as_vowel);
      return std::string(vowel ? p.after_vowel : p.after_consonant) + std::string(rest);
    }
  }
  return std::nullopt;
}

}  // namespace tutor
