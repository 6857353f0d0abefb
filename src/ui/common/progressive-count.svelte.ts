/**
 * How many items of a long list to render yet: `step` at first, then `step`
 * more every animation frame until all are shown. Rendering a 20-column
 * profile or a 50-row preview at once took one 130–290 ms frame on the
 * 1M-row benchmark; spread out, each frame stays short. The count restarts
 * only when the number of items changes, so editing an item re-renders in
 * place (a focused <select> keeps its focus).
 *
 * Create it during component initialisation (it owns an effect).
 */
export class ProgressiveCount {
  count = $state(0);

  constructor(total: () => number, step: number) {
    const size = $derived(total());
    $effect(() => {
      const n = size;
      this.count = Math.min(step, n);
      let frame = 0;
      const grow = () => {
        if (this.count >= n) return;
        this.count = Math.min(n, this.count + step);
        frame = requestAnimationFrame(grow);
      };
      frame = requestAnimationFrame(grow);
      return () => cancelAnimationFrame(frame);
    });
  }
}
