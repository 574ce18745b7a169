import { parseArgs } from 'node:util';
import { startSandbox } from './index';

const usage = `Usage: marketkit-sandbox [--port 12111] [--state file.json] [--public-url http://localhost:12111]
                         [--webhook-signing per-endpoint|shared]

Starts an offline Stripe Connect API for the real \`stripe\` SDK:
  new Stripe(secretKey, { host: '127.0.0.1', port, protocol: 'http' })
Webhook endpoints get their own signing secret from webhookEndpoints.create, as on Stripe;
--webhook-signing shared signs every endpoint with STRIPE_WEBHOOK_SECRET, like \`stripe listen\`.`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '12111' },
      state: { type: 'string' },
      'public-url': { type: 'string' },
      'webhook-signing': { type: 'string', default: 'per-endpoint' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(
      `--port must be an integer between 0 and 65535 (got ${values.port}).\n\n${usage}`,
    );
    process.exitCode = 1;
    return;
  }
  const signing = values['webhook-signing'];
  if (signing !== 'per-endpoint' && signing !== 'shared') {
    console.error(`--webhook-signing must be per-endpoint or shared (got ${signing}).\n\n${usage}`);
    process.exitCode = 1;
    return;
  }
  const sandbox = await startSandbox({
    port,
    state: values.state,
    publicUrl: values['public-url'],
    webhookSigning: signing,
  });
  // These are sandbox-only test keys: printing them is the point of the CLI.
  console.log(`MarketKit sandbox listening on ${sandbox.url}${values.state ? ` (state: ${values.state})` : ''}
  STRIPE_SECRET_KEY=${sandbox.secretKey}
  STRIPE_PUBLISHABLE_KEY=${sandbox.publishableKey}
  ${signing === 'shared' ? `STRIPE_WEBHOOK_SECRET=${sandbox.webhookSecret}` : 'Webhook secrets: one per endpoint, returned by webhookEndpoints.create'}
  new Stripe(STRIPE_SECRET_KEY, { host: '${sandbox.host}', port: ${sandbox.port}, protocol: 'http' })`);
  const shutdown = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
