#include "labs/gradients_render.hpp"

#include <algorithm>
#include <cmath>

#include "base/table.hpp"
#include "base/text.hpp"
#include "labs/chart.hpp"
#include "labs/remedies.hpp"
#include "math/print.hpp"

namespace tutor {

namespace {

// A chain longer than this is shown as its first and last layers.
constexpr std::size_t kFullTable = 30;
constexpr std::size_t kEndRows = 10;

std::string verdict_word(Lang lang, ChainVerdict v) {
  return tr(lang, "gradients.verdict." + std::string(chain_verdict_name(v)));
}

// How the activation is written in formulas: σ for the sigmoid, as in the lessons.
std::string symbol(Activation a) {
  return a == Activation::sigmoid ? "σ" : std::string(activation_name(a));
}

// The clipped gradient's verdict: clipping keeps the ratios, so it speaks of sizes.
std::string clipped_verdict(const Chain& c, Lang lang) {
  const std::string word = verdict_word(lang, c.verdict);
  const double at_input = *c.layers.back().clipped;
  if (c.verdict == ChainVerdict::stable) {
    double lo = std::abs(at_input), hi = lo;
    for (const auto& l : c.layers) {
      lo = std::min(lo, std::abs(*l.clipped));
      hi = std::max(hi, std::abs(*l.clipped));
    }
    return tr(lang, "gradients.clipped.stable", word, format_short(lo), format_short(hi),
              format_short(at_input));
  }
  const int at = c.verdict_layer.value_or(1);
  const double there = *c.layers[static_cast<std::size_t>(c.options.layers - at)].clipped;
  if (c.verdict == ChainVerdict::exploding) {
    return tr(lang, "gradients.clipped.exploding", word, format_short(*c.options.clip), at);
  }
  if (c.unclipped_verdict == ChainVerdict::vanishing) {
    return tr(lang, "gradients.clipped.still_vanishing", word, format_short(at_input));
  }
  return tr(lang, "gradients.clipped.vanishing", word, at, format_short(there));
}

// The command-line change a remedy makes: "--activation relu", "--weight 1", ...
std::string remedy_option(const Remedy& r) {
  switch (r.kind) {
    case RemedyKind::activation:
      return "--activation " + std::string(activation_name(r.options.activation));
    case RemedyKind::residual:
      return "--residual";
    case RemedyKind::weight:
      return "--weight " + format_short(r.options.weight);
    case RemedyKind::layers:
      return "--layers " + std::to_string(r.options.layers);
    case RemedyKind::clip:
      break;
  }
  return "--clip " + format_short(*r.options.clip);
}

// The activation as prose names it ("시그모이드"); formulas keep its input name.
std::string activation_word(Lang lang, Activation a) {
  return tr(lang, "gradients.activation." + std::string(activation_name(a)));
}

}  // namespace

std::string gradients_verdict(const Chain& c, Lang lang, bool clipped) {
  if (clipped) return clipped_verdict(c, lang);
  ChainVerdict v = c.unclipped_verdict;
  double at_input = c.layers.back().gradient;
  std::string word = verdict_word(lang, v);
  if (v == ChainVerdict::stable)
    return tr(lang, "gradients.why.stable", word, format_short(at_input));
  // Past the absolute bounds, the layer where it crossed them; inside, the steady factor.
  const bool past = std::abs(at_input) < kVanishing || !(std::abs(at_input) <= kExploding);
  std::optional<int> where;
  for (const auto& l : c.layers) {
    const double g = std::abs(l.gradient);
    const bool crossed = past ? (v == ChainVerdict::vanishing ? g < kVanishing : !(g <= kExploding))
                              : (v == ChainVerdict::vanishing ? g <= 1 / kSpread : g >= kSpread);
    if (crossed) {
      where = l.layer;
      break;
    }
  }
  if (!past) {
    const double factor = std::pow(std::abs(at_input), 1.0 / c.options.layers);
    return tr(lang, v == ChainVerdict::vanishing ? "gradients.why.shrinks" : "gradients.why.grows",
              word, format_short(factor), where.value_or(0), format_short(at_input));
  }
  return tr(lang,
            v == ChainVerdict::vanishing ? "gradients.why.vanishing" : "gradients.why.exploding",
            word, where.value_or(0), format_short(at_input));
}

std::string gradients_table(const Chain& c, Lang lang, std::size_t width) {
  TextTable t({.indent = "  ", .gap = "   ", .width = width});
  std::vector<std::string> head = {tr(lang, "gradients.col_layer"), "z", "a",
                                   tr(lang, "gradients.col_local"),
                                   tr(lang, "gradients.col_gradient")};
  if (c.options.clip) head.push_back(tr(lang, "gradients.col_clipped"));
  t.add_row(head);
  const std::size_t n = c.layers.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (n > kFullTable && i == kEndRows) {
      t.add_row({tr_count(lang, "gradients.skipped", static_cast<long long>(n - 2 * kEndRows))});
      i = n - kEndRows - 1;
      continue;
    }
    const Layer& l = c.layers[i];
    std::vector<std::string> r = {std::to_string(l.layer), format_short(l.z), format_short(l.a),
                                  format_short(l.local), format_short(l.gradient)};
    if (l.clipped) r.push_back(format_short(*l.clipped));
    t.add_row(r);
  }
  return t.str();
}

