import fc from 'fast-check'
import { prisma } from '~/platform/db.server'
import { RecordedCaseSchema } from '~/features/cases/recorded-case-schema'
import { FILE_FIELD } from '~/features/intake/intake-schema'
import { AREAS_OF_LIFE, PREFER_NOT_TO_SAY, RECORDED_CHANNELS } from '~/platform/taxonomy'
import {
	endReporterSession,
	getReporter,
	openReporterSession,
} from '~/features/follow-up/reporter-session.server'
import * as recordRoute from '~/routes/staff.cases.new'
import { createSignedInStaff } from '../../support/staff'
import { envelope, extraName, fieldNames, filePart, hostile, optional, PHOTO } from '../arbitraries'
import { type Part, checkEcho, requestOf, sentAsBrowsersDo } from '../bodies'
import { allInList, inList, setUpOffice } from '../office'
import {
	type FuzzProperty,
	answerOf,
	ensure,
	ensureErrorsNamed,
	isRecord,
	runProperty,
} from '../runner'
import { dateText } from './casework'
import { expectedIntakeValues, mutate, validIntake, type IntakeMutation } from './intake'

// ---------------------------------------------------------------------------
// 6. Recording a case that came another way (staff)

export const RECORDING_FIELDS = fieldNames(RecordedCaseSchema)

/** A recorded case the schema accepts: the web form's answers without its choice of anonymity. */
const validRecording: fc.Arbitrary<Part[]> = fc
	.record({
		answers: validIntake.map((parts) => parts.filter((part) => part.name !== 'contactMode')),
		channel: fc.constantFrom(...RECORDED_CHANNELS),
		receivedOn: fc
			.date({ min: new Date('2020-01-01'), max: new Date(), noInvalidDate: true })
			.map((date) => date.toISOString().slice(0, 10)),
		followUpCode: fc.boolean(),
	})
	.map(({ answers, channel, receivedOn, followUpCode }) => [
		{ name: 'channel', value: channel },
		{ name: 'receivedOn', value: receivedOn },
		...answers,
		...(followUpCode ? [{ name: 'followUpCode', value: 'yes' }] : []),
	])

const recordingField = fc.constantFrom(...RECORDING_FIELDS)
const recordingMutation: fc.Arbitrary<IntakeMutation> = fc.oneof(
	fc.record({ kind: fc.constant('set' as const), name: recordingField, value: hostile }),
	fc.record({
		kind: fc.constant('set' as const),
		name: fc.constantFrom('channel', 'receivedOn'),
		value: fc.oneof(fc.constantFrom('WEB_ANONYMOUS', 'WEB_WITH_CONTACT', 'phone'), dateText),
	}),
	fc.record({ kind: fc.constant('repeat' as const), name: recordingField, value: hostile }),
	fc.record({ kind: fc.constant('extra' as const), name: extraName, value: hostile }),
	fc.record({ kind: fc.constant('drop' as const), name: recordingField }),
	fc.record({
		kind: fc.constant('file' as const),
		name: fc.oneof(fc.constant(FILE_FIELD), extraName),
		file: filePart,
	}),
)

export const recordingInput = fc.record({
	fields: validRecording,
	mutations: fc.oneof(
		{ weight: 2, arbitrary: fc.constant<IntakeMutation[]>([]) },
		{ weight: 3, arbitrary: fc.array(recordingMutation, { minLength: 1, maxLength: 4 }) },
	),
	photo: optional(fc.constantFrom('brief.png', 'Brief; Scan.png', 'صورة.png')),
	signedIn: fc.oneof(
		{ weight: 19, arbitrary: fc.constant(true) },
		{ weight: 1, arbitrary: fc.constant(false) },
	),
	envelope,
})

export const recordingProperty: FuzzProperty = {
	name: 'recording a case (POST /staff/cases/new)',
	runs: (base) => base,
	async run(numRuns, seed) {
		await setUpOffice()
		const counsellor = await createSignedInStaff('COUNSELLOR', 'fuzz-recording-counsellor')
		return runProperty(
			this.name,
			recordingInput,
			async (input) => {
				const photo: Part[] =
					input.photo === undefined
						? []
						: [{ name: FILE_FIELD, file: { filename: input.photo, bytes: PHOTO } }]
				const parts = [...input.mutations.reduce(mutate, input.fields), ...photo]
				const before = await prisma.case.count()
				const answer = await answerOf(
					recordRoute.action,
					requestOf(
						'http://127.0.0.1/staff/cases/new',
						parts,
						input.envelope,
						input.signedIn ? counsellor.cookie : undefined,
					),
				)
				const after = await prisma.case.count()
				const data = isRecord(answer.data) ? answer.data : {}
				const stored = answer.status === 200 && data.ok === true
				ensure(
					after - before === (stored ? 1 : 0),
					`${after - before} cases stored for a ${answer.status} answer (stored: ${stored})`,
				)
				if (!input.signedIn) ensure(!stored, 'a post without a session stored a case')
				const clean =
					input.signedIn && sentAsBrowsersDo(input.envelope, parts) && input.mutations.length === 0
				if (clean) ensure(stored, `a valid recorded case was refused with ${answer.status}`)

				if (stored) {
					ensure(typeof data.reference === 'string', 'the answer names no case')
					const found = await prisma.case.findUniqueOrThrow({
						where: { reference: data.reference as string },
						select: {
							id: true,
							channel: true,
							assignedToId: true,
							reportedAreas: true,
							followUpLookup: true,
							grants: { select: { holder: true, staffUserId: true } },
						},
					})
					ensure(
						inList(RECORDED_CHANNELS, found.channel) &&
							allInList([...AREAS_OF_LIFE, PREFER_NOT_TO_SAY], found.reportedAreas),
						'a recorded case holds a channel or answer outside its list',
					)
					ensure(found.assignedToId === counsellor.user.id, 'the case is not the recorder’s')
					const holders = new Set(found.grants.map((grant) => grant.holder))
					ensure(
						holders.has('RECOVERY') &&
							found.grants.some((grant) => grant.staffUserId === counsellor.user.id),
						'the case is not sealed to the recovery key and the recorder',
					)
					const slip = isRecord(data.slip) ? data.slip : null
					ensure(
						holders.has('REPORTER') === (slip !== null) &&
							(found.followUpLookup !== null) === (slip !== null),
						'a reporter grant without a code shown, or a code without its grant',
					)
					if (slip) {
						// The code shown is the one that opens the new case.
						const token = await openReporterSession(String(slip.code))
						ensure(token, 'the code shown opens nothing')
						ensure((await getReporter(token))?.caseId === found.id, 'the code opens another case')
						await endReporterSession(token)
					}
				}

				ensureErrorsNamed(answer)
				if (answer.status === 400 && isRecord(data.values)) {
					checkEcho(data.values, parts, input.envelope, expectedIntakeValues, RECORDING_FIELDS)
				}
				return stored ? 'stored' : String(answer.status)
			},
			numRuns,
			seed,
		)
	},
}
