/**
 * The sample datasets bundled into the app. The CSV text is inlined into the
 * JavaScript at build time (Vite `?raw`), so loading a sample makes no network
 * request. Sources and licences: public/samples/README.md.
 */
import penguinsCsv from '../../../public/samples/penguins.csv?raw';
import irisCsv from '../../../public/samples/iris.csv?raw';
import grunfeldCsv from '../../../public/samples/grunfeld.csv?raw';

export interface SampleDataset {
  /** Stable id, e.g. for test selectors. */
  id: string;
  /** What the user sees. */
  title: string;
  /** The name it loads under, as if it were a file. */
  fileName: string;
  description: string;
  licence: string;
  text: string;
}

export const SAMPLES: readonly SampleDataset[] = [
  {
    id: 'penguins',
    title: 'Palmer penguins',
    fileName: 'penguins.csv',
    description:
      '344 penguins of three species from the Palmer Archipelago, Antarctica: bill, flipper, body mass, sex.',
    licence: 'CC0 1.0',
    text: penguinsCsv,
  },
  {
    id: 'iris',
    title: 'Iris',
    fileName: 'iris.csv',
    description: "Fisher's 150 iris flowers of three species: sepal and petal length and width.",
    licence: 'public domain data (BSD-3-Clause copy from scikit-learn)',
    text: irisCsv,
  },
  {
    id: 'grunfeld',
    title: 'Grunfeld investment',
    fileName: 'grunfeld.csv',
    description:
      'Yearly investment, firm value and capital stock of 11 US firms, 1935–1954: one row per firm and year, for feature views.',
    licence: 'public domain',
    text: grunfeldCsv,
  },
];

/** A sample's CSV as UTF-8 bytes: samples go through the same worker path as a file. */
export function sampleBytes(sample: SampleDataset): ArrayBuffer {
  const bytes = new TextEncoder().encode(sample.text);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
