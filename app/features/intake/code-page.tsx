// The page after a request is stored: the follow-up code, this once, and
// help to keep it. Without JavaScript: save it as a text file, print it with
// the browser's menu (the print stylesheet prints the code), practise its
// last four characters. With JavaScript also: copy it, print with a button,
// practise in place, and a question before the page is left while the code
// may not be kept yet (leave-guard.ts). The forms post the code back to
// /request/code and /request/code.txt, since the server keeps none.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isLastFourOf } from './code-practice'
import { useLeaveGuard } from './leave-guard'

const PRACTICE_ACTION = '/request/code'
const SAVE_ACTION = '/request/code.txt'

type Props = {
	code: string
	/** The follow-up page's address on this site, for a printout. */
	address: string
	withContact: boolean
	/** Anonymous, yet contact details were sent: they were not kept, and the page says so. */
	contactDropped?: boolean
	/** The outcome of a practice the server checked (without JavaScript). */
	practised?: boolean
}

export function CodePage({ code, address, withContact, contactDropped, practised }: Props) {
	const { t } = useTranslation(['intake', 'code'])
	const heading = useRef<HTMLHeadingElement>(null)
	const [scripted, setScripted] = useState(false)
	const [copyStatus, setCopyStatus] = useState<'copied' | 'copyFailed' | null>(null)
	const [practice, setPractice] = useState(practised)
	const disarm = useLeaveGuard(t('code:leaveQuestion'))
	useEffect(() => {
		setScripted(true)
		// A right practice, checked by the server, has kept the code already.
		if (practised) disarm()
		heading.current?.focus()
	}, [practised, disarm])

	const copy = () => {
		navigator.clipboard.writeText(code).then(
			() => {
				disarm()
				setCopyStatus('copied')
			},
			() => setCopyStatus('copyFailed'),
		)
	}
	const print = () => {
		disarm()
		window.print()
	}
	const practiseInPlace = (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault()
		const right = isLastFourOf(code, String(new FormData(event.currentTarget).get('lastFour')))
		if (right) disarm()
		setPractice(right)
	}

	return (
		<article className="confirmation code-page">
			<h1 ref={heading} tabIndex={-1}>
				{t('confirmation.heading')}
			</h1>
			{contactDropped ? <p className="notice">{t('confirmation.contactDropped')}</p> : null}
			<section aria-labelledby="code-title" className="code-box">
				<h2 id="code-title">{t('confirmation.codeTitle')}</h2>
				<p>{t('confirmation.codeIntro')}</p>
				<p
					className="follow-up-code"
					dir="ltr"
					lang="en"
					translate="no"
					data-testid="follow-up-code"
				>
					{code}
				</p>
				{/* The address isolated left to right (U+2066…U+2069), in a right-to-left sentence too. */}
				<p>{t('code:file.use', { address: `\u2066${address}\u2069` })}</p>
				<p className="warning">{t('confirmation.codeWarning')}</p>
				<p>{t('confirmation.codeSecret')}</p>
			</section>

			<section aria-labelledby="keep-title" className="keep-code">
				<h2 id="keep-title">{t('code:keepTitle')}</h2>
				<div className="keep-actions">
					{scripted ? (
						<button type="button" className="button-secondary" onClick={copy}>
							{t('code:copy')}
						</button>
					) : null}
					{/* A plain form: the answer is a download, the page stays. */}
					<form method="post" action={SAVE_ACTION} onSubmit={disarm}>
						<input type="hidden" name="code" value={code} />
						<button type="submit" className="button-secondary">
							{t('code:save')}
						</button>
					</form>
					{scripted ? (
						<button type="button" className="button-secondary" onClick={print}>
							{t('code:print')}
						</button>
					) : null}
				</div>
				<p role="status" className="keep-status">
					{copyStatus ? t(`code:${copyStatus}`) : null}
				</p>
				<p className="print-hint">{t('code:printHint')}</p>
			</section>

			<section aria-labelledby="practice-title" className="code-practice">
				<h2 id="practice-title">{t('code:practice.title')}</h2>
				<p>{t('code:practice.intro')}</p>
				<form method="post" action={PRACTICE_ACTION} onSubmit={practiseInPlace}>
					<input type="hidden" name="code" value={code} />
					{withContact ? <input type="hidden" name="withContact" value="yes" /> : null}
					<label htmlFor="last-four">{t('code:practice.label')}</label>
					<div className="practice-row">
						<input
							id="last-four"
							name="lastFour"
							dir="ltr"
							maxLength={40}
							size={8}
							autoComplete="off"
							autoCapitalize="characters"
							spellCheck={false}
							aria-describedby="practice-result"
						/>
						<button type="submit" className="button-secondary">
							{t('code:practice.check')}
						</button>
					</div>
				</form>
				<p
					id="practice-result"
					role="status"
					className={practice === false ? 'practice-result warning' : 'practice-result'}
				>
					{practice === undefined
						? null
						: t(practice ? 'code:practice.right' : 'code:practice.wrong')}
				</p>
			</section>

			<section aria-labelledby="next-title">
				<h2 id="next-title">{t('confirmation.nextTitle')}</h2>
				<p>{withContact ? t('confirmation.nextContact') : t('confirmation.nextAnonymous')}</p>
				<p>
					<a href="/follow-up">{t('confirmation.followUpLink')}</a>
				</p>
			</section>
		</article>
	)
}
