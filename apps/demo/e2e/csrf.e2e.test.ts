// The cross-site attacks from issue 12, made by a real browser: a signed-in seller visits another
// origin (same site, so even a SameSite=Lax session cookie goes along) whose page posts a form and a
// no-cors fetch at MarketKit. Both are refused and no payout is made.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT_MS, useDemoHarness } from './harness';

const harness = useDemoHarness('csrf');

describe('cross-site requests', () => {
  let evil: Server;
  let evilUrl = '';
  let target = '';

  beforeAll(async () => {
    target = `${harness.demo.url}/api/marketkit`;
    evil = createServer((request, response) => {
      const forms: Record<string, string> = {
        // The attack: an empty form posted to POST /payouts paid out the whole balance.
        '/empty-form': `<form method="POST" action="${target}/payouts"></form>`,
        // A text/plain form can carry a JSON-looking body: name + "=" + value.
        '/json-form': `<form method="POST" action="${target}/checkout" enctype="text/plain">
             <input name='{"currency":"usd","items":[{"itemId":"prod-mug","quantity":1}],"x":"' value='"}'>
           </form>`,
      };
      const form = forms[request.url ?? ''];
      const page = form
        ? `${form}<script>document.forms[0].submit()</script>`
        : `<script>
               window.attack = Promise.all([
                 fetch('${target}/payouts', { method: 'POST', mode: 'no-cors', credentials: 'include',
                   headers: { 'Content-Type': 'text/plain' }, body: '{"method":"instant"}' }),
                 fetch('${target}/login-links', { method: 'POST', mode: 'no-cors', credentials: 'include' }),
               ]).then(() => 'sent');
             </script>`;
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html>${page}`);
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => evil?.close(resolve));
  });

  async function payoutsOfAda() {
    const accountId = (await harness.demo.accountIdFor('seller-ada'))!;
    const page = await harness.demo.stripe.payouts.list(
      { limit: 100 },
      { stripeAccount: accountId },
    );
    return page.data.length;
  }

  it('refuses a form and a no-cors fetch from another origin carrying the seller’s cookie', async () => {
    const { page } = harness;
    await harness.signIn(page, 'seller-ada');
    const before = await payoutsOfAda();

    for (const [form, route] of [
      ['/empty-form', '/payouts'],
      ['/json-form', '/checkout'],
    ]) {
      await page.goto(`${evilUrl}${form}`);
      await page.waitForURL(`${target}${route}`, { timeout: WAIT_MS });
      const answer = JSON.parse((await page.textContent('body')) ?? '{}') as {
        error?: { code?: string };
      };
      expect(answer.error?.code, form).toBe('cross_origin_forbidden');
    }

    await page.goto(`${evilUrl}/fetch`);
    expect(
      await page.evaluate(() => (window as unknown as { attack: Promise<string> }).attack),
    ).toBe('sent');
    await harness.demo.settle();
    expect(await payoutsOfAda()).toBe(before);
  });
});
