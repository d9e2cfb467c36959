import {
	data,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SelectField, TextField } from '~/platform/ui/form-fields'
import { ForbiddenError, STAFF_ROLES } from '~/platform/permissions'
import { InvitationSchema, RoleChangeSchema, UserIdSchema } from '~/platform/forms/staff-forms'
import { valueOf, type FormErrors, type FormValues } from '~/platform/forms/form-values'
import { parseForm, readFormData } from '~/platform/forms/parse-form.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	createPasswordResetLink,
	EmailTakenError,
	InvitationGoneError,
	inviteStaff,
	revokeInvitation,
} from '~/features/staff-admin/invitations.server'
import {
	changeRole,
	listStaff,
	resetTwoFactor,
	setStaffActive,
	StaffNotFoundError,
} from '~/features/staff-admin/staff-accounts.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'staff:manage')
	const { t } = getTranslator(request)
	return { title: t('staff:users.title'), actorId: actor.id, ...(await listStaff(actor)) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

type Result = {
	intent: string
	errors: FormErrors
	values: FormValues
	link?: string
	done?: string
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'staff:manage')
	const formData = await readFormData(request)
	const intent = String(formData.get('intent') ?? '')
	const origin = new URL(request.url).origin
	// Any other value names no account (and a NUL byte must not reach PostgreSQL).
	const userId = UserIdSchema.safeParse(formData.get('userId')).data ?? ''
	const ok = (done: string, link?: string): Result => ({
		intent,
		errors: {},
		values: {},
		done,
		link,
	})
	try {
		switch (intent) {
			case 'invite': {
				const form = parseForm(formData, InvitationSchema)
				if (!form.success) return data<Result>({ intent, ...form }, { status: 400 })
				const token = await inviteStaff(actor, form.data)
				return ok('invited', `${origin}/staff/invitation/${token}`)
			}
			case 'role': {
				const form = parseForm(formData, RoleChangeSchema)
				if (!form.success) return data<Result>({ intent, ...form }, { status: 400 })
				await changeRole(actor, form.data.userId, form.data.role)
				return ok('roleChanged')
			}
			case 'deactivate':
			case 'reactivate':
				if (!userId) throw new StaffNotFoundError()
				await setStaffActive(actor, userId, intent === 'reactivate')
				return ok(intent === 'reactivate' ? 'reactivated' : 'deactivated')
			case 'reset-two-factor':
				if (!userId) throw new StaffNotFoundError()
				await resetTwoFactor(actor, userId)
				return ok('twoFactorReset')
			case 'reset-password': {
				if (!userId) throw new StaffNotFoundError()
				const token = await createPasswordResetLink(actor, userId)
				return ok('resetLink', `${origin}/staff/invitation/${token}`)
			}
			case 'revoke-invitation': {
				const invitationId = z.string().uuid().safeParse(formData.get('invitationId'))
				if (!invitationId.success) throw new InvitationGoneError()
				await revokeInvitation(actor, invitationId.data)
				return ok('invitationRevoked')
			}
		}
	} catch (error) {
		if (error instanceof InvitationGoneError) {
			return data<Result>(
				{ intent, errors: { form: 'users.invitationGone' }, values: {} },
				{ status: 409 },
			)
		}
		if (error instanceof EmailTakenError) {
			return data<Result>(
				{
					intent,
					errors: { email: 'users.emailTaken' },
					values: Object.fromEntries(formData) as FormValues,
				},
				{ status: 400 },
			)
		}
		if (error instanceof StaffNotFoundError) throw new Response('Not found', { status: 404 })
		if (error instanceof ForbiddenError) {
			return data<Result>(
				{ intent, errors: { form: 'users.notYourself' }, values: {} },
				{ status: 403 },
			)
		}
		throw error
	}
	throw new Response('Bad request', { status: 400 })
}

