// The case's work as one timeline (issue 12, item 4): messages both ways
// with the files that came with them, notes, services, status changes and
// assignments, oldest first. Messages and services keep only their day
// (docs/data-protection.md); within a day they come before what has a time,
// each kind in its own order, which is the order they were written in.
import type { CaseView } from './case-page.server'

type Attachment = CaseView['attachments'][number]

export type TimelineEntry =
	| {
			kind: 'message'
			key: string
			day: string
			message: CaseView['messages'][number]
			files: Attachment[]
	  }
	| { kind: 'note'; key: string; day: string; time: string; note: CaseView['notes'][number] }
	| { kind: 'service'; key: string; day: string; service: CaseView['services'][number] }
	| { kind: 'status'; key: string; day: string; time: string; change: CaseView['history'][number] }
	| {
			kind: 'assignment'
			key: string
			day: string
			time: string
			assignment: CaseView['assignments'][number]
	  }

/** `at` is "YYYY-MM-DD HH:mm" (case-page.server.ts). */
const dayOf = (at: string) => at.slice(0, 10)
const timeOf = (at: string) => at.slice(11)

export function buildTimeline(view: CaseView): TimelineEntry[] {
	const entries: TimelineEntry[] = [
		...view.messages.map((message) => ({
			kind: 'message' as const,
			key: `message-${message.id}`,
			day: message.sentOn,
			message,
			files: view.attachments.filter((file) => file.messageId === message.id),
		})),
		...view.services.map((service) => ({
			kind: 'service' as const,
			key: `service-${service.id}`,
			day: service.providedOn,
			service,
		})),
		...view.notes.map((note) => ({
			kind: 'note' as const,
			key: `note-${note.id}`,
			day: dayOf(note.at),
			time: timeOf(note.at),
			note,
		})),
		...view.history.map((change, index) => ({
			kind: 'status' as const,
			key: `status-${index}`,
			day: dayOf(change.at),
			time: timeOf(change.at),
			change,
		})),
		...view.assignments.map((assignment, index) => ({
			kind: 'assignment' as const,
			key: `assignment-${index}`,
			day: dayOf(assignment.at),
			time: timeOf(assignment.at),
			assignment,
		})),
	]
	const timeOfEntry = (entry: TimelineEntry) => ('time' in entry ? entry.time : '')
	// Array.prototype.sort is stable: equal keys keep the order above.
	return entries.sort(
		(a, b) => a.day.localeCompare(b.day) || timeOfEntry(a).localeCompare(timeOfEntry(b)),
	)
}

/** The files that came with the request itself, not with a later message. */
export function requestFiles(view: CaseView): Attachment[] {
	return view.attachments.filter((file) => file.messageId === null)
}
