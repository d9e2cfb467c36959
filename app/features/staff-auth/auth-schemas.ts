// The zod schemas of signing in and of passwords, parsed by the actions and,
// through Conform, in the browser. Messages are keys of the `staff` namespace.
import { z } from 'zod'
import { email, text } from '~/platform/forms/schema-fields'
import { MIN_PASSWORD_LENGTH } from './password-policy'

/** Where to go after signing in; safeRedirectPath decides whether it may be followed. */
const redirectTo = z.string().max(2000, 'errors.tooLong').optional()

export const LoginSchema = z.object({
	email,
	password: z
		.string({ message: 'errors.required' })
		.min(1, 'errors.required')
		.max(1000, 'errors.tooLong'),
	redirectTo,
})

export const SecondFactorSchema = z.object({ code: text(40), redirectTo })

export const NewPasswordSchema = z
	.object({
		password: z
			.string({ message: 'errors.required' })
			.min(MIN_PASSWORD_LENGTH, 'errors.passwordTooShort')
			.max(1000, 'errors.tooLong'),
		confirmation: z.string({ message: 'errors.required' }),
	})
	.refine((value) => value.password === value.confirmation, {
		path: ['confirmation'],
		message: 'errors.passwordMismatch',
	})

export const PasswordChangeSchema = z
	.object({ currentPassword: z.string({ message: 'errors.required' }).max(1000, 'errors.tooLong') })
	.and(NewPasswordSchema)

/** Typed passwords and codes never travel back to the page. */
export const SECRET_FIELDS = ['password', 'confirmation', 'currentPassword', 'code']
