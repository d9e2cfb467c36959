import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { IntentButton, SelectField } from '~/platform/ui/form-fields'
import { HandoverSchema } from './casework-schemas'

type Caseload = {
	id: string
	displayName: string
	email: string
	active: boolean
	openCases: number
}

/** Whose open cases go to whom: the leaver among those with open cases, the new assignee among the active. */
export function HandoverForm({
	caseloads,
	lastResult,
}: {
	caseloads: Caseload[]
	lastResult: LastResult
}) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(HandoverSchema, { id: 'handover', lastResult })
	const name = (account: Caseload) => `${account.displayName} (${account.email})`
	return (
		<Form method="post" className="narrow" {...getFormProps(form)}>
			<SelectField
				field={fields.fromId}
				label={t('handover.from')}
				options={caseloads
					.filter((account) => account.openCases > 0)
					.map((account) => ({
						value: account.id,
						label: t('handover.fromOption', {
							name: name(account),
							count: account.openCases,
							state: account.active ? '' : `(${t('users.inactive')})`,
						}),
					}))}
				emptyLabel={t('case.choose')}
				namespace="staff"
				required
			/>
			<SelectField
				field={fields.toId}
				label={t('handover.to')}
				options={caseloads
					.filter((account) => account.active)
					.map((account) => ({ value: account.id, label: name(account) }))}
				emptyLabel={t('case.choose')}
				namespace="staff"
				required
			/>
			<IntentButton intent="hand-over" primary>
				{t('handover.submit')}
			</IntentButton>
		</Form>
	)
}
