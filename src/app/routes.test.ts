import { describe, expect, it } from 'vitest';
import { classifyConfigRequest } from '../config';
import { appBaseHref, routeOf } from './routes';

describe('routes', () => {
  it('maps paths to pages', () => {
    expect(routeOf('/')).toBe('supervisor');
    expect(routeOf('/index.html')).toBe('supervisor');
    expect(routeOf('/kiosk')).toBe('kiosk');
    expect(routeOf('/kiosk/')).toBe('kiosk');
    expect(routeOf('/wall/kiosk')).toBe('kiosk');
    expect(routeOf('/agent')).toBe('agent');
    expect(routeOf('/boards')).toBe('boards');
    expect(routeOf('/wall/boards/')).toBe('boards');
    expect(routeOf('/kiosks')).toBe('supervisor');
  });

  it('reads the same config.json from every route, keeping ?config=', () => {
    const configUrl = (page: string) => classifyConfigRequest(appBaseHref(page)).url;
    expect(configUrl('http://h:5173/kiosk')).toBe('http://h:5173/config.json');
    expect(configUrl('http://h:5173/kiosk/')).toBe('http://h:5173/config.json');
    expect(configUrl('http://h/wall/kiosk#x')).toBe('http://h/wall/config.json');
    expect(configUrl('http://h/?config=/other.json')).toBe('http://h/other.json');
    expect(configUrl('http://h/kiosk?config=/other.json')).toBe('http://h/other.json');
  });
});
