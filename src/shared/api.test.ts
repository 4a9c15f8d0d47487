import { describe, expect, it } from 'vitest';
import { API_METHODS, CHANNELS, unwrapBridge, type ApiMethod, type QuireBridge } from './api';
import { ARG_SCHEMAS } from './schemas';

describe('the API contract', () => {
  it('gives every method one domain:action channel of its own', () => {
    const channels = API_METHODS.map((m) => CHANNELS[m]);
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z]+$/);
    expect(new Set(channels).size).toBe(channels.length);
    expect(CHANNELS.printPage).toBe('print:page');
    expect(CHANNELS.savePdf).toBe('print:pdf');
  });

  it('has an argument schema for every method, and no other', () => {
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
  });

  it('unwraps every method of a bridge, values and failures alike', async () => {
    const bridge = Object.fromEntries(
      API_METHODS.map((m) => [m, async (...args: unknown[]) => (m === 'savePdf' ? { ok: false, error: { code: 'unsupported', message: `${m} no` } } : { ok: true, value: [m, ...args] })]),
    ) as unknown as QuireBridge;
    const api = unwrapBridge(bridge);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    expect(await (api.printPage as () => Promise<unknown>)()).toEqual(['printPage']);
    await expect(api.savePdf('a.pdf')).rejects.toMatchObject({ name: 'ApiError', code: 'unsupported', message: 'savePdf no' });
    const method: ApiMethod = 'getArticle';
    expect(await (api[method] as (id: string) => Promise<unknown>)('x')).toEqual(['getArticle', 'x']);
  });
});
