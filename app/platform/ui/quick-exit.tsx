// "Leave this page quickly", on every public page and always in view. A
// link to /exit, which ends a follow-up session and sends the browser to a
// neutral page; with JavaScript the page is replaced instead of followed
// (location.replace: Back does not return to it), and three presses of Esc
// within two seconds do the same.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

export const QUICK_EXIT_PATH = '/exit'

/**
 * Dispatched on window just before the quick exit leaves: a page that asks
 * before it is left (the code page) stands aside, since nothing may hold
 * back someone in danger.
 */
export const QUICK_EXIT_EVENT = 'anlaufstelle:quick-exit'

const PRESSES = 3
const WITHIN_MS = 2_000

function leave() {
	window.dispatchEvent(new Event(QUICK_EXIT_EVENT))
	window.location.replace(QUICK_EXIT_PATH)
}

export function QuickExit() {
	const { t } = useTranslation()
	useEffect(() => {
		let presses: number[] = []
		function onKeyDown(event: KeyboardEvent) {
			if (event.key !== 'Escape') return
			const now = Date.now()
			presses = [...presses.filter((at) => now - at < WITHIN_MS), now]
			if (presses.length >= PRESSES) leave()
		}
		document.addEventListener('keydown', onKeyDown)
		return () => document.removeEventListener('keydown', onKeyDown)
	}, [])
	return (
		<div className="quick-exit-bar">
			<a
				className="quick-exit"
				href={QUICK_EXIT_PATH}
				rel="noreferrer"
				aria-describedby="quick-exit-hint"
				onClick={(event) => {
					event.preventDefault()
					leave()
				}}
			>
				{t('quickExit')}
			</a>
			<span id="quick-exit-hint" className="visually-hidden">
				{t('quickExitHint')}
			</span>
		</div>
	)
}
