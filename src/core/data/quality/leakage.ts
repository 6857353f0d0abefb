/**
 * The three ways a single feature can "predict the target perfectly". Each
 * works on plain arrays over the rows where both cells are present, and
 * refuses to conclude anything from fewer than {@link LEAKAGE_MIN_ROWS} of them.
 */

/** Fewer paired rows than this make a perfect fit too likely by chance. */
export const LEAKAGE_MIN_ROWS = 10;

/**
 * True when every feature value (dense index, -1 missing) occurs with one
 * target class only, the rows show at least two classes, and some value
 * repeats (at most half as many values as rows), so the mapping is not just
 * "every row is its own value".
 */
export function mapsToOneClass(
  feature: Int32Array,
  featureSize: number,
  target: Int32Array,
  targetSize: number,
): boolean {
  const classOf = new Int32Array(featureSize).fill(-1);
  const classSeen = new Uint8Array(targetSize);
  let pairs = 0;
  let values = 0;
  let classes = 0;
  for (let i = 0; i < feature.length; i++) {
    const f = feature[i];
    const t = target[i];
    if (f < 0 || t < 0) continue;
    pairs++;
    const known = classOf[f];
    if (known === -1) {
      classOf[f] = t;
      values++;
      if (!classSeen[t]) {
        classSeen[t] = 1;
        classes++;
      }
    } else if (known !== t) return false;
  }
  return pairs >= LEAKAGE_MIN_ROWS && classes >= 2 && values * 2 <= pairs;
}

/**
 * True when sorting the rows by a numeric feature puts each target class in
 * one contiguous run with no tie across classes, i.e. thresholds on the
 * feature separate the classes perfectly. Checked without sorting: each
 * class's [min, max] range must be disjoint from every other class's.
 */
export function separatesClasses(feature: Float64Array, target: Int32Array, targetSize: number): boolean {
  const lows = new Float64Array(targetSize).fill(Infinity);
  const highs = new Float64Array(targetSize).fill(-Infinity);
  let pairs = 0;
  for (let i = 0; i < feature.length; i++) {
    const v = feature[i];
    const t = target[i];
    if (v !== v || t < 0) continue;
    pairs++;
    if (v < lows[t]) lows[t] = v;
    if (v > highs[t]) highs[t] = v;
  }
  const present: number[] = [];
  for (let t = 0; t < targetSize; t++) if (lows[t] <= highs[t]) present.push(t);
  if (pairs < LEAKAGE_MIN_ROWS || present.length < 2) return false;
  present.sort((x, y) => lows[x] - lows[y]);
  for (let k = 1; k < present.length; k++) if (highs[present[k - 1]] >= lows[present[k]]) return false;
  return true;
}

/** How a numeric feature relates to a numeric target, over rows where both are present. */
export interface NumericFit {
  pairs: number;
  /** The two are equal in every such row. */
  equal: boolean;
  /** Pearson correlation; NaN when either side is constant. */
  r: number;
}

/**
 * Pearson correlation of two numeric columns (two-pass, over rows where
 * both are present), and whether they are simply equal.
 *
 * @example
 * numericFit(new Float64Array([1, 2, 3]), new Float64Array([2, 4, 6])) // { pairs: 3, equal: false, r: 1 }
 */
export function numericFit(x: Float64Array, y: Float64Array): NumericFit {
  let pairs = 0;
  let sumX = 0;
  let sumY = 0;
  let equal = true;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b) continue;
    pairs++;
    sumX += a;
    sumY += b;
    if (a !== b) equal = false;
  }
  if (pairs === 0) return { pairs, equal: false, r: NaN };
  const meanX = sumX / pairs;
  const meanY = sumY / pairs;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b) continue;
    const dx = a - meanX;
    const dy = b - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const r = sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : NaN;
  return { pairs, equal, r };
}
