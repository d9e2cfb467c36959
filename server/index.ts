// `npm start` (and `npm run dev`): the app's only process entry.
// Express and React read NODE_ENV when they load, so it is set first.
process.env.NODE_ENV ??= 'production'
const { main } = await import('./main.ts')
await main()

export {}
