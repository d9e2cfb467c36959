// The zod schemas of the admin's pages, parsed by the actions and, through
// Conform, in the browser. Messages are keys of the `staff` namespace.
import { z } from 'zod'
import { NewPasswordSchema } from '~/features/staff-auth/auth-schemas'
import { STAFF_ROLES } from '~/platform/permissions'
import {
	confirmedStep,
	choice,
	email,
	optionalText,
	recordId,
	text,
	wholeNumber,
} from '~/platform/forms/schema-fields'

export const InvitationSchema = z.object({
	email,
	displayName: text(120),
	role: choice(STAFF_ROLES),
})

/** The office setup's first lead: a name and an e-mail, and the invitation page's password rules. */
export const FirstLeadSchema = z.object({ displayName: text(120), email }).and(NewPasswordSchema)

export const FirstAdminSchema = InvitationSchema.omit({ role: true })

/** The recovery sheet's confirmation: the sheet it was given for, and the ticked box. */
export const RecoverySheetConfirmationSchema = z.object({
	sheetNumber: z.string({ message: 'errors.invalidChoice' }).max(20, 'errors.invalidChoice'),
	// An error map, not `message`: zod 3 gives `message` to a missing value only, not a wrong one.
	kept: z.literal('yes', { errorMap: () => ({ message: 'setup:recovery.keptRequired' }) }),
})

/** The recovery sheet's creation: a button, nothing to fill in. */
export const RecoverySheetSchema = z.object({})

/** The account a row's buttons act on. */
export const UserIdSchema = z.object({ userId: recordId })

/** A destructive action on an account: the first post asks, the second (`confirmed`) does it. */
export const ConfirmedUserIdSchema = UserIdSchema.extend({
	confirmed: confirmedStep,
})

export const InvitationIdSchema = z.object({ invitationId: recordId })

export const RoleChangeSchema = z.object({ userId: recordId, role: choice(STAFF_ROLES) })

/** The office's public details: the settings page's first fields, and the office setup's first step. */
export const OfficeDetailsSchema = z.object({
	officeName: text(200),
	contactEmail: email.optional().transform((value) => value ?? null),
	contactPhone: optionalText(60),
	address: optionalText(300),
})

export const SettingsSchema = OfficeDetailsSchema.extend({
	retentionMonths: wholeNumber(1, 240, 'errors.retention'),
	// At least 3, as the database checks: below, a hidden cell among few cases tells too much.
	statisticsThreshold: wholeNumber(3, 100, 'errors.threshold'),
	// Not public: the notices' reply address (notifications).
	officeEmail: email.optional().transform((value) => value ?? null),
})

export const ApiTokenSchema = z.object({ name: text(120) })

export const ApiTokenIdSchema = z.object({ id: recordId })
