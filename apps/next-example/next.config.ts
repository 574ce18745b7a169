import type { NextConfig } from 'next';

const config: NextConfig = {
  // PGlite (MarketKit's default store) reads its WebAssembly and data files from beside its own code,
  // so Node loads it from node_modules instead of the bundle.
  serverExternalPackages: ['@electric-sql/pglite'],
  // `pnpm typecheck` checks this app with the rest of the monorepo; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default config;
