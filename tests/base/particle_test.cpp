// Korean particles after formulas: how formulas are read aloud, which form of a particle follows
// them, and the particles the Korean lessons and quizzes write by hand.
#include "base/particle.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "math/latex.hpp"

namespace tutor {
namespace {

constexpr Coda V = Coda::vowel;
constexpr Coda L = Coda::rieul;
constexpr Coda C = Coda::consonant;

struct Reading {
  const char* text;
  const char* spoken;  // how it is read; its last syllable decides
  Coda coda;
};

// Formulas as the tutor prints them and as lessons write them, with their Korean reading.
const Reading kReadings[] = {
    // Latin letters, spelled.
    {"a", "에이", V},
    {"b", "비", V},
    {"c", "씨", V},
    {"d", "디", V},
    {"e", "이", V},
    {"f", "에프", V},
    {"g", "지", V},
    {"h", "에이치", V},
    {"i", "아이", V},
    {"j", "제이", V},
    {"k", "케이", V},
    {"l", "엘", L},
    {"m", "엠", C},
    {"n", "엔", C},
    {"o", "오", V},
    {"p", "피", V},
    {"q", "큐", V},
    {"r", "알", L},
    {"s", "에스", V},
    {"t", "티", V},
    {"u", "유", V},
    {"v", "브이", V},
    {"w", "더블유", V},
    {"x", "엑스", V},
    {"y", "와이", V},
    {"z", "제트", V},
    {"L", "엘", L},
    {"W", "더블유", V},
    {"xy", "엑스 와이", V},
    {"lr", "엘 알", L},
    {"wrt", "더블유 알 티", V},
    // Greek letters.
    {"σ", "시그마", V},
    {"θ", "세타", V},
    {"η", "에타", V},
    {"α", "알파", V},
    {"β", "베타", V},
    {"λ", "람다", V},
    {"π", "파이", V},
    {"ε", "엡실론", C},
    {"theta", "세타", V},
    {"epsilon", "엡실론", C},
    // Numbers.
    {"0", "영", C},
    {"1", "일", L},
    {"2", "이", V},
    {"3", "삼", C},
    {"4", "사", V},
    {"5", "오", V},
    {"6", "육", C},
    {"7", "칠", L},
    {"8", "팔", L},
    {"9", "구", V},
    {"10", "십", C},
    {"27", "이십칠", L},
    {"49", "사십구", V},
    {"54", "오십사", V},
    {"100", "백", C},
    {"1000", "천", C},
    {"1024", "천이십사", V},
    {"10000", "만", C},
    {"20000", "이만", C},
    {"100000", "십만", C},
    {"120000", "십이만", C},
    {"100000000", "억", C},
    {"1000000000000", "조", V},
    {"1,000", "천", C},
    {"-19", "마이너스 십구", V},
    {"0.25", "영 점 이오", V},
    {"0.5", "영 점 오", V},
    {"0.1", "영 점 일", L},
    {"0.001", "영 점 영영일", L},
    {"1.5", "일 점 오", V},
    {"0.8", "영 점 팔", L},
    {"13.5", "십삼 점 오", V},
    {"3.0", "삼 점 영", C},
    // Powers of ten end in 승.
    {"1e-6", "십의 마이너스 육 승", C},
    {"1e6", "십의 육 승", C},
    {"9.1391e-14", "… 십의 마이너스 십사 승", C},
    {"9.04626e-09", "… 십의 마이너스 구 승", C},
    {"1E+10", "십의 십 승", C},
    {"10⁻¹³", "십의 마이너스 십삼 제곱", C},
    // Powers end in 제곱.
    {"x²", "엑스 제곱", C},
    {"x^3", "엑스의 세제곱", C},
    {"x^-1", "엑스의 마이너스 일 제곱", C},
    {"u³", "유 세제곱", C},
    {"(3x + 1)²", "삼 엑스 더하기 일의 제곱", C},
    {"3(2x+5)^2", "삼 곱하기 이 엑스 더하기 오의 제곱", C},
    {"e^x", "이의 엑스 제곱", C},
    {"e^(2x)", "이의 이 엑스 제곱", C},
    {"2^10", "이의 십 제곱", C},
    {"0.25²⁰", "영 점 이오의 이십 제곱", C},
    {"1.5^{20}", "일 점 오의 이십 제곱", C},
    {"x²y", "엑스 제곱 와이", V},
    // Brackets: the last word said inside them.
    {"(3x+1)", "삼 엑스 더하기 일", L},
    {"(2x + 1)", "이 엑스 더하기 일", L},
    {"(1 - 2η)", "일 빼기 이 에타", V},
    {"|∇f|", "절댓값 나블라 에프", V},
    {"[0, 1]", "영, 일", L},
    // Functions, bare and applied.
    {"sin", "사인", C},
    {"cos", "코사인", C},
    {"tan", "탄젠트", V},
    {"exp", "익스포넨셜", L},
    {"ln", "엘엔", C},
    {"log", "로그", V},
    {"sqrt", "루트", V},
    {"sigmoid", "시그모이드", V},
    {"relu", "렐루", V},
    {"ReLU", "렐루", V},
    {"tanh", "하이퍼볼릭 탄젠트", V},
    {"sin(x)", "사인 엑스", V},
    {"sin(x²)", "사인 엑스 제곱", C},
    {"cos(u)", "코사인 유", V},
    {"2x·cos(x²)", "이 엑스 코사인 엑스 제곱", C},
    {"f(g(x))", "에프 지 엑스", V},
    {"σ(z)", "시그마 제트", V},
    {"σ", "시그마", V},
    {"exp(x)", "익스포넨셜 엑스", V},
    {"ln(x + 1)", "엘엔 엑스 더하기 일", L},
    {"sqrt(x)", "루트 엑스", V},
    {"√x", "루트 엑스", V},
    {"ReLU(Wx + b)", "렐루 더블유 엑스 더하기 비", V},
    {"sin(…)", "사인", C},
    {"loss.backward()", "로스 닷 백워드", V},
    // Fractions are read denominator first: b분의 a.
    {"1/2", "이분의 일", L},
    {"1/1024", "천이십사분의 일", L},
    {"x/3", "삼분의 엑스", V},
    {"27/2", "이분의 이십칠", L},
    {"(a+b)/2", "이분의 에이 더하기 비", V},
    {"1/(1 + e⁻ˣ)", "일 더하기 이의 마이너스 엑스 제곱 분의 일", L},
    // …but derivatives are read from left to right.
    {"dy/dx", "디와이 디엑스", V},
    {"dy/da", "디와이 디에이", V},
    {"df/du", "디에프 디유", V},
    {"d/dx (x²)", "디 디엑스 엑스 제곱", C},
    {"d/dx sin(x²)", "디 디엑스 사인 엑스 제곱", C},
    {"∂f/∂x", "라운드 에프 라운드 엑스", V},
    {"∂y/∂c", "라운드 와이 라운드 씨", V},
    {"d²y/dx²", "디 제곱 와이 디엑스 제곱", C},
    // Subscripts.
    {"a₀", "에이 영", C},
    {"x₁", "엑스 일", L},
    {"W_1", "더블유 일", L},
    {"a_k", "에이 케이", V},
    {"aₖ₋₁", "에이 케이 빼기 일", L},
    {"a_(k-1)", "에이 케이 빼기 일", L},
    {"θ_new", "세타 뉴", V},
    // Primes.
    {"f′", "에프 프라임", C},
    {"f'", "에프 프라임", C},
    {"f″", "에프 더블 프라임", C},
    {"f'(x)", "에프 프라임 엑스", V},
    {"σ′(z)", "시그마 프라임 제트", V},
    {"relu′", "렐루 프라임", C},
    {"1 + f'", "일 더하기 에프 프라임", C},
    // Equations and sums: the last term.
    {"y = 27", "와이는 이십칠", L},
    {"h(2) = 49", "에이치 이는 사십구", V},
    {"x = 1", "엑스는 일", L},
    {"η = 0.1", "에타는 영 점 일", L},
    {"3x + 1", "삼 엑스 더하기 일", L},
    {"1 - 2η", "일 빼기 이 에타", V},
    {"2b = 8", "이 비는 팔", L},
    {"|∇f| = 0.5", "… 영 점 오", V},
    // Hangul, and a gloss after a Korean word, which is not read.
    {"역전파", "역전파", V},
    {"체인룰", "체인룰", L},
    {"층", "층", C},
    {"그래디언트", "그래디언트", V},
    {"역전파(backpropagation)", "역전파", V},
    {"답안(CSV)", "답안", C},
    {"3개", "삼 개", V},
    // Words and names the messages quote.
    {"show", "쇼", V},
    {"step", "스텝", C},
    {"clip", "클립", C},
    {"tol", "톨", L},
    {"from", "프롬", C},
    {"steps", "스텝스", V},
    {"tutor", "튜터", V},
    {"lesson", "레슨", C},
    {"graph", "그래프", V},
    {"define", "디파인", C},
    {"question", "퀘스천", C},
    {"title", "타이틀", L},
    {"reset", "리셋", C},
    {"feedback", "피드백", C},
    {"FILE", "파일", L},
    {"CSV", "씨에스브이", V},
    {"DIR", "디아이알", L},
    {"JSON", "제이슨", C},
    {"UTF-8", "유티에프 팔", L},
    {"at", "앳", C},
    // Quotes are not read.
    {"'x'", "엑스", V},
    {"\"question\"", "퀘스천", C},
    {"`tutor exercise 3`", "튜터 엑서사이즈 삼", C},
    {"'3(2x+5)^2'", "… 제곱", C},
    {"명령 목록은 'tutor --help'", "… 튜터 헬프", V},
    {"f''", "에프 더블 프라임", C},
    {"퀴즈에 [[question]]", "… 퀘스천", C},
    {"", "", V},
};

std::string name(Coda c) {
  return c == Coda::vowel ? "vowel" : c == Coda::rieul ? "ㄹ" : "consonant";
}

TEST(SpokenCoda, FormulasEndAsTheyAreRead) {
  static_assert(std::size(kReadings) >= 50);
  for (const auto& r : kReadings) {
    EXPECT_EQ(name(spoken_coda(r.text)), name(r.coda)) << r.text << " (" << r.spoken << ")";
  }
}

TEST(ParticleAfter, EachPairTakesTheFormItsWordNeeds) {
  // 을/를 after x → 엑스, x² → 엑스 제곱, 3 → 삼, 27 → 이십칠.
  EXPECT_EQ(particle_after("x", "을"), "를");
  EXPECT_EQ(particle_after("x²", "를"), "을");
  EXPECT_EQ(particle_after("3", "를"), "을");
  EXPECT_EQ(particle_after("27", "를"), "을");
  EXPECT_EQ(particle_after("2", "을"), "를");
  // 이/가, 은/는, 과/와.
  EXPECT_EQ(particle_after("9.04626e-09", "가"), "이");
  EXPECT_EQ(particle_after("d/dx (x²)", "가"), "이");
  EXPECT_EQ(particle_after("θ", "이"), "가");
  EXPECT_EQ(particle_after("'3(2x+5)^2'", "는"), "은");
  EXPECT_EQ(particle_after("show", "은"), "는");
  EXPECT_EQ(particle_after("sin", "와"), "과");
  EXPECT_EQ(particle_after("f", "과"), "와");
  // (으)로: 로 after a vowel and after ㄹ, 으로 after any other final consonant.
  EXPECT_EQ(particle_after("9.1391e-14", "로"), "으로");
  EXPECT_EQ(particle_after("3325.26", "으로"), "으로");
  EXPECT_EQ(particle_after("27", "으로"), "로");
  EXPECT_EQ(particle_after("x", "으로"), "로");
  EXPECT_EQ(particle_after("0", "로"), "으로");
  // More Hangul may follow, and stays.
  EXPECT_EQ(particle_after("x²", "로는"), "으로는");
  EXPECT_EQ(particle_after("x", "으로는"), "로는");
  EXPECT_EQ(particle_after("x", "이라는"), "라는");
  EXPECT_EQ(particle_after("1", "라는"), "이라는");
  EXPECT_EQ(particle_after("x", "이나"), "나");
  EXPECT_EQ(particle_after("θ", "과의"), "와의");
  // Not a particle with two forms: 이고 is the copula, 에 and 의 never change.
  EXPECT_EQ(particle_after("f", "이고"), std::nullopt);
  EXPECT_EQ(particle_after("x", "에"), std::nullopt);
  EXPECT_EQ(particle_after("x", "의"), std::nullopt);
  EXPECT_EQ(particle_after("x", ""), std::nullopt);
  EXPECT_EQ(particle_after("x", "to"), std::nullopt);
}

// ---------------------------------------------------------------------------------------
// The particles written by hand in the Korean lessons, quizzes and catalogue.

// The Hangul words that are a particle with two forms, alone or with what may follow it.
const std::set<std::string>& particle_words() {
  static const std::set<std::string> words = [] {
    std::set<std::string> out = {"이", "가"};
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"을", "를"},   {"은", "는"},   {"과", "와"},  {"으로", "로"},
        {"이나", "나"}, {"이라", "라"}, {"이랑", "랑"}};
    for (const auto& [a, b] : pairs) {
      for (const std::string& form : {a, b}) {
        for (const char* rest : {"", "는", "도", "서", "써", "부터", "의", "고"}) {
          out.insert(form + rest);
        }
      }
    }
    return out;
  }();
  return words;
}

