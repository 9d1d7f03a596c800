#include "math/functions.hpp"

#include <array>

namespace tutor {

using GiNaC::ex;
using GiNaC::numeric;

namespace {

// A float argument is evaluated at once, as GiNaC does for sin(0.5); an exact one such as
// sec(1) stays symbolic so that results stay exact.
bool is_float(const ex& x) {
  return GiNaC::is_exactly_a<numeric>(x) && !x.info(GiNaC::info_flags::crational);
}

// Each of these functions is real wherever its argument is; that keeps conjugate() out of
// derivatives such as abs(sigmoid(x))'.
bool real_arg(const ex& x, unsigned inf) {
  return inf == GiNaC::info_flags::real && x.info(GiNaC::info_flags::real);
}

// --- sec, csc, cot -----------------------------------------------------------------------

// sec, csc and cot are reciprocals; where GiNaC evaluates the denominator to exactly 0 (csc(0),
// sec(π/2)) they have a pole, reported as GiNaC reports tan(π/2).
void check_pole(const ex& denominator, const char* name) {
  if (denominator.is_zero()) throw GiNaC::pole_error(std::string(name) + ": pole", 1);
}

ex sec_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x)) return 1 / GiNaC::cos(x).evalf();
  return sec(x).hold();
}
ex sec_eval(const ex& x) {
  if (x.is_zero()) return 1;
  check_pole(GiNaC::cos(x), "sec");
  if (is_float(x)) return sec_evalf(x);
  return sec(x).hold();
}
ex sec_deriv(const ex& x, unsigned) {
  return sec(x) * GiNaC::tan(x);
}
ex sec_conj(const ex& x) {
  return sec(x.conjugate());
}
ex sec_real(const ex& x) {
  return sec(x);
}
bool sec_info(const ex& x, unsigned inf) {
  return real_arg(x, inf);
}

ex csc_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x)) return 1 / GiNaC::sin(x).evalf();
  return csc(x).hold();
}
ex csc_eval(const ex& x) {
  check_pole(GiNaC::sin(x), "csc");
  if (is_float(x)) return csc_evalf(x);
  return csc(x).hold();
}
ex csc_deriv(const ex& x, unsigned) {
  return -csc(x) * cot(x);
}
ex csc_conj(const ex& x) {
  return csc(x.conjugate());
}
ex csc_real(const ex& x) {
  return csc(x);
}
bool csc_info(const ex& x, unsigned inf) {
  return real_arg(x, inf);
}

ex cot_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x)) return 1 / GiNaC::tan(x).evalf();
  return cot(x).hold();
}
ex cot_eval(const ex& x) {
  check_pole(GiNaC::sin(x), "cot");
  if (is_float(x)) return cot_evalf(x);
  return cot(x).hold();
}
ex cot_deriv(const ex& x, unsigned) {
  return -GiNaC::pow(csc(x), 2);
}
ex cot_conj(const ex& x) {
  return cot(x.conjugate());
}
ex cot_real(const ex& x) {
  return cot(x);
}
bool cot_info(const ex& x, unsigned inf) {
  return real_arg(x, inf);
}

// --- activations ------------------------------------------------------------------------

ex sigmoid_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x)) return 1 / (1 + GiNaC::exp(-x).evalf());
  return sigmoid(x).hold();
}
ex sigmoid_eval(const ex& x) {
  if (x.is_zero()) return numeric(1, 2);
  if (is_float(x)) return sigmoid_evalf(x);
  return sigmoid(x).hold();
}
// σ' = σ(1 − σ): the form every ML text uses, and the one the lessons teach.
ex sigmoid_deriv(const ex& x, unsigned) {
  return sigmoid(x) * (1 - sigmoid(x));
}
ex sigmoid_conj(const ex& x) {
  return sigmoid(x.conjugate());
}
ex sigmoid_real(const ex& x) {
  return sigmoid(x);
}
bool sigmoid_info(const ex& x, unsigned inf) {
  return real_arg(x, inf);
}

ex relu_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x) && x.info(GiNaC::info_flags::real)) {
    const numeric& n = GiNaC::ex_to<numeric>(x);
    return n.is_positive() ? ex(n.evalf()) : ex(0);
  }
  return relu(x).hold();
}
ex relu_eval(const ex& x) {
  // Exact numbers stay exact: relu(3) = 3, relu(-1/2) = 0.
  if (GiNaC::is_exactly_a<numeric>(x) && x.info(GiNaC::info_flags::real)) {
    const numeric& n = GiNaC::ex_to<numeric>(x);
    return n.is_positive() ? x : ex(0);
  }
  return relu(x).hold();
}
ex relu_deriv(const ex& x, unsigned) {
  return unit_step(x);
}
ex relu_conj(const ex& x) {
  return relu(x.conjugate());
}
ex relu_real(const ex& x) {
  return relu(x);
}
bool relu_info(const ex& x, unsigned inf) {
  return real_arg(x, inf);
}

