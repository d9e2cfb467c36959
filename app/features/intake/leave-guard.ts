// With JavaScript, the code page is not left without a question while its
// code may not be kept yet: closing or reloading the tab asks (the browser's
// own beforeunload question), and a click on any link that leaves the page
// (the header's languages and home, the follow-up link) asks in the page's
// language. Keeping the code (copied, saved, printed, practised) or agreeing
// once ends the questions. The quick exit is never held back: it tells the
// page before it leaves (QUICK_EXIT_EVENT), and its own links are not asked about.
import { useCallback, useEffect, useRef } from 'react'
import { QUICK_EXIT_EVENT } from '~/platform/ui/quick-exit'

/** Returns the function that ends the questions. */
export function useLeaveGuard(question: string): () => void {
	const disarmed = useRef(false)
	useEffect(() => {
		const disarm = () => {
			disarmed.current = true
		}
		const onBeforeUnload = (event: BeforeUnloadEvent) => {
			if (disarmed.current) return
			event.preventDefault()
			// Older browsers ask only when this is set.
			event.returnValue = ''
		}
		const onClick = (event: MouseEvent) => {
			// A new tab or window (a modifier held) leaves nothing.
			const elsewhere = event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0
			if (disarmed.current || event.defaultPrevented || elsewhere) return
			const link = event.target instanceof Element ? event.target.closest('a[href]') : null
			// A link within the page (the skip link) does not leave it.
			if (!link || link.closest('.quick-exit-bar') || link.getAttribute('href')?.startsWith('#'))
				return
			if (window.confirm(question)) disarm()
			else event.preventDefault()
		}
		window.addEventListener('beforeunload', onBeforeUnload)
		window.addEventListener(QUICK_EXIT_EVENT, disarm)
		document.addEventListener('click', onClick)
		return () => {
			window.removeEventListener('beforeunload', onBeforeUnload)
			window.removeEventListener(QUICK_EXIT_EVENT, disarm)
			document.removeEventListener('click', onClick)
		}
	}, [question])
	return useCallback(() => {
		disarmed.current = true
	}, [])
}
