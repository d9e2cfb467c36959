import type { SubmissionResult } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from '~/platform/ui/form-fields'
import { ForbiddenError } from '~/platform/permissions'
import { dispatchIntent, intent } from '~/platform/forms/intent-dispatch.server'
import { FORM_BODY_LIMIT } from '~/platform/forms/body-limit'
import { readFormData } from '~/platform/forms/read-form-data.server'
import { getTranslator } from '~/platform/i18n/translate.server'
import {
	ConfirmedUserIdSchema,
	InvitationSchema,
	RoleChangeSchema,
	InvitationIdSchema,
	UserIdSchema,
} from '~/features/staff-admin/admin-schemas'
import { InvitationForm } from '~/features/staff-admin/invitation-form'
import { StaffTable } from '~/features/staff-admin/staff-table'
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
import { countOpenCasesAssignedTo } from '~/features/cases/assignment.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'
import { ConfirmStep } from '~/platform/ui/confirm-step'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, 'staff:manage')
	const { t } = getTranslator(request)
	return { title: t('staff:users.title'), actorId: actor.id, ...(await listStaff(actor)) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : [])

/** What a done action tells the page: which message, and a link to hand over once. */
type Done = {
	intent: string
	done: string
	link?: string
	result?: SubmissionResult<string[]>
}

/** A destructive action's first post: what the second step asks about. */
type Confirm = {
	intent: 'deactivate' | 'reset-two-factor'
	confirm: { userId: string; openCases: number }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireStaffActor(request, 'staff:manage')
	const linkTo = (token: string) => `${new URL(request.url).origin}/staff/invitation/${token}`
	return dispatchIntent(
		await readFormData(request, FORM_BODY_LIMIT),
		{
			invite: intent(InvitationSchema, async (value, submission): Promise<Done> => {
				const token = await inviteStaff(actor, value)
				return {
					intent: 'invite',
					done: 'invited',
					link: linkTo(token),
					result: submission.reply({ resetForm: true }),
				}
			}),
			role: intent(RoleChangeSchema, async ({ userId, role }): Promise<Done> => {
				await changeRole(actor, userId, role)
				return { intent: 'role', done: 'roleChanged' }
			}),
			deactivate: intent(
				ConfirmedUserIdSchema,
				async ({ userId, confirmed }): Promise<Done | Confirm> => {
					if (!confirmed) {
						const openCases = await countOpenCasesAssignedTo(actor, userId)
						return { intent: 'deactivate', confirm: { userId, openCases } }
					}
					await setStaffActive(actor, userId, false)
					return { intent: 'deactivate', done: 'deactivated' }
				},
			),
			reactivate: intent(UserIdSchema, async ({ userId }): Promise<Done> => {
				await setStaffActive(actor, userId, true)
				return { intent: 'reactivate', done: 'reactivated' }
			}),
			'reset-two-factor': intent(
				ConfirmedUserIdSchema,
				async ({ userId, confirmed }): Promise<Done | Confirm> => {
					if (!confirmed) return { intent: 'reset-two-factor', confirm: { userId, openCases: 0 } }
					await resetTwoFactor(actor, userId)
					return { intent: 'reset-two-factor', done: 'twoFactorReset' }
				},
			),
			'reset-password': intent(UserIdSchema, async ({ userId }): Promise<Done> => {
				const token = await createPasswordResetLink(actor, userId)
				return { intent: 'reset-password', done: 'resetLink', link: linkTo(token) }
			}),
			'revoke-invitation': intent(InvitationIdSchema, async ({ invitationId }): Promise<Done> => {
				await revokeInvitation(actor, invitationId)
				return { intent: 'revoke-invitation', done: 'invitationRevoked' }
			}),
		},
		{
			notFound: [StaffNotFoundError],
			explain: [
				{ error: EmailTakenError, status: 400, field: 'email', message: 'users.emailTaken' },
				{ error: InvitationGoneError, status: 409, message: 'users.invitationGone' },
				// The admin holds staff:manage (checked above): what is refused is acting on oneself.
				{ error: ForbiddenError, status: 403, message: 'users.notYourself' },
			],
		},
	)
}

export default function UsersPage() {
	const { staff, invitations, actorId } = useLoaderData<typeof loader>()
	const answer = useActionData<typeof action>()
	const { t } = useTranslation('staff')
	const done = answer && 'done' in answer ? answer : undefined
	const confirm = answer && 'confirm' in answer ? answer : undefined
	const confirmed = confirm ? staff.find((member) => member.id === confirm.confirm.userId) : null
	return (
		<section>
			<h1>{t('users.title')}</h1>
			{confirm && confirmed ? (
				<ConfirmStep
					key={`${confirm.intent}-${confirmed.id}`}
					title={t(`users.confirm.${confirm.intent}.title`, { name: confirmed.displayName })}
					intent={confirm.intent}
					fields={{ userId: confirmed.id }}
					confirmLabel={t(`users.confirm.${confirm.intent}.submit`)}
					cancelTo="/staff/admin/users"
				>
					<p>{t(`users.confirm.${confirm.intent}.text`, { name: confirmed.displayName })}</p>
					{confirm.confirm.openCases > 0 ? (
						<p>{t('users.confirm.openCases', { count: confirm.confirm.openCases })}</p>
					) : null}
				</ConfirmStep>
			) : null}
			{done ? (
				<div className="notice" role="status">
					<p>{t(`users.done.${done.done}`)}</p>
					{done.link ? (
						<>
							<p>{t('users.linkText')}</p>
							<p>
								<code className="link-box">{done.link}</code>
							</p>
						</>
					) : null}
				</div>
			) : null}
			{/* A row's buttons name an account; what is refused about it is said here. */}
			{answer && 'result' in answer && answer.intent !== 'invite' ? (
				<FormAlert id="users-error" errors={answer.result?.error?.['']} namespace="staff" />
			) : null}
			<StaffTable staff={staff} actorId={actorId} />
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
			<InvitationForm lastResult={answer?.intent === 'invite' ? answer.result : undefined} />
		</section>
	)
}
