import { useTranslation } from 'react-i18next'
import { TextField, type BoundField } from '~/platform/ui/form-fields'

type Field = 'officeName' | 'contactEmail' | 'contactPhone' | 'address'

/** The office's public details (OfficeDetailsSchema): on the settings page and in the office setup. */
export function OfficeDetailsFields({ fields }: { fields: Record<Field, BoundField> }) {
	const { t } = useTranslation('staff')
	return (
		<>
			<TextField
				field={fields.officeName}
				label={t('settings.officeName')}
				namespace="staff"
				required
			/>
			<TextField
				field={fields.contactEmail}
				type="email"
				label={t('settings.contactEmail')}
				namespace="staff"
			/>
			<TextField
				field={fields.contactPhone}
				type="tel"
				label={t('settings.contactPhone')}
				namespace="staff"
			/>
			<TextField field={fields.address} label={t('settings.address')} namespace="staff" />
		</>
	)
}
