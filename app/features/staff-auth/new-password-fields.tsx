import { useTranslation } from 'react-i18next'
import { TextField, type BoundField } from '~/platform/ui/form-fields'

/** A new password typed twice (NewPasswordSchema checks both). */
export function NewPasswordFields({
	password,
	confirmation,
}: {
	password: BoundField
	confirmation: BoundField
}) {
	const { t } = useTranslation('staff')
	return (
		<>
			<TextField
				field={password}
				type="password"
				label={t('account.newPassword')}
				hint={t('account.passwordHint')}
				autoComplete="new-password"
				namespace="staff"
				required
			/>
			<TextField
				field={confirmation}
				type="password"
				label={t('account.confirmPassword')}
				autoComplete="new-password"
				namespace="staff"
				required
			/>
		</>
	)
}
