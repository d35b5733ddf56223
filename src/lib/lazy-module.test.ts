import { describe, expect, it, vi } from 'vitest';
import { lazyModule } from './lazy-module';

describe('lazyModule', () => {
  it('loads once on demand, is readable synchronously afterwards, and tells subscribers', async () => {
    const importer = vi.fn(async () => ({ answer: 42 }));
    const lazy = lazyModule(importer);
    const listener = vi.fn();
    const unsubscribe = lazy.subscribe(listener);
    expect(lazy.get()).toBeUndefined();
    expect(importer).not.toHaveBeenCalled();

    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toEqual({ answer: 42 });
    expect(b).toBe(a);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(lazy.get()).toBe(a);
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    await lazy.load();
    expect(importer).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('rejects with the import error and tries again on the next load', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValueOnce({ ok: true });
    const lazy = lazyModule<{ ok: boolean }>(importer);
    await expect(lazy.load()).rejects.toThrow('chunk failed');
    expect(lazy.get()).toBeUndefined();
    await expect(lazy.load()).resolves.toEqual({ ok: true });
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