std::string gradients_bound(const Chain& c, Lang lang) {
  const auto& o = c.options;
  const std::string name = symbol(o.activation);
  if (o.residual) return tr(lang, "gradients.bound_residual", name);
  std::string out;
  if (o.activation == Activation::relu) out += tr(lang, "gradients.note_relu") + "\n";
  const std::string power = superscript(std::to_string(o.layers));
  if (o.activation == Activation::sigmoid && std::abs(o.weight) == 1) {
    return out + tr_count(lang, "gradients.bound_sigmoid", o.layers, power, format_short(c.bound));
  }
  const double m = max_slope(o.activation);
  return out + tr_plural(lang, "gradients.bound_weighted", o.layers, name, format_short(m),
                         format_short(std::abs(o.weight)), o.layers,
                         format_short(m * std::abs(o.weight)), format_short(c.bound), power);
}

std::string gradients_clipping(const Chain& c, Lang lang) {
  const std::string norm = format_short(c.norm), cap = format_short(*c.options.clip);
  const std::string line =
      c.clip_scale < 1 ? tr(lang, "gradients.clip.rescaled", norm, cap, format_short(c.clip_scale))
                       : tr(lang, "gradients.clip.kept", norm, cap);
  return line + "\n" + tr(lang, "gradients.clip.note") + "\n";
}

std::string gradients_remedies(const Chain& c, Lang lang) {
  if (c.verdict == ChainVerdict::stable) return {};
  const std::vector<Remedy> remedies = find_remedies(c);
  if (remedies.empty()) return tr(lang, "gradients.remedy_none") + "\n";
  std::string out = tr(lang, "gradients.remedies") + "\n";
  for (const auto& r : remedies) {
    out += tr(lang, "gradients.remedy", remedy_option(r), verdict_word(lang, r.verdict),
              format_short(std::abs(r.at_input))) +
           "\n";
    if (r.kind == RemedyKind::activation && r.options.activation == Activation::relu) {
      out += tr(lang, "gradients.remedy_dead_relu") + "\n";
    }
  }
  return out;
}

std::string gradients_chart(const Chain& c, const ViewOptions& view) {
  ChartSeries plain{tr(view.lang, "gradients.series"), {}, {}};
  ChartSeries clipped{tr(view.lang, "gradients.series_clipped"), {}, {}};
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
  o.ascii = view.ascii;
  o.color = view.color;
  o.scale = ChartScale::log;
  o.title = tr(view.lang, "gradients.chart_title");
  o.x_label = tr(view.lang, "gradients.col_layer");
  o.log_note = tr(view.lang, "chart.log_scale");
  o.columns = view.width;
  return render_chart(series, o);
}

std::string gradients_text(const Chain& c, const ViewOptions& view) {
  const Lang lang = view.lang;
  const auto& o = c.options;
  const std::string name(activation_name(o.activation));
  const std::string sym = symbol(o.activation);
  std::string out =
      tr_plural(lang, "gradients.header", o.layers, activation_word(lang, o.activation), o.layers,
                format_short(o.weight), format_short(o.input)) +
      "\n" + tr(lang, o.residual ? "gradients.forward_residual" : "gradients.forward", sym) + "\n" +
      tr(lang, o.residual ? "gradients.backward_residual" : "gradients.backward", sym, o.layers) +
      "\n\n";
  out += gradients_table(c, lang, view.width) + "\n";
  out += gradients_bound(c, lang) + "\n";
  if (o.clip) {
    out += tr(lang, "gradients.without_clip") + " " + gradients_verdict(c, lang, false) + "\n";
    out += gradients_clipping(c, lang);
    out += tr(lang, "gradients.with_clip", format_short(*o.clip)) + " " +
           gradients_verdict(c, lang, true) + "\n";
  } else {
    out += gradients_verdict(c, lang, false) + "\n";
  }
  out += gradients_remedies(c, lang);
  // The prose lines wrap at the view's width; the table's lines fit it already.
  // Under --ascii measured as spelled out (θ is "theta"), as it reaches the terminal.
  return wrap_lines(view.ascii ? ascii_math(out) : out, view.width) + "\n" +
         gradients_chart(c, view);
}

std::string gradients_csv(const Chain& c) {
  std::string out =
      c.options.clip ? "layer,z,a,local,gradient,clipped\n" : "layer,z,a,local,gradient\n";
  for (const auto& l : c.layers) {
    out += std::to_string(l.layer) + "," + format_full(l.z) + "," + format_full(l.a) + "," +
           format_full(l.local) + "," + format_full(l.gradient);
    if (l.clipped) out += "," + format_full(*l.clipped);
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json gradients_json(const Chain& c) {
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
  if (c.options.clip) {
    j["norm"] = c.norm;
    j["clip_scale"] = c.clip_scale;
  }
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
  return j;
}

}  // namespace tutor
