/** Dependencies point one way: apps → packages; the domain imports nothing of ours and does no I/O. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'packages/domain holds pure rules: no workspace package, no Node I/O',
      severity: 'error',
      from: { path: '^packages/domain' },
      to: {
        path: '^(apps/|node:|fs$|path$|http$|https$|net$|child_process$|crypto$)|@electric-sql|postgres|drizzle|hono',
      },
    },
    {
      name: 'sip2-stands-alone',
      comment: 'packages/sip2 is a SIP2 client: nothing of ours, no HTTP, no database',
      severity: 'error',
      from: { path: '^packages/sip2' },
      to: {
        path: '^(apps/|packages/(?!sip2/)|@library/)|^(node:)?(http|https|http2)$|hono|drizzle|postgres|@electric-sql',
      },
    },
    {
      name: 'web-never-imports-the-server',
      comment: 'the SPA talks to the BFF over HTTP only',
      severity: 'error',
      from: { path: '^apps/web' },
      to: { path: '^apps/bff|drizzle|postgres|@electric-sql|hono|@node-rs' },
    },
    {
      name: 'bff-never-imports-the-web',
      severity: 'error',
      from: { path: '^apps/bff' },
      to: { path: '^apps/web' },
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
    exclude: { path: '(node_modules|dist|migrations)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default', 'types'] },
  },
};
