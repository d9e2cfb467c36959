import { PassThrough } from 'node:stream'
import {
	createReadableStreamFromReadable,
	type AppLoadContext,
	type EntryContext,
	type HandleErrorFunction,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { errorSummary, getLogger } from './platform/logger.server'
import { NonceContext } from './platform/ui/nonce'

const ABORT_DELAY = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const nonce = loadContext.cspNonce
	// The whole document is rendered before it is sent, so that the status
	// code is always right (pages here are small; nothing is deferred).
	return new Promise((resolve, reject) => {
		let shellRendered = false
		const { pipe, abort } = renderToPipeableStream(
			<NonceContext.Provider value={nonce}>
				<RemixServer
					context={remixContext}
					url={request.url}
					abortDelay={ABORT_DELAY}
					nonce={nonce}
				/>
			</NonceContext.Provider>,
			{
				nonce,
				onAllReady() {
					shellRendered = true
					const body = new PassThrough()
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(
						new Response(createReadableStreamFromReadable(body), {
							headers: responseHeaders,
							status: responseStatusCode,
						}),
					)
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) getLogger().error({ err: errorSummary(error) }, 'render error')
				},
			},
		)
		setTimeout(abort, ABORT_DELAY)
	})
}

/** Aborted requests (the visitor left) are not errors. */
export const handleError: HandleErrorFunction = (error, { request }) => {
	if (request.signal.aborted) return
	getLogger().error(
		{ err: errorSummary(error), path: new URL(request.url).pathname },
		'request failed',
	)
}
