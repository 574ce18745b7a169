// `pnpm check`: the CommonJS build works for an app that `require`s it (Jest without ESM, older tooling). A part
// that loads on demand must come from the same build: `import()` would resolve its ESM entry, whose provider
// context is not the one the app rendered, and the part would throw that it is outside <MarketkitProvider>.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { JSDOM } = require('jsdom');

const dist = join(__dirname, 'dist');
const problems = [];
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (file.endsWith('.cjs') && /\bimport\(/.test(readFileSync(join(dist, file), 'utf8')))
    problems.push(`dist/${file} loads a part with import(), which reaches the ESM build`);
}

// A seller with one signal: RiskBanner's signals are a part loaded on demand.
const report = {
  accountId: 'acct_1SellerAda',
  highestSeverity: 'critical',
  generatedAt: 1_767_225_600,
  signals: [
    { id: 'sig_rejected', kind: 'account_rejected', severity: 'critical', remediation: 'none' },
  ],
};
const { window } = new JSDOM('<!doctype html><div id="root"></div>', { url: 'http://localhost/' });
Object.assign(globalThis, { window, document: window.document, navigator: window.navigator });
const React = require('react');
const { createRoot } = require('react-dom/client');
const { MarketkitProvider, RiskBanner } = require('./dist/index.cjs');

class Boundary extends React.Component {
  state = { error: undefined };
  static getDerivedStateFromError(error) {
    return { error };
  }
  render() {
    return this.state.error ? `crashed: ${this.state.error.message}` : this.props.children;
  }
}

const root = window.document.getElementById('root');
const fetch = async () => Response.json(report);
// React logs the caught error itself; the check reports it once, below.
console.error = () => {};
createRoot(root).render(
  React.createElement(
    Boundary,
    null,
    React.createElement(
      MarketkitProvider,
      { apiBase: '/api/marketkit', publishableKey: 'pk_test_check', fetch },
      React.createElement(RiskBanner),
    ),
  ),
);

const expected = 'Your account was rejected. Contact support.';
const started = Date.now();
const timer = setInterval(() => {
  const text = root.textContent ?? '';
  const done = text.includes(expected) || text.startsWith('crashed:');
  if (!done && Date.now() - started < 10_000) return;
  clearInterval(timer);
  if (!text.includes(expected))
    problems.push(`RiskBanner's signals in a CommonJS app: expected "${expected}", got "${text}"`);
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.exit(1);
  }
  console.log(
    'dist/*.cjs loads its on-demand parts from the CommonJS build (RiskBanner signals render)',
  );
  process.exit(0);
}, 20);
