// The layering rules of docs/architecture.md, checked by `npm run lint` (decision 016). Each rule's
// comment says what it protects and how to fix a violation. Type-only imports count too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'Import cycles (type-only ones included) make load order fragile and layers meaningless. Fix: move the shared piece down into the lower module (a type into its own file, a helper into domain/ or db/queries/).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'domain/ is pure: no I/O, no framework, no database, no clock. It imports only domain/, luxon, zod, libphonenumber-js and shipped data. Fix: pass the value in (now, settings, rows) from the action that calls it.',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/domain/', '(^|/)node_modules/(luxon|zod|libphonenumber-js)/', '^src/calendar/ru-production-calendar\\.json$'] },
    },
    {
      name: 'low-layers-stay-low',
      severity: 'error',
      comment:
        'db/, payments/ and email/ are building blocks: they never call up into use cases, pages or jobs. Fix: move the calling code into an action (src/actions/) and have it call the building block.',
      from: { path: '^src/(db|payments|email)/' },
      to: { path: '^src/(actions|http|jobs)/' },
    },
    {
      name: 'actions-do-not-know-http',
      severity: 'error',
      comment:
        'Actions are use cases that return results ({kind}); the HTTP layer turns them into pages. Fix: return a result kind from the action and render it in the route (decision 015).',
      from: { path: '^src/actions/' },
      to: { path: '^src/http/' },
    },
    {
      name: 'http-reads-through-queries',
      severity: 'error',
      comment:
        'Routes write through actions and read through db/queries/, never the schema or drizzle directly. Fix: add a function to src/db/queries/<area>.ts and call it.',
      from: { path: '^src/http/' },
      to: { path: ['^src/db/schema/', '(^|/)node_modules/drizzle-orm/'] },
    },
    {
      name: 'wiring-only-from-entry-points',
      severity: 'error',
      comment:
        'deps.ts builds everything; only the entry points (server.ts, cli/) call it. Fix: take the narrow dependencies you need as a parameter, typed with Pick<Deps, ...> from app-deps.ts or the building block\'s own type.',
      from: { path: '^src/', pathNot: '^src/(server\\.ts|cli/)' },
      to: { path: '^src/deps\\.ts$' },
    },
    {
      name: 'building-blocks-take-narrow-deps',
      severity: 'error',
      comment:
        'db/, payments/, email/, calendar/, captcha/, content/ and the queue are what Deps is made of; importing Deps from them is a type cycle. Fix: type the parameter with the building blocks themselves ({ db: Db; clock: Clock }).',
      from: { path: '^src/(db|payments|email|calendar|captcha|accounts|staff|legal|pdf|content)/|^src/(queue|clock|config|log)\\.ts$' },
      to: { path: '^src/app-deps\\.ts$' },
    },
    {
      name: 'sandboxes-are-independent',
      severity: 'error',
      comment:
        'A sandbox is an independent implementation of an outside service: sharing code with our client would let one bug hide in both. Fix: write the sandbox its own version of the helper.',
      from: { path: '^sandbox/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
