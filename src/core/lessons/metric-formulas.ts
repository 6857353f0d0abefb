/**
 * The metrics lesson's formulas, filled with the counts of the learner's own
 * run: accuracy over the whole confusion matrix; precision, recall and F1 of
 * one class (one-vs-rest) and their macro averages over every class.
 */
import type { ConfusionMatrix } from '../metrics/confusion.ts';

/** One formula: its general form and the same with the run's numbers, both as TeX. */
export interface FilledFormula {
  id: 'accuracy' | 'precision' | 'recall' | 'f1' | 'precisionMacro' | 'recallMacro' | 'f1Macro';
  name: string;
  general: string;
  filled: string;
  value: number;
}

/** The one-vs-rest counts of a class. */
export interface ClassCounts {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Counts of `matrix[actual][predicted]` for class `c` against the rest. */
export function classCounts(confusion: ConfusionMatrix, c: number): ClassCounts {
  const m = confusion.matrix;
  const total = m.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  const tp = m[c][c];
  const fn = m[c].reduce((a, b) => a + b, 0) - tp;
  const fp = m.reduce((sum, row) => sum + row[c], 0) - tp;
  return { label: confusion.labels[c], tp, fp, fn, tn: total - tp - fp - fn };
}

/** Division as scikit-learn scores it: 0 where the denominator is 0. */
function ratio(top: number, bottom: number): number {
  return bottom === 0 ? 0 : top / bottom;
}

/** Three decimals, as the lesson prints results. */
export function fixed(value: number): string {
  return value.toFixed(3);
}

function tex(text: string): string {
  return `\\text{${text.replace(/[\\{}$&#^_%~]/g, (ch) => `\\${ch === '\\' ? 'textbackslash ' : ch}`)}}`;
}

function f1Of(p: number, r: number): number {
  return ratio(2 * p * r, p + r);
}

/** Accuracy: correct predictions (the diagonal) over all held-out rows. */
export function accuracyFormula(confusion: ConfusionMatrix): FilledFormula {
  const m = confusion.matrix;
  const correct = m.reduce((sum, row, i) => sum + row[i], 0);
  const total = m.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  const value = ratio(correct, total);
  return {
    id: 'accuracy',
    name: 'Accuracy',
    general: '\\text{accuracy} = \\frac{\\text{correct predictions}}{\\text{all predictions}}',
    filled: `\\text{accuracy} = \\frac{${correct}}{${total}} = ${fixed(value)}`,
    value,
  };
}

/** Precision, recall and F1 of class `c` against the rest. */
export function classFormulas(confusion: ConfusionMatrix, c: number): FilledFormula[] {
  const { label, tp, fp, fn } = classCounts(confusion, c);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = f1Of(precision, recall);
  const of = `_{${tex(label)}}`;
  return [
    {
      id: 'precision',
      name: `Precision of ${label}`,
      general: `\\text{precision}${of} = \\frac{TP}{TP + FP}`,
      filled: `\\text{precision}${of} = \\frac{${tp}}{${tp} + ${fp}} = ${fixed(precision)}`,
      value: precision,
    },
    {
      id: 'recall',
      name: `Recall of ${label}`,
      general: `\\text{recall}${of} = \\frac{TP}{TP + FN}`,
      filled: `\\text{recall}${of} = \\frac{${tp}}{${tp} + ${fn}} = ${fixed(recall)}`,
      value: recall,
    },
    {
      id: 'f1',
      name: `F1 of ${label}`,
      general: `F_1{}${of} = 2 \\cdot \\frac{\\text{precision} \\cdot \\text{recall}}{\\text{precision} + \\text{recall}}`,
      filled: `F_1{}${of} = 2 \\cdot \\frac{${fixed(precision)} \\cdot ${fixed(recall)}}{${fixed(precision)} + ${fixed(recall)}} = ${fixed(f1)}`,
      value: f1,
    },
  ];
}

/** Macro averages: each class's score counted once, whatever its size. */
export function macroFormulas(confusion: ConfusionMatrix): FilledFormula[] {
  const k = confusion.labels.length;
  const perClass = confusion.labels.map((_, c) => {
    const { tp, fp, fn } = classCounts(confusion, c);
    const p = ratio(tp, tp + fp);
    const r = ratio(tp, tp + fn);
    return { p, r, f1: f1Of(p, r) };
  });
  const macro = (
    pick: (s: (typeof perClass)[number]) => number,
    id: FilledFormula['id'],
    name: string,
    symbol: string,
  ) => {
    const values = perClass.map(pick);
    const value = values.reduce((a, b) => a + b, 0) / k;
    return {
      id,
      name,
      general: `${symbol}_{\\text{macro}} = \\frac{1}{K} \\sum_{c=1}^{K} ${symbol}_c`,
      filled: `${symbol}_{\\text{macro}} = \\frac{${values.map(fixed).join(' + ')}}{${k}} = ${fixed(value)}`,
      value,
    };
  };
  return [
    macro((s) => s.p, 'precisionMacro', 'Macro precision', '\\text{precision}'),
    macro((s) => s.r, 'recallMacro', 'Macro recall', '\\text{recall}'),
    macro((s) => s.f1, 'f1Macro', 'Macro F1', 'F_1{}'),
  ];
}

/** The class a lesson explains first: the positive class (index 1) of a binary task, else the first class. */
export function defaultClassIndex(confusion: ConfusionMatrix): number {
  return confusion.labels.length === 2 ? 1 : 0;
}
