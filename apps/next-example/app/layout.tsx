import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import '@marketkit/react/styles.css';
import './globals.css';
import { getMarketkit } from '../lib/marketkit';
import { Providers } from './providers';

export const metadata: Metadata = { title: 'Makers Market on Next.js · a MarketKit example' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: MarketKit (and offline, the sandbox) starts on the first one, never during `next build`.
  await connection();
  const { publishableKey, sandboxUrl } = await getMarketkit();
  return (
    <html lang="en">
      <head>
        {/* Where the sandbox answers, for the browser stand-ins (and for tests that check its state). */}
        {sandboxUrl ? <meta name="marketkit-sandbox" content={sandboxUrl} /> : null}
      </head>
      <body>
        <Providers publishableKey={publishableKey} sandboxUrl={sandboxUrl}>
          <header className="site-header">
            <a href="/">Makers Market</a>
            {sandboxUrl ? <span className="sandbox-badge">Offline sandbox</span> : null}
          </header>
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
