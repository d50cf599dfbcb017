// `npm run lint:cycles`. Only the cycle rule lives here; the layer rules (domain/ imports no I/O or adapters)
// are in eslint.config.js, where editors show them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two modules in a cycle cannot be understood, tested or moved apart: extract what both need.',
      from: {},
      // Type-only imports count: they tie two files together for a reader just the same.
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/', '(^|/)\\.nx/', '\\.gen\\.ts$'] },
    // Workspace libs (@app/*) resolve through their node_modules links to libs/*/src, so a cycle that passes
    // through a lib's index is found too.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