bool is_hangul_at(std::string_view s, std::size_t i, std::size_t& len) {
  const long cp = decode_utf8(s, i, len);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

// The start of the code point that ends at byte END.
std::size_t previous_char(std::string_view s, std::size_t end) {
  std::size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

struct Found {
  std::string before;  // what is read before the particle
  std::string particle;
};

// Each particle in LINE that follows a formula, a number or a Latin word directly (no space):
// after $…$ (rendered as the lesson shows it), after `…`, or after plain text such as x²,
// 27 or sin(x²). A particle after a catalogue placeholder is left out: its form is chosen
// when the message is put together.
std::vector<Found> particles_after_formulas(std::string_view line) {
  std::vector<Found> out;
  std::string plain;  // LINE up to here, with its math rendered and its markup dropped
  std::string last;   // the math or code right before, if it was the last thing
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 1;
    if (line[i] == '$' || line[i] == '`') {
      const char q = line[i];
      const std::size_t open = line.substr(i, 2) == "$$" ? 2 : 1;
      const std::size_t close = line.find(std::string(open, q), i + open);
      if (close != std::string_view::npos) {
        const std::string_view inner = line.substr(i + open, close - i - open);
        last = q == '$' ? latex_to_text(inner) : std::string(inner);
        plain += last;
        i = close + open;
        continue;
      }
    }
    if (line.substr(i, 2) == "**") {  // bold markers stand between a word and its particle
      i += 2;
      continue;
    }
    if (!is_hangul_at(line, i, len)) {
      plain += line.substr(i, len);
      if (line[i] != ' ') last.clear();
      i += len;
      continue;
    }
    std::size_t end = i;
    while (end < line.size() && is_hangul_at(line, end, len)) end += len;
    const std::string word(line.substr(i, end - i));
    if (!plain.empty() && particle_words().contains(word)) {
      const std::size_t p = previous_char(plain, plain.size());
      const unsigned char c = static_cast<unsigned char>(plain[p]);
      std::size_t l = 1;
      const bool after_formula = !is_hangul_at(plain, p, l) && c != ' ' && c != '(' && c != '[' &&
                                 c != '.' && c != ',' && c != ':';
      const std::size_t run =
          plain.find_last_of(' ') == std::string::npos ? 0 : plain.find_last_of(' ');
      const bool placeholder = plain.find_first_of("{}", run) != std::string::npos;
      if (after_formula && !placeholder) out.push_back({last.empty() ? plain : last, word});
    }
    plain += word;
    last.clear();
    i = end;
  }
  return out;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Checks each particle after a formula in TEXT (a file's Korean lines); returns how many.
int check_particles(const std::string& where, const std::vector<std::string>& lines) {
  int checked = 0;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    for (const auto& f : particles_after_formulas(lines[n])) {
      ++checked;
      EXPECT_EQ(particle_after(f.before, f.particle), f.particle)
          << where << ":" << n + 1 << ": \"" << f.before << "\" takes another form of "
          << f.particle << "\n  " << lines[n];
    }
  }
  return checked;
}

TEST(Particles, TheScanFindsParticlesAfterFormulas) {
  auto found = particles_after_formulas("$h(x) = \\sin(x^2)$를 합성함수 $f(g(x))$로 볼 때");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].before, "h(x) = sin(x²)");
  EXPECT_EQ(found[0].particle, "를");
  EXPECT_EQ(found[1].before, "f(g(x))");
  found =
      particles_after_formulas("`tutor exercise 3`을 실행하고 u = x²로 두면 **ReLU**는 1이라서");
  ASSERT_EQ(found.size(), 4U);
  EXPECT_EQ(found[0].before, "tutor exercise 3");
  EXPECT_EQ(found[1].particle, "로");
  EXPECT_EQ(found[2].particle, "는");
  EXPECT_EQ(found[3].particle, "이라서");
  // Not after a Korean word or a placeholder, and not a copula (이고, 입니다).
  EXPECT_TRUE(particles_after_formulas("함수를 {0}이 $f$이고 $x$입니다").empty());
}

