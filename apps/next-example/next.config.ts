import type { NextConfig } from 'next';

const config: NextConfig = {
  // Loaded by Node at run time rather than bundled: MarketKit's server opens PGlite (WebAssembly and
  // data files next to its code) and the sandbox is a whole HTTP server.
  serverExternalPackages: ['@electric-sql/pglite', '@marketkit/server', '@marketkit/sandbox'],
  // `pnpm typecheck` checks this app with the rest of the monorepo; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default config;
