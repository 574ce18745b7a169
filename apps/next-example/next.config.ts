import type { NextConfig } from 'next';

const config: NextConfig = {
  // PGlite (MarketKit's default store) reads its WebAssembly and data files from beside its own code,
  // so Node loads it from node_modules instead of the bundle.
  serverExternalPackages: ['@electric-sql/pglite'],
  // `pnpm typecheck` checks this app with the rest of the monorepo; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Nothing from the network and no files written into the repository: Next.js otherwise checks for
  // upgrades during `next build` and `next dev`, and writes an AGENTS.md beside this file.
  agentRules: false,
  experimental: {
    agentUpgrade: false,
    // `pnpm test` builds from a clean clone on CI, where writing Turbopack's build cache (~10–15 s on two
    // cores) never pays back; this app compiles in under 30 s without it.
    turbopackFileSystemCacheForBuild: false,
  },
};

export default config;
