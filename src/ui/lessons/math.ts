/**
 * Renders TeX into an element with KaTeX. `katex.render` builds DOM nodes
 * and sets their styles through the CSSOM, which the page's
 * Content-Security-Policy allows (an HTML string with style attributes
 * would be refused).
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';

export function math(node: HTMLElement, tex: string): { update(tex: string): void } {
  const draw = (source: string) => katex.render(source, node, { throwOnError: false, output: 'htmlAndMathml' });
  draw(tex);
  return { update: draw };
}
