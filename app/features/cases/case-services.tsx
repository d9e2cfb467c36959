import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { FormAlert, IntentButton, SelectField, TextField } from '~/platform/ui/form-fields'
import { SERVICE_TYPES } from '~/platform/taxonomy'
import type { CaseView } from './case-page.server'
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

/** The counselling services recorded for the case (the statistics count their hours). */
export function CaseServices({ view, lastResult }: { view: CaseView; lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	return (
		<section aria-labelledby="services">
			<h2 id="services">{t('case.services')}</h2>
			{view.services.length ? (
				<table>
					<thead>
						<tr>
							<th scope="col">{t('case.serviceType')}</th>
							<th scope="col">{t('case.serviceDate')}</th>
							<th scope="col">{t('case.serviceMinutes')}</th>
						</tr>
					</thead>
					<tbody>
						{view.services.map((service) => (
							<tr key={service.id}>
								<td>{t(`service.${service.type}`)}</td>
								<td>{service.providedOn}</td>
								<td>{service.minutes}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<p>{t('case.noServices')}</p>
			)}
			<ServiceForm lastResult={lastResult} />
		</section>
	)
}
