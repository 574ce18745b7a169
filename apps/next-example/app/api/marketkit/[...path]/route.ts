// Every MarketKit route (checkout, orders, onboarding, payouts, webhooks) behind one catch-all handler.
import { getMarketkit } from '../../../../lib/marketkit';

async function handle(request: Request): Promise<Response> {
  const { handler } = await getMarketkit();
  return handler(request);
}

export { handle as GET, handle as POST, handle as PUT };
