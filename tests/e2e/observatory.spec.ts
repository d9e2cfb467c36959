// The MDN HTTP Observatory grades the production server's headers, and
// anything below A+ fails.
//
// The Observatory always asks for http://HOST and https://HOST on the same
// port: it expects plain http to redirect to https, and it grades HSTS,
// cookies and everything else on the https answer, with a certificate it can
// verify. In production the app sits behind a reverse proxy that terminates
// TLS and redirects http to https (README, Production). This test plays that
// proxy: one local port that answers plain http with a redirect and TLS (a
// certificate made for this run, which only the scanner's process trusts)
// by passing each request to the app with X-Forwarded-Proto: https and the
// app's answer back unchanged. The headers graded are the app's own.
//
// The scan runs in a child process because Node reads NODE_EXTRA_CA_CERTS
// only when it starts; the package's own CLI wrapper would replace that
// variable with a Mozilla bundle that is downloaded at install time, which
// is not allowed here (package.json denies that install script).
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from './fixtures'

type ObservatoryTest = {
	pass: boolean
	result: string
	scoreModifier: number
}
type ObservatoryResult = {
	scan: { grade: string; score: number; testsFailed: number; testsQuantity: number }
	tests: Record<string, ObservatoryTest>
}

const HOST = '127.0.0.1'

test('the MDN HTTP Observatory grades the headers A+', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observatory-'))
	const front = await startTlsFront(new URL(process.env.E2E_BASE_URL!), makeCertificate(dir))
	try {
		const result = await runScan(`${HOST}:${front.port}`, path.join(dir, 'cert.pem'))
		const { grade, score } = result.scan
		const belowFullMarks = Object.entries(result.tests)
			.filter(([, t]) => !t.pass || t.scoreModifier < 0)
			.map(([name, t]) => `${name}: ${t.result} (${t.scoreModifier})`)
		const summary = Object.entries(result.tests)
			.map(
				([name, t]) =>
					`  ${name}: ${t.result} (${t.scoreModifier >= 0 ? '+' : ''}${t.scoreModifier})`,
			)
			.join('\n')
		console.log(`Observatory: ${grade}, score ${score}\n${summary}`)
		expect(
			grade,
			`Observatory grade ${grade} (score ${score}); failing: ${belowFullMarks.join('; ') || 'none'}`,
		).toBe('A+')
		expect(belowFullMarks, `Observatory score ${score}`).toEqual([])
	} finally {
		await front.close()
		fs.rmSync(dir, { recursive: true, force: true })
	}
})

test('HSTS for two years and a same-origin opener policy on the app itself', async ({
	request,
}) => {
	// What the scan needs from the app, asked of it directly (plain http, as
	// the reverse proxy talks to it).
	for (const url of ['/', '/request', '/staff/login', '/healthz']) {
		const headers = (await request.get(url)).headers()
		expect(headers['strict-transport-security'], url).toBe('max-age=63072000; includeSubDomains')
		expect(headers['cross-origin-opener-policy'], url).toBe('same-origin')
		expect(headers['cross-origin-resource-policy'], url).toBe('same-origin')
		expect(headers['content-security-policy'], url).toMatch(/script-src 'self' 'nonce-/)
	}
})

/** A self-signed certificate for 127.0.0.1, valid for this run only. */
function makeCertificate(dir: string): { key: string; cert: string } {
	const keyFile = path.join(dir, 'key.pem')
	const certFile = path.join(dir, 'cert.pem')
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'1',
			'-subj',
			`/CN=${HOST}`,
			'-addext',
			`subjectAltName=IP:${HOST}`,
			'-keyout',
			keyFile,
			'-out',
			certFile,
		],
		{ stdio: 'ignore' },
	)
	return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') }
}

/**
 * The reverse proxy: TLS connections (their first byte is 0x16, a TLS
 * handshake record) go to an https server that forwards to the app; plain
 * http gets a permanent redirect to the same URL over https.
 */
async function startTlsFront(target: URL, tls: { key: string; cert: string }) {
	const octet = () => Math.floor(Math.random() * 254) + 1
	const clientAddress = `10.${octet()}.${octet()}.${octet()}`
	const secure = https.createServer(tls, (req, res) => {
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: req.url,
				headers: {
					...req.headers,
					'x-forwarded-proto': 'https',
					'x-forwarded-for': clientAddress,
				},
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers)
				answer.pipe(res)
			},
		)
		upstream.on('error', () => res.writeHead(502).end())
		req.pipe(upstream)
	})
	const plain = http.createServer((req, res) => {
		res.writeHead(301, { Location: `https://${req.headers.host}${req.url}` }).end()
	})
	const front = net.createServer((socket) => {
		socket.on('error', () => socket.destroy())
		socket.once('data', (chunk) => {
			socket.pause()
			socket.unshift(chunk)
			;(chunk[0] === 0x16 ? secure : plain).emit('connection', socket)
			process.nextTick(() => socket.resume())
		})
	})
	await new Promise<void>((resolve) => front.listen(0, HOST, resolve))
	const { port } = front.address() as net.AddressInfo
	return {
		port,
		close: async () => {
			secure.closeAllConnections()
			plain.closeAllConnections()
			await new Promise((resolve) => front.close(resolve))
		},
	}
}

/** Runs the package's scan() in a process that trusts the run's certificate. */
async function runScan(target: string, caFile: string): Promise<ObservatoryResult> {
	const require = createRequire(import.meta.url)
	const packageDir = path.dirname(require.resolve('@mdn/mdn-http-observatory/package.json'))
	// The package reads the HSTS preload list from here but does not ship it
	// (its install script downloads it). 127.0.0.1 is on no preload list, so
	// an empty one grades the same.
	const preloadList = path.join(packageDir, 'conf', 'hsts-preload.json')
	if (!fs.existsSync(preloadList)) {
		fs.mkdirSync(path.dirname(preloadList), { recursive: true })
		fs.writeFileSync(`${preloadList}.${process.pid}`, '{}\n')
		fs.renameSync(`${preloadList}.${process.pid}`, preloadList)
	}
	const entry = pathToFileURL(require.resolve('@mdn/mdn-http-observatory')).href
	const script = `
		const { scan } = await import(process.env.OBSERVATORY_ENTRY)
		const result = await scan(process.env.OBSERVATORY_TARGET)
		process.stdout.write(JSON.stringify({ scan: result.scan, tests: result.tests }))
	`
	const stdout = await new Promise<string>((resolve, reject) => {
		execFile(
			process.execPath,
			['--input-type=module', '--eval', script],
			{
				env: {
					PATH: process.env.PATH ?? '',
					HOME: process.env.HOME ?? '',
					NODE_ENV: 'production',
					NODE_EXTRA_CA_CERTS: caFile,
					OBSERVATORY_ENTRY: entry,
					OBSERVATORY_TARGET: target,
				},
				timeout: 45_000,
				maxBuffer: 16 * 1024 * 1024,
			},
			(error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
		)
	})
	return JSON.parse(stdout) as ObservatoryResult
}
