/** Every lesson, in the order the Lessons area lists them. */
import type { Lesson } from '../lesson-types.ts';
import { CHALLENGES } from './challenges.ts';
import { COMPONENTS } from './components.ts';
import { LIFECYCLE } from './lifecycle.ts';
import { MATURITY_LEVELS } from './maturity-levels.ts';
import { METRICS } from './metrics.ts';
import { MLOPS_VS_DEVOPS } from './mlops-vs-devops.ts';
import { PRINCIPLES } from './principles.ts';

export const LESSONS: readonly Lesson[] = [
  LIFECYCLE,
  METRICS,
  PRINCIPLES,
  MATURITY_LEVELS,
  COMPONENTS,
  MLOPS_VS_DEVOPS,
  CHALLENGES,
];

/** The lesson with `id`, if there is one. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
