// The whole demo in one process and one URL: the Stripe sandbox (or real Stripe test mode), MarketKit's
// router on PGlite (or PostgreSQL), the demo's own routes, and the web app (web-app.ts).
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import cookieParser from 'cookie-parser';
import express from 'express';
import Stripe from 'stripe';
import { startSandbox, type Sandbox } from '@marketkit/sandbox';
import {
  createMarketkitRouter,
  createPgliteStore,
  createPostgresStore,
  createStaticPricing,
  type Logger,
  type Store,
} from '@marketkit/server';
import { DEMO_PRODUCTS } from './demo-data';
import { createDemoRoutes } from './demo-routes';
import { createSellerAccounts } from './seller-accounts';
import { mountWebApp } from './web-app';
import { seedDemo } from './seed';
import { loadCookieSecret, readSession } from './session';

export interface DemoServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Sandbox state, PGlite database and the cookie secret live here. */
  dataDir: string;
  /** `sandbox` runs offline; `stripe` uses real Stripe test mode with the keys in `env`. */
  mode: 'sandbox' | 'stripe';
  /** Port for the in-process sandbox (default 0 = any free port). */
  sandboxPort?: number;
  /** Unix seconds the sandbox clock starts at for a new data folder (screenshot tests pin it). */
  sandboxClock?: number;
  /** Defaults to `process.env`; read for the Stripe keys and DATABASE_URL. */
  env?: Record<string, string | undefined>;
  /** Hot reload for people editing the web app; tests turn it off. */
  hotReload?: boolean;
  /** Serve this production build of the web app (`buildWebApp`) instead of compiling it with Vite. */
  webBuild?: string;
  log?: (message: string) => void;
}

