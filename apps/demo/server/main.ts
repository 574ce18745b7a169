// `pnpm demo`: the marketplace on one URL. Offline by default; real Stripe test mode when
// STRIPE_SECRET_KEY is set; PostgreSQL when DATABASE_URL is set.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoServer } from './create-demo-server';

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../.data');
const port = process.env.PORT ? Number(process.env.PORT) : 5173;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}".`);
  process.exit(1);
}

try {
  const demo = await createDemoServer({
    port,
    dataDir,
    mode: process.env.STRIPE_SECRET_KEY ? 'stripe' : 'sandbox',
    // A fixed sandbox port keeps hosted-page links stable across restarts; falls back when taken.
    sandboxPort: 12111,
    log: (message) => console.log(message),
  });
  console.log(`MarketKit demo: ${demo.url}`);
  const shutdown = () => {
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
