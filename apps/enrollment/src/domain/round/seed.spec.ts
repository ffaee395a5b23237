import { describe, expect, it } from 'vitest';
import { commitSeed, revealSeed, seedCommitment } from './seed.ts';

const SEED = '2026-城关-随迁子女-摇号';
const fresh = { id: 'R2026', year: 2026 };

describe('seed commitment', () => {
  it('runs only with the seed whose sha256 was committed', () => {
    const committed = commitSeed(fresh, seedCommitment(SEED));
    expect(committed.ok).toBe(true);
    if (!committed.ok) return;
    const wrong = revealSeed(committed.value, 'another seed', '2026-07-01');
    expect(!wrong.ok && wrong.error.code).toBe('SEED_MISMATCH');
    const run = revealSeed(committed.value, SEED, '2026-07-01');
    expect(run.ok && run.value).toMatchObject({ seed: SEED, ranOn: '2026-07-01' });
    if (!run.ok) return;
    const twice = revealSeed(run.value, SEED, '2026-07-02');
    expect(!twice.ok && twice.error.code).toBe('ROUND_ALREADY_RUN');
  });

  it('refuses to run without a commitment, and to commit twice or garbage', () => {
    const none = revealSeed(fresh, SEED, '2026-07-01');
    expect(!none.ok && none.error.code).toBe('SEED_NOT_COMMITTED');
    const bad = commitSeed(fresh, 'not-a-hash');
    expect(!bad.ok && bad.error.code).toBe('INVALID_SEED_HASH');
    const again = commitSeed({ ...fresh, seedHash: seedCommitment(SEED) }, seedCommitment('x'));
    expect(!again.ok && again.error.code).toBe('SEED_ALREADY_COMMITTED');
    const empty = revealSeed({ ...fresh, seedHash: seedCommitment('') }, '', '2026-07-01');
    expect(!empty.ok && empty.error.code).toBe('EMPTY_SEED');
  });
});