export interface DemoServer {
  url: string;
  port: number;
  mode: 'sandbox' | 'stripe';
  stripe: Stripe;
  /** null in Stripe test mode. */
  sandbox: Sandbox | null;
  store: Store;
  /** The connected account MarketKit created for a demo user, if any (read from Stripe). */
  accountIdFor(userId: string): Promise<string | null>;
  /** Waits until delivered webhooks are processed and planned transfers have run. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** MarketKit's log lines as one readable line each: level, request id, route, code and message. */
export function createDemoLogger(log: (message: string) => void): Logger {
  const line = (level: string) => (object: Record<string, unknown>, message?: string) => {
    const { requestId, route, code, ...rest } = object;
    const detail = (rest.message ?? (rest.err as { message?: string } | undefined)?.message) as
      string | undefined;
    const parts = [level, requestId, route, code, message, detail].filter(
      (part) => typeof part === 'string' && part.length > 0,
    );
    log(`[marketkit] ${parts.join(' · ')}`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

function requireEnv(env: Record<string, string | undefined>, name: string): string {
  const value = env[name];
  if (!value) {
    throw new Error(
      `${name} is required when STRIPE_SECRET_KEY is set (Stripe test mode). Set it or unset STRIPE_SECRET_KEY to run offline.`,
    );
  }
  return value;
}

// Each demo endpoint signs with its own secret, as on Stripe (platform and `connect: true`).
async function startPreferringPort(
  port: number,
  state: string,
  now: number | undefined,
): Promise<Sandbox> {
  const clock = now === undefined ? {} : { clock: { now } };
  try {
    return await startSandbox({ port, host: '127.0.0.1', state, ...clock });
  } catch (error) {
    // Something else on the preferred port (another demo, a CLI sandbox): any free port works as well.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    return startSandbox({ port: 0, host: '127.0.0.1', state, ...clock });
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

export async function createDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  mkdirSync(options.dataDir, { recursive: true });
  // Everything started so far, stopped in reverse order by close() or when start-up fails half-way.
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  try {
    let sandbox: Sandbox | null = null;
    let stripe: Stripe;
    let publishableKey: string;
    // Offline: set once the sandbox endpoints exist (below); test mode: `stripe listen`'s secret, or the
    // two endpoints' secrets separated by a comma.
    let webhookSecret: string | string[] = [];
    if (options.mode === 'sandbox') {
      sandbox = await startPreferringPort(
        options.sandboxPort ?? 0,
        join(options.dataDir, 'sandbox.json'),
        options.sandboxClock,
      );
      const started = sandbox;
      closers.push(() => started.stop());
      stripe = new Stripe(sandbox.secretKey, { ...sandbox.stripeOptions, maxNetworkRetries: 2 });
      publishableKey = sandbox.publishableKey;
    } else {
      const secretKey = requireEnv(env, 'STRIPE_SECRET_KEY');
      if (!secretKey.startsWith('sk_test_') && !secretKey.startsWith('rk_test_')) {
        throw new Error('The demo only runs against Stripe test mode: use an sk_test_… key.');
      }
      stripe = new Stripe(secretKey, { maxNetworkRetries: 2 });
      publishableKey = requireEnv(env, 'STRIPE_PUBLISHABLE_KEY');
      if (!publishableKey.startsWith('pk_test_')) {
        throw new Error('STRIPE_PUBLISHABLE_KEY must be a test-mode key (pk_test_…).');
      }
      webhookSecret = requireEnv(env, 'STRIPE_WEBHOOK_SECRET')
        .split(',')
        .map((secret) => secret.trim());
    }

    const databaseUrl = env.DATABASE_URL;
    const store = databaseUrl
      ? createPostgresStore({ connectionString: databaseUrl })
      : createPgliteStore({ dataDir: join(options.dataDir, 'pglite') });
    closers.push(() => store.close());

    const app = express();
    app.disable('x-powered-by');
    const httpServer = createServer(app);
    // Listen first: Stripe's return and refresh links need the real port (0 = any free one) before the
    // router is created. Nothing knows the URL until this function returns, so no request arrives early.
    const port = await listen(httpServer, options.port, host);
    const publicUrl = `http://${host}:${port}`;
    closers.push(
      () =>
        new Promise<void>((resolveClose) => {
          httpServer.close(() => resolveClose());
          httpServer.closeAllConnections();
        }),
    );

    // The endpoints exist before the router so it is built with their secrets.
    if (sandbox)
      webhookSecret = await registerSandboxWebhooks(stripe, `${publicUrl}/api/marketkit/webhooks`);
    const marketkit = createMarketkitRouter({
      stripe,
      store,
      webhookSecret,
      authenticate: (request) => {
        const user = readSession(request);
        return user
          ? {
              userId: user.userId,
              role: user.role,
              displayName: user.displayName,
              email: user.email,
            }
          : null;
      },
      platform: { country: 'US', defaultCurrency: 'usd', currencies: ['usd'] },
      // The platform keeps 10% of each seller's subtotal and pays Stripe's processing fee from it.
      fees: { basisPoints: 1000 },
      // Prices come from the demo's catalogue on this server; the browser only names products.
      pricing: createStaticPricing(
        Object.fromEntries(
          DEMO_PRODUCTS.map((product) => [
            product.id,
            {
              sellerId: product.sellerId,
              description: product.name,
              amount: product.amount,
              currency: product.currency,
            },
          ]),
        ),
      ),
      urls: {
        apiBase: `${publicUrl}/api/marketkit`,
        onboardingReturn: `${publicUrl}/#/seller`,
        // The pages are served from this origin; `localhost` is the same server under another name.
        allowedOrigins: [publicUrl, `http://localhost:${port}`],
      },
      // Refusals and failures reach the terminal with the request id the browser saw.
      logger: createDemoLogger(log),
    });

    closers.push(() => marketkit.marketkit.close());

    app.use(cookieParser(loadCookieSecret(options.dataDir)));
    app.use('/api/marketkit', marketkit);

    const settle = async () => {
      if (sandbox) await sandbox.flushWebhooks();
      await marketkit.marketkit.worker.drain();
    };
    const sellerAccounts = createSellerAccounts(stripe);
    app.use(
      '/api',
      createDemoRoutes({
        mode: options.mode,
        publishableKey,
        sandboxUrl: sandbox?.url ?? null,
        stripe,
        sellerAccounts,
        sandbox,
        settle,
      }),
    );

    closers.push(
      await mountWebApp(app, {
        webBuild: options.webBuild,
        hotReload: options.hotReload !== false,
        httpServer,
        head: sandbox ? `<meta name="marketkit-sandbox" content="${sandbox.url}">` : '',
      }),
    );

    await marketkit.marketkit.ready;

    const seed = await seedDemo({
      stripe,
      sandbox,
      ensureAccount: (user) => marketkit.marketkit.accounts.ensureAccount(user),
    });
    if (!sandbox) {
      log(
        'Stripe test mode: the seeded sellers have accounts but must finish onboarding themselves.',
      );
    }
    // Let the account.updated webhooks from seeding land before the first page asks for status.
    if (seed.seeded) await settle();

    let closed = false;
    return {
      url: publicUrl,
      port,
      mode: options.mode,
      stripe,
      sandbox,
      store,
      accountIdFor: (userId) => sellerAccounts.accountIdFor(userId),
      settle,
      async close() {
        if (closed) return;
        closed = true;
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
}

// The sandbox keeps its state across restarts, but the demo's port can change: replace stale endpoints.
async function registerSandboxWebhooks(stripe: Stripe, url: string): Promise<string[]> {
  const existing = await stripe.webhookEndpoints.list({ limit: 100 });
  for (const endpoint of existing.data) {
    if (endpoint.url.endsWith('/api/marketkit/webhooks'))
      await stripe.webhookEndpoints.del(endpoint.id);
  }
  const platform = await stripe.webhookEndpoints.create({ url, enabled_events: ['*'] });
  const connect = await stripe.webhookEndpoints.create({
    url,
    enabled_events: ['*'],
    connect: true,
  });
  return [platform.secret!, connect.secret!];
}
