// `tutor gradients --activation A --layers L`: a deep chain run forward and backward, showing
// the gradient vanish or explode layer by layer, and the remedies at work.
#include "tutor/gradients.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "tutor/chart.hpp"
#include "tutor/descent.hpp"
#include "tutor/errors.hpp"
#include "tutor/text.hpp"

namespace tutor::cli {

namespace {

// A chain longer than this is shown as its first and last layers.
constexpr std::size_t kFullTable = 30;
constexpr std::size_t kEndRows = 10;

std::string num(double d) {
  return fmt::format("{:.6g}", d);
}

ChainOptions options_of(const Invocation& inv, Lang lang) {
  (void)lang;
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
  auto layers = inv.value("--layers");
  if (!layers) throw Error(Message{"gradients.no_layers", {std::to_string(kMaxLayers)}});
  int n = 0;
  auto [end, ec] = std::from_chars(layers->data(), layers->data() + layers->size(), n);
  if (layers->empty() || ec != std::errc() || end != layers->data() + layers->size() || n < 1 ||
      n > kMaxLayers) {
    throw Error(Message{"gradients.bad_layers", {sanitize(*layers), std::to_string(kMaxLayers)}});
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

std::string verdict_word(Lang lang, ChainVerdict v) {
  return tr(lang, "gradients.verdict." + std::string(chain_verdict_name(v)));
}

// The verdict in words: what crossed which threshold where, and what reaches the input.
std::string verdict_text(Lang lang, const Chain& c, bool clipped) {
  ChainVerdict v = clipped ? c.verdict : c.unclipped_verdict;
  double at_input = clipped ? *c.layers.back().clipped : c.layers.back().gradient;
  std::optional<int> where;
  for (const auto& l : c.layers) {
    double g = clipped ? *l.clipped : l.gradient;
    if ((v == ChainVerdict::vanishing && std::abs(g) < kVanishing) ||
        (v == ChainVerdict::exploding && !(std::abs(g) <= kExploding))) {
      where = l.layer;
      break;
    }
  }
  std::string word = verdict_word(lang, v);
  if (v == ChainVerdict::stable) return tr(lang, "gradients.why.stable", word, num(at_input));
  return tr(lang,
            v == ChainVerdict::vanishing ? "gradients.why.vanishing" : "gradients.why.exploding",
            word, where.value_or(0), num(at_input));
}

std::string json_of(const Chain& c) {
  nlohmann::ordered_json j;
  j["activation"] = activation_name(c.options.activation);
  j["verdict"] = chain_verdict_name(c.verdict);
  j["verdict_layer"] = c.verdict_layer ? nlohmann::ordered_json(*c.verdict_layer) : nullptr;
  j["layers_count"] = c.options.layers;
  j["weight"] = c.options.weight;
  j["input"] = c.options.input;
  j["residual"] = c.options.residual;
  j["clip"] = c.options.clip ? nlohmann::ordered_json(*c.options.clip) : nullptr;
  j["unclipped_verdict"] = chain_verdict_name(c.unclipped_verdict);
  j["bound"] =
      c.options.residual ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.bound);
  j["layers"] = nlohmann::ordered_json::array();
  for (const auto& l : c.layers) {
    nlohmann::ordered_json r;
    r["layer"] = l.layer;
    r["local"] = l.local;
    r["gradient"] = l.gradient;
    r["z"] = l.z;
    r["a"] = l.a;
    if (l.clipped) r["clipped"] = *l.clipped;
    j["layers"].push_back(r);
  }
  return json_text(j) + "\n";
}

std::string csv_of(const Chain& c) {
  auto full = [](double x) { return fmt::format("{}", x); };
  std::string out =
      c.options.clip ? "layer,z,a,local,gradient,clipped\n" : "layer,z,a,local,gradient\n";
  for (const auto& l : c.layers) {
    out += std::to_string(l.layer) + "," + full(l.z) + "," + full(l.a) + "," + full(l.local) + "," +
           full(l.gradient);
    if (l.clipped) out += "," + full(*l.clipped);
    out += "\n";
  }
  return out;
}

std::string table_of(const Context& ctx, const Chain& c) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {tr(ctx.lang, "gradients.col_layer"), "z", "a",
                                   tr(ctx.lang, "gradients.col_local"),
                                   tr(ctx.lang, "gradients.col_gradient")};
  if (c.options.clip) head.push_back(tr(ctx.lang, "gradients.col_clipped"));
  rows.push_back(head);
  auto row_of = [&](const Layer& l) {
    std::vector<std::string> r = {std::to_string(l.layer), num(l.z), num(l.a), num(l.local),
                                  num(l.gradient)};
    if (l.clipped) r.push_back(num(*l.clipped));
    return r;
  };
  const std::size_t n = c.layers.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (n > kFullTable && i == kEndRows) {
      rows.push_back({tr(ctx.lang, "gradients.skipped", n - 2 * kEndRows)});
      i = n - kEndRows - 1;
      continue;
    }
    rows.push_back(row_of(c.layers[i]));
  }
  std::vector<std::size_t> width(head.size(), 0);
  for (const auto& r : rows) {
    if (r.size() == 1) continue;
    for (std::size_t k = 0; k < r.size(); ++k) width[k] = std::max(width[k], display_width(r[k]));
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line = "  ";
    for (std::size_t k = 0; k < r.size(); ++k) {
      line += k + 1 < r.size() ? pad_right(r[k], width[k] + 3) : r[k];
    }
    out += line + "\n";
  }
  return out;
}

std::string bound_text(const Context& ctx, const Chain& c) {
  const auto& o = c.options;
  const std::string name(activation_name(o.activation));
  if (o.residual) return tr(ctx.lang, "gradients.bound_residual", name);
  std::string out;
  if (o.activation == Activation::relu) out += tr(ctx.lang, "gradients.note_relu") + "\n";
  if (o.activation == Activation::sigmoid && std::abs(o.weight) == 1) {
    return out + tr(ctx.lang, "gradients.bound_sigmoid", o.layers, num(c.bound));
  }
  const double m = max_slope(o.activation);
  return out + tr(ctx.lang, "gradients.bound_weighted", name, num(m), num(std::abs(o.weight)),
                  o.layers, num(m * std::abs(o.weight)), num(c.bound));
}

std::string chart_of(const Context& ctx, const Chain& c) {
  ChartSeries plain{tr(ctx.lang, "gradients.series"), {}, {}};
  ChartSeries clipped{tr(ctx.lang, "gradients.series_clipped"), {}, {}};
  for (const auto& l : c.layers) {
    plain.x.push_back(l.layer);
    plain.y.push_back(std::abs(l.gradient));
    if (l.clipped) {
      clipped.x.push_back(l.layer);
      clipped.y.push_back(std::abs(*l.clipped));
    }
  }
  std::vector<ChartSeries> series{plain};
  if (c.options.clip) series.push_back(clipped);
  ChartOptions o;
  o.ascii = ctx.ascii;
  o.color = ctx.color;
  o.scale = ChartScale::log;
  o.title = tr(ctx.lang, "gradients.chart_title");
  o.x_label = tr(ctx.lang, "gradients.col_layer");
  o.log_note = tr(ctx.lang, "chart.log_scale");
  return render_chart(series, o);
}

int run_gradients(const Invocation& inv, Context& ctx) {
  Chain c = run_chain(options_of(inv, ctx.lang));
  const std::string format = format_of(inv);
  std::ostream& out = *ctx.out;
  if (format == "json") {
    out << json_of(c);
    return 0;
  }
  if (format == "csv") {
    out << csv_of(c);
    return 0;
  }
  const Lang lang = ctx.lang;
  const std::string name(activation_name(c.options.activation));
  out << tr(lang, "gradients.header", name, c.options.layers, num(c.options.weight),
            num(c.options.input))
      << "\n";
  out << tr(lang, c.options.residual ? "gradients.forward_residual" : "gradients.forward", name)
      << "\n";
  out << tr(lang, c.options.residual ? "gradients.backward_residual" : "gradients.backward", name,
            c.options.layers)
      << "\n\n";
  out << table_of(ctx, c) << "\n";
  out << bound_text(ctx, c) << "\n";
  if (c.options.clip) {
    out << tr(lang, "gradients.without_clip") << " " << verdict_text(lang, c, false) << "\n";
    out << tr(lang, "gradients.with_clip", num(*c.options.clip)) << " "
        << verdict_text(lang, c, true) << "\n";
  } else {
    out << verdict_text(lang, c, false) << "\n";
  }
  if (c.verdict == ChainVerdict::vanishing) out << tr(lang, "gradients.remedy_vanishing") << "\n";
  if (c.verdict == ChainVerdict::exploding) out << tr(lang, "gradients.remedy_exploding") << "\n";
  out << "\n" << chart_of(ctx, c);
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
