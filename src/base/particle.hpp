// Korean particles after formulas, numbers and words.
//
// Most Korean particles have two forms: one after a syllable that ends in a consonant, one
// after a vowel (이/가, 을/를, 은/는, 과/와, 이나/나, 이라/라, 이랑/랑, 아/야), and (으)로 takes
// 로 after a vowel or ㄹ. The form depends on how the word before it is read aloud, so for a
// formula it is the last word of its Korean reading:
//
//   x → 엑스 (를)        x² → 엑스 제곱 (을)       27 → 이십칠 (로)        1000 → 천 (은)
//   1e-6 → …승 (이)      sin(x²) → 사인 엑스 제곱   1/2 → 이분의 일 (이)   f′ → 에프 프라임
//   dy/dx → 디와이 디엑스 (read left to right)      역전파(backpropagation) → 역전파 (a gloss)
//
//   tutor::particle_after("x²", "를")      // "을"
//   tutor::particle_after("27", "으로는")  // "로는"
//
// The message catalogue fills a placeholder {N:을} with argument N and the form it takes
// (see i18n.hpp); the lesson tests check the particles the lessons write by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tutor {

// How the Korean reading of a text ends: in a vowel, in ㄹ, or in another final consonant.
enum class Coda { vowel, rieul, consonant };

// The ending of TEXT read aloud in Korean. TEXT may be a formula as the tutor prints it
// (x², sin(x²), 2x·cos(x²), dy/dx, 9.1391e-14, θ_new, a₀), a number, Latin letters or words,
// Greek letters, or Hangul. Quotes around TEXT and punctuation after it are not read. Never
// throws; a text with nothing to read counts as ending in a vowel.
Coda spoken_coda(std::string_view text);

// PARTICLE in the form that follows TEXT. PARTICLE starts with either form of a pair ("을" or
// "를", "으로" or "로") and may go on with more Hangul ("으로는", "이라는"); the rest is kept.
// nullopt when PARTICLE does not start with a particle that has two forms.
std::optional<std::string> particle_after(std::string_view text, std::string_view particle);

}  // namespace tutor
