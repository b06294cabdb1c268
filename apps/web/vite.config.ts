import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Writes `file.br` beside every hashed JS and CSS file of the build (best brotli quality, once,
 * at build time), which the BFF serves to browsers that accept br (serveStatic `precompressed`):
 * ≈ 15 % fewer bytes than gzip on the phone's connection, and no compression per request.
 * Only assets/: their names change with their content, so a copy can never go stale; sw.js,
 * index.html and the manifest (small, revalidated, and replaced in place by a deployment) are
 * gzipped on the fly. The PWA's precache globs list no .br file.
 */
function brotliAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'library:brotli-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const assets = join(outDir, 'assets');
        for (const name of readdirSync(assets, { recursive: true, encoding: 'utf8' })) {
          if (!/\.(js|css)$/.test(name)) continue;
          const file = join(assets, name);
          const bytes = readFileSync(file);
          if (bytes.length < 1024) continue;
          const br = brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          });
          if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
        }
      },
    },
  };
}

/**
 * The login page's own copy of zod (ADR 0021). A module lands in one chunk only, so with one zod
 * the login page got zod's core as the classic schemas of the registration and settings pages
 * need it (every string format, 14.8 KB gz) although its schema, in zod/mini, uses a sixth of
 * it. The mini schemas it loads (the login schema and the patron number, I1) import zod from a
 * copy of their own, tree-shaken for them alone (≈ 6 KB gz). Both copies are the same zod 4 and
 * meant to live side by side: its global config (jitless, main.tsx) and registry are on
 * globalThis, and a classic z.object() takes a mini field from the other copy (registration).
 * Only the build: tests and the BFF import the one zod.
 */
const LOGIN_SCHEMA_MODULE = /\/packages\/domain\/src\/(auth\/login-schema|patron\/patron-number)\.ts$/;
const LOGIN_ZOD = '\0login-zod:';

function loginZod(): Plugin {
  return {
    name: 'library:login-zod',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const fromCopy = importer?.startsWith(LOGIN_ZOD);
      const fromLoginSchema =
        importer !== undefined && LOGIN_SCHEMA_MODULE.test(importer) && /^zod(\/|$)/.test(source);
      if (!fromCopy && !fromLoginSchema) return null;
      const realImporter = fromCopy ? importer!.slice(LOGIN_ZOD.length) : importer;
      const resolved = await this.resolve(source, realImporter, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      // zod's package.json says sideEffects: false; a virtual id must say it itself.
      return { id: `${LOGIN_ZOD}${resolved.id}`, moduleSideEffects: false };
    },
    load(id) {
      return id.startsWith(LOGIN_ZOD) ? readFileSync(id.slice(LOGIN_ZOD.length), 'utf8') : null;
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    loginZod(),
    brotliAssets(),
    VitePWA({
      // A new version waits until the patron presses 「更新する」 (src/lib/service-worker.ts):
      // reloading under someone in the middle of a renewal would lose their selection.
      registerType: 'prompt',
      // We register the worker ourselves from main.tsx: no inline script (CSP script-src 'self')
      // and no workbox-window in the bundle.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '柳川市立図書館 貸出延長サービス',
        short_name: '柳川図書館',
        description:
          '柳川市立図書館の貸出期間延長サービス。借りている資料の確認と貸出延長、図書館カレンダーの確認ができます。',
        lang: 'ja',
        dir: 'ltr',
        start_url: '/portal',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1d4f73',
        background_color: '#f4f6f8',
        categories: ['books', 'education'],
        icons: [
          { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/pwa-maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell only. /api answers are personal: they never go to Cache Storage; the
        // offline copy of the patron's data is the persisted query cache in IndexedDB, which
        // logout and any 401 clear (src/lib/offline-cache.ts).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The common-password list (≈ 220 KB gz) is only for choosing a password, which needs the
        // server anyway: it loads on demand instead of with every install of the app.
        globIgnores: ['**/common-passwords-*.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once, so lazy route chunks load offline too.
        // Later versions still wait for 「更新する」 (skipWaiting stays off).
        clientsClaim: true,
        skipWaiting: false,
        // Web push (show the notification, open 貸出一覧 on click) is a small hand-written file
        // beside the generated worker, so the generated precache and update prompt stay as they are.
        importScripts: ['/push-sw.js'],
      },
    }),
  ],
  // The manifest lets scripts/bundle-budget.mjs walk each route's chunks (npm test checks the sizes).
  // No modulepreload polyfill (≈ 0.6 KB gz in the entry): every browser of target es2022 but
  // Safari < 17 and Firefox < 115 supports <link rel="modulepreload">, and those two still load
  // the same chunks, only one after another.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'frame',
              test: (id: string) =>
                /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(react|react-dom|scheduler|@tanstack\/query-core|@tanstack\/react-query|rosetta|dlv|templite|wouter|regexparam|use-sync-external-store)\//.test(
                  id,
                ) ||
                (/\/apps\/web\/src\/(app\/[^/]+\.tsx|lib\/[^/]+\.ts|components\/layout\/|config\/|i18n\/ja\/common)/.test(
                  id,
                ) &&
                  !/offline-persister|common-passwords|web-push|use-form|step-state/.test(id)),
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080' },
  },
});
