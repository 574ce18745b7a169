import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createSandboxServer, type StateControls } from './http/http-server';
import type { SandboxFault } from './http/route';
import {
  type OnboardingFields,
  type OnboardingScenario,
  passingValues,
  submitOnboardingFields,
} from './account-links/onboarding-form';
import { reviewAccount } from './accounts/verification';
import { Engine, type WebhookSigning } from './core/engine';
import { type Pricing, type SandboxState, createState, defaultPricing } from './core/state';
import { closeDispute } from './disputes/disputes';
import { invalidRequest } from './http/errors';
import { advanceClock } from './core/clock';
import { WebhookDispatcher } from './webhook-endpoints/webhook-dispatcher';

export type { SandboxFault, FaultPhase as SandboxFaultPhase } from './http/route';
export type { WebhookSigning as SandboxWebhookSigning } from './core/engine';
export type { Pricing as SandboxPricing } from './core/state';

export interface SandboxOptions {
  /** 0 picks a free port. Default 0 (the CLI defaults to 12111). */
  port?: number;
  host?: '127.0.0.1';
  /** JSON file: loaded on start if present, saved on every change (debounced) and on stop. */
  state?: string;
  clock?: { now?: number };
  platformCountry?: 'US';
  /** Origin used in hosted-page URLs when the sandbox sits behind a proxy. */
  publicUrl?: string;
  /** Fee schedule; defaults to 2.9% + 30 for cards and 1500 per dispute. */
  pricing?: Partial<Pricing>;
  /** First webhook retry delay in ms (doubles per attempt, capped at 8 s). Default 500. */
  webhookRetryBaseMs?: number;
  /**
   * `'per-endpoint'` (default, as Stripe): each webhook endpoint gets its own secret from `webhookEndpoints.create`.
   * `'shared'`: every endpoint signs with `sandbox.webhookSecret`, like `stripe listen`.
   */
  webhookSigning?: WebhookSigning;
}

export interface CompleteOnboardingOptions {
  /** Which of the hosted form's outcomes to submit. Default `'pass'`. */
  scenario?: OnboardingScenario;
  /** Replaces some of Stripe's passing test values, e.g. `{ account_number: '000111111116' }`. */
  values?: Partial<typeof passingValues>;
}

