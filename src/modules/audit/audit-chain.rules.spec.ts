import { type ChainedContent, entryHash, firstBreak, type StoredEntry } from './audit-chain.rules.js';

function chain(n: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev: string | null = null;
  for (let i = 1; i <= n; i += 1) {
    const content: ChainedContent = {
      prevHash: prev,
      occurredAt: `2026-01-0${i}T00:00:00.000Z`,
      requestId: `r${i}`,
      actorId: null,
      actorRole: 'admin',
      action: 'UPDATE',
      resourceType: 'member',
      resourceId: 'm1',
      commitmentId: null,
      before: { name: `v${i - 1}` },
      after: { name: `v${i}` },
    };
    const hash = entryHash(content);
    entries.push({ ...content, id: String(i), hash });
    prev = hash;
  }
  return entries;
}

describe('the audit chain', () => {
  it('holds when nothing was touched', () => expect(firstBreak(chain(4), null)).toBeUndefined());

  it('does not depend on the order of keys in before and after', () => {
    const [entry] = chain(1);
    expect(entryHash({ ...entry, after: { b: 2, a: 1 } })).toBe(
      entryHash({ ...entry, after: { a: 1, b: 2 } }),
    );
  });

  it('names an edited entry', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2], after: { name: 'forged' } };
    expect(firstBreak(entries, null)).toEqual({
      id: '3',
      reason: 'the entry was changed after it was written',
    });
  });

  it('names the entry after a deleted one', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(firstBreak(entries, null)).toMatchObject({ id: '3', reason: expect.stringContaining('deleted') });
  });

  it('names an entry whose hash was recomputed to cover an edit, by the next one', () => {
    const entries = chain(3);
    const forged = { ...entries[1], after: { name: 'forged' } };
    entries[1] = { ...forged, hash: entryHash(forged) };
    expect(firstBreak(entries, null)).toMatchObject({ id: '3' });
  });

  it('continues from the hash of the batch before', () => {
    const entries = chain(4);
    expect(firstBreak(entries.slice(2), entries[1].hash)).toBeUndefined();
    expect(firstBreak(entries.slice(2), 'f'.repeat(64))).toMatchObject({ id: '3' });
  });
});
