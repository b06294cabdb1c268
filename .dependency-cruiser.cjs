/**
 * The boundaries docs/architecture.md draws, checked by `npm test` (scripts/test.mjs runs
 * `depcruise --config .dependency-cruiser.cjs apps packages e2e bench`). Dependencies point
 * one way: apps → packages; the domain imports nothing of ours and does no I/O; the SPA's
 * features stand side by side and the shared code under them never reaches up into one.
 */
const testFile = '(\\.test\\.tsx?$|/src/test/)';

module.exports = {
  forbidden: [
    {
      name: 'features-stay-apart',
      comment:
        'a feature of the SPA never imports another feature: what two features share goes to components/ or lib/ (or the domain), a page that combines them is in app/',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'shared-code-never-imports-features',
      comment: 'components/ and lib/ sit under every feature: they never import one',
      severity: 'error',
      from: { path: '^apps/web/src/(components|lib)/' },
      to: { path: '^apps/web/src/features/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'packages/domain holds pure rules: no other workspace package, no app, no Node I/O, no driver',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^(apps/|packages/(?!domain/))|@electric-sql|postgres|drizzle|hono' },
    },
    {
      name: 'domain-does-no-io',
      comment: 'packages/domain imports no Node built-in module (fs, net, crypto, child_process…)',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'packages-never-import-apps',
      comment: 'packages are below the apps: an app may import a package, never the other way round',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-never-imports-the-server',
      comment: 'the SPA talks to the BFF over HTTP only',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/bff/|drizzle|postgres|@electric-sql|hono|@node-rs|^packages/test-kit/' },
    },
    {
      name: 'bff-never-imports-the-web',
      severity: 'error',
      from: { path: '^apps/bff/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'e2e-drives-the-product-from-outside',
      comment: 'e2e starts the BFF through packages/test-kit and talks HTTP; it imports no app',
      severity: 'error',
      from: { path: '^e2e/' },
      to: { path: '^apps/' },
    },
    {
      name: 'test-kit-only-in-tests',
      comment: "the BFF's own code never imports the test kit; its tests and scripts may",
      severity: 'error',
      from: { path: '^apps/bff/src/', pathNot: testFile },
      to: { path: '^packages/test-kit/' },
    },
    {
      name: 'no-deep-imports',
      comment:
        'an import that does not resolve: usually a path into another package that its package.json `exports` does not offer (the bench imports @library/bff/db/client, not @library/bff/src/…)',
      severity: 'error',
      from: { path: '^(apps|packages|e2e|bench)/' },
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|migrations|test-results|bench/results)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default', 'types'] },
  },
};