ex unit_step_eval(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x) && x.info(GiNaC::info_flags::real)) {
    return GiNaC::ex_to<numeric>(x).is_positive() ? 1 : 0;
  }
  return unit_step(x).hold();
}
ex unit_step_evalf(const ex& x) {
  return unit_step_eval(x);
}
// Zero wherever it has a derivative (everywhere but 0).
ex unit_step_deriv(const ex&, unsigned) {
  return 0;
}
ex unit_step_conj(const ex& x) {
  return unit_step(x.conjugate());
}
ex unit_step_real(const ex& x) {
  return unit_step(x);
}
bool unit_step_info(const ex& x, unsigned inf) {
  return real_arg(x, inf);
}

ex softplus_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x)) return GiNaC::log(1 + GiNaC::exp(x).evalf());
  return softplus(x).hold();
}
ex softplus_eval(const ex& x) {
  if (x.is_zero()) return GiNaC::log(ex(2));
  if (is_float(x)) return softplus_evalf(x);
  return softplus(x).hold();
}
ex softplus_deriv(const ex& x, unsigned) {
  return sigmoid(x);
}
ex softplus_conj(const ex& x) {
  return softplus(x.conjugate());
}
ex softplus_real(const ex& x) {
  return softplus(x);
}
bool softplus_info(const ex& x, unsigned inf) {
  return real_arg(x, inf);
}

// --- sech, csch, coth, and the inverse functions GiNaC lacks ------------------------------

// A reciprocal of a GiNaC function: sech = 1/cosh, csch = 1/sinh, coth = 1/tanh. Exact
// arguments stay symbolic; a pole (csch(0)) is reported as GiNaC reports tan(π/2).
template <ex (*Of)(const ex&)>
ex reciprocal_evalf(const ex& x, const ex& held) {
  if (GiNaC::is_exactly_a<numeric>(x)) return 1 / Of(x).evalf();
  return held;
}

ex cosh_of(const ex& x) {
  return GiNaC::cosh(x);
}
ex sinh_of(const ex& x) {
  return GiNaC::sinh(x);
}
ex tanh_of(const ex& x) {
  return GiNaC::tanh(x);
}

ex sech_evalf(const ex& x) {
  return reciprocal_evalf<cosh_of>(x, sech(x).hold());
}
ex sech_eval(const ex& x) {
  if (x.is_zero()) return 1;
  if (is_float(x)) return sech_evalf(x);
  return sech(x).hold();
}
ex sech_deriv(const ex& x, unsigned) {
  return -sech(x) * GiNaC::tanh(x);
}

ex csch_evalf(const ex& x) {
  return reciprocal_evalf<sinh_of>(x, csch(x).hold());
}
ex csch_eval(const ex& x) {
  check_pole(GiNaC::sinh(x), "csch");
  if (is_float(x)) return csch_evalf(x);
  return csch(x).hold();
}
ex csch_deriv(const ex& x, unsigned) {
  return -csch(x) * coth(x);
}

ex coth_evalf(const ex& x) {
  return reciprocal_evalf<tanh_of>(x, coth(x).hold());
}
ex coth_eval(const ex& x) {
  check_pole(GiNaC::sinh(x), "coth");
  if (is_float(x)) return coth_evalf(x);
  return coth(x).hold();
}
ex coth_deriv(const ex& x, unsigned) {
  return -GiNaC::pow(csch(x), 2);
}

// arccot with values in (0, π), continuous on the whole line: π/2 − arctan(x).
ex acot_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x)) return (GiNaC::Pi / 2 - GiNaC::atan(x)).evalf();
  return acot(x).hold();
}
ex acot_eval(const ex& x) {
  if (x.is_zero()) return GiNaC::Pi / 2;
  if (is_float(x)) return acot_evalf(x);
  return acot(x).hold();
}
ex acot_deriv(const ex& x, unsigned) {
  return -GiNaC::pow(1 + GiNaC::pow(x, 2), -1);
}

