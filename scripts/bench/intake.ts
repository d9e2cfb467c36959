// Intake throughput against a baseline measured in the same run on the same
// PostgreSQL: a bare Node HTTP endpoint that reads the same body and inserts
// one row of the same size. Both at 32 concurrent clients.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import pg from 'pg'

export type LoadResult = {
	requestsPerSecond: number
	p50: number
	p99: number
	errors: number
	non2xx: number
}

const CONNECTIONS = 32

export async function load(options: {
	url: string
	body: Buffer
	contentType: string
	durationSeconds: number
}): Promise<LoadResult> {
	const octet = () => Math.floor(Math.random() * 254) + 1
	const result = await autocannon({
		url: options.url,
		method: 'POST',
		connections: CONNECTIONS,
		duration: options.durationSeconds,
		headers: {
			'content-type': options.contentType,
			'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}`,
		},
		body: options.body,
		// Each request poses as another client, so that the rate limit (which
		// protects the real form) does not end the measurement.
		setupClient: (client) => {
			client.setHeaders({
				'content-type': options.contentType,
				'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}`,
			})
			client.on('response', () => {
				client.setHeaders({
					'content-type': options.contentType,
					'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}`,
				})
			})
		},
	})
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
	}
}

/** A form post as a browser without JavaScript sends it. */
export function intakeBody(formToken: string): { body: Buffer; contentType: string } {
	const boundary = `----bench${randomBytes(8).toString('hex')}`
	const fields: Array<[string, string]> = [
		['formStarted', formToken],
		['narrative', 'Im Bus wurde ich wegen meiner Herkunft beschimpft. '.repeat(20)],
		['place', 'St. Gallen'],
		['areas', 'public_space'],
		['forms', 'insult'],
		['motives', 'xenophobia'],
		['actors', 'private_person'],
		['ageGroup', '26_40'],
		['wishes', 'counselling'],
		['contactMode', 'contact'],
		['contactName', 'Bench'],
		['contactEmail', 'bench@example.ch'],
		['consent', 'yes'],
	]
	const parts = fields.map(
		([name, value]) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	)
	const body = Buffer.from(`${parts.join('')}--${boundary}--\r\n`)
	return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

/** The baseline: read the body, insert one row of the same size, answer. */
export async function startBaselineServer(databaseUrl: string, rowBytes: number) {
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
	await pool.query(
		'CREATE TABLE IF NOT EXISTS bench_baseline (id uuid PRIMARY KEY, payload bytea NOT NULL)',
	)
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			pool
				.query('INSERT INTO bench_baseline (id, payload) VALUES (gen_random_uuid(), $1)', [
					randomBytes(rowBytes),
				])
				.then(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'))
				.catch(() => res.writeHead(500).end())
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
		stop: async () => {
			await new Promise((resolve) => server.close(resolve))
			await pool.end()
		},
	}
}
