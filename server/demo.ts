// Demo mode (APP_MODE=demo; `npm run demo`): demo cases and one account per
// role are seeded into an empty database, and every start prints the
// accounts with their passwords and TOTP secrets, which are public (README)
// and open nothing but demo data. The demo's recovery key is printed
// nowhere: its private half is dropped when the seed makes it.
import type { Logger } from 'pino'

export async function seedDemo(logger: Logger): Promise<void> {
	const { prisma } = await import('../app/platform/db.server.ts')
	const { seedIfEmpty, DEMO_ACCOUNTS } = await import('../prisma/seed.ts')
	const seeded = await seedIfEmpty(prisma)
	if (seeded)
		logger.info({ cases: seeded.cases, activities: seeded.activities }, 'seeded demo data')
	const demo = Object.values(DEMO_ACCOUNTS)
	const present = await prisma.staffUser.count({
		where: { email: { in: demo.map((account) => account.email) } },
	})
	if (present === 0) return
	console.log(
		'\nDemo accounts (sign in at /staff; the code comes from an authenticator app set up\n' +
			'with the TOTP secret: demo only, real accounts enrol at their first login):\n' +
			demo
				.map(
					(account) =>
						`  ${account.role.padEnd(10)} ${account.email} / ${account.password} / TOTP ${account.totpSecret}`,
				)
				.join('\n') +
			'\n',
	)
}
