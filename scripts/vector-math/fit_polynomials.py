#!/usr/bin/env python3
"""Fits the polynomials of the vector backend's exp, log1p and tanh (VectorExp.java and VectorActivation.java).

Each is a weighted least-squares fit on Chebyshev nodes, refined by reweighting towards the
points of largest error (a Lawson iteration, which converges to the minimax fit), computed in
mpmath at 50 digits and printed as float32 literals. Run it to check or re-derive the constants:

    python3 scripts/vector-math/fit_polynomials.py
"""
import mpmath as mp
import numpy as np

mp.mp.dps = 50


def fit(target, basis, weight, lo, hi, degree, nodes=150, rounds=30):
    """Coefficients c[0..degree] minimising max |weight(x) * (sum c_k x^k * basis(x) - target(x))|."""
    xs = [mp.mpf(lo + hi) / 2 + mp.mpf(hi - lo) / 2 * mp.cos(mp.pi * (i + 0.5) / nodes) for i in range(nodes)]
    lawson = [mp.mpf(1)] * nodes
    for _ in range(rounds):
        rows = [[weight(x) * basis(x) * x ** k * mp.sqrt(w) for k in range(degree + 1)] for x, w in zip(xs, lawson)]
        rhs = [weight(x) * target(x) * mp.sqrt(w) for x, w in zip(xs, lawson)]
        c = mp.qr_solve(mp.matrix(rows), mp.matrix(rhs))[0]
        errors = [abs(weight(x) * (sum(c[k] * x ** k for k in range(degree + 1)) * basis(x) - target(x))) for x in xs]
        total = sum(w * e for w, e in zip(lawson, errors))
        lawson = [w * e / total for w, e in zip(lawson, errors)]
    return [float(np.float32(float(v))) for v in c], float(max(errors))


def show(name, coefficients, error):
    print(f"{name}: max weighted error {error:.1e}, against float32's half ulp of 1, {2.0 ** -24:.1e}")
    for k, v in enumerate(coefficients):
        print(f"    c{k} = {np.format_float_positional(np.float32(v), unique=True)}f")


half_ln2 = float(mp.log(2) / 2)
# exp(r) = 1 + r + r^2 * P(r) on |r| <= ln2/2, the range left after taking out n*ln2.
show("exp: P", *fit(lambda r: (mp.exp(r) - 1 - r) / r ** 2 if r else mp.mpf(0.5), lambda r: 1,
                    lambda r: r ** 2, -half_ln2, half_ln2, 4))
# log1p(t) = 2s + 2s * w * Q(w), s = t / (2 + t), w = s^2, for t in [0, 1]: s in [0, 1/3], w in [0, 1/9].
show("log1p: Q", *fit(lambda w: (mp.atanh(mp.sqrt(w)) / mp.sqrt(w) - 1) / w if w else mp.mpf(1) / 3, lambda w: 1,
                      lambda w: w, 0, 1.0 / 9, 3))
# tanh(x) = x + x * u * R(u), u = x^2, for |x| < 0.625; beyond it, tanh is taken from exp(-2|x|).
show("tanh: R", *fit(lambda u: (mp.tanh(mp.sqrt(u)) / mp.sqrt(u) - 1) / u if u else -mp.mpf(1) / 3, lambda u: 1,
                     lambda u: u, 0, 0.625 ** 2, 4))
