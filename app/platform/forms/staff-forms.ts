// The zod schemas of the back office's forms. Messages are keys of the
// `staff` translation namespace, shown next to their fields.
import { z } from 'zod'
import { MIN_PASSWORD_LENGTH } from '../../features/staff-auth/password-policy'
import { STAFF_ROLES } from '../permissions'
import {
	ACTORS,
	AREAS_OF_LIFE,
	CASE_STATUSES,
	DISCRIMINATION_FORMS,
	MOTIVES,
	OUTCOMES,
	REQUESTER_TYPES,
	SERVICE_TYPES,
} from '../taxonomy'

const text = (max: number, required = 'errors.required') =>
	z.string({ required_error: required }).trim().min(1, required).max(max, 'errors.tooLong')

const email = z
	.string({ required_error: 'errors.required' })
	.trim()
	.min(1, 'errors.required')
	.max(200, 'errors.tooLong')
	.email('errors.email')

export const LoginSchema = z.object({
	email,
	password: z.string({ required_error: 'errors.required' }).min(1, 'errors.required').max(1000),
	redirectTo: z.string().optional(),
})

export const SecondFactorSchema = z.object({
	code: text(40),
	redirectTo: z.string().optional(),
})

export const NewPasswordSchema = z
	.object({
		password: z
			.string({ required_error: 'errors.required' })
			.min(MIN_PASSWORD_LENGTH, 'errors.passwordTooShort')
			.max(1000, 'errors.tooLong'),
		confirmation: z.string({ required_error: 'errors.required' }),
	})
	.refine((value) => value.password === value.confirmation, {
		path: ['confirmation'],
		message: 'errors.passwordMismatch',
	})

export const PasswordChangeSchema = z
	.object({ currentPassword: z.string().min(1, 'errors.required') })
	.and(NewPasswordSchema)

/** Checkbox lists arrive as repeated fields; only known values pass. */
const several = <T extends readonly [string, ...string[]]>(values: T) =>
	z.array(z.enum(values, { message: 'errors.invalidChoice' })).max(values.length)

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.union([z.literal(''), z.enum(values, { message: 'errors.invalidChoice' })])
		.optional()
		.transform((value) => value || null)

export const ClassificationSchema = z.object({
	requesterType: optionalChoice(REQUESTER_TYPES),
	areas: several(AREAS_OF_LIFE),
	forms: several(DISCRIMINATION_FORMS),
	motives: several(MOTIVES),
	actors: several(ACTORS),
})

export const StatusSchema = z.object({
	status: z.enum(CASE_STATUSES, { message: 'errors.invalidChoice' }),
	outcome: optionalChoice(OUTCOMES),
})

export const ServiceSchema = z.object({
	type: z.enum(SERVICE_TYPES, { message: 'errors.invalidChoice' }),
	providedOn: z
		.string({ required_error: 'errors.required' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
		// A real calendar day (no 30 February), not before the office existed, not in the future.
		.refine((value) => {
			const date = new Date(`${value}T00:00:00Z`)
			return (
				!Number.isNaN(date.getTime()) &&
				date.toISOString().slice(0, 10) === value &&
				date.getUTCFullYear() >= 2000 &&
				date <= new Date()
			)
		}, 'errors.date')
		.transform((value) => new Date(`${value}T00:00:00Z`)),
	minutes: z.coerce
		.number({ invalid_type_error: 'errors.minutes' })
		.int('errors.minutes')
		.min(1, 'errors.minutes')
		.max(24 * 60, 'errors.minutes'),
})

// Distinct field names: both forms are on the case page, and ids must be unique.
export const NoteSchema = z.object({ note: text(20_000) })
export const MessageSchema = z.object({ message: text(20_000) })
export const AssignSchema = z.object({ assigneeId: z.string().max(64) })

export const InvitationSchema = z.object({
	email,
	displayName: text(120),
	role: z.enum(STAFF_ROLES, { message: 'errors.invalidChoice' }),
})

/** The office setup's first lead: a name and an e-mail, and the invitation page's password rules. */
export const FirstLeadSchema = z.object({ displayName: text(120), email }).and(NewPasswordSchema)

export const FirstAdminSchema = InvitationSchema.omit({ role: true })

/** The recovery sheet's confirmation: the sheet it was given for, and the ticked box. */
export const RecoverySheetConfirmationSchema = z.object({
	sheetNumber: z.string().max(20),
	kept: z.literal('yes', { errorMap: () => ({ message: 'setup:recovery.keptRequired' }) }),
})

export const UserIdSchema = z.string().uuid()

export const RoleChangeSchema = z.object({
	userId: z.string().uuid(),
	role: z.enum(STAFF_ROLES, { message: 'errors.invalidChoice' }),
})

/** The office's public details: the settings page's first fields, and the office setup's first step. */
export const OfficeDetailsSchema = z.object({
	officeName: text(200),
	contactEmail: z
		.union([z.literal(''), email])
		.optional()
		.transform((value) => value || null),
	contactPhone: z
		.string()
		.trim()
		.max(60, 'errors.tooLong')
		.optional()
		.transform((value) => value || null),
	address: z
		.string()
		.trim()
		.max(300, 'errors.tooLong')
		.optional()
		.transform((value) => value || null),
})

export const SettingsSchema = OfficeDetailsSchema.extend({
	retentionMonths: z.coerce
		.number({ invalid_type_error: 'errors.retention' })
		.int('errors.retention')
		.min(1, 'errors.retention')
		.max(240, 'errors.retention'),
	statisticsThreshold: z.coerce
		.number({ invalid_type_error: 'errors.threshold' })
		.int('errors.threshold')
		.min(1, 'errors.threshold')
		.max(100, 'errors.threshold'),
})

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.transform((value) => new Date(`${value}T00:00:00Z`))
	.optional()
	.catch(undefined)

/** The inbox's query string: anything unknown is ignored rather than refused. */
export const InboxFilterSchema = z.object({
	view: z.enum(['new', 'mine', 'all']).catch('new'),
	status: z.enum(CASE_STATUSES).optional().catch(undefined),
	assigneeId: z.string().max(64).optional().catch(undefined),
	area: z.enum(AREAS_OF_LIFE).optional().catch(undefined),
	requesterType: z.enum(REQUESTER_TYPES).optional().catch(undefined),
	from: isoDate,
	to: isoDate,
	reference: z.string().max(20).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

export const AuditFilterSchema = z.object({
	action: z.string().max(60).optional().catch(undefined),
	actorEmail: z.string().max(200).optional().catch(undefined),
	caseReference: z.string().max(20).optional().catch(undefined),
	from: isoDate,
	to: isoDate,
	page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

/** The query string as an object for a schema (empty values and NUL bytes dropped). */
export function searchParamsObject(url: URL): Record<string, string> {
	return Object.fromEntries(
		[...url.searchParams]
			.map(([key, value]) => [key, value.replaceAll('\u0000', '')] as const)
			.filter(([, value]) => value !== ''),
	)
}
