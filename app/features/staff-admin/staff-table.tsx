// The staff accounts as a table, each row with its forms: the role, and the
// buttons that deactivate, reactivate or reset an account. The admin's own
// row has none (the features refuse acting on oneself, too).
import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { STAFF_ROLES, type StaffRoleName } from '~/platform/permissions'
import { useValidatedForm } from '~/platform/forms/use-validated-form'
import { IntentButton } from '~/platform/ui/form-fields'
import { RoleChangeSchema, UserIdSchema } from './admin-schemas'

type Member = {
	id: string
	displayName: string
	email: string
	role: StaffRoleName
	active: boolean
	twoFactor: boolean
	awaitingKeyApproval: boolean
}

function RoleForm({ member }: { member: Member }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(RoleChangeSchema, { id: `role-${member.id}` })
	return (
		<Form method="post" className="row-form" {...getFormProps(form)}>
			<input type="hidden" name={fields.userId.name} value={member.id} />
			<label className="visually-hidden" htmlFor={fields.role.id}>
				{t('users.roleOf', { name: member.displayName })}
			</label>
			{/* Always one of the offered roles: nothing to announce as an error. */}
			<select id={fields.role.id} name={fields.role.name} defaultValue={member.role}>
				{STAFF_ROLES.map((role) => (
					<option key={role} value={role}>
						{t(`roles.${role}`)}
					</option>
				))}
			</select>
			<IntentButton intent="role">{t('users.changeRole')}</IntentButton>
		</Form>
	)
}

function AccountActions({ member }: { member: Member }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(UserIdSchema, { id: `account-${member.id}` })
	return (
		<Form method="post" className="row-form" {...getFormProps(form)}>
			<input type="hidden" name={fields.userId.name} value={member.id} />
			<IntentButton intent={member.active ? 'deactivate' : 'reactivate'}>
				{member.active ? t('users.deactivate') : t('users.reactivate')}
			</IntentButton>
			<IntentButton intent="reset-two-factor">{t('users.resetTwoFactor')}</IntentButton>
			<IntentButton intent="reset-password">{t('users.resetPassword')}</IntentButton>
		</Form>
	)
}

export function StaffTable({ staff, actorId }: { staff: Member[]; actorId: string }) {
	const { t } = useTranslation('staff')
	return (
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
								{member.id === actorId ? t(`roles.${member.role}`) : <RoleForm member={member} />}
							</td>
							<td>
								{member.active ? t('users.active') : t('users.inactive')}
								{member.twoFactor ? '' : ` · ${t('users.noTwoFactor')}`}
								{member.awaitingKeyApproval ? ` · ${t('users.awaitingKeys')}` : ''}
							</td>
							<td>{member.id === actorId ? null : <AccountActions member={member} />}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
