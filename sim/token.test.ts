import { describe, expect, it } from 'vitest';
import { createTokenService } from './token';

describe('token service fault injection (issue 15: POST /sim/control/tokens/expire-next)', () => {
  it('issues the next `expireNext` tokens already expired, then valid ones; counts refusals', async () => {
    const t = createTokenService({ ttlSec: 120 });
    t.expireNext = 2;
    const [a, b, c] = [await t.issue(), await t.issue(), await t.issue()];
    expect(t.expireNext).toBe(0);
    expect(await t.verify(a)).toMatchObject({ ok: false });
    expect(await t.verify(b)).toMatchObject({ ok: false });
    expect(await t.verify(c)).toMatchObject({ ok: true });
    expect(await t.verify('garbage')).toMatchObject({ ok: false });
    expect(t.refused).toEqual({ total: 3, expired: 2 });
  });
});
