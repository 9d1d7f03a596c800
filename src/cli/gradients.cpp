// `tutor gradients --activation A --layers N`: a deep chain run forward and backward, showing
// the gradient vanish or explode layer by layer, and the remedies at work.
#include "labs/gradients.hpp"

#include <charconv>
#include <ostream>

#include "base/errors.hpp"
#include "base/text.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "labs/descent.hpp"
#include "labs/gradients_render.hpp"

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
    out << gradients_text(c, {ctx.lang, ctx.ascii, ctx.color, ctx.width});
  }
  return 0;
}

}  // namespace

Command gradients_command() {
  return Command{
      "gradients",
      "cmd.gradients",
      {
          // The command names the activations itself when one is misspelt.
          {"--activation",
           "A",
           "opt.gradients.activation",
           false,
           {"sigmoid", "tanh", "relu", "linear"},
           true,
           true},
          {"--layers", "N", "opt.gradients.layers", false, {}, true},
          {"--weight", "W", "opt.gradients.weight"},
          {"--input", "X", "opt.gradients.input"},
          {"--clip", "C", "opt.gradients.clip"},
          {"--residual", "", "opt.gradients.residual"},
          format_option({"text", "json", "csv"}),
      },
      false,
      run_gradients,
  };
}

}  // namespace tutor::cli
