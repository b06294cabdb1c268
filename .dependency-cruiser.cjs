/**
 * The boundaries docs/architecture.md draws, checked by `npm test` (scripts/test.mjs runs
 * `depcruise --config .dependency-cruiser.cjs apps packages e2e bench`). Dependencies point
 * one way: apps → packages; the domain imports nothing of ours and does no I/O; the SPA's
 * features stand side by side and the shared code under them never reaches up into one.
 */
const testFile = '(\\.test\\.tsx?$|/src/test/)';

/** One forbidden edge: `from` may not import `to` (paths are relative to the repository root). */
const never = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    never(
      'features-stay-apart',
      'a feature of the SPA never imports another feature: what two features share goes to components/ or lib/ (or the domain), a page that combines them is in app/',
      { path: '^apps/web/src/features/([^/]+)/' },
      { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    ),
    never(
      'shared-code-never-imports-features',
      'components/ and lib/ sit under every feature: they never import one',
      { path: '^apps/web/src/(components|lib)/' },
      { path: '^apps/web/src/features/' },
    ),
    never(
      'domain-is-pure',
      'packages/domain holds pure rules: no other workspace package, no app, no driver',
      { path: '^packages/domain/' },
      { path: '^(apps/|packages/(?!domain/))|@electric-sql|postgres|drizzle|hono' },
    ),
    never(
      'domain-does-no-io',
      'packages/domain imports no Node built-in module (fs, net, crypto, child_process…)',
      { path: '^packages/domain/' },
      { dependencyTypes: ['core'] },
    ),
    never(
      'sip2-stands-alone',
      'packages/sip2 is a SIP2 client: nothing of ours, no HTTP, no database',
      { path: '^packages/sip2/' },
      {
        path: '^(apps/|packages/(?!sip2/)|@library/)|^(node:)?(http|https|http2)$|hono|drizzle|postgres|@electric-sql',
      },
    ),
    never(
      'packages-never-import-apps',
      'packages are below the apps: an app may import a package, never the other way round',
      { path: '^packages/' },
      { path: '^apps/' },
    ),
    never(
      'web-never-imports-the-server',
      'the SPA talks to the BFF over HTTP only',
      { path: '^apps/web/' },
      { path: '^apps/bff/|drizzle|postgres|@electric-sql|hono|@node-rs|^packages/test-kit/' },
    ),
    never(
      'bff-routes-hold-no-sql',
      "a BFF route reads the request and writes the answer; the workflow and its SQL are a service's (docs/architecture.md)",
      { path: '^apps/bff/src/routes/', pathNot: testFile },
      { path: '^apps/bff/src/db/|drizzle-orm' },
    ),
    never(
      'bff-services-know-no-http',
      'a BFF service takes plain values and throws DomainError: no Hono, no cookies, no status codes (lib/ maps codes to statuses)',
      { path: '^apps/bff/src/(services|circulation)/', pathNot: testFile },
      {
        path: '(^|/)hono|^apps/bff/src/(routes|lib/(api-error|session-cookie|request-context|idempotency|require-session|validation))',
      },
    ),
    never(
      'bff-never-imports-the-web',
      'the BFF serves the built SPA as files',
      { path: '^apps/bff/' },
      { path: '^apps/web/' },
    ),
    never(
      'e2e-drives-the-product-from-outside',
      'e2e starts the BFF through packages/test-kit and talks HTTP; it imports no app',
      { path: '^e2e/' },
      { path: '^apps/' },
    ),
    never(
      'test-kit-only-in-tests',
      "the BFF's own code never imports the test kit; its tests and scripts may",
      { path: '^apps/bff/src/', pathNot: testFile },
      { path: '^packages/test-kit/' },
    ),
    never(
      'no-deep-imports',
      'an import that does not resolve: usually a path into another package that its package.json `exports` does not offer (the bench imports @library/bff/db/client, not @library/bff/src/…)',
      { path: '^(apps|packages|e2e|bench)/' },
      { couldNotResolve: true, pathNot: '^virtual:' },
    ),
    never(
      'no-circular',
      'no import cycles (a type-only import back is fine: it leaves nothing at run time)',
      {},
      { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is not followed but kept, and only our own build output is left out (a bare
    // `dist` would drop every package that ships one, hono's included): rules can name packages.
    exclude: {
      path: '^(apps|packages)/[^/]+/dist/|^apps/bff/src/db/migrations/|test-results|^bench/results',
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default', 'types'] },
  },
};
