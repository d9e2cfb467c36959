import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { FormAlert, IntentButton, SelectField, TextField } from '~/platform/ui/form-fields'
import { SERVICE_TYPES } from '~/platform/taxonomy'
import { ServiceSchema } from './casework-schemas'

function ServiceForm({ lastResult }: { lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(ServiceSchema, {
		id: 'case-service',
		lastResult,
		defaultValue: { providedOn: new Date().toISOString().slice(0, 10) },
	})
	return (
		<Form method="post" className="inline-form" {...getFormProps(form)}>
			<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
			<SelectField
				field={fields.type}
				label={t('case.serviceType')}
				options={SERVICE_TYPES.map((type) => ({ value: type, label: t(`service.${type}`) }))}
				emptyLabel={t('case.choose')}
				namespace="staff"
				required
			/>
			<TextField
				field={fields.providedOn}
				type="date"
				label={t('case.serviceDate')}
				namespace="staff"
				required
			/>
			<TextField
				field={fields.minutes}
				type="number"
				label={t('case.serviceMinutes')}
				namespace="staff"
				required
			/>
			<IntentButton intent="service" primary>
				{t('case.addService')}
			</IntentButton>
		</Form>
	)
}

/** A new counselling service (the statistics count their hours); the timeline shows the earlier ones. */
export function CaseServiceForm({ lastResult }: { lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	return (
		<section aria-labelledby="add-service">
			<h2 id="add-service" tabIndex={-1}>
				{t('case.addServiceTitle')}
			</h2>
			<ServiceForm lastResult={lastResult} />
		</section>
	)
}