// arcsec = arccos(1/x) and arccsc = arcsin(1/x), real for |x| ≥ 1.
ex asec_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x)) return GiNaC::acos(1 / x).evalf();
  return asec(x).hold();
}
ex asec_eval(const ex& x) {
  check_pole(x, "asec");
  if (x.is_equal(1)) return 0;
  if (is_float(x)) return asec_evalf(x);
  return asec(x).hold();
}
ex asec_deriv(const ex& x, unsigned) {
  return GiNaC::pow(GiNaC::abs(x), -1) * GiNaC::pow(GiNaC::pow(x, 2) - 1, numeric(-1, 2));
}

ex acsc_evalf(const ex& x) {
  if (GiNaC::is_exactly_a<numeric>(x)) return GiNaC::asin(1 / x).evalf();
  return acsc(x).hold();
}
ex acsc_eval(const ex& x) {
  check_pole(x, "acsc");
  if (is_float(x)) return acsc_evalf(x);
  return acsc(x).hold();
}
ex acsc_deriv(const ex& x, unsigned) {
  return -GiNaC::pow(GiNaC::abs(x), -1) * GiNaC::pow(GiNaC::pow(x, 2) - 1, numeric(-1, 2));
}

// The same conjugate, real part and info for every function here: each is real wherever
// it is defined for a real argument.
template <ex (*F)(const ex&)>
ex same_conj(const ex& x) {
  return F(x.conjugate());
}
template <ex (*F)(const ex&)>
ex same_real(const ex& x) {
  return F(x);
}

// --- the table --------------------------------------------------------------------------

ex b_sin(const ex& a) {
  return GiNaC::sin(a);
}
ex b_cos(const ex& a) {
  return GiNaC::cos(a);
}
ex b_tan(const ex& a) {
  return GiNaC::tan(a);
}
ex b_sec(const ex& a) {
  return sec(a);
}
ex b_csc(const ex& a) {
  return csc(a);
}
ex b_cot(const ex& a) {
  return cot(a);
}
ex b_asin(const ex& a) {
  return GiNaC::asin(a);
}
ex b_acos(const ex& a) {
  return GiNaC::acos(a);
}
ex b_atan(const ex& a) {
  return GiNaC::atan(a);
}
ex b_sinh(const ex& a) {
  return GiNaC::sinh(a);
}
ex b_cosh(const ex& a) {
  return GiNaC::cosh(a);
}
ex b_tanh(const ex& a) {
  return GiNaC::tanh(a);
}
ex b_sech(const ex& a) {
  return sech(a);
}
ex b_csch(const ex& a) {
  return csch(a);
}
ex b_coth(const ex& a) {
  return coth(a);
}
ex b_asinh(const ex& a) {
  return GiNaC::asinh(a);
}
ex b_acosh(const ex& a) {
  return GiNaC::acosh(a);
}
ex b_atanh(const ex& a) {
  return GiNaC::atanh(a);
}
ex b_acot(const ex& a) {
  return acot(a);
}
ex b_asec(const ex& a) {
  return asec(a);
}
ex b_acsc(const ex& a) {
  return acsc(a);
}
ex b_exp(const ex& a) {
  return GiNaC::exp(a);
}
ex b_log(const ex& a) {
  return GiNaC::log(a);
}
ex b_sqrt(const ex& a) {
  return GiNaC::sqrt(a);
}
ex b_abs(const ex& a) {
  // e^u > 0 for real u, and GiNaC would rewrite |e^u| into e^(real_part(u)), which for a
  // root becomes a cosine of atan2(0, x): neither is a function the tutor knows.
  if (GiNaC::is_the_function<GiNaC::exp_SERIAL>(a)) return a;
  return GiNaC::abs(a);
}
ex b_sigmoid(const ex& a) {
  return sigmoid(a);
}
ex b_relu(const ex& a) {
  return relu(a);
}
ex b_softplus(const ex& a) {
  return softplus(a);
}
ex b_step(const ex& a) {
  return unit_step(a);
}

