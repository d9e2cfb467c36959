// "Insert a reply template" inside the case page's message form. Without
// JavaScript the button posts the form (what was typed with the chosen
// template) and the page comes back with the template added at the end; with
// it, the text goes in where the cursor is, without a round trip, and focus
// returns to the message so that the counsellor edits it before sending.
import { useTranslation } from 'react-i18next'
import { PUBLIC_LANGUAGES } from '~/platform/i18n/languages'
import type { ReplyTemplate } from './reply-templates.server'

const PICKER_ID = 'reply-template'

export function TemplatePicker({
	templates,
	messageFieldId,
}: {
	templates: ReplyTemplate[]
	messageFieldId: string
}) {
	const { t } = useTranslation('staff')
	const languages = PUBLIC_LANGUAGES.filter((language) =>
		templates.some((template) => template.language === language.code),
	)
	function insert(event: React.MouseEvent<HTMLButtonElement>) {
		const picked = templates.find(
			(template) =>
				template.id === (document.getElementById(PICKER_ID) as HTMLSelectElement | null)?.value,
		)
		const message = document.getElementById(messageFieldId) as HTMLTextAreaElement | null
		if (!picked || !message) return
		event.preventDefault()
		const { selectionStart, selectionEnd, value } = message
		const before = value.slice(0, selectionStart)
		// A template is a paragraph of its own: a blank line parts it from what is already there.
		const separator =
			before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : ''
		message.setRangeText(`${separator}${picked.body}`, selectionStart, selectionEnd, 'end')
		// Conform learns of the change as of any typing.
		message.dispatchEvent(new Event('input', { bubbles: true }))
		message.focus()
	}
	return (
		<div className="template-picker">
			<label htmlFor={PICKER_ID}>{t('case.templateLabel')}</label>
			<p className="field-hint" id={`${PICKER_ID}-hint`}>
				{t('case.templateHint')}
			</p>
			<div className="row-form">
				<select id={PICKER_ID} name="templateId" aria-describedby={`${PICKER_ID}-hint`}>
					{languages.map((language) => (
						<optgroup key={language.code} label={t(`languages.${language.code}`)}>
							{templates
								.filter((template) => template.language === language.code)
								.map((template) => (
									<option key={template.id} value={template.id}>
										{template.title}
									</option>
								))}
						</optgroup>
					))}
				</select>
				<button
					type="submit"
					name="intent"
					value="insert-template"
					className="button-secondary"
					formNoValidate
					onClick={insert}
				>
					{t('case.insertTemplate')}
				</button>
			</div>
		</div>
	)
}