export default function UsersPage() {
	const { staff, invitations, actorId } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const inviteErrors = result?.intent === 'invite' ? result.errors : {}
	const roleChoices = STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))
	return (
		<section>
			<h1>{t('users.title')}</h1>
			{result?.done ? (
				<div className="notice" role="status">
					<p>{t(`users.done.${result.done}`)}</p>
					{result.link ? (
						<>
							<p>{t('users.linkText')}</p>
							<p>
								<code className="link-box">{result.link}</code>
							</p>
						</>
					) : null}
				</div>
			) : null}
			{result?.errors.form ? (
				<p className="form-error" role="alert">
					{t(result.errors.form)}
				</p>
			) : null}
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">{t('account.name')}</th>
							<th scope="col">{t('login.email')}</th>
							<th scope="col">{t('account.role')}</th>
							<th scope="col">{t('users.state')}</th>
							<th scope="col">{t('users.actions')}</th>
						</tr>
					</thead>
					<tbody>
						{staff.map((member) => (
							<tr key={member.id}>
								<th scope="row">{member.displayName}</th>
								<td>{member.email}</td>
								<td>
									{member.id === actorId ? (
										t(`roles.${member.role}`)
									) : (
										<Form method="post" className="row-form">
											<input type="hidden" name="userId" value={member.id} />
											<label className="visually-hidden" htmlFor={`role-${member.id}`}>
												{t('users.roleOf', { name: member.displayName })}
											</label>
											<select id={`role-${member.id}`} name="role" defaultValue={member.role}>
												{roleChoices.map((choice) => (
													<option key={choice.value} value={choice.value}>
														{choice.label}
													</option>
												))}
											</select>
											<button type="submit" name="intent" value="role" className="button-secondary">
												{t('users.changeRole')}
											</button>
										</Form>
									)}
								</td>
								<td>
									{member.active ? t('users.active') : t('users.inactive')}
									{member.twoFactor ? '' : ` · ${t('users.noTwoFactor')}`}
									{member.awaitingKeyApproval ? ` · ${t('users.awaitingKeys')}` : ''}
								</td>
								<td>
									{member.id === actorId ? null : (
										<Form method="post" className="row-form">
											<input type="hidden" name="userId" value={member.id} />
											<button
												type="submit"
												name="intent"
												value={member.active ? 'deactivate' : 'reactivate'}
												className="button-secondary"
											>
												{member.active ? t('users.deactivate') : t('users.reactivate')}
											</button>
											<button
												type="submit"
												name="intent"
												value="reset-two-factor"
												className="button-secondary"
											>
												{t('users.resetTwoFactor')}
											</button>
											<button
												type="submit"
												name="intent"
												value="reset-password"
												className="button-secondary"
											>
												{t('users.resetPassword')}
											</button>
										</Form>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{invitations.length ? (
				<>
					<h2>{t('users.openInvitations')}</h2>
					<ul>
						{invitations.map((invitation) => (
							<li key={invitation.id}>
								{invitation.displayName} ({invitation.email},{' '}
								{invitation.kind === 'PASSWORD_RESET'
									? t('users.resetLinkKind')
									: t(`roles.${invitation.role}`)}
								) – {t('users.expires', { date: invitation.expiresOn })}
								<Form method="post" className="row-form">
									<input type="hidden" name="invitationId" value={invitation.id} />
									<button
										type="submit"
										name="intent"
										value="revoke-invitation"
										className="button-secondary"
										aria-label={t('users.revokeFor', { email: invitation.email })}
									>
										{t('users.revoke')}
									</button>
								</Form>
							</li>
						))}
					</ul>
				</>
			) : null}
			<h2>{t('users.invite')}</h2>
			<Form method="post" noValidate className="narrow">
				<TextField
					name="displayName"
					label={t('account.name')}
					defaultValue={valueOf(
						result?.intent === 'invite' ? result.values : undefined,
						'displayName',
					)}
					error={inviteErrors.displayName}
					namespace="staff"
					required
				/>
				<TextField
					name="email"
					type="email"
					label={t('login.email')}
					defaultValue={valueOf(result?.intent === 'invite' ? result.values : undefined, 'email')}
					error={inviteErrors.email}
					namespace="staff"
					required
				/>
				<SelectField
					name="role"
					label={t('account.role')}
					options={roleChoices}
					defaultValue={valueOf(result?.intent === 'invite' ? result.values : undefined, 'role')}
					emptyLabel={t('case.choose')}
					error={inviteErrors.role}
					namespace="staff"
					required
				/>
				<button type="submit" name="intent" value="invite" className="button-primary">
					{t('users.sendInvitation')}
				</button>
			</Form>
		</section>
	)
}
