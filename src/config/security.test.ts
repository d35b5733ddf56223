import { describe, expect, it } from 'vitest';
import { boardConfigSchema as configSchema } from '../app/modules';
import { isBareOrigin, securitySchema } from './security';

describe('security block', () => {
  it('defaults to empty lists, in the board schema too', () => {
    expect(securitySchema.parse(undefined)).toEqual({ allowedConfigOrigins: [], allowedOrigins: [] });
    expect(configSchema.parse({ sources: {} }).security).toEqual({ allowedConfigOrigins: [], allowedOrigins: [] });
  });

  it('accepts bare http(s) and ws(s) origins', () => {
    for (const o of ['https://boards.example.com', 'http://127.0.0.1:15173', 'ws://127.0.0.1:61614', 'wss://b.example/']) {
      expect(isBareOrigin(o), o).toBe(true);
    }
  });

  it('rejects paths, queries, credentials, other schemes and relative values, naming the field', () => {
    for (const o of ['https://b.example/path', 'https://b.example?x', 'https://u:p@b.example', 'data:x', 'ftp://b', '/x', 'b.example', '*']) {
      expect(isBareOrigin(o), o).toBe(false);
    }
    const r = configSchema.safeParse({ sources: {}, security: { allowedOrigins: ['https://b.example/x'], other: 1 } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('security.allowedOrigins.0');
    expect(paths).toContain('security');
  });
});
