// The zod schemas of the admin's pages, parsed by the actions and, through
// Conform, in the browser. Messages are keys of the `staff` namespace.
import { z } from 'zod'
import { STAFF_ROLES } from '~/platform/permissions'
import {
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

/** The account a row's buttons act on. */
export const UserIdSchema = z.object({ userId: recordId })

export const RoleChangeSchema = z.object({ userId: recordId, role: choice(STAFF_ROLES) })

export const SettingsSchema = z.object({
	officeName: text(200),
	contactEmail: email.optional().transform((value) => value ?? null),
	contactPhone: optionalText(60),
	address: optionalText(300),
	retentionMonths: wholeNumber(1, 240, 'errors.retention'),
	statisticsThreshold: wholeNumber(1, 100, 'errors.threshold'),
})

export const ApiTokenSchema = z.object({ name: text(120) })

export const ApiTokenIdSchema = z.object({ id: recordId })