// Fenced blocks of commands and diagrams are not prose.
std::vector<std::string> prose_lines(const std::string& text) {
  std::vector<std::string> out;
  bool skip = false;
  for (const auto& l : split_lines(text)) {
    if (l.starts_with("```")) {
      skip = !skip && (l == "```tutor" || l == "```mermaid");
      out.emplace_back();
      continue;
    }
    out.push_back(skip ? std::string() : l);
  }
  return out;
}

TEST(Particles, KoreanLessonsFitTheirFormulas) {
  int checked = 0;
  for (const auto& f :
       std::filesystem::directory_iterator(std::filesystem::path(TUTOR_SOURCE_LESSONS) / "ko")) {
    if (f.path().extension() != ".md") continue;
    checked += check_particles(f.path().filename().string(), prose_lines(slurp(f.path())));
  }
  EXPECT_GT(checked, 50);  // the scan sees the lessons' particles
}

TEST(Particles, KoreanQuizzesFitTheirFormulas) {
  int checked = 0;
  for (const auto& f : std::filesystem::directory_iterator(
           std::filesystem::path(TUTOR_SOURCE_LESSONS) / "quizzes")) {
    if (f.path().extension() != ".toml") continue;
    std::vector<std::string> lines;
    for (const auto& l : split_lines(slurp(f.path()))) {
      lines.push_back(l.find("ko") != std::string::npos ? l : std::string());
    }
    checked += check_particles(f.path().filename().string(), lines);
  }
  EXPECT_GT(checked, 3);
}

