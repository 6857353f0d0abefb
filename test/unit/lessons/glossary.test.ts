import { describe, expect, it } from 'vitest';
import { GLOSSARY, markTerms } from '../../../src/core/lessons/glossary.ts';

const terms = (text: string, seen?: Set<string>) =>
  markTerms(text, seen).flatMap((s) => ('entry' in s ? [`${s.text}=${s.entry.id}`] : []));

describe('glossary terms in text', () => {
  it('marks the longest spelling and keeps the original case', () => {
    expect(terms('Data drift and the Model Registry.')).toEqual(['Data drift=drift', 'Model Registry=registry']);
  });

  it('marks only the first mention of a term, across calls sharing `seen`', () => {
    const seen = new Set<string>();
    expect(terms('drift, more drift', seen)).toEqual(['drift=drift']);
    expect(terms('still drift', seen)).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(terms('gateway and regates')).toEqual([]);
  });

  it('gives back the whole text, in order', () => {
    const text = 'A canary release, then a rollback, is logged in the audit log.';
    expect(
      markTerms(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('has unique ids and a definition for each entry', () => {
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
    for (const e of GLOSSARY) expect(e.definition.length).toBeGreaterThan(20);
  });
});
