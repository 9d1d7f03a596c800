// `tutor gradients --activation A --layers L`: a deep chain run forward and backward, showing
// the gradient vanish or explode layer by layer, and the remedies at work.
#include "tutor/gradients.hpp"

#include <charconv>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "tutor/descent.hpp"
#include "tutor/errors.hpp"
#include "tutor/gradients_render.hpp"
#include "tutor/text.hpp"

namespace tutor::cli {

namespace {

ChainOptions options_of(const Invocation& inv) {
  ChainOptions o;
  auto act = inv.value("--activation");
  if (!act) throw Error(Message{"gradients.no_activation", {}});
  auto a = parse_activation(*act);
  if (!a) {
    std::string names;
    for (auto n : activation_names()) names += (names.empty() ? "" : ", ") + std::string(n);
    throw Error(Message{"gradients.unknown_activation", {sanitize(*act), names}});
  }
  o.activation = *a;
  const auto layers = inv.value("--layers");
  if (!layers) throw Error(Message{"gradients.no_layers", {std::to_string(kMaxLayers)}});
  const std::string_view text = *layers;
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < 1 ||
      n > kMaxLayers) {
    throw Error(Message{"gradients.bad_layers", {sanitize(text), std::to_string(kMaxLayers)}});
  }
  o.layers = n;
  if (auto w = inv.value("--weight")) o.weight = parse_real(*w, "--weight");
  if (auto x = inv.value("--input")) o.input = parse_real(*x, "--input");
  if (auto c = inv.value("--clip")) {
    double v = parse_real(*c, "--clip");
    if (!(v > 0)) throw Error(Message{"gradients.bad_clip", {sanitize(*c)}});
    o.clip = v;
  }
  o.residual = inv.has("--residual");
  return o;
}

int run_gradients(const Invocation& inv, Context& ctx) {
  Chain c = run_chain(options_of(inv));
  const std::string format = format_of(inv);
  std::ostream& out = *ctx.out;
  if (format == "json") {
    out << json_text(gradients_json(c)) << "\n";
  } else if (format == "csv") {
    out << gradients_csv(c);
  } else {
    out << gradients_text(c, {ctx.lang, ctx.ascii, ctx.color});
  }
  return 0;
}

}  // namespace

Command gradients_command() {
  return Command{
      "gradients",
      "gradients --activation sigmoid|tanh|relu|linear --layers L [--weight W] [--input X] "
      "[--clip C] [--residual] [--format text|json|csv]",
      {"Vanishing and exploding gradients: a chain of L layers a_k = act(W·a_(k-1)), run forward "
       "from the input and backward, with the gradient at every layer.",
       "그래디언트 소실과 폭발: L개 층 a_k = act(W·a_(k-1))를 입력부터 순전파하고 역전파하여 "
       "층마다 그래디언트를 보여 줍니다."},
      {
          {"--activation",
           "A",
           {"sigmoid, tanh, relu or linear", "sigmoid, tanh, relu, linear 중 하나"}},
          {"--layers", "L", {"number of layers, 1 to 1000", "층의 개수, 1부터 1000까지"}},
          {"--weight", "W", {"the weight at every layer (default 1)", "모든 층의 가중치 (기본 1)"}},
          {"--input",
           "X",
           {"the input a_0 (default 1: relu starts active)",
            "입력 a_0 (기본 1: relu가 활성 구간에서 시작)"}},
          {"--clip",
           "C",
           {"cap |gradient| at C at every layer, shown beside the unclipped",
            "층마다 |그래디언트|를 C로 제한하고 제한 전과 나란히 표시"}},
          {"--residual",
           "",
           {"residual connections: a_k = a_(k-1) + act(W·a_(k-1))",
            "잔차 연결: a_k = a_(k-1) + act(W·a_(k-1))"}},
          {"--format",
           "FORMAT",
           {"output format: text, json or csv", "출력 형식: text, json, csv"},
           false,
           {"text", "json", "csv"}},
      },
      false,
      run_gradients,
  };
}

}  // namespace tutor::cli
