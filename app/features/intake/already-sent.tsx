// What a second post of the same form gets (a reload of the confirmation, a
// double click, Back and send again): nothing more was stored, and the code
// was shown with the first post. It cannot be shown again, since it is stored
// nowhere; the page says what to do if it was not kept.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export function AlreadySent() {
	const { t } = useTranslation('code')
	const heading = useRef<HTMLHeadingElement>(null)
	useEffect(() => heading.current?.focus(), [])
	return (
		<article className="confirmation already-sent">
			<h1 ref={heading} tabIndex={-1}>
				{t('alreadySent.heading')}
			</h1>
			<p>{t('alreadySent.once')}</p>
			<p>{t('alreadySent.notAgain')}</p>
			<h2>{t('alreadySent.lostTitle')}</h2>
			<ul>
				<li>{t('alreadySent.lostContact')}</li>
				<li>{t('alreadySent.lostNew')}</li>
				<li>
					{t('alreadySent.lostOffice')} <a href="/">{t('alreadySent.officeLink')}</a>
				</li>
			</ul>
			<p>
				<a href="/follow-up">{t('intake:confirmation.followUpLink')}</a>
			</p>
		</article>
	)
}
