import type { FeatureService } from './feature-types.ts';

/**
 * A stored service's version id, `name@version` (services stored before
 * they were versioned count as version 1).
 *
 * @example
 * serviceId({ name: 'churn', views: ['orders'], description: '', version: 2 }) // 'churn@2'
 */
export function serviceId(service: FeatureService): string {
  return `${service.name}@${service.version ?? 1}`;
}
