// The forms of the case page. Each posts an `intent` to the page's action;
// on a validation error the page returns the errors and what was typed,
// which these forms show again.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
	ACTORS,
	AREAS_OF_LIFE,
	CASE_STATUSES,
	DISCRIMINATION_FORMS,
	MOTIVES,
	OUTCOMES,
	REQUESTER_TYPES,
	SERVICE_TYPES,
} from '~/platform/taxonomy'
import type { CaseView } from '~/features/cases/case-page.server'
import { ChoiceGroup, SelectField, TextArea, TextField } from '../../platform/ui/form-fields'

type Failure = { errors: Record<string, string>; values: Record<string, string | string[]> }

const single = (failure: Failure | undefined, name: string) => {
	const value = failure?.values[name]
	return typeof value === 'string' ? value : undefined
}

function IntentButton({ intent, label }: { intent: string; label: string }) {
	return (
		<button type="submit" name="intent" value={intent} className="button-primary">
			{label}
		</button>
	)
}

export function MessageForm({ failure }: { failure?: Failure }) {
	const { t } = useTranslation('staff')
	return (
		<Form method="post" noValidate>
			<TextArea
				name="message"
				label={t('case.messageLabel')}
				hint={t('case.messageHint')}
				rows={5}
				defaultValue={single(failure, 'message')}
				error={failure?.errors.message}
				namespace="staff"
				required
			/>
			<IntentButton intent="message" label={t('case.send')} />
		</Form>
	)
}

export function NoteForm({ failure }: { failure?: Failure }) {
	const { t } = useTranslation('staff')
	return (
		<Form method="post" noValidate>
			<TextArea
				name="note"
				label={t('case.noteLabel')}
				rows={4}
				defaultValue={single(failure, 'note')}
				error={failure?.errors.note}
				namespace="staff"
				required
			/>
			<IntentButton intent="note" label={t('case.addNote')} />
		</Form>
	)
}

export function ClassificationForm({ view, failure }: { view: CaseView; failure?: Failure }) {
	const { t } = useTranslation('staff')
	const { t: tx } = useTranslation('taxonomy')
	// Until a counsellor has classified the case, the reporter's answers are the proposal.
	const current = view.classification
	const classified =
		current.requesterType !== null ||
		current.areas.length + current.forms.length + current.motives.length + current.actors.length > 0
	const proposal = classified
		? current
		: { ...view.reported, requesterType: view.reported.requesterType }
	const selected = (name: 'areas' | 'forms' | 'motives' | 'actors') =>
		(failure?.values[name] as string[] | undefined) ?? proposal[name]
	const choices = (name: string, values: readonly string[]) =>
		values.map((value) => ({ value, label: tx(`${name}.${value}`) }))
	return (
		<Form method="post" noValidate className="classification">
			<SelectField
				name="requesterType"
				label={t('answers.requesterType')}
				options={choices('requesterType', REQUESTER_TYPES)}
				defaultValue={single(failure, 'requesterType') ?? proposal.requesterType ?? ''}
				emptyLabel={t('case.notClassified')}
				error={failure?.errors.requesterType}
				namespace="staff"
			/>
			<ChoiceGroup
				name="areas"
				multiple
				label={t('answers.areas')}
				choices={choices('areas', AREAS_OF_LIFE)}
				selected={selected('areas')}
				error={failure?.errors.areas}
				namespace="staff"
			/>
			<ChoiceGroup
				name="forms"
				multiple
				label={t('answers.forms')}
				choices={choices('forms', DISCRIMINATION_FORMS)}
				selected={selected('forms')}
				error={failure?.errors.forms}
				namespace="staff"
			/>
			<ChoiceGroup
				name="motives"
				multiple
				label={t('answers.motives')}
				choices={choices('motives', MOTIVES)}
				selected={selected('motives')}
				error={failure?.errors.motives}
				namespace="staff"
			/>
			<ChoiceGroup
				name="actors"
				multiple
				label={t('answers.actors')}
				choices={choices('actors', ACTORS)}
				selected={selected('actors')}
				error={failure?.errors.actors}
				namespace="staff"
			/>
			<IntentButton intent="classify" label={t('case.saveClassification')} />
		</Form>
	)
}

