import fc from 'fast-check'
import { prisma } from '~/platform/db.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { recordActivity } from '~/features/activities/activities.server'
import {
	ActivityChangeSchema,
	ActivityDeletionSchema,
	ActivitySchema,
} from '~/features/activities/activity-schemas'
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS } from '~/platform/taxonomy'
import * as activitiesRoute from '~/routes/staff.activities'
import { createSignedInStaff } from '../../support/staff'
import {
	choiceOrNot,
	envelope,
	extraParts,
	fieldNames,
	fieldsFor,
	hostile,
	intentOrNot,
	toParts,
} from '../arbitraries'
import { checkEcho, conformValues, echoedFields, refusedBy, requestOf, urlEncoded } from '../bodies'
import { inList } from '../office'
import { dateText } from './casework'
import {
	type FuzzProperty,
	type InputOf,
	answerOf,
	ensure,
	ensureErrorsNamed,
	isRecord,
	locationOf,
	replyOf,
	runProperty,
} from '../runner'

// ---------------------------------------------------------------------------
// 6. Activities beyond cases (POST /staff/activities), as a counsellor

const ACTIVITY_SCHEMAS = {
	record: ActivitySchema,
	change: ActivityChangeSchema,
	delete: ActivityDeletionSchema,
} as const

/** A number field as typed: in range, just outside, in quarter hours or not, or no number. */
const numberText = fc
	.oneof(
		fc.integer({ min: -10, max: 100_010 }).map(String),
		fc.double({ min: -1, max: 120, noNaN: true }).map((value) => value.toFixed(2)),
		fc.constantFrom('0.25', '1.5', '1,5', '1e2', ' 2 ', '0x10', 'Infinity', ''),
		hostile,
	)
	.map((v) => [v])

export const activityInput = fc.record({
	intent: intentOrNot(Object.keys(ACTIVITY_SCHEMAS)),
	fields: fieldsFor([...Object.values(ACTIVITY_SCHEMAS).flatMap(fieldNames)], {
		heldOn: dateText.map((v) => [v]),
		kind: choiceOrNot(ACTIVITY_KINDS),
		audience: choiceOrNot(ACTIVITY_AUDIENCES),
		participants: numberText,
		hours: numberText,
		id: fc.oneof(fc.constantFrom('own', 'colleague'), fc.uuid(), hostile).map((v) => [v]),
		confirmed: fc.oneof(fc.constant('yes'), hostile).map((v) => [v]),
	}),
	extras: extraParts,
	envelope,
})

const activityExample = (
	intent: string,
	fields: Record<string, string[]>,
): InputOf<typeof activityInput> => ({
	intent: [intent],
	fields,
	extras: [],
	envelope: { kind: 'urlencoded' },
})

/** Posts that must be refused cleanly, never a 500. */
const ACTIVITY_EXAMPLES = [
	// A year PostgreSQL's date type does not have.
	activityExample('record', {
		heldOn: ['0000-01-01'],
		kind: ['training'],
		audience: ['public'],
		participants: ['3'],
		hours: ['1'],
	}),
	// An id that is no UUID reaches no query.
	activityExample('delete', { id: ['\u0000'] }),
	activityExample('change', {
		id: ['colleague'],
		heldOn: ['2025-01-01'],
		kind: ['training'],
		audience: ['public'],
		participants: ['3'],
		hours: ['1'],
	}),
]

const snapshot = (id: string) =>
	prisma.activity.findUnique({
		where: { id },
		select: {
			heldOn: true,
			kind: true,
			audience: true,
			participants: true,
			minutes: true,
			recordedById: true,
		},
	})

const anActivity = {
	heldOn: new Date(Date.UTC(2025, 2, 14)),
	kind: 'training' as const,
	audience: 'education' as const,
	participants: 20,
	hours: 2,
}

export const activityProperty: FuzzProperty = {
	name: 'activities (POST /staff/activities)',
	runs: (base) => base,
	async run(numRuns, seed) {
		const counsellor = await createSignedInStaff('COUNSELLOR', 'fuzz-activity-counsellor')
		const colleague = await createSignedInStaff('COUNSELLOR', 'fuzz-activity-colleague')
		const newest = async (staffId: string) =>
			(
				await prisma.activity.findFirstOrThrow({
					where: { recordedById: staffId },
					orderBy: { recordedAt: 'desc' },
					select: { id: true },
				})
			).id
		await recordActivity(colleague.actor, anActivity)
		const colleagues = await newest(colleague.user.id)
		const theirs = await snapshot(colleagues)
		await recordActivity(counsellor.actor, anActivity)
		let own = await newest(counsellor.user.id)
		return runProperty(
			this.name,
			activityInput,
			async (input) => {
				const ids = new Map([
					['own', own],
					['colleague', colleagues],
				])
				const fields = { ...input.fields, id: input.fields.id?.map((v) => ids.get(v) ?? v) }
				const parts = [...toParts({ intent: input.intent }), ...toParts(fields), ...input.extras]
				const answer = await answerOf(
					activitiesRoute.action,
					requestOf('http://127.0.0.1/staff/activities', parts, input.envelope, counsellor.cookie),
				)

				// Whatever arrives, the colleague's activity is as it was, and every stored one is valid.
				ensure(
					JSON.stringify(await snapshot(colleagues)) === JSON.stringify(theirs),
					'a counsellor changed a colleague’s activity',
				)
				const stored = await prisma.activity.findMany({
					select: { kind: true, audience: true, participants: true, minutes: true },
				})
				ensure(
					stored.every(
						(row) =>
							inList(ACTIVITY_KINDS, row.kind) &&
							inList(ACTIVITY_AUDIENCES, row.audience) &&
							(row.participants === null || row.participants >= 0) &&
							row.minutes % 15 === 0,
					),
					'an activity holds a value the form refuses',
				)

				const intent = input.intent[0] ?? ''
				const wellFormed =
					input.envelope.kind === 'urlencoded' &&
					Buffer.byteLength(urlEncoded(parts)) <= FORM_BODY_LIMIT
				const refused =
					wellFormed && Object.hasOwn(ACTIVITY_SCHEMAS, intent)
						? refusedBy(ACTIVITY_SCHEMAS[intent as keyof typeof ACTIVITY_SCHEMAS], parts)
						: null
				if (refused)
					ensure(answer.status === 400, `an invalid "${intent}" was answered ${answer.status}`)
				if (refused === false)
					ensure(answer.status !== 400, `a valid "${intent}" was refused with 400`)
				ensureErrorsNamed(answer)
				const data = isRecord(answer.data) ? answer.data : {}
				const typed = replyOf(data).initialValue
				if (answer.status === 400 && isRecord(typed))
					checkEcho(
						typed,
						parts,
						input.envelope,
						conformValues,
						echoedFields(Object.keys(input.fields), parts),
					)

				// A deletion of the counsellor's own leaves a new one for the next runs.
				if (!(await snapshot(own))) {
					await recordActivity(counsellor.actor, anActivity)
					own = await newest(counsellor.user.id)
				}
				const done = locationOf(answer)?.startsWith('/staff/activities?') ?? false
				const named = Object.hasOwn(ACTIVITY_SCHEMAS, intent) ? intent : 'no intent'
				return done ? `${named} done` : `${named} ${answer.status}`
			},
			numRuns,
			seed,
			ACTIVITY_EXAMPLES,
		)
	},
}
