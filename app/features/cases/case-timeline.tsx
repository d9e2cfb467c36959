// The case's work in one column, oldest first: the request, then every
// message, note, service, status change and assignment with who and when.
import { useTranslation } from 'react-i18next'
import type { CaseView } from './case-page.server'
import { CaseReport } from './case-report'
import { buildTimeline, requestFiles, type TimelineEntry } from './timeline-entries'

type Attachment = CaseView['attachments'][number]

export function AttachmentLinks({ view, files }: { view: CaseView; files: Attachment[] }) {
	const { t } = useTranslation('staff')
	if (!files.length) return null
	return (
		<ul className="attachments" aria-label={t('case.attachments')}>
			{files.map((file) => (
				<li key={file.id}>
					<a href={`/staff/cases/${view.reference}/attachments/${file.id}`} download>
						{file.name ?? t('case.attachmentUnnamed')}
					</a>{' '}
					({file.mediaType})
				</li>
			))}
		</ul>
	)
}

function EntryMeta({ who, when }: { who: string; when: string }) {
	return (
		<p className="message-meta">
			{who} · {when}
		</p>
	)
}

function Entry({ view, entry }: { view: CaseView; entry: TimelineEntry }) {
	const { t } = useTranslation('staff')
	const staff = (name: string | null) => name ?? t('case.staff')
	switch (entry.kind) {
		case 'message': {
			const { message } = entry
			return (
				<li className={`timeline-entry ${message.fromReporter ? 'from-reporter' : 'from-staff'}`}>
					<h3>
						{message.fromReporter
							? t('timeline.messageFromReporter')
							: t('timeline.messageToReporter')}
					</h3>
					<EntryMeta
						who={message.fromReporter ? t('case.fromReporter') : staff(message.author)}
						when={entry.day}
					/>
					{message.unread ? <p className="badge">{t('case.newMessage')}</p> : null}
					{message.text !== null ? <div dir="auto">{message.text}</div> : null}
					<AttachmentLinks view={view} files={entry.files} />
				</li>
			)
		}
		case 'note':
			return (
				<li className="timeline-entry timeline-entry--note">
					<h3>{t('timeline.note')}</h3>
					<EntryMeta who={staff(entry.note.author)} when={`${entry.day} ${entry.time}`} />
					{entry.note.text !== null ? <div dir="auto">{entry.note.text}</div> : null}
				</li>
			)
		case 'service':
			return (
				<li className="timeline-entry timeline-entry--event">
					<p>
						{t('timeline.service', {
							type: t(`service.${entry.service.type}`),
							minutes: entry.service.minutes,
						})}
					</p>
					<EntryMeta who={staff(entry.service.by)} when={entry.day} />
				</li>
			)
		case 'status':
			return (
				<li className="timeline-entry timeline-entry--event">
					<p>
						{t('timeline.status', {
							from: t(`status.${entry.change.from}`),
							to: t(`status.${entry.change.to}`),
						})}
					</p>
					{/* No staff member: the person withdrew the request (withdrawal.server.ts). */}
					<EntryMeta
						who={entry.change.by ?? t('case.fromReporter')}
						when={`${entry.day} ${entry.time}`}
					/>
				</li>
			)
		case 'assignment': {
			const { assignment } = entry
			const text = assignment.to
				? t('timeline.assignedTo', { name: assignment.to })
				: assignment.released
					? t('timeline.released', { name: assignment.from ?? t('audit.unknownAccount') })
					: t('timeline.unassigned')
			return (
				<li className="timeline-entry timeline-entry--event">
					<p>{text}</p>
					<EntryMeta who={staff(assignment.by)} when={`${entry.day} ${entry.time}`} />
				</li>
			)
		}
	}
}

export function CaseTimeline({ view }: { view: CaseView }) {
	const { t } = useTranslation('staff')
	const entries = buildTimeline(view)
	return (
		<section aria-labelledby="timeline" className="timeline-section">
			<h2 id="timeline">{t('timeline.title')}</h2>
			<ol className="timeline">
				<li className="timeline-entry timeline-entry--request">
					<h3>{t('timeline.request')}</h3>
					<EntryMeta who={t(`channel.${view.channel}`)} when={view.receivedOn} />
					<CaseReport view={view} />
					<AttachmentLinks view={view} files={requestFiles(view)} />
				</li>
				{entries.map((entry) => (
					<Entry key={entry.key} view={view} entry={entry} />
				))}
			</ol>
		</section>
	)
}
