import { defineConfig } from 'prisma/config'

// The CLI's view of the project. The app itself connects through the
// `pg` driver adapter (app/platform/db.server.ts) and needs no Prisma engine binary.
export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: { path: 'prisma/migrations' },
	datasource: { url: process.env.DATABASE_URL },
})
