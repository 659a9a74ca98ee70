/**
 * The one piece of linear algebra the multi-group tests need: a quadratic form d'V⁺d with the
 * Moore–Penrose pseudo-inverse of a symmetric PSD covariance, and its rank (the test's df).
 * Why a pseudo-inverse rather than dropping the "last" group: the covariance of k observed-minus-
 * expected counts is singular by construction (they sum to 0), and further so when a group is
 * empty; the pseudo-inverse handles both without choosing a reference, and the rank is the df.
 */

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (fine for k <= ~50). */
export function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  // Typed rows: the same rotations, several times faster for the 41 x 41 log-rank of agents.
  const a = matrix.map((row) => Float64Array.from(row));
  const v = a.map((_, i) => Float64Array.from(a, (__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i][j] ** 2;
    if (off < 1e-30 * Math.max(1e-300, ...a.map((row, i) => row[i] ** 2))) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v.map((row) => Array.from(row)) };
}

/** d'V⁺d and rank(V); eigenvalues below 1e-10 × the largest count as zero. */
export function pseudoInverseQuadraticForm(d: number[], v: number[][]): { value: number; rank: number } {
  if (d.length === 0) return { value: 0, rank: 0 };
  const { values, vectors } = symmetricEigen(v);
  const largest = Math.max(0, ...values);
  let value = 0;
  let rank = 0;
  values.forEach((lambda, j) => {
    if (!(lambda > 1e-10 * largest)) return;
    rank++;
    const projection = d.reduce((s, di, i) => s + di * vectors[i][j], 0);
    value += (projection * projection) / lambda;
  });
  return { value, rank };
}
