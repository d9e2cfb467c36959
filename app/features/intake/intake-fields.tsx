// What every section of the intake form needs to draw its fields: the
// translations, what was typed, and each field's error wiring. The sections
// serve the public form, in the reporter's words, and the staff's recording
// form (routes/staff.cases.new.tsx), in words for the counsellor.
import { useTranslation } from 'react-i18next'
import type { FieldErrors, IntakeValues } from '~/features/intake/intake-schema'
import { LIMITS } from '~/features/intake/intake-schema'
import { PREFER_NOT_TO_SAY } from '~/platform/taxonomy'
import { TextField } from '~/platform/ui/form-fields'

export const NS = 'intake'

/**
 * Where the sections' words come from: the namespace (which the errors'
 * keys are of, too) and, within it, where the labels are.
 */
export type IntakeWording = { namespace: string; keyPrefix?: string }

const REPORTER_WORDING: IntakeWording = { namespace: NS }

export type IntakeFields = ReturnType<typeof useIntakeFields>

export function useIntakeFields(
	values: IntakeValues,
	errors: FieldErrors,
	errorValues: Record<string, Record<string, string>>,
	wording: IntakeWording = REPORTER_WORDING,
) {
	const { t } = useTranslation(wording.namespace, { keyPrefix: wording.keyPrefix })
	const { t: tx } = useTranslation('taxonomy')
	const text = (name: string) =>
		typeof values[name] === 'string' ? (values[name] as string) : undefined
	const choices = (list: string, options: readonly string[], withNoAnswer = true) => [
		...options.map((value) => ({ value, label: tx(`${list}.${value}`) })),
		...(withNoAnswer ? [{ value: PREFER_NOT_TO_SAY, label: tx(PREFER_NOT_TO_SAY) }] : []),
	]
	const common = (name: string) => ({
		name,
		namespace: wording.namespace,
		error: errors[name],
		errorValues: errorValues[name],
	})
	const otherField = (name: string) => (
		<TextField
			{...common(name)}
			label={t('classification.otherText')}
			defaultValue={text(name)}
			maxLength={LIMITS.shortText}
		/>
	)

	return { t, tx, text, choices, common, values, errors, errorValues, otherField }
}