TEST(Particles, KoreanMessagesFitTheirFormulas) {
  int checked = 0;
  for (const auto& e : catalogue()) {
    checked += check_particles(std::string(e.key), {std::string(e.ko)});
  }
  EXPECT_GT(checked, 50);
}

// A particle after a placeholder is chosen when the message is put together ({0:을}), never
// written as both forms (을(를)) or as one fixed form ({0}을).
TEST(Particles, KoreanMessagesLeaveNoParticleToTheReader) {
  const std::vector<std::string> both = {"이(가)", "가(이)", "을(를)", "를(을)",
                                         "은(는)", "는(은)", "과(와)", "와(과)",
                                         "(으)로", "(이)나", "(이)라", "(이)랑"};
  for (const auto& e : catalogue()) {
    const std::string ko(e.ko);
    for (const auto& b : both) EXPECT_EQ(ko.find(b), std::string::npos) << e.key << ": " << ko;
    for (std::size_t i = ko.find('}'); i != std::string::npos; i = ko.find('}', i + 1)) {
      std::size_t j = i + 1;
      while (j < ko.size() && (ko[j] == '\'' || ko[j] == '"')) ++j;
      std::size_t len = 1, end = j;
      while (end < ko.size() && is_hangul_at(ko, end, len)) end += len;
      const std::string word = ko.substr(j, end - j);
      EXPECT_FALSE(particle_words().contains(word)) << e.key << ": a fixed particle after a "
                                                    << "placeholder: " << ko;
    }
  }
}

