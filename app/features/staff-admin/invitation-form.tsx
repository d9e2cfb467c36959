import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { STAFF_ROLES } from '~/platform/permissions'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { IntentButton, SelectField, TextField } from '~/platform/ui/form-fields'
import { InvitationSchema } from './admin-schemas'

/** Who to invite; the action answers with a one-time link to hand over. */
export function InvitationForm({ lastResult }: { lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(InvitationSchema, { id: 'invite', lastResult })
	return (
		<Form method="post" className="narrow" {...getFormProps(form)}>
			<TextField field={fields.displayName} label={t('account.name')} namespace="staff" required />
			<TextField
				field={fields.email}
				type="email"
				label={t('login.email')}
				namespace="staff"
				required
			/>
			<SelectField
				field={fields.role}
				label={t('account.role')}
				options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
				emptyLabel={t('case.choose')}
				namespace="staff"
				required
			/>
			<IntentButton intent="invite" primary>
				{t('users.sendInvitation')}
			</IntentButton>
		</Form>
	)
}
