import { describe, expect, it } from 'vitest';

// Node environment: no window, as during server rendering.
describe('on the server', () => {
  it('imports without touching window and the install entry does nothing', async () => {
    await expect(import('./install')).resolves.toBeDefined();
    expect('Stripe' in globalThis).toBe(false);
  });

  it('explains that installSandboxStripe needs a browser', async () => {
    const { installSandboxStripe } = await import('./index');
    expect(() => installSandboxStripe({ apiBase: 'http://127.0.0.1:1' })).toThrow(
      /needs a browser `window`/,
    );
  });
});
