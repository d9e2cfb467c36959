// What the page shows once a recorded case is stored: its reference and, if
// the person gets one, their follow-up code, this once, with what to tell
// them and a slip in their language that the print stylesheet prints alone.
import { Link } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { PrintButton } from '~/features/staff-admin/recovery-sheet'
import type { FollowUpSlip } from './follow-up-slip.server'

export function RecordedCaseReceipt({
	reference,
	slip,
}: {
	reference: string
	slip: FollowUpSlip | null
}) {
	const { t } = useTranslation('staff')
	const heading = useRef<HTMLHeadingElement>(null)
	useEffect(() => heading.current?.focus(), [])
	return (
		<section className="recorded-case">
			<h1 ref={heading} tabIndex={-1}>
				{t('recordCase.done.heading')}
			</h1>
			<p>
				{t('recordCase.done.reference')} <strong data-testid="case-reference">{reference}</strong>
			</p>
			{slip ? (
				<>
					<section aria-labelledby="tell-title">
						<h2 id="tell-title">{t('recordCase.done.tellTitle')}</h2>
						<p className="warning">{t('recordCase.done.once')}</p>
						<ul>
							<li>{t('recordCase.done.tellRead')}</li>
							<li>{t('recordCase.done.tellWhere', { address: slip.address })}</li>
							<li>{t('recordCase.done.tellKeep')}</li>
						</ul>
						<PrintButton />
					</section>
					<CodeSlip slip={slip} />
				</>
			) : (
				<p>{t('recordCase.done.noCode')}</p>
			)}
			<ul>
				<li>
					<Link to={`/staff/cases/${reference}`}>{t('recordCase.done.openCase')}</Link>
				</li>
				<li>
					<Link to="/staff/cases/new">{t('recordCase.done.another')}</Link>
				</li>
			</ul>
		</section>
	)
}

/** The slip for the person, in their language. */
function CodeSlip({ slip }: { slip: FollowUpSlip }) {
	return (
		<section className="code-slip" lang={slip.language} dir={slip.dir} aria-labelledby="slip-title">
			{slip.officeName ? <p className="code-slip-office">{slip.officeName}</p> : null}
			<h2 id="slip-title">{slip.title}</h2>
			<p>{slip.intro}</p>
			<p className="follow-up-code" dir="ltr" lang="en" translate="no" data-testid="follow-up-code">
				{slip.code}
			</p>
			<p>
				{slip.followUp}:{' '}
				<span dir="ltr" translate="no">
					{slip.address}
				</span>
			</p>
			<p className="warning">{slip.secret}</p>
			{slip.officeContact ? <p dir="ltr">{slip.officeContact}</p> : null}
		</section>
	)
}
