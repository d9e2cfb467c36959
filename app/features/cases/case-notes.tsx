import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidatedForm, type LastResult } from '~/platform/forms/use-validated-form'
import { FormAlert, IntentButton, TextArea } from '~/platform/ui/form-fields'
import type { CaseView } from './case-page.server'
import { NoteSchema } from './casework-schemas'

function NoteForm({ lastResult }: { lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	const [form, fields] = useValidatedForm(NoteSchema, { id: 'case-note', lastResult })
	return (
		<Form method="post" {...getFormProps(form)}>
			<FormAlert id={form.errorId} errors={form.errors} namespace="staff" />
			<TextArea
				field={fields.note}
				label={t('case.noteLabel')}
				rows={4}
				namespace="staff"
				required
			/>
			<IntentButton intent="note" primary>
				{t('case.addNote')}
			</IntentButton>
		</Form>
	)
}

/** A new internal note (encrypted like the report); the timeline shows the earlier ones. */
export function CaseNoteForm({ view, lastResult }: { view: CaseView; lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	if (!view.readable) return null
	return (
		<section aria-labelledby="add-note">
			<h2 id="add-note" tabIndex={-1}>
				{t('case.addNoteTitle')}
			</h2>
			<NoteForm lastResult={lastResult} />
		</section>
	)
}
