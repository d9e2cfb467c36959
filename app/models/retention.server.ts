// The retention rule (product.md): personal data of cases closed longer than
// the retention period are deleted; the anonymised statistical record stays.
// Run daily by the server and on demand by `npm run jobs:retention`.
// Idempotent, so several instances may run it.
import { prisma } from '~/db.server'
import { recordAudit } from './audit.server'
import { getRetentionMonths } from './office-settings.server'
import { erasePersonalData } from './personal-data.server'

/** The moment before which a closing makes personal data due for deletion. */
export function retentionCutoff(now: Date, months: number): Date {
	const cutoff = new Date(now)
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
	return cutoff
}

export async function runRetention(now = new Date()): Promise<{ deleted: string[] }> {
	const months = await getRetentionMonths()
	const due = await prisma.case.findMany({
		where: {
			status: { in: ['CLOSED', 'NOT_DISCRIMINATION'] },
			closedAt: { lt: retentionCutoff(now, months) },
			personalDataDeletedAt: null,
		},
		select: { id: true, reference: true },
	})
	for (const found of due) {
		await erasePersonalData(found.id, 'retention', now)
		await recordAudit({
			action: 'case.personal-data-deleted',
			caseId: found.id,
			caseReference: found.reference,
			detail: { reason: 'retention', months },
		})
	}
	await recordAudit({ action: 'retention.run', detail: { deleted: due.length, months } })
	return { deleted: due.map((found) => found.reference) }
}
