import { useTranslation } from 'react-i18next'
import { TextField } from '../../platform/ui/form-fields'

/** A new password typed twice (NewPasswordSchema checks both). */
export function NewPasswordFields({ errors }: { errors: Record<string, string> }) {
	const { t } = useTranslation('staff')
	return (
		<>
			<TextField
				name="password"
				type="password"
				label={t('account.newPassword')}
				hint={t('account.passwordHint')}
				autoComplete="new-password"
				error={errors.password}
				namespace="staff"
				required
			/>
			<TextField
				name="confirmation"
				type="password"
				label={t('account.confirmPassword')}
				autoComplete="new-password"
				error={errors.confirmation}
				namespace="staff"
				required
			/>
		</>
	)
}