export function ServiceForm({ failure }: { failure?: Failure }) {
	const { t } = useTranslation('staff')
	const today = new Date().toISOString().slice(0, 10)
	return (
		<Form method="post" noValidate className="inline-form">
			<SelectField
				name="type"
				label={t('case.serviceType')}
				options={SERVICE_TYPES.map((type) => ({ value: type, label: t(`service.${type}`) }))}
				defaultValue={single(failure, 'type')}
				emptyLabel={t('case.choose')}
				error={failure?.errors.type}
				namespace="staff"
				required
			/>
			<TextField
				name="providedOn"
				type="date"
				label={t('case.serviceDate')}
				defaultValue={single(failure, 'providedOn') ?? today}
				error={failure?.errors.providedOn}
				namespace="staff"
				required
			/>
			<TextField
				name="minutes"
				type="number"
				label={t('case.serviceMinutes')}
				defaultValue={single(failure, 'minutes')}
				error={failure?.errors.minutes}
				namespace="staff"
				required
			/>
			<IntentButton intent="service" label={t('case.addService')} />
		</Form>
	)
}

export function StatusForm({
	status,
	lead,
	failure,
}: {
	status: string
	lead: boolean
	failure?: Failure
}) {
	const { t } = useTranslation('staff')
	const statuses = CASE_STATUSES.filter((value) => lead || value !== 'NOT_DISCRIMINATION')
	return (
		<Form method="post" noValidate className="inline-form">
			<SelectField
				name="status"
				label={t('case.newStatus')}
				options={statuses.map((value) => ({ value, label: t(`status.${value}`) }))}
				defaultValue={single(failure, 'status') ?? status}
				emptyLabel={t('case.choose')}
				error={failure?.errors.status}
				namespace="staff"
				required
			/>
			<SelectField
				name="outcome"
				label={t('case.outcome')}
				hint={t('case.outcomeHint')}
				options={OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) }))}
				defaultValue={single(failure, 'outcome')}
				emptyLabel={t('case.choose')}
				error={failure?.errors.outcome}
				namespace="staff"
			/>
			<IntentButton intent="status" label={t('case.changeStatus')} />
		</Form>
	)
}

export function AssignmentForm({
	assigneeId,
	staff,
	readable,
	failure,
}: {
	assigneeId: string
	staff: Array<{ id: string; displayName: string }>
	readable: boolean
	failure?: Failure
}) {
	const { t } = useTranslation('staff')
	return (
		<Form method="post" noValidate className="inline-form">
			<SelectField
				name="assigneeId"
				label={t('case.assignTo')}
				hint={readable ? undefined : t('case.assignNeedsKey')}
				options={staff.map((member) => ({ value: member.id, label: member.displayName }))}
				defaultValue={single(failure, 'assigneeId') ?? assigneeId}
				emptyLabel={t('inbox.unassigned')}
				error={failure?.errors.assigneeId}
				namespace="staff"
			/>
			<IntentButton intent="assign" label={t('case.assign')} />
		</Form>
	)
}

export function DeletionForm() {
	const { t } = useTranslation('staff')
	return (
		<Form method="post" className="danger-zone">
			<h3>{t('case.deleteTitle')}</h3>
			<p>{t('case.deleteText')}</p>
			<div className="choice">
				<input type="checkbox" id="confirmDeletion" name="confirm" value="yes" required />
				<label htmlFor="confirmDeletion">{t('case.deleteConfirm')}</label>
			</div>
			<button type="submit" name="intent" value="delete-personal-data" className="button-secondary">
				{t('case.deleteSubmit')}
			</button>
		</Form>
	)
}
