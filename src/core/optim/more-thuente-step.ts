/**
 * The bracket a More–Thuente line search keeps between trial steps: the best
 * step so far (`stx`), the other end of the interval (`sty`), their function
 * values and directional derivatives, and whether a minimiser is bracketed.
 */
export interface StepBracket {
  stx: number;
  fx: number;
  dx: number;
  sty: number;
  fy: number;
  dy: number;
  brackt: boolean;
}

/**
 * One safeguarded step of the More–Thuente line search (MINPACK-2 `dcstep`):
 * updates `bracket` with the trial step `stp` (value `fp`, derivative `dp`)
 * and returns the next trial step, kept inside [stpmin, stpmax].
 *
 * Cubic and quadratic (secant) interpolants are chosen case by case exactly as
 * in the published algorithm, so the search takes the same steps as scipy's
 * L-BFGS-B given the same numbers.
 */
export function moreThuenteStep(
  bracket: StepBracket,
  stp: number,
  fp: number,
  dp: number,
  stpmin: number,
  stpmax: number,
): number {
  const { stx, fx, dx, sty, fy, dy } = bracket;
  const sgnd = dp * (dx / Math.abs(dx));
  let stpf: number;

  if (fp > fx) {
    // Higher value: the minimum is bracketed; prefer the cubic step when it is
    // closer to stx than the quadratic one, else take their average.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const stpc = stx + (p / q) * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    bracket.brackt = true;
  } else if (sgnd < 0) {
    // Lower value, derivatives of opposite sign: bracketed; take the step
    // farther from stp (cubic or secant).
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const stpc = stp + (p / q) * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    bracket.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Lower value, same sign, derivative shrinking: the cubic step only if
    // the cubic tends to infinity in the step's direction.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt(Math.max(0, (theta / s) ** 2 - (dx / s) * (dp / s)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else stpc = stp > stx ? stpmax : stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (bracket.brackt) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else if (bracket.brackt) {
    // Lower value, same sign, derivative not shrinking, bracketed: cubic
    // through stp and sty.
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s));
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    stpf = stp + (p / q) * (sty - stp);
  } else {
    stpf = stp > stx ? stpmax : stpmin;
  }

  if (fp > fx) {
    bracket.sty = stp;
    bracket.fy = fp;
    bracket.dy = dp;
  } else {
    if (sgnd < 0) {
      bracket.sty = stx;
      bracket.fy = fx;
      bracket.dy = dx;
    }
    bracket.stx = stp;
    bracket.fx = fp;
    bracket.dx = dp;
  }
  return stpf;
}
