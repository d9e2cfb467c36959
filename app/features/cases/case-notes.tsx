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

/** The counsellors' own notes (encrypted like the report), and the next one. */
export function CaseNotes({ view, lastResult }: { view: CaseView; lastResult: LastResult }) {
	const { t } = useTranslation('staff')
	return (
		<section aria-labelledby="notes">
			<h2 id="notes">{t('case.notes')}</h2>
			{view.notes.length ? (
				<ol className="notes">
					{view.notes.map((note) => (
						<li key={note.id}>
							<p className="message-meta">
								{note.author ?? t('case.staff')} · {note.at.slice(0, 16).replace('T', ' ')}
							</p>
							<div dir="auto">{note.text}</div>
						</li>
					))}
				</ol>
			) : (
				<p>{t('case.noNotes')}</p>
			)}
			{view.readable ? <NoteForm lastResult={lastResult} /> : null}
		</section>
	)
}
