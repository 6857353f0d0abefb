/**
 * A letter-recognition-shaped table (the UCI set is not shipped here):
 * 20,000 rows × 16 numeric features, 26 classes, made like scikit-learn's
 * `make_classification` — each class is two Gaussian clusters around
 * corners of a hypercube in 12 informative dimensions (class separation
 * 2.5), 2 redundant features as linear mixes of them and 2 of pure noise.
 * Seeded, so every run and the scikit-learn side see the same rows.
 */
import { writeFileSync } from 'node:fs';
import { seededRng } from '../../src/core/random/rng.ts';

export const LETTER_ROWS = 20_000;
export const LETTER_FEATURES = 16;
export const LETTER_CLASSES = 26;
const INFORMATIVE = 12;
const SEP = 2.5;

export function writeLetterLike(path: string, seed = 7): void {
  const rng = seededRng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  // 52 distinct hypercube corners (2 per class), then a random mixing per cluster.
  const corners = new Set<number>();
  while (corners.size < LETTER_CLASSES * 2) corners.add(Math.floor(rng() * 2 ** INFORMATIVE));
  const centers = [...corners].map((bits) =>
    Array.from({ length: INFORMATIVE }, (_, j) => ((bits >> j) & 1 ? SEP : -SEP)),
  );
  const mixes = centers.map(() => Array.from({ length: INFORMATIVE * INFORMATIVE }, () => 2 * rng() - 1));
  const redundant = Array.from({ length: 2 * INFORMATIVE }, () => 2 * rng() - 1);
  const lines = [[...Array.from({ length: LETTER_FEATURES }, (_, j) => `f${j + 1}`), 'letter'].join(',')];
  for (let r = 0; r < LETTER_ROWS; r++) {
    const cls = r % LETTER_CLASSES;
    const cluster = cls * 2 + (rng() < 0.5 ? 0 : 1);
    const z = Array.from({ length: INFORMATIVE }, gauss);
    const x = centers[cluster].map((c, i) => {
      let v = c;
      for (let j = 0; j < INFORMATIVE; j++) v += mixes[cluster][i * INFORMATIVE + j] * z[j];
      return v;
    });
    for (let k = 0; k < 2; k++)
      x.push(x.reduce((a, v, j) => a + (j < INFORMATIVE ? v * redundant[k * INFORMATIVE + j] : 0), 0));
    x.push(gauss(), gauss());
    lines.push([...x.map((v) => v.toFixed(4)), String.fromCharCode(65 + cls)].join(','));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}
