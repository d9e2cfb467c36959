import fc from 'fast-check'
import { prisma } from '~/platform/db.server'
import { STAFF_ROLES } from '~/platform/permissions'
import {
	InvitationSchema,
	RoleChangeSchema,
	SettingsSchema,
} from '~/features/staff-admin/admin-schemas'
import { readStaffSession } from '~/features/staff-auth/staff-session.server'
import * as adminSettingsRoute from '~/routes/staff.admin.settings'
import * as adminUsersRoute from '~/routes/staff.admin.users'
import { createSignedInStaff } from '../../support/staff'
import {
	choiceOrNot,
	envelope,
	extraParts,
	fieldNames,
	fieldsFor,
	fitting,
	hostile,
	intentOrNot,
	toParts,
} from '../arbitraries'
import { conformValues, echoedFields, requestOf } from '../bodies'
import { checkEcho } from '../bodies'
import {
	type FuzzProperty,
	type InputOf,
	answerOf,
	ensure,
	ensureErrorsNamed,
	isRecord,
	replyOf,
	runProperty,
} from '../runner'

// ---------------------------------------------------------------------------
// 5. The admin's pages (staff accounts and settings)

/** A number field: mostly in its range, sometimes just outside, sometimes not a number. */
export const numberOrNot = (min: number, max: number) =>
	fc
		.oneof(
			{ weight: 3, arbitrary: fc.integer({ min, max }).map(String) },
			{ weight: 1, arbitrary: fc.integer({ min: min - 5, max: max + 5 }).map(String) },
			{ weight: 1, arbitrary: hostile },
		)
		.map((v) => [v])

export const adminInput = fc.record({
	page: fc.constantFrom('users', 'settings'),
	intent: intentOrNot([
		'invite',
		'role',
		'deactivate',
		'reactivate',
		'reset-two-factor',
		'reset-password',
		'revoke-invitation',
	]),
	fields: fieldsFor(
		[
			...[InvitationSchema, RoleChangeSchema, SettingsSchema].flatMap(fieldNames),
			'userId',
			'invitationId',
		],
		{
			userId: fc.oneof(fc.constantFrom('bystander', 'self'), fc.uuid(), hostile).map((v) => [v]),
			invitationId: fc.oneof(fc.uuid(), hostile).map((v) => [v]),
			email: fc.oneof(fc.emailAddress(), hostile).map((v) => [v]),
			role: choiceOrNot(STAFF_ROLES),
			contactEmail: fc
				.oneof(fc.constantFrom('', 'office@example.ch'), fc.emailAddress(), hostile)
				.map((v) => [v]),
			contactPhone: fc.oneof(fitting(60), hostile).map((v) => [v]),
			retentionMonths: numberOrNot(1, 240),
			statisticsThreshold: numberOrNot(1, 100),
		},
	),
	extras: extraParts,
	envelope,
})

export const adminExample = (
	page: 'users' | 'settings',
	intent: string,
	fields: Record<string, string[]>,
): InputOf<typeof adminInput> => ({
	page,
	intent: [intent],
	fields,
	extras: [],
	envelope: { kind: 'urlencoded' },
})

/** Inputs that once failed (see INTAKE_EXAMPLES): each was a 500. */
export const ADMIN_EXAMPLES = [
	// NUL reached PostgreSQL, which refuses it in text (22021).
	adminExample('settings', '', {
		officeName: ['Anlauf\u0000stelle'],
		retentionMonths: ['24'],
		statisticsThreshold: ['5'],
	}),
	adminExample('users', 'deactivate', { userId: ['\u0000'] }),
	adminExample('users', 'invite', {
		email: ['new-fuzz@example.ch'],
		displayName: ['Ne\u0000w'],
		role: ['COUNSELLOR'],
	}),
	// An account that does not exist (Prisma's "record not found").
	adminExample('users', 'reset-password', { userId: ['00000000-0000-4000-8000-000000000000'] }),
]

export const adminProperty: FuzzProperty = {
	name: 'admin actions (POST /staff/admin/users, /staff/admin/settings)',
	runs: (base) => base,
	async run(numRuns, seed) {
		let admins = 0
		let admin = await createSignedInStaff('ADMIN', `fuzz-admin-${admins}`)
		const bystander = await createSignedInStaff('COUNSELLOR', 'fuzz-bystander')
		return runProperty(
			this.name,
			adminInput,
			async (input) => {
				const ids = new Map([
					['bystander', bystander.user.id],
					['self', admin.user.id],
				])
				const fields = {
					...input.fields,
					userId: input.fields.userId?.map((v) => ids.get(v) ?? v),
				}
				const parts = [
					// The settings page's own form; its test mail needs SMTP, which the fuzzer has none of.
					...toParts({ intent: input.page === 'users' ? input.intent : ['settings'] }),
					...toParts(fields),
					...input.extras,
				]
				const route = input.page === 'users' ? adminUsersRoute : adminSettingsRoute
				const answer = await answerOf(
					route.action,
					requestOf(
						`http://127.0.0.1/staff/admin/${input.page}`,
						parts,
						input.envelope,
						admin.cookie,
					),
				)

				const [self, settings] = await Promise.all([
					prisma.staffUser.findUniqueOrThrow({ where: { id: admin.user.id } }),
					prisma.officeSettings.findUnique({ where: { id: 1 } }),
				])
				ensure(self.role === 'ADMIN' && self.active, 'the admin changed their own account')
				// Resetting one's own second factor ends one's sessions, and only that does.
				if (!(await readStaffSession(admin.token))) {
					ensure(
						input.page === 'users' &&
							input.intent[0] === 'reset-two-factor' &&
							fields.userId?.[0] === admin.user.id,
						'the admin was signed out',
					)
					admin = await createSignedInStaff('ADMIN', `fuzz-admin-${++admins}`)
				}
				if (settings)
					ensure(
						settings.retentionMonths >= 1 &&
							settings.retentionMonths <= 240 &&
							settings.statisticsThreshold >= 1 &&
							settings.statisticsThreshold <= 100 &&
							settings.officeName.trim().length > 0,
						'the settings hold a value the form refuses',
					)
				const data = isRecord(answer.data) ? answer.data : {}
				ensureErrorsNamed(answer)
				const typed = replyOf(data).initialValue
				if (answer.status === 400 && isRecord(typed)) {
					checkEcho(
						typed,
						parts,
						input.envelope,
						conformValues,
						echoedFields(Object.keys(input.fields), parts),
					)
				}
				return `${input.page} ${answer.status}`
			},
			numRuns,
			seed,
			ADMIN_EXAMPLES,
		)
	},
}