export interface Sandbox {
  url: string;
  host: string;
  port: number;
  secretKey: string;
  publishableKey: string;
  /** The `stripe listen`-style secret: signs every endpoint only with `webhookSigning: 'shared'`. */
  webhookSecret: string;
  /** Spread into `new Stripe(secretKey, { ...sandbox.stripeOptions })`. */
  stripeOptions: { host: string; port: number; protocol: 'http' };
  now(): number;
  advanceClock(seconds: number): Promise<void>;
  /** Resolves when every queued delivery got a 2xx or exhausted its retries. */
  flushWebhooks(): Promise<void>;
  closeDispute(id: string, outcome: 'won' | 'lost'): Promise<void>;
  /**
   * Puts a connected account under a Stripe-style review (`disabled_reason: 'under_review'`) or clears it.
   * Rejection goes through Stripe's own `stripe.accounts.reject(id, { reason })`.
   */
  reviewAccount(accountId: string, state: 'under_review' | 'cleared'): Promise<void>;
  /**
   * Submits the hosted onboarding form for a connected account, as a seller would (prefilled with
   * Stripe's passing test values), for tests and seed data. Returns once requirements are updated.
   */
  completeOnboarding(accountId: string, options?: CompleteOnboardingOptions): Promise<void>;
  injectFault(fault: SandboxFault): void;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

function isState(value: unknown): value is SandboxState {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<SandboxState>;
  return (
    candidate.version === 1 &&
    typeof candidate.keys?.secretKey === 'string' &&
    typeof candidate.accounts === 'object'
  );
}

/** Starts an offline, stateful Stripe Connect API that the real `stripe` SDK can talk to. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const platformCountry = options.platformCountry ?? 'US';
  const startNow = () => options.clock?.now ?? Math.floor(Date.now() / 1000);
  const fresh = () => {
    const state = createState({ now: startNow(), platformCountry });
    state.pricing = { ...defaultPricing, ...options.pricing };
    return state;
  };

  let state: SandboxState | undefined;
  if (options.state && existsSync(options.state)) {
    const loaded: unknown = JSON.parse(readFileSync(options.state, 'utf8'));
    if (!isState(loaded))
      throw new Error(`${options.state} is not a sandbox state file (expected version 1).`);
    state = loaded;
  }
  state ??= fresh();

  let saveTimer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    if (!options.state) return Promise.resolve();
    const file = options.state;
    const text = JSON.stringify(engine.state);
    // Write then rename so a crash never leaves half a file behind.
    saving = saving.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    });
    return saving;
  };
  const scheduleSave = () => {
    if (!options.state || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void save().catch((error: unknown) =>
        console.error('[marketkit-sandbox] could not save state', error),
      );
    }, 200);
  };

  // The URL is known only after listening; hosted links read it through the engine.
  let url = '';
  let engine = new Engine(state, '', scheduleSave);
  const attachWebhooks = (target: Engine) => {
    target.webhookSigning = options.webhookSigning ?? 'per-endpoint';
    target.state.webhookEndpointSecrets ??= {};
    target.webhooks = new WebhookDispatcher({
      endpoints: () => Object.values(target.state.webhookEndpoints),
      // Endpoints saved before per-endpoint secrets existed were given the shared one.
      secret: (endpoint) =>
        target.state.webhookEndpointSecrets[endpoint.id] ?? target.state.keys.webhookSecret,
      retryBaseMs: options.webhookRetryBaseMs,
      onDelivered: scheduleSave,
    });
  };

  const replaceState = (next: SandboxState) => {
    engine.webhooks?.stop();
    engine = new Engine(next, url, scheduleSave);
    attachWebhooks(engine);
    scheduleSave();
  };

  const stateControls: StateControls = {
    async advanceClock(seconds) {
      advanceClock(engine, seconds);
    },
    async closeDispute(id, outcome) {
      closeDispute(engine, id, outcome);
    },
    async reviewAccount(id, state) {
      reviewAccount(engine, engine.accountRecord(id), state);
    },
    async reset() {
      // Keys survive a reset so clients configured with them keep working.
      const next = fresh();
      next.keys = engine.state.keys;
      next.platformAccountId = engine.state.platformAccountId;
      replaceState(next);
    },
    snapshot() {
      return structuredClone(engine.state);
    },
    async restore(value) {
      if (!isState(value))
        throw invalidRequest('Not a sandbox state snapshot (expected version 1).');
      replaceState(structuredClone(value));
    },
    flushWebhooks() {
      return engine.webhooks?.flush() ?? Promise.resolve();
    },
  };

  const server = createSandboxServer(() => engine, stateControls);
  const { controls } = server;
  const port = await server.listen(options.port ?? 0, host);
  url = options.publicUrl?.replace(/\/$/, '') ?? `http://${host}:${port}`;
  engine = new Engine(engine.state, url, scheduleSave);
  attachWebhooks(engine);

  let stopped = false;
  return {
    url,
    host,
    port,
    get secretKey() {
      return engine.state.keys.secretKey;
    },
    get publishableKey() {
      return engine.state.keys.publishableKey;
    },
    get webhookSecret() {
      return engine.state.keys.webhookSecret;
    },
    stripeOptions: { host, port, protocol: 'http' },
    now: () => engine.now(),
    advanceClock: (seconds) => controls.advanceClock(seconds),
    flushWebhooks: () => controls.flushWebhooks(),
    closeDispute: (id, outcome) => controls.closeDispute(id, outcome),
    reviewAccount: (id, state) => controls.reviewAccount(id, state),
    async completeOnboarding(accountId, { scenario = 'pass', values } = {}) {
      const fields: OnboardingFields = { ...passingValues, ...values, scenario, accept_tos: true };
      submitOnboardingFields(engine, engine.accountRecord(accountId), fields);
    },
    injectFault: (fault) => controls.injectFault(fault),
    reset: () => controls.reset(),
    async stop() {
      if (stopped) return;
      stopped = true;
      engine.webhooks?.stop();
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = undefined;
      await server.close();
      await save();
    },
  };
}