TEST(Particles, MessagesChooseTheirParticlesFromTheArguments) {
  EXPECT_EQ(tr(Lang::ko, "cli.did_you_mean", "show"), "show를 뜻했나요?");
  EXPECT_EQ(tr(Lang::ko, "cli.did_you_mean", "sin"), "sin을 뜻했나요?");
  EXPECT_EQ(
      tr(Lang::ko, "check.missing_inner", "2x", "d/dx (x²)"),
      "인수 2x = d/dx (x²)이 빠졌습니다. 안쪽 함수의 도함수입니다. 체인룰에서는 이것을 곱해야 "
      "합니다.");
  // A closing quote between the argument and its particle.
  EXPECT_EQ(tr(Lang::ko, "lesson.not_a_number", "x"), "'x'는 수가 아닙니다");
  EXPECT_EQ(tr(Lang::ko, "lesson.not_a_number", "3(2x+5)^2"), "'3(2x+5)^2'은 수가 아닙니다");
  EXPECT_EQ(tr(Lang::ko, "quiz.missing_key", "answer"), "\"answer\"가 없습니다");
  // (으)로, with more than one particle in a message.
  EXPECT_EQ(tr(Lang::ko, "gradients.why.stable", "안정", "9.1391e-14"),
            "안정: 꾸준히 커지거나 작아지지 않습니다. |그래디언트|는 입력에 9.1391e-14으로 "
            "도달합니다");
  EXPECT_EQ(tr(Lang::ko, "gradients.why.stable", "안정", "27"),
            "안정: 꾸준히 커지거나 작아지지 않습니다. |그래디언트|는 입력에 27로 도달합니다");
  EXPECT_EQ(tr(Lang::ko, "define.cycle", "f", "g"),
            "f는 g를 부를 수 없습니다: g가 이미 f를 써서 서로가 서로를 정의하게 됩니다");
  // English patterns have no particles; the argument is shown as it is.
  EXPECT_EQ(tr(Lang::en, "cli.did_you_mean", "sin"), "did you mean sin?");
}

}  // namespace
}  // namespace tutor
