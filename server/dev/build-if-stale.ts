// Runs before the server in `npm start` and `npm run demo`: builds the app
// when the build is missing or stale, then exits, so that the server itself
// runs with plain `node` on the build.
import { ensureFreshBuild } from './build.ts'

ensureFreshBuild((message) => console.log(message))
