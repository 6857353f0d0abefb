import { ENVIRONMENTS, type Environment } from '../core/serving/deployments/deployment-types.ts';
import { UsageError } from './command.ts';
import { printable } from './text-table.ts';

/** Reads `--env staging|production` (any case). */
export function parseEnvironment(text: string | undefined): Environment {
  if (text === undefined) throw new UsageError(`Say which environment with --env <${ENVIRONMENTS.join('|')}>.`);
  const found = ENVIRONMENTS.find((e) => e === text.toLowerCase());
  if (!found) throw new UsageError(`--env must be ${ENVIRONMENTS.join(' or ')} (got "${printable(text)}").`);
  return found;
}
