/**
 * Composite Gauss–Legendre quadrature on explicit break points.
 * Why explicit break points: Bayesian posteriors with n ~ 1e6 are ~1e-3 wide, so a uniform grid
 * on [0, 1] would miss them; callers place break points where each posterior has its mass.
 */

/** Nodes and weights of an n-point Gauss–Legendre rule on [−1, 1]. */
export interface GaussRule {
  nodes: number[];
  weights: number[];
}

const cache = new Map<number, GaussRule>();

/** n-point Gauss–Legendre rule (exact for polynomials of degree 2n − 1), computed by Newton. */
export function gaussLegendre(n: number): GaussRule {
  const hit = cache.get(n);
  if (hit) return hit;
  const nodes = new Array<number>(n);
  const weights = new Array<number>(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * dp * dp);
  }
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

/** Quadrature points {x, w} such that Σ w·g(x) ≈ ∫ g over [breaks[0], breaks[last]]. */
export interface QuadraturePoints {
  x: number[];
  w: number[];
}

/** Gauss–Legendre of the given order on every interval between consecutive sorted break points. */
export function compositeGaussLegendre(breaks: number[], order = 16): QuadraturePoints {
  const sorted = [...new Set(breaks)].sort((p, q) => p - q);
  const { nodes, weights } = gaussLegendre(order);
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const half = (sorted[i + 1] - sorted[i]) / 2;
    const mid = (sorted[i + 1] + sorted[i]) / 2;
    if (!(half > 0)) continue;
    for (let j = 0; j < order; j++) {
      x.push(mid + half * nodes[j]);
      w.push(half * weights[j]);
    }
  }
  return { x, w };
}
