// `pnpm check`: what ships in dist/ must never carry the sandbox's stand-ins, a secret, or Storybook code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, 'dist');
const forbidden = [
  ['@marketkit/sandbox', 'the sandbox package'],
  ['installSandboxStripe', 'the Stripe.js stand-in'],
  ['StripeConnect =', 'the Connect.js stand-in'],
  [/sk_(test|live)_[A-Za-z0-9]/, 'a Stripe secret key'],
  [/whsec_[A-Za-z0-9]/, 'a webhook secret'],
  ['stories-support', 'Storybook support code'],
];
const problems = [];
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (!/\.(c?js|css)$/.test(file)) continue;
  const text = readFileSync(join(dist, file), 'utf8');
  for (const [pattern, what] of forbidden) {
    if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text))
      problems.push(`dist/${file} contains ${what}`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('dist/ is free of sandbox stand-ins, secrets and Storybook code');
