// About a dozen demo activities a year over three years: information events
// and trainings with their participants, advice to institutions mostly
// without. Spread over every quarter, recorded by the demo counsellor and
// lead. Fixed, so that the demo looks the same on every machine.
import { ACTIVITY_AUDIENCES, type ActivityKind } from '../app/platform/taxonomy.ts'
import type { PrismaClient } from '../app/generated/prisma/client'

const DAY = 86_400_000
/** Advice goes to an institution, never to "the public". */
const INSTITUTIONS = ACTIVITY_AUDIENCES.filter((audience) => audience !== 'public')

/** One month's activity of the pattern: its kind, participants and the office's minutes. */
const PATTERN: Array<{ kind: ActivityKind; participants: number | null; minutes: number }> = [
	{ kind: 'information_event', participants: 35, minutes: 180 },
	{ kind: 'institution_advice', participants: null, minutes: 90 },
	{ kind: 'training', participants: 18, minutes: 360 },
	{ kind: 'information_event', participants: 60, minutes: 240 },
	{ kind: 'institution_advice', participants: 4, minutes: 120 },
	{ kind: 'training', participants: 12, minutes: 270 },
]

export async function seedDemoActivities(
	prisma: PrismaClient,
	options: { counsellorId: string; leadId: string; now?: Date },
): Promise<number> {
	const now = options.now ?? new Date()
	const today = Math.floor(now.getTime() / DAY) * DAY
	const rows = Array.from({ length: 36 }, (_, index) => {
		const pattern = PATTERN[index % PATTERN.length]!
		// One a month, back from last week, on varying days of the month.
		const heldOn = new Date(today - 7 * DAY - index * 30 * DAY - (index % 5) * 3 * DAY)
		return {
			heldOn,
			kind: pattern.kind,
			audience:
				pattern.kind === 'institution_advice'
					? INSTITUTIONS[index % INSTITUTIONS.length]!
					: ACTIVITY_AUDIENCES[(index * 7) % ACTIVITY_AUDIENCES.length]!,
			participants: pattern.participants === null ? null : pattern.participants + (index % 4) * 5,
			minutes: pattern.minutes,
			recordedById: index % 3 === 0 ? options.leadId : options.counsellorId,
		}
	})
	await prisma.activity.createMany({ data: rows })
	return rows.length
}
