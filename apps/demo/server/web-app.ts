// The demo's web app, served two ways: through Vite's dev server (hot reload, for people editing it) or
// from a production build (`buildWebApp`), which the e2e tests build once per run: one bundle a page
// loads at once instead of every source module, compiled again, on every fresh browser context.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { InlineConfig } from 'vite';

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../web');

async function viteConfig(): Promise<InlineConfig> {
  const { default: react } = await import('@vitejs/plugin-react');
  return {
    root: webRoot,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    plugins: [react()],
    resolve: {
      conditions: ['@marketkit/source', 'module', 'browser', 'development|production'],
      dedupe: [
        'react',
        'react-dom',
        '@stripe/react-stripe-js',
        '@stripe/react-connect-js',
        '@stripe/stripe-js',
        '@stripe/connect-js',
      ],
    },
    optimizeDeps: {
      // Listed up front so Vite never discovers them mid-session and reloads the page under a test.
      include: [
        'react',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'react-dom',
        'react-dom/client',
        '@stripe/stripe-js',
        '@stripe/stripe-js/pure',
        '@stripe/react-stripe-js',
        '@stripe/connect-js',
        '@stripe/connect-js/pure',
        '@stripe/react-connect-js',
      ],
    },
  };
}

/** Builds the web app for production into `outDir` (what `webBuild` serves). */
export async function buildWebApp(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const config = await viteConfig();
  await build({ ...config, build: { outDir, emptyOutDir: true, reportCompressedSize: false } });
}

export interface WebAppOptions {
  /** A folder `buildWebApp` wrote; without it, Vite's dev server compiles the sources on request. */
  webBuild?: string;
  hotReload: boolean;
  httpServer: Server;
  /** Added to the page's head (the sandbox's meta tag in sandbox mode). */
  head: string;
}

/** Mounts the web app on `app` (after the API routes); returns what closes it. */
export async function mountWebApp(
  app: express.Express,
  options: WebAppOptions,
): Promise<() => Promise<void>> {
  const page = (template: string) => template.replace('<!--marketkit-sandbox-->', options.head);
  if (options.webBuild) {
    const html = page(readFileSync(join(options.webBuild, 'index.html'), 'utf8'));
    app.use(express.static(options.webBuild, { index: false }));
    app.get('/{*path}', (_request, response) => {
      response.status(200).set({ 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    });
    return async () => {};
  }
  const { createServer } = await import('vite');
  const vite = await createServer({
    ...(await viteConfig()),
    appType: 'custom',
    server: {
      middlewareMode: true,
      hmr: options.hotReload ? { server: options.httpServer } : false,
      watch: options.hotReload ? undefined : null,
    },
  });
  app.use(vite.middlewares);
  app.get('/{*path}', async (request, response, next) => {
    try {
      const template = page(readFileSync(join(webRoot, 'index.html'), 'utf8'));
      const html = await vite.transformIndexHtml(request.originalUrl, template);
      response.status(200).set({ 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    } catch (error) {
      vite.ssrFixStacktrace(error as Error);
      next(error);
    }
  });
  return () => vite.close();
}