const FunctionInfo kSin{"sin", "sin", "\\sin", b_sin};
const FunctionInfo kCos{"cos", "cos", "\\cos", b_cos};
const FunctionInfo kTan{"tan", "tan", "\\tan", b_tan};
const FunctionInfo kSec{"sec", "sec", "\\sec", b_sec};
const FunctionInfo kCsc{"csc", "csc", "\\csc", b_csc};
const FunctionInfo kCot{"cot", "cot", "\\cot", b_cot};
const FunctionInfo kAsin{"asin", "arcsin", "\\arcsin", b_asin};
const FunctionInfo kAcos{"acos", "arccos", "\\arccos", b_acos};
const FunctionInfo kAtan{"atan", "arctan", "\\arctan", b_atan};
const FunctionInfo kSinh{"sinh", "sinh", "\\sinh", b_sinh};
const FunctionInfo kCosh{"cosh", "cosh", "\\cosh", b_cosh};
const FunctionInfo kTanh{"tanh", "tanh", "\\tanh", b_tanh};
const FunctionInfo kSech{"sech", "sech", "\\operatorname{sech}", b_sech};
const FunctionInfo kCsch{"csch", "csch", "\\operatorname{csch}", b_csch};
const FunctionInfo kCoth{"coth", "coth", "\\coth", b_coth};
const FunctionInfo kAsinh{"asinh", "arsinh", "\\operatorname{arsinh}", b_asinh};
const FunctionInfo kAcosh{"acosh", "arcosh", "\\operatorname{arcosh}", b_acosh};
const FunctionInfo kAtanh{"atanh", "artanh", "\\operatorname{artanh}", b_atanh};
const FunctionInfo kAcot{"acot", "arccot", "\\operatorname{arccot}", b_acot};
const FunctionInfo kAsec{"asec", "arcsec", "\\operatorname{arcsec}", b_asec};
const FunctionInfo kAcsc{"acsc", "arccsc", "\\operatorname{arccsc}", b_acsc};
const FunctionInfo kExp{"exp", "exp", "\\exp", b_exp};
const FunctionInfo kLog{"log", "ln", "\\ln", b_log};
const FunctionInfo kSqrt{"sqrt", "√", "\\sqrt", b_sqrt};
const FunctionInfo kAbs{"abs", "abs", "\\operatorname{abs}", b_abs};
const FunctionInfo kSigmoid{"sigmoid", "σ", "\\sigma", b_sigmoid};
const FunctionInfo kRelu{"relu", "relu", "\\operatorname{ReLU}", b_relu};
const FunctionInfo kSoftplus{"softplus", "softplus", "\\operatorname{softplus}", b_softplus};
const FunctionInfo kStep{"step", "step", "\\operatorname{step}", b_step};

const std::array kNames{
    FunctionName{"sin", &kSin},
    FunctionName{"cos", &kCos},
    FunctionName{"tan", &kTan},
    FunctionName{"sec", &kSec},
    FunctionName{"csc", &kCsc},
    FunctionName{"cot", &kCot},
    FunctionName{"asin", &kAsin},
    FunctionName{"arcsin", &kAsin},
    FunctionName{"acos", &kAcos},
    FunctionName{"arccos", &kAcos},
    FunctionName{"atan", &kAtan},
    FunctionName{"arctan", &kAtan},
    FunctionName{"sinh", &kSinh},
    FunctionName{"cosh", &kCosh},
    FunctionName{"tanh", &kTanh},
    FunctionName{"sech", &kSech},
    FunctionName{"csch", &kCsch},
    FunctionName{"coth", &kCoth},
    FunctionName{"asinh", &kAsinh},
    FunctionName{"arsinh", &kAsinh},
    FunctionName{"acosh", &kAcosh},
    FunctionName{"arcosh", &kAcosh},
    FunctionName{"atanh", &kAtanh},
    FunctionName{"artanh", &kAtanh},
    FunctionName{"acot", &kAcot},
    FunctionName{"arccot", &kAcot},
    FunctionName{"asec", &kAsec},
    FunctionName{"arcsec", &kAsec},
    FunctionName{"acsc", &kAcsc},
    FunctionName{"arccsc", &kAcsc},
    FunctionName{"exp", &kExp},
    FunctionName{"log", &kLog},
    FunctionName{"ln", &kLog},
    FunctionName{"sqrt", &kSqrt},
    FunctionName{"abs", &kAbs},
    FunctionName{"sigmoid", &kSigmoid},
    FunctionName{"σ", &kSigmoid},
    FunctionName{"relu", &kRelu},
    FunctionName{"softplus", &kSoftplus},
    FunctionName{"step", &kStep},
};

