// The follow-up page before a code opened a case: the code field.
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { FollowUpFailure } from './follow-up-schema'

export function CodeForm() {
	const { t } = useTranslation('followup')
	const result = useActionData() as FollowUpFailure | undefined
	const error = result?.error
	return (
		<>
			<p>{t('intro')}</p>
			<Form method="post" className="code-form">
				<input type="hidden" name="intent" value="open" />
				<div className={`field${error ? ' field--invalid' : ''}`}>
					<label htmlFor="code">{t('codeLabel')}</label>
					<p className="field-hint" id="code-hint">
						{t('codeHint')}
					</p>
					{error ? (
						<p className="field-error" id="code-error" role="alert">
							{t(error)}
						</p>
					) : null}
					<input
						id="code"
						name="code"
						type="text"
						autoComplete="off"
						autoCapitalize="characters"
						spellCheck={false}
						dir="ltr"
						defaultValue={result?.code}
						aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
						aria-invalid={error ? true : undefined}
						required
					/>
				</div>
				<button type="submit" className="button-primary">
					{t('open')}
				</button>
			</Form>
		</>
	)
}
