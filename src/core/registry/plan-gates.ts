import { modelGatesSet } from '../audit/events/registry-events.ts';
import type { AuditDraft } from '../audit/audit-event.ts';
import { WorkbenchError } from '../errors.ts';
import type { RecordChange } from '../ports.ts';
import { requireModel, type RegistrySnapshot } from './registry-snapshot.ts';
import { STAGES, type PromotionGates, type RegisteredModel } from './registry-types.ts';
import { checkActor, checkNow } from './registry-validation.ts';

/**
 * Throws `registry.bad_gates` unless the gates make sense: known stages,
 * each metric gate with at least one finite bound, `min ≤ max`, and a
 * non-negative `maxRegression`.
 */
export function validateGates(gates: PromotionGates): void {
  const bad = (message: string) => new WorkbenchError('registry.bad_gates', message);
  for (const stage of gates.stages) {
    if (!(STAGES as readonly string[]).includes(stage))
      throw bad(`"${stage}" is not a stage. Gate one of ${STAGES.join(', ')}.`);
  }
  const seen = new Set<string>();
  for (const g of gates.metrics) {
    if (!g.metric || !g.metric.trim())
      throw bad('A metric gate needs a metric name (e.g. accuracy). Name it or remove the gate.');
    if (seen.has(g.metric)) throw bad(`There are two gates on ${g.metric}. Merge them into one.`);
    seen.add(g.metric);
    const bounds = [g.min, g.max, g.maxRegression].filter((b) => b !== undefined);
    if (!bounds.length)
      throw bad(
        `The gate on ${g.metric} has no threshold. Set a minimum, a maximum or a maximum regression, or remove it.`,
      );
    if (bounds.some((b) => !Number.isFinite(b)))
      throw bad(`The gate on ${g.metric} has a threshold that is not a number. Enter numbers only.`);
    if (g.min !== undefined && g.max !== undefined && g.min > g.max)
      throw bad(
        `The gate on ${g.metric} has a minimum (${g.min}) above its maximum (${g.max}), so nothing could pass. Swap or fix them.`,
      );
    if (g.maxRegression !== undefined && g.maxRegression < 0)
      throw bad(
        `The allowed regression on ${g.metric} is negative (${g.maxRegression}). Use 0 for "no worse than Production" or a positive margin.`,
      );
  }
}

/** Plans replacing a model's promotion gates. */
export function planGates(
  snapshot: RegistrySnapshot,
  input: { modelName: string; gates: PromotionGates; actor: string; now: string },
): { change: RecordChange; event: AuditDraft; model: RegisteredModel } {
  checkActor(input.actor);
  checkNow(input.now);
  validateGates(input.gates);
  const current = requireModel(snapshot, input.modelName);
  const gates = structuredClone(input.gates);
  const model: RegisteredModel = { ...current, gates };
  return {
    change: {
      puts: [{ kind: 'models', value: model }],
      expect: [{ kind: 'models', key: current.name, equals: current }],
    },
    event: modelGatesSet({ at: input.now, actor: input.actor }, current.name, { gates, previous: current.gates }),
    model,
  };
}
