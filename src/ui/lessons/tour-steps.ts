/** The first-run tour: what each part of the workbench is for, pointed at on the page. */
import type { DriveStep } from 'driver.js';

export const TOUR_STEPS: DriveStep[] = [
  {
    element: 'nav[aria-label="Workbench"]',
    popover: {
      title: 'The areas of the workbench',
      description:
        'Each area is one stage of the MLOps lifecycle: data, training, the registry, deployment, monitoring and the audit log.',
    },
  },
  {
    element: '#main-content',
    popover: {
      title: 'Start with data',
      description:
        'Drop a CSV file here or load a bundled sample, then save it as a version: everything after it points back to that version.',
    },
  },
  {
    element: 'nav[aria-label="Workbench"] li:last-child',
    popover: {
      title: 'Lessons',
      description:
        'Lessons explain each MLOps idea and have you do it here; a step ticks itself when the workspace shows it was done.',
    },
  },
  {
    element: '.theme-toggle',
    popover: {
      title: 'Light or dark',
      description: 'Switch the theme here. Everything stays in this browser and works offline.',
    },
  },
];
