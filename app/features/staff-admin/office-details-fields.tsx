import { useTranslation } from 'react-i18next'
import type { FormErrors } from '~/platform/forms/form-values'
import { TextField } from '~/platform/ui/form-fields'

type Field = 'officeName' | 'contactEmail' | 'contactPhone' | 'address'

/** The office's public details (OfficeDetailsSchema): on the settings page and in the office setup. */
export function OfficeDetailsFields({
	defaults,
	errors,
}: {
	defaults: Partial<Record<Field, string>>
	errors: FormErrors
}) {
	const { t } = useTranslation('staff')
	return (
		<>
			<TextField
				name="officeName"
				label={t('settings.officeName')}
				defaultValue={defaults.officeName}
				error={errors.officeName}
				namespace="staff"
				required
			/>
			<TextField
				name="contactEmail"
				type="email"
				label={t('settings.contactEmail')}
				defaultValue={defaults.contactEmail}
				error={errors.contactEmail}
				namespace="staff"
			/>
			<TextField
				name="contactPhone"
				type="tel"
				label={t('settings.contactPhone')}
				defaultValue={defaults.contactPhone}
				error={errors.contactPhone}
				namespace="staff"
			/>
			<TextField
				name="address"
				label={t('settings.address')}
				defaultValue={defaults.address}
				error={errors.address}
				namespace="staff"
			/>
		</>
	)
}
