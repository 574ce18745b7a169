// Entry point. In sandbox mode the server adds a `marketkit-sandbox` meta tag; the stand-ins for Stripe.js
// and Connect.js must be installed before any `@stripe/*` module loads, so the app itself is imported after.
import './styles.css';

async function start(): Promise<void> {
  if (document.querySelector('meta[name="marketkit-sandbox"]')) {
    await import('@marketkit/sandbox/browser/install');
  }
  const { mountApp } = await import('./app');
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html needs a #root element.');
  mountApp(root);
}

void start();