// GiNaC's own names for the functions above, where they differ from ours.
struct GinacName {
  std::string_view ginac;
  const FunctionInfo* info;
};
const std::array kGinacNames{
    GinacName{"sin", &kSin},         GinacName{"cos", &kCos},     GinacName{"tan", &kTan},
    GinacName{"sec", &kSec},         GinacName{"csc", &kCsc},     GinacName{"cot", &kCot},
    GinacName{"asin", &kAsin},       GinacName{"acos", &kAcos},   GinacName{"atan", &kAtan},
    GinacName{"sinh", &kSinh},       GinacName{"cosh", &kCosh},   GinacName{"tanh", &kTanh},
    GinacName{"exp", &kExp},         GinacName{"log", &kLog},     GinacName{"abs", &kAbs},
    GinacName{"sigmoid", &kSigmoid}, GinacName{"relu", &kRelu},   GinacName{"softplus", &kSoftplus},
    GinacName{"unit_step", &kStep},  GinacName{"sech", &kSech},   GinacName{"csch", &kCsch},
    GinacName{"coth", &kCoth},       GinacName{"asinh", &kAsinh}, GinacName{"acosh", &kAcosh},
    GinacName{"atanh", &kAtanh},     GinacName{"acot", &kAcot},   GinacName{"asec", &kAsec},
    GinacName{"acsc", &kAcsc},
};

}  // namespace

REGISTER_FUNCTION(sec, eval_func(sec_eval)
                           .evalf_func(sec_evalf)
                           .derivative_func(sec_deriv)
                           .conjugate_func(sec_conj)
                           .real_part_func(sec_real)
                           .info_func(sec_info))
REGISTER_FUNCTION(csc, eval_func(csc_eval)
                           .evalf_func(csc_evalf)
                           .derivative_func(csc_deriv)
                           .conjugate_func(csc_conj)
                           .real_part_func(csc_real)
                           .info_func(csc_info))
REGISTER_FUNCTION(cot, eval_func(cot_eval)
                           .evalf_func(cot_evalf)
                           .derivative_func(cot_deriv)
                           .conjugate_func(cot_conj)
                           .real_part_func(cot_real)
                           .info_func(cot_info))
REGISTER_FUNCTION(sigmoid, eval_func(sigmoid_eval)
                               .evalf_func(sigmoid_evalf)
                               .derivative_func(sigmoid_deriv)
                               .conjugate_func(sigmoid_conj)
                               .real_part_func(sigmoid_real)
                               .info_func(sigmoid_info)
                               .latex_name("\\sigma"))
REGISTER_FUNCTION(relu, eval_func(relu_eval)
                            .evalf_func(relu_evalf)
                            .derivative_func(relu_deriv)
                            .conjugate_func(relu_conj)
                            .real_part_func(relu_real)
                            .info_func(relu_info))
REGISTER_FUNCTION(softplus, eval_func(softplus_eval)
                                .evalf_func(softplus_evalf)
                                .derivative_func(softplus_deriv)
                                .conjugate_func(softplus_conj)
                                .real_part_func(softplus_real)
                                .info_func(softplus_info))
REGISTER_FUNCTION(unit_step, eval_func(unit_step_eval)
                                 .evalf_func(unit_step_evalf)
                                 .derivative_func(unit_step_deriv)
                                 .conjugate_func(unit_step_conj)
                                 .real_part_func(unit_step_real)
                                 .info_func(unit_step_info))

// Each of these is real wherever it is defined for a real argument, so its conjugate and
// real part are itself.
namespace {
ex sech_of(const ex& x) {
  return sech(x);
}
ex csch_of(const ex& x) {
  return csch(x);
}
ex coth_of(const ex& x) {
  return coth(x);
}
ex acot_of(const ex& x) {
  return acot(x);
}
ex asec_of(const ex& x) {
  return asec(x);
}
ex acsc_of(const ex& x) {
  return acsc(x);
}
}  // namespace

#define TUTOR_REGISTER_REAL(name)                                   \
  REGISTER_FUNCTION(name, eval_func(name##_eval)                    \
                              .evalf_func(name##_evalf)             \
                              .derivative_func(name##_deriv)        \
                              .conjugate_func(same_conj<name##_of>) \
                              .real_part_func(same_real<name##_of>))
TUTOR_REGISTER_REAL(sech)
TUTOR_REGISTER_REAL(csch)
TUTOR_REGISTER_REAL(coth)
TUTOR_REGISTER_REAL(acot)
TUTOR_REGISTER_REAL(asec)
TUTOR_REGISTER_REAL(acsc)
#undef TUTOR_REGISTER_REAL

std::span<const FunctionName> function_names() {
  return kNames;
}

const FunctionInfo* find_function(std::string_view name) {
  for (const auto& f : kNames) {
    if (f.spelling == name) return f.info;
  }
  return nullptr;
}

const FunctionInfo* function_by_ginac_name(std::string_view name) {
  for (const auto& g : kGinacNames) {
    if (g.ginac == name) return g.info;
  }
  return nullptr;
}

}  // namespace tutor
