// A student's worksheet and answer sheet of the shipped quiz: the LaTeX's structure, every
// question in the student's variant, the key's answers, escaping; and, where pdflatex is
// installed, that the file compiles.
#include "class/worksheet.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

namespace tutor {
namespace {

const Quiz& sample_quiz() {
  static const Quiz quiz = [] {
    QuizLoad q = read_quiz(TUTOR_SOURCE_LESSONS "/quizzes/chain-rule.toml");
    EXPECT_TRUE(q.ok());
    return q.quiz;
  }();
  return quiz;
}

std::string sheet(std::string_view student, Lang lang, bool key) {
  return document_latex(worksheet(sample_quiz(), student, lang, key));
}

int count(const std::string& s, const std::string& part) {
  int n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

TEST(Worksheet, EveryQuestionWithRoomToAnswer) {
  const std::string tex = sheet("kim", Lang::en, false);
  EXPECT_EQ(count(tex, "\\begin{document}"), 1);
  EXPECT_EQ(count(tex, "\\end{document}"), 1);
  EXPECT_EQ(count(tex, "\\begin{itemize}"), count(tex, "\\end{itemize}"));
  for (int i = 1; i <= 10; ++i) {
    EXPECT_EQ(count(tex, "\\subsection*{Question " + std::to_string(i) + "/10 ("), 1) << i;
  }
  EXPECT_NE(tex.find("\\subsection*{Question 1/10 (2 pt)}"), std::string::npos) << tex;
  EXPECT_EQ(count(tex, "\\vspace*{"), 10);
  EXPECT_NE(tex.find("Student: kim"), std::string::npos);
  EXPECT_NE(tex.find("10 questions, 12 points."), std::string::npos) << tex;
  // kim's r1 has a = 5.
  EXPECT_NE(tex.find("Differentiate (5x + 1)\\ensuremath{^{3}} with respect to x."),
            std::string::npos)
      << tex;
  EXPECT_NE(tex.find("\\item c) 10"), std::string::npos);
  // No answers on the student's sheet.
  EXPECT_EQ(tex.find("Answer:"), std::string::npos);
  EXPECT_EQ(tex.find("align*"), std::string::npos);
}

TEST(Worksheet, AnotherStudentAnotherVariant) {
  // Lee's r1 has a = 4.
  EXPECT_NE(sheet("Lee, Min", Lang::en, false).find("(4x + 1)\\ensuremath{^{3}}"),
            std::string::npos);
}

TEST(Worksheet, KeyHasEveryAnswerAndSolution) {
  const std::string tex = sheet("kim", Lang::en, true);
  EXPECT_NE(tex.find("\\textbf{Answer key}"), std::string::npos);
  EXPECT_NE(tex.find("10 questions, 12 points\n"), std::string::npos) << tex;
  EXPECT_EQ(tex.find("Write each answer"), std::string::npos);
  EXPECT_EQ(count(tex, "\\textbf{Worked solution}"), 10);
  EXPECT_EQ(count(tex, "\\textbf{Answer:}"), 10);
  EXPECT_EQ(tex.find("\\vspace*{"), std::string::npos);
  // The keys worked out by hand (tests/class/gradebook_test.cpp): 2x cos(x²), 6(2x+1)², 54,
  // -3, 3, 0.64, 361, c) 10, 15(5x+1)², 3u².
  for (const char* key :
       {"\\texttt{2x\\ensuremath{\\cdot}cos(x\\ensuremath{^{2}})}",
        "\\texttt{6(2x + 1)\\ensuremath{^{2}}}", "\\texttt{54}", "\\texttt{-3}", "\\texttt{3}",
        "\\texttt{0.64}", "\\texttt{361}", "\\texttt{c) 10}",
        "\\texttt{15(5x + 1)\\ensuremath{^{2}}}", "\\texttt{3u\\ensuremath{^{2}}}"}) {
    EXPECT_NE(tex.find(std::string("\\textbf{Answer:} ") + key + "\n"), std::string::npos) << key;
  }
  EXPECT_NE(tex.find("\\begin{align*}"), std::string::npos);
  EXPECT_NE(tex.find("\\begin{tabular}"), std::string::npos);
  EXPECT_NE(
      tex.find("dy/da = dy/dd \\ensuremath{\\times} dd/da = (-3) \\ensuremath{\\times} 1 = -3"),
      std::string::npos)
      << tex;
}

TEST(Worksheet, KoreanNeedsKotex) {
  const std::string tex = sheet("kim", Lang::ko, true);
  EXPECT_NE(tex.find("\\usepackage{kotex}"), std::string::npos);
  EXPECT_NE(tex.find("\\subsection*{문제 1/10 (2점)}"), std::string::npos);
  EXPECT_NE(tex.find("\\textbf{정답지}"), std::string::npos);
  EXPECT_EQ(sheet("kim", Lang::en, true).find("kotex"), std::string::npos);
}

TEST(Worksheet, StudentIdIsEscaped) {
  const std::string tex = sheet("a_b#c}\\end{document}", Lang::en, false);
  EXPECT_NE(tex.find("Student: a\\_b\\#c\\}\\textbackslash{}end\\{document\\}"), std::string::npos)
      << tex;
  EXPECT_EQ(count(tex, "\\end{document}"), 1);
}

// pdflatex on PATH, or "".
std::string find_pdflatex() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    std::filesystem::path p = std::filesystem::path(dir) / "pdflatex";
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return {};
}

// Whether TEX compiles with a plain pdflatex, with the log on failure.
::testing::AssertionResult compiles(const std::string& tex, const std::string& name) {
  const std::string pdflatex = find_pdflatex();
  testing::TempDir d;
  const std::string file = d.write(name + ".tex", tex);
  auto r = testing::run_program(pdflatex,
                                {"-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
                                 "-output-directory", d.path.string(), file},
                                "", {}, 120);
  if (r.status == 0 && std::filesystem::exists(d.path / (name + ".pdf"))) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "status " << r.status << "\n" << r.out << r.err;
}

TEST(Worksheet, CompilesWithPdflatex) {
  if (find_pdflatex().empty()) GTEST_SKIP() << "pdflatex is not installed";
  EXPECT_TRUE(compiles(sheet("kim", Lang::en, false), "sheet"));
  EXPECT_TRUE(compiles(sheet("kim", Lang::en, true), "key"));
  EXPECT_TRUE(compiles(sheet("\\input{/etc/passwd} #$%&_{}~^", Lang::en, true), "hostile"));
}

TEST(Worksheet, KoreanCompilesWithKotex) {
  if (find_pdflatex().empty()) GTEST_SKIP() << "pdflatex is not installed";
  auto kotex = testing::run_program("/usr/bin/kpsewhich", {"kotex.sty"});
  if (kotex.status != 0) GTEST_SKIP() << "kotex (texlive-lang-korean) is not installed";
  EXPECT_TRUE(compiles(sheet("김민", Lang::ko, false), "ko-sheet"));
  EXPECT_TRUE(compiles(sheet("김민", Lang::ko, true), "ko-key"));
}

}  // namespace
}  // namespace tutor
